# SPDX-License-Identifier: MIT
"""The certificate register (ewidencja wydanych zaświadczeń) and the photographers' list.

The register lists every number ever issued for the event, in number order, with the date of
first issue, the name (what the register must keep, even after a purge), the hours and how many
times it was printed. With a venue hub remembered, the laptop's copy is refreshed from the hub
first, so numbers issued on another organiser laptop are in it too; if the hub cannot be reached,
the local copy is exported and the result says so (`stale`).

The photographers' list holds only what a photographer needs to avoid someone: the name and the
badge mark. No institution, no e-mail: it goes to an outside photographer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.exc import SQLAlchemyError

from checkin.reports import csv_export, pdf_list, xlsx_export
from checkin.reports.exports import ExportResult, resolve_format
from checkin.reports.output import Progress
from checkin.reports.pdf_list import Column, ListDocument, ListSection
from checkin.reports.query import ReportError, load_context
from checkin.reports.sheets import Sheet
from checkin.services.certificate_register import mirror_register, register_rows
from checkin.services.certificates import hours_text
from checkin.storage import tables as t

NO_PHOTO_MARK = "●"  # what the badge shows (badges/templates.py draws the same mark)


@dataclass(frozen=True, slots=True)
class RegisterExport:
    result: ExportResult
    source: str  # local | hub
    stale: str = ""  # why the hub copy could not be refreshed


def _refresh(engine: Engine, event_id: str) -> tuple[str, str]:
    from checkin.services.certificate_batch import _hub_for

    hub = _hub_for(engine)
    if hub is None:
        return "local", ""
    try:
        mirror_register(engine, hub, event_id)
        return "hub", ""
    except SQLAlchemyError as exc:
        from checkin.sync.engine import describe_error

        return "local", f"the venue hub could not be read ({describe_error(exc)}); numbers issued on other " \
                        "laptops since the last contact may be missing"
    finally:
        hub.dispose()


def export_register(engine: Engine, fmt: str | None, out: str | Path, *, delimiter: str = ",",
                    refresh: bool = True, progress: Progress | None = None) -> RegisterExport:
    fmt = resolve_format(fmt, out, ("csv", "xlsx", "pdf"))
    with engine.connect() as conn:
        ctx = load_context(conn)
    source, stale = _refresh(engine, ctx.event.id) if refresh else ("local", "")
    rows = register_rows(engine, ctx.event.id)
    headers = ["Lp.", "Numer", "Data wydania", "Nazwisko", "Imię", "Instytucja", "Liczba godzin", "Wydań",
               "Ostatnie wydanie"]

    def last(value: datetime | None) -> str:
        return value.astimezone(ctx.event.tz).strftime("%Y-%m-%d %H:%M") if value else ""

    if fmt == "pdf":
        columns = [Column("Lp.", 0.05, "right"), Column("Numer", 0.14, bold=True),
                   Column("Wydano", 0.10, "center"), Column("Nazwisko i imię", 0.30, bold=True, wrap=True),
                   Column("Instytucja", 0.27, wrap=True), Column("Godz.", 0.07, "right"),
                   Column("Wydań", 0.07, "center")]
        body = [((str(n), ""), (r["number"], ""), (r["issued_on"].strftime("%d.%m.%Y"), ""),
                 (f"{r['last_name']} {r['first_name']}".strip(), ""), (r["organisation"], ""),
                 (hours_text(r["minutes"] / 60), ""), (str(r["issues"]), ""))
                for n, r in enumerate(rows, 1)]
        doc = ListDocument(ctx.event.name, ctx.event.venue, columns, [ListSection(
            "Ewidencja wydanych zaświadczeń", f"Wydanych numerów: {len(rows)}", body,
            empty_text="Nie wydano jeszcze żadnego zaświadczenia.")],
            generated=datetime.now(ctx.event.tz), pdf_title="Ewidencja wydanych zaświadczeń")
        pages = pdf_list.render_list(out, doc, progress=progress)
        return RegisterExport(ExportResult(Path(out), fmt, len(rows), pages), source, stale)
    sheet = Sheet("Ewidencja", headers, [
        [n, r["number"], r["issued_on"], r["last_name"], r["first_name"], r["organisation"],
         hours_text(r["minutes"] / 60), r["issues"], last(r["last_issued_at"])] for n, r in enumerate(rows, 1)])
    if fmt == "csv":
        csv_export.write_csv(out, [sheet], delimiter=delimiter, progress=progress)
    else:
        xlsx_export.write_xlsx(out, [sheet], progress=progress)
    return RegisterExport(ExportResult(Path(out), fmt, len(rows)), source, stale)


def export_photographers(engine: Engine, fmt: str | None, out: str | Path, *, delimiter: str = ",",
                         progress: Progress | None = None) -> ExportResult:
    """People who did not consent to the use of their image: name and the badge mark, nothing more."""
    from checkin.reports.collation import person_key

    fmt = resolve_format(fmt, out, ("csv", "xlsx", "pdf"))
    with engine.connect() as conn:
        ctx = load_context(conn)
        people = conn.execute(select(t.attendee.c.id, t.attendee.c.first_name, t.attendee.c.last_name).where(
            t.attendee.c.event_id == ctx.event.id, t.attendee.c.status == "active",
            t.attendee.c.photo_consent == "no")).all()
    people = sorted(people, key=lambda p: person_key(p.last_name, p.first_name, p.id))
    note = (f"Te osoby nie zgodziły się na utrwalanie i publikację wizerunku. Na identyfikatorze mają znak "
            f"{NO_PHOTO_MARK} w prawym górnym rogu. Prosimy ich nie fotografować ani nie filmować.")
    if fmt == "pdf":
        columns = [Column("Lp.", 0.07, "right"), Column("Nazwisko i imię", 0.63, bold=True),
                   Column("Znak na identyfikatorze", 0.30, "center")]
        body = [((str(n), ""), (f"{p.last_name} {p.first_name}", ""), (NO_PHOTO_MARK + " bez zdjęć", ""))
                for n, p in enumerate(people, 1)]
        doc = ListDocument(ctx.event.name, ctx.event.venue, columns, [ListSection(
            "Lista dla fotografów — bez zgody na wizerunek", note, body,
            empty_text="Wszyscy uczestnicy zgodzili się na zdjęcia.")], generated=datetime.now(ctx.event.tz),
            pdf_title="Lista dla fotografów")
        return ExportResult(Path(out), fmt, len(people), pdf_list.render_list(out, doc, progress=progress))
    sheet = Sheet("Bez zdjęć", ["Lp.", "Nazwisko", "Imię", "Znak na identyfikatorze"],
                  [[n, p.last_name, p.first_name, NO_PHOTO_MARK] for n, p in enumerate(people, 1)])
    if fmt == "csv":
        csv_export.write_csv(out, [sheet], delimiter=delimiter, progress=progress)
    else:
        xlsx_export.write_xlsx(out, [sheet], progress=progress)
    return ExportResult(Path(out), fmt, len(people))


def check_register_format(fmt: str | None, out: Path) -> None:
    if fmt is None and out.suffix.lower() not in (".csv", ".xlsx", ".pdf"):
        raise ReportError("give --format csv|xlsx|pdf or an --out name ending in one of them")
