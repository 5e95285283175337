# SPDX-License-Identifier: MIT
"""Polish alphabetical order without relying on an installed locale.

Python sorts by code point, which puts `Łukasiewicz`, `Śliwa` and `Żak` after every name starting
with `Z`, and `locale.strxfrm` needs the `pl_PL` locale that a volunteer's laptop or CI may not
have. The Polish alphabet is short, so the key is built by hand: ą after a, ć after c, ę after e,
ł after l, ń after n, ó after o, ś after s, ź then ż after z. Letters from other languages
(é, ü, ö) sort with their base letter, just after it; case only breaks ties, as in a printed list.
"""

from __future__ import annotations

import unicodedata

from checkin.domain.text import fold

_ALPHABET = "aąbcćdeęfghijklłmnńoópqrsśtuvwxyzźż"
_LETTER = {ch: 100 + 2 * i for i, ch in enumerate(_ALPHABET)}
_SEPARATOR = 1  # space, hyphen, apostrophe: before any letter ("Nowak Jan" < "Nowakowski")
_DIGIT_BASE = 10

Key = tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]


def _weights(ch: str) -> tuple[int, int]:
    """(primary, secondary) weight of one lower-case character."""
    if ch in _LETTER:
        return _LETTER[ch], 0
    if ch.isdigit():
        return _DIGIT_BASE + unicodedata.digit(ch, 0), 0
    base = fold(ch)
    if len(base) == 1 and base in _LETTER:  # é -> e, ü -> u: same letter, accent breaks ties
        return _LETTER[base], 1 + ord(ch) % 997
    if not ch.isalnum():
        return _SEPARATOR, 0
    return 10_000 + ord(ch), 0  # other scripts: after the Latin alphabet, in code point order


def polish_key(text: str) -> Key:
    """A sort key for one string: letters first, then accents of foreign letters, then case."""
    text = unicodedata.normalize("NFC", text.strip())
    primary: list[int] = []
    secondary: list[int] = []
    tertiary: list[int] = []
    for ch in text:
        low = ch.lower()
        if len(low) != 1:  # e.g. 'İ' lowers to two code points
            low = ch
        p, s = _weights(low)
        primary.append(p)
        secondary.append(s)
        tertiary.append(0 if ch == low else 1)
    return tuple(primary), tuple(secondary), tuple(tertiary)


def person_key(last_name: str, first_name: str, tie: str = "") -> tuple[Key, Key, str]:
    """Order of an attendance list: last name, then first name, then a stable tie-breaker."""
    return polish_key(last_name), polish_key(first_name), tie
