# SPDX-License-Identifier: MIT
"""`python -m checkin` runs the same entry point as the `checkin` console script."""

from checkin.cli import main

raise SystemExit(main())
