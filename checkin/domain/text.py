# SPDX-License-Identifier: MIT
"""Text folding for accent-insensitive search and for matching column headers.

`unicodedata` decomposition handles most Latin diacritics, but `ł`/`Ł` (and a few others such as
`ø`, `đ`) have no decomposition, so they are mapped by hand: a volunteer typing `lukasz zolc`
must find `Łukasz Żółć`.
"""

from __future__ import annotations

import re
import unicodedata

_NO_DECOMPOSITION = str.maketrans(
    {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "AE",
     "œ": "oe", "Œ": "OE", "ı": "i"}
)
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lower-case, strip diacritics, collapse white space: `'  Łukasz ŻÓŁĆ '` -> `'lukasz zolc'`."""
    text = text.translate(_NO_DECOMPOSITION)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.casefold()).strip()


def search_tokens(query: str) -> list[str]:
    """Tokens a search must all match; punctuation such as '-' separates tokens."""
    return [t for t in re.split(r"[\s,;\-]+", fold(query)) if t]


def normalise_name(text: str) -> str:
    """Trim and collapse internal white space without changing letters or case."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()
