# SPDX-License-Identifier: MIT
"""QR matrices for tickets and badges, and PNG/SVG files of them.

Why not `qrcode`'s own image output: `qrcode` spends ~85 % of its time trying all 8 mask patterns.
A ticket is base32 of random bytes and a signature, so every mask scores about the same; fixing
the mask (and letting the version be computed, which is cheap) makes a code ~7x faster, which is
what lets a 1,000-badge batch render in seconds. Ticket text is forced into alphanumeric mode (the
default segmenter would switch to numeric mode for runs of digits and grow the code).

Images are drawn from the matrix with numpy and written through OpenCV's encoder (no Pillow
needed); the SVG is one `<path>` of horizontal runs, about a quarter of `qrcode`'s SVG size.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import numpy as np
import qrcode
import qrcode.util
from qrcode.constants import ERROR_CORRECT_M

FIXED_MASK = 0
_ALNUM = re.compile(r"[0-9A-Z $%*+\-./:]*")


def qr_matrix(text: str, *, ecc: int = ERROR_CORRECT_M, mask: int | None = FIXED_MASK) -> list[list[bool]]:
    """Module matrix (True = dark) without the quiet zone. Alphanumeric mode whenever possible."""
    if not text:
        raise ValueError("cannot make a QR code of empty text")
    version = _alnum_version(len(text), ecc) if _ALNUM.fullmatch(text) else None
    code = qrcode.QRCode(version=version, error_correction=ecc, border=0, mask_pattern=mask)
    if version is not None:
        code.add_data(qrcode.util.QRData(text, mode=qrcode.util.MODE_ALPHA_NUM), optimize=0)
    else:
        code.add_data(text.encode("utf-8"), optimize=0)
    code.make(fit=version is None)
    return [[bool(cell) for cell in row] for row in code.get_matrix()]


def draw_qr(canvas: Any, text: str, x: float, y: float, side: float, quiet: int = 4) -> None:
    """Draw `text` as a vector QR code on a reportlab canvas, in the current fill colour.

    (x, y) is the bottom-left corner of a `side`-wide square that includes a `quiet`-module margin.
    One path in module units — a translate+scale, then integer `x y w 1 re` per horizontal run of
    dark modules — keeps the PDF small and skips reportlab's per-number float formatting (the
    slowest part of a badge when drawn rectangle by rectangle). Badges, tickets and the door card
    all draw their codes here.
    """
    matrix = qr_matrix(text)
    n = len(matrix)
    module = side / (n + 2 * quiet)
    ops: list[str] = []
    for r, row in enumerate(matrix):
        col = 0
        while col < n:
            if row[col]:
                start = col
                while col < n and row[col]:
                    col += 1
                ops.append(f"{start} {n - 1 - r} {col - start} 1 re")
            else:
                col += 1
    canvas.saveState()
    canvas.transform(module, 0, 0, module, x + quiet * module, y + quiet * module)
    canvas.addLiteral("\n".join(ops) + "\nf")
    canvas.restoreState()


def _alnum_version(length: int, ecc: int) -> int:
    """Smallest version holding `length` alphanumeric characters (what qrcode's best_fit finds,
    computed directly: best_fit builds the whole bit buffer for every candidate version)."""
    data_bits = 11 * (length // 2) + 6 * (length % 2)
    for version in range(1, 41):
        count_bits = 9 if version < 10 else 11 if version < 27 else 13
        if 4 + count_bits + data_bits <= qrcode.util.BIT_LIMIT_TABLE[ecc][version]:
            return version
    raise ValueError(f"{length} characters do not fit in a QR code")


def qr_version(matrix: list[list[bool]]) -> int:
    return (len(matrix) - 17) // 4


def qr_array(text: str, box_size: int = 8, border: int = 4) -> np.ndarray:
    """Grey image (uint8, 0 = dark module, 255 = light) with a quiet zone of `border` modules."""
    if box_size < 1 or border < 0:
        raise ValueError("box_size must be >= 1 and border >= 0")
    modules = np.array(qr_matrix(text), dtype=bool)
    modules = np.pad(modules, border, constant_values=False)
    image = np.where(modules, 0, 255).astype(np.uint8)
    return np.kron(image, np.ones((box_size, box_size), dtype=np.uint8))


def qr_png(text: str, path: Path, box_size: int = 8, border: int = 4) -> Path:
    """Write a 1-bit-looking greyscale PNG of the code (sharp edges, no interpolation)."""
    import cv2

    ok, data = cv2.imencode(".png", qr_array(text, box_size, border), [cv2.IMWRITE_PNG_BILEVEL, 1])
    if not ok:  # pragma: no cover - OpenCV's PNG encoder does not fail on a valid array
        raise OSError(f"could not encode PNG for {path}")
    path = Path(path)
    path.write_bytes(data.tobytes())  # not cv2.imwrite: it cannot write non-ASCII paths on Windows
    return path


def svg_text(text: str, border: int = 4, size_mm: float | None = None) -> str:
    """SVG markup of the code: one path of horizontal runs, scalable, crisp at any print size."""
    matrix = qr_matrix(text)
    n = len(matrix) + 2 * border
    parts: list[str] = []
    for y, row in enumerate(matrix):
        x = 0
        while x < len(row):
            if row[x]:
                start = x
                while x < len(row) and row[x]:
                    x += 1
                parts.append(f"M{start + border} {y + border}h{x - start}v1h-{x - start}z")
            else:
                x += 1
    dims = f' width="{size_mm}mm" height="{size_mm}mm"' if size_mm else ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {n} {n}"{dims} shape-rendering="crispEdges">'
        f'<rect width="{n}" height="{n}" fill="#fff"/><path fill="#000" d="{"".join(parts)}"/></svg>\n'
    )


def qr_svg(text: str, path: Path, border: int = 4) -> Path:
    path = Path(path)
    path.write_text(svg_text(text, border), encoding="utf-8")
    return path
