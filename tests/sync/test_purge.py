# SPDX-License-Identifier: MIT
"""RODO retention after the congress: `checkin purge` anonymises attendees on the hub and the organiser's
laptop, a desk gets the same at its next sync; every count stays, the certificate register keeps names.
Real PostgreSQL hub, real desks."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, inspect, select, text
from synchelp import Hub, Site, settle

from checkin.cli import main
from checkin.reports.query import load_context
from checkin.reports.summary import build_summary
from checkin.services.certificate_batch import issue_certificates
from checkin.services.purge import PurgeRefusedError, purge_personal_data
from checkin.services.registration import correct_attendee, register_walk_in
from checkin.storage import tables as t
from checkin.sync.urls import hub_engine

LAST_DAY = date(2022, 10, 20)
REGISTER_TABLES = {"certificate", "certificate_issue"}


def personal_values(site: Site, people: list[str]) -> set[str]:
    """Every name, institution, e-mail and phone the roster holds before the purge."""
    values: set[str] = set()
    with site.engine.connect() as conn:
        for r in conn.execute(select(t.attendee).where(t.attendee.c.id.in_(people))):
            values |= {r.first_name, r.last_name, r.email, r.phone, r.organisation}
    return {v for v in values if v}


def leaks(engine: Engine, secrets: set[str]) -> list[str]:
    """Where any of `secrets` still appears, in any table but the certificate register."""
    found = []
    with engine.connect() as conn:
        names = set(inspect(conn).get_table_names(schema="checkin" if engine.dialect.name == "postgresql" else None))
        for name in sorted(names - REGISTER_TABLES - {"alembic_version"}):
            for row in conn.execute(text(f"SELECT * FROM {name}")):
                blob = " ".join(str(v) for v in row)
                found += [f"{name}: {s}" for s in secrets if s in blob]
    return found


def counts(engine: Engine) -> dict[str, Any]:
    """The event summary every export uses (desks), and the raw tallies (hub and desks)."""
    with engine.connect() as conn:
        summary: dict[str, Any] = {}
        if engine.dialect.name == "sqlite":
            summary = build_summary(conn, load_context(conn)).to_json()
        summary["categories"] = sorted(map(str, conn.execute(text(
            "SELECT category, status, count(*) FROM attendee GROUP BY category, status")).all()))
        summary["attendance"] = sorted(map(str, conn.execute(text(
            "SELECT checkpoint, count(*) FROM attendance WHERE active GROUP BY checkpoint")).all()))
    return summary


@pytest.fixture
def after_the_congress(hub: Hub, organiser: tuple[Site, list[str]], new_desk: Any, tmp_path: Path
                       ) -> tuple[Site, Site, list[str]]:
    """E-mails and phones on the roster, a walk-in at the desk, check-ins, certificates from the hub."""
    office, people = organiser
    for n, attendee_id in enumerate(people):
        with office.engine.connect() as conn:
            version = conn.execute(select(t.attendee.c.version).where(t.attendee.c.id == attendee_id)).scalar_one()
        correct_attendee(office.engine, office.desk, attendee_id, version, email=f"sekretarz{n}@gmina{n}.gov.pl",
                         phone=f"+48 600 100 2{n:02d}", notes="dieta bezglutenowa")
    desk = new_desk("Stanowisko 1")
    settle([office, desk])
    walk_in = register_walk_in(desk.engine, desk.desk, first_name="Bożydar", last_name="Grzęślewicz",
                               organisation="Urząd Gminy Pcim", email="bozydar@pcim.pl", phone="+48 501 502 503")
    for attendee_id in [*people[:4], walk_in.id]:
        assert desk.admit(attendee_id, "day1").result.value == "accepted"
    assert desk.admit(people[0], "D1-OTW").result.value == "accepted"
    settle([office, desk])
    out = tmp_path / "zaswiadczenia"
    out.mkdir()
    with _hub(hub.organiser_url) as eng:
        assert len(issue_certificates(office.engine, office.desk.id, out_dir=out, hub=eng).certificates) == 5
    return office, desk, [*people, walk_in.id]


class _hub:
    def __init__(self, url: str) -> None:
        self.engine = hub_engine(url)

    def __enter__(self) -> Engine:
        return self.engine

    def __exit__(self, *exc: object) -> None:
        self.engine.dispose()


def test_after_a_purge_no_personal_data_is_left_but_every_count_is(hub: Hub,
                                                                   after_the_congress: tuple[Site, Site, list[str]]
                                                                   ) -> None:
    office, desk, people = after_the_congress
    secrets = personal_values(office, people)
    assert {"Żółć-Ślęzak", "Grzęślewicz", "bozydar@pcim.pl", "+48 600 100 200"} <= secrets
    assert leaks(hub.engine, secrets) and leaks(desk.engine, secrets)  # the check can see them
    before = {"hub": counts(hub.engine), "office": counts(office.engine), "desk": counts(desk.engine)}
    with hub.engine.connect() as conn:
        register_before = conn.execute(text("SELECT number, last_name FROM certificate ORDER BY number")).all()

    with _hub(hub.organiser_url) as eng:
        report = purge_personal_data(office.engine, older_than_days=30, hub=eng, today=LAST_DAY + timedelta(days=31))
    assert report.attendees == {"venue hub": 7, "this computer": 7}
    assert report.register_kept == 5
    assert desk.sync().ok  # the desk gets the anonymised roster like any roster edit

    for where, engine in (("hub", hub.engine), ("office", office.engine), ("desk", desk.engine)):
        assert leaks(engine, secrets) == [], where
        assert counts(engine) == before[where], where
    with hub.engine.connect() as conn:  # the register keeps number, date and name
        assert conn.execute(text("SELECT number, last_name FROM certificate ORDER BY number")).all() == register_before
    assert "Żółć-Ślęzak" in {r.last_name for r in register_before}
    # a second desk started afterwards never sees a name either
    assert desk.sync().ok
    assert leaks(desk.engine, secrets) == []


def test_a_dry_run_reports_and_changes_nothing_and_too_early_is_refused(
        hub: Hub, after_the_congress: tuple[Site, Site, list[str]]) -> None:
    office, _desk, people = after_the_congress
    secrets = personal_values(office, people)
    with _hub(hub.organiser_url) as eng:
        with pytest.raises(PurgeRefusedError, match=r"ended on 2022-10-20.*until 2022-11-20"):
            purge_personal_data(office.engine, older_than_days=30, hub=eng, today=LAST_DAY + timedelta(days=10))
        dry = purge_personal_data(office.engine, older_than_days=30, dry_run=True, hub=eng,
                                  today=LAST_DAY + timedelta(days=40))
    assert dry.attendees == {"venue hub": 7, "this computer": 7} and dry.changes["venue hub"] > 0
    assert leaks(hub.engine, secrets) and leaks(office.engine, secrets)
    with _hub("postgresql://nobody@127.0.0.1:9/unreachable") as offline, \
            pytest.raises(PurgeRefusedError, match="--local-only"):
        purge_personal_data(office.engine, older_than_days=0, hub=offline)
    assert leaks(office.engine, secrets)  # refused: nothing changed here either


def test_cli_purge_needs_confirmation_and_works_without_a_hub(organiser: tuple[Site, list[str]],
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    office, _people = organiser
    db = str(office.path)
    office.engine.dispose()
    assert main(["--db", db, "purge", "--personal-data-older-than", "30"]) == 2
    assert "--dry-run" in capsys.readouterr().err
    assert main(["--db", db, "purge", "--personal-data-older-than", "30", "--dry-run"]) == 0
    assert "Dry run" in capsys.readouterr().out
    assert main(["--db", db, "purge", "--personal-data-older-than", "30", "--yes"]) == 0
    said = capsys.readouterr().out
    assert "this computer: 6 attendee(s) anonymised" in said
    office.open()
    with office.engine.connect() as conn:
        assert {r.last_name for r in conn.execute(select(t.attendee))} == {""}
