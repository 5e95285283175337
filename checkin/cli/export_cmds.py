# SPDX-License-Identifier: MIT
"""`checkin export attendance|sessions|matrix|no-shows|certificate|certificates|certificate-register|
photographers|summary|audit`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from checkin.cli.context import CliContext, CliError, add_command, parse_day


def _delimiter(text: str) -> str:
    value = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";"}.get(text, text)
    if value not in (",", ";", "\t"):
        raise argparse.ArgumentTypeError(f"'{text}' is not a CSV delimiter; use ',' or ';' (Polish Excel) or tab")
    return value


def _common(parser: argparse.ArgumentParser, formats: tuple[str, ...], *, csv: bool = True,
            email: bool = False) -> None:
    parser.add_argument("--format", choices=formats, help="file format (default: from the --out extension)")
    parser.add_argument("--out", required=True, type=Path, metavar="FILE", help="file to write")
    if csv:
        parser.add_argument("--delimiter", type=_delimiter, default=",",
                            help="CSV delimiter: ',' (default) or ';' for Polish Excel")
    if email:
        parser.add_argument("--with-email", action="store_true", help="add the e-mail column")


def register(sub: Any) -> None:
    from checkin.domain.exports import EXPORTS  # the formats each report offers, as the Exports page shows

    export = add_command(sub, "export", "attendance reports: lists, matrix, no-shows, certificates, summary")
    ex = export.add_subparsers(dest="export_command", metavar="REPORT", required=True)

    att = add_command(ex, "attendance", "everyone present on a day: CSV, XLSX (all days if no --day) or the "
                                        "PDF attendance list with a signature column")
    att_where = att.add_mutually_exclusive_group()
    att_where.add_argument("--day", type=parse_day, help="event day, e.g. 2022-10-19 (required for PDF)")
    att_where.add_argument("--session", metavar="CODE",
                           help="one session instead: entry, exit and minutes of presence per person")
    _common(att, EXPORTS["attendance"].formats, email=True)
    att.set_defaults(func=cmd_attendance)

    ses = add_command(ex, "sessions", "attendance per session (all sessions, or one with --session)")
    ses.add_argument("--session", metavar="CODE", help="a session code, e.g. D1-WS-KPA")
    _common(ses, EXPORTS["sessions"].formats, email=True)
    ses.set_defaults(func=cmd_sessions)

    mat = add_command(ex, "matrix", "attendee-by-day-and-session matrix for the whole event (X = attended)")
    mat.add_argument("--minutes", action="store_true", help="session cells show minutes of presence instead of X")
    _common(mat, EXPORTS["matrix"].formats)
    mat.set_defaults(func=cmd_matrix)

    nos = add_command(ex, "no-shows", "registered for a day but never checked in (cancelled excluded)")
    nos.add_argument("--day", type=parse_day, help="event day (default: every day)")
    _common(nos, EXPORTS["no_shows"].formats, email=True)
    nos.set_defaults(func=cmd_no_shows)

    cert = add_command(ex, "certificate", "certificate of attendance (PDF) for one person")
    cert.add_argument("--attendee", required=True, metavar="ID", help="attendee id or registration number")
    cert.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    cert.add_argument("--lang", dest="certificate_lang", choices=("pl", "en"), default="pl",
                      help="language of the certificate (default: pl)")
    cert.add_argument("--issued", type=parse_day, help="date on the certificate (default: last day attended)")
    cert.set_defaults(func=cmd_certificate)

    certs = add_command(ex, "certificates", "numbered certificates with hours for everyone who attended (or one "
                                            "institution, one day, chosen people): a PDF each and/or one file")
    certs.add_argument("--out", type=Path, metavar="DIR", help="folder for one PDF per person")
    certs.add_argument("--day", type=parse_day, help="only people present that day, and only that day's sessions")
    certs.add_argument("--organisation", metavar="TEXT", default="",
                       help="only people whose institution contains TEXT (letters with or without accents)")
    certs.add_argument("--attendee", action="append", default=[], metavar="ID",
                       help="only this person (id or registration number); repeat for several")
    certs.add_argument("--combined", type=Path, metavar="FILE.pdf", help="also one PDF holding every certificate")
    certs.add_argument("--zip", dest="zip_by_organisation", action="store_true",
                       help="also a ZIP per institution in the --out folder")
    certs.add_argument("--lang", dest="certificate_lang", choices=("pl", "en"), default="pl",
                       help="language of the certificates (default: pl)")
    certs.add_argument("--issued", type=parse_day, help="date of issue (default: the event's last day)")
    certs.set_defaults(func=cmd_certificates)

    reg = add_command(ex, "certificate-register", "the register of issued certificate numbers (ewidencja), "
                                                  "refreshed from the venue hub when there is one")
    _common(reg, ("csv", "xlsx", "pdf"))
    reg.set_defaults(func=cmd_certificate_register)

    photo = add_command(ex, "photographers", "people without consent to photos: name and badge mark only")
    _common(photo, ("csv", "xlsx", "pdf"))
    photo.set_defaults(func=cmd_photographers)

    summ = add_command(ex, "summary", "counts per day, category, session, hour of arrival and desk")
    _common(summ, EXPORTS["summary"].formats)
    summ.set_defaults(func=cmd_summary)

    from checkin.cli.hub_desk_cmds import register_export

    register_export(ex)


def _run(ctx: CliContext, fn: Any, *args: Any, **kwargs: Any) -> Any:
    from checkin.reports import ReportError
    from checkin.reports.fonts import FontMissingError

    try:
        return fn(ctx.engine, *args, **kwargs)
    except (ReportError, FontMissingError) as exc:
        raise CliError(str(exc)) from exc


def _export(ctx: CliContext, kind: str, **options: Any) -> Any:
    """The export use case (services.exports.run_export), as the organiser's Exports page calls it."""
    from checkin.services.exports import run_export

    a = ctx.args
    return _run(ctx, run_export, kind, a.format, a.out, delimiter=a.delimiter, **options)


def _done(ctx: CliContext, result: Any, what: str) -> int:
    from checkin.services.written_files import record_written

    record_written(ctx.engine, [result.path], "export")
    pages = f", {result.pages} page(s)" if result.pages else ""
    ctx.emit({"path": str(result.path), "format": result.format, "rows": result.rows, "pages": result.pages},
             f"Wrote {what}: {result.rows} row(s){pages} to {result.path}")
    return 0


def cmd_attendance(ctx: CliContext) -> int:
    a = ctx.args
    result = _export(ctx, "attendance", day=a.day, session=a.session, with_email=a.with_email)
    where = f" for {a.day.isoformat()}" if a.day else f" for session {a.session}" if a.session else ""
    return _done(ctx, result, "attendance" + where)


def cmd_sessions(ctx: CliContext) -> int:
    a = ctx.args
    result = _export(ctx, "sessions", session=a.session, with_email=a.with_email)
    return _done(ctx, result, f"session {a.session}" if a.session else "session attendance")


def cmd_matrix(ctx: CliContext) -> int:
    return _done(ctx, _export(ctx, "matrix", minutes=ctx.args.minutes), "attendance matrix")


def cmd_no_shows(ctx: CliContext) -> int:
    a = ctx.args
    result = _export(ctx, "no_shows", day=a.day, with_email=a.with_email)
    return _done(ctx, result, "no-shows")


def cmd_certificate(ctx: CliContext) -> int:
    from checkin.reports import export_certificate

    a = ctx.args
    if a.out.suffix.lower() != ".pdf":
        raise CliError(f"a certificate is a PDF: give --out a name ending in .pdf (got '{a.out.name}')")
    return _done(ctx, _run(ctx, export_certificate, a.attendee, a.out, lang=a.certificate_lang, issued=a.issued,
                           desk_id=ctx.desk.id), "certificate")


def cmd_certificates(ctx: CliContext) -> int:
    from checkin.services.certificate_batch import issue_certificates
    from checkin.services.certificates import Selection

    a = ctx.args
    if a.out is None and a.combined is None:
        raise CliError("say where to write the certificates: --out DIR (a PDF per person) and/or "
                       "--combined FILE.pdf")
    if a.combined is not None and a.combined.suffix.lower() != ".pdf":
        raise CliError(f"--combined is one PDF: give a name ending in .pdf (got '{a.combined.name}')")
    selection = Selection(day=a.day, organisation=a.organisation, attendees=tuple(a.attendee))
    report = _run(ctx, issue_certificates, ctx.desk.id, out_dir=a.out, selection=selection, combined=a.combined,
                  zip_by_organisation=a.zip_by_organisation, lang=a.certificate_lang, issued=a.issued)
    lines = [f"Issued {report.issued} new certificate(s) and re-issued {report.reissued} with their numbers "
             f"(register: {'venue hub' if report.register == 'hub' else 'this computer'})."]
    if report.files:
        lines.append(f"{len(report.files)} PDF file(s) in {a.out}")
    if report.combined:
        lines.append(f"All in one: {report.combined}")
    if report.zips:
        lines.append(f"{len(report.zips)} ZIP file(s), one per institution, in {a.out}")
    for person, why in report.skipped:
        lines.append(f"  skipped: {person.full_name} {why}")
    ctx.emit(report.to_json(), "\n".join(lines))
    return 0


def cmd_certificate_register(ctx: CliContext) -> int:
    from checkin.reports.paperwork import export_register

    a = ctx.args
    exported = _run(ctx, export_register, a.format, a.out, delimiter=a.delimiter)
    if exported.stale:
        print(f"checkin: warning: {exported.stale}", file=sys.stderr)
    return _done(ctx, exported.result, "certificate register"
                 + (" (from the venue hub)" if exported.source == "hub" else ""))


def cmd_photographers(ctx: CliContext) -> int:
    from checkin.reports.paperwork import export_photographers

    a = ctx.args
    return _done(ctx, _run(ctx, export_photographers, a.format, a.out, delimiter=a.delimiter),
                 "photographers' list")


def cmd_summary(ctx: CliContext) -> int:
    return _done(ctx, _export(ctx, "summary"), "summary")
