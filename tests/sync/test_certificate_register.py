# SPDX-License-Identifier: MIT
"""Two organiser laptops share one venue hub and print certificates at the same moment: the register
numbers they get are unique and gap-free, a re-issue keeps its number and is logged, and a laptop
that cannot reach the hub refuses to invent numbers. Real PostgreSQL, real threads."""

from __future__ import annotations

import threading
import uuid
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.exc import ProgrammingError
from synchelp import Hub, Site, fresh_db

from checkin.services import certificate_register as register
from checkin.services.certificate_batch import issue_certificates
from checkin.services.certificates import Selection
from checkin.storage import tables as t
from checkin.sync.urls import hub_engine

PATTERN = "KS/{year}/{seq:04d}"
ISSUED = date(2022, 10, 20)


def second_laptop(hub: Hub, tmp_path: Path, template: Path, sites: list[Site]) -> Site:
    """Another organiser laptop: empty database, organiser role, first sync brings event and roster."""
    site = Site("Biuro 2", fresh_db(template, tmp_path / "biuro2.sqlite3"), hub.organiser_url,
                datetime(2022, 10, 19, 6, 0, tzinfo=UTC))
    sites.append(site)
    assert site.sync().ok
    return site


def hub_numbers(hub: Hub) -> list[tuple[str, str, int]]:
    with hub.engine.connect() as conn:
        return [(r.number, r.attendee_id, r.seq) for r in conn.execute(
            text("SELECT number, attendee_id, seq FROM certificate ORDER BY seq"))]


def test_two_laptops_allocating_at_once_never_share_a_number(hub: Hub, tmp_path: Path, _template_db: Path,
                                                             organiser: tuple[Site, list[str]],
                                                             sites: list[Site]) -> None:
    """Each laptop runs 15 batches as fast as it can; half the people are asked for by both."""
    laptop_a, _ = organiser
    laptop_b = second_laptop(hub, tmp_path, _template_db, sites)
    people = [str(uuid.uuid4()) for _ in range(60)]
    shared, only_a, only_b = people[:20], people[20:40], people[40:]
    event_id = "kongres-sekretarzy-2022"
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def run(site: Site, mine: list[str]) -> None:
        engine = hub_engine(hub.organiser_url)
        try:
            start.wait()
            wanted = mine + shared
            for i in range(0, len(wanted), 3):
                requests = [register.Request(a, "Imię", f"Nazwisko {a[:4]}", "Urząd", 90) for a in wanted[i:i + 3]]
                register.allocate_on_hub(site.engine, engine, event_id, PATTERN, 2022, requests,
                                         desk_id=site.desk.id, issued_on=ISSUED)
        except BaseException as exc:  # reported below, not lost in the thread
            errors.append(exc)
        finally:
            engine.dispose()

    threads = [threading.Thread(target=run, args=(laptop_a, only_a)),
               threading.Thread(target=run, args=(laptop_b, only_b))]
    for th in threads:
        th.start()
    for th in threads:
        th.join(120)
    assert not errors, errors

    numbers = hub_numbers(hub)
    assert len(numbers) == 60  # one number per person, whoever asked first
    assert len({n for n, _, _ in numbers}) == 60 and len({a for _, a, _ in numbers}) == 60
    assert [seq for _, _, seq in numbers] == list(range(1, 61))  # no gaps, no repeats
    assert numbers[0][0] == "KS/2022/0001" and numbers[-1][0] == "KS/2022/0060"
    # the shared people were asked for twice: once issued, once re-issued with the same number
    with hub.engine.connect() as conn:
        actions = conn.execute(text("SELECT c.attendee_id, i.action FROM certificate_issue i "
                                    "JOIN certificate c USING (number)")).all()
    for a in shared:
        assert sorted(x for who, x in actions if who == a) == ["issue", "reissue"]
    # each laptop's copy of the register holds every number, including the other laptop's
    for site in (laptop_a, laptop_b):
        with _Engine(hub.organiser_url) as eng:
            register.mirror_register(site.engine, eng, event_id)
        with site.engine.connect() as conn:
            local = {(r.number, r.attendee_id, r.seq) for r in conn.execute(select(t.certificate))}
        assert local == set(numbers)


class _Engine:
    def __init__(self, url: str) -> None:
        self.engine = hub_engine(url)

    def __enter__(self) -> Engine:
        return self.engine

    def __exit__(self, *exc: object) -> None:
        self.engine.dispose()


def _attend_everyone(organiser: Site, people: list[str]) -> None:
    for attendee_id in people:
        assert organiser.admit(attendee_id, "day1").result.value == "accepted"
    assert organiser.sync().ok


def test_certificate_batches_from_two_laptops_are_numbered_on_the_hub(hub: Hub, tmp_path: Path, _template_db: Path,
                                                                      organiser: tuple[Site, list[str]],
                                                                      sites: list[Site]) -> None:
    laptop_a, people = organiser
    _attend_everyone(laptop_a, people)
    laptop_b = second_laptop(hub, tmp_path, _template_db, sites)
    out_a, out_b = tmp_path / "a", tmp_path / "b"
    out_a.mkdir()
    out_b.mkdir()
    reports = {}
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def run(name: str, site: Site, out: Path, org: str) -> None:
        try:
            with _Engine(hub.organiser_url) as eng:
                start.wait()
                reports[name] = issue_certificates(site.engine, site.desk.id, out_dir=out,
                                                   selection=Selection(organisation=org), hub=eng)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=("a", laptop_a, out_a, "Urząd")),
               threading.Thread(target=run, args=("b", laptop_b, out_b, ""))]
    for th in threads:
        th.start()
    for th in threads:
        th.join(120)
    assert not errors, errors
    assert reports["a"].register == reports["b"].register == "hub"
    # A prints the three offices ("Urząd ..."), B everyone: the offices are asked for twice at once
    assert len(reports["a"].certificates) == 3 and len(reports["b"].certificates) == 6
    by_person: dict[str, set[str]] = {}
    for r in reports.values():
        for c in r.certificates:
            by_person.setdefault(c.person.id, set()).add(c.number)
    assert all(len(n) == 1 for n in by_person.values())  # one number per person on both laptops
    numbers = sorted(n for ns in by_person.values() for n in ns)
    assert numbers == [f"KS/2022/{n:04d}" for n in range(1, 7)]  # unique, no gaps
    assert reports["a"].reissued + reports["b"].reissued == 3
    assert sorted(p.name.split("_")[0] for p in out_a.iterdir()) == sorted(
        c.number.replace("/", "-") for c in reports["a"].certificates)

    # laptop B prints Łukasz again: same number, logged as a re-issue on the hub
    lukasz = next(c for c in reports["a"].certificates if c.person.last_name == "Żółć-Ślęzak")
    reissues = "SELECT count(*) FROM certificate_issue WHERE number = :n AND action = 'reissue'"
    before = hub.scalar(reissues, n=lukasz.number)
    with _Engine(hub.organiser_url) as eng:
        again = issue_certificates(laptop_b.engine, laptop_b.desk.id, out_dir=out_b,
                                   selection=Selection(attendees=(lukasz.person.id,)), hub=eng)
    assert again.certificates[0].number == lukasz.number and again.reissued == 1
    assert hub.scalar(reissues, n=lukasz.number) == before + 1

    # the desk role cannot read or write the register (organisers only)
    with _Engine(hub.desk_url) as desk, pytest.raises(ProgrammingError, match="permission denied"), \
            desk.connect() as conn:
        conn.execute(text("SELECT number FROM certificate")).all()


def test_an_organiser_laptop_offline_refuses_new_numbers_but_can_reprint(
        hub: Hub, tmp_path: Path, organiser: tuple[Site, list[str]]) -> None:
    laptop, people = organiser
    _attend_everyone(laptop, people)
    out = tmp_path / "out"
    out.mkdir()
    with _Engine(hub.organiser_url) as eng:
        first = issue_certificates(laptop.engine, laptop.desk.id, out_dir=out,
                                   selection=Selection(attendees=(people[0],)), hub=eng)
    number = first.certificates[0].number
    with _Engine("postgresql://nobody@127.0.0.1:9/unreachable") as offline:
        with pytest.raises(register.RegisterError, match="nothing was issued"):
            issue_certificates(laptop.engine, laptop.desk.id, out_dir=out,
                               selection=Selection(attendees=(people[1],)), hub=offline)
        reprint = issue_certificates(laptop.engine, laptop.desk.id, out_dir=out,
                                     selection=Selection(attendees=(people[0],)), hub=offline)
    assert reprint.certificates[0].number == number and reprint.reissued == 1
    with laptop.engine.connect() as conn:
        assert conn.execute(select(t.certificate.c.number)).scalars().all() == [number]  # nothing invented
    assert hub.scalar("SELECT count(*) FROM certificate_issue WHERE number = :n", n=number) == 1
    with _Engine(hub.organiser_url) as eng:  # back online: the offline re-issue reaches the hub's log
        issue_certificates(laptop.engine, laptop.desk.id, out_dir=out,
                           selection=Selection(attendees=(people[1],)), hub=eng)
    assert hub.scalar("SELECT count(*) FROM certificate_issue WHERE number = :n", n=number) == 2
    assert hub.scalar("SELECT count(*) FROM certificate") == 2


def test_the_cli_numbers_on_the_remembered_hub_and_exports_its_register(
        hub: Hub, tmp_path: Path, organiser: tuple[Site, list[str]], capsys: pytest.CaptureFixture[str]) -> None:
    """`checkin export certificates` on a laptop that synced with the organiser string uses the hub."""
    from checkin.cli import main

    laptop, people = organiser
    _attend_everyone(laptop, people)
    db = str(laptop.path)
    laptop.engine.dispose()
    assert main(["--db", db, "sync", "--hub", hub.organiser_url, "--once"]) == 0
    capsys.readouterr()
    out = tmp_path / "out"
    out.mkdir()
    assert main(["--db", db, "export", "certificates", "--out", str(out), "--organisation", "gmina"]) == 0
    said = capsys.readouterr().out
    assert "Issued 2 new certificate(s)" in said and "register: venue hub" in said  # the two "Gmina ..."
    assert hub.scalar("SELECT count(*) FROM certificate") == 2
    register = tmp_path / "ewidencja.csv"
    assert main(["--db", db, "export", "certificate-register", "--format", "csv", "--out", str(register)]) == 0
    assert "(from the venue hub)" in capsys.readouterr().out
    assert len(register.read_text(encoding="utf-8-sig").splitlines()) == 3
    laptop.open()
