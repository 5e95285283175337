# SPDX-License-Identifier: MIT
"""Plain-Python domain: dataclasses, results and rules. Imports nothing but the stdlib."""
