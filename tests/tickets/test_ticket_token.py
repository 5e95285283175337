# SPDX-License-Identifier: MIT
"""A volunteer scans tickets at the door: genuine ones pass, every kind of junk is refused with a
reason and logged, offline, without crashing and in well under a millisecond before the database."""

from __future__ import annotations

import base64
import random
import statistics
import time
from collections.abc import Callable
from datetime import timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Engine

from checkin.domain.models import Checkpoint
from checkin.domain.results import ScanResult
from checkin.services.checkin import CheckInService
from checkin.services.registration import reissue_ticket
from checkin.tickets import token
from checkin.tickets.keys import register_public_key, set_key_active
from tests.conftest import DAY2, AddAttendee, Clock
from tests.tickets.ticket_help import ENTRANCE, EVENT_ID, TicketFor, logged_scan

DAY2_ENTRANCE = Checkpoint(DAY2)


def _flip(code: str, byte_index: int, bit: int = 0) -> str:
    """The same ticket with one bit of its binary form flipped (what a damaged print does)."""
    body = code[len(token.PREFIX):]
    raw = bytearray(base64.b32decode(body + "=" * (-len(body) % 8)))
    raw[byte_index] ^= 1 << bit
    return token.PREFIX + base64.b32encode(bytes(raw)).decode().rstrip("=")


def test_signed_ticket_round_trip_admits_the_right_person(
    service: CheckInService, add_attendee: AddAttendee, ticket_for: TicketFor, organiser_key: Ed25519PrivateKey
) -> None:
    lukasz = add_attendee()
    code = ticket_for(lukasz)
    assert len(code) == 147 and code.startswith("CK1") and code.isalnum() and code.isupper()
    parsed = token.parse_code(code)
    assert isinstance(parsed, token.SignedTicket)
    assert parsed.ticket_id == lukasz.ticket_id
    assert parsed.key_id == token.key_id_for(organiser_key.public_key())
    token.verify_ticket(parsed, {parsed.key_id: organiser_key.public_key()}, EVENT_ID, service.clock())
    decision = service.scan(code, ENTRANCE)
    assert decision.result is ScanResult.ACCEPTED
    assert decision.attendee is not None and decision.attendee.full_name == "Łukasz Żółć-Ślęzak"
    assert decision.ticket_id == lukasz.ticket_id


def _other_key_code(code: str, attendee_ticket: str) -> str:
    return token.encode_ticket(Ed25519PrivateKey.generate(), EVENT_ID, attendee_ticket)


JUNK: dict[str, tuple[Callable[[str, str], str], str]] = {
    # name: (how the bad code is made from a genuine one and its ticket id, expected reason)
    "flipped bit in the ticket id": (lambda c, _t: _flip(c, 12, 3), "bad_signature"),
    "flipped bit in the event tag": (lambda c, _t: _flip(c, 6, 0), "bad_signature"),
    "flipped bit in the signature": (lambda c, _t: _flip(c, 60, 7), "bad_signature"),
    "flipped bit in the version": (lambda c, _t: _flip(c, 0, 1), "bad_version"),
    "signed by another key": (_other_key_code, "unknown_key"),
    "truncated": (lambda c, _t: c[:120], "bad_length"),
    "one character missing": (lambda c, _t: c[:-1], "bad_length"),
    "3 KB code": (lambda c, _t: c * 21, "too_long"),
    "random bytes": (lambda _c, _t: random.Random(7).randbytes(90).decode("latin-1"), "control_chars"),
    "invalid UTF-8": (lambda c, _t: (c[:40].encode() + b"\xff\xfe\xc3(" + c[40:].encode()).decode(
        "utf-8", errors="surrogateescape"), "not_text"),
    "latin-1 garbage": (lambda _c, _t: "CK1" + bytes(range(0xC0, 0x100)).decode("latin-1"), "bad_alphabet"),
    "NUL inside": (lambda c, _t: c[:50] + "\x00" + c[50:], "control_chars"),
    "ANSI escape": (lambda c, _t: "\x1b[2J" + c, "control_chars"),
    "zero-width space": (lambda c, _t: c[:70] + "\u200b" + c[70:], "control_chars"),
    "lower case (Caps Lock)": (lambda c, _t: c.lower(), "bad_alphabet"),
    "digit 1 inside": (lambda c, _t: c[:20] + "1" + c[21:], "bad_alphabet"),
    "only white space": (lambda _c, _t: " \r\n\t ", "empty"),
    "a URL from another QR code": (lambda _c, _t: "https://example.org/?q=" + "x" * 90, "malformed"),
}


@pytest.mark.parametrize("case", list(JUNK))
def test_damaged_forged_and_junk_codes_are_refused_with_a_reason_and_logged(
    case: str, service: CheckInService, add_attendee: AddAttendee, ticket_for: TicketFor, event_engine: Engine
) -> None:
    lukasz = add_attendee()
    make, reason = JUNK[case]
    bad = make(ticket_for(lukasz), lukasz.ticket_id)

    with pytest.raises(token.TicketError) as err:
        parsed = token.parse_code(bad)
        assert isinstance(parsed, token.SignedTicket)
        token.verify_ticket(parsed, service._keys, EVENT_ID, service.clock())
    assert err.value.reason == reason

    decision = service.scan(bad, ENTRANCE)
    assert decision.result is ScanResult.INVALID
    assert decision.reason == reason and decision.attendee is None
    row = logged_scan(event_engine, decision.scan_id)
    assert row.result is ScanResult.INVALID and row.attendee_id is None
    assert row.detail.startswith(reason + ":")
    assert service.scan(ticket_for(lukasz), ENTRANCE).result is ScanResult.ACCEPTED, "the desk keeps working"


@pytest.mark.parametrize("case", list(JUNK))
def test_refusing_takes_well_under_a_millisecond(case: str, add_attendee: AddAttendee, ticket_for: TicketFor,
                                                 service: CheckInService) -> None:
    """Median of 50 parse+verify runs, no database; 1 ms is >3x the slowest case (a bad signature)."""
    lukasz = add_attendee()
    bad = JUNK[case][0](ticket_for(lukasz), lukasz.ticket_id)
    keys, now = service._keys, service.clock()
    times = []
    for _ in range(50):
        started = time.perf_counter()
        try:
            parsed = token.parse_code(bad)
            if isinstance(parsed, token.SignedTicket):
                token.verify_ticket(parsed, keys, EVENT_ID, now)
        except token.TicketError:
            pass
        times.append(time.perf_counter() - started)
    assert statistics.median(times) < 0.001


def test_cancelled_registration_is_refused_offline(
    service: CheckInService, add_attendee: AddAttendee, ticket_for: TicketFor
) -> None:
    cancelled = add_attendee("Grzegorz", "Brzęczyszczykiewicz", status="cancelled")
    decision = service.scan(ticket_for(cancelled), ENTRANCE)
    assert decision.result is ScanResult.CANCELLED
    assert decision.attendee is not None and decision.attendee.last_name == "Brzęczyszczykiewicz"


def test_reissued_ticket_old_code_is_refused_new_code_admits(
    service: CheckInService, add_attendee: AddAttendee, ticket_for: TicketFor, event_engine: Engine
) -> None:
    lukasz = add_attendee()
    old_code = ticket_for(lukasz)
    renewed = reissue_ticket(event_engine, service.desk, lukasz.id)  # lost ticket: a new one is printed
    old = service.scan(old_code, ENTRANCE)
    assert old.result is ScanResult.CANCELLED and old.reason == "ticket_reissued"
    assert logged_scan(event_engine, old.scan_id).result is ScanResult.CANCELLED
    assert service.scan(ticket_for(renewed), ENTRANCE).result is ScanResult.ACCEPTED


def test_key_rotation_two_active_keys_then_the_old_one_withdrawn(
    service: CheckInService, add_attendee: AddAttendee, event_engine: Engine, organiser_key: Ed25519PrivateKey
) -> None:
    anna = add_attendee("Anna", "Wiśniewska-Kołodziej")
    jan = add_attendee("Jan", "Łęcki")
    new_key = Ed25519PrivateKey.generate()
    register_public_key(event_engine, EVENT_ID, new_key)
    service.reload()
    old_ticket = token.encode_ticket(organiser_key, EVENT_ID, anna.ticket_id)  # printed before the rotation
    new_ticket = token.encode_ticket(new_key, EVENT_ID, jan.ticket_id)
    assert service.scan(old_ticket, ENTRANCE).result is ScanResult.ACCEPTED
    assert service.scan(new_ticket, ENTRANCE).result is ScanResult.ACCEPTED

    set_key_active(event_engine, token.key_id_for(organiser_key.public_key()), False)
    service.reload()
    withdrawn = service.scan(old_ticket, DAY2_ENTRANCE)
    assert withdrawn.result is ScanResult.INVALID and withdrawn.reason == "unknown_key"
    assert service.scan(new_ticket, DAY2_ENTRANCE).result is ScanResult.ACCEPTED


def test_ticket_of_another_event_is_named_as_such(
    service: CheckInService, add_attendee: AddAttendee, organiser_key: Ed25519PrivateKey
) -> None:
    lukasz = add_attendee()
    # the organiser reused this event's key for another congress
    same_key = token.encode_ticket(organiser_key, "forum-skarbnikow-2023", lukasz.ticket_id)
    assert service.scan(same_key, ENTRANCE).result is ScanResult.WRONG_EVENT
    # a key this desk never heard of, and another event's tag
    other = token.encode_ticket(Ed25519PrivateKey.generate(), "forum-skarbnikow-2023", lukasz.ticket_id)
    decision = service.scan(other, ENTRANCE)
    assert decision.result is ScanResult.WRONG_EVENT and decision.reason == "wrong_event"


@pytest.mark.parametrize("where", ["key id and event tag", "signed bytes only"])
def test_scanner_with_swapped_y_and_z_gets_a_layout_hint(
    where: str, service: CheckInService, add_attendee: AddAttendee, event_engine: Engine
) -> None:
    """A QWERTZ keyboard swaps Y and Z wherever they are: in the key id, the event tag or the rest."""
    lukasz = add_attendee()
    for _ in range(500):  # a key whose id (characters 4-17 carry key id and event tag) fits the case
        key = Ed25519PrivateKey.generate()
        code = token.encode_ticket(key, EVENT_ID, lukasz.ticket_id)
        in_header = bool(set(code[3:17]) & {"Y", "Z"})
        if in_header == (where == "key id and event tag") and set(code[17:]) & {"Y", "Z"}:
            break
    register_public_key(event_engine, EVENT_ID, key)
    service.reload()
    decision = service.scan(token.swapped_layout_variant(code), ENTRANCE)
    assert decision.result is ScanResult.INVALID
    assert decision.reason == "keyboard_layout" and "keyboard layout" in decision.message
    assert service.scan(code, ENTRANCE).result is ScanResult.ACCEPTED


def test_validity_window_is_enforced(service: CheckInService, add_attendee: AddAttendee, clock: Clock,
                                     organiser_key: Ed25519PrivateKey) -> None:
    lukasz = add_attendee()
    code = token.encode_ticket(organiser_key, EVENT_ID, lukasz.ticket_id, clock.now - timedelta(days=2),
                               clock.now - timedelta(days=1))
    assert len(code) == 160
    decision = service.scan(code, ENTRANCE)
    assert decision.result is ScanResult.INVALID and decision.reason == "expired"
