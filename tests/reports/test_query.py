# SPDX-License-Identifier: MIT
"""The organiser's numbers: who was there, when, at which desk; voids and duplicates never count."""

from __future__ import annotations

import pytest
from reportdata import DAY1, DAY2, Congress

from checkin.reports.query import (
    ReportError,
    attendance_matrix,
    daily_attendance,
    load_context,
    no_shows,
    person_attendance,
    session_attendance,
)
from checkin.reports.summary import build_summary


def test_day_list_counts_each_person_once_with_earliest_local_time_and_desk(congress: Congress) -> None:
    with congress.engine.connect() as conn:
        ctx = load_context(conn)
        lines = daily_attendance(conn, ctx, DAY1)
    names = [line.person.last_name for line in lines]
    # Polish order (Ć after C, Ż last), voided Brzęczyszczykiewicz absent, Żółć-Ślęzak once
    assert names == ["Ćwiąkalska", "Formułowa", "Sowa", "Żółć-Ślęzak"]
    by_name = {line.person.last_name: line for line in lines}
    lukasz = by_name["Żółć-Ślęzak"]
    assert lukasz.first_time.strftime("%H:%M") == "09:12"  # 07:12 UTC shown in Warsaw time
    assert lukasz.desk == "Desk 1"  # the later offline admission at Desk 2 does not replace it
    zdz = by_name["Ćwiąkalska"]
    assert (zdz.first_time.strftime("%H:%M"), zdz.desk) == ("09:05", "Stanowisko 2 — sala B")
    assert by_name["Sowa"].sessions == ("D1-OTW",)  # entered through the opening session


def test_voided_check_in_makes_a_no_show_and_cancelled_or_other_day_people_are_not(congress: Congress) -> None:
    with congress.engine.connect() as conn:
        ctx = load_context(conn)
        day1 = [p.last_name for p in no_shows(conn, ctx, DAY1)]
        day2 = [p.last_name for p in no_shows(conn, ctx, DAY2)]
    assert day1 == ["Brzęczyszczykiewicz", "Cudny", "Śliwa"]
    assert "Anulowana" not in day1 + day2 and "Drugodniowa" not in day1
    assert "Drugodniowa" in day2 and "Żółć-Ślęzak" not in day2


def test_session_list_and_matrix(congress: Congress) -> None:
    with congress.engine.connect() as conn:
        ctx = load_context(conn)
        opening = session_attendance(conn, ctx, ctx.session("D1-OTW"))
        matrix = attendance_matrix(conn, ctx)
    assert [(p.person.last_name, p.first_time.strftime("%H:%M"), p.desk) for p in opening] == [
        ("Sowa", "09:35", "Stanowisko 2 — sala B")]
    rows = {p.last_name: attended for p, attended in matrix.rows}
    assert "Anulowana" not in rows  # cancelled and never came
    assert rows["Żółć-Ślęzak"] == {"day:2022-10-19", "day:2022-10-20"}
    assert rows["Brzęczyszczykiewicz"] == set()  # voided
    opening_key = next(k for k in matrix.keys if k.startswith("session:") and k in rows["Sowa"])
    assert rows["Sowa"] == {"day:2022-10-19", opening_key}


def test_person_attendance_and_unknown_references(congress: Congress) -> None:
    with congress.engine.connect() as conn:
        ctx = load_context(conn)
        lukasz = person_attendance(conn, ctx, "KS22-1000")  # by registration number
        with pytest.raises(ReportError, match="no attendee 'KS22-9999'"):
            person_attendance(conn, ctx, "KS22-9999")
        with pytest.raises(ReportError, match="2022-10-21 is not a day"):
            daily_attendance(conn, ctx, DAY1.replace(day=21))
        with pytest.raises(ReportError, match=r"no session with code 'NOPE'.*D1-OTW"):
            ctx.session("NOPE")
    assert [(d.isoformat(), t.strftime("%H:%M"), desk) for d, t, desk in lukasz.days] == [
        ("2022-10-19", "09:12", "Desk 1"), ("2022-10-20", "08:50", "Desk 1")]
    assert lukasz.sessions == []


def test_summary_counts(congress: Congress) -> None:
    with congress.engine.connect() as conn:
        summary = build_summary(conn, load_context(conn))
    day1, day2 = summary.days
    assert (day1.registered, day1.present, day1.no_shows) == (7, 4, 3)
    assert (day2.registered, day2.present) == (8, 2)
    cats = {(c.day, c.category): (c.registered, c.present) for c in summary.categories}
    assert cats[(DAY1, "speaker")] == (1, 1) and cats[(DAY1, "participant")] == (5, 2)
    opening = next(s for s in summary.sessions if s.code == "D1-OTW")
    assert (opening.present, opening.starts, opening.registered) == (1, "09:30", None)
    hours = {(h.day, h.hour): h.arrivals for h in summary.arrivals}
    assert hours == {(DAY1, "09:00"): 3, (DAY1, "10:00"): 1, (DAY2, "08:00"): 2}
    desks = {(d.day, d.desk): d for d in summary.desks}
    d1 = desks[(DAY1, "Desk 1")]
    assert (d1.arrivals, d1.accepted, d1.voided) == (1, 3, 1)  # Łukasz, Źdźisława, Grzegorz (undone)
    d2 = desks[(DAY1, "Stanowisko 2 — sala B")]
    assert (d2.arrivals, d2.accepted, d2.duplicates) == (3, 4, 1)
