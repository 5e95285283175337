# SPDX-License-Identifier: MIT
"""Badges: templates as data (TOML), text fitting, reportlab PDF rendering, and the print log.

Plain Python: printing through Qt lives in `checkin.ui.printing`.
"""
