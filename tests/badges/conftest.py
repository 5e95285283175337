# SPDX-License-Identifier: MIT
"""Tools for checking badge PDFs the way a reader would: poppler's text and fonts, a 300 dpi scan."""

from __future__ import annotations

import subprocess
from pathlib import Path

import cv2
import pytest
import zxingcpp
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey


def pdftotext(pdf: Path, page: int | None = None) -> str:
    args = ["pdftotext", "-raw", "-enc", "UTF-8"]  # -raw: content order, no de-hyphenation guesses
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    return subprocess.run([*args, str(pdf), "-"], check=True, capture_output=True, text=True).stdout


def normalised(text: str) -> str:
    """Whitespace collapsed, and a line break after a hyphen joined (`Brzęczyszczykiewicz-` / `Wójcik`)."""
    return " ".join(text.replace("-\n", "-").split()).replace("- ", "-")


def pdffonts(pdf: Path) -> list[dict[str, str]]:
    out = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        # name type... encoding emb sub uni objectID gen: read from the right, names have no spaces here
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows


def scan_page(pdf: Path, tmp_path: Path, page: int = 1, dpi: int = 300) -> list[str]:
    """Rasterise one page with pdftoppm and read every QR on it, as a webcam at the desk would."""
    stem = tmp_path / f"scan-{pdf.stem}-{page}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", "-f", str(page), "-l", str(page),
                    "-singlefile", str(pdf), str(stem)], check=True)
    image = cv2.imread(str(stem.with_suffix(".png")), cv2.IMREAD_GRAYSCALE)
    assert image is not None and image.min() < 128, "the page is blank"
    return [r.text for r in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]


@pytest.fixture(scope="session")
def signing_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()
