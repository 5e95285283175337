# SPDX-License-Identifier: MIT
"""The export functions the CLI and the organiser tools call.

Each opens its own read connection, builds the data set (see `query.py`), and writes the file
atomically. They run on whatever thread calls them (the app runs them on a worker thread) and
report with the optional `progress(done, total)` callback; nothing here knows about Qt.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from checkin.domain.exports import needs_one_day
from checkin.domain.models import Session
from checkin.domain.presence import PresenceSpan
from checkin.reports import csv_export, pdf_list, sheets, xlsx_export
from checkin.reports.output import Progress, atomic_output
from checkin.reports.pdf_list import Column, ListDocument, ListSection, Row
from checkin.reports.query import (
    Person,
    Presence,
    ReportContext,
    ReportError,
    attendance_matrix,
    daily_attendance,
    load_context,
    no_shows,
    session_attendance,
)
from checkin.reports.summary import build_summary
from checkin.services.certificate_config import certificate_settings


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    format: str
    rows: int
    pages: int | None = None  # PDF only


def resolve_format(fmt: str | None, out: str | Path, allowed: tuple[str, ...]) -> str:
    """The format asked for, or the output file's extension; refused with the list of choices."""
    choices = ", ".join(allowed)
    if fmt:
        if fmt.lower() not in allowed:
            raise ReportError(f"format '{fmt}' is not available here: choose one of {choices}")
        return fmt.lower()
    suffix = Path(out).suffix.lstrip(".").lower()
    if suffix not in allowed:
        raise ReportError(f"no --format given and '{Path(out).name}' does not end in a known extension: "
                          f"choose one of {choices}")
    return suffix


def _days(ctx: ReportContext, day: date | None) -> list[date]:
    return [ctx.check_day(day)] if day is not None else list(ctx.event.dates)


def _day_title(ctx: ReportContext, day: date) -> str:
    label = ctx.day_label(day)
    return day.strftime("%d.%m.%Y") + (f" ({label})" if label else "")


def _presence_row(n: int, line: Presence) -> Row:
    p = line.person
    return ((str(n), ""), (p.last_name, p.first_name), (p.organisation, p.position),
            (line.first_time.strftime("%H:%M"), line.desk), ("", ""))


def _now_local(ctx: ReportContext) -> datetime:
    return datetime.now(ctx.event.tz)


def export_attendance(engine: Engine, day: date | None, fmt: str | None, out: str | Path, *,
                      delimiter: str = ",", with_email: bool = False, session: str | None = None,
                      progress: Progress | None = None) -> ExportResult:
    """Daily attendance: CSV/XLSX for one day or all days (XLSX: a sheet per day and a summary),
    PDF attendance list with a signature column for one day. With `session`: that session's list
    with entry, exit and minutes of presence (as `export_sessions`)."""
    if session is not None:
        if day is not None:
            raise ReportError("choose either a day or a session (--day or --session), not both")
        return export_sessions(engine, session, fmt, out, delimiter=delimiter, with_email=with_email,
                               progress=progress)
    fmt = resolve_format(fmt, out, ("csv", "xlsx", "pdf"))
    with engine.connect() as conn:
        ctx = load_context(conn)
        if needs_one_day("attendance", fmt, day):
            raise ReportError("the PDF attendance list is made per day: add --day, e.g. --day "
                              + (ctx.event.dates[0].isoformat() if ctx.event.dates else "2022-10-19"))
        days = _days(ctx, day)
        per_day = {d: daily_attendance(conn, ctx, d) for d in days}
        summary = build_summary(conn, ctx, days_only=True) if fmt == "xlsx" else None
    rows = sum(len(v) for v in per_day.values())
    if fmt == "pdf":
        d = days[0]
        doc = ListDocument(ctx.event.name, ctx.event.venue, pdf_list.signature_columns(), [ListSection(
            f"Lista obecności — {_day_title(ctx, d)}", f"Obecnych: {len(per_day[d])}",
            [_presence_row(n, line) for n, line in enumerate(per_day[d], 1)])],
            generated=_now_local(ctx), pdf_title=f"Lista obecności {d.isoformat()}",
            clause=certificate_settings(ctx.event.settings).rodo_attendance)
        return ExportResult(Path(out), fmt, rows, pdf_list.render_list(out, doc, progress=progress))
    tables = [sheets.attendance_sheet(d, per_day[d], with_email) for d in days]
    if fmt == "csv":
        csv_export.write_csv(out, tables, delimiter=delimiter, progress=progress)
    else:
        assert summary is not None
        xlsx_export.write_xlsx(out, [*tables, *sheets.summary_sheets(summary)[:2]], progress=progress)
    return ExportResult(Path(out), fmt, rows)


def export_sessions(engine: Engine, session_code: str | None, fmt: str | None, out: str | Path, *,
                    delimiter: str = ",", with_email: bool = False,
                    progress: Progress | None = None) -> ExportResult:
    """Attendance per session: one session or all (XLSX: a sheet each; PDF: a list each)."""
    fmt = resolve_format(fmt, out, ("csv", "xlsx", "pdf"))
    with engine.connect() as conn:
        ctx = load_context(conn)
        chosen = [ctx.session(session_code)] if session_code else list(ctx.sessions)
        if not chosen:
            raise ReportError(f"'{ctx.event.name}' has no sessions; load them with `checkin event load FILE`")
        per_session = [(s, session_attendance(conn, ctx, s)) for s in chosen]
        spans = _presence_spans(conn, ctx, chosen) if fmt != "pdf" else {}
    rows = sum(len(lines) for _, lines in per_session)
    if fmt == "pdf":
        sections = []
        for s, lines in per_session:
            when = s.day.strftime("%d.%m.%Y")
            if s.starts_at:
                when += ", " + ctx.local(s.starts_at).strftime("%H:%M")
                if s.ends_at:
                    when += "–" + ctx.local(s.ends_at).strftime("%H:%M")
            sub = " · ".join(x for x in (s.code, when, s.room, f"Obecnych: {len(lines)}") if x)
            sections.append(ListSection(f"Lista obecności — {s.title}", sub,
                                        [_presence_row(n, line) for n, line in enumerate(lines, 1)]))
        doc = ListDocument(ctx.event.name, ctx.event.venue, pdf_list.signature_columns(), sections,
                           generated=_now_local(ctx), pdf_title="Listy obecności na sesjach",
                           clause=certificate_settings(ctx.event.settings).rodo_attendance)
        return ExportResult(Path(out), fmt, rows, pdf_list.render_list(out, doc, progress=progress))
    tables = [sheets.session_sheet(s, lines, with_email, spans.get(s.id, {}), ctx.event.tz)
              for s, lines in per_session]
    if fmt == "csv":
        csv_export.write_csv(out, tables, delimiter=delimiter, progress=progress)
    else:
        xlsx_export.write_xlsx(out, [*tables, sheets.sessions_legend(ctx)], progress=progress)
    return ExportResult(Path(out), fmt, rows)


def _presence_spans(conn: Any, ctx: ReportContext, sessions: list[Session]) -> dict[str, dict[str, PresenceSpan]]:
    """Minutes of presence per session id and attendee id (the event's [presence] rules)."""
    from checkin.services.presence import session_presence  # services import reports: not at module level

    return {s.id: {p.attendee_id: p.span for p in session_presence(conn, ctx.event, s).people} for s in sessions}


def export_matrix(engine: Engine, fmt: str | None, out: str | Path, *, delimiter: str = ",",
                  minutes: bool = False, progress: Progress | None = None) -> ExportResult:
    """Attendee-by-checkpoint matrix for the whole event, X where attended (or, with `minutes`,
    the minutes of presence in each session)."""
    fmt = resolve_format(fmt, out, ("csv", "xlsx"))
    with engine.connect() as conn:
        ctx = load_context(conn)
        matrix = attendance_matrix(conn, ctx)
        per_session = None
        if minutes:
            spans = _presence_spans(conn, ctx, list(ctx.sessions))
            per_session = {f"session:{sid}": {a: span.minutes for a, span in by.items()} for sid, by in spans.items()}
    table = sheets.matrix_sheet(ctx, matrix, per_session)
    if fmt == "csv":
        csv_export.write_csv(out, [table], delimiter=delimiter, progress=progress)
    else:
        xlsx_export.write_xlsx(out, [table, sheets.sessions_legend(ctx)], progress=progress)
    return ExportResult(Path(out), fmt, len(matrix.rows))


def _no_show_row(n: int, p: Person, with_email: bool) -> Row:
    return ((str(n), ""), (p.last_name, p.first_name), (p.organisation, p.position),
            (sheets.category_label(p.category), ""), (p.external_ref, p.email if with_email else ""))


def export_no_shows(engine: Engine, day: date | None, fmt: str | None, out: str | Path, *,
                    delimiter: str = ",", with_email: bool = False,
                    progress: Progress | None = None) -> ExportResult:
    """Registered for a day (active, not cancelled) but never checked in that day."""
    fmt = resolve_format(fmt, out, ("csv", "xlsx", "pdf"))
    with engine.connect() as conn:
        ctx = load_context(conn)
        per_day = [(d, no_shows(conn, ctx, d)) for d in _days(ctx, day)]
    rows = sum(len(people) for _, people in per_day)
    if fmt == "pdf":
        columns = [Column("Lp.", 0.05, "right"), Column("Nazwisko i imię", 0.25, bold=True, second_grey=False),
                   Column("Instytucja / stanowisko", 0.38, wrap=True), Column("Kategoria", 0.12),
                   Column("Nr zgłoszenia" + (" / e-mail" if with_email else ""), 0.20)]
        sections = [ListSection(f"Nieobecni — {_day_title(ctx, d)}",
                                f"Zarejestrowani na ten dzień, bez potwierdzonego wejścia: {len(people)}",
                                [_no_show_row(n, p, with_email) for n, p in enumerate(people, 1)],
                                empty_text="Wszyscy zarejestrowani byli obecni.")
                    for d, people in per_day]
        doc = ListDocument(ctx.event.name, ctx.event.venue, columns, sections, generated=_now_local(ctx),
                           pdf_title="Nieobecni")
        return ExportResult(Path(out), fmt, rows, pdf_list.render_list(out, doc, progress=progress))
    tables = [sheets.no_show_sheet(d, people, with_email) for d, people in per_day]
    if fmt == "csv":
        csv_export.write_csv(out, tables, delimiter=delimiter, progress=progress)
    else:
        xlsx_export.write_xlsx(out, tables, progress=progress)
    return ExportResult(Path(out), fmt, rows)


def export_certificate(engine: Engine, attendee_id: str, out: str | Path, lang: str = "pl",
                       issued: date | None = None, desk_id: str = "") -> ExportResult:
    """Certificate of attendance for one person (id, id prefix or registration number), numbered in
    the register like a batch of one (see `checkin.services.certificate_batch`)."""
    from checkin.services.certificate_batch import issue_certificates
    from checkin.services.certificates import Selection

    report = issue_certificates(engine, desk_id, out_dir=None, combined=Path(out),
                                selection=Selection(attendees=(attendee_id,)), lang=lang, issued=issued)
    return ExportResult(Path(out), "pdf", len(report.certificates[0].sessions), 1)


def export_summary(engine: Engine, fmt: str | None, out: str | Path, *, delimiter: str = ",",
                   progress: Progress | None = None) -> ExportResult:
    """Per day, per category, per session, arrivals by hour and per desk."""
    fmt = resolve_format(fmt, out, ("csv", "xlsx", "json"))
    with engine.connect() as conn:
        ctx = load_context(conn)
        summary = build_summary(conn, ctx)
    tables = sheets.summary_sheets(summary)
    if fmt == "json":
        with atomic_output(out) as tmp:
            tmp.write_text(json.dumps(summary_json(ctx, summary), ensure_ascii=False, indent=2) + "\n",
                           encoding="utf-8")
    elif fmt == "csv":
        csv_export.write_csv(out, tables, delimiter=delimiter, progress=progress)
    else:
        xlsx_export.write_xlsx(out, tables, progress=progress)
    return ExportResult(Path(out), fmt, sum(len(t.rows) for t in tables))


def summary_json(ctx: ReportContext, summary: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"event_id": ctx.event.id, "timezone": ctx.event.timezone}
    data.update(summary.to_json())
    return data
