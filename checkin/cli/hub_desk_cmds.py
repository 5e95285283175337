# SPDX-License-Identifier: MIT
"""`checkin hub add-desk|revoke-desk|desks|contact-at-desks` (organiser) and `checkin export audit`.

All of them speak to the hub with the organiser's connection string: `--hub URL`, or the hub this
machine remembers (`checkin sync --hub`). Creating desk logins needs no admin password: the hub's
owner provides narrow functions for it (see `checkin.sync.desk_logins`).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from checkin.cli.context import CliContext, CliError, add_command


def _hub_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--hub", metavar="URL", help="the organiser connection string (default: the remembered hub)")
    parser.add_argument("--insecure-hub", action="store_true",
                        help="accept a hub on another computer without TLS (not recommended)")


def register_hub(hub_sub: Any) -> None:
    """Adds the desk-login actions to `checkin hub`."""
    add = add_command(hub_sub, "add-desk", "create a login for one desk; prints its connection string and a QR code")
    add.add_argument("name", help="the desk's name, e.g. 'Desk 2' or 'Sala A wejście'")
    add.add_argument("--hub-host", help="host name desks use to reach the hub (default: the URL's host); "
                                        "with verify-full it must be the name in the hub's certificate")
    add.add_argument("--sslmode", default="verify-full",
                     help="sslmode written into the string (default verify-full; 'require' if there is no CA file)")
    add.add_argument("--sslrootcert", metavar="PATH",
                     help="where the venue CA certificate is on the desk (default: libpq's ~/.postgresql/root.crt)")
    add.add_argument("--qr", type=Path, metavar="FILE.png", help="QR code image (default: desk-<name>.png here)")
    _hub_options(add)
    add.set_defaults(func=cmd_add_desk)

    rev = add_command(hub_sub, "revoke-desk", "cut one desk off now: no new connections, its open ones ended")
    rev.add_argument("name", help="the desk's name as given to add-desk (or its login role)")
    _hub_options(rev)
    rev.set_defaults(func=cmd_revoke_desk)

    desks = add_command(hub_sub, "desks", "list desk logins and desks with their last contact")
    _hub_options(desks)
    desks.set_defaults(func=cmd_desks)

    contact = add_command(hub_sub, "contact-at-desks", "let desks read e-mail and phone (default: off)")
    contact.add_argument("state", choices=("on", "off"))
    _hub_options(contact)
    contact.set_defaults(func=cmd_contact_at_desks)


def register_export(export_sub: Any) -> None:
    """Adds `audit` to `checkin export`."""
    audit = add_command(export_sub, "audit", "every check-in attempt and every change made at the hub (organiser)")
    audit.add_argument("--out", required=True, type=Path, metavar="FILE", help="FILE.csv or FILE.xlsx")
    audit.add_argument("--format", choices=("csv", "xlsx"), help="file format (default: from the --out extension)")
    audit.add_argument("--delimiter", default=",", choices=(",", ";"), help="CSV delimiter (';' for Polish Excel)")
    audit.add_argument("--local", action="store_true", help="only this desk's own scan log, without the hub")
    _hub_options(audit)
    audit.set_defaults(func=cmd_export_audit)


def _organiser_url(ctx: CliContext) -> str:
    from checkin.sync.credentials import load_password, remembered_hub
    from checkin.sync.urls import HubUrlError, normalise

    url = ctx.args.hub or remembered_hub(ctx.engine)
    if not url:
        raise CliError("no hub given: add --hub postgresql://<prefix>_organiser@HOST/DB?sslmode=verify-full "
                       "(the organiser string from `checkin hub init`)")
    try:
        u = normalise(url)
    except HubUrlError as exc:
        raise CliError(str(exc)) from exc
    if not u.password and (password := load_password(u)):
        u = u.set(password=password)
    return u.render_as_string(hide_password=False)


def _insecure(ctx: CliContext) -> bool:
    from checkin.sync.credentials import remembered_insecure

    return bool(ctx.args.insecure_hub) or (not ctx.args.hub and remembered_insecure(ctx.engine))


def _call(fn: Any, *args: Any, **kwargs: Any) -> Any:
    from checkin.sync.desk_logins import DeskLoginError
    from checkin.sync.urls import HubUrlError

    try:
        return fn(*args, **kwargs)
    except (DeskLoginError, HubUrlError) as exc:
        raise CliError(str(exc)) from exc


def cmd_add_desk(ctx: CliContext) -> int:
    from checkin.sync.desk_logins import add_desk, slug, write_qr_png

    a = ctx.args
    login = _call(add_desk, _organiser_url(ctx), a.name, hub_host=a.hub_host, sslmode=a.sslmode or None,
                  sslrootcert=a.sslrootcert, insecure=_insecure(ctx))
    qr = write_qr_png(login.url, a.qr or Path(f"desk-{slug(a.name)}.png"))
    lines = [f"Login for desk '{login.label}': {login.role}", "", f"  {login.url}", "",
             f"QR code of this string: {qr}",
             "On that desk: Settings -> Venue database (hub): paste the string or read the QR code, then Save",
             "(or run `checkin sync --hub '<string>'`). The password is shown only now."]
    if "verify-full" in login.url and not a.sslrootcert:
        lines.append("verify-full: copy the venue CA certificate to ~/.postgresql/root.crt on the desk "
                     "(%APPDATA%\\postgresql\\root.crt on Windows), see docs/venue-database.md.")
    ctx.emit({"label": login.label, "role": login.role, "url": login.url, "qr": str(qr)}, "\n".join(lines))
    return 0


def cmd_revoke_desk(ctx: CliContext) -> int:
    from checkin.sync.desk_logins import revoke_desk

    result = _call(revoke_desk, _organiser_url(ctx), ctx.args.name, insecure=_insecure(ctx))
    ctx.emit({"role": result.role, "sessions_cut": result.sessions_cut},
             f"Desk login {result.role} revoked: it can no longer connect or write; "
             f"{result.sessions_cut} open connection(s) ended. Scans it could not send stay on that desk.")
    return 0


def cmd_desks(ctx: CliContext) -> int:
    from checkin.sync.desk_logins import list_desks

    desks = _call(list_desks, _organiser_url(ctx), insecure=_insecure(ctx))
    lines = [f"{'desk':<24} {'login':<28} {'state':<10} {'last contact':<19} desk id"]
    for d in desks:
        state = "REVOKED" if d.revoked_at else ("connected" if d.connected else
                                                ("ok" if d.kind == "desk" else d.kind))
        seen = d.last_contact.astimezone().strftime("%Y-%m-%d %H:%M:%S") if d.last_contact else "never"
        name = d.desk_name or d.label or "?"
        if d.label and d.desk_name and d.label != d.desk_name:
            name = f"{d.label} ({d.desk_name})"
        lines.append(f"{name[:24]:<24} {(d.role or '(shared login)')[:28]:<28} {state:<10} {seen:<19} "
                     f"{d.desk_id or 'not yet bound'}")
    ctx.emit([d.to_json() for d in desks], "\n".join(lines))
    return 0


def cmd_contact_at_desks(ctx: CliContext) -> int:
    from checkin.sync.desk_logins import set_contact_at_desks

    on = ctx.args.state == "on"
    _call(set_contact_at_desks, _organiser_url(ctx), on, insecure=_insecure(ctx))
    ctx.emit({"show_contact_at_desks": on},
             "Desks now see e-mail and phone." if on else "E-mail and phone are hidden from desks again.")
    return 0


def cmd_export_audit(ctx: CliContext) -> int:
    from checkin.reports import ReportError
    from checkin.reports.audit import export_audit
    from checkin.sync.credentials import remembered_hub
    from checkin.sync.urls import hub_engine

    a = ctx.args
    hub = None
    if not a.local and (a.hub or remembered_hub(ctx.engine)):  # no hub at all: this desk's own log
        hub = _call(hub_engine, _organiser_url(ctx), application_name="checkin-audit", insecure=_insecure(ctx))
    try:
        result = export_audit(a.out, a.format, hub=hub, local=ctx.engine if hub is None else None,
                              delimiter=a.delimiter)
    except ReportError as exc:
        raise CliError(str(exc)) from exc
    finally:
        if hub is not None:
            hub.dispose()
    ctx.emit({"path": str(result.path), "format": result.format, "rows": result.rows},
             f"Wrote the audit: {result.rows} row(s) to {result.path}")
    return 0
