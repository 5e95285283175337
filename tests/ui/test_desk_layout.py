# SPDX-License-Identifier: MIT
"""A volunteer on a 1024×600 netbook sees every part of the desk: nothing overlaps, nothing is cut.

Checked on the real window's widget geometry: every visible widget lies inside its parent, no two
visible widgets that are not nested overlap, every wrapped text has the height it needs, and the
longest Polish name on the list is shown whole (a smaller font, never an ellipsis or a clipped line).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractScrollArea, QComboBox, QLabel, QMainWindow, QScrollBar, QWidget

from tests.ui.conftest import find_attendee

LONG_NAME = "Małgorzata Wójcik-Jabłońska-Szczebrzeszyńska"
LONG_ORGANISATION = "Urząd Marszałkowski Województwa Świętokrzyskiego w Kielcach"


def _visible(root: QWidget) -> list[QWidget]:
    """Widgets a person sees: visible, and not the internals of a list, combo box or scroll bar."""
    out = []
    for w in root.findChildren(QWidget):
        if not w.isVisibleTo(root) or w.width() == 0 or isinstance(w, QScrollBar):
            continue
        parent = w.parentWidget()
        inner = False
        while parent is not None and parent is not root:
            if isinstance(parent, QAbstractScrollArea | QComboBox):
                inner = True
                break
            parent = parent.parentWidget()
        if not inner:
            out.append(w)
    return out


def _rect(w: QWidget, root: QWidget) -> QRect:
    return QRect(w.mapTo(root, w.rect().topLeft()), w.size())


def layout_problems(root: QWidget) -> list[str]:
    problems = []
    widgets = _visible(root)
    for w in widgets:
        parent = w.parentWidget()
        if parent is not None and not parent.rect().contains(w.geometry()):
            problems.append(f"{type(w).__name__} {w.objectName() or getattr(w, 'text', lambda: '')()!r} "
                            f"sticks out of its {type(parent).__name__}: {w.geometry()} in {parent.rect()}")
        if isinstance(w, QLabel) and w.wordWrap() and w.text():
            needed = w.heightForWidth(w.width())
            if needed > w.height() + 2:
                problems.append(f"label {w.text()[:40]!r} needs {needed}px, has {w.height()}px")
    leaves = [w for w in widgets if not any(c in widgets for c in w.findChildren(QWidget))]
    for i, a in enumerate(leaves):
        ra = _rect(a, root)
        for b in leaves[i + 1:]:
            if a.isAncestorOf(b) or b.isAncestorOf(a):
                continue
            overlap = ra.intersected(_rect(b, root))
            if overlap.width() > 1 and overlap.height() > 1:
                problems.append(f"{type(a).__name__} {getattr(a, 'text', lambda: '')()[:30]!r} overlaps "
                                f"{type(b).__name__} {getattr(b, 'text', lambda: '')()[:30]!r}")
    return problems


def _at(window: QMainWindow, qtbot, width: int, height: int) -> None:  # type: ignore[no-untyped-def]
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width and window.height() == height, timeout=3_000)
    window.desk.layout().activate()
    qtbot.wait(50)


def _name_shown_whole(panel: QWidget, label: QLabel) -> None:
    metrics = QFontMetrics(label.font())
    words = label.text().replace("-", "- ").split()  # a break after a surname's hyphen is allowed
    assert all(metrics.horizontalAdvance(word) <= label.width() for word in words), "a word is wider than the panel"
    needed = metrics.boundingRect(0, 0, label.width(), 10_000, int(Qt.TextFlag.TextWordWrap), label.text()).height()
    assert needed <= label.height() + 2
    assert panel.rect().contains(label.geometry())


@pytest.mark.parametrize("language", ["pl", "en"])
def test_the_desk_fits_a_1024_by_600_screen_in_every_result(qtbot, make_window, ctx, language):
    from checkin.services.registration import correct_attendee

    window = make_window(language)
    desk = window.desk
    desk.open_search("kowalska")  # the search page is the widest page of the desk
    for size in (window.minimumSizeHint(), window.minimumSize()):
        assert size.width() <= 1024 and size.height() <= 600
    desk.show_camera_page()
    _at(window, qtbot, 1024, 600)
    assert layout_problems(window) == []

    # the longest name of the list, from the longest office, already checked in
    anna = find_attendee(ctx, "malgorzata")
    correct_attendee(ctx.engine, ctx.desk, anna.id, anna.version, first_name="Małgorzata",
                     last_name="Wójcik-Jabłońska-Szczebrzeszyńska", organisation=LONG_ORGANISATION,
                     notes="VIP: gość marszałka\nDieta: wegańska")
    person = find_attendee(ctx, "szczebrzeszynska")
    desk.admit(person)
    qtbot.waitUntil(lambda: desk.result.state == "ok", timeout=5_000)
    assert layout_problems(window) == []
    desk.admit(person)
    qtbot.waitUntil(lambda: desk.result.state == "warn", timeout=5_000)
    assert desk.result.name.text() == LONG_NAME
    _name_shown_whole(desk.result, desk.result.name)
    assert desk.result.name.font().pointSize() >= desk.result.organisation.font().pointSize()
    assert "VIP" in desk.result.alerts.text() and "★" in desk.result.alerts.text()
    assert layout_problems(window) == []
    if language == "pl":
        assert desk.result.headline.text() == "Już zarejestrowana" and desk.result.mark.text() == "●"

    desk.handle_code("not-a-ticket-at-all")
    qtbot.waitUntil(lambda: desk.result.state == "error", timeout=5_000)
    assert desk.result.detail.isVisible() and desk.result.detail.text()
    assert layout_problems(window) == []

    # a failed print adds its notice: still nothing overlaps or is cut
    desk._print_failed(person, "no printer named 'Brother QL-820NWB'")
    assert desk.print_notice.isVisible()
    qtbot.wait(50)
    assert layout_problems(window) == []


def test_a_full_hd_desk_uses_the_space_for_big_letters(qtbot, make_window, ctx):
    window = make_window("pl")
    desk = window.desk
    _at(window, qtbot, 1920, 1080)
    desk.admit(find_attendee(ctx, "lukasz zolc"))
    qtbot.waitUntil(lambda: desk.result.state == "ok", timeout=5_000)
    assert layout_problems(window) == []
    assert desk.result.name.font().pointSize() >= 36
    _at(window, qtbot, 1366, 768)
    assert layout_problems(window) == []


def test_the_dashboard_and_the_organiser_tools_fit_1024_by_600_in_polish(qtbot, make_window, ctx):
    window = make_window("pl")
    _at(window, qtbot, 1024, 600)
    dashboard = window._view("DashboardView")
    organiser = window._view("OrganiserView")
    assert dashboard is not None and organiser is not None
    window.tabs.setCurrentWidget(dashboard)
    qtbot.waitUntil(lambda: dashboard.data is not None, timeout=10_000)  # type: ignore[attr-defined]
    assert window.width() == 1024 and window.height() == 600
    # the panels fit their fonts after the numbers arrive: give the layout its passes, then check
    qtbot.waitUntil(lambda: layout_problems(dashboard) == [], timeout=3_000)
    window.tabs.setCurrentWidget(organiser)
    organiser._unlock()  # type: ignore[attr-defined]
    for name, page in organiser.pages.items():  # type: ignore[attr-defined]
        organiser.tabs.setCurrentWidget(page)  # type: ignore[attr-defined]
        qtbot.wait(50)
        assert window.width() == 1024 and window.height() == 600, name
        assert window.minimumSizeHint().width() <= 1024 and window.minimumSizeHint().height() <= 600, name
