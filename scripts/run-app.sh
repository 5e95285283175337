#!/usr/bin/env bash
# Set up and start the desk app on its default local database (the demo congress when empty).
# Any arguments are passed to `checkin` (e.g. --db FILE, --desk "Desk 2").
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh app
exec .venv/bin/checkin "$@"
