# SPDX-License-Identifier: MIT
"""Worker objects that live on their own QThread and talk to widgets only through signals."""
