# SPDX-License-Identifier: MIT
"""From pixels or keystrokes to code texts: frame sources, QR decoders, debounce, HID scanners.

Nothing here imports Qt or touches the database; the desk app's camera worker and the CLI both
drive `sources.open_source` -> `pipeline.ScanPipeline` and hand the texts to `CheckInService.scan`.
"""
