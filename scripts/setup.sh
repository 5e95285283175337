#!/usr/bin/env bash
# Set up (or refresh) the Python environment in .venv and the system libraries checkin needs.
# Usage: scripts/setup.sh [app|test]   (test also installs the test and lint tools)
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
MODE="${1:-app}"

# Debian/Ubuntu packages:
#   libzbar0            pyzbar's native decoder (the zxing-cpp decoder needs nothing extra)
#   libegl1 libgl1 libxkbcommon-x11-0 libxcb-cursor0 libfontconfig1 libdbus-1-3
#                       what Qt's window system plugin loads on X11/Wayland desktops
#   fonts-dejavu-core   a Unicode font for the user interface
#   python3-venv        to create .venv
# Tests also use: poppler-utils (pdftotext, pdffonts, pdftoppm check the PDFs), xvfb (screenshots).
APP_PKGS="libzbar0 libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
libxcb-shape0 libxcb-randr0 libxcb-render-util0 libxcb-image0 libfontconfig1 libdbus-1-3 libglib2.0-0 fonts-dejavu-core
python3-venv"
TEST_PKGS="poppler-utils xvfb"
PKGS="$APP_PKGS"
if [ "$MODE" = "test" ]; then PKGS="$PKGS $TEST_PKGS"; fi

missing=""
if command -v dpkg-query >/dev/null 2>&1; then
  for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
fi
if [ -n "$missing" ]; then
  echo "checkin setup: installing system packages:$missing"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  if ! { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null; }; then
    echo "checkin setup: could not install:$missing" >&2
    echo "  install them yourself (sudo apt-get install$missing) and run this again." >&2
    exit 1
  fi
fi

PY="${PYTHON:-python3}"
if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "checkin setup: Python 3.11 or newer is needed (found: $("$PY" --version 2>&1))." >&2
  exit 1
fi
[ -x .venv/bin/python ] || "$PY" -m venv .venv
EXTRAS=""
stamp=".venv/.checkin-installed"
if [ "$MODE" = "test" ]; then
  EXTRAS="[dev]"
  stamp=".venv/.checkin-installed-test"
fi
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null
  .venv/bin/python -m pip install -q -e ".$EXTRAS"
  touch "$stamp"
fi
