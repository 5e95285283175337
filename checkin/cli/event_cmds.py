# SPDX-License-Identifier: MIT
"""`checkin demo`, `checkin event load FILE`, `checkin event show`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from checkin.cli.context import CliContext, CliError, add_command
from checkin.resources import resource_path


def register(sub: Any) -> None:
    demo = add_command(sub, "demo", "fill an empty database with the demo congress and its roster")
    demo.set_defaults(func=cmd_demo)
    event = add_command(sub, "event", "set up or show the event (days and sessions)")
    event_sub = event.add_subparsers(dest="event_command", metavar="ACTION", required=True)
    load = add_command(event_sub, "load", "load days and sessions from a TOML file")
    load.add_argument("file", type=Path)
    load.set_defaults(func=cmd_event_load)
    show = add_command(event_sub, "show", "show the event, its days and sessions")
    show.set_defaults(func=cmd_event_show)


def cmd_demo(ctx: CliContext) -> int:
    from checkin.services.demo import DemoNotEmptyError, install_demo

    try:
        summary = install_demo(ctx.engine)
    except DemoNotEmptyError as exc:
        raise CliError(str(exc)) from exc
    ctx.desk  # noqa: B018 - registers this desk in the new database
    ctx.emit(summary, f"Demo event '{summary['event']}' installed: {summary['days']} days, "
                      f"{summary['sessions']} sessions, {summary['attendees']} attendees.")
    return 0


def cmd_event_load(ctx: CliContext) -> int:
    from checkin.services.event import install_event, parse_event_file

    definition = parse_event_file(ctx.args.file)
    install_event(ctx.engine, definition)
    ev = definition.event
    ctx.emit({"event": ev.id, "days": len(ev.days), "sessions": len(definition.sessions)},
             f"Loaded '{ev.name}': {len(ev.days)} days, {len(definition.sessions)} sessions.")
    return 0


def cmd_event_show(ctx: CliContext) -> int:
    from checkin.storage.events import list_sessions

    event = ctx.event()
    with ctx.engine.connect() as conn:
        sessions = list_sessions(conn, event.id)
    tz = event.tz

    def hm(value: Any) -> str:
        return value.astimezone(tz).strftime("%H:%M") if value else "--:--"

    data = {
        "id": event.id, "name": event.name, "timezone": event.timezone, "venue": event.venue,
        "days": [{"date": d.date.isoformat(), "label": d.label} for d in event.days],
        "sessions": [{"code": s.code, "day": s.day.isoformat(), "title": s.title, "room": s.room,
                      "starts": hm(s.starts_at), "ends": hm(s.ends_at), "capacity": s.capacity,
                      "kind": s.kind.value, "registration_required": s.requires_registration,
                      "track_exits": s.tracks_inside} for s in sessions],
    }
    lines = [f"{event.name} ({event.id}), {event.timezone}", event.venue]
    for d in event.days:
        lines.append(f"\n{d.date.isoformat()} {d.label}")
        for s in (s for s in sessions if s.day == d.date):
            cap = f" [{s.capacity} seats]" if s.capacity else ""
            lines.append(f"  {hm(s.starts_at)}-{hm(s.ends_at)}  {s.code:<12} {s.title}{cap}")
    ctx.emit(data, "\n".join(line for line in lines if line is not None))
    return 0


def demo_files() -> tuple[Path, Path]:
    return resource_path("demo/event.toml"), resource_path("demo/roster.csv")
