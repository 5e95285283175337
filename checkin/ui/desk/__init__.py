# SPDX-License-Identifier: MIT
"""The reception desk screen: camera, result panel, search, walk-ins, recent scans."""
