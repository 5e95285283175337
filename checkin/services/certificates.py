# SPDX-License-Identifier: MIT
"""Who gets a certificate, for which sessions and how many hours: the rules, without any drawing.

A session is credited to a person when:
- they were admitted to it (a session scan), or
- with `basis = "day"` (the default), they were present that day and the session is open to
  everyone (not a workshop that needs registration): plenary sessions are not scanned one by one;
- in a session whose exits are scanned (`track_exits`), only if the presence minutes reach the
  event's `[presence] attended_share` (see `checkin.services.presence`): someone seen leaving after
  twenty minutes of a ninety-minute workshop is not credited with it, whatever the basis.
Hours come from `[[sessions]] hours`; an event file with no hours at all falls back to each
non-meal session's scheduled length. A person with nothing credited gets no certificate (they
are listed in the batch report as skipped, with the reason).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from checkin.domain.models import Session, SessionKind
from checkin.domain.text import fold
from checkin.reports.collation import person_key
from checkin.reports.query import _PERSON_COLUMNS, Person, ReportContext, ReportError, _person
from checkin.services.certificate_config import CertificateSettings, SessionCredit
from checkin.storage import tables as t
from checkin.storage.attendees import find_attendee_id


@dataclass(frozen=True, slots=True)
class CreditedSession:
    session: Session
    hours: float
    topics: tuple[str, ...] = ()
    scanned: bool = True  # False: credited through day presence


@dataclass(frozen=True, slots=True)
class PersonCertificate:
    person: Person
    sessions: tuple[CreditedSession, ...]
    days: tuple[date, ...]
    number: str = ""
    first_issued: date | None = None
    reissue: bool = False

    @property
    def total_hours(self) -> float:
        return round(sum(s.hours for s in self.sessions), 2)

    @property
    def minutes(self) -> int:
        return round(self.total_hours * 60)


@dataclass(frozen=True, slots=True)
class Selection:
    """Whom to certify: everyone who attended, narrowed by a day, an institution or chosen people."""

    day: date | None = None
    organisation: str = ""
    attendees: tuple[str, ...] = ()


def hours_text(hours: float, lang: str = "pl") -> str:
    """7.5 -> '7,5' in Polish, '7.5' in English; 6.0 -> '6'."""
    text = f"{hours:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "pl" else text


def credit_for(session: Session, settings: CertificateSettings) -> SessionCredit | None:
    if settings.sessions:
        return settings.sessions.get(session.code)
    if session.kind is SessionKind.MEAL or not (session.starts_at and session.ends_at):
        return None
    minutes = (session.ends_at - session.starts_at).total_seconds() / 60
    return SessionCredit(round(minutes / 15) / 4)


def _short_stays(conn: Connection, ctx: ReportContext) -> set[tuple[str, str]]:
    """(attendee, session) pairs scanned in but inside for less than the event's `attended_share`,
    for sessions whose exits are scanned (presence minutes, `checkin.services.presence`)."""
    from checkin.services.presence import session_presence

    short: set[tuple[str, str]] = set()
    for s in ctx.sessions:
        if s.tracks_inside:
            short |= {(p.attendee_id, s.id) for p in session_presence(conn, ctx.event, s).people
                      if not p.span.attended}
    return short


def collect(conn: Connection, ctx: ReportContext, settings: CertificateSettings, selection: Selection
            ) -> tuple[list[PersonCertificate], list[tuple[Person, str]]]:
    """Certificates to print (Polish name order) and the people skipped with the reason."""
    if selection.day is not None:
        ctx.check_day(selection.day)
    days: dict[str, set[date]] = defaultdict(set)
    scanned: dict[str, set[str]] = defaultdict(set)
    for attendee_id, session_id, day in conn.execute(
            select(t.attendance.c.attendee_id, t.attendance.c.session_id, t.attendance.c.day)
            .where(t.attendance.c.active.is_(True))):
        days[attendee_id].add(day)
        if session_id is not None:
            scanned[attendee_id].add(session_id)
    short = _short_stays(conn, ctx)
    wanted_ids: set[str] | None = None
    if selection.attendees:
        wanted_ids = set()
        for ref in selection.attendees:
            found = find_attendee_id(conn, ctx.event.id, ref)
            if found is None:
                raise ReportError(f"no attendee '{ref}' in '{ctx.event.name}' (give an attendee id or registration "
                                  "number)")
            wanted_ids.add(found)
    org = fold(selection.organisation)
    people = [_person(r) for r in conn.execute(select(*_PERSON_COLUMNS).where(t.attendee.c.event_id == ctx.event.id))]
    out: list[PersonCertificate] = []
    skipped: list[tuple[Person, str]] = []
    for p in people:
        if wanted_ids is not None and p.id not in wanted_ids:
            continue
        if org and org not in fold(p.organisation):
            continue
        present = days.get(p.id, set())
        if selection.day is not None:
            present = present & {selection.day}
        if not present:
            if wanted_ids is not None:
                skipped.append((p, "has no recorded attendance" + (f" on {selection.day}" if selection.day else "")))
            continue
        lines: list[CreditedSession] = []
        for s in ctx.sessions:
            if s.day not in present:
                continue
            credit = credit_for(s, settings)
            if credit is None or credit.hours <= 0:
                continue
            was_scanned = s.id in scanned.get(p.id, set())
            if was_scanned and (p.id, s.id) in short:
                continue  # came in, but left before the event's attended_share of the session
            if was_scanned:
                lines.append(CreditedSession(s, credit.hours, credit.topics, True))
            elif settings.basis == "day" and not s.requires_registration:
                lines.append(CreditedSession(s, credit.hours, credit.topics, False))
        if lines:
            out.append(PersonCertificate(p, tuple(lines), tuple(sorted(present))))
        else:
            skipped.append((p, "was present, but in no session that carries hours"))
    if selection.organisation and not out and not skipped:
        raise ReportError(f"nobody from an institution matching '{selection.organisation}' attended")
    out.sort(key=lambda c: person_key(c.person.last_name, c.person.first_name, c.person.id))
    return out, skipped


def with_numbers(certs: Sequence[PersonCertificate], numbers: dict[str, tuple[str, date, bool]]
                 ) -> list[PersonCertificate]:
    return [replace(c, number=numbers[c.person.id][0], first_issued=numbers[c.person.id][1],
                    reissue=numbers[c.person.id][2]) for c in certs]


def file_stem(cert: PersonCertificate) -> str:
    """`KS-2022-0001_Zolc-Slezak_Lukasz`: safe on every file system, still readable."""
    import re

    def part(text: str) -> str:
        return re.sub(r"[^A-Za-z0-9-]+", "_", fold(text).replace(" ", "_")).strip("_")[:60]

    number = re.sub(r"[^A-Za-z0-9-]+", "-", cert.number).strip("-")
    return "_".join(x for x in (number, part(cert.person.last_name), part(cert.person.first_name)) if x)


def organisation_stem(organisation: str) -> str:
    import re

    return re.sub(r"[^A-Za-z0-9]+", "_", fold(organisation)).strip("_")[:80] or "bez_instytucji"


def describe(cert: PersonCertificate) -> dict[str, Any]:
    return {"number": cert.number, "attendee_id": cert.person.id, "name": cert.person.full_name,
            "organisation": cert.person.organisation, "hours": cert.total_hours, "reissue": cert.reissue,
            "sessions": [s.session.code for s in cert.sessions]}


def now_year(ctx: ReportContext, issued: date | None) -> int:
    return (issued or datetime.now(ctx.event.tz).date()).year
