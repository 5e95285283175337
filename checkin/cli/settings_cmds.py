# SPDX-License-Identifier: MIT
"""`checkin settings [NAME [VALUE]]`: list, show or change a setting from the one registry.

Desk settings are written to the same store the desk app reads (checkin.config), so a change made
here is what the desk does at its next check-in (auto-print) or next start (camera, printer).
Event settings belong to the event file and the organiser password to the app: for those the
command says where to change them instead.
"""

from __future__ import annotations

from typing import Any

from checkin.cli.context import CliContext, CliError, add_command


def register(sub: Any) -> None:
    cmd = add_command(sub, "settings", "list the settings; NAME shows one; NAME VALUE changes a desk setting")
    cmd.add_argument("name", nargs="?", help="a setting name (see the list)")
    cmd.add_argument("value", nargs="?", help="new value: on/off, a number or text")
    cmd.set_defaults(func=cmd_settings)


def _current(ctx: CliContext) -> dict[str, Any]:
    from dataclasses import asdict

    from checkin.config import has_organiser_password, load_settings
    from checkin.storage.events import NoEventError, load_event

    values: dict[str, Any] = dict(load_settings(ctx.engine).to_json())
    try:
        with ctx.engine.connect() as conn:
            values.update(asdict(load_event(conn).rules))
    except NoEventError:  # no event loaded yet: event settings show their defaults
        pass
    values["organiser_password"] = "set" if has_organiser_password(ctx.engine) else "not set"
    return values


def cmd_settings(ctx: CliContext) -> int:
    from checkin.domain.settings import SETTINGS, setting

    name, value = ctx.args.name, ctx.args.value
    if name is not None:
        try:
            declared = setting(name)
        except KeyError:
            raise CliError(f"no setting '{name}'; run `checkin settings` for the list") from None
    if name is None or value is None:
        current = _current(ctx)
        shown = [s for s in SETTINGS if name is None or s.name == name]
        rows = [{"name": s.name, "value": current.get(s.name, s.default), "default": s.default,
                 "scope": s.scope, "type": s.type.__name__, "store": s.store, "help": s.help} for s in shown]
        lines = [f"{r['name']:<22} {_show(r['value']):<16} [{r['scope']}] {r['help']}" for r in rows]
        ctx.emit(rows if name is None else rows[0], "\n".join(lines))
        return 0
    if declared.scope == "event":
        raise CliError(f"{name} is an event setting: change it in the event file ([event] {name} = …) and "
                       "load it with `checkin event load FILE`, so every desk gets it through sync")
    if declared.scope == "organiser":
        raise CliError("the organiser password is set in the desk app (Organiser tools → Settings)")
    if name == "hub_url":
        raise CliError("connect to the venue database with `checkin sync --hub URL` (it keeps the password "
                       "in the keyring)")
    from checkin.config import update_settings

    try:
        parsed = declared.parse(value)
        if name == "camera_roi":
            from checkin.scanner.pipeline import parse_roi

            parse_roi(parsed)  # refuse a region the camera worker could not use
    except ValueError as exc:
        raise CliError(str(exc)) from None
    update_settings(ctx.engine, **{name: parsed})
    ctx.emit({"name": name, "value": parsed}, f"{name} = {_show(parsed)} (desk {ctx.desk.name})")
    return 0


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "on" if value else "off"
    return '""' if value == "" else str(value)
