# SPDX-License-Identifier: MIT
"""Minutes of presence from entries and exits, under the organiser's rules."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from checkin.domain.presence import Movement, PresenceRules, PresenceRulesError, parse_rules, presence_span
from checkin.domain.results import Direction

START = datetime(2022, 10, 19, 13, 45, tzinfo=UTC)  # 15:45 in Warsaw
END = START + timedelta(minutes=90)
LATER = END + timedelta(hours=3)
RULES = PresenceRules()


def at(minutes: float, direction: str = "in") -> Movement:
    return Movement(Direction(direction), START + timedelta(minutes=minutes))


def test_whole_session_with_a_coffee_break_outside() -> None:
    span = presence_span([at(-5), at(40, "out"), at(50), at(95, "out")], RULES, START, END, LATER)
    # 5 minutes before the start and 5 after the end do not count: 40 + 40
    assert (span.minutes, span.attended, span.inside) == (80, True, False)
    assert span.first_in == START - timedelta(minutes=5) and span.last_out == START + timedelta(minutes=95)


def test_missing_exit_closes_at_the_end_or_counts_nothing() -> None:
    assert presence_span([at(10)], RULES, START, END, LATER).minutes == 80
    ignore = PresenceRules(missing_exit="ignore")
    assert presence_span([at(10)], ignore, START, END, LATER).minutes == 0
    running = presence_span([at(10)], RULES, START, END, START + timedelta(minutes=30))
    assert (running.minutes, running.inside) == (20, True)  # while the session runs: until now


def test_share_decides_attended() -> None:
    assert presence_span([at(0), at(71, "out")], RULES, START, END, LATER).attended is False  # 71 < 72
    assert presence_span([at(0), at(72, "out")], RULES, START, END, LATER).attended is True
    half = PresenceRules(attended_share=0.5)
    assert presence_span([at(0), at(45, "out")], half, START, END, LATER).attended is True


def test_unclipped_counts_time_outside_the_programme() -> None:
    loose = PresenceRules(clip_to_session=False)
    assert presence_span([at(-30), at(120, "out")], loose, START, END, LATER).minutes == 150


def test_double_scans_and_stray_exits_change_nothing() -> None:
    log = [at(0, "out"), at(0), at(1), at(30, "out"), at(31, "out"), at(60), at(90, "out")]
    assert presence_span(log, RULES, START, END, LATER).minutes == 60


def test_nobody_came_in() -> None:
    span = presence_span([at(10, "out")], RULES, START, END, LATER)
    assert (span.minutes, span.attended, span.first_in) == (0, False, None)


@pytest.mark.parametrize(("data", "message"), [
    ({"missing_exit": "midnight"}, "missing_exit must be one of session_end, ignore"),
    ({"attended_share": 80}, "attended_share must be a fraction"),
    ({"clip_to_session": "yes"}, "clip_to_session must be true or false"),
    ({"minimum": 0.8}, "unknown key(s) minimum"),
])
def test_bad_rules_say_which_key(data: dict[str, object], message: str) -> None:
    with pytest.raises(PresenceRulesError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_rules(data)
