# SPDX-License-Identifier: MIT
"""A webcam through `cv2.VideoCapture`, with reconnect after the cable is pulled.

Why a buffer of one frame: when decoding falls behind, a deeper driver queue hands out ever older
frames and the desk reacts to a ticket seconds after it was shown. With CAP_PROP_BUFFERSIZE=1 the
next `read()` returns (close to) the newest frame. Why reconnect instead of failing: USB webcams
drop out when a volunteer knocks the cable or a hub resets; the desk must come back on its own.
While reconnecting `read()` returns None (no frame yet) and retries with a growing pause, so a
missing camera costs no CPU.

Threading: all methods run on the camera worker thread; `read()` blocks for at most one frame
interval (the driver's wait for the next frame).
"""

from __future__ import annotations

import glob
import logging
import os
import re
import sys
import time
from collections.abc import Callable
from typing import Any

import cv2

from checkin.scanner.frames import Frame, SourceError

log = logging.getLogger(__name__)

CaptureFactory = Callable[..., Any]


class CameraSource:
    """A live camera by index (`0`) or device path (`/dev/video2`)."""

    def __init__(self, device: int | str, *, width: int | None = None, height: int | None = None,
                 fps: float | None = None, fourcc: str | None = "MJPG",
                 capture_factory: CaptureFactory | None = None, clock: Callable[[], float] = time.monotonic,
                 failures_before_reconnect: int = 5, backoff_initial_s: float = 0.5,
                 backoff_max_s: float = 5.0) -> None:
        self.device = device
        self.name = f"camera:{device}"
        self.width, self.height, self.fps, self.fourcc = width, height, fps, fourcc
        self._factory = capture_factory or _default_capture
        self.clock = clock
        self.failures_before_reconnect = failures_before_reconnect
        self.backoff_initial_s = backoff_initial_s
        self.backoff_max_s = backoff_max_s
        self._cap: Any = None
        self._failures = 0
        self._backoff = backoff_initial_s
        self._retry_at = 0.0
        self._index = 0
        self._opened = False
        self.reconnects = 0
        self.last_error = ""
        self.actual_size: tuple[int, int] | None = None

    # ------------------------------------------------------------------ public
    @property
    def status(self) -> str:
        """'streaming', 'reconnecting' or 'closed' (the GUI shows it next to the preview)."""
        if not self._opened:
            return "closed"
        return "streaming" if self._cap is not None else "reconnecting"

    def open(self) -> None:
        """Open the camera once; a camera that is not there at all is an error, not a retry loop."""
        cap = self._connect()
        if cap is None:
            raise SourceError(f"camera {self.device} could not be opened: {self.last_error}")
        self._cap = cap
        self._opened = True

    def read(self) -> Frame | None:
        """The newest frame, or None while waiting (transient loss never raises)."""
        if not self._opened:
            raise SourceError(f"{self.name} is not open")
        if self._cap is None:
            if self.clock() < self._retry_at:
                return None
            cap = self._connect()
            if cap is None:
                self._schedule_retry()
                return None
            self._cap = cap
            self.reconnects += 1
            self._backoff = self.backoff_initial_s
            log.info("camera %s is back (reconnect #%d)", self.device, self.reconnects)
        try:
            ok, image = self._cap.read()
        except cv2.error as exc:  # some backends raise instead of returning False on unplug
            ok, image = False, None
            self.last_error = str(exc)
        if ok and image is not None and image.size:
            self._failures = 0
            self._index += 1
            return Frame(image, self.clock(), self._index - 1)
        self._failures += 1
        if self._failures >= self.failures_before_reconnect:
            self.last_error = self.last_error or "the camera stopped delivering frames (unplugged?)"
            log.warning("camera %s lost: %s; reconnecting", self.device, self.last_error)
            self._release()
            self._schedule_retry()
        return None

    def close(self) -> None:
        self._release()
        self._opened = False

    # ------------------------------------------------------------------ internals
    def _schedule_retry(self) -> None:
        self._retry_at = self.clock() + self._backoff
        self._backoff = min(self._backoff * 2, self.backoff_max_s)

    def _release(self) -> None:
        if self._cap is not None:
            try:
                self._cap.release()
            finally:
                self._cap = None
                self._failures = 0

    def _connect(self) -> Any:
        try:
            cap = self._factory(self.device)
        except (cv2.error, OSError) as exc:
            self.last_error = str(exc)
            return None
        if not cap.isOpened():
            cap.release()
            self.last_error = _why_not_opened(self.device)
            return None
        cap.set(cv2.CAP_PROP_BUFFERSIZE, 1)
        if self.fourcc:
            cap.set(cv2.CAP_PROP_FOURCC, cv2.VideoWriter.fourcc(*self.fourcc))
        if self.width:
            cap.set(cv2.CAP_PROP_FRAME_WIDTH, self.width)
        if self.height:
            cap.set(cv2.CAP_PROP_FRAME_HEIGHT, self.height)
        if self.fps:
            cap.set(cv2.CAP_PROP_FPS, self.fps)
        self.actual_size = (int(cap.get(cv2.CAP_PROP_FRAME_WIDTH)), int(cap.get(cv2.CAP_PROP_FRAME_HEIGHT)))
        if self.width and self.height and self.actual_size != (self.width, self.height):
            log.info("camera %s gives %dx%d instead of %dx%d", self.device, *self.actual_size,
                     self.width, self.height)
        self.last_error = ""
        return cap


def _default_capture(device: int | str, fallback: bool = True) -> Any:
    """The first capture API that opens the camera, in the platform's order (checkin.platforms):
    DirectShow then Media Foundation on Windows, AVFoundation on macOS, V4L2 on Linux. Without
    `fallback` only the first is tried (probing for cameras must stay quick)."""
    from checkin.platforms import camera_apis, current

    cap: Any = None
    apis = camera_apis(current(), device)
    for name in apis if fallback else apis[:1]:
        api = getattr(cv2, f"CAP_{name}", None)
        if api is None:  # an OpenCV build without this backend
            continue
        if cap is not None:
            cap.release()
        cap = cv2.VideoCapture(device, api)
        if cap.isOpened():
            return cap
    return cap if cap is not None else cv2.VideoCapture(device)


def _why_not_opened(device: int | str) -> str:
    if sys.platform.startswith("linux"):
        path = f"/dev/video{device}" if isinstance(device, int) else device
        if not os.path.exists(path):
            return f"{path} does not exist (no camera connected, or the driver is not loaded)"
        if not os.access(path, os.R_OK | os.W_OK):
            return f"no permission to use {path} (add the user to the 'video' group)"
        return f"{path} is busy or not a capture device (is another program using the camera?)"
    return "no such camera, or it is in use by another program (close Zoom/Teams/the camera app)"


def list_cameras(max_index: int = 5) -> list[str]:
    """Specs (`camera:N`) of cameras that open. Cheap: on Linux only existing /dev/video nodes are
    tried, so a machine without a camera answers instantly instead of waiting on the driver."""
    found: list[str] = []
    if sys.platform.startswith("linux"):
        nodes = sorted(glob.glob("/dev/video*"), key=lambda p: int(re.sub(r"\D", "", p) or 0))
        candidates: list[int | str] = [int(re.sub(r"\D", "", p)) for p in nodes if re.fullmatch(r"/dev/video\d+", p)]
        candidates = [c for c in candidates if isinstance(c, int) and c < max_index]
    else:
        candidates = list(range(max_index))
    for device in candidates:
        try:
            cap = _default_capture(device, fallback=False)
            try:
                if cap.isOpened():
                    found.append(f"camera:{device}")
            finally:
                cap.release()
        except cv2.error:
            continue
    return found
