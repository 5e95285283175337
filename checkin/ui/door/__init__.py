# SPDX-License-Identifier: MIT
"""Door mode: one checkpoint locked in, full screen, for room doors on small laptops and tablets."""
