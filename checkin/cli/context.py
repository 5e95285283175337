# SPDX-License-Identifier: MIT
"""Shared state for one CLI invocation: the database, this desk, the event, and output."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any

from sqlalchemy import Engine

from checkin.domain.models import Desk, Event


class CliError(Exception):
    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def known_errors() -> tuple[type[BaseException], ...]:
    """Exceptions whose message is already a sentence for the user."""
    from checkin.services.event import CheckpointError, EventFileError
    from checkin.storage.db import DatabaseError
    from checkin.storage.events import NoEventError
    from checkin.storage.location import UnsafeLocationError

    errors: list[type[BaseException]] = [DatabaseError, UnsafeLocationError, NoEventError, CheckpointError,
                                         EventFileError, FileNotFoundError, PermissionError]
    try:
        from checkin.services.roster import RosterError

        errors.append(RosterError)
    except ImportError:  # pragma: no cover
        pass
    return tuple(errors)


class CliContext:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self._engine: Engine | None = None
        self._desk: Desk | None = None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            from checkin.storage.db import open_database

            db = getattr(self.args, "db", None)  # the default database's folder is always created
            self._engine = open_database(db, create_folder=not db or bool(getattr(self.args, "create", False)))
            if not getattr(self.args, "lang", None):  # the CLI speaks the desk's language
                from checkin.config import load_settings
                from checkin.domain.messages import set_language

                try:
                    language = load_settings(self._engine).language
                except Exception:
                    language = ""
                if language:
                    set_language(language)
        return self._engine

    @property
    def desk(self) -> Desk:
        if self._desk is None:
            from checkin.storage.meta import ensure_desk

            self._desk = ensure_desk(self.engine, self.args.desk)
        return self._desk

    def event(self) -> Event:
        from checkin.storage.events import load_event

        with self.engine.connect() as conn:
            return load_event(conn)

    @property
    def json(self) -> bool:
        return bool(getattr(self.args, "json", False))

    def emit(self, data: Any, text: str | None = None) -> None:
        """Print JSON (with --json) or the human text."""
        if self.json:
            print(json.dumps(data, ensure_ascii=False, default=_json_default))
        elif text is not None:
            print(text)

    def fail(self, message: str, code: int) -> int:
        if self.json:
            print(json.dumps({"error": message}, ensure_ascii=False), file=sys.stderr)
        else:
            print(f"checkin: error: {message}", file=sys.stderr)
        return code

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()


def _json_default(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "to_json"):
        return value.to_json()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def common_options() -> argparse.ArgumentParser:
    """Options accepted after the command too (`checkin scan ... --json`)."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--db", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    parent.add_argument("--desk", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    parent.add_argument("--operator", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    parent.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="machine-readable output")
    return parent


def add_command(sub: Any, name: str, help_text: str, **kwargs: Any) -> argparse.ArgumentParser:
    """A subcommand that also accepts the common options after its name."""
    return sub.add_parser(name, help=help_text, description=help_text, parents=[common_options()], **kwargs)


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2022-10-19") from exc
