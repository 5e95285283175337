# SPDX-License-Identifier: MIT
"""Desk settings: name, hub, camera, decoder, printer, language, sounds, auto-print; the password.

Saved through `checkin.config.update_settings` on the writer lane; `settings_changed` carries the
new DeskSettings so the main window can apply them (a language change rebuilds the views).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from checkin.app import AppContext
from checkin.config import DeskSettings, check_organiser_password, set_organiser_password
from checkin.domain.models import Desk
from checkin.domain.settings import ORGANISER_PASSWORD_MIN_LENGTH, password_problem
from checkin.services.desk_setup import save_desk_setup
from checkin.ui.organiser.common import failure_text, heading, message_label, show_message
from checkin.ui.tasks import TaskManager

DECODERS = ("", "zxing-cpp", "pyzbar", "opencv")


class SettingsPage(QWidget):
    settings_changed = Signal(object)

    def __init__(self, ctx: AppContext, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Settings of this desk"), self))
        columns = QHBoxLayout()
        layout.addLayout(columns, 1)

        desk_box = QGroupBox(self.tr("Desk"), self)
        form = QFormLayout(desk_box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # fits a 1024×600 screen
        self.desk_name = QLineEdit(desk_box)
        form.addRow(self.tr("Desk name:"), self.desk_name)
        self.hub_url = QLineEdit(desk_box)
        self.hub_url.setPlaceholderText(self.tr("empty: this desk works alone"))
        self.hub_qr = QPushButton(self.tr("Read QR image..."), desk_box)
        self.hub_qr.setToolTip(self.tr("The QR code of this desk's connection string from `checkin hub add-desk`; "
                                       "a handheld scanner can also scan it straight into the field"))
        self.hub_qr.clicked.connect(self.choose_hub_qr)
        hub_row = QHBoxLayout()
        hub_row.addWidget(self.hub_url, 1)
        hub_row.addWidget(self.hub_qr)
        form.addRow(self.tr("Venue database (hub):"), hub_row)
        self.language = QComboBox(desk_box)
        self.language.addItem(self.tr("As the system"), "")
        self.language.addItem("Polski", "pl")
        self.language.addItem("English", "en")
        form.addRow(self.tr("Language:"), self.language)
        self.sounds = QCheckBox(self.tr("Play a sound for each result"), desk_box)
        form.addRow("", self.sounds)
        self.auto_print = QCheckBox(self.tr("Print the badge automatically at check-in"), desk_box)
        form.addRow("", self.auto_print)
        columns.addWidget(desk_box, 1)

        device_box = QGroupBox(self.tr("Camera and printer"), self)
        dform = QFormLayout(device_box)
        dform.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        camera_row = QHBoxLayout()
        self.camera = QComboBox(device_box)
        self.camera.setEditable(True)
        self.camera.addItem(self.tr("No camera (handheld scanner and search)"), "")
        for index in range(3):
            self.camera.addItem(self.tr("Camera {n}").format(n=index), f"camera:{index}")
        self.find_cameras = QPushButton(self.tr("Find cameras"), device_box)
        self.find_cameras.clicked.connect(self._find_cameras)
        camera_row.addWidget(self.camera, 1)
        camera_row.addWidget(self.find_cameras)
        dform.addRow(self.tr("Camera:"), camera_row)
        self.mirror = QCheckBox(self.tr("Mirror the preview"), device_box)
        dform.addRow("", self.mirror)
        self.decoder = QComboBox(device_box)
        for name in DECODERS:
            self.decoder.addItem(name or self.tr("Best available"), name)
        dform.addRow(self.tr("QR decoder:"), self.decoder)
        self.printer = QComboBox(device_box)
        for combo in (self.camera, self.decoder, self.printer, self.language):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        dform.addRow(self.tr("Badge printer:"), self.printer)
        columns.addWidget(device_box, 1)

        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save settings"), self)
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.message = message_label(self)
        layout.addWidget(self.message)

        password_box = QGroupBox(self.tr("Organiser password"), self)
        pform = QFormLayout(password_box)
        self.old_password = QLineEdit(password_box)
        self.new_password = QLineEdit(password_box)
        self.repeat_password = QLineEdit(password_box)
        for edit in (self.old_password, self.new_password, self.repeat_password):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        pform.addRow(self.tr("Current password:"), self.old_password)
        pform.addRow(self.tr("New password:"), self.new_password)
        pform.addRow(self.tr("Repeat the new password:"), self.repeat_password)
        self.password_button = QPushButton(self.tr("Change password"), password_box)
        self.password_button.clicked.connect(self.change_password)
        pform.addRow("", self.password_button)
        self.password_message = message_label(password_box)
        pform.addRow(self.password_message)
        layout.addWidget(password_box)
        layout.addStretch(1)
        self._load(ctx.settings)

    def _load(self, s: DeskSettings) -> None:
        self.desk_name.setText(self.ctx.desk.name)
        self.hub_url.setText(s.hub_url)
        self.language.setCurrentIndex(max(0, self.language.findData(s.language)))
        self.sounds.setChecked(s.sounds)
        self.auto_print.setChecked(s.auto_print)
        index = self.camera.findData(s.camera)
        if index < 0:
            self.camera.addItem(s.camera, s.camera)
            index = self.camera.count() - 1
        self.camera.setCurrentIndex(index)
        self.mirror.setChecked(s.camera_mirror)
        self.decoder.setCurrentIndex(max(0, self.decoder.findData(s.decoder)))
        self.printer.clear()
        self.printer.addItem(self.tr("System default printer"), "")
        try:
            from checkin.ui.printing import available_printers

            printers = available_printers()
        except ImportError:
            printers = []
        for name in printers:
            self.printer.addItem(name, name)
        if s.printer and self.printer.findData(s.printer) < 0:
            self.printer.addItem(self.tr("{name} (not connected)").format(name=s.printer), s.printer)
        self.printer.setCurrentIndex(max(0, self.printer.findData(s.printer)))

    def values(self) -> dict[str, Any]:
        camera = self.camera.currentData() if self.camera.currentText() == self.camera.itemText(
            self.camera.currentIndex()) else self.camera.currentText().strip()
        return {"hub_url": self.hub_url.text().strip(), "language": self.language.currentData(),
                "sounds": self.sounds.isChecked(), "auto_print": self.auto_print.isChecked(),
                "camera": camera or "", "camera_mirror": self.mirror.isChecked(),
                "decoder": self.decoder.currentData(), "printer": self.printer.currentData()}

    @Slot()
    def choose_hub_qr(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("QR code of the hub connection"), "",
                                              self.tr("Images (*.png *.jpg *.jpeg)"))
        if path:
            self.read_hub_qr(Path(path))

    def read_hub_qr(self, path: Path) -> None:
        """Fill the hub field from a QR image (decoded on the pool); saving stays the volunteer's step."""
        from checkin.sync.desk_logins import read_qr_png

        (self.tasks.run(lambda _t: read_qr_png(path)).success(self.hub_url.setText)
         .failure(lambda exc, _tb: show_message(self.message, failure_text(exc), error=True)))

    @Slot()
    def save(self) -> None:
        name = self.desk_name.text().strip()
        if not name:
            show_message(self.message, self.tr("The desk needs a name other desks will see, e.g. \u201cDesk 2\u201d."),
                         error=True)
            return
        engine, values = self.ctx.engine, self.values()

        def write(_task: object) -> tuple[DeskSettings, Desk]:
            """Runs on the writer lane. A hub password goes to the OS keyring, never into the database."""
            return save_desk_setup(engine, name, **values)

        self.save_button.setEnabled(False)
        (self.tasks.run_write(write).success(self._saved)
         .failure(lambda exc, _tb: show_message(self.message, failure_text(exc), error=True))
         .finally_(lambda: self.save_button.setEnabled(True)))

    def _saved(self, result: tuple[DeskSettings, Desk]) -> None:
        settings, desk = result
        self.ctx.overrides.clear()  # settings chosen deliberately here end this run's one-off choices
        settings = self.ctx.use_settings(settings)
        self.ctx.desk = desk
        self.ctx.checkin.desk = desk
        show_message(self.message, self.tr("Settings saved."))
        self.settings_changed.emit(replace(settings))

    def _find_cameras(self) -> None:
        def probe(_task: object) -> list[str]:
            """Runs on a pool thread: opening cameras can take seconds."""
            from checkin.scanner.camera import list_cameras

            return list_cameras()

        self.find_cameras.setEnabled(False)
        (self.tasks.run(probe).success(self._cameras_found)
         .failure(lambda exc, _tb: show_message(self.message, failure_text(exc), error=True))
         .finally_(lambda: self.find_cameras.setEnabled(True)))

    def _cameras_found(self, specs: list[str]) -> None:
        for spec in specs:
            if self.camera.findData(spec) < 0:
                self.camera.addItem(spec, spec)
        show_message(self.message, self.tr("Cameras found: {list}").format(list=", ".join(specs))
                     if specs else self.tr("No camera found. The handheld scanner and search still work."),
                     error=not specs)

    @Slot()
    def change_password(self) -> None:
        old, new, repeat = self.old_password.text(), self.new_password.text(), self.repeat_password.text()
        if password_problem(new):
            show_message(self.password_message, self.tr("The new password needs at least {n} characters.")
                         .format(n=ORGANISER_PASSWORD_MIN_LENGTH), error=True)
            return
        if new != repeat:
            show_message(self.password_message, self.tr("The two new passwords are not the same."), error=True)
            return
        engine = self.ctx.engine

        def work(_task: object) -> bool:
            """Runs on a pool thread (scrypt)."""
            if not check_organiser_password(engine, old):
                return False
            set_organiser_password(engine, new)
            return True

        self.tasks.run_write(work).success(self._password_done).failure(
            lambda exc, _tb: show_message(self.password_message, failure_text(exc), error=True))

    def _password_done(self, ok: bool) -> None:
        for edit in (self.old_password, self.new_password, self.repeat_password):
            edit.clear()
        if ok:
            show_message(self.password_message, self.tr("The organiser password was changed."))
        else:
            show_message(self.password_message, self.tr("The current password is wrong; nothing was changed."),
                         error=True)
