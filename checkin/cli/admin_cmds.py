# SPDX-License-Identifier: MIT
"""`checkin purge` (retention, organiser) and `checkin wipe` (end of event, every desk)."""

from __future__ import annotations

from typing import Any

from checkin.cli.context import CliContext, CliError, add_command


def register(sub: Any) -> None:
    purge = add_command(sub, "purge", "RODO retention: anonymise attendees' personal data on the venue hub and "
                                      "here once the event is old enough (counts and the certificate register stay)")
    purge.add_argument("--personal-data-older-than", dest="older_than", type=int, required=True, metavar="DAYS",
                       help="only when the event ended more than DAYS days ago")
    purge.add_argument("--dry-run", action="store_true", help="report what would be removed; change nothing")
    purge.add_argument("--yes", action="store_true", help="confirm: this cannot be undone")
    purge.add_argument("--local-only", action="store_true",
                       help="clean this computer even though the venue hub cannot be reached now")
    purge.set_defaults(func=cmd_purge)

    wipe = add_command(sub, "wipe", "end of event: delete every copy of personal data on this desk (database, "
                                    "exports, tickets, badge PDFs); refused while anything is unsynced")
    wipe.add_argument("--dry-run", action="store_true", help="list what would be deleted; delete nothing")
    wipe.add_argument("--yes", action="store_true", help="confirm: this cannot be undone")
    wipe.set_defaults(func=cmd_wipe)


def cmd_purge(ctx: CliContext) -> int:
    from checkin.services.purge import PurgeRefusedError, purge_personal_data

    a = ctx.args
    if not a.dry_run and not a.yes:
        raise CliError("purging cannot be undone: look first with --dry-run, then run again with --yes")
    try:
        report = purge_personal_data(ctx.engine, older_than_days=a.older_than, dry_run=a.dry_run,
                                     local_only=a.local_only)
    except PurgeRefusedError as exc:
        raise CliError(str(exc)) from exc
    ctx.emit(report.to_json(), report.summary())
    return 0


def cmd_wipe(ctx: CliContext) -> int:
    from checkin.services.admin import WipeRefusedError, wipe_desk

    a = ctx.args
    if not a.dry_run and not a.yes:
        raise CliError("wiping cannot be undone: look first with --dry-run, then run again with --yes")
    try:
        report = wipe_desk(ctx.engine, dry_run=a.dry_run)
    except WipeRefusedError as exc:
        raise CliError(f"nothing was wiped: {exc}", 3) from exc
    ctx.emit({"dry_run": a.dry_run, "files": list(report.files), "files_missing": report.files_missing,
              "attendees": report.preview.attendees, "scans": report.preview.scans,
              "register_kept": report.register_kept}, report.summary(a.dry_run))
    return 0
