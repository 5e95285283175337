# SPDX-License-Identifier: MIT
"""What roster columns mean and how their values are read.

Registration systems and hand-made Excel sheets name the same column a dozen ways (`Imię`, `Imie`,
`First name`; `Instytucja`, `Urząd`, `Jednostka`...). Headers are compared after folding
(case, diacritics, punctuation and spaces removed), so `E-mail`, `e mail` and `EMAIL` are one
column. The same value readers serve the import and a walk-in typed at a desk, so both accept and
refuse exactly the same things.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from datetime import date

from checkin.domain.messages import say
from checkin.domain.models import Category
from checkin.domain.text import fold

# field -> what a person calls it (first entry is shown in messages)
FIELDS: dict[str, str] = {
    "external_ref": "registration id",
    "first_name": "first name",
    "last_name": "last name",
    "full_name": "full name",
    "organisation": "organisation",
    "position": "position",
    "email": "e-mail",
    "phone": "phone",
    "category": "category",
    "days": "days",
    "sessions": "sessions",
    "external_code": "ticket code",
    "notes": "notes",
    "group_code": "group",
    "photo_consent": "photo consent",
    # kept as "Heading: value" lines in the notes: the desk shows them on scan (checkin.domain.alerts)
    "gender": "gender",
    "vip": "VIP",
    "green_room": "speaker to the green room",
    "accessibility": "accessibility needs",
    "dietary": "dietary needs",
    "see_organiser": "see the organiser",
}
NOTE_FIELDS = ("gender", "vip", "green_room", "accessibility", "dietary", "see_organiser")
IGNORE = "ignore"

_HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "external_ref": ("Nr zgłoszenia", "Numer zgłoszenia", "Nr rejestracji", "ID", "Registration ID",
                     "Registration number", "External id", "External ref", "Reg id", "Identyfikator"),
    "first_name": ("Imię", "First name", "Firstname", "Given name", "Forename"),
    "last_name": ("Nazwisko", "Last name", "Lastname", "Surname", "Family name"),
    "full_name": ("Imię i nazwisko", "Imię nazwisko", "Nazwisko i imię", "Full name", "Name", "Uczestnik",
                  "Participant", "Attendee"),
    "organisation": ("Instytucja", "Urząd", "Organizacja", "Jednostka", "Nazwa instytucji", "Nazwa urzędu",
                     "Nazwa jednostki", "Firma", "Pracodawca", "Organisation", "Organization", "Company",
                     "Institution", "Employer"),
    "position": ("Stanowisko", "Funkcja", "Position", "Job title", "Job", "Role", "Title"),
    "email": ("E-mail", "Email", "Adres e-mail", "Adres email", "Mail", "E-mail address", "Email address"),
    "phone": ("Telefon", "Tel", "Nr telefonu", "Numer telefonu", "Telefon komórkowy", "Komórka", "Phone",
              "Phone number", "Mobile", "Telephone"),
    "category": ("Kategoria", "Typ uczestnika", "Typ", "Rodzaj uczestnika", "Rodzaj", "Category", "Type",
                 "Attendee type", "Ticket type"),
    "days": ("Dni", "Dzień", "Dni udziału", "Days", "Day", "Dates"),
    "sessions": ("Sesje", "Sesja", "Warsztaty", "Warsztat", "Sessions", "Session", "Workshops", "Workshop"),
    "external_code": ("Kod biletu", "Numer biletu", "Nr biletu", "Kod kreskowy", "Bilet", "Ticket code",
                      "Ticket number", "Ticket", "Barcode", "Code"),
    "notes": ("Uwagi", "Notatki", "Komentarz", "Notes", "Note", "Comments", "Remarks"),
    "gender": ("Płeć", "Gender", "Sex"),
    "vip": ("VIP", "Gość specjalny", "Special guest"),
    "green_room": ("Green room", "Pokój prelegentów", "Prelegent do pokoju", "Speaker to green room"),
    "accessibility": ("Dostępność", "Potrzeby dostępności", "Niepełnosprawność", "Accessibility",
                      "Accessibility needs"),
    "dietary": ("Dieta", "Dieta specjalna", "Wyżywienie", "Dietary", "Diet", "Dietary needs",
                "Dietary requirements"),
    "see_organiser": ("Zgłosić się do organizatora", "Do organizatora", "Uwaga dla recepcji", "See organiser",
                      "See the organiser", "See organizer"),
    # people who arrive together and may be checked in together (issue 18)
    "group_code": ("Grupa", "Delegacja", "Nr zamówienia", "Numer zamówienia", "Zamówienie", "Nr grupy",
                   "Group", "Delegation", "Order number", "Order no", "Order", "Order ID", "Group code"),
    "photo_consent": ("Zgoda na wizerunek", "Zgoda na publikację wizerunku", "Zgoda na zdjęcia",
                      "Zgoda na fotografowanie", "Wizerunek", "Zgoda RODO wizerunek", "Photo consent",
                      "Image consent", "Consent to photos", "Photos", "Photography consent"),
}

_CATEGORY_SYNONYMS: dict[Category, tuple[str, ...]] = {
    Category.PARTICIPANT: ("Uczestnik", "Uczestniczka", "participant", "attendee", "delegate", "delegat"),
    Category.SPEAKER: ("Prelegent", "Prelegentka", "Mówca", "Ekspert", "Panelista", "speaker", "panelist"),
    Category.PARTNER: ("Partner", "Sponsor", "Wystawca", "partner", "sponsor", "exhibitor"),
    Category.MEDIA: ("Media", "Prasa", "Dziennikarz", "press", "journalist"),
    Category.STAFF: ("Obsługa", "Personel", "Wolontariusz", "staff", "crew", "volunteer"),
    Category.ORGANISER: ("Organizator", "organiser", "organizer"),
    Category.GUEST: ("Gość", "VIP", "Gość specjalny", "guest"),
}
CATEGORY_HELP = ", ".join(f"{names[0]}/{cat.value}" for cat, names in _CATEGORY_SYNONYMS.items())

_EMAIL = re.compile(r"[^@\s<>(),;:\"]+@[^@\s<>(),;:\"]+\.[^@\s<>(),;:\".]{2,}")
_LIST_SEPARATORS = re.compile(r"\s*[,;|\n]\s*")
_PL_DATE = re.compile(r"(\d{1,2})[./](\d{1,2})[./](\d{4})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?")


def header_key(text: str) -> str:
    """`'  Adres E-mail:'` -> `'adresemail'`: what two spellings of one header have in common."""
    return re.sub(r"[^a-z0-9]+", "", fold(text))


_HEADER_INDEX: dict[str, str] = {
    header_key(name): f for f, names in _HEADER_SYNONYMS.items() for name in (*names, f, FIELDS[f])
}
_CATEGORY_INDEX: dict[str, Category] = {
    header_key(name): cat for cat, names in _CATEGORY_SYNONYMS.items() for name in (*names, cat.value)
}


def field_for_header(header: str) -> str | None:
    return _HEADER_INDEX.get(header_key(header))


def field_for_mapping_target(target: str) -> str | None:
    """`--map "Kolumna X=organisation"`: the target may be a field name or any known header."""
    key = header_key(target)
    if key in {IGNORE, "skip", "pomin", "none", ""}:
        return IGNORE
    return _HEADER_INDEX.get(key)


class ValueProblem(ValueError):
    """A cell value that cannot be used; the message says why, without the row (the caller adds it)."""


def parse_category(value: str) -> str:
    if not value.strip():
        return Category.PARTICIPANT.value
    cat = _CATEGORY_INDEX.get(header_key(value))
    if cat is None:
        raise ValueProblem(say('"{value}" is not a category; use one of: {allowed}', value=value,
                               allowed=CATEGORY_HELP))
    return cat.value


def check_email(value: str) -> str:
    value = value.strip()
    if value.lower().startswith("mailto:"):
        value = value[7:]
    if value and not _EMAIL.fullmatch(value):
        raise ValueProblem(say('"{value}" is not an e-mail address', value=value))
    return value


_CONSENT_YES = {"tak", "t", "yes", "y", "1", "x", "true", "zgoda", "wyrazamzgode", "zgadzamsie", "ok"}
_CONSENT_NO = {"nie", "n", "no", "0", "false", "brakzgody", "brak", "niewyrazamzgody", "odmowa", "nozgody",
               "noconsent"}


def parse_consent(value: str) -> str:
    """A yes/no cell about the use of one's image: "yes", "no", or "" when left empty (not asked)."""
    key = header_key(value)
    if not key:
        return ""
    if key in _CONSENT_YES:
        return "yes"
    if key in _CONSENT_NO:
        return "no"
    raise ValueProblem(say('"{value}" is not a yes/no answer; write tak or nie (yes or no)', value=value))


def split_list(value: str) -> list[str]:
    return [part for part in _LIST_SEPARATORS.split(value.strip()) if part]


def parse_day(text: str) -> date:
    m = _ISO_DATE.fullmatch(text)
    try:
        if m:
            return date(int(m[1]), int(m[2]), int(m[3]))
        m = _PL_DATE.fullmatch(text)
        if m:
            return date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:
        pass
    raise ValueProblem(say('"{value}" is not a date (write 2022-10-19 or 19.10.2022)', value=text))


def parse_days(value: str | Iterable[date | str], event_days: Collection[date] | None) -> tuple[date, ...]:
    """Days as written in a cell (`2022-10-19, 20.10.2022`); empty means every day of the event."""
    parts: Iterable[date | str] = split_list(value) if isinstance(value, str) else value
    days: list[date] = []
    for part in parts:
        day = part if isinstance(part, date) else parse_day(part.strip())
        if event_days is not None and day not in event_days:
            allowed = ", ".join(d.isoformat() for d in sorted(event_days))
            raise ValueProblem(say('"{value}" is not a day of the event ({allowed})', value=day.isoformat(),
                                      allowed=allowed))
        if day not in days:
            days.append(day)
    if event_days is not None and set(days) == set(event_days):
        return ()  # registered for every day: stored as "all", like an empty cell
    return tuple(sorted(days))


def parse_sessions(value: str | Iterable[str], session_codes: Collection[str] | None) -> tuple[str, ...]:
    parts = split_list(value) if isinstance(value, str) else [p.strip() for p in value if p.strip()]
    if session_codes is None:
        return tuple(dict.fromkeys(parts))
    by_upper = {code.upper(): code for code in session_codes}
    codes: list[str] = []
    for part in parts:
        code = by_upper.get(part.upper())
        if code is None:
            known = ", ".join(sorted(session_codes)) or "none defined"
            raise ValueProblem(say('"{value}" is not a session code of the event (codes: {known})', value=part,
                                      known=known))
        if code not in codes:
            codes.append(code)
    return tuple(codes)


def split_full_name(value: str) -> tuple[str, str]:
    """`Jan Maria Kowalski` -> (`Jan Maria`, `Kowalski`); `Kowalski, Jan` -> (`Jan`, `Kowalski`).

    The surname is the last word because Polish registration forms write names first-name-first;
    a comma marks the surname-first form that some exports use.
    """
    value = " ".join(value.split())
    if "," in value:
        last, _, first = value.partition(",")
        first, last = first.strip(), last.strip()
    else:
        first, _, last = value.rpartition(" ")
    if not first or not last:
        raise ValueProblem(say('"{value}" has no separate first and last name', value=value))
    return first, last


# text column limits from storage/tables.py, checked here so an over-long value is a row error,
# not a database error halfway through the import
MAX_LENGTH = {"group_code": 200, "external_ref": 200, "external_code": 200, "first_name": 200, "last_name": 200,
              "organisation": 500, "position": 300, "email": 320, "phone": 64}


def check_length(field: str, value: str) -> None:
    limit = MAX_LENGTH.get(field)
    if limit is not None and len(value) > limit:
        raise ValueProblem(say("{length} characters, at most {limit} fit", length=len(value), limit=limit))
