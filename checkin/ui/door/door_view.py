# SPDX-License-Identifier: MIT
"""Door mode: one checkpoint, a huge result, IN/OUT, present/capacity and "inside now".

Every code takes the reception desk's path: the handheld scanner through the app-wide `HidFilter`
(the main window routes it here while the door is shown), the camera through the same
`CameraWorker`, and the decision from `CheckInService.scan` on the single DB-writer lane, worded by
`ui.desk.wording`. Only the direction is the door's own: IN, OUT, or AUTO (a scan of someone
inside means leaving), flipped by a configurable key (F9) or by scanning the printed OUT card.
Numbers come from the local database (`services.door.door_status`), never from the network.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from checkin.app import AppContext
from checkin.domain.decision import Decision
from checkin.domain.models import Checkpoint
from checkin.domain.results import Direction, ScanResult, Source
from checkin.services.door import DoorStatus, door_status, is_direction_card
from checkin.ui.desk import wording
from checkin.ui.desk.camera_view import PreviewBox
from checkin.ui.door.direction_switch import DirectionSwitch
from checkin.ui.door.door_result import DoorResult
from checkin.ui.sounds import SoundPlayer, outcome_for
from checkin.ui.tasks import TaskManager
from checkin.ui.workers.camera_worker import CameraController, CameraWorker


class DoorView(QWidget):
    decision_shown = Signal(object)  # Decision, once shown
    scans_changed = Signal()
    unlock_requested = Signal()
    direction_changed = Signal(str)  # "in", "out" or "auto"

    def __init__(self, ctx: AppContext, tasks: TaskManager, checkpoint: Checkpoint,
                 sounds: SoundPlayer | None = None, *, auto_direction: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = tasks
        self.checkpoint = checkpoint
        self.tz = ctx.event().tz
        self.sounds = sounds or SoundPlayer(ctx.settings.sounds)
        self.direction = Direction.IN
        self.auto = auto_direction and checkpoint.tracks_inside
        self.status: DoorStatus | None = None
        self._asked = self._shown = 0  # refresh sequence numbers
        self.closed = False
        self.camera = CameraController(self)
        self.camera_loop = True
        self._build()
        key = QShortcut(QKeySequence(ctx.settings.door_direction_key or "F9"), self)
        key.setContext(Qt.ShortcutContext.WindowShortcut)
        key.activated.connect(self.flip_direction)
        self.direction_key = key
        self._show_direction()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        cp = self.checkpoint
        header = QFrame()
        header.setObjectName("doorHeader")
        header.setStyleSheet("#doorHeader { background:#24384d; border-radius:10px; } "
                             "#doorHeader QLabel { color:#f4f7fa; }")
        self.room_label = QLabel(cp.session.room if cp.session and cp.session.room else self.tr("Entrance"))
        self.title_label = QLabel(cp.session.title if cp.session else wording.local_date(cp.day))
        self.title_label.setWordWrap(True)
        self.title_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.present_label = QLabel()
        self.inside_label = QLabel()
        for label in (self.present_label, self.inside_label):
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.room_label)
        titles.addWidget(self.title_label)
        counts = QVBoxLayout()
        counts.setSpacing(0)
        counts.addWidget(self.present_label)
        counts.addWidget(self.inside_label)
        hl = QHBoxLayout(header)
        hl.setContentsMargins(14, 6, 14, 6)
        hl.addLayout(titles, 1)
        hl.addSpacing(10)
        hl.addLayout(counts)

        self.result = DoorResult()
        self.switch = DirectionSwitch(vertical=True)  # one above the other: each gets the column's width
        self.switch.changed.connect(self.set_direction)
        self.in_button, self.out_button = self.switch.in_button, self.switch.out_button
        self.auto_box = QCheckBox(self.tr("Automatic direction"))
        self.auto_box.setToolTip(self.tr("A second scan of someone inside means they are leaving."))
        self.auto_box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.auto_box.setChecked(self.auto)
        self.auto_box.toggled.connect(self.set_auto)
        self.switch_hint = QLabel(self.tr("{key} or the OUT card switches IN/OUT").format(
            key=self.ctx.settings.door_direction_key or "F9"))
        self.switch_hint.setWordWrap(True)
        self.preview = PreviewBox()
        self.preview.setMinimumSize(120, 68)
        self.preview.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.last_title = QLabel(self.tr("Last scans"))
        self.last_labels = [QLabel() for _ in range(4)]
        self.lock_button = QPushButton(self.tr("Change door…"))
        self.lock_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.lock_button.clicked.connect(self.unlock_requested.emit)
        side = QVBoxLayout()
        side.setSpacing(4)
        side.addWidget(self.switch, 3)
        side.addWidget(self.switch_hint)
        side.addWidget(self.auto_box)
        side.addWidget(self.preview, 3)
        side.addWidget(self.last_title)
        for label in self.last_labels:
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            side.addWidget(label)
        side.addWidget(self.lock_button)
        self.side = QWidget()
        self.side.setLayout(side)
        side.setContentsMargins(0, 0, 0, 0)
        if not self.checkpoint.tracks_inside:  # exits are not counted here: entries only
            for w in (self.switch, self.switch_hint, self.auto_box):
                w.hide()
        body = QHBoxLayout()
        body.setSpacing(10)
        body.addWidget(self.result, 1)
        body.addWidget(self.side)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 6)
        layout.setSpacing(8)
        layout.addWidget(header)
        layout.addLayout(body, 1)
        self.header = header

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_sizes()

    def _apply_sizes(self) -> None:
        """Everything scales with the screen: 800×480 up to 1366×768."""
        h, w = max(self.height(), 300), max(self.width(), 400)
        self.side.setFixedWidth(max(190, int(w * 0.27)))

        def px(label: QWidget, share: float, smallest: int, bold: bool = False) -> None:
            font = label.font()
            font.setPixelSize(max(smallest, int(h * share)))
            font.setBold(bold)
            label.setFont(font)

        px(self.room_label, 0.028, 12)
        px(self.title_label, 0.036, 14, bold=True)
        px(self.present_label, 0.036, 14, bold=True)
        px(self.inside_label, 0.036, 14, bold=True)
        px(self.in_button, 0.05, 18, bold=True)
        px(self.out_button, 0.05, 18, bold=True)
        for label in (self.switch_hint, self.auto_box, self.last_title, self.lock_button, *self.last_labels):
            px(label, 0.024, 11)
        self.in_button.setMinimumHeight(max(44, int(h * 0.1)))
        self.out_button.setMinimumHeight(max(44, int(h * 0.1)))

    # ------------------------------------------------------------------ direction
    def set_direction(self, direction: Direction) -> None:
        self.direction = direction
        self.auto = False
        self._show_direction()

    def set_auto(self, on: bool) -> None:
        self.auto = on and self.checkpoint.tracks_inside
        self._show_direction()

    def flip_direction(self) -> None:
        """The key or the OUT card: IN <-> OUT (from AUTO: OUT)."""
        if not self.checkpoint.tracks_inside:
            return
        self.set_direction(self.switch.flip())

    @property
    def mode(self) -> str:
        return "auto" if self.auto else self.direction.value

    def _show_direction(self) -> None:
        self.switch.show_state(self.direction, self.auto)
        self.auto_box.blockSignals(True)
        self.auto_box.setChecked(self.auto)
        self.auto_box.blockSignals(False)
        hint = {"in": self.tr("Scanning people IN"), "out": self.tr("Scanning people OUT"),
                "auto": self.tr("IN and OUT by itself")}[self.mode]
        self.result.direction_hint = hint if self.checkpoint.tracks_inside else ""
        if self.result.state == "idle":
            self.result.show_idle()
        self.direction_changed.emit(self.mode)

    # ------------------------------------------------------------------ the scan path
    def handle_code(self, code: str, source: Source = Source.HANDHELD) -> None:
        """GUI thread: a code from the handheld scanner (via the main window) or the camera."""
        if is_direction_card(code):
            self.flip_direction()
            self.sounds.play("void")
            return
        service, checkpoint = self.ctx.checkin, self.checkpoint
        direction: Direction | None = None if self.auto else self.direction
        self._write(lambda _t: service.scan(code, checkpoint, source, direction), self.show_decision,
                    self._write_failed)

    def show_decision(self, decision: Decision) -> None:
        self.result.show_decision(decision, self.tz)
        self.sounds.play(outcome_for(decision.result))
        self.refresh()
        self.decision_shown.emit(decision)
        self.scans_changed.emit()

    def _write_failed(self, exc: BaseException, _trace: str) -> None:
        self.sounds.play("rejected")
        self.result.show_message("error", self.tr("NOT RECORDED"),
                                 self.tr("The door could not record this ({error}). Scan again; if it "
                                         "repeats, call the coordinator.").format(error=exc))

    # ------------------------------------------------------------------ numbers
    def refresh(self) -> None:
        """Re-read the numbers (pool thread). Reads can finish out of order (a sync refresh started
        before the last scan may land after the scan's own): only the newest answer is shown."""
        engine, cp, desk_id = self.ctx.engine, self.checkpoint, self.ctx.desk.id
        self._asked += 1
        asked, last = self._asked, len(self.last_labels)
        self._run(lambda _t: (asked, door_status(engine, cp, desk_id, last=last)), self._answered)

    def _answered(self, answer: tuple[int, DoorStatus]) -> None:
        asked, status = answer
        if asked > self._shown:
            self._shown = asked
            self.show_status(status)

    def show_status(self, status: DoorStatus) -> None:
        self.status = status
        # where exits are counted the seats are measured against who is inside, not who ever came
        if status.inside is not None:
            self.present_label.setText(self.tr("Present {n}").format(n=status.present))
            if status.capacity is not None:
                self.inside_label.setText(self.tr("Inside now {n} / {capacity}").format(
                    n=status.inside, capacity=status.capacity))
            else:
                self.inside_label.setText(self.tr("Inside now {n}").format(n=status.inside))
        else:
            self.inside_label.setText("")
            if status.capacity is not None:
                self.present_label.setText(self.tr("Present {n} / {capacity}").format(
                    n=status.present, capacity=status.capacity))
            else:
                self.present_label.setText(self.tr("Present {n}").format(n=status.present))
        for label, scan in zip(self.last_labels, (*status.last, *([None] * len(self.last_labels))), strict=False):
            if scan is None:
                label.setText("")
                continue
            mark = "➜" if scan.direction is Direction.OUT and scan.result is ScanResult.ACCEPTED else \
                {"ok": "✔", "warn": "!", "error": "✖"}.get(scan.result.severity, "·")
            label.setText(f"{wording.local_time(scan.time, self.tz)} {mark} {scan.name or '?'}")

    # ------------------------------------------------------------------ camera (the desk's worker)
    def start_camera(self, spec: str) -> None:
        self.camera.stop()
        if not spec:
            self.preview.set_message(self.tr("No camera: use the handheld scanner"))
            return
        s = self.ctx.settings
        worker = CameraWorker(spec, decoder_name=s.decoder, mirror=s.camera_mirror, width=s.camera_width,
                              height=s.camera_height, loop=self.camera_loop, debounce_s=s.debounce_seconds)
        worker.frame_ready.connect(self.preview.set_image)
        worker.code_scanned.connect(self._camera_code)  # bound methods: run on the GUI thread
        worker.camera_failed.connect(self.preview.set_message)
        worker.camera_started.connect(self._camera_started)
        self.preview.set_message(self.tr("Starting the camera…"))
        self.camera.start(worker)

    def _camera_started(self, description: str) -> None:
        bar = getattr(self.window(), "desk_status", None)  # the main window's status bar, when there is one
        if bar is not None:
            bar.show_scanner(description)

    def _camera_code(self, code: str) -> None:
        self.handle_code(code, Source.CAMERA)

    def shutdown(self) -> None:
        self.closed = True
        self.camera.stop()

    # ------------------------------------------------------------------ background work
    def _live(self, fn: Callable[..., Any]) -> Callable[..., None]:
        def call(*args: Any) -> None:
            if not self.closed:
                fn(*args)

        return call

    def _run(self, fn: Callable[[Any], Any], done: Callable[[Any], None]) -> None:
        self.tasks.run(fn).success(self._live(done))

    def _write(self, fn: Callable[[Any], Any], done: Callable[[Any], None],
               failed: Callable[[BaseException, str], None]) -> None:
        self.tasks.run_write(fn).success(self._live(done)).failure(self._live(failed))
