# SPDX-License-Identifier: MIT
"""Roster import: read a CSV/XLSX attendee list, check every row, then apply it all or nothing.

`read_roster` parses and validates without a database (the import wizard's preview).
`import_roster` collects every problem in the file first; only a file without a single problem is
written, in one transaction, so a half-imported roster never reaches the desks. Re-importing the
same file changes nothing; an updated file adds, updates, cancels and reactivates (see
`roster_merge`). Thread: any one thread; each call opens and closes its own connections.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Collection
from datetime import date
from pathlib import Path

from sqlalchemy import Engine

from checkin.domain.messages import say
from checkin.domain.text import normalise_name
from checkin.services import roster_mapping as m
from checkin.services.roster_io import RawTable, RosterFileError, read_table
from checkin.services.roster_model import (
    ImportReport,
    ParsedRoster,
    RosterChange,
    RosterError,
    RosterRow,
    RowError,
)

__all__ = ["ImportReport", "ParsedRoster", "RosterChange", "RosterError", "RosterRow", "RowError",
           "import_roster", "preview_roster", "read_roster"]

Progress = Callable[[int, int], None]
_PROGRESS_EVERY = 1000



_NEEDS = {  # the sentence for an empty name cell, per field (translated in checkin.domain.messages)
    "first_name": "empty; every attendee needs a first name",
    "last_name": "empty; every attendee needs a last name",
}

def read_roster(path: Path, mapping: dict[str, str] | None = None, *, sheet: str | None = None,
                event_days: Collection[date] | None = None, session_codes: Collection[str] | None = None,
                progress: Progress | None = None) -> ParsedRoster:
    """Parse and validate. Raises RosterError only when the file cannot be read at all; problems
    in the header or rows are listed in `.errors` so a preview can show them all.

    Without `event_days`/`session_codes` days and sessions are checked for form only.
    """
    path = Path(path)
    try:
        table = read_table(path, sheet)
    except RosterFileError as exc:
        raise RosterError(str(exc), [RowError(0, "", "", str(exc))]) from exc
    columns, index, errors, warnings = _map_columns(table, mapping or {})
    parsed = ParsedRoster(path=path, headers=table.headers, columns=columns, rows=[], errors=errors,
                          warnings=table.warnings + warnings, encoding=table.encoding,
                          delimiter=table.delimiter, sheet=table.sheet, source=table.source_description,
                          data_rows=len(table.rows))
    if not table.rows:
        parsed.errors.append(RowError(table.header_row, "", "",
                                      say("{name} has a header row but no attendees below it", name=path.name)))
    if errors:  # without the right columns every row would repeat the same complaint
        return parsed
    total = len(table.rows)
    parsers = _value_parsers(event_days, session_codes)
    for done, (number, cells) in enumerate(table.rows, start=1):
        row = _parse_row(number, cells, index, table.headers, parsers, parsed.errors)
        if row is not None:
            parsed.rows.append(row)
        if progress and done % _PROGRESS_EVERY == 0:
            progress(done, total * 2)
    _check_duplicates(parsed, index, table.headers)
    _warn_extra_cells(table, parsed)
    return parsed


def preview_roster(engine: Engine, event_id: str, path: Path, mapping: dict[str, str] | None = None,
                   *, sheet: str | None = None) -> ParsedRoster:
    """`read_roster` with days and sessions checked against the event, as the import will check them."""
    days, codes = _event_vocabulary(engine, event_id)
    return read_roster(path, mapping, sheet=sheet, event_days=days, session_codes=codes)


def import_roster(engine: Engine, event_id: str, path: Path, *, mapping: dict[str, str] | None = None,
                  dry_run: bool = False, cancel_missing: bool = True, progress: Progress | None = None,
                  desk_id: str = "import", sheet: str | None = None) -> ImportReport:
    """Apply a roster file to the event's attendees, all or nothing; see module docstring.

    `progress(done, total)` is called from the calling thread: reading fills the first half,
    writing the second.
    """
    from checkin.services.roster_merge import apply_roster

    days, codes = _event_vocabulary(engine, event_id)
    parsed = read_roster(path, mapping, sheet=sheet, event_days=days, session_codes=codes, progress=progress)
    parsed.raise_if_errors()
    report = apply_roster(engine, event_id, parsed, dry_run=dry_run, cancel_missing=cancel_missing,
                          desk_id=desk_id)
    if progress:
        progress(2 * len(parsed.rows), 2 * len(parsed.rows))
    return report


def _event_vocabulary(engine: Engine, event_id: str) -> tuple[tuple[date, ...], list[str]]:
    from checkin.storage.events import list_sessions, load_event

    with engine.connect() as conn:
        event = load_event(conn, event_id)
        return event.dates, [s.code for s in list_sessions(conn, event_id)]


# ------------------------------------------------------------------------------------- columns
def _map_columns(table: RawTable, explicit: dict[str, str]
                 ) -> tuple[dict[str, str], dict[str, int], list[RowError], list[str]]:
    """(heading -> field, field -> column index, header errors, warnings)."""
    headers, hrow = table.headers, table.header_row
    errors: list[RowError] = []
    warnings: list[str] = []
    by_column: dict[int, str] = {}
    for column, target in explicit.items():
        idx = _find_column(headers, column)
        field = m.field_for_mapping_target(target)
        if idx is None:
            found = ", ".join(f'"{h}"' for h in headers if h)
            errors.append(RowError(hrow, column, column, f"no such column in the file (columns: {found})"))
        elif field is None:
            names = ", ".join(f for f in m.FIELDS)
            errors.append(RowError(hrow, column, target,
                                   f'"{target}" is not a field; map columns to one of: {names}, ignore'))
        else:
            by_column[idx] = field
    index: dict[str, int] = {f: i for i, f in by_column.items() if f != m.IGNORE}
    for i, heading in enumerate(headers):
        if i in by_column:
            continue
        field = m.field_for_header(heading) if heading else None
        if field is None:
            if heading:
                warnings.append(f'column "{heading}" is not used: its heading is not known '
                                f'(to use it: --map "{heading}=FIELD")')
            by_column[i] = m.IGNORE
        elif field in index:
            warnings.append(f'column "{heading}" is not used: column "{headers[index[field]]}" already '
                            f"gives the {m.FIELDS[field]}")
            by_column[i] = m.IGNORE
        else:
            by_column[i] = field
            index[field] = i
    if "full_name" in index and "last_name" in index and "first_name" not in index \
            and m.header_key(headers[index["full_name"]]) == "name":  # "Name, Surname" exports
        index["first_name"] = index.pop("full_name")
        by_column[index["first_name"]] = "first_name"
    if "full_name" in index and "first_name" in index and "last_name" in index:
        warnings.append(f'column "{headers[index["full_name"]]}" is not used: first and last name have '
                        "their own columns")
        by_column[index.pop("full_name")] = m.IGNORE
    has_names = ("first_name" in index and "last_name" in index) or "full_name" in index
    if not has_names and not errors:
        missing = [m.FIELDS[f] for f in ("first_name", "last_name") if f not in index]
        found = ", ".join(f'"{h}"' for h in headers if h) or "none"
        errors.append(RowError(hrow, "", "", (
            f"the file has no {' and no '.join(missing)} column (columns found: {found}); head the columns "
            '"Imię" and "Nazwisko" (or "Imię i nazwisko"), or map them, e.g. --map "Kolumna=first_name"')))
    columns = {headers[i] or f"column {i + 1}": f for i, f in sorted(by_column.items())}
    return columns, index, errors, warnings


def _find_column(headers: list[str], name: str) -> int | None:
    if name in headers:
        return headers.index(name)
    key = m.header_key(name)
    return next((i for i, h in enumerate(headers) if m.header_key(h) == key), None)


# ---------------------------------------------------------------------------------------- rows
_TEXT_FIELDS = ("external_ref", "organisation", "position", "phone", "external_code", "notes", "group_code")


def _value_parsers(event_days: Collection[date] | None, session_codes: Collection[str] | None
                   ) -> dict[str, Callable[[str], object]]:
    """Readers for the coded columns, memoised: a 20,000-row file has a handful of distinct
    categories, day lists and session lists, so each distinct cell text is parsed once."""
    readers: dict[str, Callable[[str], object]] = {
        "email": m.check_email,
        "category": m.parse_category,
        "photo_consent": m.parse_consent,
        "days": lambda v: m.parse_days(v, event_days),
        "sessions": lambda v: tuple(sorted(m.parse_sessions(v, session_codes))),
    }

    def memo(read: Callable[[str], object], limit: int = 10_000) -> Callable[[str], object]:
        seen: dict[str, object] = {}

        def cached(value: str) -> object:
            hit = seen.get(value, seen)
            if hit is seen:
                try:
                    hit = read(value)
                except m.ValueProblem as exc:
                    hit = exc
                if len(seen) < limit:
                    seen[value] = hit
            if isinstance(hit, m.ValueProblem):
                raise m.ValueProblem(str(hit))
            return hit

        return cached

    return {f: (read if f == "email" else memo(read)) for f, read in readers.items()}


def _tidy(text: str) -> str:
    """`normalise_name` with a fast path for the common already-tidy cell."""
    if "  " in text or not text.isprintable() or not unicodedata.is_normalized("NFC", text):
        return normalise_name(text)
    return text.strip()


def _parse_row(number: int, cells: list[str], index: dict[str, int], headers: list[str],
               parsers: dict[str, Callable[[str], object]], errors: list[RowError]) -> RosterRow | None:
    def cell(field: str) -> str:
        i = index.get(field)
        return cells[i] if i is not None and i < len(cells) else ""

    def fail(field: str, value: str, message: str) -> None:
        errors.append(RowError(number, headers[index[field]], value, message))

    before = len(errors)
    values: dict[str, object] = {}
    if "full_name" in index:
        full = normalise_name(cell("full_name"))
        try:
            values["first_name"], values["last_name"] = m.split_full_name(full) if full else ("", "")
        except m.ValueProblem as exc:
            fail("full_name", full, say("{problem}; write it as first name then surname", problem=exc))
        if not full:
            fail("full_name", "", say("empty; every attendee needs a first and last name"))
    else:
        for f in ("first_name", "last_name"):
            values[f] = _tidy(cell(f))
            if not values[f]:
                fail(f, "", say(_NEEDS[f]))
    for f in _TEXT_FIELDS:
        if f in index:
            values[f] = _tidy(cell(f)) if f != "notes" else cell(f).strip()
    flags = [f"{headers[index[f]]}: {_tidy(cell(f))}" for f in m.NOTE_FIELDS if f in index and cell(f).strip()]
    if flags:  # gender and flag columns travel in the notes, one "Heading: value" line each
        values["notes"] = "\n".join([str(values.get("notes") or ""), *flags]).strip()
    for f, parse in parsers.items():
        if f in index:
            raw = cell(f)
            try:
                values[f] = parse(raw)
            except m.ValueProblem as exc:
                fail(f, raw, str(exc))
    for f, limit_value in list(values.items()):
        if isinstance(limit_value, str) and len(limit_value) > 64 and f in m.MAX_LENGTH:
            try:
                m.check_length(f, limit_value)
            except m.ValueProblem as exc:
                source = "full_name" if f in ("first_name", "last_name") and "full_name" in index else f
                fail(source, limit_value[:40] + "...", str(exc))
    if len(errors) > before:
        return None
    return RosterRow(row=number, **values)  # type: ignore[arg-type]


def _check_duplicates(parsed: ParsedRoster, index: dict[str, int], headers: list[str]) -> None:
    """Two rows that would be the same attendee (or share a ticket code) are both named."""
    def heading(field: str) -> str:
        return headers[index[field]] if field in index else ""

    seen_identity: dict[tuple[str, str], RosterRow] = {}
    seen_code: dict[str, RosterRow] = {}
    for row in parsed.rows:
        kind, key = row.identity()
        first = seen_identity.setdefault((kind, key), row)
        if first is not row:
            if kind == "external_ref":
                message = say('"{value}" is also the registration id of row {row}; registration ids must be unique',
                              value=row.external_ref, row=first.row)
                parsed.errors.append(RowError(row.row, heading("external_ref"), row.external_ref, message))
            elif kind == "email":
                message = say('"{value}" is also the e-mail of row {row} and neither row has a registration id, '
                              "so the two cannot be told apart; add a registration id column or remove the "
                              "repeated row", value=row.email, row=first.row)
                parsed.errors.append(RowError(row.row, heading("email"), row.email, message))
            else:
                message = say("{name} ({organisation}) is already in row {row}; remove the repeated row, or add a "
                              "registration id or e-mail column to tell them apart", name=row.full_name,
                              organisation=row.organisation or say("no organisation"), row=first.row)
                parsed.errors.append(RowError(row.row, "", row.full_name, message))
        if row.external_code:
            code_key = row.external_code.upper()
            other = seen_code.setdefault(code_key, row)
            if other is not row:
                parsed.errors.append(RowError(
                    row.row, heading("external_code"), row.external_code,
                    say('"{value}" is also the ticket code of row {row}; ticket codes must be unique',
                        value=row.external_code, row=other.row)))
    parsed.errors.sort(key=lambda e: e.row)


def _warn_extra_cells(table: RawTable, parsed: ParsedRoster) -> None:
    width = len(table.headers)
    extra = [n for n, cells in table.rows if any(cells[width:])]
    if extra:
        rows = ", ".join(str(n) for n in extra[:5]) + (" ..." if len(extra) > 5 else "")
        parsed.warnings.append(f"{len(extra)} rows have values to the right of the last heading (rows {rows}); "
                               "those values are not used")
