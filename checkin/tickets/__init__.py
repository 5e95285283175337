# SPDX-License-Identifier: MIT
"""Signed tickets: the QR payload format, keys and rendering."""
