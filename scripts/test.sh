#!/usr/bin/env bash
# Set up and run every check: lint (ruff), types (mypy) and the whole pytest suite.
# PostgreSQL tests use CHECKIN_TEST_PG_URL; when it is unset and a local server answers on
# 127.0.0.1:5432 they use postgresql://postgres@127.0.0.1:5432/test, otherwise they are skipped
# (CI sets the URL, so there they always run).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
export QT_QPA_PLATFORM=offscreen
if [ -z "${CHECKIN_TEST_PG_URL:-}" ] && command -v pg_isready >/dev/null 2>&1 \
   && pg_isready -q -h 127.0.0.1 -p 5432; then
  export CHECKIN_TEST_PG_URL="postgresql://postgres@127.0.0.1:5432/test"
fi
echo "== ruff";  .venv/bin/ruff check checkin tests bench scripts
echo "== mypy";  .venv/bin/mypy checkin
echo "== pytest"; exec .venv/bin/python -m pytest "$@"
