# SPDX-License-Identifier: MIT
"""The one retry schedule for everything that talks to the hub (the sync thread, the listener).

Doubling from `first` up to `maximum` seconds, so a hub that is back is found within seconds while
a hub that stays away costs one short connection attempt every half minute. A success resets it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

FIRST_S = 1.0
MAX_S = 30.0


@dataclass
class Backoff:
    first: float = FIRST_S
    maximum: float = MAX_S
    _current: float = field(default=0.0, init=False)

    def failed(self) -> float:
        """One more failure: how long to wait before the next attempt."""
        self._current = min(max(self.first, self._current * 2), self.maximum)
        return self._current

    def succeeded(self) -> None:
        self._current = 0.0

    @property
    def current(self) -> float:
        """The wait after the last failure (0 after a success)."""
        return self._current
