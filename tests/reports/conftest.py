# SPDX-License-Identifier: MIT
"""The congress fixture shared by the report tests (the story is told in reportdata.py)."""

from __future__ import annotations

from typing import Any

import pytest
from reportdata import DAY1, DAY2, EVIL_ORG, Congress, load_event_of, merged_scan, utc
from sqlalchemy import Engine

from checkin.domain.models import Checkpoint, Desk
from checkin.domain.results import ScanResult
from checkin.services.checkin import CheckInService
from checkin.services.event import resolve_checkpoint
from checkin.storage import tables as t
from checkin.storage.db import write_tx


@pytest.fixture
def congress(event_engine: Engine, desk: Desk, service: CheckInService, clock: Any, add_attendee: Any) -> Congress:
    desk2 = Desk("desk-2-sala-b", "Stanowisko 2 — sala B")
    with write_tx(event_engine) as conn:
        conn.execute(t.desk.insert().values(id=desk2.id, name=desk2.name))
    service2 = CheckInService(event_engine, desk2, operator="Ola", clock=clock)
    p = {
        "lukasz": add_attendee("Łukasz", "Żółć-Ślęzak", position="Sekretarz Gminy",
                               email="lukasz.zolc@example.gov.pl", external_ref="KS22-1000"),
        "zdzislawa": add_attendee("Źdźisława", "Ćwiąkalska", organisation="Starostwo Powiatowe w Łęcznej",
                                  category="speaker"),
        "grzegorz": add_attendee("Grzegorz", "Brzęczyszczykiewicz",
                                 organisation="Urząd Gminy Chrząszczyżewoszyce, powiat Łękołody"),
        "stefan": add_attendee("Stefan", "Sowa", organisation="Urząd Miasta Łodzi", category="partner"),
        "evil": add_attendee("@SUMA", "Formułowa", organisation=EVIL_ORG, position="+48 600 100 200"),
        "anna": add_attendee("Anna", "Anulowana", status="cancelled"),
        "dorota": add_attendee("Dorota", "Drugodniowa", days=(DAY2,)),
        "scibor": add_attendee("Ścibor", "Śliwa", organisation="Urząd Gminy Żółkiewka"),
        "jan": add_attendee("Jan", "Cudny", organisation="Gmina Ząbki"),
    }
    day1 = Checkpoint(DAY1)
    clock.set_local("2022-10-19 09:12")
    assert service.admit(p["lukasz"].id, day1).result is ScanResult.ACCEPTED
    merged_scan(event_engine, p["lukasz"], desk2, utc("2022-10-19 07:40"), DAY1)
    clock.set_local("2022-10-19 09:20")
    assert service.admit(p["zdzislawa"].id, day1).result is ScanResult.ACCEPTED
    merged_scan(event_engine, p["zdzislawa"], desk2, utc("2022-10-19 07:05"), DAY1)
    clock.set_local("2022-10-19 09:30")
    wrong = service.admit(p["grzegorz"].id, day1)
    assert wrong.result is ScanResult.ACCEPTED
    service.void(wrong.scan_id, reason="wrong person picked in search")
    clock.set_local("2022-10-19 09:35")
    opening = resolve_checkpoint(event_engine, load_event_of(event_engine), session_code="D1-OTW")
    assert service2.admit(p["stefan"].id, opening).result is ScanResult.ACCEPTED
    clock.set_local("2022-10-19 10:05")
    assert service2.admit(p["evil"].id, day1).result is ScanResult.ACCEPTED
    assert service2.admit(p["evil"].id, day1).result is ScanResult.DUPLICATE  # same desk, twice
    clock.set_local("2022-10-20 08:50")
    assert service.admit(p["lukasz"].id, Checkpoint(DAY2)).result is ScanResult.ACCEPTED
    clock.set_local("2022-10-20 08:55")
    assert service2.admit(p["scibor"].id, Checkpoint(DAY2)).result is ScanResult.ACCEPTED
    return Congress(event_engine, desk, desk2, p, wrong.scan_id)

