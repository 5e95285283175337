#!/usr/bin/env bash
# Build the one-folder desk app with PyInstaller, then run the built binary's self-test.
# Usage: scripts/build_app.sh        Result: dist/checkin/ (copy this folder to a desk laptop)
#
# Runs on Linux (bash), macOS (bash/zsh) and Windows (Git Bash, as on GitHub's windows-latest):
# PyInstaller does not cross-compile, so each desk OS is built on that OS. Only on Debian/Ubuntu are
# system packages installed (scripts/setup.sh, apt); Windows and macOS need nothing beyond Python
# 3.11+ (the wheels carry Qt, OpenCV and zxing-cpp). CHECKIN_SKIP_SETUP=1 uses the environment as it
# is; CHECKIN_VENV=DIR builds with another virtual environment than .venv.
set -euo pipefail
cd "$(dirname "$0")/.."

case "$(uname -s)" in
  Linux*) OS=linux ;;
  Darwin*) OS=macos ;;
  MINGW* | MSYS* | CYGWIN*) OS=windows ;;
  *) OS=other ;;
esac
PY="${PYTHON:-python3}"
VENV="${CHECKIN_VENV:-.venv}"
if [ "$OS" = windows ]; then
  command -v "$PY" >/dev/null 2>&1 || PY=python   # the Windows installer names it python.exe
  BIN="$VENV/Scripts"
  APP=dist/checkin/checkin.exe
else
  BIN="$VENV/bin"
  APP=dist/checkin/checkin
fi

if [ "${CHECKIN_SKIP_SETUP:-}" != 1 ]; then
  if [ "$OS" = linux ] && command -v apt-get >/dev/null 2>&1; then
    scripts/setup.sh app
  else
    [ -x "$BIN/python" ] || [ -x "$BIN/python.exe" ] || "$PY" -m venv "$VENV"
    "$BIN/python" -m pip install -q --upgrade pip
    "$BIN/python" -m pip install -q -e .
  fi
fi
"$BIN/python" -m pip install -q "pyinstaller>=6.5"

start=$(date +%s)
"$BIN/python" -m PyInstaller --noconfirm --clean --log-level WARN build_installer.spec
end=$(date +%s)
size=$(du -sh dist/checkin 2>/dev/null | cut -f1 || echo "?")
echo "build on $OS took $((end - start)) s; folder size $size"

# The self-test needs no display: Qt's offscreen platform serves its window and print checks.
if [ "$OS" = linux ]; then
  env -u DISPLAY -u WAYLAND_DISPLAY QT_QPA_PLATFORM=offscreen "$APP" --self-test
else
  QT_QPA_PLATFORM=offscreen "$APP" --self-test
fi
