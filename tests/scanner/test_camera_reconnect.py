# SPDX-License-Identifier: MIT
"""A volunteer knocks the webcam's USB cable out and plugs it back in: the desk recovers alone.

No real camera exists on test machines, so this is the one place where a stand-in is justified:
`FakeCapture` behaves like `cv2.VideoCapture` (isOpened/read/set/get/release) and a `Cable`
decides whether the device is plugged in. Everything else is the real CameraSource.
"""

from __future__ import annotations

import itertools
from typing import Any

import cv2
import numpy as np
import pytest

from checkin.scanner.sources import CameraSource, SourceError


class Cable:
    def __init__(self) -> None:
        self.plugged = True
        self.opened: list[FakeCapture] = []


class FakeCapture:
    def __init__(self, cable: Cable, device: int | str) -> None:
        self.cable = cable
        self.device = device
        self.props: dict[int, float] = {cv2.CAP_PROP_FRAME_WIDTH: 640, cv2.CAP_PROP_FRAME_HEIGHT: 480}
        self.released = False
        self._open = cable.plugged
        self.frames = 0
        cable.opened.append(self)

    def isOpened(self) -> bool:  # OpenCV's name
        return self._open and not self.released

    def set(self, prop: int, value: float) -> bool:
        self.props[prop] = value
        return True

    def get(self, prop: int) -> float:
        return self.props.get(prop, 0.0)

    def read(self) -> tuple[bool, Any]:
        if not self.cable.plugged or self.released:
            return False, None
        self.frames += 1
        w, h = int(self.props[cv2.CAP_PROP_FRAME_WIDTH]), int(self.props[cv2.CAP_PROP_FRAME_HEIGHT])
        return True, np.full((h, w, 3), self.frames % 256, np.uint8)

    def release(self) -> None:
        self.released = True


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _camera(cable: Cable, clock: Clock, **kwargs: Any) -> CameraSource:
    return CameraSource(0, capture_factory=lambda dev: FakeCapture(cable, dev), clock=clock, **kwargs)


def test_camera_asks_for_the_newest_frame_and_the_resolution() -> None:
    cable, clock = Cable(), Clock()
    cam = _camera(cable, clock, width=1280, height=720, fps=30)
    cam.open()
    cap = cable.opened[0]
    assert cap.props[cv2.CAP_PROP_BUFFERSIZE] == 1, "a deeper queue hands out stale frames"
    assert cap.props[cv2.CAP_PROP_FPS] == 30
    frame = cam.read()
    assert frame is not None and frame.image.shape == (720, 1280, 3) and frame.index == 0
    assert cam.status == "streaming" and cam.actual_size == (1280, 720)
    cam.close()
    assert cap.released and cam.status == "closed"


def test_no_camera_at_open_is_a_clear_error() -> None:
    cable, clock = Cable(), Clock()
    cable.plugged = False
    with pytest.raises(SourceError, match="camera 0 could not be opened: "):
        _camera(cable, clock).open()
    assert cable.opened[0].released


def test_unplugged_camera_reconnects_with_growing_pauses() -> None:
    cable, clock = Cable(), Clock()
    cam = _camera(cable, clock, failures_before_reconnect=3, backoff_initial_s=0.5, backoff_max_s=2.0)
    cam.open()
    assert cam.read() is not None

    cable.plugged = False  # the cable is pulled
    assert [cam.read() for _ in range(3)] == [None, None, None], "a transient loss never raises"
    assert cam.status == "reconnecting" and cable.opened[0].released
    assert "unplugged" in cam.last_error

    attempts_before = len(cable.opened)
    assert cam.read() is None and len(cable.opened) == attempts_before, "waits before retrying"
    retry_times = []
    for _ in range(60):  # 6 s of a camera worker polling every 100 ms
        clock.now += 0.1
        count = len(cable.opened)
        assert cam.read() is None
        if len(cable.opened) > count:
            retry_times.append(round(clock.now - 1000, 1))
    gaps = [round(b - a, 1) for a, b in itertools.pairwise(retry_times)]
    assert gaps[:3] == [1.0, 2.0, 2.0], f"backoff doubles up to the maximum: {retry_times}"

    cable.plugged = True  # plugged back in
    for _ in range(30):
        clock.now += 0.1
        frame = cam.read()
        if frame is not None:
            break
    assert frame is not None and cam.status == "streaming" and cam.reconnects == 1
    assert cable.opened[-1].props[cv2.CAP_PROP_BUFFERSIZE] == 1, "settings re-applied after reconnect"
    assert frame.index == 1, "frame numbers continue"


def test_a_single_dropped_frame_is_not_a_disconnect() -> None:
    cable, clock = Cable(), Clock()
    cam = _camera(cable, clock, failures_before_reconnect=5)
    cam.open()
    cable.plugged = False
    assert cam.read() is None
    cable.plugged = True
    assert cam.read() is not None and len(cable.opened) == 1 and cam.reconnects == 0
