# SPDX-License-Identifier: MIT
"""Scan -> decision -> record, in one local transaction.

The scan path never touches the network: the code is parsed and verified against public keys held
locally, the attendee is looked up in the local roster, the rules decide, and the scan, the
attendance it implies and the outbox row are committed together. Every attempt is logged,
rejected ones included, so coordinators can see forged or mistyped codes too.

Thread: `scan`, `admit` and `void` may be called from any one thread at a time per instance (the
app's DB-writer thread); they open and close their own connection.
"""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import Engine
from sqlalchemy.engine import Connection

from checkin.domain.decision import Decision
from checkin.domain.models import Attendee, Checkpoint, Desk, Event, Scan
from checkin.domain.results import Direction, ScanResult, Source
from checkin.domain.rules import CheckpointState, decide
from checkin.services.rehearsal import active_id as rehearsal_id
from checkin.storage import attendees as attendee_repo
from checkin.storage import scans as scan_repo
from checkin.storage.db import write_tx
from checkin.storage.events import load_event, public_keys, session_by_id
from checkin.storage.meta import desk_names
from checkin.storage.types import utcnow
from checkin.tickets import token

MESSAGES = {
    ScanResult.ACCEPTED: "Welcome",
    ScanResult.DUPLICATE: "Already checked in",
    ScanResult.NOT_REGISTERED: "Not registered for this checkpoint",
    ScanResult.CANCELLED: "Registration or ticket cancelled",
    ScanResult.UNKNOWN: "Unknown code",
    ScanResult.INVALID: "Not a valid ticket",
    ScanResult.WRONG_EVENT: "Ticket for another event",
    ScanResult.FULL: "Session full",
    ScanResult.NOT_INSIDE: "Exit without an entry",
    ScanResult.VOID: "Check-in undone",
}
EXIT_MESSAGE = "Exit recorded"  # an accepted scan out of a session is not a welcome


_BARE_TICKET_ID = re.compile(r"[0-9a-fA-F]{32}")


class VoidError(ValueError):
    """The scan cannot be undone (unknown, not an admission, already voided, too old)."""


class CheckInService:
    def __init__(self, engine: Engine, desk: Desk, operator: str = "",
                 clock: Callable[[], datetime] = utcnow) -> None:
        self.engine = engine
        self.desk = desk
        self.operator = operator
        self.clock = clock
        self._event: Event | None = None
        self._keys: dict[str, Ed25519PublicKey] = {}
        self._last_time: datetime | None = None

    def _now(self) -> datetime:
        """The clock, made strictly increasing for this desk.

        Attendance and "inside now" follow scan order by device time; two scans from one desk in
        the same clock tick (a frozen test clock, a coarse Windows clock) must still keep their order.
        """
        now = self.clock()
        if self._last_time is not None and now <= self._last_time:
            now = self._last_time + timedelta(microseconds=1)
        self._last_time = now
        return now

    # ------------------------------------------------------------------ configuration
    @property
    def event(self) -> Event:
        if self._event is None:
            self.reload()
        assert self._event is not None
        return self._event

    def reload(self) -> None:
        """Re-read the event and its public keys (after sync, key rotation or event edits)."""
        with self.engine.connect() as conn:
            self._event = load_event(conn)
            self._keys = {kid: token.public_key_from_b64(b64)
                          for kid, b64 in public_keys(conn, self._event.id).items()}

    # ------------------------------------------------------------------ scanning
    def scan(self, code: str, checkpoint: Checkpoint, source: Source = Source.HANDHELD,
             direction: Direction | None = Direction.IN) -> Decision:
        """Decide on scanner text and record the attempt.

        `direction=None` is the door's auto-direction: where exits are counted, a scan of someone
        inside means they are leaving (see `AUTO_EXIT_AFTER`); everyone else is coming in.
        """
        started = time.perf_counter()
        now = self._now()
        event = self.event
        ticket_id: str | None = None
        rejection: tuple[ScanResult, str, str] | None = None
        parsed: token.SignedTicket | token.ExternalCode | None = None
        try:
            parsed = token.parse_code(code, allow_external=event.allows_external_codes)
            if isinstance(parsed, token.SignedTicket):
                ticket_id = parsed.ticket_id
                self._verify(parsed, code, now)
        except token.TicketError as exc:
            result = ScanResult.WRONG_EVENT if exc.reason == "wrong_event" else ScanResult.INVALID
            rejection = (result, exc.reason, str(exc))
        parsed_at = time.perf_counter()

        with write_tx(self.engine) as conn:
            attendee: Attendee | None = None
            if rejection is None and parsed is not None:
                if isinstance(parsed, token.SignedTicket):
                    attendee, rejection = _holder(conn, parsed.ticket_id)
                    if attendee is None:
                        rejection = (ScanResult.UNKNOWN, "unknown_ticket", "genuine ticket not in the roster")
                else:
                    attendee = attendee_repo.by_external_code(conn, event.id, parsed.code)
                    if attendee is None and _BARE_TICKET_ID.fullmatch(parsed.code):
                        # A badge printed at a desk (walk-in) carries the bare random ticket id: desks
                        # hold no signing key. 128 random bits are as unguessable as a signature, so it
                        # is accepted where the event accepts unsigned codes at all.
                        ticket_id = parsed.code.lower()
                        attendee, rejection = _holder(conn, ticket_id)
                    if attendee is None:
                        rejection = (ScanResult.UNKNOWN, "unknown_code", "code matches nobody in the roster")
            decision = self._record(conn, now, checkpoint, attendee, source, direction, ticket_id, rejection,
                                    key_id=parsed.key_id if isinstance(parsed, token.SignedTicket) else None)
        done = time.perf_counter()
        timings = {"parse": (parsed_at - started) * 1000, "total": (done - started) * 1000}
        return _with_timings(decision, timings)

    def admit(self, attendee_id: str, checkpoint: Checkpoint, source: Source = Source.SEARCH,
              direction: Direction = Direction.IN) -> Decision:
        """Manual check-in of someone found by search (or just registered as a walk-in)."""
        with write_tx(self.engine) as conn:
            return self.admit_in(conn, attendee_id, checkpoint, source, direction)

    def admit_in(self, conn: Connection, attendee_id: str, checkpoint: Checkpoint, source: Source = Source.SEARCH,
                 direction: Direction = Direction.IN) -> Decision:
        """`admit` inside the caller's write transaction (the walk-in registers and admits in one)."""
        now = self._now()
        attendee = attendee_repo.get_attendee(conn, attendee_id)
        rejection = None if attendee else (ScanResult.UNKNOWN, "unknown_attendee", attendee_id)
        return self._record(conn, now, checkpoint, attendee, source, direction,
                            attendee.ticket_id if attendee else None, rejection)

    def void(self, scan_id: str, max_age: timedelta | None = None, reason: str = "") -> Decision:
        """Undo an admission by appending a void event; attendance is re-derived, nothing deleted."""
        now = self._now()
        with write_tx(self.engine) as conn:
            target = scan_repo.get_scan(conn, scan_id)
            if target is None:
                raise VoidError(f"no scan with id {scan_id}")
            if target.result is not ScanResult.ACCEPTED:
                raise VoidError(f"scan {scan_id} was '{target.result.value}', only admissions can be undone")
            if scan_repo.is_voided(conn, scan_id):
                raise VoidError(f"scan {scan_id} is already undone")
            if max_age is not None and now - target.device_time > max_age:
                raise VoidError(f"scan {scan_id} is older than {max_age} and can no longer be undone here")
            session = session_by_id(conn, target.session_id) if target.session_id else None
            checkpoint = Checkpoint(target.day, session)
            attendee = attendee_repo.get_attendee(conn, target.attendee_id) if target.attendee_id else None
            void = Scan(
                id=str(uuid.uuid4()), event_id=target.event_id, desk_id=self.desk.id, operator=self.operator,
                device_time=now, checkpoint=target.checkpoint, day=target.day, session_id=target.session_id,
                direction=target.direction, source=target.source, result=ScanResult.VOID,
                attendee_id=target.attendee_id, ticket_id=target.ticket_id, detail=reason[:300],
                voided_scan_id=target.id, rehearsal_id=rehearsal_id(conn),
            )
            scan_repo.insert_scan(conn, void)
            if target.attendee_id:
                self._refresh(conn, target.attendee_id, checkpoint)
            return Decision(ScanResult.VOID, "void", void.id, checkpoint, now, attendee,
                            MESSAGES[ScanResult.VOID], direction=target.direction)

    # ------------------------------------------------------------------ internals
    def _verify(self, ticket: token.SignedTicket, raw: str, now: datetime) -> None:
        try:
            token.verify_ticket(ticket, self._keys, self.event.id, now)
        except token.TicketError as exc:
            # a Y/Z swap can hit the key id or event tag as well as the signed bytes
            if exc.reason not in ("bad_signature", "unknown_key", "wrong_event"):
                raise
            swapped = token.swapped_layout_variant(raw.strip())
            try:
                alt = token.parse_code(swapped)
                if isinstance(alt, token.SignedTicket):
                    token.verify_ticket(alt, self._keys, self.event.id, now)
            except token.TicketError:
                raise exc from None
            raise token.TicketError(
                "keyboard_layout",
                "Y and Z arrive swapped: set the handheld scanner to this computer's keyboard layout",
            ) from None

    def _record(self, conn: Connection, now: datetime, checkpoint: Checkpoint, attendee: Attendee | None,
                source: Source, wanted: Direction | None, ticket_id: str | None,
                rejection: tuple[ScanResult, str, str] | None, *, key_id: str | None = None) -> Decision:
        first_time, first_desk = None, ""
        direction = wanted or Direction.IN
        if rejection is None and attendee is not None:
            if attendee.event_id != self.event.id:
                rejection = (ScanResult.WRONG_EVENT, "other_event", "attendee of another event")
            else:
                state = CheckpointState(
                    scan_repo.attendance_for(conn, attendee.id, checkpoint.key),
                    scan_repo.occupancy(conn, checkpoint.key, checkpoint.tracks_inside)
                    if checkpoint.session and checkpoint.session.capacity is not None else 0,
                )
                if wanted is None:
                    direction = _auto_direction(conn, attendee.id, checkpoint, state, now)
                verdict = decide(attendee, checkpoint, state, direction)
                result, reason = verdict.result, verdict.reason
                if result is ScanResult.DUPLICATE and state.attendance is not None:
                    first_time = state.attendance.first_time
                    first_desk = desk_names(conn).get(state.attendance.desk_id, state.attendance.desk_id)
                message = EXIT_MESSAGE if result is ScanResult.ACCEPTED and direction is Direction.OUT \
                    else MESSAGES[result]
        if rejection is not None:
            result, reason, message = rejection
        scan = Scan(
            id=str(uuid.uuid4()), event_id=self.event.id, desk_id=self.desk.id, operator=self.operator,
            device_time=now, checkpoint=checkpoint.key, day=checkpoint.day,
            session_id=checkpoint.session.id if checkpoint.session else None, direction=direction,
            source=source, result=result, attendee_id=attendee.id if attendee else None,
            ticket_id=ticket_id, detail=reason if result is ScanResult.ACCEPTED else f"{reason}: {message}",
            rehearsal_id=rehearsal_id(conn), key_id=key_id,
        )
        scan_repo.insert_scan(conn, scan)
        if result is ScanResult.ACCEPTED and attendee is not None:
            self._refresh(conn, attendee.id, checkpoint)
        return Decision(result, reason, scan.id, checkpoint, now, attendee, message, first_time,
                        first_desk, ticket_id, direction=direction)

    @staticmethod
    def _refresh(conn: Connection, attendee_id: str, checkpoint: Checkpoint) -> None:
        scan_repo.recompute_attendance(conn, attendee_id, checkpoint.key, checkpoint.day,
                                       checkpoint.session.id if checkpoint.session else None)
        if checkpoint.session is not None:  # attending a session also marks the day
            day = Checkpoint(checkpoint.day)
            scan_repo.recompute_attendance(conn, attendee_id, day.key, day.day, None)


# Auto-direction: a second scan this soon after coming in is a double scan (a nervous hand, a
# scanner that fired twice), not someone turning round at the door; it stays "already inside".
AUTO_EXIT_AFTER = timedelta(seconds=60)


def _auto_direction(conn: Connection, attendee_id: str, checkpoint: Checkpoint, state: CheckpointState,
                    now: datetime) -> Direction:
    """Out when this person is inside a room that counts exits (and did not just come in)."""
    if not checkpoint.tracks_inside or state.attendance is None or not state.attendance.inside:
        return Direction.IN
    last_in = scan_repo.last_entry_time(conn, attendee_id, checkpoint.key)
    if last_in is not None and now - last_in < AUTO_EXIT_AFTER:
        return Direction.IN
    return Direction.OUT


def _holder(conn: Connection, ticket_id: str) -> tuple[Attendee | None, tuple[ScanResult, str, str] | None]:
    """Whose ticket this is, and the rejection when it was replaced by a re-issued one."""
    attendee, revoked_at = attendee_repo.by_ticket(conn, ticket_id)
    if attendee is not None and revoked_at is not None:
        return attendee, (ScanResult.CANCELLED, "ticket_reissued", "this ticket was replaced by a newer one")
    return attendee, None


def _with_timings(decision: Decision, timings: dict[str, float]) -> Decision:
    decision.timings_ms.update(timings)
    return decision
