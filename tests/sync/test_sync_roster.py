# SPDX-License-Identifier: MIT
"""Roster edits at desks: walk-ins reach every desk; two desks correcting one person resolve by version,
and the losing edit stays visible."""

from __future__ import annotations

from synchelp import Hub, Site, settle

from checkin.domain.results import ScanResult
from checkin.services.registration import correct_attendee, register_walk_in, reissue_ticket
from checkin.storage.attendees import by_ticket, get_attendee
from checkin.sync.conflicts import superseded_edits
from checkin.sync.desk_logins import set_contact_at_desks


def _attendee(site: Site, attendee_id: str):  # type: ignore[no-untyped-def]
    with site.engine.connect() as conn:
        return get_attendee(conn, attendee_id)


def test_walk_in_registered_at_one_desk_is_known_at_the_other(hub: Hub, organiser: tuple[Site, list[str]],
                                                              new_desk) -> None:
    d1, d2 = new_desk("Stanowisko 1"), new_desk("Stanowisko 2")
    walk_in = register_walk_in(d1.engine, d1.desk, first_name="Bożena", last_name="Gąsiorowska-Źdźbło",
                               organisation="Urząd Gminy Brzęczyszczykiewice")
    assert d1.admit(walk_in.id).result is ScanResult.ACCEPTED
    settle([d1, d2])
    seen = _attendee(d2, walk_in.id)
    assert seen is not None and seen.last_name == "Gąsiorowska-Źdźbło"
    assert d2.admit(walk_in.id).result is ScanResult.DUPLICATE
    assert hub.scalar("SELECT count(*) FROM attendee_change WHERE attendee_id = :a", a=walk_in.id) == 1


def test_two_desks_correct_the_same_person_offline_last_writer_wins_loser_kept(
        hub: Hub, organiser: tuple[Site, list[str]], new_desk) -> None:
    _, people = organiser
    d1, d2 = new_desk("Stanowisko 1"), new_desk("Stanowisko 2")
    person = people[1]
    d1.go_offline()
    d2.go_offline()
    correct_attendee(d1.engine, d1.desk, person, 1, organisation="Starostwo Powiatowe w Łęcznej (Wydział Oświaty)")
    correct_attendee(d2.engine, d2.desk, person, 1, organisation="Urząd Gminy Łęczna")  # later: wins
    d1.go_online()
    d2.go_online()
    settle([d1, d2])
    for site in (d1, d2):
        assert _attendee(site, person).organisation == "Urząd Gminy Łęczna"
    assert hub.scalar("SELECT organisation FROM attendee WHERE id = :a", a=person) == "Urząd Gminy Łęczna"
    for site in (d1, d2):
        lost = superseded_edits(site.engine)
        assert len(lost) == 1
        assert lost[0].desk == "Stanowisko 1"
        assert lost[0].fields["organisation"] == "Starostwo Powiatowe w Łęcznej (Wydział Oświaty)"


def test_an_edit_on_top_of_the_hub_version_is_not_a_conflict(hub: Hub, organiser: tuple[Site, list[str]],
                                                             new_desk) -> None:
    _, people = organiser
    set_contact_at_desks(hub.organiser_url, True)  # the desks here correct contact details, so they see them
    d1, d2 = new_desk("Stanowisko 1"), new_desk("Stanowisko 2")
    a = correct_attendee(d1.engine, d1.desk, people[2], 1, phone="+48 600 100 200")
    settle([d1, d2])
    correct_attendee(d2.engine, d2.desk, people[2], a.version, email="grzegorz.brzeczek@uml.lodz.pl")
    settle([d1, d2])
    for site in (d1, d2):
        now = _attendee(site, people[2])
        assert (now.phone, now.email, now.version) == ("+48 600 100 200", "grzegorz.brzeczek@uml.lodz.pl", 3)
        assert superseded_edits(site.engine) == []


def test_reissued_ticket_revokes_the_old_code_everywhere(hub: Hub, organiser: tuple[Site, list[str]],
                                                         new_desk) -> None:
    _, people = organiser
    d1, d2 = new_desk("Stanowisko 1"), new_desk("Stanowisko 2")
    old_ticket = _attendee(d2, people[0]).ticket_id
    new = reissue_ticket(d1.engine, d1.desk, people[0])
    settle([d1, d2])
    with d2.engine.connect() as conn:
        holder, revoked_at = by_ticket(conn, old_ticket)
        assert holder is not None and holder.id == people[0] and revoked_at is not None
        assert by_ticket(conn, new.ticket_id) == (holder, None) or by_ticket(conn, new.ticket_id)[1] is None
