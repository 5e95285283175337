# SPDX-License-Identifier: MIT
"""`checkin walk-in`: register someone at the desk and check them in — the desk's F3, from a shell.

Both call `services.walk_in.walk_in` (registration and check-in in one transaction). With
`--print` (or the desk's auto-print setting on) the first badge goes through the same badge-print
use case as `checkin print`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from checkin.cli.context import CliContext, CliError, add_command
from checkin.cli.scan_cmds import _checkpoint_options, checkpoint_from_args, emit_decision, service


def register(sub: Any) -> None:
    cmd = add_command(sub, "walk-in", "register someone who is not on the list and check them in")
    cmd.add_argument("--first-name", required=True, metavar="NAME")
    cmd.add_argument("--last-name", required=True, metavar="NAME")
    cmd.add_argument("--organisation", default="", metavar="TEXT")
    cmd.add_argument("--position", default="", metavar="TEXT")
    cmd.add_argument("--category", default="participant", metavar="C", help="participant, speaker, guest, …")
    cmd.add_argument("--email", default="", metavar="ADDRESS")
    cmd.add_argument("--phone", default="", metavar="NUMBER")
    cmd.add_argument("--print", dest="print_badge", action="store_true",
                     help="print the badge now (also happens when the desk's auto-print is on)")
    cmd.add_argument("--printer", metavar="NAME", help="printer for --print (default: the desk's, else the system's)")
    _checkpoint_options(cmd)
    cmd.set_defaults(func=cmd_walk_in)


def cmd_walk_in(ctx: CliContext) -> int:
    from checkin.services.registration import RegistrationError
    from checkin.services.walk_in import walk_in

    a = ctx.args
    if a.exit:
        raise CliError("a walk-in is checked in on arrival; --exit does not apply")
    checkpoint = checkpoint_from_args(ctx)
    svc = service(ctx)
    try:
        result = walk_in(svc, checkpoint, print_requested=a.print_badge, first_name=a.first_name,
                         last_name=a.last_name, organisation=a.organisation, position=a.position,
                         category=a.category, email=a.email, phone=a.phone)
    except RegistrationError as exc:
        flag = f" (--{exc.field.replace('_', '-')})" if exc.field else ""
        raise CliError(f"{exc}{flag}") from exc
    emit_decision(ctx, result.decision, svc.event.tz)
    if result.print_badge:
        _print_first_badge(ctx, result.attendee, a.printer)
    return 0


def _print_first_badge(ctx: CliContext, attendee: Any, printer: str | None) -> None:
    import tempfile

    from checkin.cli.badge_cmds import qt_sender
    from checkin.config import load_settings
    from checkin.services.badge_printing import BadgeJob, BadgeNotPrinted, print_badge

    settings = load_settings(ctx.engine)
    job = BadgeJob(attendee, ctx.event(), settings.badge_template, printer or settings.printer or None)
    with tempfile.TemporaryDirectory(prefix="checkin-badge-") as tmp:
        try:
            done = print_badge(ctx.engine, ctx.desk, job, qt_sender(), Path(tmp))
        except BadgeNotPrinted as exc:
            raise CliError(f"checked in, but the badge was not printed: {exc}") from exc
    if not ctx.json:
        print(f"Badge printed on {done.printer}.")
