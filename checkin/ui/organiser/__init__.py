# SPDX-License-Identifier: MIT
"""Organiser tools behind a password: event, import, tickets, badges, exports, settings, wipe."""
