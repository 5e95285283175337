# SPDX-License-Identifier: MIT
"""The app shell: reception desk, coordinator dashboard and organiser tools as tabs.

The dashboard and organiser views are built by another part of the app and imported lazily: if
their modules are missing, a plain placeholder says so and the desk works regardless. The handheld
scanner filter is installed here, application-wide, so a scan lands on the desk from any tab.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from checkin import __version__
from checkin.app import AppContext
from checkin.config import update_settings
from checkin.domain.models import Checkpoint
from checkin.domain.results import Source
from checkin.ui.desk.desk_view import DeskView
from checkin.ui.desk.hid_filter import HidFilter
from checkin.ui.desk.status_bar import DeskStatusBar
from checkin.ui.i18n import LANGUAGES, Translations
from checkin.ui.refresh import DataChanged
from checkin.ui.sounds import SoundPlayer
from checkin.ui.tasks import TaskManager
from checkin.ui.workers.sync_bridge import SyncBridge

OTHER_VIEWS = (("checkin.ui.dashboard.view", "DashboardView"), ("checkin.ui.organiser.view", "OrganiserView"))


log = logging.getLogger("checkin.app")


class MainWindow(QMainWindow):
    language_changed = Signal(str)
    diagnostics_saved = Signal(str)  # the ZIP's path

    def __init__(self, ctx: AppContext, tasks: TaskManager, translations: Translations,
                 sounds: SoundPlayer | None = None, *, start_desk: bool = True) -> None:
        super().__init__()
        self.ctx = ctx
        self.tasks = tasks
        self.translations = translations
        self.language = translations.language
        self.sounds = sounds or SoundPlayer(ctx.settings.sounds)
        self.start_desk = start_desk
        self.resize(1366, 768)
        self.setMinimumSize(800, 560)
        self.desk_status = DeskStatusBar(self)
        self.setStatusBar(self.desk_status)
        self.data_changed = DataChanged(self)  # the one refresh path (checkin.ui.refresh)
        self.data_changed.changed.connect(self._refresh_views)
        self.sync = SyncBridge(ctx, tasks, self)
        self.sync.status_changed.connect(self.desk_status.show_sync)
        self.sync.status_changed.connect(self._log_sync)
        self._sync_mode = ""
        self.sync.changes_arrived.connect(self._remote_changes)
        self.hid = HidFilter(self)
        self.hid.code_scanned.connect(self._handheld_code)
        self.hid.install()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.pages = QStackedWidget()  # the tabs, or the door (door mode)
        self.pages.addWidget(self.tabs)
        self.rehearsal_banner = QLabel()  # shown while a rehearsal runs (issue 18)
        self.rehearsal_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.rehearsal_banner.setStyleSheet("background:#e07b00; color:white; font-weight:bold; padding:4px;")
        self.rehearsal_banner.hide()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.rehearsal_banner)
        column.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.desk: DeskView
        self.door: Any = None  # DoorView while in door mode
        self._desk_camera = ""
        self.other_views: list[QWidget] = []
        self._retired: list[QWidget] = []
        self._build()
        self.sync.start()

    # ------------------------------------------------------------------ building (and rebuilding)
    def _build(self) -> None:
        event = self.ctx.event()
        self.setWindowTitle(self.tr("Check-in — {event} — {desk}").format(event=event.name, desk=self.ctx.desk.name))
        self.desk_status.tz = event.tz
        self.desk = DeskView(self.ctx, self.tasks, self.sounds)
        self.tabs.addTab(self.desk, self.tr("Reception desk"))
        titles = (self.tr("Coordinator dashboard"), self.tr("Organiser tools"))
        self.other_views = []
        for (module, cls), title in zip(OTHER_VIEWS, titles, strict=True):
            view = self._load_view(module, cls)
            self.other_views.append(view)
            self.tabs.addTab(view, title)
        self.desk_status.show_sound(self.sounds.backend, self.ctx.settings.sounds)
        self._wire_views()
        self._menus()
        self.rehearsal_banner.setText(self.tr("REHEARSAL — check-ins, prints and walk-ins made now are removed "
                                              "when it ends"))
        self.refresh_rehearsal()
        if self.start_desk:
            QTimer.singleShot(0, self.desk.start)

    def _wire_views(self) -> None:
        """Keep the views in step through `data_changed`: a scan here moves the dashboard; organiser
        edits and sync reach the desk and the dashboard."""
        organiser = self._view("OrganiserView")
        self.desk.scans_changed.connect(lambda: self.data_changed.notify("scans"))
        dashboard = self._view("DashboardView")
        if dashboard is not None:
            # the dashboard shows the day the desk records, not the calendar's nearest event day
            self.desk.picker.checkpoint_changed.connect(
                lambda cp: dashboard.follow_day(cp.day if cp is not None else None))  # type: ignore[attr-defined]
        if organiser is not None:
            organiser.settings_changed.connect(self._settings_changed)  # type: ignore[attr-defined]
            organiser.event_changed.connect(lambda: self._event_data_changed("event"))  # type: ignore[attr-defined]
            organiser.data_wiped.connect(lambda: self._event_data_changed("wipe"))  # type: ignore[attr-defined]

    def _view(self, cls: str) -> QWidget | None:
        return next((v for v in self.other_views if type(v).__name__ == cls), None)

    def _remote_changes(self, kinds: set[str]) -> None:
        """GUI thread: the sync worker pulled other desks' scans, roster or event changes.

        Kinds are the hub's feed kinds; "event" covers days, sessions and keys. Only those are cached
        by the check-in service (attendees are read from the database on every scan).
        """
        if "event" in kinds:
            self._reload_service()
        self.data_changed.notify(*kinds)

    def _event_data_changed(self, kind: str) -> None:
        """GUI thread: the organiser loaded an event, edited sessions, imported, issued or wiped."""
        self._reload_service()
        self.data_changed.notify(kind)

    def _reload_service(self) -> None:
        """The check-in service caches the event and keys and is used by one thread at a time: it
        re-reads them on the writer lane, between scans (never on the GUI thread)."""
        service = self.ctx.checkin
        self.tasks.run_write(lambda _t: service.reload())

    def refresh_rehearsal(self) -> None:
        """Show or hide the REHEARSAL banner (read on the pool)."""
        from checkin.services.rehearsal import is_running

        engine, banner = self.ctx.engine, self.rehearsal_banner
        self.tasks.run(lambda _t: is_running(engine)).success(
            lambda running: banner.setVisible(running) if shiboken6.isValid(banner) else None)

    def _refresh_views(self, kinds: frozenset[str]) -> None:
        """GUI thread, once per burst of changes (see checkin.ui.refresh)."""
        if "rehearsal" in kinds:
            self.refresh_rehearsal()
        if kinds != {"scans"}:  # after its own scan the desk has refreshed itself already
            self.desk.refresh_recent()
            self.desk.refresh_counts()
        if self.door is not None and kinds != {"door"}:  # likewise the door after its own scan
            self.door.refresh()
        dashboard = self._view("DashboardView")
        if dashboard is not None:
            dashboard.refresh()  # type: ignore[attr-defined]

    def _settings_changed(self, settings: object) -> None:
        """A new hub (or none) takes effect at once: restart the sync worker."""
        hub = getattr(settings, "hub_url", "")
        if hub != getattr(self.sync, "hub_in_use", None):
            self.sync.stop()
            self.sync.start()

    def _load_view(self, module: str, cls: str) -> QWidget:
        try:
            factory: Callable[..., QWidget] = getattr(importlib.import_module(module), cls)
        except (ImportError, AttributeError) as exc:
            label = QLabel(self.tr("This part of the app is not installed yet ({what}).").format(what=exc))
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            return label
        return factory(self.ctx, self.tasks)

    def _menus(self) -> None:
        bar = self.menuBar()
        bar.clear()
        view = bar.addMenu(self.tr("&View"))
        self.fullscreen_action = QAction(self.tr("Full screen"), self)
        self.fullscreen_action.setShortcut(QKeySequence(Qt.Key.Key_F11))
        self.fullscreen_action.setCheckable(True)
        self.fullscreen_action.setChecked(self.isFullScreen())
        self.fullscreen_action.toggled.connect(self.set_fullscreen)
        view.addAction(self.fullscreen_action)
        sync_now = QAction(self.tr("Sync now"), self)
        sync_now.triggered.connect(self.sync.sync_now)
        view.addAction(sync_now)
        if self.desk.gate.required:  # volunteer roles (issue 18): the next volunteer signs in
            self.sign_out_action = QAction(self.tr("Sign out"), self)
            self.sign_out_action.triggered.connect(self.desk.gate.sign_out)
            view.addAction(self.sign_out_action)
        door = QAction(self.tr("Door mode…"), self)
        door.triggered.connect(self.open_door_dialog)
        view.addAction(door)
        lang = bar.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        for code, name in LANGUAGES.items():
            action = QAction(name, self)
            action.setCheckable(True)
            action.setChecked(code == self.language)
            action.triggered.connect(lambda _c=False, code=code: self.switch_language(code))
            group.addAction(action)
            lang.addAction(action)
        help_menu = bar.addMenu(self.tr("&Help"))
        shortcuts = QAction(self.tr("Keyboard shortcuts"), self)
        shortcuts.triggered.connect(self.show_shortcuts)
        help_menu.addAction(shortcuts)
        diagnostics = QAction(self.tr("Save diagnostics…"), self)
        diagnostics.triggered.connect(lambda _c=False: self.save_diagnostics())
        help_menu.addAction(diagnostics)
        about = QAction(self.tr("About"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def set_fullscreen(self, on: bool) -> None:
        if on:
            self.showFullScreen()
        else:
            self.showNormal()

    def switch_language(self, code: str) -> None:
        """Store the choice, install the catalogues and rebuild the views in the new language."""
        if code == self.language:
            return
        engine = self.ctx.engine
        self.tasks.run_write(lambda _t: update_settings(engine, language=code)).success(
            lambda s: setattr(self.ctx, "settings", s))
        self.language = self.translations.install(code)
        self.desk.shutdown()
        current = self.tabs.currentIndex()
        # old views may still have answers on their way from the task lanes: keep them alive (hidden)
        # until those have landed, then delete them
        retired: list[QWidget] = []
        while self.tabs.count():
            widget = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if widget is not None:
                widget.hide()
                retired.append(widget)
        self._retired.extend(retired)
        QTimer.singleShot(10_000, self, lambda: self._delete_retired(retired))
        self._build()
        self.tabs.setCurrentIndex(current)
        self.sync.refresh()
        self.language_changed.emit(self.language)

    def _delete_retired(self, widgets: list[QWidget]) -> None:
        self.tasks.wait(5000)
        for widget in widgets:
            if widget in self._retired:
                self._retired.remove(widget)
                widget.deleteLater()

    # ------------------------------------------------------------------ handheld scanner
    def _handheld_code(self, code: str) -> None:
        if self.door is not None:
            self.door.handle_code(code, Source.HANDHELD)
            return
        if self.tabs.currentWidget() is not self.desk:
            self.tabs.setCurrentWidget(self.desk)
        self.desk.handle_code(code, Source.HANDHELD)

    # ------------------------------------------------------------------ door mode
    def open_door_dialog(self, unlock: bool = False) -> None:
        """View → Door mode… (or the door's own "Change door…", which asks for the organiser password)."""
        from checkin.services.desk_queries import checkpoint_choices
        from checkin.ui.door.door_dialogs import DoorDialog

        engine, now = self.ctx.engine, self.ctx.clock()

        def show(choices: Any) -> None:
            current = self.door.checkpoint if self.door is not None else self.desk.checkpoint
            auto = self.door.auto if self.door is not None else self.ctx.settings.door_auto_direction
            dialog = DoorDialog(self.ctx, self.tasks, choices, current, unlock=unlock, auto=auto, parent=self)
            dialog.chosen.connect(self.enter_door_mode)
            dialog.leave_requested.connect(self.leave_door_mode)
            self.door_dialog = dialog
            dialog.open()

        self.tasks.run(lambda _t: checkpoint_choices(engine, now)).success(show)

    def enter_door_mode(self, checkpoint: Checkpoint, auto: bool = False, fullscreen: bool = True) -> Any:
        """Replace the tabs by the door for `checkpoint`; the desk's camera moves to the door."""
        from checkin.ui.door.door_view import DoorView

        if self.door is not None:
            self._close_door()
        else:
            self._desk_camera = self.desk.active_camera
            self.desk.camera.stop()
            self.desk.active_camera = ""  # a desk start-up still queued must not open the camera again
        door = DoorView(self.ctx, self.tasks, checkpoint, self.sounds, auto_direction=auto)
        door.camera_loop = self.desk.camera_loop
        door.unlock_requested.connect(lambda: self.open_door_dialog(unlock=True))
        door.scans_changed.connect(lambda: self.data_changed.notify("door"))
        self.door = door
        self.pages.addWidget(door)
        self.pages.setCurrentWidget(door)
        self.menuBar().hide()
        self.setMinimumSize(800, 480)
        if fullscreen:
            self.showFullScreen()
        door.setFocus()
        door.refresh()
        spec = self._desk_camera
        QTimer.singleShot(0, lambda: door.start_camera(spec) if not door.closed else None)
        return door

    def _close_door(self) -> None:
        door, self.door = self.door, None
        if door is None:
            return
        door.shutdown()
        self.pages.removeWidget(door)
        door.hide()
        self._retired.append(door)
        QTimer.singleShot(10_000, self, lambda: self._delete_retired([door]))

    def leave_door_mode(self) -> None:
        if self.door is None:
            return
        self._close_door()
        self.pages.setCurrentWidget(self.tabs)
        self.menuBar().show()
        self.setMinimumSize(1024, 640)
        self.desk.start_camera(self._desk_camera)

    # ------------------------------------------------------------------ help
    def show_shortcuts(self) -> None:
        QMessageBox.information(self, self.tr("Keyboard shortcuts"), self.tr(
            "F2 — search by name\nF3 — register a walk-in\nF5 — choose the checkpoint\n"
            "Ctrl+Z — undo the last check-in\nCtrl+P — print the badge\nEsc — clear the result / back to camera\n"
            "F11 — full screen\n\nThe handheld scanner works wherever the cursor is."))

    def show_about(self) -> None:
        missing = ", ".join(self.translations.missing)
        text = self.tr("checkin {version}\nDatabase: {db}\nSound: {sound}").format(
            version=__version__, db=self.ctx.db_url, sound=self.sounds.backend)
        if missing:
            text += "\n" + self.tr("Missing translations: {files}").format(files=missing)
        QMessageBox.about(self, self.tr("About checkin"), text)

    # ------------------------------------------------------------------ diagnostics
    def _log_sync(self, view: object) -> None:
        """Sync state changes (online, offline, local) go to the desk's log; repeats of one state do not."""
        mode = str(getattr(view, "mode", ""))
        if mode != self._sync_mode:
            self._sync_mode = mode
            error = str(getattr(view, "last_error", "") or "")
            log.info("sync state %s, %s waiting to send%s", mode, getattr(view, "pending", "?"),
                     f" ({error})" if error else "")

    def save_diagnostics(self, path: str | None = None) -> None:
        """Help → Save diagnostics: a ZIP for the IT volunteer (logs, versions, settings, sync status)."""
        from pathlib import Path

        if path is None:
            stamp = self.ctx.clock().strftime("%Y%m%d-%H%M")
            dialog = QFileDialog(self, self.tr("Save diagnostics"),
                                 str(Path.home() / f"checkin-diagnostics-{stamp}.zip"), "ZIP (*.zip)")
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dialog.fileSelected.connect(self.save_diagnostics)
            self.diagnostics_dialog = dialog
            dialog.open()
            return
        from checkin.diagnostics import write_diagnostics

        ctx, out = self.ctx, Path(path)
        self.tasks.run(lambda _t: write_diagnostics(out, ctx.engine, ctx.desk.id, ctx.desk.name)).success(
            self._diagnostics_saved).failure(self._diagnostics_failed)

    def _diagnostics_saved(self, path: object) -> None:
        self.diagnostics_saved.emit(str(path))
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Diagnostics saved"),
                          self.tr("Saved {path}. Give this file to the IT volunteer; it holds no names of "
                                  "attendees and no passwords.").format(path=path), QMessageBox.StandardButton.Ok,
                          self)
        self.diagnostics_box = box
        box.open()

    def _diagnostics_failed(self, exc: BaseException, trace: str) -> None:
        log.error("diagnostics not saved: %s\n%s", exc, trace)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Diagnostics not saved"), str(exc),
                          QMessageBox.StandardButton.Ok, self)
        self.diagnostics_box = box
        box.open()

    # ------------------------------------------------------------------ shutdown
    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        self.hid.uninstall()
        if self.door is not None:
            self.door.shutdown()
        self.desk.shutdown()
        self.sync.stop()
        self.tasks.cancel_all()
        self.tasks.wait(5000)
