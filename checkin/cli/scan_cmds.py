# SPDX-License-Identifier: MIT
"""`checkin scan`, `checkin admit`, `checkin void`, `checkin headcount`."""

from __future__ import annotations

import argparse
from typing import Any

from checkin.cli.context import CliContext, CliError, add_command, parse_day
from checkin.cli.scan_media import scan_input_options
from checkin.domain.decision import Decision
from checkin.domain.messages import say
from checkin.domain.models import Checkpoint
from checkin.domain.results import Direction, Source


def _checkpoint_options(parser: argparse.ArgumentParser) -> None:
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--day", type=parse_day, help="the day's entrance, e.g. 2022-10-19 (default: today)")
    where.add_argument("--session", metavar="CODE", help="a session code, e.g. D1-WS-KPA")
    parser.add_argument("--exit", action="store_true", help="record leaving (for sessions that count who is inside)")


def register(sub: Any) -> None:
    scan = add_command(sub, "scan", "check in from code text, image files, a folder, a video or a camera")
    scan_input_options(scan)
    _checkpoint_options(scan)
    scan.set_defaults(func=cmd_scan)

    admit = add_command(sub, "admit", "check someone in by attendee id or registration number, or a whole group")
    who = admit.add_mutually_exclusive_group(required=True)
    who.add_argument("--attendee", metavar="ID")
    who.add_argument("--group", metavar="GROUP",
                     help="everyone of this group / order / delegation: one decision (and scan) per member")
    _checkpoint_options(admit)
    admit.set_defaults(func=cmd_admit)

    void = add_command(sub, "void", "undo a check-in (recorded as a void event; nothing is deleted)")
    void.add_argument("scan_id")
    void.add_argument("--reason", default="")
    void.set_defaults(func=cmd_void)

    head = add_command(sub, "headcount", "registered vs present per day, category and session")
    head.add_argument("--day", type=parse_day)
    head.set_defaults(func=cmd_headcount)


def checkpoint_from_args(ctx: CliContext) -> Checkpoint:
    from checkin.services.event import resolve_checkpoint

    return resolve_checkpoint(ctx.engine, ctx.event(), day=ctx.args.day, session_code=ctx.args.session)


def service(ctx: CliContext) -> Any:
    from checkin.services.checkin import CheckInService

    return CheckInService(ctx.engine, ctx.desk, operator=getattr(ctx.args, "operator", "") or "")


def describe(decision: Decision, tz: Any) -> str:
    """One line for a person: result, who, and for a duplicate when and where."""
    who = ""
    if decision.attendee:
        a = decision.attendee
        who = f" {a.full_name}" + (f" ({a.organisation})" if a.organisation else "")
    text = f"{decision.result.value.upper()}:{who} — {say(decision.message)}"
    if decision.first_time is not None:
        text += " " + say("at {time} at {desk}", time=f"{decision.first_time.astimezone(tz):%Y-%m-%d %H:%M}",
                          desk=decision.first_desk)
    return text + f" [scan {decision.scan_id}]"


def emit_decision(ctx: CliContext, decision: Decision, tz: Any) -> None:
    ctx.emit(decision.to_json(tz), describe(decision, tz))


def cmd_scan(ctx: CliContext) -> int:
    from checkin.cli.scan_media import run_scan

    checkpoint = checkpoint_from_args(ctx)
    svc = service(ctx)
    direction = Direction.OUT if ctx.args.exit else Direction.IN
    return run_scan(ctx, svc, checkpoint, direction, describe)


def cmd_admit(ctx: CliContext) -> int:
    from checkin.storage.attendees import find_attendee_id

    if ctx.args.group is not None:
        return _admit_group(ctx)
    event = ctx.event()
    with ctx.engine.connect() as conn:
        attendee_id = find_attendee_id(conn, event.id, ctx.args.attendee)
    if attendee_id is None:
        raise CliError(f"no attendee '{ctx.args.attendee}' (use `checkin attendees --search NAME` to find the id)")
    checkpoint = checkpoint_from_args(ctx)
    svc = service(ctx)
    direction = Direction.OUT if ctx.args.exit else Direction.IN
    emit_decision(ctx, svc.admit(attendee_id, checkpoint, Source.SEARCH, direction), event.tz)
    return 0


def _admit_group(ctx: CliContext) -> int:
    from checkin.services.groups import GroupError, admit_group, members

    event = ctx.event()
    checkpoint = checkpoint_from_args(ctx)
    try:
        people = members(ctx.engine, event.id, ctx.args.group, checkpoint)
    except GroupError as exc:
        raise CliError(str(exc)) from exc
    svc = service(ctx)
    direction = Direction.OUT if ctx.args.exit else Direction.IN
    if direction is Direction.OUT:
        decisions = [svc.admit(m.attendee.id, checkpoint, Source.SEARCH, direction) for m in people]
    else:
        decisions = admit_group(svc, [m.attendee.id for m in people], checkpoint)
    admitted = sum(1 for d in decisions if d.admitted)
    text = "\n".join(describe(d, event.tz) for d in decisions)
    text += f"\nGroup {ctx.args.group}: {admitted} of {len(decisions)} admitted now."
    ctx.emit([d.to_json(event.tz) for d in decisions], text)
    return 0


def cmd_void(ctx: CliContext) -> int:
    from checkin.services.checkin import VoidError

    svc = service(ctx)
    try:
        decision = svc.void(ctx.args.scan_id, reason=ctx.args.reason)
    except VoidError as exc:
        raise CliError(str(exc)) from exc
    emit_decision(ctx, decision, svc.event.tz)
    return 0


def cmd_headcount(ctx: CliContext) -> int:
    from checkin.services.headcount import headcount

    hc = headcount(ctx.engine, ctx.args.day)
    lines = []
    for d in hc.days:
        lines.append(f"{d.day.isoformat()}: {d.present} present of {d.registered} registered")
        for cat, (reg, pres) in d.by_category.items():
            lines.append(f"    {cat:<12} {pres:>5} / {reg}")
    if hc.sessions:
        lines.append("Sessions:")
    for s in hc.sessions:
        cap = f" / {s.capacity} seats, {s.seats_left} left" if s.capacity is not None else ""
        lines.append(f"  {s.code:<12} {s.present:>5} present, {s.inside_now} inside now{cap}")
    ctx.emit(hc.to_json(), "\n".join(lines))
    return 0
