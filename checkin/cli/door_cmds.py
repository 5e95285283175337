# SPDX-License-Identifier: MIT
"""`checkin presence` (minutes per person in a session) and `checkin door` (door mode, OUT card)."""

from __future__ import annotations

from typing import Any

from checkin.cli.context import CliContext, CliError, add_command, parse_day


def register(sub: Any) -> None:
    presence = add_command(sub, "presence", "minutes of presence per person in one session, from entries "
                                            "and exits (rules: [presence] in the event file)")
    presence.add_argument("--session", required=True, metavar="CODE", help="a session code, e.g. D1-WS-KPA")
    presence.set_defaults(func=cmd_presence)

    door = add_command(sub, "door", "door mode: one session (or day entrance) locked, full screen, IN/OUT")
    where = door.add_mutually_exclusive_group()
    where.add_argument("--session", metavar="CODE", help="the session at this door (default: the one running now)")
    where.add_argument("--day", type=parse_day, help="a day's entrance instead of a session, e.g. 2022-10-19")
    door.add_argument("--auto-direction", action="store_true",
                      help="a second scan of someone inside means they are leaving")
    door.add_argument("--out-card", metavar="FILE.pdf",
                      help="only print the OUT card (scanning it flips the door IN <-> OUT) to FILE.pdf")
    door.add_argument("--windowed", action="store_true", help="a window instead of full screen (testing)")
    door.set_defaults(func=cmd_door)


def cmd_presence(ctx: CliContext) -> int:
    from checkin.services.presence import PresenceError, presence_for_session

    try:
        result = presence_for_session(ctx.engine, ctx.args.session)
    except PresenceError as exc:
        raise CliError(str(exc)) from exc
    lines = [f"{result.session.code} {result.session.title}"
             + (f" ({result.session_minutes} min)" if result.session_minutes else "")
             + f": {sum(p.span.attended for p in result.people)} attended of {len(result.people)} who came in"]
    tz = result.event.tz
    for p in result.people:
        s = p.span
        first = s.first_in.astimezone(tz).strftime("%H:%M") if s.first_in else "--:--"
        last = s.last_out.astimezone(tz).strftime("%H:%M") if s.last_out else ("inside" if s.inside else "--:--")
        mark = "attended" if s.attended else ""
        lines.append(f"  {p.last_name} {p.first_name:<20} {first}–{last:<6} {s.minutes:>4} min  {mark}")
    ctx.emit([p.to_json(result.event) for p in result.people], "\n".join(lines))
    return 0


def cmd_door(ctx: CliContext) -> int:
    from datetime import datetime

    from checkin.services.door import door_checkpoint, write_direction_card

    a = ctx.args
    where = a.session or (a.day.isoformat() if a.day else None)
    if a.out_card:
        event = ctx.event()
        checkpoint = door_checkpoint(ctx.engine, event, where, datetime.now(event.tz)) if where else None
        path = write_direction_card(a.out_card, event, checkpoint)
        ctx.emit({"path": str(path), "code": "CHECKIN-DOOR-OUT"}, f"Wrote the OUT card to {path}")
        return 0
    a.door = where or ""
    a.fullscreen = not a.windowed
    try:
        from checkin.ui.app import run_app  # type: ignore[import-not-found,unused-ignore]
    except ImportError as exc:
        raise CliError(f"the desktop app is not available: {exc}") from exc
    return int(run_app(a))
