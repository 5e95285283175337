# SPDX-License-Identifier: MIT
"""`checkin import FILE` and `checkin attendees`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from checkin.cli.context import CliContext, CliError, add_command, parse_day


def _mapping(text: str) -> tuple[str, str]:
    column, sep, field = text.rpartition("=")
    if not sep or not column.strip() or not field.strip():
        raise argparse.ArgumentTypeError(f"'{text}' is not COLUMN=FIELD, e.g. \"Urząd=organisation\"")
    return column.strip(), field.strip()


def register(sub: Any) -> None:
    imp = add_command(sub, "import", "import or update the attendee list from a CSV or XLSX file (all or nothing)")
    imp.add_argument("file", type=Path, help="roster file: .csv (UTF-8 or Windows-1250; , ; or tab) or .xlsx")
    imp.add_argument("--dry-run", action="store_true", help="show what would change; write nothing")
    imp.add_argument("--map", dest="mapping", action="append", type=_mapping, default=[], metavar="COLUMN=FIELD",
                     help="use COLUMN for FIELD (first_name, last_name, full_name, organisation, position, email, "
                          "phone, category, days, sessions, external_ref, external_code, notes, ignore); repeatable")
    imp.add_argument("--sheet", metavar="NAME", help="the workbook sheet to read (default: the first)")
    imp.add_argument("--keep-missing", action="store_true",
                     help="do not cancel people missing from the file (for a file of additions only)")
    imp.set_defaults(func=cmd_import)

    att = add_command(sub, "attendees", "list or search attendees (accent-insensitive: 'lukasz zolc')")
    att.add_argument("--search", default="", metavar="TEXT", help="name, organisation, e-mail or registration id")
    att.add_argument("--category", default="", help="e.g. speaker or Prelegent")
    att.add_argument("--status", choices=["active", "cancelled"], help="only active or only cancelled")
    att.add_argument("--day", type=parse_day, help="also show who was checked in on this day")
    att.add_argument("--limit", type=int, default=50, help="at most this many (default 50)")
    att.set_defaults(func=cmd_attendees)


def cmd_import(ctx: CliContext) -> int:
    from checkin.services.roster import import_roster

    event = ctx.event()
    show_progress = not ctx.json and sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        print(f"\r{100 * done // max(total, 1):3d} %", end="", file=sys.stderr, flush=True)

    report = import_roster(ctx.engine, event.id, ctx.args.file, mapping=dict(ctx.args.mapping),
                           dry_run=ctx.args.dry_run, cancel_missing=not ctx.args.keep_missing,
                           sheet=ctx.args.sheet, progress=progress if show_progress else None)
    if show_progress:
        print("\r", end="", file=sys.stderr)
    lines = [f"{ctx.args.file.name}: {report.summary()}."]
    lines += [f"warning: {w}" for w in report.warnings]
    if ctx.args.dry_run:
        lines += ["Would change:" if report.changes else "Nothing would change."]
        lines += [f"  {c.describe()}" for c in report.changes]
    ctx.emit(report.to_json(), "\n".join(lines))
    return 0


def cmd_attendees(ctx: CliContext) -> int:
    from checkin.services.registration import checked_in_on, list_attendees
    from checkin.services.roster_mapping import ValueProblem

    if ctx.args.limit < 1:
        raise CliError("--limit must be at least 1")
    event = ctx.event()
    try:
        found = list_attendees(ctx.engine, search=ctx.args.search, category=ctx.args.category,
                               status=ctx.args.status or "", limit=ctx.args.limit, event_id=event.id)
    except ValueProblem as exc:
        raise CliError(f"--category: {exc}") from exc
    day = ctx.args.day
    if day is not None and day not in event.dates:
        raise CliError(f"{day} is not a day of {event.name} ({', '.join(d.isoformat() for d in event.dates)})")
    seen = checked_in_on(ctx.engine, (a.id for a in found), day) if day else {}
    data = []
    for a in found:
        item = a.to_json()
        if day is not None:
            when = seen.get(a.id)
            item["checked_in_at"] = when.isoformat() if when else None
        data.append(item)
    lines = []
    for a in found:
        line = (f"{a.id[:8]}  {_cut(a.full_name, 32):<32}  {_cut(a.organisation, 40):<40}  "
                f"{a.category:<11} {a.status}")
        if day is not None:
            when = seen.get(a.id)
            line += f"  {when.astimezone(event.tz):%H:%M}" if when else "  -"
        lines.append(line)
    if not found:
        lines.append("No attendees found." if ctx.args.search or ctx.args.category else
                     "No attendees yet: import a roster with `checkin import FILE`.")
    ctx.emit(data, "\n".join(lines))
    return 0


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
