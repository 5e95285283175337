# SPDX-License-Identifier: MIT
"""`checkin rehearsal start|end|status` (the organiser).

With a venue hub remembered for this database (`checkin sync --hub …` / `hub publish`) or given
with `--hub`, the rehearsal is started and ended on the hub, and desks follow with their next sync;
without one it concerns this database only (a desk on its own).
"""

from __future__ import annotations

from typing import Any

from checkin.cli.context import CliContext, CliError, add_command
from checkin.cli.sync_cmds import INSECURE_HELP


def register(sub: Any) -> None:
    cmd = add_command(sub, "rehearsal", "a dry run at the desks whose scans, prints and walk-ins are removed "
                                        "everywhere when it ends")
    cmd.add_argument("action", choices=["start", "end", "status"])
    cmd.add_argument("--hub", metavar="URL", help="the venue hub (organiser role); default: the remembered one")
    cmd.add_argument("--local", action="store_true", help="this database only, even when a hub is remembered")
    cmd.add_argument("--insecure-hub", action="store_true", help=INSECURE_HELP)
    cmd.set_defaults(func=cmd_rehearsal)


def _hub(ctx: CliContext) -> Any | None:
    from checkin.cli.sync_cmds import _engine_for  # the same hub connection rules as `checkin sync`
    from checkin.sync.credentials import remembered_hub

    if ctx.args.local:
        return None
    url = ctx.args.hub or remembered_hub(ctx.engine)
    return _engine_for(ctx, url) if url else None


def cmd_rehearsal(ctx: CliContext) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from checkin.services import rehearsal as r
    from checkin.storage.meta import desk_names
    from checkin.sync.engine import describe_error

    ctx.desk  # noqa: B018 - this machine's desk id tags what it removes
    by = getattr(ctx.args, "operator", "") or ctx.desk.name
    action = ctx.args.action
    hub = _hub(ctx) if action != "status" else None
    try:
        if action == "start":
            if hub is not None and r.running_on_hub(hub) is not None:
                raise CliError("a rehearsal is already running on the hub; end it first (`checkin rehearsal end`)")
            state = r.start_local(ctx.engine, by)
            if hub is not None:
                r.start_on_hub(hub, state)
            where = "on the hub and this desk (other desks follow at their next sync)" if hub else "on this desk"
            ctx.emit({"rehearsal": state.to_json(), "hub": hub is not None},
                     f"REHEARSAL started {where}. Scans, badge prints and walk-ins are marked until "
                     "`checkin rehearsal end` removes them.")
        elif action == "end":
            report = None
            rehearsal_id = None
            if hub is not None:
                on_hub = r.running_on_hub(hub)
                if on_hub is None:
                    raise CliError("no rehearsal is running on the hub")
                rehearsal_id = on_hub.id
                report = r.end_on_hub(hub, on_hub.id, by)
                _take_locally(ctx, on_hub)
            state = r.end_local(ctx.engine, rehearsal_id, by, hub_report=report)
            with ctx.engine.connect() as conn:
                names = desk_names(conn)
            ctx.emit({"rehearsal": state.to_json(), "hub": hub is not None},
                     "Rehearsal ended; its rows are removed.\n" + r.describe(state, names))
        else:
            last = r.latest(ctx.engine)
            counts = r.rehearsal_counts(ctx.engine, last.id) if last and last.running else {}
            with ctx.engine.connect() as conn:
                names = desk_names(conn)
            text = r.describe(last, names)
            if counts:
                text += (f"\nMarked here so far: {counts['scans']} scans, {counts['prints']} badge prints, "
                         f"{counts['walk_ins']} walk-ins.")
            ctx.emit({"running": bool(last and last.running), "rehearsal": last.to_json() if last else None,
                      "marked_here": counts}, text)
    except r.RehearsalError as exc:
        raise CliError(str(exc)) from exc
    except SQLAlchemyError as exc:
        raise CliError(f"rehearsal {action} failed on the hub: {describe_error(exc)} "
                       "(starting and ending a rehearsal needs the organiser role)") from exc
    finally:
        if hub is not None:
            hub.dispose()
    return 0


def _take_locally(ctx: CliContext, on_hub: Any) -> None:
    """The organiser's own database may not know the hub's rehearsal yet (started elsewhere)."""
    from checkin.services import rehearsal as r

    if all(h.id != on_hub.id for h in r.history(ctx.engine)):
        r.start_local(ctx.engine, on_hub.started_by, clock=lambda: on_hub.started_at, rehearsal_id=on_hub.id)
