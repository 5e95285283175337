# SPDX-License-Identifier: MIT
"""The desk's camera worker reads frames through the one ScanPipeline (as `checkin scan` and the
self-test do): a ticket seen twice in one frame or in frame after frame is one code, and a region
of interest keeps the queue behind the counter out."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from checkin.tickets.qr import qr_png
from checkin.ui.workers.camera_worker import CameraWorker


def _frame_with(tmp_path: Path, *codes: str) -> str:
    """One camera frame showing the codes side by side (a folder source of that one image)."""
    tiles = []
    for i, code in enumerate(codes):
        png = tmp_path / f"tile{i}.png"
        qr_png(code, png, box_size=6)
        tile = cv2.imread(str(png))
        tiles.append(cv2.copyMakeBorder(tile, 20, 20, 20, 20, cv2.BORDER_CONSTANT, value=(255, 255, 255)))
    height = max(t.shape[0] for t in tiles)
    tiles = [cv2.copyMakeBorder(t, 0, height - t.shape[0], 0, 0, cv2.BORDER_CONSTANT, value=(255, 255, 255))
             for t in tiles]
    folder = tmp_path / "camera"
    folder.mkdir()
    cv2.imwrite(str(folder / "frame.png"), np.hstack(tiles))
    return f"folder:{folder}"


def _run(worker: CameraWorker, frames: int) -> list[str]:
    """Run the worker's loop here (it is a plain method) until it has read `frames` frames."""
    codes: list[str] = []
    worker.code_scanned.connect(codes.append)
    worker.frame_ready.connect(lambda _image: worker.stop() if worker.frames >= frames else None)
    worker.run()
    return codes


@pytest.mark.usefixtures("qapp")
def test_a_ticket_shown_twice_in_every_frame_is_one_code(tmp_path: Path) -> None:
    spec = _frame_with(tmp_path, "KS22-1001", "KS22-1001", "KS22-1002")
    worker = CameraWorker(spec, loop=True, debounce_s=60, preview_fps=0)
    assert _run(worker, frames=5) == ["KS22-1001", "KS22-1002"]
    assert worker.decodes >= 5 and worker.decode_ms_max > 0


@pytest.mark.usefixtures("qapp")
def test_the_region_of_interest_keeps_the_queue_out(tmp_path: Path) -> None:
    spec = _frame_with(tmp_path, "KS22-1001", "KS22-2002")
    width = cv2.imread(str(tmp_path / "camera" / "frame.png")).shape[1]
    left_half = f"0,0,{width // 2},2000"
    worker = CameraWorker(spec, loop=True, preview_fps=0, roi=left_half)
    assert _run(worker, frames=2) == ["KS22-1001"]


@pytest.mark.usefixtures("qapp")
def test_a_region_typed_wrongly_is_explained(tmp_path: Path) -> None:
    worker = CameraWorker(_frame_with(tmp_path, "KS22-1001"), roi="lewa połowa")
    failures: list[str] = []
    worker.camera_failed.connect(failures.append)
    worker.run()
    assert failures and "is not X,Y,WIDTH,HEIGHT" in failures[0]
