# ruff: noqa: E501 (roster rows are kept whole, as in the file)
# SPDX-License-Identifier: MIT
"""Volunteers at the desk: sign in with name + PIN, every scan carries their name; an older undo
needs a supervisor's PIN; a delegation is checked in together from one of its members."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pypdfium2 as pdfium
from sqlalchemy import select

from checkin.config import update_settings
from checkin.services.registration import correct_attendee
from checkin.services.roster import import_roster
from checkin.services.volunteers import add_volunteer
from checkin.storage import tables as t
from checkin.ui.desk.group_dialog import GroupDialog
from checkin.ui.desk.volunteer_gate import SignInDialog, SupervisorDialog
from tests.ui.conftest import find_attendee


def scans_of(ctx, attendee_id: str) -> list:  # type: ignore[no-untyped-def]
    with ctx.engine.connect() as conn:
        return conn.execute(select(t.scan).where(t.scan.c.attendee_id == attendee_id)
                            .order_by(t.scan.c.device_time)).all()


def test_a_volunteer_signs_in_and_an_older_undo_needs_a_supervisor(qtbot, make_window, ctx, desk_clock):  # type: ignore[no-untyped-def]
    add_volunteer(ctx.engine, "Ania Kowalska", pin="2468")
    add_volunteer(ctx.engine, "Zofia Śliwińska", "supervisor", pin="9753")
    window = make_window()
    desk = window.desk
    qtbot.waitUntil(lambda: isinstance(desk.gate.dialog, SignInDialog), timeout=5_000)
    sign_in = desk.gate.dialog
    assert [sign_in.names.itemText(i) for i in range(sign_in.names.count())] == ["Ania Kowalska", "Zofia Śliwińska"]
    sign_in.pin.setText("1111")
    sign_in.try_sign_in()
    assert "wrong PIN" in sign_in.error.text() and desk.gate.volunteer is None
    sign_in.reject()  # Esc does not get past it
    assert sign_in.isVisible()
    sign_in.pin.setText("2468")
    sign_in.try_sign_in()
    assert desk.gate.volunteer is not None and "Ania Kowalska" in desk.desk_label.text()

    guest = find_attendee(ctx, "lukasz zolc")
    with qtbot.waitSignal(desk.decision_shown, timeout=10_000) as shown:
        desk.admit(guest)
    scan_id = shown.args[0].scan_id
    assert scans_of(ctx, guest.id)[0].operator == "Ania Kowalska"

    # a minute later: undone right away, no PIN
    other = find_attendee(ctx, "malgorzata")
    with qtbot.waitSignal(desk.decision_shown, timeout=10_000) as shown:
        desk.admit(other)
    newest = shown.args[0].scan_id
    qtbot.waitUntil(lambda: bool(desk.recent.items) and desk.recent.items[0].scan.id == newest, timeout=5_000)
    desk_clock.now += timedelta(minutes=1)
    with qtbot.waitSignal(desk.decision_shown, timeout=10_000) as undone:
        desk.undo(desk.recent.items[0].scan)
    assert undone.args[0].result.value == "void"

    # twenty minutes later the first check-in is "older": a supervisor's PIN is asked
    desk_clock.now += timedelta(minutes=20)
    qtbot.waitUntil(lambda: any(r.scan.id == scan_id for r in desk.recent.items), timeout=5_000)
    old = next(r for r in desk.recent.items if r.scan.id == scan_id)
    assert desk.recent.undoable(old)  # offered, behind the PIN
    desk.undo(old.scan)
    dialog = desk.gate.dialog
    assert isinstance(dialog, SupervisorDialog) and dialog.isVisible()
    dialog.pin.setText("2468")  # the volunteer's own PIN is not a supervisor's
    dialog.try_confirm()
    assert "not a supervisor" in dialog.error.text()
    assert [s.result for s in scans_of(ctx, guest.id)] == ["accepted"]
    with qtbot.waitSignal(desk.decision_shown, timeout=10_000) as undone:
        dialog.pin.setText("9753")
        dialog.try_confirm()
    assert undone.args[0].result.value == "void"
    void = scans_of(ctx, guest.id)[-1]
    assert (void.result, void.operator) == ("void", "Ania Kowalska")
    assert "confirmed by Zofia Śliwińska" in void.detail

    # a walk-in needs the supervisor too; cancelled, nothing opens
    desk.open_walk_in()
    gate = desk.gate.dialog
    assert isinstance(gate, SupervisorDialog)
    gate.reject()
    qtbot.wait(100)
    assert desk.dialog is None  # no walk-in form was opened


def test_a_desk_without_volunteers_asks_nobody(qtbot, make_window, ctx):  # type: ignore[no-untyped-def]
    window = make_window()
    qtbot.wait(300)
    assert window.desk.gate.dialog is None and not window.desk.gate.required
    window.desk.open_walk_in()
    assert window.desk.dialog is not None and window.desk.dialog.isVisible()  # straight to the form
    window.desk.dialog.reject()


DELEGATION = """Nr zgłoszenia;Imię;Nazwisko;Instytucja;Delegacja
KS22-9001;Małgorzata;Wójcik-Jabłońska-Szczebrzeszyńska;Urząd Marszałkowski Województwa Świętokrzyskiego w Kielcach;KIELCE-UM
KS22-9002;Łukasz;Żółć-Ślęzak;Urząd Marszałkowski Województwa Świętokrzyskiego w Kielcach;KIELCE-UM
KS22-9003;Jędrzej;Kręcisz;Urząd Marszałkowski Województwa Świętokrzyskiego w Kielcach;KIELCE-UM
KS22-9004;Zofia;Śliwińska;Urząd Marszałkowski Województwa Świętokrzyskiego w Kielcach;KIELCE-UM
"""


def test_a_delegation_is_checked_in_together_and_their_badges_print_as_one_batch(  # type: ignore[no-untyped-def]
        qtbot, make_window, ctx, tmp_path: Path):
    roster = tmp_path / "delegacje.csv"
    roster.write_text(DELEGATION, encoding="utf-8")
    event_id = ctx.event().id
    import_roster(ctx.engine, event_id, roster, cancel_missing=False)
    cancelled = find_attendee(ctx, "zofia sliwinska urzad marszalkowski")
    correct_attendee(ctx.engine, ctx.desk, cancelled.id, cancelled.version, status="cancelled")
    ctx.settings = update_settings(ctx.engine, printer=f"pdf:{tmp_path / 'printer'}")
    window = make_window()
    desk = window.desk
    first = find_attendee(ctx, "krecisz urzad marszalkowski")
    assert first.group_code == "KIELCE-UM"
    with qtbot.waitSignal(desk.decision_shown, timeout=10_000):
        desk.admit(first)  # one of them scanned first

    desk.open_group()  # F4 on the person on screen
    qtbot.waitUntil(lambda: isinstance(desk.dialog, GroupDialog), timeout=5_000)
    dialog = desk.dialog
    statuses = {m.attendee.last_name: dialog.table.item(i, 2).text() for i, m in enumerate(dialog.members)}
    assert statuses == {"Kręcisz": "already checked in", "Śliwińska": "registration cancelled",
                        "Wójcik-Jabłońska-Szczebrzeszyńska": "not checked in yet",
                        "Żółć-Ślęzak": "not checked in yet"}
    assert {a.last_name for a in dialog.chosen()} == {"Wójcik-Jabłońska-Szczebrzeszyńska", "Żółć-Ślęzak"}
    assert dialog.admit_button.text() == "Check in 2 selected"
    with qtbot.waitSignals([desk.decision_shown, desk.decision_shown], timeout=10_000):
        dialog.admit_button.click()

    for member in dialog.chosen():  # each with their own decision and scan
        rows = scans_of(ctx, member.id)
        assert [(r.result, r.source) for r in rows] == [("accepted", "search")]
    assert scans_of(ctx, cancelled.id) == []  # not chosen, not touched
    assert desk.result.headline.text() == "2 of 2 checked in"
    job = tmp_path / "printer" / "job-001.pdf"
    qtbot.waitUntil(lambda: _prints(ctx) == 2, timeout=20_000)  # each copy logged, once the job is done
    document = pdfium.PdfDocument(str(job))
    assert len(document) == 2  # one job, one badge per admitted member
    document.close()
    assert not (tmp_path / "printer" / "job-002.pdf").exists()


def _prints(ctx) -> int:  # type: ignore[no-untyped-def]
    with ctx.engine.connect() as conn:
        return len(conn.execute(select(t.badge_print.c.id)).all())


def test_the_organiser_issues_a_pin_in_the_organiser_tools(qtbot, ctx, tasks):  # type: ignore[no-untyped-def]
    import re

    from checkin.services.volunteers import sign_in
    from checkin.ui.organiser.volunteers_page import VolunteersPage

    page = VolunteersPage(ctx, tasks)
    qtbot.addWidget(page)
    page.name_edit.setText("Łukasz Żółć-Ślęzak")
    page.supervisor_box.setChecked(True)
    with qtbot.waitSignal(page.event_changed, timeout=10_000):
        page.add_button.click()
    pin = re.search(r"PIN (\d{6})", page.message.text())
    assert pin is not None and page.table.item(0, 0).text() == "Łukasz Żółć-Ślęzak"
    assert sign_in(ctx.event(), "Łukasz Żółć-Ślęzak", pin.group(1)).supervisor
    with qtbot.waitSignal(page.event_changed, timeout=10_000):
        page.gate_boxes["checkpoint"].setChecked(False)  # changing the checkpoint needs no supervisor here
    assert "checkpoint" not in ctx.event().settings["supervisor_actions"]


def test_at_the_end_of_a_shift_the_next_volunteer_signs_in(qtbot, make_window, ctx):  # type: ignore[no-untyped-def]
    add_volunteer(ctx.engine, "Ania Kowalska", pin="2468")
    add_volunteer(ctx.engine, "Jędrzej Kręcisz", pin="1357")
    window = make_window()
    desk = window.desk
    qtbot.waitUntil(lambda: isinstance(desk.gate.dialog, SignInDialog), timeout=5_000)
    desk.gate.dialog.pin.setText("2468")
    desk.gate.dialog.try_sign_in()
    assert ctx.checkin.operator == "Ania Kowalska"
    window.sign_out_action.trigger()
    assert ctx.checkin.operator == "" and "Ania" not in desk.desk_label.text()
    nxt = desk.gate.dialog
    assert isinstance(nxt, SignInDialog) and nxt.isVisible()
    nxt.names.setCurrentText("Jędrzej Kręcisz")
    nxt.pin.setText("1357")
    nxt.try_sign_in()
    assert ctx.checkin.operator == "Jędrzej Kręcisz" and "Jędrzej Kręcisz" in desk.desk_label.text()
