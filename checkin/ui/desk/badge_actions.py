# SPDX-License-Identifier: MIT
"""Printing a badge from the desk: the presentation of the badge-print use case.

The rule and the work (reprint check, render, print, then log) are `services.badge_printing`, the
same call `checkin print` makes; it runs on the pool. This class only asks the reprint question —
naming when and where the earlier copy was printed — and reports results through the `message`
signal into the result panel, never through a dialog in the scan flow.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from checkin.app import AppContext
from checkin.domain.models import Attendee
from checkin.ui.desk.wording import local_time
from checkin.ui.tasks import TaskManager


class BadgeActions(QObject):
    message = Signal(str, str, str)  # state, headline, detail
    printed = Signal(object)  # PrintRecord

    def __init__(self, ctx: AppContext, tasks: TaskManager, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = tasks
        self.parent_widget = parent
        self.question: QMessageBox | None = None
        self.last_pdf: Path | None = None

    def print_badge(self, attendee: Attendee, ask_if_printed: bool = True) -> None:
        """GUI thread. With `ask_if_printed`, a reprint is printed only after the volunteer agrees."""
        self._print(attendee, reprint_ok=not ask_if_printed, quiet_if_printed=False)

    def auto_print(self, attendee: Attendee, requested: bool = False) -> None:
        """GUI thread, after an admission: print when asked to (walk-in form) or when the desk's
        auto-print setting is on. The setting is read from the store on the pool each time, so
        `checkin badge auto-print on|off` counts even while the desk runs; an earlier copy anywhere
        means no print (the reprint rule, without a question in the scan flow)."""
        from checkin.badges.log import auto_print_enabled

        engine = self.ctx.engine
        self.tasks.run(lambda _t: requested or auto_print_enabled(engine)).success(
            lambda yes: self._print(attendee, reprint_ok=False, quiet_if_printed=True) if yes else None)

    def _confirm(self, attendee: Attendee, records: list[Any]) -> None:
        last = records[-1]
        tz = self.ctx.event().tz
        when = local_time(last.printed_at, tz)
        if last.printed_at.astimezone(tz).date() != self.ctx.clock().astimezone(tz).date():
            when = last.printed_at.astimezone(tz).strftime("%Y-%m-%d %H:%M")
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Print again?"),
                          self.tr("The badge of {name} was already printed at {time} at {desk} (copy {n}). "
                                  "Print another copy?").format(name=attendee.full_name, time=when,
                                                                desk=last.desk_name or last.desk_id[:8],
                                                                n=last.copy_no),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self.parent_widget)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(lambda code: self._print(attendee, reprint_ok=True, quiet_if_printed=False)
                             if box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes else None)
        self.question = box
        box.open()

    def _print(self, attendee: Attendee, *, reprint_ok: bool, quiet_if_printed: bool) -> None:
        """One call of the badge-print use case on the pool; the answer comes back as a message."""
        from checkin.services.badge_printing import BadgeJob, BadgePrinted, print_badge

        ctx = self.ctx
        job = BadgeJob(attendee, ctx.event(), ctx.settings.badge_template, ctx.settings.printer or None,
                       language=getattr(self.parent_widget.window(), "language", None))

        def work(_t: Any) -> BadgePrinted:
            """Runs on the pool: check the reprint rule, render, print, log."""
            folder = Path(tempfile.mkdtemp(prefix="checkin-badge-"))
            return print_badge(ctx.engine, ctx.desk, job, _send, folder, reprint_ok=reprint_ok, clock=ctx.clock)

        self.tasks.run(work).success(lambda result: self._printed(attendee, result)).failure(
            lambda exc, _tb: self._not_printed(attendee, exc, quiet_if_printed))

    def _printed(self, attendee: Attendee, result: Any) -> None:
        self.last_pdf = result.pdf
        for record in result.records:
            self.printed.emit(record)
        self.message.emit("ok", self.tr("Badge sent to the printer"),
                          self.tr("{name} · printer {printer}").format(name=attendee.full_name, printer=result.printer))

    def _not_printed(self, attendee: Attendee, exc: BaseException, quiet_if_printed: bool) -> None:
        from checkin.services.badge_printing import BadgeNotPrinted, PrintingUnavailable, ReprintNeedsConfirmation

        if isinstance(exc, ReprintNeedsConfirmation):
            if not quiet_if_printed:
                self._confirm(attendee, exc.records)
            return
        if isinstance(exc, BadgeNotPrinted):
            # a printer problem must not lose the badge: say where the PDF is, to print it elsewhere
            self.last_pdf = exc.pdf
            if isinstance(exc.cause, PrintingUnavailable):
                self.message.emit("warn", self.tr("Badge not printed"),
                                  self.tr("Printing is not available on this desk. The badge was saved as {path}.")
                                  .format(path=exc.pdf))
                return
            detail = str(exc) + "\n" + self.tr("The badge was saved as {path}.").format(path=exc.pdf)
            self.message.emit("error", self.tr("Badge not printed"), detail)
            return
        self.message.emit("error", self.tr("Badge not printed"), str(exc))


def _send(pdf: Path, printer: str | None, copies: int, page_mm: tuple[float, float], job: str) -> str:
    """The desk's printer: Qt print support (pool thread; QPainter on a QPrinter is not GUI-bound)."""
    from checkin.services.badge_printing import PrintingUnavailable

    try:
        from checkin.ui.printing import print_pdf  # type: ignore[import-not-found,unused-ignore]
    except ImportError as exc:
        raise PrintingUnavailable(str(exc)) from exc
    return str(print_pdf(pdf, printer, copies, page_mm, job_name=job))
