# SPDX-License-Identifier: MIT
"""Self check-in at a kiosk: the attendee's own ticket, or their surname and a booking code or the
last digits of their phone when the event allows it.

What the kiosk may show is decided here, not in the window: a welcome with the person's own name
when they are admitted, otherwise only "please go to the desk" — never why, never anyone else's
name, never a list. Every attempt goes through the ordinary check-in path with source `kiosk`, so
logs, dashboards and exports tell kiosk check-ins apart, and failed look-ups are logged too.

Event settings (`[event]` in the event file): `kiosk_lookup = ["booking_code", "phone"]` turns on
the typed look-up (default: none, tickets only).

Thread: the app's writer lane (or the CLI); each call opens its own connection.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Engine, select

from checkin.domain.decision import Decision
from checkin.domain.models import Checkpoint, Event
from checkin.domain.results import Source
from checkin.domain.text import fold
from checkin.services.checkin import CheckInService
from checkin.storage import tables as t
from checkin.storage.db import read_tx

LOOKUP_METHODS = ("booking_code", "phone")
MIN_PHONE_DIGITS = 4


@dataclass(frozen=True, slots=True)
class KioskOutcome:
    """What the kiosk screen may say: a welcome with the person's own name, or 'go to the desk'."""

    welcome: bool
    first_name: str = ""
    full_name: str = ""
    decision: Decision | None = None  # for printing and logs only; the screen never shows its reason

    @property
    def attendee(self) -> object | None:
        return self.decision.attendee if self.decision and self.welcome else None


def lookup_methods(event: Event) -> tuple[str, ...]:
    configured = event.settings.get("kiosk_lookup") or []
    if isinstance(configured, str):
        configured = [part.strip() for part in configured.split(",")]
    return tuple(m for m in configured if m in LOOKUP_METHODS)


def _outcome(decision: Decision) -> KioskOutcome:
    if decision.admitted and decision.attendee is not None:
        return KioskOutcome(True, decision.attendee.first_name, decision.attendee.full_name, decision)
    return KioskOutcome(False, decision=decision)


def check_in_code(service: CheckInService, code: str, checkpoint: Checkpoint) -> KioskOutcome:
    return _outcome(service.scan(code, checkpoint, Source.KIOSK))


def find_by_surname(engine: Engine, event: Event, surname: str, secret: str) -> str | None:
    """The one attendee whose surname and booking code (or phone ending) both match; else None.

    Both must match and the match must be unique: a surname alone never finds anybody."""
    methods = lookup_methods(event)
    surname_key, secret = fold(" ".join(surname.split())), secret.strip()
    if not methods or not surname_key or not secret:
        return None
    digits = re.sub(r"\D", "", secret)
    a = t.attendee
    with read_tx(engine) as conn:  # narrowed by the folded surname, then both checked exactly
        rows = conn.execute(select(a.c.id, a.c.last_name, a.c.phone, a.c.external_ref, a.c.external_code)
                            .where(a.c.event_id == event.id, a.c.search_key.contains(surname_key, autoescape=True))
                            ).all()
    found = []
    for r in rows:
        if fold(r.last_name) != surname_key:
            continue
        by_code = "booking_code" in methods and secret.upper() in ((r.external_ref or "").upper(),
                                                                  (r.external_code or "").upper())
        phone_digits = re.sub(r"\D", "", r.phone or "")
        by_phone = ("phone" in methods and len(digits) >= MIN_PHONE_DIGITS and bool(phone_digits)
                    and phone_digits.endswith(digits))
        if by_code or by_phone:
            found.append(r.id)
    return found[0] if len(found) == 1 else None


def check_in_typed(service: CheckInService, event: Event, surname: str, secret: str,
                   checkpoint: Checkpoint) -> KioskOutcome:
    """Surname + booking code / phone digits. A failed look-up is logged as an unknown kiosk attempt."""
    attendee_id = find_by_surname(service.engine, event, surname, secret)
    return _outcome(service.admit(attendee_id or "", checkpoint, Source.KIOSK))
