# SPDX-License-Identifier: MIT
"""Frame sources: a webcam, one image, a folder of images, a video file — one interface for all.

The desk app's camera worker, `checkin scan` and the tests all use `open_source(spec)`, so the
tests exercise the same code path as a desk (only the camera itself is replaced, by a folder).

Threading: a source is used from one thread (the camera worker thread); `read()` may block for
up to one frame interval on a camera, never longer.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from checkin.scanner.camera import CameraSource, list_cameras
from checkin.scanner.frames import EndOfStream, Frame, FrameSource, SourceError

log = logging.getLogger(__name__)

IMAGE_EXTENSIONS = frozenset({".png", ".jpg", ".jpeg", ".bmp", ".webp", ".tif", ".tiff", ".pgm", ".ppm"})
VIDEO_EXTENSIONS = frozenset({".mp4", ".avi", ".mkv", ".mov", ".webm", ".m4v", ".mjpeg", ".mjpg", ".wmv"})


def read_image(path: Path) -> np.ndarray:
    """Load an image as BGR; works with non-ASCII paths (cv2.imread does not on Windows)."""
    try:
        data = np.fromfile(str(path), dtype=np.uint8)
    except OSError as exc:
        raise SourceError(f"image {path} could not be read: {exc.strerror or exc}") from exc
    image = cv2.imdecode(data, cv2.IMREAD_COLOR) if data.size else None
    if image is None:
        raise SourceError(f"image {path} could not be read: not an image or an unsupported format")
    return image


class _Pacer:
    """Hands out frames no faster than `fps` (None: as fast as asked), like a real camera would."""

    def __init__(self, fps: float | None, clock: Callable[[], float]) -> None:
        self.interval = 1.0 / fps if fps else 0.0
        self.clock = clock
        self.next_due = 0.0

    def ready(self) -> bool:
        if not self.interval:
            return True
        now = self.clock()
        if now < self.next_due:
            return False
        self.next_due = max(self.next_due + self.interval, now) if self.next_due else now + self.interval
        return True


class ImageSource:
    """One image file: one frame (repeated forever with loop=True)."""

    def __init__(self, path: Path, *, fps: float | None = None, loop: bool = False,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.path = Path(path)
        self.name = f"image:{self.path}"
        self.loop = loop
        self.clock = clock
        self._pacer = _Pacer(fps, clock)
        self._image: np.ndarray | None = None
        self._index = 0

    def open(self) -> None:
        self._image = read_image(self.path)
        self._index = 0

    def read(self) -> Frame | None:
        if self._image is None:
            raise SourceError(f"{self.name} is not open")
        if self._index >= 1 and not self.loop:
            raise EndOfStream(self.name)
        if not self._pacer.ready():
            return None
        self._index += 1
        return Frame(self._image, self.clock(), self._index - 1)

    def close(self) -> None:
        self._image = None


class FolderSource:
    """Images of a folder in sorted name order: a stand-in camera for demos and tests."""

    def __init__(self, folder: Path, *, fps: float | None = None, loop: bool = False,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.folder = Path(folder)
        self.name = f"folder:{self.folder}"
        self.loop = loop
        self.clock = clock
        self._pacer = _Pacer(fps, clock)
        self._files: list[Path] = []
        self._pos = 0
        self._index = 0
        self.skipped: list[str] = []  # files that could not be read, with the reason

    def open(self) -> None:
        if not self.folder.is_dir():
            raise SourceError(f"folder {self.folder} does not exist")
        self._files = sorted(p for p in self.folder.iterdir()
                             if p.suffix.lower() in IMAGE_EXTENSIONS and p.is_file())
        if not self._files:
            raise SourceError(f"folder {self.folder} has no images ({', '.join(sorted(IMAGE_EXTENSIONS))})")
        self._pos = self._index = 0

    def read(self) -> Frame | None:
        if not self._pacer.ready():
            return None
        while True:
            if self._pos >= len(self._files):
                if not self.loop or len(self.skipped) >= len(self._files):
                    raise EndOfStream(self.name)
                self._pos = 0
            path = self._files[self._pos]
            self._pos += 1
            try:
                image = read_image(path)
            except SourceError as exc:  # one bad file must not stop a demo camera
                log.warning("%s", exc)
                if str(exc) not in self.skipped:
                    self.skipped.append(str(exc))
                continue
            self._index += 1
            return Frame(image, self.clock(), self._index - 1)

    def close(self) -> None:
        self._files = []


class VideoSource:
    """A video file decoded with OpenCV; `fps` paces it like a live camera, None reads flat out."""

    def __init__(self, path: Path, *, fps: float | None = None, loop: bool = False,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.path = Path(path)
        self.name = f"video:{self.path}"
        self.loop = loop
        self.clock = clock
        self._pacer = _Pacer(fps, clock)
        self._cap: Any = None
        self._index = 0

    def open(self) -> None:
        if not self.path.is_file():
            raise SourceError(f"video {self.path} does not exist")
        cap = cv2.VideoCapture(str(self.path))
        if not cap.isOpened():
            raise SourceError(f"video {self.path} could not be opened: unknown format or missing codec")
        self._cap = cap
        self._index = 0

    def read(self) -> Frame | None:
        if self._cap is None:
            raise SourceError(f"{self.name} is not open")
        if not self._pacer.ready():
            return None
        ok, image = self._cap.read()
        if not ok and self.loop and self._index:
            self._cap.set(cv2.CAP_PROP_POS_FRAMES, 0)
            ok, image = self._cap.read()
        if not ok or image is None:
            raise EndOfStream(self.name)
        self._index += 1
        return Frame(image, self.clock(), self._index - 1)

    def close(self) -> None:
        if self._cap is not None:
            self._cap.release()
            self._cap = None


def open_source(spec: str, *, width: int | None = None, height: int | None = None, fps: float | None = None,
                loop: bool = False) -> FrameSource:
    """Build and open a source from `camera:0`, `camera:/dev/video0`, `0`, `image:P`, `folder:D`,
    `video:F`, or a plain path (a directory is a folder, a file an image or video by extension)."""
    spec = spec.strip()
    kind, _, rest = spec.partition(":")
    source: FrameSource
    if kind in ("camera", "image", "folder", "video") and rest:
        target = rest
    elif spec.isdigit():
        kind, target = "camera", spec
    else:
        kind, target = _kind_of_path(Path(spec)), spec
    if kind == "camera":
        source = CameraSource(int(target) if target.isdigit() else target, width=width, height=height, fps=fps)
    elif kind == "image":
        source = ImageSource(Path(target), fps=fps, loop=loop)
    elif kind == "folder":
        source = FolderSource(Path(target), fps=fps, loop=loop)
    else:
        source = VideoSource(Path(target), fps=fps, loop=loop)
    source.open()
    return source


def _kind_of_path(path: Path) -> str:
    if path.is_dir():
        return "folder"
    if not path.exists():
        if sys.platform.startswith("linux") and str(path).startswith("/dev/video"):
            return "camera"
        raise SourceError(f"'{path}' is neither a camera (camera:N) nor an existing file or folder")
    if path.suffix.lower() in IMAGE_EXTENSIONS:
        return "image"
    if path.suffix.lower() in VIDEO_EXTENSIONS:
        return "video"
    if str(path).startswith("/dev/video"):
        return "camera"
    raise SourceError(f"{path}: unknown file type '{path.suffix}' (use image:PATH or video:PATH to say which)")


__all__ = ["CameraSource", "EndOfStream", "FolderSource", "Frame", "FrameSource", "ImageSource", "SourceError",
           "VideoSource", "list_cameras", "open_source", "read_image"]
