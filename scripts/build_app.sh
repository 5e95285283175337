#!/usr/bin/env bash
# Build the one-folder desk app with PyInstaller, then run the built binary's self-test.
# Usage: scripts/build_app.sh        Result: dist/checkin/ (copy this folder to a desk laptop)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh app
.venv/bin/python -m pip install -q "pyinstaller>=6.5"
start=$(date +%s)
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN build_installer.spec
end=$(date +%s)
echo "build took $((end - start)) s; folder size $(du -sh dist/checkin | cut -f1)"
# The self-test needs no display: it uses Qt's offscreen platform for its window/print check.
env -u DISPLAY QT_QPA_PLATFORM=offscreen dist/checkin/checkin --self-test
