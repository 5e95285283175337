# SPDX-License-Identifier: MIT
"""Capture and decode on a worker thread; the GUI thread only paints the preview it is sent.

`CameraWorker.run()` loops on its own QThread through the one scan path for frames,
`checkin.scanner.pipeline` (`build_pipeline` + `run_source`, as `checkin scan --camera` and the
self-test use it): grey conversion, the desk's region of interest, per-frame de-duplication and the
sliding debounce window; each new code is emitted as `code_scanned(text)`. Decoding happens at most
every `decode_interval_s`. The preview is converted to a small QImage on the worker thread and
sent at most `preview_fps` times a second, so a slow GUI never makes decoding fall behind and
decoding never stalls the GUI. QImage (unlike QPixmap) may be made off the GUI thread.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtGui import QImage

PREVIEW_MAX_WIDTH = 640


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
                 decode_interval_s: float = 0.0, preview_fps: float = 15.0, roi: str = "") -> None:
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
        self.roi = roi  # "X,Y,W,H" in pixels of the full frame, "" = all of it
        self._stop = threading.Event()
        self.decoder_label = ""
        self.pipeline: Any = None  # the ScanPipeline, once running (its counters are the worker's)
        self.frames = 0  # frames read (decoded or not)

    @property
    def decodes(self) -> int:
        return int(self.pipeline.frames) if self.pipeline is not None else 0

    @property
    def decode_ms_max(self) -> float:
        return float(self.pipeline.decode_ms_max) if self.pipeline is not None else 0.0

    def stop(self) -> None:
        """Any thread: ask the loop to end after the current frame."""
        self._stop.set()

    def run(self) -> None:
        """Runs on the camera thread until stop(); never touches widgets."""
        try:
            from checkin.scanner.pipeline import build_pipeline, parse_roi, run_source
            from checkin.scanner.sources import SourceError, open_source
        except ImportError as exc:
            self.camera_failed.emit(f"scanner modules not installed ({exc.name})")
            self.camera_stopped.emit()
            return
        try:
            pipeline = build_pipeline(self.decoder_name, self.debounce_s, parse_roi(self.roi))
        except ValueError as exc:  # a region typed wrongly in the settings: say which, use no camera
            self.camera_failed.emit(f"camera region: {exc}")
            self.camera_stopped.emit()
            return
        except Exception as exc:  # no backend at all: say so, keep handheld and search working
            self.camera_failed.emit(f"no decoder installed: {exc}")
            self.camera_stopped.emit()
            return
        self.pipeline = pipeline
        self.decoder_label = str(getattr(pipeline.decoder, "name", "decoder"))
        try:
            source = open_source(self.spec, width=self.size[0], height=self.size[1], fps=self.fps, loop=self.loop)
        except (SourceError, OSError, ValueError) as exc:
            self.camera_failed.emit(str(exc))
            self.camera_stopped.emit()
            return
        self.camera_started.emit(f"{getattr(source, 'name', self.spec)} · {self.decoder_label}")
        last_preview = 0.0

        def preview(frame: Any) -> None:
            nonlocal last_preview
            self.frames += 1
            now = time.monotonic()
            if now - last_preview >= self.preview_interval_s:
                last_preview = now
                self.frame_ready.emit(to_qimage(frame.image, self.mirror))

        def found(event: Any) -> None:
            self.code_scanned.emit(event.text)

        try:
            run_source(source, pipeline, found, should_stop=self._stop.is_set, idle_sleep_s=0.003,
                       on_frame=preview, min_decode_interval_s=self.decode_interval_s)
        except SourceError as exc:
            self.camera_failed.emit(str(exc))
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
