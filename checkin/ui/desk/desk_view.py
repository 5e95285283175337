# SPDX-License-Identifier: MIT
"""The reception desk: the screen volunteers use all day.

Every code (camera, handheld scanner, search, walk-in) takes the same path: `CheckInService` on
the single DB-writer lane, then the result panel, a sound, and a refresh of the recent scans and
the headcount. Reads (search, recent scans, checkpoint choices) run on the pool. Nothing in the
scan flow opens a modal dialog; a new result simply replaces the old one.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from checkin.app import AppContext
from checkin.config import update_settings
from checkin.domain.alerts import AlertRules
from checkin.domain.decision import Decision
from checkin.domain.models import Attendee, Checkpoint, Scan
from checkin.domain.results import Direction, Source
from checkin.services import desk_queries as q
from checkin.services.door import is_direction_card
from checkin.ui.desk.badge_actions import BadgeActions
from checkin.ui.desk.camera_view import CameraView
from checkin.ui.desk.checkpoint_picker import CheckpointPicker
from checkin.ui.desk.print_notice import PrintNotice
from checkin.ui.desk.recent_scans import RecentScans
from checkin.ui.desk.result_panel import ResultPanel
from checkin.ui.desk.search_panel import SearchPanel
from checkin.ui.desk.walk_in_dialog import CorrectDialog, WalkInDialog
from checkin.ui.door.direction_switch import DirectionSwitch
from checkin.ui.sounds import SoundPlayer, outcome_for
from checkin.ui.tasks import Task, TaskManager
from checkin.ui.workers.camera_worker import CameraController, CameraWorker

log = logging.getLogger("checkin.desk")


class DeskView(QWidget):
    decision_shown = Signal(object)  # Decision, after the panel shows it (tests, dashboard hooks)
    scans_changed = Signal()

    def __init__(self, ctx: AppContext, tasks: TaskManager, sounds: SoundPlayer | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = tasks
        self.event_info = ctx.event()
        self.tz = self.event_info.tz
        self.sounds = sounds or SoundPlayer(ctx.settings.sounds)
        self.checkpoint: Checkpoint | None = None
        self.present = 0
        self.camera = CameraController(self)
        self.camera_loop = True  # folder/video demo cameras repeat; a live camera ignores it
        self.active_camera = ctx.settings.camera  # may differ from the stored setting (--camera)
        self.dialog: WalkInDialog | CorrectDialog | None = None
        self.closed = False
        self.last_admission: str | None = None  # scan id of this desk's latest admission (Ctrl+Z)
        self.alert_rules = AlertRules.for_event(getattr(self.event_info, "settings", None))
        self._build()
        self.badges = BadgeActions(ctx, tasks, self)
        self.badges.message.connect(lambda state, head, detail: self.result.show_message(state, head, detail))
        self.badges.print_failed.connect(self._print_failed)
        self.badges.print_done.connect(self.print_notice.show_printed)
        self.print_notice.reprint_requested.connect(lambda a: self.badges.print_badge(a, ask_if_printed=False))
        self.print_notice.elsewhere_requested.connect(self._print_elsewhere)
        self._volunteer_roles()
        self._shortcuts()
        self.apply_settings()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        header = QFrame()
        header.setObjectName("deskHeader")
        header.setStyleSheet("#deskHeader { background:#24384d; border-radius:10px; } "
                             "#deskHeader QLabel { color:#f4f7fa; }")
        self.event_label = QLabel(self.event_info.name)
        self.event_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.event_label.setToolTip(self.event_info.name)
        f = self.event_label.font()
        f.setPointSize(12)
        f.setBold(True)
        self.event_label.setFont(f)
        self.event_label.setWordWrap(True)
        self.desk_label = QLabel()
        self.desk_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.count_label = QLabel()
        cf = self.count_label.font()
        cf.setPointSize(15)
        cf.setBold(True)
        self.count_label.setFont(cf)
        self.picker = CheckpointPicker()
        self.picker.caption.setStyleSheet("color:#f4f7fa;")
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.event_label)
        titles.addWidget(self.desk_label)
        hl = QHBoxLayout(header)
        hl.setContentsMargins(12, 6, 12, 6)
        hl.addLayout(titles, 3)
        hl.addWidget(self.picker, 4)
        hl.addSpacing(12)
        hl.addWidget(self.count_label)
        self.direction_switch = DirectionSwitch(compact=True)  # only where the checkpoint counts exits
        self.direction_switch.hide()
        hl.addWidget(self.direction_switch)

        self.camera_view = CameraView()
        self.search = SearchPanel()
        self.search.tz = self.tz
        self.stack = QStackedWidget()
        self.stack.addWidget(self.camera_view)
        self.stack.addWidget(self.search)
        self.group_button = QPushButton(self.tr("Group (F4)"))
        self.search_button = QPushButton(self.tr("Search (F2)"))
        self.walk_in_button = QPushButton(self.tr("Walk-in (F3)"))
        self.print_button = QPushButton(self.tr("Print badge (Ctrl+P)"))
        actions = QHBoxLayout()
        self.search_button.setAccessibleName(self.tr("Search by name"))
        self.walk_in_button.setAccessibleName(self.tr("Register a walk-in"))
        self.print_button.setAccessibleName(self.tr("Print the badge"))
        self.group_button.setAccessibleName(self.tr("Check in a group together"))
        for b in (self.search_button, self.walk_in_button, self.group_button, self.print_button):
            b.setMinimumHeight(44)
            b.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            bf = b.font()
            bf.setPointSize(12)
            b.setFont(bf)
            actions.addWidget(b)
        left = QVBoxLayout()
        left.addWidget(self.stack, 1)
        left.addLayout(actions)

        self.result = ResultPanel()
        self.print_notice = PrintNotice()
        self.recent = RecentScans(self.ctx.clock)
        self.recent.tz = self.tz
        # room below the result for what other parts add to the desk (IN/OUT, group check-in)
        self.extras = QVBoxLayout()
        self.extras.setContentsMargins(0, 0, 0, 0)
        right = QVBoxLayout()
        right.addWidget(self.result, 5)
        right.addWidget(self.print_notice)
        right.addLayout(self.extras)
        right.addWidget(self.recent, 2)

        body = QHBoxLayout()
        body.addLayout(left, 4)
        body.addLayout(right, 6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 4)
        layout.setSpacing(6)
        layout.addWidget(header)
        layout.addLayout(body, 1)

        self.picker.checkpoint_changed.connect(self._checkpoint_changed)
        self.search.query_changed.connect(self._run_search)
        self.search.admit_requested.connect(self.admit)
        self.search.correct_requested.connect(self.open_correct)
        self.search.reprint_requested.connect(lambda a: self.badges.print_badge(a, ask_if_printed=True))
        self.search.closed.connect(self.show_camera_page)
        self.recent.undo_requested.connect(self.undo)
        self.search_button.clicked.connect(lambda: self.open_search())
        self.walk_in_button.clicked.connect(self.open_walk_in)
        self.print_button.clicked.connect(self.print_current)
        self.group_button.clicked.connect(self.open_group)
        self.camera_view.camera_chosen.connect(self.choose_camera)
        self.camera_view.mirror_changed.connect(self._mirror_changed)

    def _shortcuts(self) -> None:
        context = Qt.ShortcutContext.WindowShortcut
        for key, slot in ((Qt.Key.Key_F2, self.open_search), (Qt.Key.Key_F3, self.open_walk_in),
                          (Qt.Key.Key_F4, self.open_group),
                          (QKeySequence.StandardKey.Undo, self.undo_last), (Qt.Key.Key_F5, self.focus_checkpoint),
                          (Qt.Key.Key_Escape, self.escape), (QKeySequence.StandardKey.Print, self.print_current),
                          (QKeySequence("Ctrl+Shift+P"), self.print_again)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)
        flip = QShortcut(QKeySequence(self.ctx.settings.door_direction_key or "F9"), self)
        flip.setContext(context)
        flip.activated.connect(self.flip_direction)

    # ------------------------------------------------------------------ settings and start-up
    def apply_settings(self) -> None:
        s = self.ctx.settings
        self.result.result_seconds = s.result_seconds
        self.recent.undo_minutes = s.undo_minutes
        self.sounds.enabled = s.sounds
        operator = self.ctx.checkin.operator
        self.desk_label.setText(self.tr("Desk: {desk}").format(desk=self.ctx.desk.name)
                                + (f" · {operator}" if operator else ""))
        self.camera_view.mirror.blockSignals(True)
        self.camera_view.mirror.setChecked(s.camera_mirror)
        self.camera_view.mirror.blockSignals(False)

    def start(self, list_cameras: bool = True) -> None:
        """Load checkpoints and recent scans, start the camera (after the window is shown)."""
        engine, clock, stored = self.ctx.engine, self.ctx.clock, self.ctx.settings.checkpoint

        def load(_t: Any) -> tuple[q.CheckpointChoices, Checkpoint | None]:
            choices = q.checkpoint_choices(engine, clock())
            preferred = q.checkpoint_from_key(engine, choices.event, stored) if stored else None
            if preferred is not None and preferred.day != choices.today and choices.today_is_event_day:
                preferred = None  # yesterday's choice must not carry over to today
            return choices, preferred

        self._run(load).success(lambda r: self.picker.set_choices(*r))
        self.refresh_recent()
        if self.gate.required and self.gate.volunteer is None:
            QTimer.singleShot(0, self.gate.ask_sign_in)
        spec = self.active_camera
        self.camera_view.set_cameras([], spec)
        if list_cameras:  # probing cameras imports OpenCV: off the start-up path
            QTimer.singleShot(1500, self._probe_cameras)
        self.start_camera(spec)

    def _probe_cameras(self) -> None:
        self._run(lambda _t: _list_cameras()).success(self._cameras_found)

    def _cameras_found(self, specs: list[str]) -> None:
        self.camera_view.set_cameras(specs, self.camera_spec)

    @property
    def camera_spec(self) -> str:
        return self.active_camera

    def start_camera(self, spec: str) -> None:
        self.camera.stop()
        self.active_camera = spec
        if not spec:
            self.camera_view.show_no_camera()
            self.status_text(self.tr("No camera"))
            return
        s = self.ctx.settings
        worker = CameraWorker(spec, decoder_name=s.decoder, mirror=self.camera_view.mirror.isChecked(),
                              width=s.camera_width, height=s.camera_height, loop=self.camera_loop,
                              debounce_s=s.debounce_seconds, roi=s.camera_roi)
        worker.frame_ready.connect(self.camera_view.preview.set_image)
        # bound methods of GUI-thread objects only: a lambda would run on the camera thread
        worker.code_scanned.connect(self._camera_code)
        worker.camera_failed.connect(self._camera_failed)
        worker.camera_started.connect(self._camera_started)
        self.camera_view.show_starting(spec)
        self.camera.start(worker)

    def _camera_code(self, code: str) -> None:
        self.handle_code(code, Source.CAMERA)

    def _camera_started(self, description: str) -> None:
        self.camera_view.show_started(description)
        self.status_text(description)

    def _camera_failed(self, why: str) -> None:
        from checkin.domain.messages import translate_text

        why = translate_text(why)  # the scanner's sentences, in the desk's language
        log.warning("camera failed: %s", why)
        self.camera_view.show_no_camera(why)
        self.status_text(self.tr("No camera"))

    def status_text(self, text: str) -> None:
        window = self.window()
        bar = getattr(window, "desk_status", None)
        if bar is not None:
            bar.show_scanner(text)

    def choose_camera(self, spec: str) -> None:
        self.ctx.overrides.pop("camera", None)  # chosen here on purpose: a --camera one-off ends
        engine = self.ctx.engine
        self._write(lambda _t: update_settings(engine, camera=spec)).success(self._settings_saved)
        self.start_camera(spec)

    def _mirror_changed(self, on: bool) -> None:
        if self.camera.worker is not None:
            self.camera.worker.mirror = on
        engine = self.ctx.engine
        self._write(lambda _t: update_settings(engine, camera_mirror=on)).success(self._settings_saved)

    def _settings_saved(self, settings: Any) -> None:
        self.ctx.use_settings(settings)  # keeps a --camera override for this run

    def shutdown(self) -> None:
        self.closed = True
        self.camera.stop()

    # ------------------------------------------------------------------ background work
    def _run(self, fn: Callable[[Any], Any]) -> _Guarded:
        return _Guarded(self.tasks.run(fn), self)

    def _write(self, fn: Callable[[Any], Any]) -> _Guarded:
        return _Guarded(self.tasks.run_write(fn), self)

    # ------------------------------------------------------------------ checkpoint
    def _checkpoint_changed(self, checkpoint: Checkpoint | None) -> None:
        if self._checkpoint_needs_supervisor(checkpoint):
            return
        self.checkpoint = checkpoint
        self.direction_switch.show_state(Direction.IN)  # a new checkpoint always starts with entries
        self.direction_switch.setVisible(bool(checkpoint and checkpoint.tracks_inside))
        if checkpoint is None:
            self.count_label.setText("")
            self.result.show_idle(self.tr("Choose the day or session first (F5)."))
        else:
            engine = self.ctx.engine
            key = checkpoint.key
            self._write(lambda _t: update_settings(engine, checkpoint=key)).success(self._settings_saved)
            if self.result.state == "idle":
                self.result.show_idle()
        self.refresh_counts()
        if self.stack.currentWidget() is self.search:
            self.search.refresh()

    @property
    def direction(self) -> Direction:
        """OUT only while the switch says so at a checkpoint that counts exits."""
        if self.checkpoint is None or not self.checkpoint.tracks_inside:
            return Direction.IN
        return self.direction_switch.direction

    def flip_direction(self) -> None:
        """The IN/OUT key (F9 by default) or the printed OUT card, where exits are counted."""
        if self.checkpoint is not None and self.checkpoint.tracks_inside:
            self.direction_switch.flip()
            self.sounds.play("void")

    def focus_checkpoint(self) -> None:
        self.picker.combo.setFocus()
        self.picker.combo.showPopup()

    # ------------------------------------------------------------------ the scan path
    def handle_code(self, code: str, source: Source = Source.HANDHELD) -> None:
        """GUI thread: a code from the camera worker or the handheld scanner."""
        checkpoint = self.checkpoint
        if checkpoint is None:
            self.sounds.play("rejected")
            self.result.show_message("error", self.tr("Choose the day first"),
                                     self.tr("Today is not a day of this event. Pick the day or session at the "
                                             "top (F5), then scan again. Nothing was recorded."))
            return
        if is_direction_card(code):  # the printed OUT card
            self.flip_direction()
            return
        service, direction = self.ctx.checkin, self.direction
        hint = _hid_hint(code) if source is Source.HANDHELD else None
        self._write(lambda _t: service.scan(code, checkpoint, source, direction)).success(
            lambda d: self.show_decision(d, hint)).failure(self._write_failed)

    def admit(self, attendee: Attendee, source: Source = Source.SEARCH) -> None:
        checkpoint = self.checkpoint
        if checkpoint is None:
            self.handle_code("", source)
            return
        service, direction = self.ctx.checkin, self.direction
        self._write(lambda _t: service.admit(attendee.id, checkpoint, source, direction)).success(
            self.show_decision).failure(self._write_failed)
        self.show_camera_page()

    def show_decision(self, decision: Decision, hint: str | None = None, print_requested: bool = False) -> None:
        label = self.picker.combo.currentText().strip() if self.checkpoint == decision.checkpoint else ""
        a = decision.attendee
        alerts = self.alert_rules.alerts(a.notes) if a is not None and decision.result.value != "void" else []
        self.result.show_decision(decision, self.tz, label, alerts)
        if hint and decision.result.severity == "error":
            self.result.detail.setToolTip(hint)
        log.info("scan decision result=%s reason=%s scan=%s attendee=%s checkpoint=%s", decision.result.value,
                 decision.reason, decision.scan_id, a.id if a else "-", decision.checkpoint.key)
        if decision.admitted:
            self.last_admission = decision.scan_id
            if self.print_notice.attendee is not None and self.print_notice.attendee != a:
                self.print_notice.clear()  # the notice was about the previous person
        elif decision.result.value == "void" and self.last_admission:
            self.last_admission = None
        outcome = outcome_for(decision.result)
        if outcome == "accepted" and self.alert_rules.rings(alerts):
            outcome = "flagged"
        self.sounds.play(outcome)
        self.refresh_recent()
        self.refresh_counts()
        if self.stack.currentWidget() is self.search:
            self.search.refresh()
        if decision.admitted and decision.attendee is not None:
            self.badges.auto_print(decision.attendee, requested=print_requested)
        self.decision_shown.emit(decision)
        self.scans_changed.emit()

    def _write_failed(self, exc: BaseException, trace: str) -> None:
        log.error("scan not recorded: %s\n%s", exc, trace)
        self.sounds.play("rejected")
        self.result.show_message("error", self.tr("Not recorded"),
                                 self.tr("The desk could not record this ({error}). Try again; if it "
                                         "repeats, call the coordinator.").format(error=exc))

    def undo(self, scan: Scan) -> None:
        if self._undo_needs_supervisor(scan):
            return
        service, minutes = self.ctx.checkin, self.ctx.settings.undo_minutes
        self._write(lambda _t: service.void(scan.id, timedelta(minutes=minutes), "undo at desk")).success(
            self.show_decision).failure(self._undo_failed)

    def undo_last(self) -> None:
        """Ctrl+Z: the last admission at this desk, whatever was shown or printed after it."""
        latest = self.recent.latest_undoable()
        if self.last_admission is not None:
            mine = next((r for r in self.recent.items if r.scan.id == self.last_admission), None)
            if mine is None or self.recent.undoable(mine):
                service, minutes, scan_id = self.ctx.checkin, self.ctx.settings.undo_minutes, self.last_admission
                self._write(lambda _t: service.void(scan_id, timedelta(minutes=minutes), "undo at desk")).success(
                    self.show_decision).failure(self._undo_failed)
                return
        if latest is None:
            self.result.show_message("warn", self.tr("Nothing to undo"),
                                     self.tr("Only check-ins from the last {n} minutes at this desk can be undone.")
                                     .format(n=self.ctx.settings.undo_minutes))
            return
        self.undo(latest.scan)

    def _undo_failed(self, exc: BaseException, _trace: str) -> None:
        self.result.show_message("warn", self.tr("Cannot undo"),
                                 self.tr("This check-in can no longer be undone here (undone already, or older "
                                         "than {n} minutes).").format(n=self.ctx.settings.undo_minutes))
        log.warning("undo refused: %s", exc)

    # ------------------------------------------------------------------ printing
    def _print_failed(self, attendee: Attendee, why: str) -> None:
        """The admission stays on the panel (green); the notice beside it says the badge is missing."""
        self.print_notice.printers = _printers()
        self.print_notice.show_failed(attendee, why)
        self.sounds.play("rejected")

    def print_again(self) -> None:
        """Ctrl+Shift+P: the failed badge again, without reaching for the mouse."""
        if self.print_notice.state == "failed" and self.print_notice.attendee is not None:
            self.badges.print_badge(self.print_notice.attendee, ask_if_printed=False)

    def _print_elsewhere(self, attendee: Attendee, printer: str) -> None:
        if printer:
            self.badges.print_badge(attendee, ask_if_printed=False, printer=printer)
            return
        pdf = self.badges.last_pdf
        if pdf is None:
            return
        dialog = QFileDialog(self, self.tr("Save the badge"), str(Path.home() / pdf.name), "PDF (*.pdf)")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.fileSelected.connect(lambda path: shutil.copyfile(pdf, path))
        self.save_dialog = dialog
        dialog.open()

    # ------------------------------------------------------------------ refreshes
    def refresh_recent(self) -> None:
        engine, event_id, desk_id = self.ctx.engine, self.event_info.id, self.ctx.desk.id
        self._run(lambda _t: q.recent_desk_scans(engine, event_id, desk_id)).success(self.recent.set_scans)

    def refresh_counts(self) -> None:
        cp = self.checkpoint
        if cp is None:
            return
        engine = self.ctx.engine
        self._run(lambda _t: (cp.key, q.present_count(engine, cp))).success(self._show_count)

    def _show_count(self, answer: tuple[str, int]) -> None:
        key, n = answer
        if self.checkpoint is not None and self.checkpoint.key == key:
            self.present = n
            self.count_label.setText(self.tr("Present: {n}").format(n=n))

    # ------------------------------------------------------------------ search, walk-in, corrections
    def open_search(self, text: str = "") -> None:
        self.stack.setCurrentWidget(self.search)
        self.search.activate(text)

    def show_camera_page(self) -> None:
        self.search.box.clear()
        self.stack.setCurrentWidget(self.camera_view)
        self.setFocus()

    def back_to_desk(self) -> None:
        """After a form closes, the desk window gets the keyboard again: Ctrl+Z, F2 and the scanner's
        Enter must work without a click (window shortcuts only fire in the active window)."""
        window = self.window()
        window.raise_()
        window.activateWindow()
        self.setFocus()

    def escape(self) -> None:
        if self.stack.currentWidget() is self.search:
            self.show_camera_page()
        self.result.dismiss()

    def _run_search(self, query: str) -> None:
        engine, event_id, cp = self.ctx.engine, self.event_info.id, self.checkpoint
        if not query.strip():
            self.search.set_results(query, [])
            return
        self._run(lambda _t: q.search_people(engine, event_id, query, cp)).success(
            lambda results: self.search.set_results(query, results))

    def open_walk_in(self) -> None:
        self.gate.require("walk_in", lambda _supervisor: self._open_walk_in())

    def _open_walk_in(self) -> None:
        dialog = WalkInDialog(self)
        dialog.submitted.connect(lambda values: self._register(dialog, values))
        self.dialog = dialog
        dialog.open()

    def _register(self, dialog: WalkInDialog, values: dict[str, Any]) -> None:
        from checkin.services.walk_in import WalkIn, walk_in

        checkpoint, service = self.checkpoint, self.ctx.checkin
        if checkpoint is None:
            dialog.show_error(self.tr("Choose the day or session first (F5)."))
            return
        wanted = dialog.print_badge.isChecked()

        def work(_t: Any) -> WalkIn:
            return walk_in(service, checkpoint, print_requested=wanted, **values)

        def done(result: WalkIn) -> None:
            dialog.accept()
            self.back_to_desk()
            self.show_decision(result.decision, print_requested=result.print_badge)

        self._write(work).success(done).failure(
            lambda exc, _tb: dialog.show_error(str(exc), getattr(exc, "field", "")))

    def open_correct(self, attendee: Attendee) -> None:
        self.gate.require("correct", lambda _supervisor: self._open_correct(attendee))

    def _open_correct(self, attendee: Attendee) -> None:
        dialog = CorrectDialog(attendee, self)
        dialog.submitted.connect(lambda _values: self._save_correction(dialog))
        self.dialog = dialog
        dialog.open()

    def _save_correction(self, dialog: CorrectDialog) -> None:
        from checkin.services.registration import correct_attendee

        changes, ctx, a = dialog.changes(), self.ctx, dialog.attendee
        if not changes:
            dialog.accept()
            return

        def done(_updated: Attendee) -> None:
            dialog.accept()
            self.search.refresh()

        self._write(lambda _t: correct_attendee(ctx.engine, ctx.desk, a.id, a.version, **changes)).success(
            done).failure(lambda exc, _tb: dialog.show_error(str(exc), getattr(exc, "field", "")))

    def print_current(self) -> None:
        """Ctrl+P: the person selected in search, else the one on the result panel."""
        attendee = self.search.selected if self.stack.currentWidget() is self.search else None
        if attendee is None and self.result.decision is not None:
            attendee = self.result.decision.attendee
        if attendee is None:
            self.result.show_message("warn", self.tr("Whose badge?"),
                                     self.tr("Scan or search for the person first, then print the badge."))
            return
        self.badges.print_badge(attendee, ask_if_printed=True)


    # ------------------------------------------------------------------ volunteers and groups (issue 18)
    def _volunteer_roles(self) -> None:
        from checkin.ui.desk.volunteer_gate import VolunteerGate

        self.gate = VolunteerGate(self.ctx.event, self)
        self.gate.volunteer_changed.connect(self._volunteer_changed)
        self.badges.reprint_gate = lambda then: self.gate.require("reprint", then)
        self.recent.older_with_supervisor = self.gate.required
        self._confirmed_checkpoint: str | None = None

    def _volunteer_changed(self, volunteer: Any) -> None:
        """The signed-in volunteer is the operator of every scan from now on."""
        self.ctx.checkin.operator = volunteer.name if volunteer is not None else ""
        self.apply_settings()

    def _undo_needs_supervisor(self, scan: Scan) -> bool:
        minutes = self.ctx.settings.undo_minutes
        if not self.gate.required or self.ctx.clock() - scan.device_time <= timedelta(minutes=minutes):
            return False
        service = self.ctx.checkin

        def confirmed(supervisor: Any) -> None:
            who = supervisor.name if supervisor is not None else self.ctx.checkin.operator
            self._write(lambda _t: service.void(scan.id, None, f"undo at desk, confirmed by {who}")).success(
                self.show_decision).failure(self._undo_failed)

        self.gate.require("undo_old", confirmed)
        return True

    def _checkpoint_needs_supervisor(self, checkpoint: Checkpoint | None) -> bool:
        """Switching the checkpoint away from the current one may need a supervisor: the picker goes
        back to the current one until a supervisor's PIN confirms the new one."""
        previous = self.checkpoint
        if (previous is None or checkpoint is None or checkpoint.key == previous.key
                or checkpoint.key == self._confirmed_checkpoint or not self.gate.needs_supervisor("checkpoint")):
            self._confirmed_checkpoint = None
            return False
        self.picker.combo.blockSignals(True)
        self.picker.select_key(previous.key)
        self.picker.combo.blockSignals(False)

        def confirmed(_supervisor: Any) -> None:
            self._confirmed_checkpoint = checkpoint.key
            self.picker.select_key(checkpoint.key)

        self.gate.require("checkpoint", confirmed)
        return True

    def open_group(self) -> None:
        """F4: the group of the person selected in search, else of the one on the result panel."""
        from checkin.services.groups import GroupError, members_of

        attendee = self.search.selected if self.stack.currentWidget() is self.search else None
        if attendee is None and self.result.decision is not None:
            attendee = self.result.decision.attendee
        if attendee is None:
            self.result.show_message("warn", self.tr("Whose group?"),
                                     self.tr("Scan or search for one person of the group first."))
            return
        engine, checkpoint = self.ctx.engine, self.checkpoint
        person: Attendee = attendee

        def failed(exc: BaseException, _trace: str) -> None:
            if isinstance(exc, GroupError):
                self.result.show_message("warn", self.tr("No group"), str(exc))
            else:
                self._write_failed(exc, _trace)

        self._run(lambda _t: members_of(engine, person, checkpoint)).success(
            lambda found: self._show_group(person.group_code, found)).failure(failed)

    def _show_group(self, group: str, members: list[Any]) -> None:
        from checkin.ui.desk.group_dialog import GroupDialog

        dialog = GroupDialog(group, members, self)
        dialog.admit_requested.connect(self.admit_group)
        self.dialog = dialog  # type: ignore[assignment]
        dialog.open()

    def admit_group(self, people: list[Attendee], print_badges: bool = True) -> None:
        """Each chosen member through the check-in service: their own decision and scan."""
        from checkin.services.groups import admit_group

        checkpoint, service = self.checkpoint, self.ctx.checkin
        if checkpoint is None:
            self.handle_code("", Source.SEARCH)
            return
        ids = [p.id for p in people]
        self._write(lambda _t: admit_group(service, ids, checkpoint)).success(
            lambda decisions: self._group_admitted(decisions, print_badges)).failure(self._write_failed)
        self.show_camera_page()

    def _group_admitted(self, decisions: list[Decision], print_badges: bool) -> None:
        admitted = [d.attendee for d in decisions if d.admitted and d.attendee is not None]
        self.last_group_decisions = decisions
        names = ", ".join(a.full_name for a in admitted)
        state = "ok" if len(admitted) == len(decisions) else "warn"
        self.result.show_message(state, self.tr("{n} of {total} checked in").format(n=len(admitted),
                                                                                   total=len(decisions)), names)
        self.sounds.play("accepted" if admitted else "rejected")
        self.refresh_recent()
        self.refresh_counts()
        if print_badges and admitted:
            self.badges.print_batch(admitted)
        for decision in decisions:
            self.decision_shown.emit(decision)
        self.scans_changed.emit()


class _Guarded:
    """A task whose callbacks are dropped once the view is gone (closed, or rebuilt for a new
    language) instead of touching deleted widgets."""

    def __init__(self, task: Task[Any], view: DeskView) -> None:
        self.task = task
        self.view = view

    def _live(self, fn: Callable[..., Any]) -> Callable[..., None]:
        view = self.view

        def call(*args: Any) -> None:
            if shiboken6.isValid(view) and not view.closed:
                fn(*args)

        return call

    def success(self, fn: Callable[..., Any]) -> _Guarded:
        self.task.success(self._live(fn))
        return self

    def failure(self, fn: Callable[..., Any]) -> _Guarded:
        self.task.failure(self._live(fn))
        return self


def _printers() -> list[str]:
    try:
        from checkin.ui.printing import available_printers
    except ImportError:
        return []
    return available_printers()


def _list_cameras() -> list[str]:
    try:
        from checkin.scanner.sources import list_cameras
    except ImportError:
        return []
    return list_cameras(4)


def _hid_hint(code: str) -> str | None:
    try:
        from checkin.scanner.hid import explain_bad_input
    except ImportError:
        return None
    return explain_bad_input(code)
