# SPDX-License-Identifier: MIT
"""What an event's certificates say, read from the event file's `[certificates]` and `[rodo]` tables.

Kept in the event's `settings` (JSON), so it travels to the hub and to every organiser laptop with
`checkin hub publish`, like the rest of the event. Hours and topics belong to sessions, so they are
written in `[[sessions]]` (`hours = 1.5`, `topics = ["..."]`) and collected here by session code.

    [certificates]
    title = "ZAŚWIADCZENIE O UDZIALE"        # Polish title; title_en for the English version
    organiser = "Fundacja Rozwoju Samorządu"
    place = "Warszawa"                       # the 'place, date' line
    dates = "19–20 października 2022 r."     # optional; default from [[days]]
    signatory = "dr Anna Nowak"
    signatory_role = "Prezes Zarządu"
    logo = "logo.png"                        # optional, relative to the event file
    signature = "podpis.png"                 # optional scanned signature
    number = "KS/{year}/{seq:04d}"           # register number pattern
    basis = "day"                            # day: open sessions count for everyone present that day
                                             # session: only sessions the person was scanned into
                                             # (sessions with track_exits: [presence] attended_share)
    wording = "..."                          # optional Polish sentence under the name; wording_en too

    [rodo]
    clause = "Administratorem danych osobowych jest ..."   # under attendance lists and on certificates
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEFAULT_PATTERN = "{year}/{seq:04d}"
TITLE_PL = "ZAŚWIADCZENIE O UDZIALE"
TITLE_EN = "CERTIFICATE OF ATTENDANCE"
IMAGE_LIMIT = 512 * 1024  # logo and signature are embedded in the event settings: keep them small


class CertificateConfigError(ValueError):
    """The `[certificates]` table is wrong; the message names the key."""


@dataclass(frozen=True, slots=True)
class SessionCredit:
    hours: float
    topics: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CertificateSettings:
    title_pl: str = TITLE_PL
    title_en: str = TITLE_EN
    organiser: str = ""
    place: str = ""
    dates: str = ""
    signatory: str = ""
    signatory_role: str = ""
    logo: bytes | None = None
    signature: bytes | None = None
    number: str = DEFAULT_PATTERN
    basis: str = "day"
    wording_pl: str = ""
    wording_en: str = ""
    sessions: dict[str, SessionCredit] = field(default_factory=dict)
    rodo: str = ""
    rodo_attendance: str = ""


def format_number(pattern: str, year: int, seq: int) -> str:
    return pattern.format(year=year, seq=seq)


class _SeqSlot:
    def __format__(self, spec: str) -> str:
        return "{seq}"


def series_of(pattern: str, year: int) -> str:
    """`KS/{year}/{seq:04d}` in 2022 -> `KS/2022/{seq}`: numbers of one series share one counter."""
    return pattern.format(year=year, seq=_SeqSlot())


def check_pattern(pattern: str, where: str) -> str:
    if "{seq" not in pattern:
        raise CertificateConfigError(f"{where}: [certificates] number '{pattern}' needs {{seq}}, e.g. "
                                     "\"KS/{year}/{seq:04d}\"")
    try:
        sample = format_number(pattern, 2022, 1)
    except (KeyError, ValueError, IndexError) as exc:
        raise CertificateConfigError(f"{where}: [certificates] number '{pattern}' may use only {{year}} and "
                                     f"{{seq}} (e.g. \"KS/{{year}}/{{seq:04d}}\"): {exc}") from exc
    if len(sample) > 60:
        raise CertificateConfigError(f"{where}: [certificates] number '{pattern}' makes numbers longer than 60 "
                                     "characters")
    return pattern


def _image(value: Any, base: Path | None, key: str, where: str) -> str | None:
    if not value:
        return None
    path = Path(str(value)).expanduser()
    if not path.is_absolute() and base is not None:
        path = base / path
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CertificateConfigError(f"{where}: [certificates] {key} '{value}' cannot be read: {exc.strerror}") \
            from exc
    if len(data) > IMAGE_LIMIT:
        raise CertificateConfigError(f"{where}: [certificates] {key} '{value}' is {len(data) // 1024} KB; use a "
                                     f"PNG or JPEG under {IMAGE_LIMIT // 1024} KB")
    if not (data.startswith(b"\x89PNG") or data.startswith(b"\xff\xd8")):
        raise CertificateConfigError(f"{where}: [certificates] {key} '{value}' is not a PNG or JPEG image")
    return base64.b64encode(data).decode("ascii")


def parse_paperwork(data: dict[str, Any], sessions: list[dict[str, Any]], where: str,
                    base: Path | None = None) -> dict[str, Any]:
    """The settings entries (`certificates`, `rodo`) for an event file's tables; validated."""
    out: dict[str, Any] = {}
    cert = data.get("certificates", {})
    if not isinstance(cert, dict):
        raise CertificateConfigError(f"{where}: [certificates] must be a table")
    text_keys = ("title", "title_en", "organiser", "place", "dates", "signatory", "signatory_role", "wording",
                 "wording_en")
    unknown = set(cert) - {*text_keys, "logo", "signature", "number", "basis"}
    if unknown:
        raise CertificateConfigError(f"{where}: [certificates] does not know {', '.join(sorted(unknown))}; "
                                     f"known: {', '.join(text_keys)}, logo, signature, number, basis")
    settings: dict[str, Any] = {k: str(cert[k]).strip() for k in text_keys if k in cert}
    settings["number"] = check_pattern(str(cert.get("number", DEFAULT_PATTERN)), where)
    basis = str(cert.get("basis", "day"))
    if basis not in ("day", "session"):
        raise CertificateConfigError(f"{where}: [certificates] basis must be \"day\" or \"session\", not '{basis}'")
    settings["basis"] = basis
    for key in ("logo", "signature"):
        image = _image(cert.get(key), base, key, where)
        if image:
            settings[key] = image
    credits: dict[str, dict[str, Any]] = {}
    for i, s in enumerate(sessions, start=1):
        hours, topics = s.get("hours"), s.get("topics", [])
        code = str(s.get("code", "")).strip()
        if hours is None and not topics:
            continue
        if hours is None or not isinstance(hours, int | float) or not 0 <= float(hours) <= 24:
            raise CertificateConfigError(f"{where}: [[sessions]] #{i} ({code}): 'hours' must be a number of hours "
                                         "like 1.5 (topics need hours too)")
        if isinstance(topics, str):
            topics = [topics]
        if not isinstance(topics, list):
            raise CertificateConfigError(f"{where}: [[sessions]] #{i} ({code}): 'topics' must be a list of texts")
        credits[code] = {"hours": float(hours), "topics": [str(x).strip() for x in topics if str(x).strip()]}
    settings["sessions"] = credits
    out["certificates"] = settings
    rodo = data.get("rodo", {})
    if isinstance(rodo, str):
        rodo = {"clause": rodo}
    if not isinstance(rodo, dict):
        raise CertificateConfigError(f"{where}: [rodo] must be a table with 'clause'")
    if rodo:
        out["rodo"] = {k: str(v).strip() for k, v in rodo.items() if k in ("clause", "attendance_list", "certificate")}
    return out


def certificate_settings(settings: dict[str, Any]) -> CertificateSettings:
    """The typed view of an event's stored settings (defaults for an event file without the tables)."""
    cert = settings.get("certificates") or {}
    rodo = settings.get("rodo") or {}

    def image(key: str) -> bytes | None:
        raw = cert.get(key)
        return base64.b64decode(raw) if raw else None

    clause = str(rodo.get("clause", ""))
    return CertificateSettings(
        title_pl=cert.get("title") or TITLE_PL, title_en=cert.get("title_en") or TITLE_EN,
        organiser=cert.get("organiser", ""), place=cert.get("place", ""), dates=cert.get("dates", ""),
        signatory=cert.get("signatory", ""), signatory_role=cert.get("signatory_role", ""),
        logo=image("logo"), signature=image("signature"), number=cert.get("number", DEFAULT_PATTERN),
        basis=cert.get("basis", "day"),
        wording_pl=cert.get("wording", ""), wording_en=cert.get("wording_en", ""),
        sessions={code: SessionCredit(float(v.get("hours", 0)), tuple(v.get("topics", ())))
                  for code, v in (cert.get("sessions") or {}).items()},
        rodo=str(rodo.get("certificate", "")) or clause, rodo_attendance=str(rodo.get("attendance_list", "")) or clause,
    )
