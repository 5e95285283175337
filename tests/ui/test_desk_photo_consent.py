# SPDX-License-Identifier: MIT
"""At the desk someone says "please, no photos": the volunteer ticks it in the correction dialog; the
roster change is saved like any correction (and synced), and undone the same way."""

from __future__ import annotations

from sqlalchemy import select

from checkin.storage import tables as t


def _consent(ctx, attendee_id: str) -> str:  # type: ignore[no-untyped-def]
    with ctx.engine.connect() as conn:
        return str(conn.execute(select(t.attendee.c.photo_consent).where(t.attendee.c.id == attendee_id)).scalar())


def test_the_no_photos_toggle_is_saved_and_can_be_taken_back(qtbot, make_window, ctx):
    window = make_window()
    desk = window.desk
    desk.open_search("cwiakalska")
    qtbot.waitUntil(lambda: bool(desk.search.results), timeout=5_000)
    person = desk.search.results[0].attendee
    assert not person.no_photos
    desk.search.correct.click()
    dialog = desk.dialog
    assert dialog is not None and dialog.isVisible() and not dialog.no_photos.isChecked()
    dialog.no_photos.setChecked(True)
    assert dialog.changes() == {"photo_consent": "no"}
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    qtbot.waitUntil(lambda: _consent(ctx, person.id) == "no", timeout=5_000)
    with ctx.engine.connect() as conn:  # a roster change like any other: queued for the hub
        assert conn.execute(select(t.outbox.c.kind).where(t.outbox.c.ref_id == person.id)).first() is not None

    qtbot.waitUntil(lambda: desk.search.results and desk.search.results[0].attendee.no_photos, timeout=5_000)
    desk.search.correct.click()
    dialog = desk.dialog
    assert dialog.no_photos.isChecked()
    dialog.no_photos.setChecked(False)
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: _consent(ctx, person.id) == "yes", timeout=5_000)
