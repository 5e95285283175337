# SPDX-License-Identifier: MIT
"""Draw the app icon (resources/icons/checkin.png and .ico): a green tile with a white tick.

Drawn with OpenCV so no image tool is needed; the .ico embeds PNGs (valid since Windows Vista).
"""

from __future__ import annotations

import struct
from pathlib import Path

import cv2
import numpy as np

OUT = Path(__file__).resolve().parents[1] / "resources" / "icons"


def tile(size: int) -> np.ndarray:
    scale = 4  # supersample, then shrink for smooth edges
    s = size * scale
    img = np.zeros((s, s, 4), np.uint8)
    r = s // 6
    colour = (72, 160, 46, 255)  # BGR: calm green
    cv2.rectangle(img, (r, 0), (s - r, s), colour, -1)
    cv2.rectangle(img, (0, r), (s, s - r), colour, -1)
    for cx, cy in ((r, r), (s - r, r), (r, s - r), (s - r, s - r)):
        cv2.circle(img, (cx, cy), r, colour, -1, cv2.LINE_AA)
    pts = np.array([[0.25, 0.52], [0.43, 0.70], [0.76, 0.33]]) * s
    cv2.polylines(img, [pts.astype(np.int32)], False, (255, 255, 255, 255), max(2, s // 11), cv2.LINE_AA)
    return cv2.resize(img, (size, size), interpolation=cv2.INTER_AREA)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    cv2.imwrite(str(OUT / "checkin.png"), tile(256))
    sizes = (16, 32, 48, 256)
    pngs = [cv2.imencode(".png", tile(n))[1].tobytes() for n in sizes]
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    entries = b""
    for n, data in zip(sizes, pngs, strict=True):
        entries += struct.pack("<BBBBHHII", n % 256, n % 256, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    (OUT / "checkin.ico").write_bytes(header + entries + b"".join(pngs))


if __name__ == "__main__":
    main()
