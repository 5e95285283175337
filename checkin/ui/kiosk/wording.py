# SPDX-License-Identifier: MIT
"""What the kiosk says, in Polish and English at once.

Unlike the desk (one language, Qt catalogues), the kiosk talks to guests who may not read the
venue's language, so every sentence is shown in both: the kiosk's language first and large, the
other one below. That is why these sentences live here as pairs rather than in the .ts files.
"""

from __future__ import annotations

SENTENCES: dict[str, dict[str, str]] = {
    "welcome": {"pl": "Witamy!", "en": "Welcome!"},
    "scan": {"pl": "Zeskanuj kod QR ze swojego biletu", "en": "Scan the QR code on your ticket"},
    "scan_hint_camera": {"pl": "Przyłóż kod do kamery albo do czytnika",
                         "en": "Hold the code to the camera or the scanner"},
    "scan_hint_reader": {"pl": "Przyłóż kod do czytnika", "en": "Hold the code to the scanner"},
    "typed_title": {"pl": "Nie masz biletu przy sobie?", "en": "No ticket with you?"},
    "surname": {"pl": "Nazwisko", "en": "Surname"},
    "booking_code": {"pl": "Numer zgłoszenia", "en": "Booking code"},
    "phone": {"pl": "4 ostatnie cyfry telefonu", "en": "Last 4 digits of your phone"},
    "booking_code+phone": {"pl": "Numer zgłoszenia lub 4 ostatnie cyfry telefonu",
                           "en": "Booking code or last 4 digits of your phone"},
    "check_me_in": {"pl": "Zamelduj mnie", "en": "Check me in"},
    "hello": {"pl": "Witamy, {name}!", "en": "Welcome, {name}!"},
    "printing": {"pl": "Twój identyfikator właśnie się drukuje", "en": "Your badge is being printed"},
    "collect_badge": {"pl": "Identyfikator odbierz przy stanowisku rejestracji",
                      "en": "Please collect your badge at the registration desk"},
    "go_to_desk": {"pl": "Prosimy podejść do stanowiska rejestracji",
                   "en": "Please go to the registration desk"},
    "go_to_desk_detail": {"pl": "Tam chętnie pomożemy.", "en": "Our staff will be happy to help."},
    "wait": {"pl": "Chwileczkę…", "en": "One moment…"},
    "staff": {"pl": "Obsługa", "en": "Staff"},
    "rehearsal": {"pl": "PRÓBA — nic nie zostanie zachowane",
                  "en": "REHEARSAL — nothing is kept"},
    "exit_title": {"pl": "Zamknięcie kiosku", "en": "Close the kiosk"},
    "exit_prompt": {"pl": "Hasło organizatora:", "en": "Organiser password:"},
    "exit_wrong": {"pl": "To nie jest hasło organizatora.", "en": "That is not the organiser password."},
    "cancel": {"pl": "Anuluj", "en": "Cancel"},
    "close": {"pl": "Zamknij kiosk", "en": "Close the kiosk"},
}


def other(language: str) -> str:
    return "en" if language == "pl" else "pl"


def phrase(key: str, language: str, **params: str) -> str:
    return SENTENCES[key][language if language in ("pl", "en") else "en"].format(**params)


def both(key: str, language: str, **params: str) -> tuple[str, str]:
    """(in the kiosk's language, in the other one)."""
    return phrase(key, language, **params), phrase(key, other(language), **params)
