# SPDX-License-Identifier: MIT
"""Values the roster import hands out: parsed rows, problems, and the report of what changed.

Re-exported by `checkin.services.roster`; import them from there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from checkin.domain.messages import say
from checkin.domain.text import fold

MAX_LISTED_ERRORS = 20


@dataclass(frozen=True)
class RowError:
    """One problem, located the way the user finds it in Excel: row number (header = 1) and column."""

    row: int
    field: str  # the column heading as written in the file ("E-mail"), "" for the file as a whole
    value: str
    message: str

    def __str__(self) -> str:
        if self.field:
            return say('row {row}, field "{field}": {message}', row=self.row, field=self.field, message=self.message)
        if self.row:
            return say("row {row}: {message}", row=self.row, message=self.message)
        return self.message

    def to_json(self) -> dict[str, Any]:
        return {"row": self.row, "field": self.field, "value": self.value, "message": self.message}


ONE_PROBLEM = "{name}: {count} problem found, nothing was imported; correct the file and import it again:"


class RosterError(Exception):
    """The roster cannot be imported; nothing was written. `str()` is a sentence for the user."""

    def __init__(self, message: str, errors: list[RowError] | None = None) -> None:
        super().__init__(message)
        self.errors: list[RowError] = list(errors or [])

    @classmethod
    def from_errors(cls, name: str, errors: list[RowError]) -> RosterError:
        count = len(errors)
        template = (ONE_PROBLEM if count == 1 else
                    "{name}: {count} problems found, nothing was imported; correct the file and import it again:")
        head = say(template, name=name, count=count)
        lines = [f"  {e}" for e in errors[:MAX_LISTED_ERRORS]]
        if count > MAX_LISTED_ERRORS:
            lines.append("  " + say("... and {count} more", count=count - MAX_LISTED_ERRORS))
        return cls("\n".join([head, *lines]), errors)


@dataclass(frozen=True)
class RosterRow:
    """One attendee as the file describes them, validated."""

    row: int
    first_name: str
    last_name: str
    external_ref: str = ""
    organisation: str = ""
    position: str = ""
    category: str = "participant"
    email: str = ""
    phone: str = ""
    days: tuple[date, ...] = ()
    sessions: tuple[str, ...] = ()
    external_code: str = ""
    notes: str = ""
    group_code: str = ""
    photo_consent: str = ""

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def name_key(self) -> str:
        return name_key(self.first_name, self.last_name, self.organisation)

    def identity(self) -> tuple[str, str]:
        """Who this row is across imports: registration id, else e-mail, else name + organisation."""
        if self.external_ref:
            return "external_ref", self.external_ref
        if self.email:
            return "email", self.email.lower()
        return "name", self.name_key

    def value(self, field_name: str) -> Any:
        return getattr(self, field_name)


def name_key(first: str, last: str, organisation: str) -> str:
    return f"{fold(first)}|{fold(last)}|{fold(organisation)}"


@dataclass
class ParsedRoster:
    """A file read and checked, before anything touches the database (the import wizard's preview)."""

    path: Path
    headers: list[str]
    columns: dict[str, str]  # column heading -> field ("ignore" for unused columns)
    rows: list[RosterRow]
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    encoding: str = ""
    delimiter: str = ""
    sheet: str = ""
    source: str = ""  # "Windows-1250 text, semicolon-separated"
    data_rows: int = 0  # non-empty rows below the header, valid or not

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def fields(self) -> frozenset[str]:
        """Fields the file provides (a full-name column provides first and last name)."""
        mapped = {f for f in self.columns.values() if f != "ignore"}
        if "full_name" in mapped:
            mapped |= {"first_name", "last_name"}
        return frozenset(mapped - {"full_name"})

    def raise_if_errors(self) -> None:
        if self.errors:
            raise RosterError.from_errors(self.path.name, self.errors)

    def to_json(self) -> dict[str, Any]:
        return {
            "file": str(self.path), "encoding": self.encoding, "delimiter": self.delimiter, "sheet": self.sheet,
            "source": self.source, "columns": self.columns, "rows": self.data_rows, "valid_rows": len(self.rows),
            "errors": [e.to_json() for e in self.errors], "warnings": self.warnings,
        }


@dataclass(frozen=True)
class RosterChange:
    """What an import did (or, in a dry run, would do) to one attendee."""

    action: str  # add | update | cancel | reactivate
    attendee_id: str
    external_ref: str
    name: str
    row: int | None = None  # file row; None for people absent from the file
    fields: dict[str, tuple[Any, Any]] = field(default_factory=dict)  # field -> (old, new)

    def describe(self) -> str:
        ref = f"{self.external_ref} " if self.external_ref else ""
        where = f" (row {self.row})" if self.row else ""
        text = f"{self.action:<10} {ref}{self.name}{where}"
        if self.action in ("update", "reactivate") and self.fields:
            text += ": " + "; ".join(f"{k} {_show(old)!r} -> {_show(new)!r}" for k, (old, new) in self.fields.items())
        return text

    def to_json(self) -> dict[str, Any]:
        return {"action": self.action, "attendee_id": self.attendee_id, "external_ref": self.external_ref,
                "name": self.name, "row": self.row,
                "fields": {k: {"old": old, "new": new} for k, (old, new) in self.fields.items()}}


def _show(value: Any) -> Any:
    return ", ".join(value) if isinstance(value, list) else value


@dataclass
class ImportReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    cancelled: int = 0
    reactivated: int = 0
    dry_run: bool = False
    changes: list[RosterChange] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    source: str = ""
    rows: int = 0

    @property
    def written(self) -> int:
        return 0 if self.dry_run else len(self.changes)

    def summary(self) -> str:
        return (f"{self.rows} rows read ({self.source}): {self.added} added, {self.updated} updated, "
                f"{self.unchanged} unchanged, {self.cancelled} cancelled, {self.reactivated} reactivated"
                + (" (dry run: nothing was written)" if self.dry_run else ""))

    def to_json(self) -> dict[str, Any]:
        return {"added": self.added, "updated": self.updated, "unchanged": self.unchanged,
                "cancelled": self.cancelled, "reactivated": self.reactivated, "dry_run": self.dry_run,
                "rows": self.rows, "source": self.source,
                "changes": [c.to_json() for c in self.changes], "warnings": list(self.warnings)}
