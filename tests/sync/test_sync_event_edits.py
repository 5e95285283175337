# SPDX-License-Identifier: MIT
"""The organiser withdraws a signing key (or edits the event) and syncs: the hub and every desk
follow with their next sync, without `hub publish`. A desk cannot change the event for everyone:
its edit is held with a reason, and its check-ins keep flowing."""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from synchelp import Hub, Site

from checkin.domain.results import ScanResult
from checkin.storage.events import load_event, public_keys
from checkin.sync.event_push import NOT_ORGANISER
from checkin.sync.held import held_items
from checkin.sync.status import read_status
from checkin.tickets.keys import register_public_key, set_key_active


def _keys(site: Site) -> dict[str, str]:
    with site.engine.connect() as conn:
        return public_keys(conn, load_event(conn).id)


def test_a_withdrawn_key_reaches_the_hub_and_the_desks_through_ordinary_sync(
        hub: Hub, organiser: tuple[Site, list[str]], new_desk) -> None:
    office, people = organiser
    with office.engine.connect() as conn:
        event_id = load_event(conn).id
    key_id = register_public_key(office.engine, event_id, Ed25519PrivateKey.generate())
    assert office.sync().ok
    d1 = new_desk("Stanowisko 1")
    assert key_id in _keys(d1)

    set_key_active(office.engine, key_id, False)  # `checkin keys deactivate KEY_ID`
    assert office.sync().ok
    assert hub.scalar("SELECT active FROM event_key WHERE key_id = :k", k=key_id) is False
    assert d1.sync().ok
    assert key_id not in _keys(d1)  # desk 1 now refuses tickets signed with it

    set_key_active(d1.engine, key_id, True)  # a desk may not undo it for everyone
    assert d1.admit(people[0]).result is ScanResult.ACCEPTED
    assert d1.sync().ok
    (held,) = held_items(d1.engine)
    assert (held.kind, held.reason) == ("event", NOT_ORGANISER)
    assert read_status(d1.engine).pending == 0
    assert hub.scalar("SELECT count(*) FROM scan WHERE attendee_id = :a", a=people[0]) == 1
    assert hub.scalar("SELECT active FROM event_key WHERE key_id = :k", k=key_id) is False
