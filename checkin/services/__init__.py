# SPDX-License-Identifier: MIT
"""Use cases: each public method is one local transaction."""
