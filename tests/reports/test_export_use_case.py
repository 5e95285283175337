# SPDX-License-Identifier: MIT
"""One export entry for the CLI and the Exports page, and one statement of the one-day PDF rule."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from checkin.reports import ReportError
from checkin.services.exports import EXPORTS, needs_one_day, run_export
from tests.conftest import DAY1


def test_a_pdf_attendance_list_needs_a_day_wherever_it_is_asked_for(event_engine: Engine, tmp_path: Path) -> None:
    assert needs_one_day("attendance", "pdf", None)
    assert not needs_one_day("attendance", "PDF", DAY1)
    assert not needs_one_day("attendance", "xlsx", None)
    assert not needs_one_day("no_shows", "pdf", None)  # no-shows: one section per day
    with pytest.raises(ReportError, match="made per day"):
        run_export(event_engine, "attendance", "pdf", tmp_path / "lista.pdf")
    assert not (tmp_path / "lista.pdf").exists()
    done = run_export(event_engine, "attendance", "pdf", tmp_path / "lista.pdf", day=DAY1)
    assert done.path.exists() and done.pages == 1


def test_every_declared_format_can_be_written(event_engine: Engine, tmp_path: Path) -> None:
    for kind in EXPORTS.values():
        for fmt in kind.formats:
            day = DAY1 if kind.by_day else None
            result = run_export(event_engine, kind.key, fmt, tmp_path / f"{kind.key}.{fmt}", day=day, delimiter=";")
            assert result.path.stat().st_size > 0, (kind.key, fmt)
