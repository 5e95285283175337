# SPDX-License-Identifier: MIT
"""The organiser area: locked behind the organiser password, then a tab per tool.

The password is stored only as an scrypt hash in this desk's database (`checkin.config`). On first
use there is none, so the page asks the organiser to set one before anything opens. Checking is
deliberately slow (scrypt), so it runs on the task pool and the window never freezes. The tool
pages are only built after unlocking: nothing reads the roster while the area is locked.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from checkin.app import AppContext
from checkin.config import check_organiser_password, has_organiser_password, set_organiser_password
from checkin.domain.settings import ORGANISER_PASSWORD_MIN_LENGTH, password_problem
from checkin.ui.organiser.common import failure_text, heading, message_label, not_available, show_message
from checkin.ui.tasks import TaskManager


class LockPage(QWidget):
    """Asks for the organiser password, or to choose one when none is set yet."""

    unlocked = Signal()

    def __init__(self, ctx: AppContext, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        box = QWidget(self)
        box.setFixedWidth(560)  # a word-wrapped label inside a centred box needs a definite width
        layout = QVBoxLayout(box)
        self.title = heading(self.tr("Organiser tools are locked"), box)
        layout.addWidget(self.title)
        self.explanation = QLabel(box)
        self.explanation.setWordWrap(True)
        layout.addWidget(self.explanation)
        form = QFormLayout()
        self.password = QLineEdit(box)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Organiser password"))
        self.repeat = QLineEdit(box)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Repeat the password"))
        self.password_label = QLabel(self.tr("Password:"), box)
        self.repeat_label = QLabel(self.tr("Repeat:"), box)
        form.addRow(self.password_label, self.password)
        form.addRow(self.repeat_label, self.repeat)
        layout.addLayout(form)
        self.unlock_button = QPushButton(box)
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.submit)
        self.password.returnPressed.connect(self.submit)
        self.repeat.returnPressed.connect(self.submit)
        layout.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.message = message_label(box)
        layout.addWidget(self.message)
        row = QHBoxLayout()  # stretches, not an alignment flag: wrapped labels then get their full height
        row.addStretch(1)
        row.addWidget(box)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.reset()

    def reset(self) -> None:
        self.first_use = not has_organiser_password(self.ctx.engine)
        self.password.clear()
        self.repeat.clear()
        self.message.clear()
        self.repeat.setVisible(self.first_use)
        self.repeat_label.setVisible(self.first_use)
        if self.first_use:
            self.explanation.setText(self.tr(
                "No organiser password is set on this desk yet. Choose one (at least {n} characters) "
                "and keep it away from the volunteers: it protects the roster, the keys and the wipe.")
                .format(n=ORGANISER_PASSWORD_MIN_LENGTH))
            self.unlock_button.setText(self.tr("Set password and unlock"))
        else:
            self.explanation.setText(self.tr(
                "Event setup, imports, tickets, badges, exports, settings and the wipe are for organisers. "
                "Enter the organiser password."))
            self.unlock_button.setText(self.tr("Unlock"))
        self.unlock_button.setEnabled(True)

    @Slot()
    def submit(self) -> None:
        password = self.password.text()
        if self.first_use:
            if password_problem(password):
                show_message(self.message, self.tr("The password needs at least {n} characters.")
                             .format(n=ORGANISER_PASSWORD_MIN_LENGTH), error=True)
                return
            if password != self.repeat.text():
                show_message(self.message, self.tr("The two passwords are not the same."), error=True)
                return
        engine, first_use = self.ctx.engine, self.first_use

        def work(_task: object) -> bool:
            """Runs on a pool thread: scrypt takes a noticeable moment on purpose."""
            if first_use:
                set_organiser_password(engine, password)
                return True
            return check_organiser_password(engine, password)

        self.unlock_button.setEnabled(False)
        self.tasks.run(work).success(self._checked).failure(
            lambda exc, _tb: self._refused(failure_text(exc)))

    def _checked(self, ok: bool) -> None:
        if ok:
            self.password.clear()
            self.repeat.clear()
            self.message.clear()
            self.unlocked.emit()
        else:
            self._refused(self.tr("Wrong password. The organiser tools stay locked."))

    def _refused(self, text: str) -> None:
        self.unlock_button.setEnabled(True)
        self.password.selectAll()
        self.password.setFocus()
        show_message(self.message, text, error=True)


# (tab title, module, class): each page takes (ctx, tasks, parent)
PAGES: tuple[tuple[str, str, str], ...] = (
    ("Event", "checkin.ui.organiser.event_page", "EventPage"),
    ("Import", "checkin.ui.organiser.import_wizard", "ImportWizard"),
    ("Tickets", "checkin.ui.organiser.tickets_page", "TicketsPage"),
    ("Badges", "checkin.ui.organiser.badges_page", "BadgesPage"),
    ("Exports", "checkin.ui.organiser.exports_page", "ExportsPage"),
    ("Settings", "checkin.ui.organiser.settings_page", "SettingsPage"),
    ("Held", "checkin.ui.organiser.held_page", "HeldPage"),
    ("Wipe", "checkin.ui.organiser.wipe_page", "WipePage"),
    ("Volunteers", "checkin.ui.organiser.volunteers_page", "VolunteersPage"),
)


class OrganiserView(QWidget):
    """The organiser tab. Signals tell the main window what changed so it can refresh."""

    unlocked = Signal()
    locked = Signal()
    event_changed = Signal()  # event file loaded, sessions edited, roster imported, tickets issued
    settings_changed = Signal(object)  # the new DeskSettings
    data_wiped = Signal()

    def __init__(self, ctx: AppContext, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget(self)
        layout.addWidget(self.stack)
        self.lock_page = LockPage(ctx, tasks, self)
        self.lock_page.unlocked.connect(self._unlock)
        self.stack.addWidget(self.lock_page)
        self.tabs: QTabWidget | None = None
        self.pages: dict[str, QWidget] = {}

    @property
    def is_unlocked(self) -> bool:
        return self.tabs is not None and self.stack.currentWidget() is self.tabs

    def _unlock(self) -> None:
        self.tabs = QTabWidget(self)
        lock_button = QPushButton(self.tr("Lock"), self.tabs)
        lock_button.setToolTip(self.tr("Lock the organiser tools again"))
        lock_button.clicked.connect(self.lock)
        self.tabs.setCornerWidget(lock_button, Qt.Corner.TopRightCorner)
        titles = {"Event": self.tr("Event"), "Import": self.tr("Import"), "Tickets": self.tr("Tickets"),
                  "Badges": self.tr("Badges"), "Exports": self.tr("Exports"), "Settings": self.tr("Settings"),
                  "Held": self.tr("Held back"), "Wipe": self.tr("Wipe"), "Volunteers": self.tr("Volunteers")}
        for key, module, cls in PAGES:
            page = self._build_page(titles[key], module, cls)
            self.pages[key] = page
            self.tabs.addTab(page, titles[key])
            self._connect(page)
        self.stack.addWidget(self.tabs)
        self.stack.setCurrentWidget(self.tabs)
        self.unlocked.emit()

    def _build_page(self, title: str, module: str, cls: str) -> QWidget:
        try:
            factory: Callable[..., QWidget] = getattr(importlib.import_module(module), cls)
        except ImportError as exc:  # a core module this page needs is not in this build yet
            return not_available(self, title, module, exc)
        return factory(self.ctx, self.tasks, self)

    def _connect(self, page: QWidget) -> None:
        for name, target in (("event_changed", self._event_changed), ("settings_changed", self.settings_changed.emit),
                             ("data_wiped", self._wiped)):
            signal = getattr(page, name, None)
            if signal is not None:
                signal.connect(target)

    def _event_changed(self) -> None:
        # the main window reloads the check-in service on the writer lane (it is not GUI-thread safe)
        self.event_changed.emit()

    def _wiped(self) -> None:
        self.data_wiped.emit()

    @Slot()
    def lock(self) -> None:
        """Close the tools and forget the pages (they may hold personal data on screen)."""
        if self.tabs is not None:
            self.stack.removeWidget(self.tabs)
            self.tabs.deleteLater()
            self.tabs = None
            self.pages.clear()
        self.lock_page.reset()
        self.stack.setCurrentWidget(self.lock_page)
        self.locked.emit()
