# SPDX-License-Identifier: MIT
"""`checkin keys ...` (signing key and the public keys desks accept) and `checkin tickets ...`.

The signing key is a file given with --key/--out; it never goes into the database. Only its
public half is registered in the event, so desks verify tickets offline.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from checkin.cli.context import CliContext, CliError, add_command


def register(sub: Any) -> None:
    keys = add_command(sub, "keys", "the organiser's ticket signing key and the public keys desks accept")
    keys_sub = keys.add_subparsers(dest="keys_action", metavar="ACTION", required=True)
    gen = add_command(keys_sub, "generate", "create a signing key file (0600) and register its public key")
    gen.add_argument("--out", required=True, type=Path, metavar="FILE",
                     help="where to write the private key (keep it off the desks; back it up)")
    gen.set_defaults(func=cmd_keys_generate)
    add = add_command(keys_sub, "add-public", "accept tickets signed by this key (rotation: add the new key)")
    add.add_argument("key", metavar="FILE_OR_B64", help="a key file, or the base64 shown by `keys list`")
    add.set_defaults(func=cmd_keys_add)
    lst = add_command(keys_sub, "list", "public keys of the event and whether desks accept them")
    lst.set_defaults(func=cmd_keys_list)
    for name, active, text in (("deactivate", False, "stop accepting tickets signed with a key"),
                               ("activate", True, "accept a deactivated key again")):
        p = add_command(keys_sub, name, text)
        p.add_argument("key_id", metavar="KEY_ID")
        p.set_defaults(func=cmd_keys_active, active=active)

    tickets = add_command(sub, "tickets", "write signed QR tickets (PNG, SVG, optional PDF) and tickets.csv")
    tickets.add_argument("--key", type=Path, metavar="FILE", help="the signing key file")
    tickets.add_argument("--out", type=Path, metavar="DIR", help="output folder (created if missing)")
    tickets.add_argument("--pdf", action="store_true", help="also a printable A6 PDF ticket per attendee")
    tickets.add_argument("--attendee", action="append", metavar="ID", help="only these attendees; repeatable")
    tickets.set_defaults(func=cmd_tickets)
    tickets_sub = tickets.add_subparsers(dest="tickets_action", metavar="ACTION")
    reissue = add_command(tickets_sub, "reissue", "new ticket for an attendee; the old code stops working")
    reissue.add_argument("--attendee", required=True, action="append", metavar="ID")
    reissue.add_argument("--key", type=Path, metavar="FILE", help="also write the new ticket files")
    reissue.add_argument("--out", type=Path, metavar="DIR", help="folder for the new ticket files")
    reissue.add_argument("--pdf", action="store_true")
    reissue.set_defaults(func=cmd_tickets_reissue)


def _errors() -> tuple[type[BaseException], ...]:
    from checkin.tickets.issue import IssueError
    from checkin.tickets.keys import KeyFileError

    return (KeyFileError, IssueError)


def cmd_keys_generate(ctx: CliContext) -> int:
    from checkin.storage.events import NoEventError
    from checkin.tickets.keys import generate_keypair, load_private_key, register_public_key

    try:
        key_id = generate_keypair(ctx.args.out)
        key = load_private_key(ctx.args.out)
    except _errors() as exc:
        raise CliError(str(exc)) from exc
    try:
        event = ctx.event()
    except NoEventError:
        ctx.emit({"key_id": key_id, "file": str(ctx.args.out), "registered_for": None},
                 f"{key_id}\nno event in this database yet: after loading it run "
                 f"`checkin keys add-public {ctx.args.out}`")
        return 0
    register_public_key(ctx.engine, event.id, key)
    ctx.emit({"key_id": key_id, "file": str(ctx.args.out), "registered_for": event.id}, key_id)
    if not ctx.json:
        print(f"signing key written to {ctx.args.out} (mode 0600); public key registered for {event.id}. "
              "Keep the file off the desks and back it up.", file=sys.stderr)
    return 0


def cmd_keys_add(ctx: CliContext) -> int:
    from checkin.tickets.keys import parse_public_key, register_public_key

    event = ctx.event()
    try:
        key_id = register_public_key(ctx.engine, event.id, parse_public_key(ctx.args.key))
    except _errors() as exc:
        raise CliError(str(exc)) from exc
    ctx.emit({"key_id": key_id, "event_id": event.id}, f"{key_id} accepted for {event.id}")
    return 0


def cmd_keys_list(ctx: CliContext) -> int:
    from checkin.tickets.keys import list_public_keys

    event = ctx.event()
    keys = list_public_keys(ctx.engine, event.id)
    data = [{"key_id": k.key_id, "active": k.active, "created_at": k.created_at.isoformat(timespec="seconds"),
             "public_key": k.public_key_b64} for k in keys]
    lines = [f"{k['key_id']}  {'active  ' if k['active'] else 'inactive'}  {k['created_at']}  {k['public_key']}"
             for k in data] or [f"no public keys for {event.id} yet (`checkin keys generate --out FILE`)"]
    ctx.emit(data, "\n".join(lines))
    return 0


def cmd_keys_active(ctx: CliContext) -> int:
    from checkin.tickets.keys import set_key_active

    try:
        set_key_active(ctx.engine, ctx.args.key_id, ctx.args.active)
    except _errors() as exc:
        raise CliError(str(exc)) from exc
    state = "accepted" if ctx.args.active else "no longer accepted"
    ctx.emit({"key_id": ctx.args.key_id, "active": ctx.args.active},
             f"tickets signed with {ctx.args.key_id} are {state} (other desks follow after sync)")
    return 0


def cmd_tickets(ctx: CliContext) -> int:
    if ctx.args.key is None or ctx.args.out is None:
        raise CliError("give the signing key and the output folder: checkin tickets --key FILE --out DIR")
    return _issue(ctx, ctx.args.key, ctx.args.out, ctx.args.attendee)


def _issue(ctx: CliContext, key_path: Path, out: Path, attendee_ids: list[str] | None) -> int:
    from checkin.tickets.issue import issue_tickets
    from checkin.tickets.keys import load_private_key

    try:
        key = load_private_key(key_path)
        _check_key_registered(ctx, key)

        def progress(done: int, total: int) -> None:
            if not ctx.json and sys.stderr.isatty() and (done % 50 == 0 or done == total):
                print(f"\r{done}/{total} tickets", end="\n" if done == total else "", file=sys.stderr)

        report = issue_tickets(ctx.engine, key, out, pdf=ctx.args.pdf, attendee_ids=attendee_ids,
                               progress=progress)
    except _errors() as exc:
        raise CliError(str(exc)) from exc
    from checkin.services.written_files import record_written

    record_written(ctx.engine, [report.csv_path, *report.files], "ticket")  # `checkin wipe` removes them
    lines = [f"{report.issued} tickets written to {report.out_dir}; mail merge list: {report.csv_path}"]
    lines += [f"skipped {aid}: {why}" for aid, why in report.skipped]
    ctx.emit({"issued": report.issued, "out_dir": str(report.out_dir), "csv": str(report.csv_path),
              "skipped": [{"attendee_id": a, "reason": r} for a, r in report.skipped],
              "assigned_ticket_ids": report.assigned_ticket_ids}, "\n".join(lines))
    return 0


def _check_key_registered(ctx: CliContext, key: Any) -> None:
    """Refuse to print tickets no desk would accept."""
    from checkin.tickets.keys import list_public_keys
    from checkin.tickets.token import key_id_for

    key_id = key_id_for(key.public_key())
    event = ctx.event()
    active = {k.key_id for k in list_public_keys(ctx.engine, event.id) if k.active}
    if key_id not in active:
        raise CliError(f"key {key_id} is not an active key of {event.id}: desks would reject these tickets "
                       f"(register it with `checkin keys add-public FILE`)")


def cmd_tickets_reissue(ctx: CliContext) -> int:
    from checkin.services.registration import RegistrationError, reissue_ticket
    from checkin.storage.attendees import find_attendee_id

    event = ctx.event()
    ids = []
    for ref in ctx.args.attendee:
        with ctx.engine.connect() as conn:
            attendee_id = find_attendee_id(conn, event.id, ref)
        if attendee_id is None:
            raise CliError(f"no attendee '{ref}' (use `checkin attendees --search NAME` to find the id)")
        try:
            attendee = reissue_ticket(ctx.engine, ctx.desk, attendee_id)
        except RegistrationError as exc:
            raise CliError(str(exc)) from exc
        ids.append(attendee.id)
        ctx.emit({"attendee_id": attendee.id, "ticket_id": attendee.ticket_id},
                 f"new ticket for {attendee.full_name}; the old code is now rejected as cancelled")
    if ctx.args.key is not None:
        if ctx.args.out is None:
            raise CliError("give --out DIR to write the new ticket files")
        return _issue(ctx, ctx.args.key, ctx.args.out, ids)
    return 0
