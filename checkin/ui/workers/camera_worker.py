# SPDX-License-Identifier: MIT
"""Capture and decode on a worker thread; the GUI thread only paints the preview it is sent.

`CameraWorker.run()` loops on its own QThread: read the newest frame, decode it (at most every
`decode_interval_s`), debounce, and emit `code_scanned(text)`. The preview is converted to a small
QImage on the worker thread and sent at most `preview_fps` times a second, so a slow GUI never
makes decoding fall behind and decoding never stalls the GUI. QImage (unlike QPixmap) may be made
off the GUI thread.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtGui import QImage

PREVIEW_MAX_WIDTH = 640


class _Window:
    """Fallback debouncer used only when `checkin.scanner.debounce` is not installed."""

    def __init__(self, window_s: float) -> None:
        self.window_s = window_s
        self.seen: dict[str, float] = {}

    def accept(self, key: str) -> bool:
        now = time.monotonic()
        last = self.seen.get(key)
        self.seen[key] = now
        return last is None or now - last > self.window_s


def to_qimage(image: Any, mirror: bool = False, max_width: int = PREVIEW_MAX_WIDTH) -> QImage:
    """BGR or grey ndarray -> a detached QImage, downscaled for the preview (any thread)."""
    import cv2

    h, w = image.shape[:2]
    if w > max_width:
        image = cv2.resize(image, (max_width, int(h * max_width / w)), interpolation=cv2.INTER_AREA)
    if mirror:
        image = cv2.flip(image, 1)
    image = image.copy(order="C") if not image.flags["C_CONTIGUOUS"] else image
    h, w = image.shape[:2]
    if image.ndim == 2:
        qimg = QImage(image.data, w, h, image.strides[0], QImage.Format.Format_Grayscale8)
    else:
        qimg = QImage(image.data, w, h, image.strides[0], QImage.Format.Format_BGR888)
    return qimg.copy()  # own the pixels: the ndarray goes away after this call


class CameraWorker(QObject):
    frame_ready = Signal(QImage)
    code_scanned = Signal(str)
    camera_failed = Signal(str)
    camera_started = Signal(str)
    camera_stopped = Signal()

    def __init__(self, spec: str, *, decoder_name: str = "", mirror: bool = True, width: int = 1280,
                 height: int = 720, fps: float | None = 30.0, loop: bool = False, debounce_s: float = 3.0,
                 decode_interval_s: float = 0.0, preview_fps: float = 15.0) -> None:
        super().__init__()
        self.spec = spec
        self.decoder_name = decoder_name
        self.mirror = mirror
        self.size = (width, height)
        self.fps = fps
        self.loop = loop
        self.debounce_s = debounce_s
        self.decode_interval_s = decode_interval_s
        self.preview_interval_s = 1.0 / preview_fps if preview_fps else 0.0
        self._stop = threading.Event()
        self.decoder_label = ""
        self.frames = 0
        self.decodes = 0
        self.decode_ms_max = 0.0

    def stop(self) -> None:
        """Any thread: ask the loop to end after the current frame."""
        self._stop.set()

    def run(self) -> None:
        """Runs on the camera thread until stop(); never touches widgets."""
        try:
            from checkin.scanner.decode import make_decoder  # type: ignore[import-not-found,unused-ignore]
            from checkin.scanner.sources import EndOfStream, SourceError, open_source
        except ImportError as exc:
            self.camera_failed.emit(f"scanner modules not installed ({exc.name})")
            self.camera_stopped.emit()
            return
        try:
            decoder = make_decoder(self.decoder_name or None)
        except Exception as exc:  # no backend at all: say so, keep handheld and search working
            self.camera_failed.emit(f"no decoder installed: {exc}")
            self.camera_stopped.emit()
            return
        self.decoder_label = str(getattr(decoder, "name", "decoder"))
        debouncer: Any
        try:
            from checkin.scanner.debounce import Debouncer, dedupe_key  # type: ignore[import-not-found,unused-ignore]

            debouncer = Debouncer(self.debounce_s, time.monotonic)
        except ImportError:
            debouncer = _Window(self.debounce_s)

            def dedupe_key(text: str) -> str:
                return text.strip()

        try:
            source = open_source(self.spec, width=self.size[0], height=self.size[1], fps=self.fps, loop=self.loop)
        except (SourceError, OSError, ValueError) as exc:
            self.camera_failed.emit(str(exc))
            self.camera_stopped.emit()
            return
        self.camera_started.emit(f"{getattr(source, 'name', self.spec)} · {self.decoder_label}")
        last_preview = last_decode = 0.0
        try:
            while not self._stop.is_set():
                try:
                    frame = source.read()
                except EndOfStream:
                    break
                except SourceError as exc:
                    self.camera_failed.emit(str(exc))
                    break
                if frame is None:
                    time.sleep(0.003)
                    continue
                self.frames += 1
                now = time.monotonic()
                if now - last_preview >= self.preview_interval_s:
                    last_preview = now
                    self.frame_ready.emit(to_qimage(frame.image, self.mirror))
                if now - last_decode < self.decode_interval_s:
                    continue
                last_decode = now
                started = time.perf_counter()
                codes = decoder.decode(frame.image)
                self.decodes += 1
                self.decode_ms_max = max(self.decode_ms_max, (time.perf_counter() - started) * 1000)
                for code in codes:
                    text = code.text
                    if text and debouncer.accept(dedupe_key(text)):
                        self.code_scanned.emit(text)
        finally:
            source.close()
            self.camera_stopped.emit()


class CameraController(QObject):
    """Owns the worker and its QThread (GUI thread); restart with a new spec at any time."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.qthread: QThread | None = None
        self.worker: CameraWorker | None = None

    def start(self, worker: CameraWorker) -> CameraWorker:
        self.stop()
        thread = QThread()
        thread.setObjectName("camera")
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.camera_stopped.connect(thread.quit)
        self.qthread, self.worker = thread, worker
        thread.start()
        return worker

    def stop(self, wait_ms: int = 3000) -> None:
        if self.worker is not None:
            self.worker.stop()
        if self.qthread is not None:
            self.qthread.quit()
            self.qthread.wait(wait_ms)
        self.qthread = self.worker = None

    @property
    def running(self) -> bool:
        return self.qthread is not None and self.qthread.isRunning()
