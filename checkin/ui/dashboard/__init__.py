# SPDX-License-Identifier: MIT
"""The coordinator dashboard: live headcounts, arrivals, sessions and desks, and a projector mode."""
