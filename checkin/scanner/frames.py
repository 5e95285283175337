# SPDX-License-Identifier: MIT
"""The frame type and source protocol shared by every source (re-exported by `sources`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np


@dataclass(frozen=True)
class Frame:
    image: np.ndarray  # uint8, BGR (h, w, 3) or grey (h, w)
    timestamp: float  # time.monotonic() when the frame was captured or loaded
    index: int


class SourceError(Exception):
    """A source that cannot be opened or read; the message says which and why."""


class EndOfStream(Exception):
    """A finite source (image, folder, video) has no more frames."""


class FrameSource(Protocol):
    name: str

    def open(self) -> None: ...

    def read(self) -> Frame | None: ...

    def close(self) -> None: ...
