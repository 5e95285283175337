# SPDX-License-Identifier: MIT
"""Sentences the core says to people (roster problems, registration refusals), in English or Polish.

The core stays free of Qt, so it cannot use the UI's .qm catalogues; the few sentences it builds
itself are looked up here by their English template. The desk app sets the language together with
its Qt translators (`checkin.ui.i18n`), the CLI with `--lang`. One language per process: a desk
runs in one language at a time. A template missing from a catalogue falls back to English, and
`tests/unit/test_messages.py` fails when a template used in the code has no Polish entry.
"""

from __future__ import annotations

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
    # queue forecast on the dashboard (checkin.services.forecast)
    "No desk has admitted anyone in the last 15 minutes; about {n} people are still expected.":
        "Żadne stanowisko nie przyjęło nikogo w ostatnich 15 minutach; spodziewamy się jeszcze około {n} osób.",
    "The open desks keep up: no queue is expected (about {n} people still to come).":
        "Otwarte stanowiska nadążają: kolejka nie powinna się utworzyć (przyjdzie jeszcze około {n} osób).",
    "At this pace the queue clears by {time}; open one more desk to clear it by {better}.":
        "W tym tempie kolejka zniknie do {time}; otwórz jeszcze jedno stanowisko, a zniknie do {better}.",
    "At this pace the queue clears by {time}.": "W tym tempie kolejka zniknie do {time}.",
    "At this pace the queue does not clear before {time}; open {n} more desks to clear it by {better}.":
        "W tym tempie kolejka nie zniknie przed {time}; otwórz dodatkowe stanowiska (liczba: {n}), a zniknie do "
        "{better}.",
    "At this pace the queue does not clear before {time}.": "W tym tempie kolejka nie zniknie przed {time}.",
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
    "the hub has withdrawn this desk's login ({role}): ask the organiser for a new connection "
    "string; check-ins stay on this desk until then":
        "hub odebrał temu stanowisku dostęp ({role}): poproś organizatora o nowy adres połączenia; "
        "do tego czasu wejścia zostają na tym stanowisku",
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
}

CATALOGUES: dict[str, dict[str, str]] = {"en": {}, "pl": POLISH}
