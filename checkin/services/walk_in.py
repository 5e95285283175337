# SPDX-License-Identifier: MIT
"""The walk-in: someone arrives unregistered, is registered, checked in and (maybe) gets a badge.

One entry, `walk_in`, for the desk's F3 form and `checkin walk-in` alike. Registration and
admission share ONE local transaction: either the person exists and is checked in, or neither
happened (before, a crash between the two left a registered person who was not in the headcount).
The badge is not printed here — a printer is a device, not a database row — but the answer says
whether it should be: asked for on the form, or the desk's auto-print setting is on (a walk-in
never has an earlier copy, so the reprint rule cannot object).

Thread: the app's DB-writer lane (it writes through `CheckInService`, one thread at a time).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from checkin.config import load_settings
from checkin.domain.decision import Decision
from checkin.domain.models import Attendee, Checkpoint
from checkin.domain.results import Source
from checkin.services.checkin import CheckInService
from checkin.services.registration import add_walk_in
from checkin.storage.db import write_tx


@dataclass(frozen=True, slots=True)
class WalkIn:
    attendee: Attendee
    decision: Decision
    print_badge: bool  # print the first badge now: asked for, or auto-print is on at this desk


def walk_in(service: CheckInService, checkpoint: Checkpoint, *, print_requested: bool = False,
            **person: Any) -> WalkIn:
    """Register `person` (first_name, last_name, organisation … as `register_walk_in` takes them)
    for the checkpoint's day and admit them there. RegistrationError names the field at fault.

    A session checkpoint admits by the session's own rules (a walk-in is registered for the day
    only; a workshop that needs registration says so, as it would for anyone)."""
    days = list(person.pop("days", ()) or ())
    if checkpoint.day not in days:
        days.append(checkpoint.day)
    with write_tx(service.engine) as conn:
        attendee = add_walk_in(conn, service.desk, days=days, **person)
        decision = service.admit_in(conn, attendee.id, checkpoint, Source.WALK_IN)
    wants_badge = print_requested or load_settings(service.engine).auto_print
    return WalkIn(attendee, decision, wants_badge and decision.admitted)
