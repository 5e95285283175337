# SPDX-License-Identifier: MIT
"""Printing a badge from the desk: ask before a reprint, render, print, log.

Rendering and printing run on the pool, the log entry on the writer lane (after the printer took
the job: a logged badge that never came out would mislead the next volunteer). The reprint
question names when and where the earlier copy was printed. Results are reported through the
`message` signal into the result panel, never through a dialog in the scan flow; the printer's own
answer (sent, or not printed and why) goes to `print_failed`/`print_done`, shown beside the admission
by the print notice, so a printer problem never looks like a refused entry.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from checkin.app import AppContext
from checkin.domain.models import Attendee
from checkin.ui.desk.wording import local_time
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

    def print_badge(self, attendee: Attendee, ask_if_printed: bool = True, printer: str | None = None) -> None:
        """GUI thread. Looks up earlier prints first when asked to, then prints (on `printer` if given)."""
        if not ask_if_printed:
            self._render_and_print(attendee, printer)
            return
        from checkin.badges.log import previous_prints

        engine = self.ctx.engine
        self.tasks.run(lambda _t: previous_prints(engine, attendee.id)).success(
            lambda records: self._confirm(attendee, records, printer))

    def auto_print(self, attendee: Attendee, requested: bool = False) -> None:
        """GUI thread, after an admission: print when asked to (walk-in form) or when the desk's
        auto-print setting is on and no copy exists yet. The setting is read from the store on the
        pool each time, so `checkin badge auto-print on|off` counts even while the desk runs."""
        from checkin.badges.log import should_auto_print

        engine = self.ctx.engine
        self.tasks.run(lambda _t: requested or should_auto_print(engine, attendee.id)).success(
            lambda yes: self._render_and_print(attendee) if yes else None)

    def _confirm(self, attendee: Attendee, records: list[Any], printer: str | None = None) -> None:
        if not records:
            self._render_and_print(attendee, printer)
            return
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
        box.finished.connect(lambda code: self._render_and_print(attendee, printer)
                             if box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes else None)
        self.question = box
        box.open()

    def _render_and_print(self, attendee: Attendee, printer_override: str | None = None) -> None:
        ctx = self.ctx
        template_name = ctx.settings.badge_template
        printer_name = ctx.settings.printer if printer_override is None else printer_override
        event = ctx.event()

        rendered: list[Path] = []

        def work(_t: Any) -> tuple[Path, str | None]:
            """Runs on the pool: render the badge, then hand it to the printer."""
            from checkin.badges.render import render_badges
            from checkin.badges.templates import load_template

            template = load_template(template_name)
            folder = Path(tempfile.mkdtemp(prefix="checkin-badge-"))
            pdf = folder / f"badge-{attendee.id[:8]}.pdf"
            render_badges([attendee], event, template, pdf)  # the event's badge language, not the desk's
            rendered.append(pdf)
            try:
                from checkin.ui.printing import print_pdf  # type: ignore[import-not-found,unused-ignore]
            except ImportError:
                return pdf, None
            return pdf, str(print_pdf(pdf, printer_name or None, copies=1))

        def failed(exc: BaseException) -> None:
            """A printer problem must not lose the badge: say where the PDF is, to print it elsewhere."""
            detail = str(exc)
            if rendered:
                self.last_pdf = rendered[0]
                detail += "\n" + self.tr("The badge was saved as {path}.").format(path=rendered[0])
            log.warning("badge print failed attendee=%s printer=%r: %s", attendee.id, printer_name, exc)
            self.print_failed.emit(attendee, detail)

        def printed(answer: tuple[Path, str | None]) -> None:
            pdf, printer = answer
            self.last_pdf = pdf
            if printer is None:
                log.warning("badge print unavailable attendee=%s", attendee.id)
                self.print_failed.emit(attendee, self.tr("Printing is not available on this desk. The badge was "
                                                         "saved as {path}.").format(path=pdf))
                return
            log.info("badge printed attendee=%s printer=%r", attendee.id, printer)
            from checkin.badges.log import record_print

            self.tasks.run_write(lambda _t: record_print(ctx.engine, ctx.desk, attendee.id, template_name, printer,
                                                         clock=ctx.clock)).success(self.printed.emit)
            self.print_done.emit(attendee, printer)

        self.tasks.run(work).success(printed).failure(lambda exc, _tb: failed(exc))
