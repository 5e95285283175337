# SPDX-License-Identifier: MIT
"""Frame sources a desk (or a demo) can scan from: images, folders, videos and cameras by spec."""

from __future__ import annotations

import time
from pathlib import Path

import cv2
import numpy as np
import pytest

from checkin.scanner.sources import (
    EndOfStream,
    FolderSource,
    Frame,
    SourceError,
    list_cameras,
    open_source,
)


def _write(path: Path, value: int, size: tuple[int, int] = (64, 48)) -> Path:
    cv2.imwrite(str(path), np.full((size[1], size[0], 3), value, np.uint8))
    return path


def _drain(source: object) -> list[Frame]:
    frames = []
    while True:
        try:
            frame = source.read()  # type: ignore[attr-defined]
        except EndOfStream:
            return frames
        if frame is not None:
            frames.append(frame)


def test_folder_is_a_fake_camera_in_name_order_and_can_loop(tmp_path: Path) -> None:
    for name, value in (("klatka_02.png", 20), ("klatka_01.jpg", 10), ("klatka_03.bmp", 30)):
        _write(tmp_path / name, value)
    (tmp_path / "opis.txt").write_text("nie obraz", encoding="utf-8")
    source = open_source(f"folder:{tmp_path}")
    frames = _drain(source)
    assert [int(f.image[0, 0, 0]) for f in frames] == [10, 20, 30]
    assert [f.index for f in frames] == [0, 1, 2]
    assert frames[0].timestamp <= frames[2].timestamp <= time.monotonic()

    looping = open_source(str(tmp_path), loop=True)  # a plain directory path is a folder
    values = [int(looping.read().image[0, 0, 0]) for _ in range(7)]  # type: ignore[union-attr]
    assert values == [10, 20, 30, 10, 20, 30, 10]


def test_folder_with_a_broken_file_skips_it_and_says_which(tmp_path: Path) -> None:
    _write(tmp_path / "a.png", 10)
    (tmp_path / "b.png").write_bytes(b"\x89PNG to nie jest obraz")
    _write(tmp_path / "c.png", 30)
    source = FolderSource(tmp_path)
    source.open()
    assert [int(f.image[0, 0, 0]) for f in _drain(source)] == [10, 30]
    assert len(source.skipped) == 1 and "b.png" in source.skipped[0]


def test_folder_paced_like_a_camera(tmp_path: Path) -> None:
    for i in range(3):
        _write(tmp_path / f"{i}.png", i)
    now = [100.0]
    source = FolderSource(tmp_path, fps=10, clock=lambda: now[0])
    source.open()
    assert source.read() is not None
    assert source.read() is None, "no new frame before 1/10 s"
    now[0] += 0.1
    assert source.read() is not None


def test_missing_or_empty_sources_say_what_is_wrong(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="does not exist"):
        open_source(f"folder:{tmp_path / 'brak'}")
    with pytest.raises(SourceError, match="has no images"):
        open_source(f"folder:{tmp_path}")
    with pytest.raises(SourceError, match="neither a camera"):
        open_source(str(tmp_path / "bilet.png"))
    (tmp_path / "bilet.png").write_bytes(b"not an image")
    with pytest.raises(SourceError, match="could not be read: not an image"):
        open_source(str(tmp_path / "bilet.png"))
    (tmp_path / "notatki.docx").write_bytes(b"PK")
    with pytest.raises(SourceError, match="unknown file type"):
        open_source(str(tmp_path / "notatki.docx"))


def test_image_with_polish_path_is_one_frame(tmp_path: Path) -> None:
    folder = tmp_path / "Zdjęcia biletów"
    folder.mkdir()
    path = _write(folder / "bilet_Łukasz.png", 77)
    source = open_source(str(path))
    frames = _drain(source)
    assert len(frames) == 1 and int(frames[0].image[0, 0, 0]) == 77
    looping = open_source(f"image:{path}", loop=True)
    assert all(looping.read() is not None for _ in range(3))


def test_video_file_frames_and_loop(tmp_path: Path) -> None:
    path = tmp_path / "kolejka.avi"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), 25, (160, 120))
    assert writer.isOpened()
    for i in range(12):
        writer.write(np.full((120, 160, 3), i * 20, np.uint8))
    writer.release()
    frames = _drain(open_source(f"video:{path}"))
    assert len(frames) == 12 and frames[0].image.shape == (120, 160, 3)
    assert abs(int(frames[5].image[60, 80, 0]) - 100) < 8  # MJPEG is lossy
    looped = open_source(str(path), loop=True)
    assert sum(looped.read() is not None for _ in range(30)) == 30


def test_camera_specs_and_a_missing_camera() -> None:
    for spec in ("camera:7", "7"):
        with pytest.raises(SourceError, match=r"camera 7 could not be opened: .+"):
            open_source(spec)


def test_listing_cameras_on_a_machine_without_one_is_quick() -> None:
    started = time.monotonic()
    cameras = list_cameras()
    assert time.monotonic() - started < 5
    assert all(c.startswith("camera:") for c in cameras)
