# SPDX-License-Identifier: MIT
"""What the desk must notice about a person when they are scanned, and how to address them.

Both come from the roster, without new columns in the database: an import writes flag columns
(VIP, speaker to the green room, accessibility, dietary, "see the organiser") and a gender column
into the attendee's notes as `Label: value` lines, and organisers can type the same lines by hand.
So the notes travel to every desk with the roster through sync, and an organiser can read and edit
them as plain text.

Which kinds exist and which words mark them is configurable per event (`[alerts]` in the event file,
kept in `event.settings["alerts"]`); the defaults cover Polish and English roster headings. A kind
may ask for the "flagged" sound, so a VIP at a busy desk is not missed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from checkin.domain.text import fold

# kind -> (icon, words that mark a notes line or a whole note as this kind)
DEFAULT_KINDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "vip": ("★", ("VIP", "gość specjalny", "special guest")),
    "green_room": ("➜", ("green room", "pokój prelegentów", "prelegent do", "speaker to")),
    "accessibility": ("♿", ("dostępność", "accessibility", "wózek", "wheelchair", "niepełnospraw", "pętla indukcyjna",
                            "tłumacz PJM", "sign language")),
    "dietary": ("♨", ("dieta", "dietary", "diet", "wegańsk", "wegetaria", "vegan", "vegetarian", "bezglutenow",
                      "gluten", "alergia", "allergy")),
    "see_organiser": ("⚑", ("zgłosić się do organizatora", "do organizatora", "see organiser", "see the organiser",
                           "see organizer", "skieruj do", "send to")),
}
DEFAULT_SOUND_KINDS = ("vip", "see_organiser")
GENDER_LABELS = ("płeć", "plec", "gender", "sex")
_FEMALE = {"k", "kobieta", "f", "female", "woman", "ż", "żeńska", "pani"}
_MALE = {"m", "mężczyzna", "mezczyzna", "male", "man", "męska", "pan"}
# Polish first names ending in -a that belong to men, and common female names that do not end in -a
_MALE_IN_A = {"kuba", "barnaba", "bonawentura", "kosma", "jarema", "zawisza", "dyzma", "sasza", "nikita",
              "luca", "andrea", "mustafa", "ilja", "jona", "kosta", "boryna", "jehuda", "juda"}
_FEMALE_OTHER = {"beatrycze", "noemi", "nicole", "ruth", "miriam", "abigail", "rut", "karen", "ingrid", "carmen",
                 "dolores", "mercedes", "inez", "iris", "abigel", "esther", "ester"}


@dataclass(frozen=True, slots=True)
class Alert:
    kind: str
    icon: str
    text: str  # the line from the notes, as the organiser wrote it


@dataclass(frozen=True, slots=True)
class AlertRules:
    kinds: dict[str, tuple[str, tuple[str, ...]]]
    sound_kinds: tuple[str, ...]

    @classmethod
    def for_event(cls, settings: dict[str, Any] | None) -> AlertRules:
        """Defaults, changed by the event's `[alerts]` table:

        `[alerts] vip = ["VIP", "Gość honorowy"]` replaces a kind's words, `sound = ["vip"]` chooses the
        kinds that ring the flagged sound, `off = ["dietary"]` hides a kind at the desks.
        """
        config = dict((settings or {}).get("alerts") or {})
        kinds = dict(DEFAULT_KINDS)
        for kind, words in config.items():
            if kind in ("sound", "off") or not isinstance(words, list | tuple | str):
                continue
            icon = kinds.get(kind, ("⚑", ()))[0]
            kinds[kind] = (icon, tuple([words] if isinstance(words, str) else (str(w) for w in words)))
        for kind in config.get("off", ()) or ():
            kinds.pop(str(kind), None)
        sound = config.get("sound", DEFAULT_SOUND_KINDS)
        return cls(kinds, tuple(str(k) for k in ([sound] if isinstance(sound, str) else sound)))

    def alerts(self, notes: str) -> list[Alert]:
        """One alert per notes line that carries a kind's word (the gender line is not an alert)."""
        found: list[Alert] = []
        for line in _lines(notes):
            label, _sep, value = line.partition(":")
            if fold(label) in {fold(g) for g in GENDER_LABELS} and value:
                continue
            if value and fold(value) in {"nie", "no", "false", "0", "-", "brak"}:
                continue  # "VIP: nie" is not an alert
            folded = fold(line)
            for kind, (icon, words) in self.kinds.items():
                if any(fold(w) in folded for w in words):
                    found.append(Alert(kind, icon, line))
                    break
        return found

    def rings(self, alerts: list[Alert]) -> bool:
        return any(a.kind in self.sound_kinds for a in alerts)


def _lines(notes: str) -> list[str]:
    return [part.strip() for part in notes.replace(";", "\n").splitlines() if part.strip()]


def grammatical_gender(first_name: str, notes: str = "") -> str:
    """"f", "m" or "" (unknown: the desk then uses a neutral sentence, "Osoba już zarejestrowana").

    A `Płeć:`/`Gender:` line in the notes (from the roster's gender column) wins; otherwise the Polish
    first-name rule (-a is female) with its known exceptions, and only for names that look Polish
    enough: a foreign or one-letter first name stays neutral rather than guessed wrong.
    """
    for line in _lines(notes):
        label, _sep, value = line.partition(":")
        if fold(label) in {fold(g) for g in GENDER_LABELS}:
            v = value.strip().lower()
            if v in _FEMALE:
                return "f"
            if v in _MALE:
                return "m"
            return ""
    name = first_name.strip().split(" ")[0].split("-")[0].lower()
    if len(name) < 3 or not name.isalpha():
        return ""
    if name in _MALE_IN_A:
        return "m"
    if name in _FEMALE_OTHER:
        return "f"
    if name.endswith("a"):
        return "f"
    if name[-1] in "bcdfghjklłmnprstwzźżńśyo":
        return "m"
    return ""
