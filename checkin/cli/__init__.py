# SPDX-License-Identifier: MIT
"""Command line: `checkin [--db URL] [--desk NAME] COMMAND ...`; no command opens the desk app.

Each command group lives in its own module with a `register(subparsers)` function, listed in
COMMAND_MODULES. Errors are one clear line on stderr and a non-zero exit, never a traceback
(`--debug` shows it).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from checkin import __version__
from checkin.cli.context import CliContext, CliError, known_errors

COMMAND_MODULES = [
    "checkin.cli.event_cmds",
    "checkin.cli.roster_cmds",
    "checkin.cli.scan_cmds",
    "checkin.cli.ticket_cmds",
    "checkin.cli.export_cmds",
    "checkin.cli.badge_cmds",
    "checkin.cli.sync_cmds",
    "checkin.cli.admin_cmds",
    "checkin.cli.settings_cmds",
    "checkin.cli.walk_in_cmds",
    "checkin.cli.door_cmds",
    "checkin.cli.rehearsal_cmds",
    "checkin.cli.volunteer_cmds",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="checkin", description="On-site conference check-in. Without a command, opens the desk app."
    )
    parser.add_argument("--version", action="version", version=f"checkin {__version__}")
    parser.add_argument("--db", help="database file or SQLAlchemy URL (default: per-user data folder)")
    parser.add_argument("--create", action="store_true",
                        help="with --db: create the database's folder if it does not exist (else an error)")
    parser.add_argument("--desk", help="this desk's name as shown to other desks, e.g. 'Desk 2'")
    parser.add_argument("--operator", default="", help="volunteer's name or initials, kept in the scan log")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation (database, decoder, badge, Qt) without a display")
    parser.add_argument("--camera", metavar="SPEC", help="desk app: camera:0, folder:DIR, video:FILE, or '' for none")
    parser.add_argument("--lang", choices=["pl", "en"],
                        help="language of the desk app and of messages (default: settings, else system)")
    parser.add_argument("--fullscreen", action="store_true", help="desk app: start full screen")
    parser.add_argument("--door", metavar="CODE", help="desk app: start in door mode for a session code or a day "
                                                       "(see `checkin door`)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Runs one command with its output in the chosen language (see `checkin.cli.wording`)."""
    from checkin.cli.wording import TranslatingStream
    from checkin.domain.messages import language, set_language

    parser = build_parser()
    args = parser.parse_args(argv)
    before = language()
    # --lang, else (once the database is open) the desk's language, else the system's
    set_language(args.lang or system_language())
    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = TranslatingStream(sys.stdout), TranslatingStream(sys.stderr)
    try:
        return _main(args)
    finally:
        sys.stdout, sys.stderr = streams
        set_language(before)


def system_language() -> str:
    import locale
    import os

    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(name, "")
        if value:
            return "pl" if value.lower().startswith("pl") else "en"
    try:
        current = locale.getlocale()[0] or ""
    except ValueError:
        current = ""
    return "pl" if current.lower().startswith("pl") else "en"


def _main(args: argparse.Namespace) -> int:
    if args.self_test:
        from checkin.selftest import main as self_test

        return self_test(as_json=args.json)
    if args.command is None:
        args.func = _run_gui
    ctx = CliContext(args)
    from checkin.services.limits import name_problems

    if problems := name_problems(args.operator, args.desk):  # the hub would refuse them at sync
        return ctx.fail("; ".join(problems), 2)
    try:
        return int(args.func(ctx) or 0)
    except CliError as exc:
        return ctx.fail(str(exc), exc.exit_code)
    except known_errors() as exc:
        if args.debug:
            raise
        return ctx.fail(str(exc), 2)
    except KeyboardInterrupt:
        return ctx.fail("interrupted", 130)
    except BrokenPipeError:
        return 0
    except Exception as exc:  # last resort: one line, not a traceback
        if args.debug:
            raise
        return ctx.fail(f"unexpected error: {exc.__class__.__name__}: {exc} (run with --debug for details)", 1)
    finally:
        ctx.close()


def _run_gui(ctx: CliContext) -> int:
    try:
        from checkin.ui.app import run_app  # type: ignore[import-not-found,unused-ignore]
    except ImportError as exc:
        raise CliError(f"the desktop app is not available: {exc}") from exc
    return int(run_app(ctx.args))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
