# SPDX-License-Identifier: MIT
"""The hub's limits, checked at the desk before anything is recorded.

The hub stores the same tables (`checkin.storage.tables`) with the same column sizes; SQLite does
not enforce them, PostgreSQL does. A value accepted here and refused there would be held at sync
(`checkin.sync.held`) and need an organiser; the common cases (a volunteer typing a long name, a
long desk name) are cheaper to fix where they are typed.
"""

from __future__ import annotations

from checkin.domain.messages import say
from checkin.storage import tables as t


def _limit(column: object) -> int:
    return int(getattr(getattr(column, "type", None), "length", 0) or 0)


OPERATOR_MAX = _limit(t.scan.c.operator)
DESK_NAME_MAX = _limit(t.desk.c.name)


def name_problems(operator: str | None = None, desk: str | None = None) -> list[str]:
    """Sentences (in the current language) for an operator or desk name the hub would refuse."""
    problems = []
    if operator and len(operator) > OPERATOR_MAX:
        problems.append(say("the operator name is {length} characters long; the venue database takes at most "
                            "{limit}: use a shorter name or initials", length=len(operator), limit=OPERATOR_MAX))
    if desk and len(desk) > DESK_NAME_MAX:
        problems.append(say("the desk name is {length} characters long; the venue database takes at most "
                            "{limit}: choose a shorter one", length=len(desk), limit=DESK_NAME_MAX))
    return problems
