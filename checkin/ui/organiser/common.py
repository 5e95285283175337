# SPDX-License-Identifier: MIT
"""Pieces every organiser page uses: a progress row with Cancel, messages, "not available yet"."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from checkin.ui.tasks import CancelledError, Task

OK_STYLE = "color: #2e7d32;"
ERROR_STYLE = "color: #c62828;"



def heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 1.25)
    font.setBold(True)
    label.setFont(font)
    return label


def message_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def show_message(label: QLabel, text: str, error: bool = False) -> None:
    label.setText(text)
    label.setStyleSheet(ERROR_STYLE if error else OK_STYLE)


class ProgressRow(QWidget):
    """A progress bar and a Cancel button bound to one running task at a time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.bar = QProgressBar(self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.cancel)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.cancel_button)
        self.task: Task[Any] | None = None
        self.hide()

    def track(self, task: Task[Any]) -> Task[Any]:
        self.task = task
        self.bar.setRange(0, 0)  # busy until the first progress report
        self.cancel_button.setEnabled(True)
        self.show()
        task.on_progress(self._progressed).finally_(self._finished)
        return task

    def _progressed(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(1, total))
        self.bar.setValue(min(done, max(1, total)))

    def _finished(self) -> None:
        self.task = None
        self.hide()

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.cancel_button.setEnabled(False)

    @property
    def running(self) -> bool:
        return self.task is not None


def cancellable(task_progress: Callable[[int, int], None], task: Task[Any]) -> Callable[[int, int], None]:
    """A core progress callback that also stops the work when the user pressed Cancel.

    Runs on the worker thread: raising CancelledError there unwinds the core function.
    """

    def report(done: int, total: int) -> None:
        task.check_cancelled()
        task_progress(done, total)

    return report


def failure_text(exc: BaseException) -> str:
    if isinstance(exc, CancelledError):
        return QCoreApplication.translate("Organiser", "Cancelled; nothing more was done.")
    return str(exc) or exc.__class__.__name__


def not_available(parent: QWidget, what: str, module: str, error: BaseException) -> QWidget:
    """Shown in place of a page whose core module is missing in this build."""
    page = QWidget(parent)
    layout = QVBoxLayout(page)
    layout.addWidget(heading(what, page))
    label = message_label(page)
    text = QCoreApplication.translate(
        "Organiser", "Not available yet in this version: the module {module} could not be loaded ({error}).")
    show_message(label, text.format(module=module, error=error), error=True)
    layout.addWidget(label)
    layout.addStretch(1)
    return page
