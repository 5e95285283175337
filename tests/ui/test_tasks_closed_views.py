# SPDX-License-Identifier: MIT
"""A volunteer closes a window while its background work is still running: the late answer is
dropped, not raised into the event loop (where it would fail whatever runs next)."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QPushButton

from checkin.ui.tasks import TaskManager


def test_a_result_for_a_closed_window_is_dropped_and_other_errors_still_surface(qtbot) -> None:  # type: ignore[no-untyped-def]
    tasks = TaskManager()
    button = QPushButton("Eksportuj")
    release = threading.Event()
    task = tasks.run(lambda _t: release.wait(5))
    task.success(lambda _r: button.setEnabled(True)).finally_(lambda: button.setText("gotowe"))
    button.deleteLater()
    qtbot.waitUntil(lambda: not _alive(button), timeout=2_000)
    with qtbot.waitSignal(task.signals.finished, timeout=5_000):  # listening before the task can end
        release.set()
    assert tasks.wait(5_000)

    def broken(_r: object) -> None:
        raise RuntimeError("a real bug in a view")

    other = tasks.run(lambda _t: 1).success(broken)
    with pytest.raises(Exception, match="a real bug"), qtbot.captureExceptions() as caught:
        with qtbot.waitSignal(other.signals.finished, timeout=5_000):
            pass
        if caught:
            raise caught[0][1]


def _alive(widget: QPushButton) -> bool:
    import shiboken6

    return shiboken6.isValid(widget)
