# SPDX-License-Identifier: MIT
"""Handheld (keyboard-wedge) scanners: assemble typed keys into codes and explain garbled input.

A handheld scanner is a keyboard: it "types" the code, usually followed by Enter, a few
milliseconds per key. Some are configured without Enter; then a pause in typing ends the code.
The scanner types key *positions* as if the computer had a US layout, so when the computer's
layout differs, characters change. That is the most common failure at a desk ("the scanner
doesn't work"), so instead of a silent "invalid code" we say what is wrong and how to fix it.

Pure Python with an injectable clock: the desk app feeds key events from the GUI thread, the
tests feed strings.
"""

from __future__ import annotations

import re
import time
from collections import deque
from collections.abc import Callable

from checkin.tickets.token import PREFIX

_TICKET = re.compile(r"CK1[A-Z2-7]+")
_EXTERNAL = re.compile(r"[A-Za-z0-9][A-Za-z0-9_\-./#]{0,63}")
_POLISH = set("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")
_GERMAN = set("äöüßÄÖÜ")
_AZERTY_DIGITS = set("&é\"'(-è_çà")  # what the digit keys type on a French AZERTY layout


class HidAssembler:
    """Collects typed characters into codes; ends a code on Enter or after a pause in typing.

    Runs on the thread that receives key events (the GUI thread); `poll()` is meant for a
    ~20 ms timer on the same thread.
    """

    def __init__(self, inter_key_timeout_s: float = 0.05, min_length: int = 4,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.inter_key_timeout_s = inter_key_timeout_s
        self.min_length = min_length
        self.clock = clock
        self._buffer: list[str] = []
        self._last_key = 0.0
        self._done: deque[str] = deque()

    def feed(self, text: str) -> str | None:
        """Add typed text (one key or a burst); return a code completed by Enter, if any."""
        for ch in text:
            now = self.clock()
            if self._buffer and now - self._last_key > self.inter_key_timeout_s:
                self._finish()  # the previous burst ended without Enter and was not polled yet
            if ch in "\r\n":
                self._finish()
            else:
                self._buffer.append(ch)
                self._last_key = now
        return self._done.popleft() if self._done else None

    def poll(self) -> str | None:
        """A code that ended by a pause in typing (scanners configured without Enter)."""
        if self._buffer and self.clock() - self._last_key > self.inter_key_timeout_s:
            self._finish()
        return self._done.popleft() if self._done else None

    def reset(self) -> None:
        self._buffer.clear()
        self._done.clear()

    @property
    def pending(self) -> str:
        """What has been typed so far (for a live echo in the scan field)."""
        return "".join(self._buffer)

    def _finish(self) -> None:
        code = "".join(self._buffer).strip()
        self._buffer.clear()
        if len(code) >= self.min_length:
            self._done.append(code)


def explain_bad_input(text: str) -> str | None:
    """A hint for text that cannot be a ticket as typed, or None when it looks well-formed.

    Y and Z swapped by a QWERTZ layout still look well-formed (both letters are in the ticket
    alphabet); the check-in service finds that case through the signature instead.
    """
    text = text.strip("\r\n")
    if not text or _TICKET.fullmatch(text) or (_EXTERNAL.fullmatch(text) and not _looks_like_ticket(text)):
        return None
    if any(ord(ch) < 32 or ord(ch) == 127 or 0x80 <= ord(ch) < 0xA0 for ch in text):
        return ("The scanner sends control characters (Tab, STX/ETX or similar): remove the prefix/suffix "
                "in the scanner's settings, keep only Enter as the suffix.")
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        return "This is binary data, not a printed ticket of this event."
    if _POLISH & set(text):
        bad = next(ch for ch in text if ch in _POLISH)
        return (f"Polish letters such as '{bad}' inside a code: the computer uses the Polish (214) layout or "
                "AltGr/right Alt is held, while the scanner types as a US keyboard. Switch the keyboard layout "
                "to 'Polish (programmers)' or set the scanner's keyboard country to match the computer.")
    if _AZERTY_DIGITS & set(text[:4]) or text[:3] in ("CK&", "ck&"):
        return ("Digits arrive as symbols (& é \" ' ...): the computer uses a French AZERTY layout. "
                "Switch it to the scanner's layout (US) or set the scanner's keyboard country to French.")
    if _GERMAN & set(text):
        return ("German letters (ä ö ü ß) inside a code: the computer uses a German QWERTZ layout (which also "
                "swaps Y and Z). Switch it to the scanner's layout or reconfigure the scanner.")
    if _looks_like_ticket(text):
        body = text[3:]
        if body.islower() or text.islower():
            return ("The code arrived in lower case: Caps Lock is on (the scanner presses Shift, Caps Lock "
                    "inverts it). Turn Caps Lock off and scan again.")
        if any(ch.islower() for ch in body):
            return "Mixed upper and lower case: Caps Lock may be on, or the scanner uses another keyboard layout."
        if " " in body:
            return "Spaces inside the code: it was typed by hand, or the scanner inserts separators."
        odd = sorted({ch for ch in body if ch in "0189"})
        if odd:
            return (f"Characters {' '.join(odd)} never occur in a ticket after '{PREFIX}': the code was typed by "
                    "hand (O/0, I/1, B/8 confusion) or is damaged. Scan it instead, or search the attendee by name.")
    if not text.isascii():
        bad = next(ch for ch in text if not ch.isascii())
        return (f"Unexpected character '{bad}': the computer's keyboard layout differs from the scanner's. "
                "Set both to the same layout (US is the scanners' default).")
    if len(text) > 64:
        return "Too long for a ticket of this system: was something else scanned (a URL, an invoice code)?"
    return None


def _looks_like_ticket(text: str) -> bool:
    return text[:3].upper() == PREFIX.upper() and len(text) > 40
