# SPDX-License-Identifier: MIT
"""`checkin badge`, `checkin badges`, `checkin print`: badge PDFs, the template list, printing.

`checkin badge templates | printers | preview | auto-print [on|off]` are small helpers on the same
command so the whole badge workflow is discoverable from `checkin badge --help`.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checkin.cli.context import CliContext, CliError, add_command

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from checkin.badges.templates import BadgeTemplate
    from checkin.domain.models import Attendee
    from checkin.services.badge_printing import Send

DEFAULT_TEMPLATE = "a6"


def _common(parser: Any) -> None:
    parser.add_argument("--template", "-t", default=None, metavar="T",
                        help=f"template id or .toml file (default: {DEFAULT_TEMPLATE}; see `checkin badge templates`)")
    parser.add_argument("--key", type=Path, metavar="FILE",
                        help="the event's private key (PEM): the QR then carries a signed ticket")
    parser.add_argument("--lang", dest="badge_lang", choices=("pl", "en"), default=None,
                        help="language of the category label and dates (default: the template's, else the event's "
                             "badge_language)")


def register(sub: Any) -> None:
    badge = add_command(sub, "badge", "one attendee's badge as PDF; or: templates | printers | preview | auto-print")
    badge.add_argument("action", nargs="?", choices=("templates", "printers", "preview", "auto-print"),
                       help="templates: list templates; printers: list printers; preview: sample badges "
                            "for a template; auto-print [on|off]: print on first check-in at this desk")
    badge.add_argument("value", nargs="?", help=argparse.SUPPRESS)
    badge.add_argument("--attendee", metavar="ID", help="attendee id, registration number or ticket number")
    badge.add_argument("--out", type=Path, metavar="F.pdf", help="PDF file to write")
    _common(badge)
    badge.set_defaults(func=cmd_badge)

    batch = add_command(sub, "badges", "badges for every active attendee (or one category) into one PDF")
    batch.add_argument("--out", type=Path, required=True, metavar="F.pdf")
    batch.add_argument("--category", metavar="C", help="only this category, e.g. speaker")
    _common(batch)
    batch.set_defaults(func=cmd_badges)

    prn = add_command(sub, "print", "print an attendee's badge (asks before a reprint)")
    prn.add_argument("--attendee", required=True, metavar="ID")
    prn.add_argument("--printer", metavar="NAME", help="printer name (default: the system's default printer)")
    prn.add_argument("--copies", type=int, default=1, metavar="N")
    prn.add_argument("--yes", action="store_true", help="print even though a copy was printed before")
    prn.add_argument("--to-pdf", type=Path, metavar="F.pdf",
                     help="send the job through the same print path into a PDF file instead of a printer")
    _common(prn)
    prn.set_defaults(func=cmd_print)


def _template(ctx: CliContext) -> BadgeTemplate:
    from checkin.badges.templates import TemplateError, load_template

    try:
        return load_template(ctx.args.template or DEFAULT_TEMPLATE)
    except TemplateError as exc:
        raise CliError(str(exc)) from exc


def _key(ctx: CliContext) -> Ed25519PrivateKey | None:
    path = getattr(ctx.args, "key", None)
    if path is None:
        return None
    from checkin.tickets.keys import KeyFileError, load_private_key

    try:
        return load_private_key(path)
    except KeyFileError as exc:
        raise CliError(str(exc)) from exc


def _attendee(ctx: CliContext, event_id: str) -> Attendee:
    from checkin.storage.attendees import find_attendee_id, get_attendee

    ref = ctx.args.attendee
    if not ref:
        raise CliError("give --attendee ID (an attendee id, registration number or ticket number)")
    with ctx.engine.connect() as conn:
        attendee_id = find_attendee_id(conn, event_id, ref)
        attendee = get_attendee(conn, attendee_id) if attendee_id else None
    if attendee is None:
        raise CliError(f"no attendee '{ref}' in this event (try `checkin attendees --search NAME`)")
    if attendee.cancelled:
        raise CliError(f"{attendee.full_name}'s registration is cancelled; no badge made")
    return attendee


def cmd_badge(ctx: CliContext) -> int:
    action = ctx.args.action
    if action == "templates":
        return _list_templates(ctx)
    if action == "printers":
        return _list_printers(ctx)
    if action == "preview":
        return _preview(ctx)
    if action == "auto-print":
        return _auto_print(ctx)
    if ctx.args.out is None:
        raise CliError("give --out F.pdf (and --attendee ID)")
    from checkin.badges.render import render_badges

    event = ctx.event()
    attendee = _attendee(ctx, event.id)
    template = _template(ctx)
    pages = render_badges([attendee], event, template, ctx.args.out, signing_key=_key(ctx),
                          language=ctx.args.badge_lang, title=f"{attendee.full_name} — {event.name}")
    _record(ctx, ctx.args.out)
    ctx.emit({"attendee": attendee.id, "out": str(ctx.args.out), "template": template.id, "pages": pages},
             f"Badge for {attendee.full_name} ({template.id}) written to {ctx.args.out}.")
    return 0


def cmd_badges(ctx: CliContext) -> int:
    from checkin.badges.render import render_badges
    from checkin.badges.selection import badge_ids, iter_attendees
    from checkin.domain.models import Category

    category = ctx.args.category
    if category and category not in {c.value for c in Category}:
        raise CliError(f"unknown category '{category}'; use one of {', '.join(c.value for c in Category)}")
    event = ctx.event()
    template = _template(ctx)
    key = _key(ctx)
    ids = badge_ids(ctx.engine, event.id, category)
    if not ids:
        raise CliError("no active attendees" + (f" in category '{category}'" if category else "") + "; nothing written")
    total = len(ids)
    tty = sys.stderr.isatty() and not ctx.json

    def progress(done: int) -> None:
        if tty:
            print(f"\rBadges: {done}/{total}", end="" if done < total else "\n", file=sys.stderr, flush=True)
        elif done == total or done % 100 == 0:
            print(f"Badges: {done}/{total}", file=sys.stderr, flush=True)

    pages = render_badges(iter_attendees(ctx.engine, ids), event, template, ctx.args.out, signing_key=key,
                          progress=progress, language=ctx.args.badge_lang)
    _record(ctx, ctx.args.out)
    ctx.emit({"badges": total, "pages": pages, "out": str(ctx.args.out), "template": template.id},
             f"{total} badges on {pages} pages ({template.id}) written to {ctx.args.out}.")
    return 0


def cmd_print(ctx: CliContext) -> int:
    """The badge-print use case (services.badge_printing), as the desk's Ctrl+P runs it."""
    from checkin.services.badge_printing import BadgeJob, BadgeNotPrinted, ReprintNeedsConfirmation, print_badge

    if ctx.args.copies < 1:
        raise CliError("--copies must be at least 1")
    event = ctx.event()
    attendee = _attendee(ctx, event.id)
    template = _template(ctx)
    job = BadgeJob(attendee, event, ctx.args.template or DEFAULT_TEMPLATE, ctx.args.printer, ctx.args.copies,
                   ctx.args.badge_lang, _key(ctx))
    to_pdf = ctx.args.to_pdf
    with tempfile.TemporaryDirectory(prefix="checkin-badge-") as tmp:
        try:
            done = print_badge(ctx.engine, ctx.desk, job, qt_sender(to_pdf), Path(tmp), reprint_ok=ctx.args.yes,
                               printer_label=str(to_pdf) if to_pdf else None)
        except ReprintNeedsConfirmation as exc:
            raise CliError(f"{exc}; use --yes to print copy {len(exc.records) + 1}") from exc
        except BadgeNotPrinted as exc:
            raise CliError(str(exc)) from exc
    used, records = done.printer, done.records
    copies = ", ".join(str(r.copy_no) for r in records)
    ctx.emit({"attendee": attendee.id, "printer": used, "template": template.id,
              "copies": [r.copy_no for r in records], "desk": ctx.desk.name},
             f"Printed {attendee.full_name}'s badge on {used} ({template.id}, copy {copies}).")
    return 0


def qt_sender(output_pdf: Path | None = None) -> Send:
    """The badge-print use case's printer (checkin.ui.print_sender): Qt print support, or a PDF file."""
    from checkin.ui.print_sender import qt_sender as sender

    return sender(output_pdf)


def _list_templates(ctx: CliContext) -> int:
    from checkin.badges.templates import TemplateError, load_template, template_files

    rows: list[dict[str, Any]] = []
    lines: list[str] = []
    for name, path in sorted(template_files().items()):
        try:
            t = load_template(name)
        except TemplateError as exc:
            rows.append({"id": name, "file": str(path), "error": str(exc)})
            lines.append(f"{name:<16} BROKEN: {exc}")
            continue
        pw, ph = t.page_size_mm
        per = f", {t.per_page} per page" if t.sheet else ""
        rows.append({"id": t.id, "title": t.title, "file": str(path), "badge_mm": [t.width_mm, t.height_mm],
                     "page_mm": [pw, ph], "per_page": t.per_page, "language": t.language})
        lines.append(f"{t.id:<16} {t.title}  [page {pw:g} x {ph:g} mm{per}]")
    from checkin.badges.templates import user_dir

    lines.append(f"\nAdd your own: put a .toml file in {user_dir()} (copy one of the above as a start).")
    ctx.emit(rows, "\n".join(lines))
    return 0


def _list_printers(ctx: CliContext) -> int:
    try:
        from checkin.ui.printing import available_printers, default_printer
    except ImportError as exc:
        raise CliError(f"Qt print support is not available: {exc}") from exc
    names = available_printers()
    default = default_printer()
    text = "\n".join(f"{'*' if n == default else ' '} {n}" for n in names) or "No printers installed."
    ctx.emit({"printers": names, "default": default}, text)
    return 0


def _preview(ctx: CliContext) -> int:
    from checkin.badges.preview import render_preview

    if ctx.args.out is None:
        raise CliError("give --out F.pdf for the preview")
    template = _template(ctx)
    pages = render_preview(template, ctx.args.out, language=ctx.args.badge_lang)
    ctx.emit({"template": template.id, "out": str(ctx.args.out), "pages": pages},
             f"Sample badges on '{template.id}' written to {ctx.args.out} ({pages} pages).")
    return 0


def _auto_print(ctx: CliContext) -> int:
    from checkin.badges.log import auto_print_enabled, set_auto_print

    value = (ctx.args.value or "").lower()
    if value in ("on", "off"):
        set_auto_print(ctx.engine, value == "on")
    elif value:
        raise CliError(f"auto-print takes 'on' or 'off', not '{value}'")
    enabled = auto_print_enabled(ctx.engine)
    ctx.emit({"auto_print": enabled},
             f"Auto-print on first check-in at this desk is {'on' if enabled else 'off'}.")
    return 0


def _record(ctx: CliContext, path: Path) -> None:
    """Badge PDFs hold names: remembered so `checkin wipe` removes them."""
    from checkin.services.written_files import record_written

    record_written(ctx.engine, [path], "badge")
