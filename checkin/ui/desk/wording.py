# SPDX-License-Identifier: MIT
"""Scan outcomes in plain words for a volunteer (translated; the core only gives codes).

Every sentence says what happened and, where there is one, what to do next. Reason codes come
from `domain.rules`, `services.checkin` and `tickets.token`.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QLocale

from checkin.domain.decision import Decision
from checkin.domain.results import ScanResult


def headline(result: ScanResult) -> str:
    t = QCoreApplication.translate
    return {
        ScanResult.ACCEPTED: t("Wording", "Welcome"),
        ScanResult.DUPLICATE: t("Wording", "Already checked in"),
        ScanResult.VOID: t("Wording", "Check-in undone"),
    }.get(result, t("Wording", "Not admitted"))


def reason_sentence(decision: Decision, tz: ZoneInfo) -> str:
    """The detail line under the name."""
    t = QCoreApplication.translate
    r, reason = decision.result, decision.reason
    if r is ScanResult.ACCEPTED:
        if reason == "re_entry":
            return t("Wording", "Back in the room.")
        if reason == "exit":
            return t("Wording", "Exit recorded.")
        return t("Wording", "Checked in. Hand over the badge and the conference pack.")
    if r is ScanResult.DUPLICATE:
        if decision.first_time is not None:
            return t("Wording", "Already checked in at {time} at {desk}.").format(
                time=local_time(decision.first_time, tz), desk=decision.first_desk or "?")
        return t("Wording", "Already checked in here today.")
    if r is ScanResult.VOID:
        return t("Wording", "The check-in was undone; the headcount no longer includes it.")
    if reason.startswith("day_not_registered"):
        return t("Wording", "Not registered for this day. Send them to the information desk.")
    if reason.startswith("session_not_registered"):
        return t("Wording", "Not registered for this workshop. Check the list of free places with the coordinator.")
    if reason in ("attendee_cancelled",):
        return t("Wording", "This registration was cancelled. Send them to the information desk.")
    if reason == "ticket_reissued":
        return t("Wording", "This ticket was replaced by a newer one. Ask for the newest ticket or use search.")
    if reason == "capacity_reached":
        return t("Wording", "The session is full.")
    if reason == "exit_without_entry":
        return t("Wording", "Exit without an entry: this person was not checked in here.")
    if reason in ("bad_signature", "unknown_key"):
        return t("Wording", "Forged or damaged code: the signature does not match. Use search by name.")
    if reason == "keyboard_layout":
        return t("Wording", "The handheld scanner types with the wrong keyboard layout (Y and Z swapped). "
                            "Set the scanner to this computer's layout.")
    if reason == "bad_alphabet":
        return t("Wording", "The code arrived with unexpected characters: check the handheld scanner's "
                            "keyboard layout, or use search by name.")
    if reason in ("bad_length", "bad_encoding", "bad_version", "malformed", "control_chars", "not_text",
                  "too_long", "empty"):
        return t("Wording", "Not a ticket of this conference, or the code is damaged. Use search by name.")
    if reason in ("unknown_code", "unknown_ticket", "unknown_attendee"):
        return t("Wording", "Unknown code: nobody on the list has this ticket. Use search by name.")
    if reason in ("wrong_event", "other_event"):
        return t("Wording", "This ticket is for a different event.")
    if reason == "not_yet_valid":
        return t("Wording", "This ticket is not valid yet.")
    if reason == "expired":
        return t("Wording", "This ticket has expired.")
    return t("Wording", "Not admitted ({reason}).").format(reason=reason or r.value)


def category_label(category: str) -> str:
    t = QCoreApplication.translate
    return {
        "participant": t("Wording", "Participant"),
        "speaker": t("Wording", "Speaker"),
        "partner": t("Wording", "Partner"),
        "media": t("Wording", "Media"),
        "staff": t("Wording", "Staff"),
        "organiser": t("Wording", "Organiser"),
        "guest": t("Wording", "Guest"),
    }.get(category, category)


def source_label(source: str) -> str:
    t = QCoreApplication.translate
    return {
        "camera": t("Wording", "camera"),
        "handheld": t("Wording", "scanner"),
        "search": t("Wording", "search"),
        "walk_in": t("Wording", "walk-in"),
    }.get(source, source)


def local_time(moment: datetime, tz: ZoneInfo) -> str:
    """HH:MM in the event's time zone (24-hour in both languages, as at Polish venues)."""
    return moment.astimezone(tz).strftime("%H:%M")


def local_date(moment_date: object) -> str:
    from datetime import date

    if isinstance(moment_date, date):
        return QLocale().toString(moment_date, QLocale.FormatType.LongFormat)
    return str(moment_date)
