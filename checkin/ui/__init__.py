# SPDX-License-Identifier: MIT
"""The PySide6 desktop app: the only package that imports Qt."""
