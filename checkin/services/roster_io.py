# SPDX-License-Identifier: MIT
"""Reading a roster file into rows of text: CSV in any encoding Polish offices produce, or XLSX.

Polish Excel saves "CSV (rozdzielany przecinkami)" as Windows-1250 with `;` between fields; "CSV UTF-8"
adds a BOM; registration systems export plain UTF-8 with `,`; "Unicode text" is UTF-16 with tabs.
Encoding is decided strictly (UTF-8 must decode without a single error, else Windows-1250 is tried)
so a file is never half-read with replacement characters. Row numbers are the ones Excel shows
(header = 1), because that is where the coordinator will look for the error.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

# Limits for what a roster may be. A 2 MB workbook can declare a 2 GiB sheet (XML compresses
# a thousandfold): without a limit, reading it takes gigabytes of memory before a row is seen.
MAX_XLSX_UNCOMPRESSED = 200 * 2**20  # bytes of all the workbook's parts together, once unpacked
MAX_ROWS = 100_000
MAX_COLUMNS = 200
TEXT_SUFFIXES = {".csv", ".txt", ".tsv", ""}
XLSX_SUFFIXES = {".xlsx", ".xlsm"}
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}
ENCODING_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 with BOM", "cp1250": "Windows-1250",
                  "utf-16": "UTF-16"}


class RosterFileError(Exception):
    """The file as a whole cannot be read; the message is a sentence for the user."""


@dataclass
class RawTable:
    """Cells as text, before any meaning is given to them."""

    headers: list[str]
    rows: list[tuple[int, list[str]]]  # (row number as Excel shows it, cells)
    encoding: str = ""  # codec used, "" for XLSX
    delimiter: str = ""  # "" for XLSX
    sheet: str = ""  # XLSX sheet read
    header_row: int = 1
    warnings: list[str] = field(default_factory=list)

    @property
    def source_description(self) -> str:
        if self.sheet:
            return f'Excel workbook, sheet "{self.sheet}"'
        return (f"{ENCODING_NAMES.get(self.encoding, self.encoding)} text, "
                f"{DELIMITER_NAMES.get(self.delimiter, repr(self.delimiter))}-separated")


def read_table(path: Path, sheet: str | None = None) -> RawTable:
    """Read CSV or XLSX; raise RosterFileError for anything that is not a readable table, or (XLSX)
    larger than the limits `MAX_ROWS`, `MAX_COLUMNS`, `MAX_XLSX_UNCOMPRESSED`."""
    path = Path(path)
    if not path.exists():
        raise RosterFileError(f"{path}: file not found")
    if path.is_dir():
        raise RosterFileError(f"{path} is a folder; give the roster file inside it")
    suffix = path.suffix.lower()
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RosterFileError(f"{path}: cannot read the file ({exc.strerror or exc})") from exc
    if suffix in XLSX_SUFFIXES or (data[:4] == b"PK\x03\x04" and suffix in TEXT_SUFFIXES):
        return _read_xlsx(path, data, sheet)
    if suffix == ".xls" or data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise RosterFileError(f"{path.name}: old Excel 97-2003 workbooks (.xls) cannot be read; "
                              "in Excel use File > Save As > Excel Workbook (.xlsx) or CSV UTF-8")
    if suffix not in TEXT_SUFFIXES:
        raise RosterFileError(f"{path.name}: '{suffix}' files are not rosters; give a .csv or .xlsx file "
                              "(in Excel: File > Save As > CSV UTF-8 or Excel Workbook)")
    if sheet:
        raise RosterFileError(f"{path.name} is a CSV file; --sheet applies to Excel workbooks only")
    return _read_csv(path, data)


# ------------------------------------------------------------------------------------------- CSV
def decode(data: bytes, name: str) -> tuple[str, str]:
    """(text, codec). UTF-8 strictly first, then Windows-1250; never a lossy guess."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise RosterFileError(f"{name}: damaged UTF-16 text near byte {exc.start}") from exc
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data.decode("utf-8-sig"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise RosterFileError(f"{name}: the file says it is UTF-8 but line {line} is not valid UTF-8; "
                                  "save it again as CSV UTF-8") from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1250"), "cp1250"
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        bad = data[exc.start: exc.start + 1].hex()
        raise RosterFileError(
            f"{name}: line {line} contains byte 0x{bad}, which is neither UTF-8 nor Windows-1250 text; "
            "the file is damaged or in another encoding; in Excel use File > Save As > CSV UTF-8"
        ) from exc


def detect_delimiter(header_line: str) -> str:
    """The separator used most often outside quotes on the header line (`;` wins ties: Polish Excel)."""
    counts = {";": 0, ",": 0, "\t": 0}
    quoted = False
    for ch in header_line:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(counts, key=lambda d: (counts[d], d == ";", d == "\t"))
    return best if counts[best] else ","


def _read_csv(path: Path, data: bytes) -> RawTable:
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise RosterFileError(f"{path.name} is not a text file (it contains binary data); "
                              "give a CSV or an .xlsx workbook")
    text, codec = decode(data, path.name)
    if not text.strip():
        raise RosterFileError(f"{path.name} is empty; export the attendee list with a header row")
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    hinted = first_line.strip().lower().startswith("sep=") and len(first_line.strip()) == 5
    delimiter = first_line.strip()[4] if hinted else detect_delimiter(first_line)  # Excel's "sep=;" line
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)

    def records() -> Iterator[tuple[int, list[str]]]:
        before_content = True
        for number, record in enumerate(reader, start=1):
            if hinted and before_content and "".join(record).strip().lower() == "sep=":
                continue
            cells = [c.strip() for c in record]
            if any(c.startswith('="') for c in cells):
                cells = [_clean(c) for c in cells]
            before_content = before_content and not any(cells)
            yield number, cells

    try:
        headers, header_row, rows = _split_header(records())
    except csv.Error as exc:
        raise RosterFileError(f"{path.name}: line {reader.line_num} cannot be read as CSV ({exc})") from exc
    assert headers is not None
    return RawTable(_trim(headers), rows, codec, delimiter, "", header_row)


def _split_header(records: Iterable[tuple[int, list[str]]]) -> tuple[list[str] | None, int,
                                                                     list[tuple[int, list[str]]]]:
    """The first non-empty record is the header, empty records are skipped, and every row keeps the
    number Excel shows for it (CSV and XLSX alike)."""
    headers: list[str] | None = None
    header_row = 1
    rows: list[tuple[int, list[str]]] = []
    for number, cells in records:
        if not any(cells):
            continue
        if headers is None:
            headers, header_row = cells, number
        else:
            rows.append((number, cells))
    return headers, header_row, rows


def _clean(cell: str) -> str:
    cell = cell.strip()
    if len(cell) >= 3 and cell.startswith('="') and cell.endswith('"'):  # Excel's keep-as-text trick
        cell = cell[2:-1]
    return cell


def _trim(headers: list[str]) -> list[str]:
    while headers and not headers[-1]:
        headers.pop()
    return headers


# ------------------------------------------------------------------------------------------ XLSX
def _check_unpacked_size(path: Path, data: bytes, limit: int) -> None:
    """Refuse a workbook whose parts unpack to more than `limit` bytes, before unpacking any.
    (The sizes in the zip directory are binding: the reader stops at the declared size.)"""
    from checkin.domain.messages import say

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            total = sum(info.file_size for info in zf.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # load_workbook says what is wrong with it
    if total > limit:
        raise RosterFileError(say("{name} unpacks to {size} MB, more than the {limit} MB a roster may take; "
                                  "it is probably not an attendee list (or its sheet is padded with empty "
                                  "formatted cells): copy the attendee columns into a new workbook or save "
                                  "them as CSV UTF-8", name=path.name, size=round(total / 2**20),
                                  limit=round(limit / 2**20)))


def _limited(path: Path, rows: Iterator[tuple[Any, ...]], max_rows: int,
             max_columns: int) -> Iterator[tuple[int, list[str]]]:
    from checkin.domain.messages import say

    for number, values in enumerate(rows, start=1):
        if number > max_rows + 1:  # + the header row
            raise RosterFileError(say("{name} has more than {limit} rows; a roster may have at most {limit} "
                                      "attendees: split the file, or remove rows that are not attendees",
                                      name=path.name, limit=max_rows))
        if len(values) > max_columns and any(v not in (None, "") for v in values[max_columns:]):
            raise RosterFileError(say("{name}: row {row} has values beyond column {limit}; a roster may have at "
                                      "most {limit} columns: remove the extra columns",
                                      name=path.name, row=number, limit=max_columns))
        yield number, [cell_text(v) for v in values[:max_columns]]


def _bad_xml(path: Path, exc: BaseException) -> RosterFileError:
    from checkin.domain.messages import say

    detail = (str(exc).strip().splitlines() or [exc.__class__.__name__])[0]
    return RosterFileError(say("{name}: the workbook's XML is damaged or uses constructs that are not allowed "
                               "({detail}); open it in Excel and save it again as .xlsx or CSV UTF-8",
                               name=path.name, detail=detail))


def _read_xlsx(path: Path, data: bytes, sheet: str | None) -> RawTable:
    from xml.etree.ElementTree import ParseError

    from openpyxl import load_workbook

    if not data:
        raise RosterFileError(f"{path.name} is empty; export the attendee list with a header row")
    max_rows, max_columns = MAX_ROWS, MAX_COLUMNS  # read now: a caller (or test) may have changed them
    _check_unpacked_size(path, data, MAX_XLSX_UNCOMPRESSED)
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except ParseError as exc:
        raise _bad_xml(path, exc) from exc
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        if exc.__class__.__module__.startswith("defusedxml"):
            raise _bad_xml(path, exc) from exc
        raise RosterFileError(f"{path.name} cannot be read as an Excel workbook ({exc.__class__.__name__}: "
                              f"{exc}); open it in Excel and save it again as .xlsx or CSV UTF-8") from exc
    try:
        if sheet:
            if sheet not in wb.sheetnames:
                names = ", ".join(f'"{n}"' for n in wb.sheetnames)
                raise RosterFileError(f'{path.name} has no sheet "{sheet}" (sheets: {names})')
            ws = wb[sheet]
        else:
            ws = wb.worksheets[0]
        if hasattr(ws, "reset_dimensions"):  # some tools write a wrong <dimension>; never trust it to cut rows
            ws.reset_dimensions()
        try:
            headers, header_row, rows = _split_header(_limited(
                path, ws.iter_rows(min_row=1, max_col=max_columns + 1, values_only=True), max_rows, max_columns))
        except ParseError as exc:
            raise _bad_xml(path, exc) from exc
        except ValueError as exc:
            if exc.__class__.__module__.startswith("defusedxml"):
                raise _bad_xml(path, exc) from exc
            raise
        title = str(ws.title)
    finally:
        wb.close()
    if headers is None:
        raise RosterFileError(f'{path.name}: sheet "{title}" is empty; export the attendee list with a header row')
    return RawTable(_trim(headers), rows, "", "", title, header_row)


def cell_text(value: Any) -> str:
    """An Excel cell as the text a person sees: dates as ISO, whole numbers without `.0`."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return _clean(str(value))
