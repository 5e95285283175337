# SPDX-License-Identifier: MIT
"""Small shared pieces of the dashboard: colours, category names, local time formatting."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

GREEN = QColor("#2e7d32")
AMBER = QColor("#c77700")
RED = QColor("#c62828")
ACCENT = QColor("#1565c0")
MUTED = QColor("#6b7280")



def category_label(category: str) -> str:
    """The category as people call it; unknown categories from an import are shown as they are."""
    labels = {
        "participant": QCoreApplication.translate("Dashboard", "Participants"),
        "speaker": QCoreApplication.translate("Dashboard", "Speakers"),
        "partner": QCoreApplication.translate("Dashboard", "Partners"),
        "media": QCoreApplication.translate("Dashboard", "Media"),
        "staff": QCoreApplication.translate("Dashboard", "Staff"),
        "organiser": QCoreApplication.translate("Dashboard", "Organisers"),
        "guest": QCoreApplication.translate("Dashboard", "Guests"),
    }
    return labels.get(category, category)


def local_time(moment: datetime | None, tz: ZoneInfo) -> str:
    """A UTC moment as a short time in the event's zone, in the user's locale format."""
    if moment is None:
        return "—"
    local = moment.astimezone(tz)
    return QLocale().toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)


def ago(moment: datetime | None, now: datetime) -> str:
    """'just now', '3 min ago', '2 h ago': how fresh a desk's last activity is."""
    if moment is None:
        return QCoreApplication.translate("Dashboard", "never")
    seconds = max(0, int((now - moment).total_seconds()))
    if seconds < 60:
        return QCoreApplication.translate("Dashboard", "just now")
    if seconds < 3600:
        return QCoreApplication.translate("Dashboard", "{n} min ago").format(n=seconds // 60)
    return QCoreApplication.translate("Dashboard", "{n} h ago").format(n=seconds // 3600)


def local_date(day: object) -> str:
    from datetime import date

    assert isinstance(day, date)
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)


def percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "—"


def mark_icon(symbol: str, colour: str = "#ffffff", size: int = 16) -> QIcon:
    """A small icon of one symbol (✖, ▲, ⚠): states shown by shape as well as by colour."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    font = QFont()
    font.setPixelSize(size - 2)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor(colour))
    painter.drawText(pixmap.rect(), 0x84, symbol)  # centred
    painter.end()
    return QIcon(pixmap)
