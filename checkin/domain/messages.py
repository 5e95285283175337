# SPDX-License-Identifier: MIT
"""Sentences the core says to people (roster problems, registration refusals), in English or Polish.

The core stays free of Qt, so it cannot use the UI's .qm catalogues; the few sentences it builds
itself are looked up here by their English template. The desk app sets the language together with
its Qt translators (`checkin.ui.i18n`), the CLI with `--lang`. One language per process: a desk
runs in one language at a time. A template missing from a catalogue falls back to English, and
`tests/unit/test_messages.py` fails when a template used in the code has no Polish entry.
"""

from __future__ import annotations

import re
from typing import Any

_language = "en"


def set_language(code: str | None) -> str:
    """Choose the language of core messages ("pl" or "en"); returns the one in force."""
    global _language
    _language = code if code in CATALOGUES else "en"
    return _language


def language() -> str:
    return _language


def say(template: str, **params: Any) -> str:
    """The sentence for `template` (an English str.format template) in the current language."""
    text = CATALOGUES.get(_language, {}).get(template, template)
    return text.format(**params)


POLISH: dict[str, str] = {
    # scan decisions as the CLI prints them (checkin.services.checkin.MESSAGES; JSON keeps English)
    "Welcome": "Witamy",
    "Exit recorded": "Wyjście zarejestrowane",
    "Already checked in": "Osoba już zarejestrowana",
    "Not registered for this checkpoint": "Brak rejestracji na ten punkt kontroli",
    "Registration or ticket cancelled": "Rejestracja lub bilet anulowane",
    "Unknown code": "Nieznany kod",
    "Not a valid ticket": "To nie jest ważny bilet",
    "Ticket for another event": "Bilet na inne wydarzenie",
    "Session full": "Brak wolnych miejsc na sesji",
    "Exit without an entry": "Wyjście bez wcześniejszego wejścia",
    "Check-in undone": "Rejestracja cofnięta",
    "at {time} at {desk}": "o {time}, stanowisko {desk}",
    # queue forecast on the dashboard (checkin.services.forecast)
    "No desk has admitted anyone in the last 15 minutes; about {n} people are still expected.":
        "Żadne stanowisko nie przyjęło nikogo w ostatnich 15 minutach; spodziewamy się jeszcze około {n} osób.",
    "The open desks keep up: no queue is expected (about {n} people still to come).":
        "Otwarte stanowiska nadążają: kolejka nie powinna się utworzyć (przyjdzie jeszcze około {n} osób).",
    "At this pace the queue clears by {time}; open one more desk to clear it by {better}.":
        "W tym tempie kolejka zniknie do {time}; otwórz jeszcze jedno stanowisko, a zniknie do {better}.",
    "At this pace the queue clears by {time}.": "W tym tempie kolejka zniknie do {time}.",
    "At this pace the queue does not clear before {time}; open one more desk to clear it by {better}.":
        "W tym tempie kolejka nie zniknie przed {time}; otwórz jeszcze jedno stanowisko, a zniknie do {better}.",
    "At this pace the queue does not clear before {time}; open {n} more desks to clear it by {better}.":
        "W tym tempie kolejka nie zniknie przed {time}; otwórz dodatkowe stanowiska (liczba: {n}), a zniknie do "
        "{better}.",
    "At this pace the queue does not clear before {time}.": "W tym tempie kolejka nie zniknie przed {time}.",
    # roster file limits (checkin.services.roster_io)
    "{name} unpacks to {size} MB, more than the {limit} MB a roster may take; it is probably not an attendee "
    "list (or its sheet is padded with empty formatted cells): copy the attendee columns into a new workbook or "
    "save them as CSV UTF-8":
        "{name} po rozpakowaniu ma {size} MB, więcej niż {limit} MB dopuszczalne dla listy uczestników; to "
        "raczej nie jest lista uczestników (albo arkusz ma mnóstwo pustych sformatowanych komórek): skopiuj "
        "kolumny z uczestnikami do nowego skoroszytu albo zapisz je jako CSV UTF-8",
    "{name} has more than {limit} rows; a roster may have at most {limit} attendees: split the file, or remove "
    "rows that are not attendees":
        "{name} ma więcej niż {limit} wierszy; lista może mieć najwyżej {limit} uczestników: podziel plik albo "
        "usuń wiersze, które nie są uczestnikami",
    "{name}: row {row} has values beyond column {limit}; a roster may have at most {limit} columns: remove the "
    "extra columns":
        "{name}: wiersz {row} ma wartości poza kolumną {limit}; lista może mieć najwyżej {limit} kolumn: usuń "
        "nadmiarowe kolumny",
    "{name}: the workbook's XML is damaged or uses constructs that are not allowed ({detail}); open it in Excel "
    "and save it again as .xlsx or CSV UTF-8":
        "{name}: XML skoroszytu jest uszkodzony albo zawiera niedozwolone konstrukcje ({detail}); otwórz go w "
        "Excelu i zapisz ponownie jako .xlsx albo CSV UTF-8",
    # held rows (checkin.sync.held)
    "{field} is {length} characters long; at most {limit} are allowed":
        "{field} ma {length} znaków; dozwolone jest najwyżej {limit}",
    # limits shared with the hub (checkin.services.limits)
    "the operator name is {length} characters long; the venue database takes at most {limit}: use a shorter "
    "name or initials":
        "nazwa operatora ma {length} znaków; baza danych miejsca wydarzenia przyjmuje najwyżej {limit}: użyj "
        "krótszej nazwy albo inicjałów",
    "the desk name is {length} characters long; the venue database takes at most {limit}: choose a shorter one":
        "nazwa stanowiska ma {length} znaków; baza danych miejsca wydarzenia przyjmuje najwyżej {limit}: wybierz "
        "krótszą",
    # settings (checkin.domain.settings)
    "the organiser password needs at least {n} characters": "hasło organizatora musi mieć co najmniej {n} znaków",
    # roster values (checkin.services.roster_mapping)
    '"{value}" is not a yes/no answer; write tak or nie (yes or no)':
        '„{value}” to nie jest odpowiedź tak/nie; wpisz tak albo nie',
    '"{value}" is not a category; use one of: {allowed}':
        "„{value}” to nie jest kategoria; użyj jednej z: {allowed}",
    '"{value}" is not an e-mail address': "„{value}” to nie jest adres e-mail",
    '"{value}" is not a date (write 2022-10-19 or 19.10.2022)':
        "„{value}” to nie jest data (wpisz 2022-10-19 lub 19.10.2022)",
    '"{value}" is not a day of the event ({allowed})': "„{value}” nie jest dniem wydarzenia ({allowed})",
    '"{value}" is not a session code of the event (codes: {known})':
        "„{value}” nie jest kodem sesji tego wydarzenia (kody: {known})",
    '"{value}" has no separate first and last name': "w „{value}” nie da się oddzielić imienia od nazwiska",
    "{length} characters, at most {limit} fit": "{length} znaków, mieści się najwyżej {limit}",
    # roster rows and files (checkin.services.roster, roster_model)
    "{problem}; write it as first name then surname": "{problem}; wpisz najpierw imię, potem nazwisko",
    "empty; every attendee needs a first and last name": "puste; każdy uczestnik musi mieć imię i nazwisko",
    "empty; every attendee needs a first name": "puste; każdy uczestnik musi mieć imię",
    "empty; every attendee needs a last name": "puste; każdy uczestnik musi mieć nazwisko",
    '"{value}" is also the registration id of row {row}; registration ids must be unique':
        "„{value}” to także numer zgłoszenia z wiersza {row}; numery zgłoszeń nie mogą się powtarzać",
    '"{value}" is also the e-mail of row {row} and neither row has a registration id, so the two cannot '
    "be told apart; add a registration id column or remove the repeated row":
        "„{value}” to także e-mail z wiersza {row}, a żaden z tych wierszy nie ma numeru zgłoszenia, więc "
        "nie da się ich rozróżnić; dodaj kolumnę z numerem zgłoszenia albo usuń powtórzony wiersz",
    "{name} ({organisation}) is already in row {row}; remove the repeated row, or add a registration id or "
    "e-mail column to tell them apart":
        "{name} ({organisation}) jest już w wierszu {row}; usuń powtórzony wiersz albo dodaj numer "
        "zgłoszenia lub e-mail, aby ich rozróżnić",
    "no organisation": "bez instytucji",
    '"{value}" is also the ticket code of row {row}; ticket codes must be unique':
        "„{value}” to także kod biletu z wiersza {row}; kody biletów nie mogą się powtarzać",
    "{name} has a header row but no attendees below it": "{name} ma wiersz nagłówka, ale pod nim nie ma uczestników",
    'row {row}, field "{field}": {message}': "wiersz {row}, kolumna „{field}”: {message}",
    "row {row}: {message}": "wiersz {row}: {message}",
    "{name}: {count} problem found, nothing was imported; correct the file and import it again:":
        "{name}: znaleziono {count} problem, nic nie zaimportowano; popraw plik i zaimportuj go ponownie:",
    "{name}: {count} problems found, nothing was imported; correct the file and import it again:":
        "{name}: znaleziono problemy ({count}), nic nie zaimportowano; popraw plik i zaimportuj go ponownie:",
    "... and {count} more": "... i jeszcze {count}",
    # desk registration (checkin.services.registration)
    "the first name is required": "imię jest wymagane",
    "the last name is required": "nazwisko jest wymagane",
    "{field}: {problem}": "{field}: {problem}",
    'ticket code "{code}" already belongs to {name}': "kod biletu „{code}” należy już do: {name}",
    "{name}'s registration is cancelled; reactivate it before issuing a new ticket":
        "zgłoszenie osoby {name} jest anulowane; przywróć je przed wydaniem nowego biletu",
    # the road to the hub and the hub's refusals (checkin.sync.trust)
    "sslmode={mode} is not a PostgreSQL sslmode; use verify-full":
        "sslmode={mode} to nie jest tryb SSL PostgreSQL; użyj verify-full",
    "refusing to send check-ins to {host} with sslmode={mode}: the venue network could read or change them. "
    "Use the connection string from `checkin hub add-desk` (sslmode=verify-full), or add --insecure-hub "
    "if you really accept an unencrypted hub":
        "nie wysyłam wejść do {host} z sslmode={mode}: sieć na miejscu mogłaby je odczytać lub zmienić. "
        "Użyj adresu z `checkin hub add-desk` (sslmode=verify-full) albo dodaj --insecure-hub, jeśli "
        "naprawdę godzisz się na nieszyfrowane połączenie z hubem",
    "the hub has withdrawn this desk's login ({role}): ask the organiser for a new connection string":
        "hub odebrał temu stanowisku dostęp ({role}): poproś organizatora o nowy adres połączenia",
    "the hub closed this desk's connection (its login may have been withdrawn); trying again":
        "hub zamknął połączenie tego stanowiska (być może odebrano mu dostęp); próbuję ponownie",
    "the hub refused a row this desk may not write (every row must carry this desk's own id, "
    "and a withdrawn login may write nothing); ask the organiser to check this desk's login":
        "hub odrzucił wiersz, którego to stanowisko nie może zapisać (każdy wiersz musi nosić "
        "identyfikator tego stanowiska, a odebrany dostęp nie pozwala zapisać niczego); poproś "
        "organizatora o sprawdzenie dostępu tego stanowiska",
    "the hub did not accept this desk's password: paste the connection string from "
    "`checkin hub add-desk` again":
        "hub nie przyjął hasła tego stanowiska: wklej ponownie adres z `checkin hub add-desk`",
    "the hub's certificate does not prove it is the venue hub ({detail}): check the host name "
    "and the CA file (sslrootcert) in the connection string":
        "certyfikat huba nie potwierdza, że to hub wydarzenia ({detail}): sprawdź nazwę hosta "
        "i plik CA (sslrootcert) w adresie połączenia",
    "the CA file that proves the hub's identity is missing on this desk ({detail}): copy the "
    "venue's CA certificate there or fix sslrootcert":
        "na tym stanowisku brakuje pliku CA potwierdzającego tożsamość huba ({detail}): skopiuj "
        "tam certyfikat CA wydarzenia albo popraw sslrootcert",
    # badge printing (checkin.ui.printing), at the desk and in the CLI
    "no printer given and this computer has no default printer; installed: {installed}":
        "nie wskazano drukarki, a ten komputer nie ma drukarki domyślnej; zainstalowane: {installed}",
    "no printer named '{name}'; installed: {installed}":
        "nie ma drukarki o nazwie „{name}”; zainstalowane: {installed}",
    "none": "brak",
    "the printer does not accept a {width} x {height} mm page; set up that paper size (label) in the printer's "
    "settings": "drukarka nie przyjmuje strony {width} x {height} mm; ustaw ten rozmiar papieru (etykiety) "
                "w ustawieniach drukarki",
    "cannot open {path}: {error}": "nie można otworzyć {path}: {error}",
    "{path} has no pages": "{path} nie ma żadnej strony",
    "could not start printing on {printer} (is it online and is the queue accepting jobs?)":
        "nie udało się rozpocząć drukowania na {printer} (czy jest włączona i czy kolejka przyjmuje zadania?)",
    "the printer {printer} refused a new page": "drukarka {printer} odmówiła nowej strony",
    "printing on {printer} failed while sending the job": "drukowanie na {printer} nie powiodło się podczas wysyłania",
    # this desk's default name (checkin.storage.meta), until a volunteer names it
    "Desk {code}": "Stanowisko {code}",
    # cameras and scan sources (checkin.scanner, shown at the desk through translate_text)
    "camera {device} could not be opened: {error}": "nie udało się otworzyć kamery {device}: {error}",
    "{path} does not exist (no camera connected, or the driver is not loaded)":
        "{path} nie istnieje (kamera niepodłączona albo sterownik niezaładowany)",
    "no permission to use {path} (add the user to the 'video' group)":
        "brak uprawnień do {path} (dodaj użytkownika do grupy „video”)",
    "{path} is busy or not a capture device (is another program using the camera?)":
        "{path} jest zajęte albo to nie kamera (czy inny program używa kamery?)",
    "no such camera, or it is in use by another program (close Zoom/Teams/the camera app)":
        "nie ma takiej kamery albo używa jej inny program (zamknij Zoom/Teams/aplikację kamery)",
    "the camera stopped delivering frames (unplugged?)": "kamera przestała przesyłać obraz (odłączona?)",
    "{name} is not open": "{name} nie jest otwarte",
    "image {path} could not be read: {error}": "nie udało się odczytać obrazu {path}: {error}",
    "folder {folder} does not exist": "folder {folder} nie istnieje",
    "folder {folder} has no images ({extensions})": "w folderze {folder} nie ma obrazów ({extensions})",
    "video {path} does not exist": "plik wideo {path} nie istnieje",
    "video {path} could not be opened: unknown format or missing codec":
        "nie udało się otworzyć wideo {path}: nieznany format albo brak kodeka",
    "'{path}' is neither a camera (camera:N) nor an existing file or folder":
        "„{path}” to ani kamera (camera:N), ani istniejący plik lub folder",
    "scanner modules not installed ({name})": "moduły skanera nie są zainstalowane ({name})",
    "no decoder installed: {error}": "nie zainstalowano dekodera: {error}",
    # the database folder (checkin.storage.db)
    "The folder {folder} does not exist: check the --db path, or add --create to start a new database there.":
        "Folder {folder} nie istnieje: sprawdź ścieżkę w --db albo dodaj --create, aby założyć tam nową bazę.",
    "Cannot create the folder {folder}: {error}.": "Nie można utworzyć folderu {folder}: {error}.",
    "The desk cannot write to {path}: the folder or file is read-only. Choose a folder you can write to (--db), "
    "or ask for write access.":
        "Stanowisko nie może zapisywać w {path}: folder lub plik jest tylko do odczytu. Wybierz folder z prawem "
        "zapisu (--db) albo poproś o to prawo.",
    # volunteer's day (checkin.services.rehearsal, volunteers, groups)
    "a rehearsal is running: real attendees cannot be changed until it ends":
        "trwa próba: danych prawdziwych uczestników nie można zmieniać, dopóki się nie skończy",
    "wrong PIN for {name}": "błędny PIN dla: {name}",
    "no volunteer named {name}": "nie ma wolontariusza o nazwisku {name}",
    "this needs a supervisor's PIN": "to wymaga PIN-u koordynatora",
    "that PIN is not a supervisor's": "ten PIN nie należy do koordynatora",
    "a PIN is 4 to 8 digits": "PIN to od 4 do 8 cyfr",
    "no group {group} in the roster": "w liście uczestników nie ma grupy {group}",
    "{name} has no group in the roster": "{name} nie należy do żadnej grupy",
}

CATALOGUES: dict[str, dict[str, str]] = {"en": {}, "pl": POLISH}
_PATTERNS: dict[str, list[tuple[re.Pattern[str], str]]] = {}


def add_catalogue(code: str, entries: dict[str, str]) -> None:
    """More sentences for a language (the CLI's live in `checkin.cli.wording`)."""
    CATALOGUES.setdefault(code, {}).update(entries)
    _PATTERNS.pop(code, None)


def _patterns(code: str) -> list[tuple[re.Pattern[str], str]]:
    """Each template as a regular expression, the longest fixed text first (the most specific)."""
    if code not in _PATTERNS:
        found = []
        for english, translated in CATALOGUES.get(code, {}).items():
            pieces = re.split(r"(\{\w+\})", english)
            if len(pieces) == 1:
                continue
            regex = "".join(f"(?P<{p[1:-1]}>.*?)" if re.fullmatch(r"\{\w+\}", p) else re.escape(p.replace("{{", "{")
                                                                                            .replace("}}", "}"))
                            for p in pieces)
            fixed = sum(len(p) for p in pieces if not re.fullmatch(r"\{\w+\}", p))
            try:
                found.append((fixed, re.compile(regex + r"\Z", re.DOTALL), translated))
            except re.error:  # a placeholder used twice: exact lookups only
                continue
        found.sort(key=lambda f: -f[0])
        _PATTERNS[code] = [(pattern, translated) for _fixed, pattern, translated in found]
    return _PATTERNS[code]


def translate_text(text: str) -> str:
    """A finished English sentence (or several lines of them) in the current language.

    Whole text first (a message may span lines), then line by line; what matches no template stays
    as it is (names, numbers, JSON).
    """
    if _language == "en" or not text.strip():
        return text
    whole = _translate_one(text)
    if whole is not None:
        return whole
    if "\n" in text:
        return "\n".join(_translate_one(line) or line for line in text.split("\n"))
    return text


def _translate_one(text: str) -> str | None:
    catalogue = CATALOGUES.get(_language, {})
    if text in catalogue:
        return catalogue[text]
    for pattern, translated in _patterns(_language):
        match = pattern.match(text)
        if match:
            values = {k: translate_text(v) if k in ("message", "exc", "warning") else v
                      for k, v in match.groupdict().items()}
            return translated.format(**values)
    return None
