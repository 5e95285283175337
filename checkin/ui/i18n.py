# SPDX-License-Identifier: MIT
"""Languages: Polish and English through Qt's .ts/.qm files.

English is the source language in the code; Polish comes from `resources/translations/`:
`checkin_desk_pl.qm` (reception desk and app shell), `checkin_admin_pl.qm` (dashboard and
organiser tools) and `checkin_door_pl.qm` (door mode and the IN/OUT switch), plus Qt's own
`qtbase_pl.qm` so standard buttons ("Cancel", "OK") match.
The default follows the system locale; the choice is stored in the desk settings and switching
rebuilds the views (simpler and more reliable than retranslating every widget in place).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from checkin.domain.messages import set_language as set_core_language
from checkin.resources import resources_root

LANGUAGES = {"en": "English", "pl": "Polski"}
CATALOGUES = ("checkin_desk", "checkin_admin", "checkin_door")


def choose_language(setting: str, system: QLocale | None = None) -> str:
    """The language to show: the desk's setting, else the system locale when we have it, else English."""
    if setting in LANGUAGES:
        return setting
    name = (system or QLocale.system()).name()  # e.g. "pl_PL"
    code = name.split("_")[0].lower()
    return code if code in LANGUAGES else "en"


class Translations:
    """Owns the installed translators so a language switch can remove them again."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.language = "en"
        self.missing: list[str] = []  # catalogues that could not be loaded (shown in the About box)

    def install(self, language: str) -> str:
        app = QCoreApplication.instance()
        assert app is not None, "create the QApplication first"
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed.clear()
        self.missing.clear()
        self.language = language if language in LANGUAGES else "en"
        set_core_language(self.language)  # sentences built by the core (roster problems, refusals)
        QLocale.setDefault(QLocale(QLocale.Language.Polish if self.language == "pl" else QLocale.Language.English,
                                   QLocale.Country.Poland if self.language == "pl" else QLocale.Country.UnitedKingdom))
        if self.language == "en":
            return self.language
        folder = resources_root() / "translations"
        for name in CATALOGUES:
            translator = QTranslator()
            if translator.load(f"{name}_{self.language}", str(folder)):
                app.installTranslator(translator)
                self._installed.append(translator)
            else:
                self.missing.append(f"{name}_{self.language}.qm")
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt_translator = QTranslator()
        if qt_translator.load(f"qtbase_{self.language}", qt_dir):
            app.installTranslator(qt_translator)
            self._installed.append(qt_translator)
        return self.language
