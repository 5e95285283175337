# SPDX-License-Identifier: MIT
"""What the desk shows after a scan: the verdict, who it is, and for a duplicate when and where."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from checkin.domain.models import Attendee, Checkpoint
from checkin.domain.results import Direction, ScanResult


@dataclass(frozen=True, slots=True)
class Decision:
    result: ScanResult
    reason: str
    scan_id: str
    checkpoint: Checkpoint
    device_time: datetime
    attendee: Attendee | None = None
    message: str = ""  # plain English detail for logs and the CLI; the UI words it itself
    first_time: datetime | None = None  # duplicate: the earlier admission
    first_desk: str = ""  # duplicate: the desk name of the earlier admission
    ticket_id: str | None = None
    timings_ms: dict[str, float] = field(default_factory=dict)
    direction: Direction = Direction.IN  # out: leaving a room that counts who is inside

    @property
    def admitted(self) -> bool:
        return self.result.admits

    def to_json(self, tz: Any = None) -> dict[str, Any]:
        def when(value: datetime | None) -> str | None:
            if value is None:
                return None
            return (value.astimezone(tz) if tz else value).isoformat(timespec="seconds")

        data: dict[str, Any] = {
            "result": self.result.value,
            "reason": self.reason,
            "direction": self.direction.value,
            "message": self.message,
            "scan_id": self.scan_id,
            "checkpoint": {
                "key": self.checkpoint.key,
                "day": self.checkpoint.day.isoformat(),
                "session": self.checkpoint.session.code if self.checkpoint.session else None,
                "label": self.checkpoint.label,
            },
            "time": when(self.device_time),
            "attendee": self.attendee.to_json() if self.attendee else None,
        }
        if self.result is ScanResult.DUPLICATE:
            data["first_time"] = when(self.first_time)
            data["first_desk"] = self.first_desk
        if self.timings_ms:
            data["timings_ms"] = {k: round(v, 3) for k, v in self.timings_ms.items()}
        return data
