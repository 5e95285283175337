# SPDX-License-Identifier: MIT
"""Scan outcomes in plain words for a volunteer (translated; the core only gives codes).

Every sentence says what happened and, where there is one, what to do next. Reason codes come
from `domain.rules`, `services.checkin` and `tickets.token`.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from checkin.domain.alerts import grammatical_gender
from checkin.domain.decision import Decision
from checkin.domain.models import Attendee
from checkin.domain.results import Direction, ScanResult

# Polish sentences about a person agree with their gender; the English source is the same for all
# three, told apart by the disambiguation ("female", "male", "neutral") that the .ts file carries.
# Written out call by call: lupdate only collects literal strings.


def gender_of(attendee: Attendee | None) -> str:
    """"f", "m" or "" for sentences about `attendee`: from the roster's gender, else the first name."""
    return grammatical_gender(attendee.first_name, attendee.notes) if attendee is not None else ""


def _already_headline(gender: str) -> str:
    if gender == "f":
        return QCoreApplication.translate("Wording", "Already checked in", "female")
    if gender == "m":
        return QCoreApplication.translate("Wording", "Already checked in", "male")
    return QCoreApplication.translate("Wording", "Already checked in", "neutral")


def _already_at(gender: str) -> str:
    if gender == "f":
        return QCoreApplication.translate("Wording", "Already checked in at {time} at {desk}.", "female")
    if gender == "m":
        return QCoreApplication.translate("Wording", "Already checked in at {time} at {desk}.", "male")
    return QCoreApplication.translate("Wording", "Already checked in at {time} at {desk}.", "neutral")


def _already_here(gender: str) -> str:
    if gender == "f":
        return QCoreApplication.translate("Wording", "Already checked in here today.", "female")
    if gender == "m":
        return QCoreApplication.translate("Wording", "Already checked in here today.", "male")
    return QCoreApplication.translate("Wording", "Already checked in here today.", "neutral")


def headline(result: ScanResult, attendee: Attendee | None = None) -> str:
    if result is ScanResult.DUPLICATE:
        return _already_headline(gender_of(attendee))
    return {
        ScanResult.ACCEPTED: QCoreApplication.translate("Wording", "Welcome"),
        ScanResult.VOID: QCoreApplication.translate("Wording", "Check-in undone"),
    }.get(result, QCoreApplication.translate("Wording", "Not admitted"))


def headline_for(decision: Decision) -> str:
    """The headline for this decision: an exit and a re-entry are said as such, not as "Welcome"."""
    if decision.result is ScanResult.ACCEPTED:
        if decision.direction is Direction.OUT:
            return QCoreApplication.translate("Wording", "Goodbye")
        if decision.reason == "re_entry":
            return QCoreApplication.translate("Wording", "Welcome back")
    if decision.result is ScanResult.FULL:
        return QCoreApplication.translate("Wording", "Session full")
    return headline(decision.result, decision.attendee)


def reason_sentence(decision: Decision, tz: ZoneInfo) -> str:
    """The detail line under the name."""
    r, reason = decision.result, decision.reason
    if r is ScanResult.ACCEPTED:
        if reason == "re_entry":
            return QCoreApplication.translate("Wording", "Back in the room.")
        if reason == "exit":
            return QCoreApplication.translate("Wording", "Exit recorded.")
        if reason == "exit_unmatched":
            return QCoreApplication.translate(
                "Wording", "Exit recorded. Their entry has not reached this desk yet; it will be paired when it does.")
        return QCoreApplication.translate("Wording", "Checked in. Hand over the badge and the conference pack.")
    if r is ScanResult.DUPLICATE:
        if decision.first_time is not None:
            return _already_at(gender_of(decision.attendee)).format(
                time=local_time(decision.first_time, tz), desk=decision.first_desk or "?")
        return _already_here(gender_of(decision.attendee))
    if r is ScanResult.VOID:
        return QCoreApplication.translate("Wording", "The check-in was undone; the headcount no longer includes it.")
    if reason.startswith("day_not_registered"):
        return QCoreApplication.translate("Wording", "Not registered for this day. Send them to the information desk.")
    if reason.startswith("session_not_registered"):
        return QCoreApplication.translate(
            "Wording", "Not registered for this workshop. Check the list of free places with the coordinator.")
    if reason in ("attendee_cancelled",):
        return QCoreApplication.translate(
            "Wording", "This registration was cancelled. Send them to the information desk.")
    if reason == "ticket_reissued":
        return QCoreApplication.translate(
            "Wording", "This ticket was replaced by a newer one. Ask for the newest ticket or use search.")
    if reason == "capacity_reached":
        return QCoreApplication.translate("Wording", "The session is full.")
    if reason == "exit_without_entry":
        return QCoreApplication.translate("Wording", "Exit without an entry: this person was not checked in here.")
    if reason in ("bad_signature", "unknown_key"):
        return QCoreApplication.translate(
            "Wording", "Forged or damaged code: the signature does not match. Use search by name.")
    if reason == "keyboard_layout":
        return QCoreApplication.translate(
            "Wording", "The handheld scanner types with the wrong keyboard layout (Y and Z swapped). "
                            "Set the scanner to this computer's layout.")
    if reason == "bad_alphabet":
        return QCoreApplication.translate(
            "Wording", "The code arrived with unexpected characters: check the handheld scanner's "
                            "keyboard layout, or use search by name.")
    if reason in ("bad_length", "bad_encoding", "bad_version", "malformed", "control_chars", "not_text",
                  "too_long", "empty"):
        return QCoreApplication.translate(
            "Wording", "Not a ticket of this conference, or the code is damaged. Use search by name.")
    if reason in ("unknown_code", "unknown_ticket", "unknown_attendee"):
        return QCoreApplication.translate(
            "Wording", "Unknown code: nobody on the list has this ticket. Use search by name.")
    if reason in ("wrong_event", "other_event"):
        return QCoreApplication.translate("Wording", "This ticket is for a different event.")
    if reason == "not_yet_valid":
        return QCoreApplication.translate("Wording", "This ticket is not valid yet.")
    if reason == "expired":
        return QCoreApplication.translate("Wording", "This ticket has expired.")
    return QCoreApplication.translate("Wording", "Not admitted ({reason}).").format(reason=reason or r.value)


def category_label(category: str) -> str:
    return {
        "participant": QCoreApplication.translate("Wording", "Participant"),
        "speaker": QCoreApplication.translate("Wording", "Speaker"),
        "partner": QCoreApplication.translate("Wording", "Partner"),
        "media": QCoreApplication.translate("Wording", "Media"),
        "staff": QCoreApplication.translate("Wording", "Staff"),
        "organiser": QCoreApplication.translate("Wording", "Organiser"),
        "guest": QCoreApplication.translate("Wording", "Guest"),
    }.get(category, category)


def source_label(source: str) -> str:
    return {
        "camera": QCoreApplication.translate("Wording", "camera"),
        "handheld": QCoreApplication.translate("Wording", "scanner"),
        "search": QCoreApplication.translate("Wording", "search"),
        "walk_in": QCoreApplication.translate("Wording", "walk-in"),
        "kiosk": QCoreApplication.translate("Wording", "kiosk"),
    }.get(source, source)


def local_time(moment: datetime, tz: ZoneInfo) -> str:
    """HH:MM in the event's time zone (24-hour in both languages, as at Polish venues)."""
    return moment.astimezone(tz).strftime("%H:%M")


def local_date(moment_date: object) -> str:
    from datetime import date

    if isinstance(moment_date, date):
        return QLocale().toString(QDate(moment_date), QLocale.FormatType.LongFormat)
    return str(moment_date)
