# SPDX-License-Identifier: MIT
"""Who may enter where: a pure function of the attendee, the checkpoint and what is recorded.

Kept free of I/O so every case is a one-line unit test, and so the same rules run at every desk.
The order mirrors what a volunteer must hear first: a cancelled ticket outranks "already in",
and "already in" outranks "full" (someone already seated is never turned away for capacity).
Where exits are scanned (`track_exits`), capacity counts the people inside, so a full room admits
again once someone leaves, and coming back is a re-entry (admitted, counted once), not a duplicate.
"""

from __future__ import annotations

from dataclasses import dataclass

from checkin.domain.models import Attendance, Attendee, Checkpoint
from checkin.domain.results import Direction, ScanResult


@dataclass(frozen=True, slots=True)
class CheckpointState:
    """What the database knows about this attendee at this checkpoint, read in the same transaction."""

    attendance: Attendance | None  # active attendance (first admission), if any
    occupancy: int  # people counted against capacity (present, or inside when exits are scanned)


@dataclass(frozen=True, slots=True)
class Verdict:
    result: ScanResult
    reason: str = ""  # a short machine-readable reason, e.g. "day_not_registered"


def decide(
    attendee: Attendee, checkpoint: Checkpoint, state: CheckpointState, direction: Direction = Direction.IN
) -> Verdict:
    if attendee.cancelled:
        return Verdict(ScanResult.CANCELLED, "attendee_cancelled")

    if direction is Direction.OUT:
        if state.attendance is not None and state.attendance.inside:
            return Verdict(ScanResult.ACCEPTED, "exit")
        if checkpoint.tracks_inside:
            # Exits are events like entries: the entry may have been scanned at another door and not
            # have reached this desk yet. Recorded, it pairs with that entry once sync brings it;
            # refused, those minutes of presence would be lost for good.
            return Verdict(ScanResult.ACCEPTED, "exit_unmatched")
        return Verdict(ScanResult.NOT_INSIDE, "exit_without_entry")

    session = checkpoint.session
    if session is None:
        if not attendee.registered_for_day(checkpoint.day):
            return Verdict(ScanResult.NOT_REGISTERED, "day_not_registered")
    else:
        if session.requires_registration:
            if session.code not in attendee.sessions:
                return Verdict(ScanResult.NOT_REGISTERED, "session_not_registered")
        elif not attendee.registered_for_day(checkpoint.day) and session.code not in attendee.sessions:
            return Verdict(ScanResult.NOT_REGISTERED, "day_not_registered")

    if state.attendance is not None:
        if checkpoint.tracks_inside and not state.attendance.inside:
            return _capacity_or(session, state, Verdict(ScanResult.ACCEPTED, "re_entry"))
        return Verdict(ScanResult.DUPLICATE, "already_checked_in")

    return _capacity_or(session, state, Verdict(ScanResult.ACCEPTED))


def _capacity_or(session: object, state: CheckpointState, verdict: Verdict) -> Verdict:
    capacity = getattr(session, "capacity", None)
    if capacity is not None and state.occupancy >= capacity:
        return Verdict(ScanResult.FULL, "capacity_reached")
    return verdict
