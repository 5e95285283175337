# SPDX-License-Identifier: MIT
"""The audit export (organiser): every check-in attempt, and every change made at the hub.

Attempts come from the scan log (admissions, refusals, undos), with the desk and the login it
spoke through, the volunteer, the desk's clock and the hub's clock, the result and its reason, and
the signing key where the attempt names one. Changes come from the hub's `hub_audit` table, which
PostgreSQL triggers fill (roster edits, tickets, keys, event, desk logins handed out or revoked), so
nobody writing to the hub can leave them out. Without a hub, the desk's own scan log is exported.
Read with the organiser role: desks and dashboards may not read the audit.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError

from checkin.reports import csv_export, xlsx_export
from checkin.reports.exports import ExportResult, resolve_format
from checkin.reports.output import Progress
from checkin.reports.query import ReportError
from checkin.reports.sheets import Sheet

_KEY = re.compile(r"\bkey ([0-9a-f]{8})\b")
ATTEMPT_HEADERS = ["Czas huba", "Czas stanowiska", "Stanowisko", "Login", "Operator", "Punkt", "Kierunek",
                   "Wynik", "Powód", "Nazwisko", "Imię", "Bilet", "Klucz", "Źródło", "Cofa skan", "Id skanu"]
CHANGE_HEADERS = ["Czas huba", "Login", "Stanowisko", "Akcja", "Tabela", "Wiersz", "Klucz", "Zmiany"]

HUB_ATTEMPTS = """
SELECT s.hub_time, s.device_time, coalesce(d.name, s.desk_id) AS desk,
       coalesce(l.role_name, '') AS login, s.operator, s.checkpoint, s.direction, s.result, s.detail,
       coalesce(a.last_name, '') AS last_name, coalesce(a.first_name, '') AS first_name, s.ticket_id,
       s.source, s.voided_scan_id, s.id, s.key_id
FROM scan s LEFT JOIN desk d ON d.id = s.desk_id LEFT JOIN attendee a ON a.id = s.attendee_id
LEFT JOIN hub_login l ON l.desk_id = s.desk_id
ORDER BY s.hub_time, s.id
"""
LOCAL_ATTEMPTS = """
SELECT s.hub_time, s.device_time, coalesce(d.name, s.desk_id) AS desk, '' AS login, s.operator, s.checkpoint,
       s.direction, s.result, s.detail, coalesce(a.last_name, '') AS last_name,
       coalesce(a.first_name, '') AS first_name, s.ticket_id, s.source, s.voided_scan_id, s.id, s.key_id
FROM scan s LEFT JOIN desk d ON d.id = s.desk_id LEFT JOIN attendee a ON a.id = s.attendee_id
ORDER BY s.device_time, s.id
"""
HUB_CHANGES = """
SELECT h.at, h.login, coalesce(d.name, h.desk_id) AS desk, h.action, h.table_name, h.ref_id, h.key_id, h.detail
FROM hub_audit h LEFT JOIN desk d ON d.id = h.desk_id ORDER BY h.at, h.id
"""


def key_id(detail: str) -> str:
    """The signing key an attempt names (a refusal for an unknown or withdrawn key says which)."""
    match = _KEY.search(detail or "")
    return match.group(1) if match else ""


def _naive(value: datetime | None) -> str:
    """Local wall-clock time to the millisecond, as text: spreadsheets hold no time zones, and the
    shared date format would drop the time of day an audit is about."""
    return value.astimezone().strftime("%Y-%m-%d %H:%M:%S.%f")[:-3] if value is not None else ""


def _attempt_row(r: Any) -> list[Any]:
    return [_naive(r.hub_time), _naive(r.device_time), r.desk, r.login, r.operator, r.checkpoint, r.direction,
            r.result, r.detail, r.last_name, r.first_name, r.ticket_id or "", r.key_id or key_id(r.detail), r.source,
            r.voided_scan_id or "", r.id]


def _change_row(r: Any) -> list[Any]:
    detail = r.detail if isinstance(r.detail, str) else json.dumps(r.detail, ensure_ascii=False, sort_keys=True)
    return [_naive(r.at), r.login, r.desk, r.action, r.table_name, r.ref_id, r.key_id or "", detail]


def audit_sheets(*, hub: Engine | None = None, local: Engine | None = None) -> list[Sheet]:
    """Attempts and hub-side changes from the hub, or the local scan log when there is no hub."""
    if hub is not None:
        try:
            with hub.connect() as conn:
                attempts = [_attempt_row(r) for r in conn.execute(text(HUB_ATTEMPTS))]
                changes = [_change_row(r) for r in conn.execute(text(HUB_CHANGES))]
        except SQLAlchemyError as exc:
            orig = getattr(exc, "orig", None) or exc
            first = str(orig).strip().splitlines()[0] if str(orig).strip() else exc.__class__.__name__
            if "permission denied" in first:
                raise ReportError("the audit is the organiser's: use the organiser connection string "
                                  f"(checkin export audit --hub URL); the hub said: {first}") from exc
            raise ReportError(f"cannot read the audit from the hub: {first}") from exc
        return [Sheet("Próby", ATTEMPT_HEADERS, attempts), Sheet("Zmiany na hubie", CHANGE_HEADERS, changes)]
    assert local is not None
    with local.connect() as conn:
        attempts = [_attempt_row(r) for r in conn.execute(text(LOCAL_ATTEMPTS))]
    return [Sheet("Próby", ATTEMPT_HEADERS, attempts)]


def export_audit(out: str | Path, fmt: str | None = None, *, hub: Engine | None = None, local: Engine | None = None,
                 delimiter: str = ",", progress: Progress | None = None) -> ExportResult:
    fmt = resolve_format(fmt, out, ("csv", "xlsx"))
    tables = audit_sheets(hub=hub, local=local)
    if fmt == "csv":
        csv_export.write_csv(out, tables, delimiter=delimiter, progress=progress)
    else:
        xlsx_export.write_xlsx(out, tables, progress=progress)
    return ExportResult(Path(out), fmt, sum(len(t.rows) for t in tables))
