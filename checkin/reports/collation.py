# SPDX-License-Identifier: MIT
"""Polish alphabetical order without relying on an installed locale.

Python sorts by code point, which puts `Łukasiewicz`, `Śliwa` and `Żak` after every name starting
with `Z`, and `locale.strxfrm` needs the `pl_PL` locale that a volunteer's laptop or CI may not
have. The Polish alphabet is short, so the key is built by hand: ą after a, ć after c, ę after e,
ł after l, ń after n, ó after o, ś after s, ź then ż after z. Letters from other languages
(é, ü, ö) sort with their base letter, just after it; case only breaks ties, as in a printed list.

The key is three strings (letters, accents, case) made with `str.translate`, so that sorting
20,000 names costs milliseconds: string comparison runs in C, and names repeat, so keys are cached.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from checkin.domain.text import fold

_ALPHABET = "aąbcćdeęfghijklłmnńoópqrsśtuvwxyzźż"
_LETTER = {ch: 0x100 + i for i, ch in enumerate(_ALPHABET)}
_SEPARATOR = 0x20  # space, hyphen, apostrophe: before any letter ("Nowak Jan" < "Nowakowski")
_DIGIT_BASE = 0x30
_OTHER_BASE = 0x1000  # other scripts: after the Latin alphabet, in code point order

Key = tuple[str, str, str]


def _weights(ch: str) -> tuple[int, int]:
    """(primary, secondary) weight of one lower-case character."""
    if ch in _LETTER:
        return _LETTER[ch], 0
    if ch.isdigit():
        return _DIGIT_BASE + unicodedata.digit(ch, 0), 0
    base = fold(ch)
    if len(base) == 1 and base in _LETTER:  # é -> e, ü -> u: same letter, accent breaks ties
        return _LETTER[base], 1 + ord(ch) % 0xFFF
    if not ch.isalnum():
        return _SEPARATOR, 0
    return _OTHER_BASE + ord(ch), 0


class _Table(dict[int, str]):
    """A `str.translate` table that works out each character's weight on first use."""

    def __init__(self, part: int) -> None:
        super().__init__()
        self.part = part

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        low = ch.lower()
        if len(low) != 1:  # e.g. 'İ' lowers to two code points
            low = ch
        weight = (0x30 if ch == low else 0x31) if self.part == 2 else _weights(low)[self.part]
        value = chr(weight)
        self[code] = value
        return value


_PRIMARY, _SECONDARY, _TERTIARY = _Table(0), _Table(1), _Table(2)


@lru_cache(maxsize=200_000)
def polish_key(text: str) -> Key:
    """A sort key for one string: letters first, then accents of foreign letters, then case."""
    text = unicodedata.normalize("NFC", text.strip())
    return text.translate(_PRIMARY), text.translate(_SECONDARY), text.translate(_TERTIARY)


def person_key(last_name: str, first_name: str, tie: str = "") -> tuple[Key, Key, str]:
    """Order of an attendance list: last name, then first name, then a stable tie-breaker."""
    return polish_key(last_name), polish_key(first_name), tie
