# SPDX-License-Identifier: MIT
"""Webcam-like frames with a real ticket in them, for tests, the bench and demos.

No camera exists on CI machines, and a folder of stock photos would not contain *our* signed
codes. So we render a real ticket (the same QR matrix the badges print), put it on a paper card
or a phone screen, and pass it through what a cheap webcam at a registration desk does to it:
clutter around, tilt and perspective, focus blur, motion blur, sensor noise, dim light, glare,
and MJPEG compression. Everything is seeded, so a set is the same on every run.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

import cv2
import numpy as np

from checkin.tickets.qr import qr_array

CONDITIONS = ("clean", "tilt", "blur", "motion", "noise", "dim", "glare", "phone", "hard")


@dataclass(frozen=True)
class SynthFrame:
    image: np.ndarray  # BGR uint8
    text: str | None  # the code shown, None for an empty frame
    condition: str
    seed: int


def background(width: int, height: int, rng: np.random.Generator) -> np.ndarray:
    """A desk and room: a colour gradient with boxes, discs and lines (edges for a detector to chew)."""
    top, bottom = rng.integers(40, 200, 3), rng.integers(40, 200, 3)
    ramp = np.linspace(0, 1, height, dtype=np.float32)[:, None, None]
    image = (top[None, None, :] * (1 - ramp) + bottom[None, None, :] * ramp).astype(np.uint8)
    image = np.ascontiguousarray(np.broadcast_to(image, (height, width, 3)))
    for _ in range(int(rng.integers(12, 25))):
        color = tuple(int(c) for c in rng.integers(0, 256, 3))
        x, y = int(rng.integers(0, width)), int(rng.integers(0, height))
        kind = rng.integers(0, 3)
        if kind == 0:
            corner = (x + int(rng.integers(20, width // 3)), y + int(rng.integers(20, height // 3)))
            cv2.rectangle(image, (x, y), corner, color, -1)
        elif kind == 1:
            cv2.circle(image, (x, y), int(rng.integers(10, height // 6)), color, -1)
        else:
            cv2.line(image, (x, y), (int(rng.integers(0, width)), int(rng.integers(0, height))), color,
                     int(rng.integers(1, 6)))
    return cv2.GaussianBlur(image, (0, 0), 1.2)


def _card(text: str, module_px: int, phone: bool, rng: np.random.Generator) -> np.ndarray:
    """The ticket as seen flat: QR on paper (with lines of 'print'), or on a phone screen."""
    qr = qr_array(text, box_size=module_px, border=4)
    side = qr.shape[0]
    if phone:
        screen = np.full((int(side * 1.9), int(side * 1.05), 3), (250, 246, 238), np.uint8)  # bluish white
        qr_bgr = cv2.cvtColor(qr, cv2.COLOR_GRAY2BGR)
        qr_bgr = np.where(qr_bgr > 128, np.array([250, 246, 238], np.uint8), np.array([25, 20, 20], np.uint8))
        y0 = (screen.shape[0] - side) // 2
        x0 = (screen.shape[1] - side) // 2
        screen[y0:y0 + side, x0:x0 + side] = qr_bgr
        bezel = max(6, side // 14)
        card = np.full((screen.shape[0] + 2 * bezel, screen.shape[1] + 2 * bezel, 3), (18, 18, 18), np.uint8)
        card[bezel:-bezel, bezel:-bezel] = screen
        return card
    paper = tuple(int(c) for c in rng.integers(225, 250, 3))
    card = np.full((int(side * 1.45), int(side * 1.2), 3), paper, np.uint8)
    x0 = (card.shape[1] - side) // 2
    card[side // 12:side // 12 + side, x0:x0 + side] = np.where(
        cv2.cvtColor(qr, cv2.COLOR_GRAY2BGR) > 128, np.array(paper, np.uint8), np.array([30, 30, 30], np.uint8))
    for i in range(3):  # the name and organisation printed under the code
        y = side // 12 + side + (i + 1) * side // 10
        cv2.line(card, (x0, y), (x0 + int(side * (0.9 - 0.2 * i)), y), (60, 60, 60), max(2, side // 40))
    return card


def _place(frame: np.ndarray, card: np.ndarray, rng: np.random.Generator, tilt_deg: float,
           rotate_deg: float, height_fraction: float) -> None:
    """Warp the card into the frame with in-plane rotation and a perspective tilt."""
    fh, fw = frame.shape[:2]
    ch, cw = card.shape[:2]
    scale = height_fraction * fh / ch
    w, h = cw * scale, ch * scale
    cx = fw / 2 + rng.uniform(-0.25, 0.25) * (fw - w)
    cy = fh / 2 + rng.uniform(-0.2, 0.2) * max(fh - h, 0)
    squeeze = math.cos(math.radians(tilt_deg))
    near = 1 + 0.5 * math.sin(math.radians(tilt_deg)) * 0.6  # the near edge looks wider
    far = 2 - near
    pts = np.array([[-w / 2 * far, -h / 2 * squeeze], [w / 2 * far, -h / 2 * squeeze],
                    [w / 2 * near, h / 2 * squeeze], [-w / 2 * near, h / 2 * squeeze]], np.float32)
    angle = math.radians(rotate_deg)
    rot = np.array([[math.cos(angle), -math.sin(angle)], [math.sin(angle), math.cos(angle)]], np.float32)
    dst = (pts @ rot.T + np.array([cx, cy], np.float32)).astype(np.float32)
    src = np.array([[0, 0], [cw, 0], [cw, ch], [0, ch]], np.float32)
    matrix = cv2.getPerspectiveTransform(src, dst)
    warped = cv2.warpPerspective(card, matrix, (fw, fh), flags=cv2.INTER_LINEAR)
    mask = cv2.warpPerspective(np.full((ch, cw), 255, np.uint8), matrix, (fw, fh), flags=cv2.INTER_LINEAR)
    alpha = (mask.astype(np.float32) / 255)[:, :, None]
    frame[:] = (warped * alpha + frame * (1 - alpha)).astype(np.uint8)


def webcam_frame(text: str | None, *, size: tuple[int, int] = (1280, 720), condition: str = "clean",
                 seed: int = 0, code_fraction: float = 0.45, jpeg_quality: int = 85) -> np.ndarray:
    """A BGR frame of `size` (width, height) showing `text` as a ticket (None: no ticket at all)."""
    if condition not in CONDITIONS:
        raise ValueError(f"unknown condition {condition!r}; choose from {', '.join(CONDITIONS)}")
    rng = np.random.default_rng(seed)
    width, height = size
    frame = background(width, height, rng)
    hard = condition == "hard"
    if text is not None:
        module_px = 8
        card = _card(text, module_px, condition == "phone" or (hard and seed % 3 == 0), rng)
        tilt = rng.uniform(20, 32) if condition in ("tilt", "hard") else rng.uniform(0, 8)
        rotate = rng.uniform(-25, 25) if condition in ("tilt", "hard") else rng.uniform(-6, 6)
        _place(frame, card, rng, tilt, rotate, code_fraction * rng.uniform(0.9, 1.1))
    if condition == "glare" or (hard and seed % 3 == 1):
        spot = np.zeros((height, width), np.float32)
        cv2.ellipse(spot, (int(width * rng.uniform(0.35, 0.65)), int(height * rng.uniform(0.3, 0.7))),
                    (width // 10, height // 14), float(rng.uniform(0, 180)), 0, 360, 1.0, -1)
        glare = cv2.GaussianBlur(spot, (0, 0), width / 40)[:, :, None] * 110
        frame = np.clip(frame + glare, 0, 255).astype(np.uint8)
    if condition in ("blur", "hard"):
        frame = cv2.GaussianBlur(frame, (0, 0), rng.uniform(0.8, 1.3) if hard else rng.uniform(1.6, 2.2))
    if condition == "motion" or (hard and seed % 2 == 0):
        length = int(rng.integers(4, 7)) if hard else int(rng.integers(5, 9))
        line = np.zeros((length, length), np.float32)
        line[length // 2, :] = 1 / length
        rot = cv2.getRotationMatrix2D((length / 2 - 0.5, length / 2 - 0.5), float(rng.uniform(0, 180)), 1)
        kernel = cv2.warpAffine(line, rot, (length, length))
        kernel = (kernel / max(float(kernel.sum()), 1e-6)).astype(np.float32)
        frame = cv2.filter2D(frame, -1, kernel)
    if condition in ("dim", "hard"):
        gain = rng.uniform(0.3, 0.4) if condition == "dim" else rng.uniform(0.45, 0.6)
        frame = (frame.astype(np.float32) * gain + 6).astype(np.uint8)
    if condition in ("noise", "dim", "hard"):
        sigma = 10 if condition == "noise" else 6
        noise = rng.normal(0, sigma, frame.shape).astype(np.float32)
        frame = np.clip(frame.astype(np.float32) + noise, 0, 255).astype(np.uint8)
    ok, jpeg = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, jpeg_quality])
    decoded = cv2.imdecode(jpeg, cv2.IMREAD_COLOR) if ok else None
    return decoded if decoded is not None else frame


def synthetic_set(texts: list[str], *, size: tuple[int, int] = (1280, 720), seed: int = 2022,
                  conditions: tuple[str, ...] = CONDITIONS, empty_frames: int = 0) -> Iterator[SynthFrame]:
    """Every text under every condition (+ some frames without a code), deterministic for a seed."""
    n = 0
    for condition in conditions:
        for text in texts:
            yield SynthFrame(webcam_frame(text, size=size, condition=condition, seed=seed + n), text, condition,
                             seed + n)
            n += 1
    for i in range(empty_frames):
        cond = conditions[i % len(conditions)]
        yield SynthFrame(webcam_frame(None, size=size, condition=cond, seed=seed + n), None, cond, seed + n)
        n += 1
