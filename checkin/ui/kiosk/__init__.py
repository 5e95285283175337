# SPDX-License-Identifier: MIT
"""The self check-in kiosk: attendees check themselves in; nothing about anyone else is shown."""
