# SPDX-License-Identifier: MIT
"""Minutes of presence in a session, from its entries and exits: a pure function, no I/O.

The organiser sets the rules per event (`[presence]` in the event file, kept in the event's
settings so every desk and the hub apply the same ones):

    [presence]
    missing_exit = "session_end"   # an entry without an exit closes at the session's end ("ignore": 0 min)
    clip_to_session = true         # time before the start or after the end does not count
    attended_share = 0.8           # present at least 80 % of the session's length = "attended"

Only the scan log goes in, in time order; the same log gives the same minutes on every desk, in
whatever order the scans arrived. An exit with no open entry before it (a double exit, an exit
whose entry never reached any desk) closes nothing; a second entry while already inside (two
doors that both saw someone before syncing) opens nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from checkin.domain.results import Direction

MISSING_EXIT_CHOICES = ("session_end", "ignore")


class PresenceRulesError(ValueError):
    """The `[presence]` table of the event file is wrong; the message names the key."""


@dataclass(frozen=True, slots=True)
class PresenceRules:
    missing_exit: str = "session_end"
    clip_to_session: bool = True
    attended_share: float = 0.8

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> PresenceRules:
        """From the event's settings (`settings["presence"]`); defaults where absent."""
        return parse_rules(settings.get("presence") or {})

    def to_json(self) -> dict[str, Any]:
        return {"missing_exit": self.missing_exit, "clip_to_session": self.clip_to_session,
                "attended_share": self.attended_share}


def parse_rules(data: Mapping[str, Any], where: str = "[presence]") -> PresenceRules:
    """Checked values, or a `PresenceRulesError` that says which key and what is allowed."""
    if not isinstance(data, Mapping):
        raise PresenceRulesError(f"{where} must be a table of rules")
    unknown = set(data) - {"missing_exit", "clip_to_session", "attended_share"}
    if unknown:
        raise PresenceRulesError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}; allowed: "
                                 "missing_exit, clip_to_session, attended_share")
    missing = data.get("missing_exit", "session_end")
    if missing not in MISSING_EXIT_CHOICES:
        raise PresenceRulesError(f"{where} missing_exit must be one of {', '.join(MISSING_EXIT_CHOICES)}, "
                                 f"got {missing!r}")
    clip = data.get("clip_to_session", True)
    if not isinstance(clip, bool):
        raise PresenceRulesError(f"{where} clip_to_session must be true or false, got {clip!r}")
    share = data.get("attended_share", 0.8)
    if isinstance(share, bool) or not isinstance(share, int | float) or not 0 < share <= 1:
        raise PresenceRulesError(f"{where} attended_share must be a fraction above 0 and at most 1 "
                                 f"(0.8 = 80 %), got {share!r}")
    return PresenceRules(str(missing), clip, float(share))


@dataclass(frozen=True, slots=True)
class Movement:
    direction: Direction
    time: datetime  # UTC


@dataclass(frozen=True, slots=True)
class PresenceSpan:
    """One person's presence in one session."""

    first_in: datetime | None
    last_out: datetime | None  # the exit that closed the last stay; None while inside (or never left)
    seconds: float
    attended: bool
    inside: bool  # the last stay has no exit yet

    @property
    def minutes(self) -> int:
        """Whole minutes (rounded down: 29 min 59 s is not 30 minutes of a workshop)."""
        return int(self.seconds // 60)


def session_length(starts: datetime | None, ends: datetime | None) -> timedelta | None:
    if starts is None or ends is None or ends <= starts:
        return None
    return ends - starts


def presence_span(movements: Iterable[Movement], rules: PresenceRules, starts: datetime | None,
                  ends: datetime | None, now: datetime) -> PresenceSpan:
    """Pair entries with the exits after them, close an open stay, clip and add up.

    `now` matters only while the session runs: an open stay counts until now, never past the end.
    Without an end time an open stay counts until now.
    """
    stays: list[tuple[datetime, datetime]] = []
    opened: datetime | None = None
    first_in: datetime | None = None
    last_out: datetime | None = None
    for m in movements:
        if m.direction is Direction.IN:
            if opened is None:
                opened = m.time
                if first_in is None:
                    first_in = m.time
        elif opened is not None:
            stays.append((opened, m.time))
            last_out = m.time
            opened = None
    inside = opened is not None
    if opened is not None and rules.missing_exit == "session_end":
        close = min(ends, now) if ends is not None else now
        if close > opened:
            stays.append((opened, close))
    total = 0.0
    for start, end in stays:
        if rules.clip_to_session:
            if starts is not None:
                start = max(start, starts)
            if ends is not None:
                end = min(end, ends)
        if end > start:
            total += (end - start).total_seconds()
    length = session_length(starts, ends)
    if first_in is None:
        attended = False
    elif length is None:
        attended = True  # no times to measure against: being there is attending
    else:
        attended = total + 1e-6 >= rules.attended_share * length.total_seconds()
    return PresenceSpan(first_in, last_out, total, attended, inside)
