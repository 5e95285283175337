# SPDX-License-Identifier: MIT
"""Printing a badge from the desk: the presentation of the badge-print use case.

The rule and the work (reprint check, render, print, then log) are `services.badge_printing`, the
same call `checkin print` makes; it runs on the pool. This class only asks the reprint question —
naming when and where the earlier copy was printed — and reports the printer's answer (sent, or
not printed and why) through `print_done`/`print_failed`, shown beside the admission by the print
notice, so a printer problem never looks like a refused entry; never a dialog in the scan flow.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from checkin.app import AppContext
from checkin.domain.models import Attendee
from checkin.ui.desk.wording import local_time
from checkin.ui.print_sender import qt_sender
from checkin.ui.tasks import TaskManager

log = logging.getLogger("checkin.desk.print")


class BadgeActions(QObject):
    message = Signal(str, str, str)  # state, headline, detail
    printed = Signal(object)  # PrintRecord
    print_failed = Signal(object, str)  # Attendee, why (the PDF's path included)
    print_done = Signal(object, str)  # Attendee, printer name

    def __init__(self, ctx: AppContext, tasks: TaskManager, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = tasks
        self.parent_widget = parent
        self.question: QMessageBox | None = None
        self.last_pdf: Path | None = None
        self.reprint_gate: Callable[[Callable[[Any], None]], None] | None = None  # supervisor check, if any

    def print_badge(self, attendee: Attendee, ask_if_printed: bool = True, printer: str | None = None) -> None:
        """GUI thread. With `ask_if_printed`, a reprint is printed only after the volunteer agrees;
        `printer` overrides the desk's printer for this badge."""
        self._print(attendee, printer, reprint_ok=not ask_if_printed, quiet_if_printed=False)

    def auto_print(self, attendee: Attendee, requested: bool = False) -> None:
        """GUI thread, after an admission: print when asked to (walk-in form) or when the desk's
        auto-print setting is on. The setting is read from the store on the pool each time, so
        `checkin badge auto-print on|off` counts even while the desk runs; an earlier copy anywhere
        means no print (the reprint rule, without a question in the scan flow)."""
        from checkin.badges.log import auto_print_enabled

        engine = self.ctx.engine
        self.tasks.run(lambda _t: requested or auto_print_enabled(engine)).success(
            lambda yes: self._print(attendee, None, reprint_ok=False, quiet_if_printed=True) if yes else None)

    def _confirm(self, attendee: Attendee, records: list[Any], printer: str | None = None) -> None:
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
        box.finished.connect(lambda code: self._reprint(attendee, printer)
                             if box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes else None)
        self.question = box
        box.open()

    def _reprint(self, attendee: Attendee, printer: str | None) -> None:
        """A second copy: through the desk's supervisor check when it has one (volunteer roles)."""
        def go(_supervisor: Any = None) -> None:
            self._print(attendee, printer, reprint_ok=True, quiet_if_printed=False)

        if self.reprint_gate is None:
            go()
        else:
            self.reprint_gate(go)

    def print_batch(self, attendees: list[Attendee]) -> None:
        """GUI thread: a group admitted together gets its badges as one print job (each copy logged)."""
        from checkin.services.groups import print_group_badges

        if not attendees:
            return
        ctx = self.ctx
        event, template, printer = ctx.event(), ctx.settings.badge_template, ctx.settings.printer or None

        def work(_t: Any) -> Any:
            """Runs on the pool: render one PDF for the group, print it once, log each badge."""
            folder = Path(tempfile.mkdtemp(prefix="checkin-badges-"))
            return print_group_badges(ctx.engine, ctx.desk, attendees, event, template, printer, qt_sender(), folder,
                                      clock=ctx.clock)

        def failed(exc: BaseException) -> None:
            for person in attendees:
                self._not_printed(person, None, exc, True)

        def done(result: Any) -> None:
            self.last_pdf = result.pdf
            for record in result.records:
                self.printed.emit(record)
            for person in attendees:
                self.print_done.emit(person, result.printer)

        self.tasks.run(work).success(done).failure(lambda exc, _tb: failed(exc))

    def _print(self, attendee: Attendee, printer_override: str | None, *, reprint_ok: bool,
               quiet_if_printed: bool) -> None:
        """One call of the badge-print use case on the pool; the answer comes back as a signal."""
        from checkin.services.badge_printing import BadgeJob, BadgePrinted, print_badge

        ctx = self.ctx
        printer_name = ctx.settings.printer if printer_override is None else printer_override
        # language None: the event's badge language, not the desk's
        job = BadgeJob(attendee, ctx.event(), ctx.settings.badge_template, printer_name or None)

        def work(_t: Any) -> BadgePrinted:
            """Runs on the pool: check the reprint rule, render, print, log."""
            folder = Path(tempfile.mkdtemp(prefix="checkin-badge-"))
            return print_badge(ctx.engine, ctx.desk, job, qt_sender(), folder, reprint_ok=reprint_ok, clock=ctx.clock)

        self.tasks.run(work).success(lambda result: self._printed(attendee, result)).failure(
            lambda exc, _tb: self._not_printed(attendee, printer_override, exc, quiet_if_printed))

    def _printed(self, attendee: Attendee, result: Any) -> None:
        self.last_pdf = result.pdf
        log.info("badge printed attendee=%s printer=%r", attendee.id, result.printer)
        for record in result.records:
            self.printed.emit(record)
        self.print_done.emit(attendee, result.printer)

    def _not_printed(self, attendee: Attendee, printer: str | None, exc: BaseException,
                     quiet_if_printed: bool) -> None:
        from checkin.services.badge_printing import BadgeNotPrinted, PrintingUnavailable, ReprintNeedsConfirmation

        if isinstance(exc, ReprintNeedsConfirmation):
            if not quiet_if_printed:
                self._confirm(attendee, exc.records, printer)
            return
        if isinstance(exc, BadgeNotPrinted):
            # a printer problem must not lose the badge: say where the PDF is, to print it elsewhere
            self.last_pdf = exc.pdf
            if isinstance(exc.cause, PrintingUnavailable):
                log.warning("badge print unavailable attendee=%s", attendee.id)
                self.print_failed.emit(attendee, self.tr("Printing is not available on this desk. The badge was "
                                                         "saved as {path}.").format(path=exc.pdf))
                return
            log.warning("badge print failed attendee=%s: %s", attendee.id, exc)
            self.print_failed.emit(attendee, str(exc) + "\n" + self.tr("The badge was saved as {path}.")
                                   .format(path=exc.pdf))
            return
        log.warning("badge not made attendee=%s: %s", attendee.id, exc)
        self.print_failed.emit(attendee, str(exc))

