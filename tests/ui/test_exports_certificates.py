# SPDX-License-Identifier: MIT
# ruff: noqa: F811  (pytest fixtures imported from tests/ui/admin_fixtures.py are parameters here)
"""The organiser prints the certificates from the Exports page: numbered on the writer lane, drawn on the
pool with progress, cancellable, and every file remembered for the end-of-event wipe."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from checkin.app import AppContext
from checkin.config import set_organiser_password
from checkin.storage import tables as t
from checkin.ui.organiser.view import OrganiserView
from checkin.ui.tasks import TaskManager
from tests.ui.admin_fixtures import (  # noqa: F401 (fixtures)
    admin_demo_template,
    ctx,
    day_one,
    demo_codes,
    tasks,
    warsaw_clock,
)

WAIT = 20_000
PASSWORD = "Brzęczyszczykiewicz-2022"


def _exports(qtbot, ctx: AppContext, tasks: TaskManager):  # type: ignore[no-untyped-def]
    set_organiser_password(ctx.engine, PASSWORD)
    view = OrganiserView(ctx, tasks)
    qtbot.addWidget(view)
    view.resize(1024, 700)
    view.show()
    view.lock_page.password.setText(PASSWORD)
    with qtbot.waitSignal(view.unlocked, timeout=WAIT):
        qtbot.keyClick(view.lock_page.password, Qt.Key.Key_Return)
    page = view.pages["Exports"]
    assert view.tabs is not None
    view.tabs.setCurrentWidget(page)
    return view, page


def test_certificates_are_numbered_drawn_and_remembered(qtbot, ctx: AppContext, tasks: TaskManager,
                                                        tmp_path: Path) -> None:
    for code, _ in demo_codes(ctx, limit=4):
        ctx.checkin.scan(code, day_one(ctx))
    view, page = _exports(qtbot, ctx, tasks)
    page.kind.setCurrentIndex(page.kind.findData("certificates"))
    assert page.organisation.isEnabled() and page.zip_box.isEnabled() and page.day.isEnabled()
    page.zip_box.setChecked(True)
    shot = os.environ.get("CHECKIN_SCREENSHOTS")
    if shot:
        view.grab().save(str(Path(shot) / "organiser-exports-certificates.png"))
    folder = tmp_path / "zaswiadczenia"
    folder.mkdir()
    page.export_certificates(folder)
    qtbot.waitUntil(lambda: page.last is not None and page.export_button.isEnabled(), timeout=WAIT)
    assert "4 new and 0 re-issued certificates (register: this computer)" in page.message.text()
    pdfs = sorted(p.name for p in folder.glob("*.pdf"))
    assert len(pdfs) == 5 and "zaswiadczenia_wszystkie.pdf" in pdfs  # four people and the combined file
    assert pdfs[0].startswith("2022-0001_") or pdfs[0].startswith("KS-2022-0001_")
    assert list(folder.glob("*.zip"))
    qtbot.waitUntil(lambda: _recorded(ctx) >= 5, timeout=WAIT)  # the wipe will find them


def test_a_certificate_batch_can_be_cancelled(qtbot, ctx: AppContext, tasks: TaskManager, tmp_path: Path) -> None:
    for code, _ in demo_codes(ctx, limit=10):
        ctx.checkin.scan(code, day_one(ctx))
    _view, page = _exports(qtbot, ctx, tasks)
    page.kind.setCurrentIndex(page.kind.findData("certificates"))
    tracked: list[object] = []
    original = page.progress.track

    def track(task):  # type: ignore[no-untyped-def]
        """The volunteer presses Cancel the moment the drawing step shows its progress bar."""
        original(task)
        tracked.append(task)
        if len(tracked) == 2:  # 1: numbering, 2: drawing
            page.progress.cancel()
        return task

    page.progress.track = track  # type: ignore[method-assign]
    page.export_certificates(tmp_path)
    qtbot.waitUntil(lambda: page.export_button.isEnabled(), timeout=WAIT)
    assert "Cancelled" in page.message.text(), page.message.text()
    assert len(tracked) == 2
    assert len(list(tmp_path.glob("*.pdf"))) == 1  # stopped after the first certificate
    with ctx.engine.connect() as conn:  # the numbers stay allocated: printing again re-issues them
        present = conn.execute(select(func.count(func.distinct(t.attendance.c.attendee_id))).where(
            t.attendance.c.active.is_(True))).scalar()
        assert conn.execute(select(func.count()).select_from(t.certificate)).scalar() == present > 1


def _recorded(ctx: AppContext) -> int:
    with ctx.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(t.written_file)).scalar_one())
