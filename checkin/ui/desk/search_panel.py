# SPDX-License-Identifier: MIT
"""Type-ahead search by name, organisation, e-mail or ticket number, without diacritics.

Typing restarts a 150 ms timer; the query then runs on the read pool (`desk_view` does that) and
only the answer to the *latest* query is shown, so a slow answer can never overwrite a newer one
(pretixSCAN's `lastSearchQuery` guard). Enter checks in the selected person.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from checkin.domain.models import Attendee
from checkin.services.desk_queries import PersonStatus
from checkin.ui.desk.wording import category_label, local_time

DEBOUNCE_MS = 150


class _SearchBox(QLineEdit):
    moved = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.moved.emit(1 if event.key() == Qt.Key.Key_Down else -1)
            return
        super().keyPressEvent(event)


class SearchPanel(QWidget):
    query_changed = Signal(str)  # debounced
    admit_requested = Signal(object)  # Attendee
    correct_requested = Signal(object)  # Attendee
    reprint_requested = Signal(object)  # Attendee
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tz = ZoneInfo("UTC")
        self.results: list[PersonStatus] = []
        self.latest_query = ""
        self.shown_query: str | None = None  # the query the table answers
        self.box = _SearchBox()
        self.box.setPlaceholderText(self.tr("Surname, first name, institution or ticket number — "
                                            "diacritics not needed"))
        self.box.setClearButtonEnabled(True)
        self.box.setAccessibleName(self.tr("Search by name"))
        self.box.setMinimumHeight(48)
        font = self.box.font()
        font.setPointSize(16)
        self.box.setFont(font)
        self.table = QTableWidget(0, 2)
        self.table.setAccessibleName(self.tr("People found"))
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Status")])
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(54)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        tfont = self.table.font()
        tfont.setPointSize(12)
        self.table.setFont(tfont)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        self.admit = QPushButton(self.tr("Check in (Enter)"))
        self.correct = QPushButton(self.tr("Correct name…"))
        self.reprint = QPushButton(self.tr("Print badge"))
        self.back = QPushButton(self.tr("Back to camera (Esc)"))
        for b in (self.admit, self.correct, self.reprint, self.back):
            b.setMinimumHeight(46)
        self.admit.setDefault(True)
        self.admit.setStyleSheet("QPushButton { background:#1e7b3c; color:white; font-weight:bold; "
                                 "border-radius:6px; padding:0 18px; } QPushButton:disabled { background:#9bb8a5; }")
        # two rows of two: the search page fits half of a 1024-pixel screen
        buttons = QGridLayout()
        buttons.addWidget(self.admit, 0, 0)
        buttons.addWidget(self.back, 0, 1)
        buttons.addWidget(self.correct, 1, 0)
        buttons.addWidget(self.reprint, 1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        layout.addWidget(self.info)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._fire)
        self.box.textChanged.connect(lambda _t: self._timer.start())
        self.box.returnPressed.connect(self._admit_selected)
        self.box.moved.connect(self._move)
        self.table.itemDoubleClicked.connect(lambda _i: self._admit_selected())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.admit.clicked.connect(self._admit_selected)
        self.correct.clicked.connect(lambda: self._emit_selected(self.correct_requested))
        self.reprint.clicked.connect(lambda: self._emit_selected(self.reprint_requested))
        self.back.clicked.connect(self.closed.emit)
        self._update_buttons()

    def activate(self, text: str = "") -> None:
        if text:
            self.box.setText(text)
        self.box.setFocus()
        self.box.selectAll()

    def _fire(self) -> None:
        self.latest_query = self.box.text()
        self.query_changed.emit(self.latest_query)

    def refresh(self) -> None:
        self._fire()

    def set_results(self, query: str, results: list[PersonStatus]) -> None:
        """Show results, unless they answer an older query than the one typed now."""
        if query != self.latest_query:
            return
        selected = self.selected
        self.results = results
        self.shown_query = query
        self.table.setRowCount(len(results))
        for row, person in enumerate(results):
            a = person.attendee
            second = f"{a.organisation}  ·  {category_label(a.category)}" if a.organisation \
                else category_label(a.category)
            name = QTableWidgetItem(f"{a.last_name} {a.first_name}\n{second}")
            name.setToolTip(f"{a.full_name}\n{a.organisation}\n{a.email}")
            status = QTableWidgetItem(self.status_text(person))
            if a.cancelled:
                status.setForeground(QColor("#b3261e"))
            elif person.present_since is not None:
                status.setForeground(QColor("#1e7b3c"))
            for col, item in enumerate((name, status)):
                self.table.setItem(row, col, item)
        if results:
            index = next((i for i, p in enumerate(results) if selected and p.attendee.id == selected.id), 0)
            self.table.selectRow(index)
        if query.strip() and not results:
            self.info.setText(self.tr("Nobody found for “{query}”. Check the spelling, or register a walk-in "
                                      "(F3).").format(query=query))
        elif len(results) >= 30:
            self.info.setText(self.tr("Showing the first {n}; type more to narrow down.").format(n=len(results)))
        else:
            self.info.setText("")
        self._update_buttons()

    def status_text(self, person: PersonStatus) -> str:
        if person.attendee.cancelled:
            return self.tr("cancelled")
        if person.present_since is not None:
            return self.tr("present since {time} ({desk})").format(
                time=local_time(person.present_since, self.tz), desk=person.present_desk)
        return self.tr("not yet")

    @property
    def selected(self) -> Attendee | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.results):
            return None
        return self.results[rows[0].row()].attendee

    def _move(self, step: int) -> None:
        if not self.results:
            return
        current = self.table.currentRow()
        self.table.selectRow(max(0, min(len(self.results) - 1, current + step)))

    def _update_buttons(self) -> None:
        has = self.selected is not None
        for b in (self.admit, self.correct, self.reprint):
            b.setEnabled(has)

    def _emit_selected(self, signal: SignalInstance) -> None:
        a = self.selected
        if a is not None:
            signal.emit(a)

    def _admit_selected(self) -> None:
        self._emit_selected(self.admit_requested)
