# SPDX-License-Identifier: MIT
"""Outcomes of a scan attempt.

The core never translates: the UI and the CLI turn these values into words. The string values are
what the database stores and what `--json` prints, so they are part of the file and sync format.
"""

from __future__ import annotations

from enum import StrEnum


class ScanResult(StrEnum):
    ACCEPTED = "accepted"
    DUPLICATE = "duplicate"  # already checked in at this checkpoint (shown amber, never counted twice)
    NOT_REGISTERED = "not_registered"  # not entitled to this day or session
    CANCELLED = "cancelled"  # attendee cancelled or ticket revoked/re-issued
    UNKNOWN = "unknown"  # well-formed code that matches nobody
    INVALID = "invalid"  # malformed text, bad signature, unknown key
    WRONG_EVENT = "wrong_event"  # a genuine ticket for another event
    FULL = "full"  # session at capacity
    NOT_INSIDE = "not_inside"  # exit scan for someone who is not inside
    VOID = "void"  # an undo: cancels an earlier scan

    @property
    def admits(self) -> bool:
        """True when the person may pass (green)."""
        return self is ScanResult.ACCEPTED

    @property
    def severity(self) -> str:
        """'ok' (green), 'warn' (amber: they are known and were already admitted) or 'error' (red)."""
        if self is ScanResult.ACCEPTED or self is ScanResult.VOID:
            return "ok"
        if self is ScanResult.DUPLICATE:
            return "warn"
        return "error"


class Source(StrEnum):
    """How the code or the attendee reached the desk."""

    CAMERA = "camera"
    HANDHELD = "handheld"
    SEARCH = "search"
    WALK_IN = "walk_in"
    CLI = "cli"
    FILE = "file"
    KIOSK = "kiosk"  # the attendee checked themselves in at a self check-in kiosk


class Direction(StrEnum):
    IN = "in"
    OUT = "out"
