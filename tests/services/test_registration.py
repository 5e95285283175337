# SPDX-License-Identifier: MIT
"""At the desk: a volunteer registers a walk-in, fixes a misspelt name, re-issues a lost ticket."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Engine, select

from checkin.domain.models import Checkpoint, Desk
from checkin.domain.results import ScanResult, Source
from checkin.services.checkin import CheckInService
from checkin.services.registration import (
    RegistrationError,
    StaleEditError,
    correct_attendee,
    list_attendees,
    register_walk_in,
    reissue_ticket,
)
from checkin.storage import tables as t
from checkin.storage.db import write_tx
from checkin.storage.events import add_public_key
from checkin.tickets import token
from tests.conftest import DAY1, DAY2, AddAttendee

EVENT = "kongres-sekretarzy-2022"


def rows(engine: Engine, table: t.Table, attendee_id: str) -> list:  # type: ignore[type-arg]
    column = table.c.ref_id if table is t.outbox else table.c.attendee_id
    with engine.connect() as conn:
        return list(conn.execute(select(table).where(column == attendee_id)))


def test_walk_in_is_registered_with_a_ticket_and_can_be_admitted(event_engine: Engine, desk: Desk,
                                                                 service: CheckInService) -> None:
    zenon = register_walk_in(event_engine, desk, first_name="  Zenon ", last_name="Źdźbło",
                             organisation="Urząd Gminy Żółkiewka", category="Prelegent", email="zenon@example.pl",
                             days=["20.10.2022"], sessions=["d2-ws-lider"], notes="przyszedł bez zgłoszenia")
    assert (zenon.first_name, zenon.category, zenon.days, zenon.sessions) == ("Zenon", "speaker", (DAY2,),
                                                                              ("D2-WS-LIDER",))
    assert len(zenon.ticket_id) == 32 and zenon.version == 1 and zenon.status == "active"
    [change] = rows(event_engine, t.attendee_change, zenon.id)
    assert change.desk_id == desk.id and change.fields["origin"] == "walk_in"
    assert len(rows(event_engine, t.outbox, zenon.id)) == 1 and len(rows(event_engine, t.ticket, zenon.id)) == 1
    assert [a.id for a in list_attendees(event_engine, search="zenon zdzblo")] == [zenon.id]
    assert service.admit(zenon.id, Checkpoint(DAY2), Source.WALK_IN).result is ScanResult.ACCEPTED
    assert service.admit(zenon.id, Checkpoint(DAY1), Source.WALK_IN).result is ScanResult.NOT_REGISTERED


@pytest.mark.parametrize(("fields", "field", "message"), [
    ({"first_name": " "}, "first_name", "the first name is required"),
    ({"email": "zenon@"}, "email", 'e-mail: "zenon@" is not an e-mail address'),
    ({"category": "Kierowca"}, "category", 'category: "Kierowca" is not a category; use one of: Uczestnik/'),
    ({"days": ["2022-10-21"]}, "days", 'days: "2022-10-21" is not a day of the event (2022-10-19, 2022-10-20)'),
    ({"sessions": ["D3-BAL"]}, "sessions", 'sessions: "D3-BAL" is not a session code of the event'),
])
def test_walk_in_with_bad_values_is_refused(event_engine: Engine, desk: Desk, fields: dict[str, object],
                                            field: str, message: str) -> None:
    values: dict[str, object] = {"first_name": "Zenon", "last_name": "Źdźbło", **fields}
    with pytest.raises(RegistrationError) as caught:
        register_walk_in(event_engine, desk, **values)  # type: ignore[arg-type]
    assert caught.value.field == field and str(caught.value).startswith(message)
    assert list_attendees(event_engine) == []


def test_correction_bumps_the_version_and_records_what_changed(event_engine: Engine, desk: Desk,
                                                               add_attendee: AddAttendee) -> None:
    lukasz = add_attendee("Lukasz", "Zolc-Slezak")
    fixed = correct_attendee(event_engine, desk, lukasz.id, lukasz.version, first_name="Łukasz",
                             last_name="Żółć-Ślęzak", category="Gość")
    assert (fixed.full_name, fixed.category, fixed.version) == ("Łukasz Żółć-Ślęzak", "guest", 2)
    assert fixed.ticket_id == lukasz.ticket_id
    [change] = rows(event_engine, t.attendee_change, lukasz.id)
    assert change.base_version == 1 and change.outcome == "applied"
    assert change.fields["changes"] == {"first_name": ["Lukasz", "Łukasz"],
                                        "last_name": ["Zolc-Slezak", "Żółć-Ślęzak"],
                                        "category": ["participant", "guest"]}
    assert len(rows(event_engine, t.outbox, lukasz.id)) == 1
    # saving the same values again is not an edit
    again = correct_attendee(event_engine, desk, fixed.id, fixed.version, first_name="Łukasz")
    assert again.version == 2 and len(rows(event_engine, t.attendee_change, lukasz.id)) == 1


def test_stale_correction_is_refused_and_kept_as_superseded(event_engine: Engine, desk: Desk,
                                                             add_attendee: AddAttendee) -> None:
    lukasz = add_attendee()
    correct_attendee(event_engine, desk, lukasz.id, 1, position="Sekretarz Gminy")  # desk 1 saves first
    with pytest.raises(StaleEditError) as caught:  # desk 2 still had version 1 open
        correct_attendee(event_engine, desk, lukasz.id, 1, position="Skarbnik")
    assert caught.value.current.position == "Sekretarz Gminy" and caught.value.current.version == 2
    assert "was changed elsewhere meanwhile (now version 2, this edit started from version 1)" in str(caught.value)
    changes = {c.outcome: c for c in rows(event_engine, t.attendee_change, lukasz.id)}
    assert sorted(changes) == ["applied", "superseded"]
    assert changes["superseded"].fields["changes"] == {"position": ["Sekretarz Gminy", "Skarbnik"]}
    assert len(rows(event_engine, t.outbox, lukasz.id)) == 1  # the attendee itself changed once
    assert [r.kind for r in rows(event_engine, t.outbox, changes["superseded"].id)] == ["attendee_change"]


def test_unknown_field_cannot_be_corrected(event_engine: Engine, desk: Desk, add_attendee: AddAttendee) -> None:
    lukasz = add_attendee()
    with pytest.raises(RegistrationError, match="cannot change ticket_id"):
        correct_attendee(event_engine, desk, lukasz.id, 1, ticket_id="00" * 16)


def test_a_ticket_code_belongs_to_one_person(event_engine: Engine, desk: Desk, add_attendee: AddAttendee) -> None:
    add_attendee(external_code="KS2214983908")
    jozef = add_attendee("Józef", "Chrząszcz")
    with pytest.raises(RegistrationError, match='ticket code "ks2214983908" already belongs to Łukasz Żółć-Ślęzak'):
        correct_attendee(event_engine, desk, jozef.id, 1, external_code="ks2214983908")


def test_reissued_ticket_replaces_the_old_code(event_engine: Engine, desk: Desk, service: CheckInService,
                                               add_attendee: AddAttendee) -> None:
    key = Ed25519PrivateKey.generate()
    with write_tx(event_engine) as conn:
        add_public_key(conn, EVENT, token.key_id_for(key.public_key()),
                       token.public_key_to_b64(key.public_key()))
    service.reload()
    lukasz = add_attendee()
    old_code = token.encode_ticket(key, EVENT, lukasz.ticket_id)

    renewed = reissue_ticket(event_engine, desk, lukasz.id)
    assert renewed.ticket_id != lukasz.ticket_id and renewed.version == 2
    new_code = token.encode_ticket(key, EVENT, renewed.ticket_id)

    lost = service.scan(old_code, Checkpoint(DAY1))
    assert (lost.result, lost.reason) == (ScanResult.CANCELLED, "ticket_reissued")
    assert service.scan(new_code, Checkpoint(DAY1)).result is ScanResult.ACCEPTED
    tickets = {r.id: r.revoked_at for r in rows(event_engine, t.ticket, lukasz.id)}
    assert tickets[lukasz.ticket_id] is not None and tickets[renewed.ticket_id] is None


def test_no_new_ticket_for_a_cancelled_registration(event_engine: Engine, desk: Desk,
                                                    add_attendee: AddAttendee) -> None:
    jozef = add_attendee("Józef", "Chrząszcz", status="cancelled")
    with pytest.raises(RegistrationError, match="registration is cancelled; reactivate it"):
        reissue_ticket(event_engine, desk, jozef.id)
