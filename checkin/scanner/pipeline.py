# SPDX-License-Identifier: MIT
"""Frame -> code texts to check in: grey, optional region of interest, decode, debounce.

The pipeline does not downscale: zxing-cpp downscales internally, and downscaling ourselves costs
it detections (PERF-LIMITS). A region of interest is a cheap crop (a numpy view, no copy) for
desks where the camera also sees the queue behind the counter.

It is THE scan path for frames: the desk's camera worker, `checkin scan --camera/--folder/--video`
and `checkin --self-test` all build it with `build_pipeline` and drive it with `run_source`, so a
fix here (a decoder, the region of interest, de-duplication, the debounce window) reaches all three.

Threading: `process` runs on the camera worker thread; `run_source` is the loop that thread (or
the CLI) runs; it hands each new code to a callback and never touches the database itself.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from checkin.scanner.debounce import Debouncer, dedupe_key
from checkin.scanner.decode import DecodedCode, Decoder, to_gray
from checkin.scanner.frames import EndOfStream, Frame, FrameSource

Roi = tuple[int, int, int, int]  # x, y, width, height in pixels of the full frame


def parse_roi(text: str) -> Roi | None:
    """"X,Y,W,H" in pixels -> a region; "" -> None (the whole frame). ValueError says what is wrong."""
    if not text.strip():
        return None
    try:
        x, y, w, h = (int(v) for v in text.split(","))
    except ValueError:
        raise ValueError(f"'{text}' is not X,Y,WIDTH,HEIGHT in pixels, e.g. 320,120,640,480") from None
    if w <= 0 or h <= 0:
        raise ValueError("region width and height must be positive")
    return x, y, w, h


def build_pipeline(decoder_name: str | None = None, debounce_s: float = 3.0, roi: Roi | None = None,
                   clock: Callable[[], float] = time.monotonic) -> ScanPipeline:
    """The one way to make a pipeline: best (or named) decoder, the sliding debounce window, a region.

    Raises `checkin.scanner.decode.DecoderUnavailable` when no decoder is installed.
    """
    from checkin.scanner.decode import make_decoder

    return ScanPipeline(make_decoder(decoder_name or None), Debouncer(debounce_s, clock), roi=roi)


class ScanPipeline:
    def __init__(self, decoder: Decoder, debouncer: Debouncer, roi: Roi | None = None) -> None:
        self.decoder = decoder
        self.debouncer = debouncer
        self.roi = roi
        self.decode_ms = 0.0  # decode time of the last frame (grey conversion + crop + decode)
        self.decode_ms_max = 0.0  # the slowest frame so far (the desk's diagnostics, bench/gui.py)
        self.last_codes: list[DecodedCode] = []  # every code in the last frame, with full-frame corners
        self.frames = 0  # frames decoded

    def process(self, frame: Frame) -> list[str]:
        """Texts first seen in this frame (debounced); one call per frame, on one thread."""
        started = time.perf_counter()
        gray = to_gray(frame.image)
        dx = dy = 0
        if self.roi is not None:
            gray, dx, dy = _crop(gray, self.roi)
        codes = self.decoder.decode(gray)
        self.decode_ms = (time.perf_counter() - started) * 1000
        self.decode_ms_max = max(self.decode_ms_max, self.decode_ms)
        self.frames += 1
        if dx or dy:
            codes = [DecodedCode(c.text, tuple((x + dx, y + dy) for x, y in c.points)) for c in codes]
        self.last_codes = codes
        fresh: list[str] = []
        seen_keys: set[str] = set()
        for code in codes:
            key = dedupe_key(code.text)
            if key in seen_keys:
                continue
            seen_keys.add(key)
            if self.debouncer.accept(key):
                fresh.append(code.text)
        return fresh


def _crop(gray: np.ndarray, roi: Roi) -> tuple[np.ndarray, int, int]:
    x, y, w, h = roi
    height, width = gray.shape[:2]
    x0, y0 = max(0, min(x, width)), max(0, min(y, height))
    x1, y1 = max(x0, min(x + w, width)), max(y0, min(y + h, height))
    if x1 - x0 < 16 or y1 - y0 < 16:
        return gray, 0, 0  # a region outside the frame (camera resolution changed): use it all
    return gray[y0:y1, x0:x1], x0, y0


@dataclass(frozen=True)
class CodeEvent:
    """A new code from a frame, with the timings the CLI and the bench report."""

    text: str
    frame: Frame
    decode_ms: float


def run_source(source: FrameSource, pipeline: ScanPipeline, on_code: Callable[[CodeEvent], None], *,
               should_stop: Callable[[], bool] = lambda: False, max_frames: int | None = None,
               idle_sleep_s: float = 0.005, on_frame: Callable[[Frame], None] | None = None,
               min_decode_interval_s: float = 0.0) -> int:
    """Read frames until the source ends or `should_stop()`; return the number of frames read.

    `read()` returning None means "no new frame yet" (a paced file source, a reconnecting
    camera): sleep a little instead of spinning a core. `on_frame` sees every frame before it is
    decoded (the desk's preview); `min_decode_interval_s` skips decoding frames that come sooner
    than that after the last decoded one (a weak laptop keeps its preview smooth). A source's own
    errors (`SourceError`: the camera was unplugged for good) propagate to the caller.
    """
    processed = 0
    last_decode = float("-inf")
    while not should_stop() and (max_frames is None or processed < max_frames):
        try:
            frame = source.read()
        except EndOfStream:
            break
        if frame is None:
            time.sleep(idle_sleep_s)
            continue
        processed += 1
        if on_frame is not None:
            on_frame(frame)
        if min_decode_interval_s > 0:
            now = time.monotonic()
            if now - last_decode < min_decode_interval_s:
                continue
            last_decode = now
        for text in pipeline.process(frame):
            on_code(CodeEvent(text, frame, pipeline.decode_ms))
    return processed
