# SPDX-License-Identifier: MIT
"""Screenshots of the coordinator dashboard and the organiser tools, for docs/ and the README.

Run under Xvfb at 1366x768:
    Xvfb :98 -screen 0 1366x768x24 &
    DISPLAY=:98 .venv/bin/python scripts/screenshots_admin.py [--lang pl] [--out docs/screenshots]

Builds a throw-away desk database with the demo congress, checks in about two thirds of day one's
attendees between 08:00 and 10:35 at two desks (a morning arrival curve), some into the opening
plenary and a workshop, then photographs the real widgets.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer, QTranslator  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402
from sqlalchemy import select  # noqa: E402

from checkin.app import AppContext, build_context  # noqa: E402
from checkin.config import set_organiser_password  # noqa: E402
from checkin.domain.models import Checkpoint, Desk  # noqa: E402
from checkin.services.checkin import CheckInService  # noqa: E402
from checkin.storage import tables as t  # noqa: E402
from checkin.storage.db import write_tx  # noqa: E402
from checkin.storage.events import session_by_code  # noqa: E402

WARSAW = ZoneInfo("Europe/Warsaw")
DAY1 = datetime(2022, 10, 19, tzinfo=WARSAW).date()
BAD_ROSTER = (
    "Nr zgłoszenia;Imię;Nazwisko;Instytucja;E-mail;Kategoria\n"
    "N-1;Łukasz;Żółć-Ślęzak;Urząd Gminy Brzęczyszczykiewice;lukasz.zolc@example.gov.pl;Uczestnik\n"
    "N-2;;Nowak;Urząd Miasta Łodzi;ewa.nowak@example.gov.pl;Uczestnik\n"
    "N-3;Anna;Kowalska;Starostwo Powiatowe w Łęcznej;anna.kowalska(at)example.gov.pl;Uczestnik\n"
    "N-4;Jan;Wiśniewski;Urząd Gminy Chrząszczyżewoszyce;jan.wisniewski@example.gov.pl;Astronauta\n"
)


class Clock:
    def __init__(self, local: str) -> None:
        self.now = self._utc(local)

    @staticmethod
    def _utc(local: str) -> datetime:
        return datetime.fromisoformat(local).replace(tzinfo=WARSAW).astimezone(UTC)

    def set_local(self, local: str) -> None:
        self.now = self._utc(local)

    def __call__(self) -> datetime:
        return self.now


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(condition, timeout_ms: int = 15_000) -> None:  # type: ignore[no-untyped-def]
    waited = 0
    while not condition():
        if waited > timeout_ms:
            raise TimeoutError("the screen did not reach the expected state")
        wait(50)
        waited += 50


def simulate_morning(ctx: AppContext, clock: Clock) -> None:
    """Two desks admit people from 08:00 to 10:35 with a peak before the 09:30 opening."""
    rng = random.Random(19102022)
    with ctx.engine.connect() as conn:
        codes = [r[0] for r in conn.execute(select(t.attendee.c.external_code).where(
            t.attendee.c.status == "active", t.attendee.c.external_code != "").order_by(t.attendee.c.external_ref))]
        event_id = ctx.checkin.event.id
        plenary = session_by_code(conn, event_id, "D1-OTW")
    second = Desk(str(uuid.uuid4()), "Stanowisko 2 — szatnia")
    with write_tx(ctx.engine) as conn:
        conn.execute(t.desk.insert().values(id=second.id, name=second.name, app_version="",
                                            last_seen=clock(), last_sync=clock() - timedelta(minutes=2)))
    other = CheckInService(ctx.engine, second, clock=clock)
    start = datetime(2022, 10, 19, 8, 0, tzinfo=WARSAW)
    minutes = sorted(min(154.0, max(0.0, rng.gauss(75, 28))) for _ in range(int(len(codes) * 0.68)))
    day = Checkpoint(DAY1)
    for code, minute in zip(codes, minutes, strict=False):
        clock.now = (start + timedelta(minutes=minute)).astimezone(UTC)
        service = ctx.checkin if rng.random() < 0.55 else other
        service.scan(code, day)
        if rng.random() < 0.04:
            service.scan(code, day)  # someone scanned twice
        if plenary is not None and minute >= 75 and rng.random() < 0.8:
            service.scan(code, Checkpoint(DAY1, plenary))
    clock.set_local("2022-10-19 10:40")


def save(widget: QWidget, out: Path, name: str) -> None:
    wait(300)
    path = out / name
    widget.grab().save(str(path))
    print(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lang", choices=("en", "pl"), default="en")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--size", default="1366x768", help="window size, e.g. 1024x600")
    parser.add_argument("--suffix", default=None, help="added to file names (default: _pl for Polish)")
    args = parser.parse_args()
    args.size = tuple(int(v) for v in args.size.lower().split("x"))
    app = QApplication.instance() or QApplication(sys.argv)
    suffix = args.suffix if args.suffix is not None else ("" if args.lang == "en" else f"_{args.lang}")
    if args.lang == "pl":
        from PySide6.QtCore import QLocale

        from checkin.domain.messages import set_language

        QLocale.setDefault(QLocale(QLocale.Language.Polish, QLocale.Country.Poland))
        set_language("pl")  # the core's sentences (import problems) too
        translator = QTranslator(app)
        translator.load(str(ROOT / "resources/translations/checkin_admin_pl.qm"))
        QCoreApplication.installTranslator(translator)
    args.out.mkdir(parents=True, exist_ok=True)
    from checkin.ui.dashboard.view import DashboardView
    from checkin.ui.organiser.view import OrganiserView
    from checkin.ui.tasks import TaskManager

    with tempfile.TemporaryDirectory() as tmp:
        clock = Clock("2022-10-19 07:30")
        ctx = build_context(db=Path(tmp) / "desk.sqlite3", desk_name="Stanowisko 1 — wejście główne", clock=clock)
        simulate_morning(ctx, clock)
        tasks = TaskManager()

        dashboard = DashboardView(ctx, tasks)
        dashboard.setWindowTitle("checkin — dashboard")
        dashboard.resize(*args.size)
        dashboard.show()
        wait_until(lambda: dashboard.data is not None)
        save(dashboard, args.out, f"dashboard{suffix}.png")
        dashboard.toggle_projector()
        projector = dashboard.projector
        assert projector is not None
        wait_until(lambda: projector.isVisible())
        save(projector, args.out, f"dashboard_projector{suffix}.png")
        projector.close()
        dashboard.hide()

        organiser = OrganiserView(ctx, tasks)
        organiser.resize(*args.size)
        set_organiser_password(ctx.engine, "hasło-organizatora")
        organiser.lock_page.reset()
        organiser.show()
        save(organiser, args.out, f"organiser_locked{suffix}.png")
        organiser.lock_page.password.setText("hasło-organizatora")
        organiser.lock_page.submit()
        wait_until(lambda: organiser.is_unlocked)
        assert organiser.tabs is not None
        wizard = organiser.pages["Import"]
        organiser.tabs.setCurrentWidget(wizard)
        bad = Path(tmp) / "zgloszenia-2022.csv"
        bad.write_text(BAD_ROSTER, encoding="cp1250")
        wizard.path_edit.setText(str(bad))  # type: ignore[attr-defined]
        wizard.next()  # type: ignore[attr-defined]
        wait_until(lambda: wizard.step == "preview" and not wizard.progress.running)  # type: ignore[attr-defined]
        save(organiser, args.out, f"organiser_import_preview{suffix}.png")
        wizard.next()  # type: ignore[attr-defined]
        wizard.next()  # type: ignore[attr-defined]
        wait_until(lambda: wizard.step == "check" and not wizard.progress.running)  # type: ignore[attr-defined]
        save(organiser, args.out, f"organiser_import_errors{suffix}.png")
        organiser.tabs.setCurrentWidget(organiser.pages["Event"])
        wait_until(lambda: organiser.pages["Event"].table.rowCount() > 0)  # type: ignore[attr-defined]
        save(organiser, args.out, f"organiser_event{suffix}.png")
        organiser.tabs.setCurrentWidget(organiser.pages["Settings"])
        save(organiser, args.out, f"organiser_settings{suffix}.png")
        organiser.tabs.setCurrentWidget(organiser.pages["Wipe"])
        wait_until(lambda: organiser.pages["Wipe"].preview is not None)  # type: ignore[attr-defined]
        save(organiser, args.out, f"organiser_wipe{suffix}.png")
        organiser.tabs.setCurrentWidget(organiser.pages["Badges"])
        wait(2500)
        save(organiser, args.out, f"organiser_badges{suffix}.png")
        tasks.wait()
        ctx.engine.dispose()


if __name__ == "__main__":
    main()
