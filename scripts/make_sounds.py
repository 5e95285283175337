# SPDX-License-Identifier: MIT
"""Generate the desk's outcome sounds into resources/sounds with the stdlib `wave` module.

Distinct by shape, not just pitch, so a volunteer hears the outcome without looking:
accepted = two rising notes, duplicate = two equal mid notes, rejected = a low falling buzz,
void (undo) = one soft low note, flagged = accepted plus a third, higher note. Short (< 0.5 s) so a
quick queue never piles sounds up.
Run: .venv/bin/python scripts/make_sounds.py
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22050
OUT = Path(__file__).resolve().parents[1] / "resources" / "sounds"


def tone(freq: float, seconds: float, volume: float = 0.45, square: bool = False) -> list[float]:
    n = int(RATE * seconds)
    fade = int(RATE * 0.01)
    samples = []
    for i in range(n):
        phase = math.sin(2 * math.pi * freq * i / RATE)
        value = (1.0 if phase >= 0 else -1.0) * 0.5 if square else phase
        envelope = min(1.0, i / fade, (n - i) / fade)
        samples.append(value * volume * envelope)
    return samples


def silence(seconds: float) -> list[float]:
    return [0.0] * int(RATE * seconds)


def write(name: str, samples: list[float]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with wave.open(str(OUT / name), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(b"".join(struct.pack("<h", int(max(-1, min(1, s)) * 32767)) for s in samples))


def main() -> None:
    write("accepted.wav", tone(880, 0.09) + silence(0.02) + tone(1318.5, 0.14))
    write("duplicate.wav", tone(660, 0.12) + silence(0.08) + tone(660, 0.12))
    write("rejected.wav", tone(220, 0.18, 0.35, square=True) + silence(0.03) + tone(174.6, 0.25, 0.35, square=True))
    write("void.wav", tone(392, 0.16, 0.3))
    # admitted, and the roster flags this person (VIP, see the organiser): the accepted notes, then a third
    write("flagged.wav", tone(880, 0.09) + silence(0.02) + tone(1318.5, 0.12) + silence(0.04) + tone(1760, 0.16))
    print(f"wrote 5 sounds to {OUT}")


if __name__ == "__main__":
    main()
