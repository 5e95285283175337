# SPDX-License-Identifier: MIT
# ruff: noqa: F811  (pytest fixtures imported from tests/ui/admin_fixtures.py are parameters here)
"""The organiser unlocks the tools, imports the roster, edits sessions, changes settings and wipes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from checkin.app import AppContext
from checkin.config import has_organiser_password, load_settings, set_organiser_password
from checkin.services.admin import pending_by_kind
from checkin.storage import tables as t
from checkin.storage.attendees import count_attendees
from checkin.storage.events import session_by_code
from checkin.ui.organiser.view import OrganiserView
from checkin.ui.tasks import TaskManager
from tests.ui.admin_fixtures import (  # noqa: F401 (fixtures)
    admin_demo_template,
    ctx,
    day_one,
    demo_codes,
    tasks,
    warsaw_clock,
)

WAIT = 10_000
PASSWORD = "Brzęczyszczykiewicz-2022"


def _unlocked(qtbot, ctx: AppContext, tasks: TaskManager) -> OrganiserView:  # type: ignore[no-untyped-def]
    set_organiser_password(ctx.engine, PASSWORD)
    view = OrganiserView(ctx, tasks)
    qtbot.addWidget(view)
    view.resize(1366, 700)
    view.show()
    view.lock_page.password.setText(PASSWORD)  # QTest cannot type "ę"
    with qtbot.waitSignal(view.unlocked, timeout=WAIT):
        qtbot.keyClick(view.lock_page.password, Qt.Key.Key_Return)
    return view


# ---------------------------------------------------------------- the lock
def test_first_use_asks_to_choose_a_password(qtbot, ctx: AppContext, tasks: TaskManager) -> None:
    view = OrganiserView(ctx, tasks)
    qtbot.addWidget(view)
    view.show()
    lock = view.lock_page
    assert lock.first_use and lock.repeat.isVisible()
    qtbot.keyClicks(lock.password, "abc")
    qtbot.mouseClick(lock.unlock_button, Qt.MouseButton.LeftButton)
    assert "at least 6" in lock.message.text() and not view.is_unlocked
    lock.password.setText("tajne-hasło")
    lock.repeat.setText("tajne-haslo")
    qtbot.mouseClick(lock.unlock_button, Qt.MouseButton.LeftButton)
    assert "not the same" in lock.message.text() and not has_organiser_password(ctx.engine)
    lock.repeat.setText("tajne-hasło")
    with qtbot.waitSignal(view.unlocked, timeout=WAIT):
        qtbot.mouseClick(lock.unlock_button, Qt.MouseButton.LeftButton)
    assert view.is_unlocked and has_organiser_password(ctx.engine)


def test_wrong_password_keeps_the_tools_locked_and_the_right_one_opens_them(qtbot, ctx: AppContext,
                                                                             tasks: TaskManager) -> None:
    set_organiser_password(ctx.engine, PASSWORD)
    view = OrganiserView(ctx, tasks)
    qtbot.addWidget(view)
    view.show()
    lock = view.lock_page
    assert not lock.first_use and not lock.repeat.isVisible()
    qtbot.keyClicks(lock.password, "brzeczyszczykiewicz-2022")  # without the diacritics: a different password
    qtbot.mouseClick(lock.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Wrong password" in lock.message.text(), timeout=WAIT)
    assert not view.is_unlocked and view.tabs is None and view.pages == {}
    lock.password.setText(PASSWORD)
    with qtbot.waitSignal(view.unlocked, timeout=WAIT):
        qtbot.mouseClick(lock.unlock_button, Qt.MouseButton.LeftButton)
    assert view.is_unlocked
    assert set(view.pages) == {"Event", "Import", "Tickets", "Badges", "Exports", "Settings", "Held", "Wipe",
                               "Volunteers"}
    assert not any(page.findChildren(type(page)) is None for page in view.pages.values())
    view.lock()
    assert not view.is_unlocked and view.lock_page.password.text() == ""


# ---------------------------------------------------------------- import wizard
BAD_ROSTER = (
    "Nr zgłoszenia;Imię;Nazwisko;Instytucja;E-mail;Kategoria\n"
    "N-1;Łukasz;Żółć-Ślęzak;Urząd Gminy Brzęczyszczykiewice;lukasz.zolc@example.gov.pl;Uczestnik\n"
    "N-2;;Nowak;Urząd Miasta Łodzi;ewa.nowak@example.gov.pl;Uczestnik\n"
    "N-3;Anna;Kowalska;Starostwo Powiatowe w Łęcznej;anna.kowalska(at)example.gov.pl;Uczestnik\n"
    "N-4;Jan;Wiśniewski;Urząd Gminy Chrząszczyżewoszyce;jan.wisniewski@example.gov.pl;Astronauta\n"
)
GOOD_ROSTER = (
    "Nr zgłoszenia;Imię;Nazwisko;Instytucja;E-mail;Kategoria;Kod biletu\n"
    "N-1;Łukasz;Żółć-Ślęzak;Urząd Gminy Brzęczyszczykiewice;lukasz.zolc@example.gov.pl;Uczestnik;NEW000001\n"
    "N-2;Ewa;Nowak;Urząd Miasta Łodzi;ewa.nowak@example.gov.pl;Prelegent;NEW000002\n"
    "N-3;Anna;Kowalska;Starostwo Powiatowe w Łęcznej;anna.kowalska@example.gov.pl;Media;NEW000003\n"
)


def _wait_step(qtbot, wizard, step: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: wizard.step == step and not wizard.progress.running, timeout=WAIT)


def _read(qtbot, wizard, path: Path) -> None:  # type: ignore[no-untyped-def]
    wizard.path_edit.setText(str(path))
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    _wait_step(qtbot, wizard, "preview")


def test_import_wizard_lists_every_bad_row_and_imports_nothing(qtbot, ctx: AppContext, tasks: TaskManager,
                                                               tmp_path: Path) -> None:
    bad = tmp_path / "zgloszenia.csv"
    bad.write_text(BAD_ROSTER, encoding="cp1250")  # as Excel in Polish saves "CSV"
    view = _unlocked(qtbot, ctx, tasks)
    wizard = view.pages["Import"]
    before = count_attendees(ctx.engine.connect(), ctx.checkin.event.id)
    _read(qtbot, wizard, bad)
    assert wizard.preview.rowCount() == 4
    assert wizard.preview.item(0, 2).text() == "Żółć-Ślęzak"  # decoded from Windows-1250
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.step == "mapping"
    assert wizard.chosen_mapping() == {}  # every heading recognised
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    _wait_step(qtbot, wizard, "check")
    problems = {int(wizard.errors.item(r, 0).text()): (wizard.errors.item(r, 1).text(), wizard.errors.item(r, 3).text())
                for r in range(wizard.errors.rowCount())}
    assert set(problems) == {3, 4, 5}
    assert problems[3][0] == "Imię"
    assert problems[4][0] == "E-mail"
    assert problems[5][0] == "Kategoria"
    assert "3 problems" in wizard.check_label.text()
    assert not wizard.next_button.isEnabled()  # Import is impossible
    with ctx.engine.connect() as conn:
        assert count_attendees(conn, ctx.checkin.event.id) == before


def test_import_wizard_imports_a_good_file_and_shows_the_counts(qtbot, ctx: AppContext, tasks: TaskManager,
                                                                tmp_path: Path) -> None:
    good = tmp_path / "dopisani.csv"
    good.write_text(GOOD_ROSTER, encoding="utf-8-sig")
    view = _unlocked(qtbot, ctx, tasks)
    wizard = view.pages["Import"]
    wizard.cancel_missing.setChecked(False)  # an addition to the roster, not the whole roster
    with ctx.engine.connect() as conn:
        before = count_attendees(conn, ctx.checkin.event.id)
    _read(qtbot, wizard, good)
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    _wait_step(qtbot, wizard, "check")
    assert wizard.errors.rowCount() == 0
    assert "add 3" in wizard.check_label.text()
    with ctx.engine.connect() as conn:
        assert count_attendees(conn, ctx.checkin.event.id) == before  # the check was a dry run
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not wizard.progress.running and (wizard.step == "done" or bool(wizard.message.text())),
                    timeout=WAIT)
    assert wizard.message.text() == ""
    assert wizard.step == "done"
    assert "3 added" in wizard.done_label.text() and "0 cancelled" in wizard.done_label.text()
    with ctx.engine.connect() as conn:
        assert count_attendees(conn, ctx.checkin.event.id) == before + 3
        row = conn.execute(select(t.attendee.c.category, t.attendee.c.organisation)
                           .where(t.attendee.c.external_code == "NEW000002")).one()
    assert tuple(row) == ("speaker", "Urząd Miasta Łodzi")


def test_a_column_the_importer_does_not_know_can_be_mapped_by_hand(qtbot, ctx: AppContext, tasks: TaskManager,
                                                                   tmp_path: Path) -> None:
    odd = tmp_path / "lista.csv"
    odd.write_text(GOOD_ROSTER.replace("Instytucja", "Gdzie pracuje"), encoding="utf-8")
    view = _unlocked(qtbot, ctx, tasks)
    wizard = view.pages["Import"]
    wizard.cancel_missing.setChecked(False)
    _read(qtbot, wizard, odd)
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    wizard.set_field("Gdzie pracuje", "organisation")
    assert wizard.chosen_mapping() == {"Gdzie pracuje": "organisation"}
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    _wait_step(qtbot, wizard, "check")
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    _wait_step(qtbot, wizard, "done")
    with ctx.engine.connect() as conn:
        org = conn.execute(select(t.attendee.c.organisation).where(t.attendee.c.external_code == "NEW000003")).scalar()
    assert org == "Starostwo Powiatowe w Łęcznej"


# ---------------------------------------------------------------- event page
def test_sessions_are_edited_in_the_table_and_a_bad_cell_is_named(qtbot, ctx: AppContext,
                                                                  tasks: TaskManager) -> None:
    view = _unlocked(qtbot, ctx, tasks)
    page = view.pages["Event"]
    qtbot.waitUntil(lambda: page.table.rowCount() > 5, timeout=WAIT)
    row = next(r for r in range(page.table.rowCount()) if page.table.item(r, 0).text() == "D1-WS-KPA")
    page.table.item(row, 6).setText("45")
    page.table.item(row, 3).setText("Sala Paderewski")
    page.table.item(row, 4).setText("16:00")
    with qtbot.waitSignal(view.event_changed, timeout=WAIT):
        page.save()
    assert "1 sessions changed" in page.message.text()
    with ctx.engine.connect() as conn:
        session = session_by_code(conn, ctx.checkin.event.id, "D1-WS-KPA")
    assert session is not None and session.capacity == 45 and session.room == "Sala Paderewski"
    assert session.starts_at is not None and session.starts_at.hour == 14  # 16:00 in Warsaw is 14:00 UTC
    qtbot.waitUntil(lambda: page.table.item(row, 4) is not None and page.table.item(row, 4).text() == "16:00",
                    timeout=WAIT)
    page.table.item(row, 5).setText("15:30")  # ends before it starts
    page.save()
    qtbot.waitUntil(lambda: "Nothing was saved" in page.message.text(), timeout=WAIT)
    assert "D1-WS-KPA" in page.message.text() and "Ends" in page.message.text()
    page.table.item(row, 5).setText("pół do piątej")
    page.save()
    assert "not a time" in page.message.text()
    assert page.table.currentRow() == row and page.table.currentColumn() == 5


# ---------------------------------------------------------------- settings
def test_settings_are_saved_and_the_desk_renamed(qtbot, ctx: AppContext, tasks: TaskManager) -> None:
    view = _unlocked(qtbot, ctx, tasks)
    page = view.pages["Settings"]
    page.desk_name.setText("Stanowisko 3 — szatnia")
    page.sounds.setChecked(False)
    page.auto_print.setChecked(True)
    page.language.setCurrentIndex(page.language.findData("pl"))
    page.hub_url.setText("postgresql://desk@192.168.1.10/kongres?sslmode=verify-full")
    with qtbot.waitSignal(view.settings_changed, timeout=WAIT) as signal:
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    saved = load_settings(ctx.engine)
    assert signal.args[0] == saved
    assert (saved.sounds, saved.auto_print, saved.language, saved.hub_url) == (
        False, True, "pl", "postgresql://desk@192.168.1.10/kongres?sslmode=verify-full")
    assert ctx.desk.name == "Stanowisko 3 — szatnia" and ctx.checkin.desk.name == ctx.desk.name
    with ctx.engine.connect() as conn:
        assert conn.execute(select(t.desk.c.name).where(t.desk.c.id == ctx.desk.id)).scalar() == ctx.desk.name


def test_the_hub_string_is_read_from_the_add_desk_qr_code_and_a_plain_remote_hub_is_refused(
        qtbot, ctx: AppContext, tasks: TaskManager, tmp_path: Path) -> None:
    from checkin.sync.desk_logins import write_qr_png

    given = ("postgresql://kongres_d_szatnia:Xy7-pw@hub.kongres.local:5432/kongres"
             "?sslmode=verify-full&sslrootcert=venue-ca.crt")
    view = _unlocked(qtbot, ctx, tasks)
    page = view.pages["Settings"]
    page.read_hub_qr(write_qr_png(given, tmp_path / "desk-szatnia.png"))
    qtbot.waitUntil(lambda: page.hub_url.text() == given, timeout=WAIT)
    page.read_hub_qr(tmp_path / "nothing.png")
    qtbot.waitUntil(lambda: "not an image" in page.message.text(), timeout=WAIT)

    page.hub_url.setText("postgresql://desk@hub.kongres.local/kongres?sslmode=prefer")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "--insecure-hub" in page.message.text() and page.save_button.isEnabled(), timeout=WAIT)
    assert load_settings(ctx.engine).hub_url == ""


def test_password_change_needs_the_current_password(qtbot, ctx: AppContext, tasks: TaskManager) -> None:
    from checkin.config import check_organiser_password

    view = _unlocked(qtbot, ctx, tasks)
    page = view.pages["Settings"]
    page.old_password.setText("zgadywane")
    page.new_password.setText("nowe-hasło-2022")
    page.repeat_password.setText("nowe-hasło-2022")
    page.change_password()
    qtbot.waitUntil(lambda: "wrong" in page.password_message.text(), timeout=WAIT)
    assert check_organiser_password(ctx.engine, PASSWORD)
    page.old_password.setText(PASSWORD)
    page.new_password.setText("nowe-hasło-2022")
    page.repeat_password.setText("nowe-hasło-2022")
    page.change_password()
    qtbot.waitUntil(lambda: "password was changed" in page.password_message.text(), timeout=WAIT)
    assert check_organiser_password(ctx.engine, "nowe-hasło-2022")


# ---------------------------------------------------------------- wipe
def test_wipe_refuses_while_scans_are_unsynced_then_wipes(qtbot, ctx: AppContext, tasks: TaskManager) -> None:
    for code, _ in demo_codes(ctx, limit=2):
        ctx.checkin.scan(code, day_one(ctx))
    view = _unlocked(qtbot, ctx, tasks)
    page = view.pages["Wipe"]
    qtbot.waitUntil(lambda: page.preview is not None, timeout=WAIT)
    assert page.preview.pending_scans == 2
    assert page.state_label.text().startswith("Wiping is not possible yet: 2 check-ins")
    assert "sync until nothing is pending" in page.state_label.text()
    assert not page.confirm_edit.isEnabled() and not page.wipe_button.isEnabled()
    page.wipe()  # even a direct call does nothing while refused
    with ctx.engine.connect() as conn:
        assert count_attendees(conn, ctx.checkin.event.id) > 400

    # the sync engine removes outbox rows once the hub has committed them; do what it does
    with ctx.engine.begin() as conn:
        conn.execute(t.outbox.delete().where(t.outbox.c.kind != "desk"))
    assert set(pending_by_kind(ctx.engine)) <= {"desk"}
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.confirm_edit.isEnabled(), timeout=WAIT)
    assert "allowed" in page.state_label.text()
    qtbot.keyClicks(page.confirm_edit, "zly-kod")
    assert not page.wipe_button.isEnabled()
    page.confirm_edit.setText(ctx.checkin.event.id)
    with qtbot.waitSignal(view.data_wiped, timeout=WAIT):
        qtbot.mouseClick(page.wipe_button, Qt.MouseButton.LeftButton)
    assert "Wiped: " in page.message.text()
    with ctx.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(t.attendee)).scalar() == 0
        assert conn.execute(select(func.count()).select_from(t.scan)).scalar() == 0
        assert conn.execute(select(func.count()).select_from(t.session)).scalar() > 0  # event kept


# ---------------------------------------------------------------- exports and keys
def test_daily_attendance_is_exported_off_the_gui_thread(qtbot, ctx: AppContext, tasks: TaskManager,
                                                         tmp_path: Path) -> None:
    for code, _ in demo_codes(ctx, limit=3):
        ctx.checkin.scan(code, day_one(ctx))
    view = _unlocked(qtbot, ctx, tasks)
    page = view.pages["Exports"]
    page.day.setCurrentIndex(page.day.findData("2022-10-19"))
    out = tmp_path / "obecnosc.csv"
    page.export(out)
    qtbot.waitUntil(lambda: page.last is not None, timeout=WAIT)
    assert page.last.rows == 3 and out.exists()
    assert "Saved 3 rows" in page.message.text()
    text = out.read_text(encoding="utf-8-sig")
    assert ";" in text.splitlines()[0]  # Polish Excel's separator by default


def test_a_new_signing_key_is_registered_for_the_event(qtbot, ctx: AppContext, tasks: TaskManager,
                                                       tmp_path: Path) -> None:
    view = _unlocked(qtbot, ctx, tasks)
    page = view.pages["Tickets"]
    page.create_key(tmp_path / "klucz.pem")
    qtbot.waitUntil(lambda: "is registered" in page.message.text(), timeout=WAIT)
    qtbot.waitUntil(lambda: page.keys.rowCount() >= 1, timeout=WAIT)
    assert (tmp_path / "klucz.pem").exists()
    assert ctx.extras["signing_key_path"] == str(tmp_path / "klucz.pem")
