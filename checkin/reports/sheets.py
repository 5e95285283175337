# SPDX-License-Identifier: MIT
"""Data sets laid out as tables (headers + typed rows), shared by the CSV and XLSX writers.

Values stay typed (`date`, `time`, `int`, `str`) so the XLSX has real times that sort and filter,
while the CSV writer formats them as text. Headers are Polish: the documents go to Polish
authorities and partners.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, time, tzinfo
from typing import Any

from checkin.domain.models import Session
from checkin.domain.presence import PresenceSpan
from checkin.reports.query import Matrix, Person, Presence, ReportContext
from checkin.reports.summary import Summary

CATEGORY_PL = {"participant": "Uczestnik", "speaker": "Prelegent", "partner": "Partner", "media": "Media",
               "staff": "Obsługa", "organiser": "Organizator", "guest": "Gość"}
CATEGORY_EN = {"participant": "Participant", "speaker": "Speaker", "partner": "Partner", "media": "Media",
               "staff": "Staff", "organiser": "Organiser", "guest": "Guest"}


def category_label(category: str, lang: str = "pl") -> str:
    table = CATEGORY_PL if lang == "pl" else CATEGORY_EN
    return table.get(category, category)


@dataclass
class Sheet:
    title: str  # XLSX sheet name (<= 31 characters)
    headers: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    time_columns: frozenset[int] = frozenset()  # 0-based columns holding `time` values

    def widths(self) -> list[float]:
        """Column widths in characters for XLSX, from the longest value (capped)."""
        longest = [len(h) for h in self.headers]
        for row in self.rows:
            for i, value in enumerate(row):
                n = 5 if isinstance(value, time) else len(str(value)) if value is not None else 0
                if n > longest[i]:
                    longest[i] = n
        return [min(max(n, 4) + 2, 60) for n in longest]


def _hm(value: Any) -> time:
    return time(value.hour, value.minute)


def _person_cells(p: Person, with_email: bool) -> list[Any]:
    cells: list[Any] = [p.last_name, p.first_name, p.organisation, p.position, category_label(p.category)]
    if with_email:
        cells.append(p.email)
    return cells


_PERSON_HEADERS = ["Nazwisko", "Imię", "Instytucja", "Stanowisko", "Kategoria"]


def _person_headers(with_email: bool) -> list[str]:
    return ["Lp.", *_PERSON_HEADERS, *(["E-mail"] if with_email else [])]


def sheet_title(text: str) -> str:
    """A valid, short XLSX sheet name."""
    for ch in "[]:*?/\\":
        text = text.replace(ch, "-")
    return text[:31] or "Arkusz"


def attendance_sheet(day: date, lines: Sequence[Presence], with_email: bool = False) -> Sheet:
    headers = [*_person_headers(with_email), "Data", "Godzina wejścia", "Punkt rejestracji", "Sesje"]
    sheet = Sheet(sheet_title(day.isoformat()), headers, time_columns=frozenset({len(headers) - 3}))
    label = CATEGORY_PL.get
    # one flat comprehension: this runs for every person present (20,000 at a large congress)
    sheet.rows = [
        [n, p.last_name, p.first_name, p.organisation, p.position, label(p.category, p.category),
         *((p.email,) if with_email else ()), day, time(t.hour, t.minute), desk, ", ".join(codes)]
        for n, (p, _day, t, desk, codes) in enumerate(lines, 1)
    ]
    return sheet


PRESENCE_HEADERS = ["Godzina wyjścia", "Minuty obecności", "Obecność zaliczona"]


def session_sheet(session: Session, lines: Sequence[Presence], with_email: bool = False,
                  presence: Mapping[str, PresenceSpan] | None = None, tz: tzinfo | None = None) -> Sheet:
    """One session's list; with `presence` (by attendee id) also the last exit, the minutes of
    presence and whether they count as attended (the event's [presence] rules)."""
    headers = [*_person_headers(with_email), "Sesja", "Data", "Godzina wejścia", "Punkt rejestracji"]
    entry = len(headers) - 2
    if presence is not None:
        headers += PRESENCE_HEADERS
    sheet = Sheet(sheet_title(session.code), headers,
                  time_columns=frozenset({entry, entry + 2} if presence is not None else {entry}))
    for n, line in enumerate(lines, 1):
        row = [n, *_person_cells(line.person, with_email), session.code, session.day,
               _hm(line.first_time), line.desk]
        if presence is not None:
            span = presence.get(line.person.id)
            if span is None:
                row += [None, 0, "nie"]
            else:
                out = span.last_out.astimezone(tz) if span.last_out is not None and tz is not None else span.last_out
                row += [_hm(out) if out is not None else None, span.minutes, "tak" if span.attended else "nie"]
        sheet.rows.append(row)
    return sheet


def no_show_sheet(day: date, people: Sequence[Person], with_email: bool = False) -> Sheet:
    headers = [*_person_headers(with_email), "Nr zgłoszenia", "Data"]
    sheet = Sheet(sheet_title(f"Nieobecni {day.isoformat()}"), headers)
    for n, p in enumerate(people, 1):
        sheet.rows.append([n, *_person_cells(p, with_email), p.external_ref, day])
    return sheet


def matrix_sheet(ctx: ReportContext, matrix: Matrix,
                 minutes: Mapping[str, Mapping[str, int]] | None = None) -> Sheet:
    """X where attended; with `minutes` ({session key: {attendee id: minutes}}) a session's cell
    holds the minutes of presence instead of the X."""
    day_heads = [d.strftime("%d.%m.%Y") for d in matrix.days]
    headers = ["Lp.", *_PERSON_HEADERS, *day_heads, *(s.code for s in matrix.sessions), "Dni", "Sesje"]
    sheet = Sheet("Obecność", headers)
    keys = matrix.keys
    n_days = len(matrix.days)
    for n, (p, attended) in enumerate(matrix.rows, 1):
        marks: list[Any] = ["X" if k in attended else "" for k in keys]
        if minutes is not None:
            for i, k in enumerate(keys[n_days:], n_days):
                if marks[i]:
                    marks[i] = minutes.get(k, {}).get(p.id, 0)
        sheet.rows.append([n, p.last_name, p.first_name, p.organisation, p.position, category_label(p.category),
                           *marks, sum(1 for m in marks[:n_days] if m), sum(1 for m in marks[n_days:] if m != "")])
    return sheet


def sessions_legend(ctx: ReportContext) -> Sheet:
    sheet = Sheet("Sesje", ["Kod", "Tytuł", "Data", "Początek", "Koniec", "Sala"],
                  time_columns=frozenset({3, 4}))
    for s in ctx.sessions:
        sheet.rows.append([s.code, s.title, s.day, _hm(ctx.local(s.starts_at)) if s.starts_at else None,
                           _hm(ctx.local(s.ends_at)) if s.ends_at else None, s.room])
    return sheet


def summary_sheets(summary: Summary) -> list[Sheet]:
    days = Sheet("Podsumowanie", ["Data", "Dzień", "Zarejestrowani", "Obecni", "Nieobecni",
                                  "Obecni bez rejestracji na dzień"])
    days.rows = [[d.day, d.label, d.registered, d.present, d.no_shows, d.present_unregistered] for d in summary.days]
    cats = Sheet("Kategorie", ["Data", "Kategoria", "Zarejestrowani", "Obecni"])
    cats.rows = [[c.day, category_label(c.category), c.registered, c.present] for c in summary.categories]
    sess = Sheet("Sesje", ["Kod", "Tytuł", "Data", "Początek", "Sala", "Miejsca", "Zapisani", "Obecni"])
    sess.rows = [[s.code, s.title, s.day, s.starts, s.room, s.capacity, s.registered, s.present]
                 for s in summary.sessions]
    hours = Sheet("Przyjścia wg godzin", ["Data", "Godzina", "Przyjścia"])
    hours.rows = [[h.day, h.hour, h.arrivals] for h in summary.arrivals]
    desks = Sheet("Punkty rejestracji", ["Data", "Punkt rejestracji", "Pierwsze wejścia", "Przyjęte skany",
                                         "Powtórzone", "Odrzucone", "Cofnięte"])
    desks.rows = [[d.day, d.desk, d.arrivals, d.accepted, d.duplicates, d.rejected, d.voided] for d in summary.desks]
    return [days, cats, sess, hours, desks]
