# SPDX-License-Identifier: MIT
"""`checkin volunteer add|remove|list|require` (the organiser) and `checkin kiosk` (self check-in)."""

from __future__ import annotations

import argparse
from typing import Any

from checkin.cli.context import CliContext, CliError, add_command


def register(sub: Any) -> None:
    vol = add_command(sub, "volunteer", "desk volunteers: names, PINs, and what needs a supervisor's PIN")
    vol_sub = vol.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = add_command(vol_sub, "add", "issue a PIN to a volunteer (a new PIN if they already have one)")
    add.add_argument("name")
    add.add_argument("--supervisor", action="store_true", help="may confirm gated actions with their PIN")
    add.add_argument("--pin", help="4-8 digits (default: a random 6-digit PIN, printed once)")
    add.set_defaults(func=cmd_volunteer_add)
    remove = add_command(vol_sub, "remove", "take a volunteer's PIN away")
    remove.add_argument("name")
    remove.set_defaults(func=cmd_volunteer_remove)
    listing = add_command(vol_sub, "list", "volunteers and the actions that need a supervisor")
    listing.set_defaults(func=cmd_volunteer_list)
    require = add_command(vol_sub, "require", "which actions need a supervisor's PIN at this event")
    require.add_argument("actions", nargs="*", metavar="ACTION",
                         help="undo_old walk_in correct reprint checkpoint (none: nothing is gated)")
    require.set_defaults(func=cmd_volunteer_require)

    kiosk = add_command(sub, "kiosk", "open the self check-in kiosk (full screen; the organiser password leaves)")
    kiosk.add_argument("--windowed", action="store_true", help="not full screen (trying it out)")
    kiosk.add_argument("--camera", metavar="SPEC", default=argparse.SUPPRESS,
                       help="camera:0, folder:DIR, video:FILE, or '' for none (handheld scanner only)")
    kiosk.add_argument("--lang", choices=["pl", "en"], default=argparse.SUPPRESS, help="the kiosk's first language")
    kiosk.set_defaults(func=cmd_kiosk)


def _wrap(fn: Any) -> Any:
    from checkin.services.volunteers import VolunteerError

    try:
        return fn()
    except VolunteerError as exc:
        raise CliError(str(exc)) from exc


def cmd_volunteer_add(ctx: CliContext) -> int:
    from checkin.services.volunteers import add_volunteer

    role = "supervisor" if ctx.args.supervisor else "volunteer"
    volunteer, pin = _wrap(lambda: add_volunteer(ctx.engine, ctx.args.name, role, ctx.args.pin))
    ctx.emit({"volunteer": volunteer.to_json(), "pin": pin},
             f"{volunteer.name} ({role}): PIN {pin}\nHand it over in person; it is stored only as a hash. "
             "Desks get it with the event: run `checkin hub publish` if desks sync with a hub.")
    return 0


def cmd_volunteer_remove(ctx: CliContext) -> int:
    from checkin.services.volunteers import remove_volunteer

    _wrap(lambda: remove_volunteer(ctx.engine, ctx.args.name))
    ctx.emit({"removed": ctx.args.name}, f"{ctx.args.name} can no longer sign in (after `checkin hub publish`).")
    return 0


def cmd_volunteer_list(ctx: CliContext) -> int:
    from checkin.services.volunteers import ACTIONS, gated_actions, volunteers

    event = ctx.event()
    people = volunteers(event)
    gated = gated_actions(event)
    lines = [f"  {v.name} ({v.role})" for v in people] or ["  none: desks work without sign-in"]
    lines.append("Needs a supervisor's PIN: " + (", ".join(f"{a} ({ACTIONS[a]})" for a in gated) or "nothing"))
    ctx.emit({"volunteers": [v.to_json() for v in people], "supervisor_actions": list(gated)},
             "Volunteers:\n" + "\n".join(lines))
    return 0


def cmd_volunteer_require(ctx: CliContext) -> int:
    from checkin.services.volunteers import set_gated_actions

    actions = _wrap(lambda: set_gated_actions(ctx.engine, list(ctx.args.actions)))
    ctx.emit({"supervisor_actions": list(actions)},
             "Needs a supervisor's PIN: " + (", ".join(actions) or "nothing"))
    return 0


def cmd_kiosk(ctx: CliContext) -> int:
    try:
        from checkin.ui.kiosk.app import run_kiosk  # type: ignore[import-not-found,unused-ignore]
    except ImportError as exc:
        raise CliError(f"the kiosk needs the desktop app: {exc}") from exc
    return int(run_kiosk(ctx.args))
