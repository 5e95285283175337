# SPDX-License-Identifier: MIT
"""`checkin hub init|upgrade|publish` (the IT volunteer, the organiser) and `checkin sync` (every desk)."""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import asdict
from typing import Any

from checkin.cli.context import CliContext, CliError, add_command

INSECURE_HELP = "accept a hub on another computer without TLS (sslmode weaker than require): not recommended"


def register(sub: Any) -> None:
    hub = add_command(sub, "hub", "set up the venue database (PostgreSQL) that desks share")
    hub_sub = hub.add_subparsers(dest="hub_command", metavar="ACTION", required=True)
    init = add_command(hub_sub, "init", "create the schema and the organiser/desk/dashboard roles; "
                                        "prints the connection strings to hand out")
    init.add_argument("url", help="an admin URL, e.g. postgresql://postgres@localhost/checkin")
    init.add_argument("--role-prefix", default="checkin", help="role names are PREFIX_desk etc. (default: checkin)")
    init.add_argument("--hub-host", help="host name or LAN address desks use (default: the URL's host)")
    init.add_argument("--reset-passwords", action="store_true", help="give existing roles new passwords")
    init.set_defaults(func=cmd_hub_init)
    upgrade = add_command(hub_sub, "upgrade", "migrate the hub schema to this version of checkin")
    upgrade.add_argument("url", help="an admin URL")
    upgrade.set_defaults(func=cmd_hub_upgrade)
    publish = add_command(hub_sub, "publish", "upload this machine's event and roster to the hub (organiser)")
    publish.add_argument("url", nargs="?", help="the organiser connection string (default: the remembered hub)")
    publish.set_defaults(func=cmd_hub_publish)
    for parser in (init, upgrade, publish):
        parser.add_argument("--insecure-hub", action="store_true", help=INSECURE_HELP)
    from checkin.cli.hub_desk_cmds import register_hub

    register_hub(hub_sub)

    sync = add_command(sub, "sync", "exchange check-ins with the venue hub (`checkin sync status` shows state)")
    sync.add_argument("action", nargs="?", choices=["status", "held"],
                      help="status: show sync state and conflicts; held: rows the hub refused "
                           "(`held resend N [--set FIELD=VALUE]`, `held dismiss N`)")
    sync.add_argument("target", nargs="*", metavar="ARG", help=argparse.SUPPRESS)
    sync.add_argument("--set", dest="corrections", action="append", default=[], metavar="FIELD=VALUE",
                      help="held resend: correct a field before sending the row again")
    sync.add_argument("--hub", metavar="URL", help="the desk connection string; remembered (password in the "
                                                   "OS keyring)")
    mode = sync.add_mutually_exclusive_group()
    mode.add_argument("--once", action="store_true", help="one round: push, pull, exit (default)")
    mode.add_argument("--watch", action="store_true", help="keep syncing live until Ctrl+C")
    sync.add_argument("--poll", type=float, default=5.0, help="seconds between polls in --watch (default 5)")
    sync.add_argument("--insecure-hub", action="store_true", help=INSECURE_HELP + "; remembered with --hub")
    sync.set_defaults(func=cmd_sync)


def _setup_error(exc: Exception) -> CliError:
    return CliError(str(exc))


def cmd_hub_init(ctx: CliContext) -> int:
    from checkin.sync.hub import HubError, init_hub
    from checkin.sync.urls import HubUrlError, display

    try:
        setup = init_hub(ctx.args.url, role_prefix=ctx.args.role_prefix, hub_host=ctx.args.hub_host,
                         reset_passwords=ctx.args.reset_passwords, insecure=ctx.args.insecure_hub)
    except (HubError, HubUrlError) as exc:
        raise _setup_error(exc) from exc
    lines = [f"Hub ready at {display(ctx.args.url)} (schema checkin, revision {setup.revision}).", ""]
    for role in setup.roles:
        who = {"organiser": "the organiser's laptop (publish event and roster)",
               "desk": "every check-in desk", "dashboard": "read-only screens and reports"}[role.kind]
        lines.append(f"{role.name} — {who}:")
        lines.append(f"  {role.url}" if role.password else
                     f"  {role.url}  (existing role: password unchanged; --reset-passwords for a new one)")
    if any(r.password for r in setup.roles):
        lines += ["", "These passwords are shown only now. Give each desk the desk string once; "
                      "`checkin sync --hub URL` keeps the password in that computer's keyring."]
    ctx.emit({"revision": setup.revision,
              "roles": [{"kind": r.kind, "name": r.name, "url": r.url, "new_password": bool(r.password)}
                        for r in setup.roles]}, "\n".join(lines))
    return 0


def cmd_hub_upgrade(ctx: CliContext) -> int:
    from checkin.sync.hub import HubError, upgrade_hub
    from checkin.sync.urls import HubUrlError

    try:
        revision = upgrade_hub(ctx.args.url, insecure=ctx.args.insecure_hub)
    except (HubError, HubUrlError) as exc:
        raise _setup_error(exc) from exc
    ctx.emit({"revision": revision}, f"Hub schema is at revision {revision}.")
    return 0


def _hub_url(ctx: CliContext, given: str | None) -> str:
    """The URL to use: given (remembered without its password) or the remembered one."""
    from checkin.sync.credentials import remember_hub, remembered_hub
    from checkin.sync.urls import HubUrlError

    if given:
        try:
            url, message = remember_hub(ctx.engine, given, insecure=bool(getattr(ctx.args, "insecure_hub", False)))
        except HubUrlError as exc:
            raise CliError(str(exc)) from exc
        if message:
            print(message, file=sys.stderr)
        return url
    remembered = remembered_hub(ctx.engine)
    if not remembered:
        raise CliError("no venue hub set for this desk yet: run `checkin sync --hub postgresql://...` with the "
                       "connection string from `checkin hub init`")
    return remembered


def _engine_for(ctx: CliContext, url: str) -> Any:
    from checkin.sync.credentials import load_password, remembered_insecure
    from checkin.sync.urls import HubUrlError, hub_engine, normalise

    u = normalise(url)
    insecure = bool(getattr(ctx.args, "insecure_hub", False)) or remembered_insecure(ctx.engine)
    try:
        return hub_engine(u, password=None if u.password else load_password(u), application_name="checkin-cli",
                          insecure=insecure)
    except HubUrlError as exc:
        raise CliError(str(exc)) from exc


def cmd_hub_publish(ctx: CliContext) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from checkin.sync.engine import describe_error, publish
    from checkin.sync.rows import SyncError

    ctx.desk  # noqa: B018 - the organiser's machine is a desk too (its id tags the upload)
    hub = _engine_for(ctx, _hub_url(ctx, ctx.args.url))
    try:
        result = publish(ctx.engine, hub)
    except SyncError as exc:
        raise CliError(str(exc)) from exc
    except SQLAlchemyError as exc:
        raise CliError(f"publish failed: {describe_error(exc)} (publishing needs the organiser role)") from exc
    finally:
        hub.dispose()
    ctx.emit(asdict(result), f"Published {result.event_id}: {result.days} days, {result.sessions} sessions, "
                             f"{result.keys} keys, {result.attendees} attendees.")
    return 0


def cmd_sync(ctx: CliContext) -> int:
    if ctx.args.action == "status":
        return _status(ctx)
    if ctx.args.action == "held":
        return _held(ctx)
    ctx.desk  # noqa: B018 - a first start registers this desk before its first push
    url = _hub_url(ctx, ctx.args.hub)
    return _watch(ctx, url) if ctx.args.watch else _once(ctx, url)


def _once(ctx: CliContext, url: str) -> int:
    from checkin.storage.events import NoEventError, load_event
    from checkin.sync.engine import sync_once
    from checkin.sync.status import read_status

    hub = _engine_for(ctx, url)
    try:
        result = sync_once(ctx.engine, hub)
    finally:
        hub.dispose()
    status = read_status(ctx.engine)
    if not result.ok:
        ctx.emit({"ok": False, "error": result.error, "status": status.to_json()}, None)
        raise CliError(f"sync failed: {result.error}; check-ins stay on this desk and go later", 3)
    try:
        with ctx.engine.connect() as conn:
            event_name = load_event(conn).name
    except NoEventError:
        event_name = "(the hub has no event yet: the organiser runs `checkin hub publish`)"
    ctx.emit({"ok": True, "pushed": result.pushed, "pulled": result.pulled, "kinds": sorted(result.kinds),
              "status": status.to_json()},
             f"Synced with {status.hub}: sent {result.pushed}, received {result.pulled} "
             f"({', '.join(sorted(result.kinds)) or 'nothing new'}). Event: {event_name}.\n{status.summary()}")
    return 0


def _watch(ctx: CliContext, url: str) -> int:
    from checkin.sync.credentials import load_password
    from checkin.sync.status import SyncStatus
    from checkin.sync.urls import HubUrlError, normalise
    from checkin.sync.worker import SyncWorker

    last: list[tuple[object, ...]] = []

    def show(status: SyncStatus) -> None:  # sync thread: only prints, and only when something changed
        state = (status.online, status.live, status.pending, status.last_error, status.clock_warning)
        if not last or last[-1] != state:
            last.append(state)
            ctx.emit(status.to_json(), time.strftime("%H:%M:%S ") + status.summary()
                     + (" [live]" if status.live else ""))
            sys.stdout.flush()

    def changed(kinds: set[str]) -> None:
        if not ctx.json:
            print(time.strftime("%H:%M:%S ") + "received: " + ", ".join(sorted(kinds)), flush=True)

    u = normalise(url)
    worker = SyncWorker(ctx.engine, url, on_status=show, on_changes=changed, poll_interval=ctx.args.poll,
                        password=None if u.password else load_password(u))
    try:
        worker.start()
    except HubUrlError as exc:
        raise CliError(str(exc)) from exc
    try:
        while worker.running:
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        worker.stop()
    return 0


def _status(ctx: CliContext) -> int:
    from checkin.sync.conflicts import conflicts, superseded_edits
    from checkin.sync.status import read_status

    status = read_status(ctx.engine)
    dupes = conflicts(ctx.engine)
    lost = superseded_edits(ctx.engine)
    lines = [status.summary()]
    if status.last_success is None and status.hub:
        lines.append("Never synced successfully yet.")
    if dupes:
        lines.append(f"Admitted at more than one desk ({len(dupes)}): attendance keeps the earliest.")
        lines += [f"  {d.describe()}" for d in dupes]
    if lost:
        lines.append(f"Roster edits overruled by a later edit elsewhere ({len(lost)}):")
        lines += [f"  {e.attendee_name}: version {e.version} from {e.desk} at "
                  f"{e.changed_at.astimezone():%Y-%m-%d %H:%M}" for e in lost]
    for h in status.held:
        lines.append(f"  held {h.id}. {h.kind} {h.ref_id}: {h.reason}")
    data = status.to_json()
    # the contract: state, stale and held at the top level too (and inside "status", with the rest)
    ctx.emit({"status": data, "duplicates": [d.to_json() for d in dupes],
              "superseded": [e.to_json() for e in lost], "state": data["state"], "stale": data["stale"],
              "held": data["held"]}, "\n".join(lines))
    return 0


def _held(ctx: CliContext) -> int:
    """`checkin sync held` lists; `held resend N [--set F=V]` corrects and re-queues; `held dismiss N`."""
    from checkin.sync.held import HeldError, dismiss, held_items, held_row, resend

    target = list(ctx.args.target)
    if not target:
        items = held_items(ctx.engine)
        lines = [f"{h.id}. {h.kind} {h.ref_id} held {h.held_at.astimezone():%Y-%m-%d %H:%M}: {h.reason}"
                 for h in items] or ["Nothing held: every change this desk made was accepted by the hub."]
        if items:
            lines.append("Correct and send again: `checkin sync held resend N --set FIELD=VALUE`; "
                         "never send: `checkin sync held dismiss N`.")
        ctx.emit({"held": [h.to_json() for h in items]}, "\n".join(lines))
        return 0
    if len(target) != 2 or target[0] not in ("resend", "dismiss", "show") or not target[1].isdigit():
        raise CliError("use `checkin sync held`, `checkin sync held show N`, "
                       "`checkin sync held resend N [--set FIELD=VALUE]` or `checkin sync held dismiss N`")
    action, number = target[0], int(target[1])
    by = getattr(ctx.args, "operator", "") or ctx.desk.name
    try:
        if action == "show":
            row = held_row(ctx.engine, number)
            ctx.emit(row, "\n".join(f"{k}: {v}" for k, v in row.items()))
            return 0
        if action == "dismiss":
            dismiss(ctx.engine, number, by=by)
            ctx.emit({"dismissed": number}, f"Held row {number} dismissed; it stays in this desk's database.")
            return 0
        corrections = {}
        for item in ctx.args.corrections:
            field, sep, value = item.partition("=")
            if not sep or not field:
                raise CliError(f"'{item}' is not FIELD=VALUE, e.g. --set operator=\"J. Kowalska\"")
            corrections[field.strip()] = value
        resend(ctx.engine, number, corrections, by=by)
    except HeldError as exc:
        raise CliError(str(exc)) from exc
    ctx.emit({"resent": number}, f"Held row {number} queued for the hub again; it goes with the next sync.")
    return 0
