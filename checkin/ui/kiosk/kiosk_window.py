# SPDX-License-Identifier: MIT
"""The self check-in kiosk window: full screen, no tabs or menus, one guest at a time.

A code from the camera or the handheld scanner (or a typed surname + booking code, when the event
allows) goes through the same check-in service as at the desk, with source `kiosk`. The guest sees
a big welcome with their own name and their badge prints, or — whatever went wrong — "please go to
the desk" in Polish and English, which reveals nothing about anyone. After `idle_seconds` the
screen returns to the welcome page by itself. Only the organiser password closes the window
(the small "Staff" button or Ctrl+Alt+Q).

Work runs on the app's task lanes (the check-in on the writer lane, printing on the pool); the
window only shows results. It keeps syncing with the hub like any desk, so a rehearsal started by
the organiser shows its banner here too.
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from checkin.app import AppContext
from checkin.config import check_organiser_password
from checkin.domain.models import Checkpoint
from checkin.services import kiosk as kiosk_service
from checkin.services.kiosk import KioskOutcome
from checkin.ui.desk.badge_actions import BadgeActions
from checkin.ui.desk.hid_filter import HidFilter
from checkin.ui.kiosk.pages import ExitDialog, OutcomePage, WelcomePage, scale_fonts
from checkin.ui.kiosk.wording import both, phrase
from checkin.ui.sounds import SoundPlayer
from checkin.ui.tasks import TaskManager
from checkin.ui.workers.camera_worker import CameraController, CameraWorker
from checkin.ui.workers.sync_bridge import SyncBridge

MAX_TYPED_FAILURES = 5
TYPED_REST_SECONDS = 60.0


class KioskWindow(QWidget):
    outcome_shown = Signal(object)  # KioskOutcome, once the screen shows it
    returned_to_welcome = Signal()
    badge_printed = Signal(object)  # PrintRecord

    def __init__(self, ctx: AppContext, tasks: TaskManager, language: str = "pl", *,
                 sounds: SoundPlayer | None = None, start: bool = True) -> None:
        super().__init__()
        self.ctx = ctx
        self.tasks = tasks
        self.language = language if language in ("pl", "en") else "pl"
        self.event_info = ctx.event()
        self.sounds = sounds or SoundPlayer(ctx.settings.sounds)
        self.idle_seconds = float(ctx.settings.kiosk_idle_seconds)
        self.checkpoint: Checkpoint | None = None
        self.busy = False
        self.typed_failures = 0  # in a row: after MAX_TYPED_FAILURES the typed look-up rests a while
        self.unlocked = False
        self.closed = False
        self.exit_dialog: ExitDialog | None = None
        self.camera = CameraController(self)
        self.setWindowTitle(self.event_info.name)
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        self._font_factor = 1.0
        self._build()
        self.badges = BadgeActions(ctx, tasks, self)
        self.badges.message.connect(self._badge_message)
        self.badges.printed.connect(self.badge_printed.emit)
        self.badges.print_failed.connect(lambda _attendee, _why: self.outcome.show_collect_badge(self.language))
        self.hid = HidFilter(self)
        self.hid.code_scanned.connect(self.handle_code)
        self.hid.install()
        self.sync = SyncBridge(ctx, tasks, self)
        self.sync.changes_arrived.connect(self._remote_changes)
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.timeout.connect(self.show_welcome)
        for keys in ("Ctrl+Alt+Q", "Ctrl+Shift+Q"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(self.ask_to_leave)
        if start:
            QTimer.singleShot(0, self.start)

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.setObjectName("kiosk")
        self.setStyleSheet("#kiosk { background:#f7f9fb; }")
        self.banner = QLabel("   ·   ".join(both("rehearsal", self.language)))
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setStyleSheet("background:#e07b00; color:white; font-weight:bold; font-size:20pt; padding:6px;")
        self.banner.hide()
        header = QFrame()
        header.setObjectName("kioskHeader")
        header.setStyleSheet("#kioskHeader { background:#24384d; } #kioskHeader QLabel { color:#f4f7fa; }")
        self.event_label = QLabel(self.event_info.name)
        self.event_label.setProperty("base_pt", 18)
        f = self.event_label.font()
        f.setPointSize(18)
        f.setBold(True)
        self.event_label.setFont(f)
        self.event_label.setWordWrap(True)
        hl = QHBoxLayout(header)
        hl.setContentsMargins(28, 14, 28, 14)
        hl.addWidget(self.event_label, 1)

        lookup = kiosk_service.lookup_methods(self.event_info)
        self.welcome = WelcomePage(self.language, lookup, bool(self.ctx.settings.camera))
        self.welcome.typed_submitted.connect(self.handle_typed)
        self.outcome = OutcomePage()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.outcome)

        self.staff_button = QPushButton(" / ".join((phrase("staff", self.language),
                                                    phrase("staff", "en" if self.language == "pl" else "pl"))))
        self.staff_button.setFlat(True)
        self.staff_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.staff_button.setStyleSheet("color:#8a99a8;")
        self.staff_button.clicked.connect(self.ask_to_leave)
        footer = QHBoxLayout()
        footer.setContentsMargins(20, 0, 12, 6)
        footer.addStretch(1)
        footer.addWidget(self.staff_button)

        body = QVBoxLayout()
        body.setContentsMargins(28, 20, 28, 8)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(header)
        layout.addLayout(body, 1)
        layout.addLayout(footer)

    def resizeEvent(self, event: QResizeEvent) -> None:
        factor = max(1.0, min(self.width() / 1366, self.height() / 768))
        if abs(factor - self._font_factor) > 0.02:
            self._font_factor = factor
            scale_fonts(self, factor)
            if self.welcome.preview is not None:
                self.welcome.preview.setMinimumSize(round(440 * factor), round(330 * factor))
                self.welcome.preview.setMaximumSize(round(760 * factor), round(570 * factor))
        super().resizeEvent(event)

    # ------------------------------------------------------------------ start-up
    def start(self) -> None:
        """Choose today's entrance, look for a running rehearsal, start the camera and sync."""
        from checkin.services import desk_queries as q

        engine, clock = self.ctx.engine, self.ctx.clock
        def entrance(_t: Any) -> Checkpoint | None:
            """Pool thread: today's entrance (a kiosk admits to the day, not to a session); none on
            a day that is not an event day."""
            choices = q.checkpoint_choices(engine, clock())
            return Checkpoint(choices.today) if choices.today_is_event_day else None

        self.tasks.run(entrance).success(self._guarded(self._set_checkpoint))
        self.refresh_rehearsal()
        self.sync.start()
        spec = self.ctx.settings.camera
        if spec and self.welcome.preview is not None:
            s = self.ctx.settings
            worker = CameraWorker(spec, decoder_name=s.decoder, mirror=s.camera_mirror, width=s.camera_width,
                                  height=s.camera_height, loop=True, debounce_s=s.debounce_seconds)
            worker.frame_ready.connect(self.welcome.preview.set_image)
            worker.code_scanned.connect(self._camera_code)
            worker.camera_failed.connect(self.welcome.preview.set_message)
            self.camera.start(worker)

    def _set_checkpoint(self, checkpoint: Checkpoint | None) -> None:
        self.checkpoint = checkpoint

    def _camera_code(self, code: str) -> None:
        self.handle_code(code)

    def refresh_rehearsal(self) -> None:
        from checkin.services.rehearsal import is_running

        engine = self.ctx.engine
        self.tasks.run(lambda _t: is_running(engine)).success(self._guarded(self.banner.setVisible))

    def _remote_changes(self, kinds: Any) -> None:
        kinds = set(kinds or ())
        if "event" in kinds:
            service = self.ctx.checkin
            self.tasks.run_write(lambda _t: service.reload())
        if "rehearsal" in kinds:
            self.refresh_rehearsal()

    # ------------------------------------------------------------------ guests
    def handle_code(self, code: str) -> None:
        """GUI thread: a code from the camera or the handheld scanner."""
        if self.busy or self.closed:
            return
        checkpoint = self.checkpoint
        if checkpoint is None:  # not an event day, or not loaded yet: the desk sorts it out
            self.show_outcome(KioskOutcome(False))
            return
        service = self.ctx.checkin
        self._begin()
        self.tasks.run_write(lambda _t: kiosk_service.check_in_code(service, code, checkpoint)).success(
            self._guarded(self.show_outcome)).failure(self._guarded(self._failed))

    def handle_typed(self, surname: str, secret: str) -> None:
        if self.busy or self.closed:
            return
        checkpoint, service, event = self.checkpoint, self.ctx.checkin, self.event_info
        if checkpoint is None:
            self.show_outcome(KioskOutcome(False))
            return
        self._begin()
        self.tasks.run_write(lambda _t: kiosk_service.check_in_typed(service, event, surname, secret, checkpoint)
                             ).success(self._guarded(self._typed_outcome)).failure(self._guarded(self._failed))

    def _typed_outcome(self, outcome: KioskOutcome) -> None:
        """Guessing someone's booking code by trying: after a few misses in a row the form rests."""
        self.typed_failures = 0 if outcome.welcome else self.typed_failures + 1
        if self.typed_failures >= MAX_TYPED_FAILURES and self.welcome.form is not None:
            self.welcome.form.setEnabled(False)
            QTimer.singleShot(int(TYPED_REST_SECONDS * 1000), self._typed_rested)
        self.show_outcome(outcome)

    def _typed_rested(self) -> None:
        if shiboken6.isValid(self) and self.welcome.form is not None:
            self.typed_failures = 0
            self.welcome.form.setEnabled(True)

    def _begin(self) -> None:
        self.busy = True
        self.outcome.show_wait(self.language)
        self.stack.setCurrentWidget(self.outcome)

    def _failed(self, _exc: BaseException, _trace: str) -> None:
        self.show_outcome(KioskOutcome(False))

    def show_outcome(self, outcome: KioskOutcome) -> None:
        self.busy = False
        self.welcome.clear()
        if outcome.welcome and outcome.decision is not None and outcome.decision.attendee is not None:
            self.outcome.show_welcome(self.language, outcome.first_name, outcome.full_name)
            self.sounds.play("accepted")
            self._print(outcome)
        else:
            self.outcome.show_go_to_desk(self.language)
            self.sounds.play("rejected")
        self.stack.setCurrentWidget(self.outcome)
        self.idle.start(int(self.idle_seconds * 1000))
        self.outcome_shown.emit(outcome)

    def _print(self, outcome: KioskOutcome) -> None:
        """The kiosk always prints at a first check-in (unless a copy exists already)."""
        from checkin.badges.log import should_auto_print

        assert outcome.decision is not None and outcome.decision.attendee is not None
        attendee, engine = outcome.decision.attendee, self.ctx.engine
        self.tasks.run(lambda _t: should_auto_print(engine, attendee.id, True)).success(
            self._guarded(lambda yes: self.badges.print_badge(attendee, ask_if_printed=False) if yes
                          else self.outcome.show_collect_badge(self.language)))

    def _badge_message(self, state: str, _head: str, _detail: str) -> None:
        if state == "error" or state == "warn":
            self.outcome.show_collect_badge(self.language)

    def show_welcome(self) -> None:
        self.idle.stop()
        self.busy = False
        self.welcome.clear()
        self.stack.setCurrentWidget(self.welcome)
        self.returned_to_welcome.emit()

    # ------------------------------------------------------------------ leaving
    def ask_to_leave(self) -> None:
        dialog = ExitDialog(self.language, self)
        dialog.password_entered.connect(lambda pw: self._check_password(dialog, pw))
        self.exit_dialog = dialog
        self.hid.enabled = False  # the password is typed, not scanned
        dialog.finished.connect(lambda _code: setattr(self.hid, "enabled", True))
        dialog.open()

    def _check_password(self, dialog: ExitDialog, password: str) -> None:
        if check_organiser_password(self.ctx.engine, password):
            self.unlocked = True
            dialog.accept()
            self.close()
        else:
            dialog.refuse()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.unlocked:  # Alt+F4 and the like: the kiosk stays
            event.ignore()
            return
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        if self.closed:
            return
        self.closed = True
        self.idle.stop()
        self.hid.uninstall()
        self.camera.stop()
        self.sync.stop()

    def _guarded(self, fn: Any) -> Any:
        """Callbacks from the task lanes are dropped once the window is gone."""

        def call(*args: Any) -> None:
            if shiboken6.isValid(self) and not self.closed:
                fn(*args)

        return call
