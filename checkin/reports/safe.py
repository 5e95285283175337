# SPDX-License-Identifier: MIT
"""Neutralising spreadsheet formula injection.

A name or organisation typed into a registration form as `=HYPERLINK("http://evil","Click")` or
`@SUM(...)` becomes a live formula when a CSV is opened in Excel or LibreOffice. OWASP's advice
(CSV Injection) is to make every cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
return start with a single quote instead, so the program shows it as text.

- CSV: the cell is written with a leading `'`. The quote is visible in the file; that is the price
  of safety and the OWASP recommendation. It also applies to legitimate values such as a phone
  number `+48 600 100 200` or a name written `-` as a placeholder: we accept that (reports do not
  export phone numbers at all, see docs/reports.md).
- XLSX: there is no need to alter the text. The cell is stored as a string (`t="inlineStr"`, never
  `<f>`) and styled with `quotePrefix`, which is what Excel itself does when a user types `'=1+1`:
  the text shows unchanged and stays text even when the cell is edited. openpyxl on its own would
  store any string starting with `=` as a formula and `#N/A` as an error value, so the XLSX writer
  forces the type (see `xlsx_export.text_cell`).
"""

from __future__ import annotations

import re

DANGEROUS_FIRST = ("=", "+", "-", "@", "\t", "\r")
# control characters that XML 1.0 (and so XLSX) cannot hold; tab, LF and CR are allowed
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def is_dangerous(text: str) -> bool:
    """True when a spreadsheet could read `text` as a formula."""
    return text.startswith(DANGEROUS_FIRST)


def csv_cell(value: object) -> str:
    """Text for one CSV cell, neutralised when it could be read as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if is_dangerous(text) else text


def xml_text(text: str) -> str:
    """Drop characters that would make an XLSX file unreadable (they carry no meaning in a name)."""
    return _XML_ILLEGAL.sub("", text)
