# SPDX-License-Identifier: MIT
"""Event setup: load the event from a TOML file, and edit sessions (title, room, times, capacity).

Edits are validated by `checkin.services.admin` (the same rules a file load applies) and saved in
one transaction on the writer lane; a wrong cell is selected and named in plain words.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from checkin.app import AppContext
from checkin.domain.models import Event, Session
from checkin.services.admin import (
    SessionEdit,
    SessionEditError,
    parse_capacity,
    parse_clock,
    session_edit_for,
    update_sessions,
)
from checkin.services.event import EventDefinition, event_and_sessions, install_event, parse_event_file
from checkin.ui.organiser.common import failure_text, heading, message_label, show_message
from checkin.ui.tasks import TaskManager

COLUMNS = ("code", "day", "title", "room", "starts", "ends", "capacity")
EDITABLE = {"title", "room", "starts", "ends", "capacity"}


class EventPage(QWidget):
    event_changed = Signal()

    def __init__(self, ctx: AppContext, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        self.current_event: Event | None = None
        self.sessions: list[Session] = []
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Event"), self), 1)
        self.load_button = QPushButton(self.tr("Load event file (TOML)…"), self)
        self.load_button.clicked.connect(self._choose_file)
        top.addWidget(self.load_button)
        layout.addLayout(top)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Code"), self.tr("Day"), self.tr("Title"), self.tr("Room"), self.tr("Starts"),
            self.tr("Ends"), self.tr("Capacity")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        hint = QLabel(self.tr("Double-click a cell to edit. Times are local (e.g. 09:30); "
                              "leave capacity empty for no limit."), self)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save changes"), self)
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("Undo unsaved changes"), self)
        self.revert_button.clicked.connect(self.reload)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.message = message_label(self)
        layout.addWidget(self.message)
        self.reload()

    # ------------------------------------------------------------------ reading
    @Slot()
    def reload(self) -> None:
        engine = self.ctx.engine

        self.tasks.run(lambda _task: event_and_sessions(engine)).success(self._show).failure(
            lambda exc, _tb: show_message(self.message, failure_text(exc), error=True))

    def _show(self, loaded: tuple[Event, list[Session]]) -> None:
        event, sessions = loaded
        self.current_event, self.sessions = event, sessions
        days = ", ".join(d.date.strftime("%d.%m.%Y") + (f" ({d.label})" if d.label else "") for d in event.days)
        self.summary.setText(self.tr("<b>{name}</b><br>{venue}<br>Days: {days} · Time zone: {tz} · "
                                     "{n} sessions").format(name=event.name, venue=event.venue or "—",
                                                            days=days, tz=event.timezone, n=len(sessions)))
        self.table.setRowCount(len(sessions))
        for row, session in enumerate(sessions):
            edit = session_edit_for(session, event)
            values = {
                "code": session.code, "day": session.day.strftime("%d.%m"), "title": edit.title,
                "room": edit.room, "starts": edit.starts.strftime("%H:%M") if edit.starts else "",
                "ends": edit.ends.strftime("%H:%M") if edit.ends else "",
                "capacity": str(edit.capacity) if edit.capacity is not None else "",
            }
            for col, key in enumerate(COLUMNS):
                item = QTableWidgetItem(values[key])
                if key not in EDITABLE:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, col, item)

    # ------------------------------------------------------------------ editing
    def edits(self) -> list[SessionEdit]:
        """The table read back; raises SessionEditError naming the first bad cell."""
        result = []
        for row in range(self.table.rowCount()):
            cell = {key: (self.table.item(row, col).text() if self.table.item(row, col) else "")  # type: ignore[union-attr]
                    for col, key in enumerate(COLUMNS)}
            code = cell["code"]
            result.append(SessionEdit(code, cell["title"], cell["room"], parse_clock(cell["starts"], code, "starts"),
                                      parse_clock(cell["ends"], code, "ends"), parse_capacity(cell["capacity"], code)))
        return result

    @Slot()
    def save(self) -> None:
        if self.current_event is None:
            return
        try:
            edits = self.edits()
        except SessionEditError as exc:
            self._point_at(exc)
            return
        engine, event = self.ctx.engine, self.current_event
        self.save_button.setEnabled(False)
        (self.tasks.run_write(lambda _task: update_sessions(engine, event, edits))
         .success(self._saved)
         .failure(self._save_failed)
         .finally_(lambda: self.save_button.setEnabled(True)))

    def _saved(self, changed: int) -> None:
        show_message(self.message, self.tr("Saved: {n} sessions changed.").format(n=changed))
        self.reload()
        if changed:
            self.event_changed.emit()

    def _save_failed(self, exc: BaseException, _tb: str) -> None:
        if isinstance(exc, SessionEditError):
            self._point_at(exc)
        else:
            show_message(self.message, failure_text(exc), error=True)

    def _point_at(self, exc: SessionEditError) -> None:
        names = {"title": self.tr("Title"), "room": self.tr("Room"), "starts": self.tr("Starts"),
                 "ends": self.tr("Ends"), "capacity": self.tr("Capacity"), "code": self.tr("Code")}
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.text() == exc.code and exc.field in COLUMNS:
                self.table.setCurrentCell(row, COLUMNS.index(exc.field))
        show_message(self.message, self.tr("Nothing was saved. Session {code}, column {column}: {problem}")
                     .format(code=exc.code, column=names.get(exc.field, exc.field), problem=exc.message), error=True)

    # ------------------------------------------------------------------ loading a file
    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Event file"), "", self.tr("Event files (*.toml)"))
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path, *, confirm: bool = True) -> None:
        """Parse on the pool, then install on the writer lane (after a question if it is another event)."""
        self.tasks.run(lambda _task: parse_event_file(path)).success(
            lambda definition: self._install(definition, confirm)).failure(
            lambda exc, _tb: show_message(self.message, failure_text(exc), error=True))

    def _install(self, definition: EventDefinition, confirm: bool) -> None:
        if confirm and self.current_event is not None and definition.event.id != self.current_event.id:
            answer = QMessageBox.question(self, self.tr("Another event"), self.tr(
                "This file describes another event ({new}) than the one on this desk ({old}). "
                "Load it and make it the current event?").format(new=definition.event.name,
                                                                 old=self.current_event.name))
            if answer != QMessageBox.StandardButton.Yes:
                return
        engine = self.ctx.engine
        self.tasks.run_write(lambda _task: install_event(engine, definition)).success(
            lambda _none: self._installed(definition)).failure(
            lambda exc, _tb: show_message(self.message, failure_text(exc), error=True))

    def _installed(self, definition: EventDefinition) -> None:
        show_message(self.message, self.tr("Loaded {name}: {days} days, {n} sessions.").format(
            name=definition.event.name, days=len(definition.event.days), n=len(definition.sessions)))
        self.reload()
        self.event_changed.emit()
