# SPDX-License-Identifier: MIT
"""One person in front of the camera is one scan, however many frames show their ticket.

A webcam sees the same code 30 times a second. The debouncer lets the first sighting through and
then suppresses that ticket for as long as it keeps being seen, plus `window_s` seconds: the
window slides with every sighting, so an attendee who stands at the desk for ten seconds is still
one scan, and the same ticket shown again after walking away (a real second scan) is let through
and recorded as a duplicate by the check-in service.

Keys are ticket ids for signed tickets, never the raw text: a handheld scanner with a swapped
keyboard layout or a re-rendered code must not count as another ticket.

Threading: used by one thread (the camera worker or the GUI thread for a handheld scanner).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from checkin.tickets import token


def dedupe_key(text: str) -> str:
    """`ticket:<id>` for a signed ticket, `code:<CODE>` for an external code, else the raw text.

    Parsing is cheap (no signature check): a forged code reusing a real ticket id is still
    rejected by the service, it just shares the 3-second quiet period.
    """
    try:
        parsed = token.parse_code(text)
    except token.TicketError:
        return "raw:" + text.strip()[:token.MAX_CODE_LENGTH]
    if isinstance(parsed, token.SignedTicket):
        return "ticket:" + parsed.ticket_id
    return "code:" + parsed.code.upper()


class Debouncer:
    def __init__(self, window_s: float = 3.0, clock: Callable[[], float] = time.monotonic) -> None:
        if window_s < 0:
            raise ValueError("window_s must not be negative")
        self.window_s = window_s
        self.clock = clock
        self._last_seen: dict[str, float] = {}

    def accept(self, key: str) -> bool:
        """True when `key` is new or has not been seen for `window_s` seconds; records the sighting."""
        now = self.clock()
        last = self._last_seen.get(key)
        self._last_seen[key] = now
        if len(self._last_seen) > 256:
            self._forget_before(now - self.window_s)
        return last is None or now - last > self.window_s

    def reset(self) -> None:
        """Forget everything (the volunteer switched checkpoint: the same ticket scans again)."""
        self._last_seen.clear()

    def _forget_before(self, cutoff: float) -> None:
        for key in [k for k, seen in self._last_seen.items() if seen < cutoff]:
            del self._last_seen[key]
