# SPDX-License-Identifier: MIT
"""Camera preview in a framing box, the camera picker and the mirror switch.

The preview only paints QImages the camera worker already scaled on its thread. When there is no
camera (none found, unplugged, scanner modules missing) the box says so and points at the
handheld scanner and the search instead, so nobody waits on a black rectangle.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

NO_CAMERA = ""


class PreviewBox(QWidget):
    """Paints the latest frame, letterboxed, with a framing square to aim the code at."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(200, 120)
        self.image: QImage | None = None
        self.message = ""
        self.frames_painted = 0

    def set_image(self, image: QImage) -> None:
        self.image = image
        self.message = ""
        self.update()

    def set_message(self, text: str) -> None:
        self.image = None
        self.message = text
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("#1f2a35"))
        if self.image is not None and not self.image.isNull():
            scaled = self.image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
            x = (self.width() - scaled.width()) / 2
            y = (self.height() - scaled.height()) / 2
            p.drawImage(QRectF(x, y, scaled.width(), scaled.height()), self.image)
            self.frames_painted += 1
            side = min(scaled.width(), scaled.height()) * 0.62
            frame = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
            p.setPen(QPen(QColor(255, 255, 255, 210), 4))
            corner = side / 6
            for cx, cy, dx, dy in ((frame.left(), frame.top(), 1, 1), (frame.right(), frame.top(), -1, 1),
                                   (frame.left(), frame.bottom(), 1, -1), (frame.right(), frame.bottom(), -1, -1)):
                p.drawLine(int(cx), int(cy), int(cx + dx * corner), int(cy))
                p.drawLine(int(cx), int(cy), int(cx), int(cy + dy * corner))
        else:
            p.setPen(QColor("#dfe6ee"))
            font = p.font()
            font.setPointSize(15)
            p.setFont(font)
            p.drawText(self.rect().adjusted(24, 24, -24, -24),
                       int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), self.message)
        p.end()


class CameraView(QWidget):
    camera_chosen = Signal(str)  # spec, "" = no camera
    mirror_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = PreviewBox()
        self.picker = QComboBox()
        self.picker.setMinimumHeight(40)
        self.picker.setToolTip(self.tr("Camera used for scanning"))
        self.picker.setAccessibleName(self.tr("Camera used for scanning"))
        self.preview.setAccessibleName(self.tr("Camera preview"))
        self.mirror = QCheckBox(self.tr("Mirror"))
        self.mirror.setMinimumHeight(40)
        self.status = QLabel()
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Camera:")))
        row.addWidget(self.picker, 1)
        row.addWidget(self.mirror)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preview, 1)
        layout.addLayout(row)
        layout.addWidget(self.status)
        self.picker.activated.connect(lambda _i: self.camera_chosen.emit(str(self.picker.currentData())))
        self.mirror.toggled.connect(self.mirror_changed.emit)
        self.show_no_camera()

    def set_cameras(self, specs: list[str], current: str) -> None:
        self.picker.blockSignals(True)
        self.picker.clear()
        self.picker.addItem(self.tr("No camera (handheld scanner and search)"), NO_CAMERA)
        for spec in dict.fromkeys([*specs, *([current] if current else [])]):
            label = spec
            if spec.startswith("camera:"):
                label = self.tr("Camera {n}").format(n=spec.split(":", 1)[1])
            self.picker.addItem(label, spec)
        index = self.picker.findData(current)
        self.picker.setCurrentIndex(max(index, 0))
        self.picker.blockSignals(False)

    def show_no_camera(self, why: str = "") -> None:
        text = self.tr("No camera: use the handheld scanner or search (F2).")
        self.preview.set_message(f"{text}\n\n{why}" if why else text)
        self.status.setText("")  # the reason is in the preview box: once is enough

    def show_starting(self, spec: str) -> None:
        self.preview.set_message(self.tr("Starting the camera…"))
        self.status.setText(spec)

    def show_started(self, description: str) -> None:
        self.status.setText(self.tr("Scanning with {camera}").format(camera=description))
