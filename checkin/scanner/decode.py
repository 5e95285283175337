# SPDX-License-Identifier: MIT
"""QR decoders behind one interface: zxing-cpp (default), pyzbar, OpenCV.

Why zxing-cpp first: on webcam-like 720p frames it decodes in about a millisecond and finds more
codes on blurred, tilted and dim frames than the others (bench/scan_pipeline.py measures this on
the machine at hand). Rotation by 90/270 degrees and inverted codes are not searched for: tickets
are dark on light and zxing-cpp finds a QR code at any angle anyway through its finder patterns;
the extra passes cost a third of the time for nothing. Its built-in downscaling stays on.

Bytes that are not UTF-8 (a foreign binary QR code) are decoded with errors="surrogateescape", so
the check-in service rejects them as "not text" instead of us silently replacing characters.

Threading: a decoder instance is used from one worker thread; all three libraries release the GIL
while decoding, so the GUI thread keeps running.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from typing import Any, Protocol

import cv2
import numpy as np


@dataclass(frozen=True)
class DecodedCode:
    text: str
    points: tuple[tuple[int, int], ...] = ()  # corners in image pixels, for an overlay


class Decoder(Protocol):
    name: str

    def decode(self, image: np.ndarray) -> list[DecodedCode]: ...


class DecoderUnavailable(Exception):
    """The requested decoder library is not installed; the message says how to install it."""


DECODER_NAMES = ("zxing-cpp", "pyzbar", "opencv")


def to_gray(image: np.ndarray) -> np.ndarray:
    """Grey view of a BGR, BGRA or grey frame (grey frames are returned as they are, no copy)."""
    if image.ndim == 2:
        return image
    if image.shape[2] == 4:
        return cv2.cvtColor(image, cv2.COLOR_BGRA2GRAY)
    return cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)


class ZxingDecoder:
    name = "zxing-cpp"

    def __init__(self, *, try_rotate: bool = False, try_invert: bool = False, try_downscale: bool = True) -> None:
        import zxingcpp

        self._zx = zxingcpp
        self._options: dict[str, Any] = {"formats": zxingcpp.BarcodeFormat.QRCode, "try_rotate": try_rotate,
                                         "try_invert": try_invert, "try_downscale": try_downscale}

    def decode(self, image: np.ndarray) -> list[DecodedCode]:
        found = []
        for barcode in self._zx.read_barcodes(np.ascontiguousarray(to_gray(image)), **self._options):
            binary = barcode.content_type == self._zx.ContentType.Binary
            text = _bytes_to_text(bytes(barcode.bytes)) if binary else barcode.text
            pos = barcode.position
            points = tuple((int(p.x), int(p.y)) for p in (pos.top_left, pos.top_right, pos.bottom_right,
                                                          pos.bottom_left))
            found.append(DecodedCode(text, points))
        return found


def _bytes_to_text(data: bytes) -> str:
    return data.decode("utf-8", errors="surrogateescape")


class PyzbarDecoder:
    name = "pyzbar"

    def __init__(self) -> None:
        try:
            from pyzbar import pyzbar
        except ImportError as exc:  # pyzbar raises ImportError when libzbar itself is missing
            raise DecoderUnavailable(_pyzbar_hint(exc)) from exc
        self._pyzbar = pyzbar
        self._symbols = [pyzbar.ZBarSymbol.QRCODE]

    def decode(self, image: np.ndarray) -> list[DecodedCode]:
        results = self._pyzbar.decode(np.ascontiguousarray(to_gray(image)), symbols=self._symbols)
        return [DecodedCode(_bytes_to_text(r.data), tuple((int(p.x), int(p.y)) for p in r.polygon))
                for r in results]


def _pyzbar_hint(exc: Exception) -> str:
    if importlib.util.find_spec("pyzbar") is None:
        return "the pyzbar decoder is not installed (pip install pyzbar, and the zbar library)"
    return (f"pyzbar is installed but the zbar library is missing ({exc}): run `apt-get install libzbar0` "
            "on Debian/Ubuntu, `brew install zbar` on macOS (Windows wheels include it)")


class OpenCVDecoder:
    """OpenCV's own detector: always there with OpenCV, slowest; the last resort."""

    name = "opencv"

    def __init__(self) -> None:
        aruco = getattr(cv2, "QRCodeDetectorAruco", None)
        self._detector = aruco() if aruco is not None else cv2.QRCodeDetector()

    def decode(self, image: np.ndarray) -> list[DecodedCode]:
        gray = to_gray(image)
        try:
            ok, texts, points, _ = self._detector.detectAndDecodeMulti(gray)
        except cv2.error:
            return []
        if not ok:
            return []
        found = []
        for i, text in enumerate(texts):
            if text:
                pts = tuple((int(x), int(y)) for x, y in points[i]) if points is not None else ()
                found.append(DecodedCode(text, pts))
        return found


def available_decoders() -> list[str]:
    """Names of decoders usable here, best first."""
    names = []
    if importlib.util.find_spec("zxingcpp") is not None:
        names.append("zxing-cpp")
    try:
        from pyzbar import pyzbar  # noqa: F401  (imports libzbar through ctypes)

        names.append("pyzbar")
    except ImportError:
        pass
    names.append("opencv")
    return names


def make_decoder(name: str | None = None) -> Decoder:
    """The named decoder, or the best available one (zxing-cpp) when name is None."""
    if name is None:
        name = available_decoders()[0]
    key = name.lower().replace("_", "-")
    if key in ("zxing-cpp", "zxing", "zxingcpp"):
        if importlib.util.find_spec("zxingcpp") is None:
            raise DecoderUnavailable("the zxing-cpp decoder is not installed (pip install zxing-cpp)")
        return ZxingDecoder()
    if key in ("pyzbar", "zbar"):
        return PyzbarDecoder()
    if key in ("opencv", "cv2"):
        return OpenCVDecoder()
    raise DecoderUnavailable(f"unknown decoder '{name}' (choose from {', '.join(DECODER_NAMES)})")
