# SPDX-License-Identifier: MIT
"""Badge templates: preview with sample Polish names, and batch badges (one PDF) with printing.

The preview renders the real template through `checkin.badges` and rasterises it (pypdfium2), so
what is shown is what prints. Batch work runs on the pool with progress and Cancel; each badge
that reaches a printer is logged (a reprint at the desk then asks first).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from checkin.app import AppContext
from checkin.badges.log import record_print
from checkin.badges.preview import pdf_to_pngs, render_preview
from checkin.badges.render import render_badges
from checkin.badges.selection import badge_ids, iter_attendees
from checkin.badges.templates import BadgeTemplate, list_templates
from checkin.domain import messages
from checkin.ui.dashboard.common import category_label
from checkin.ui.organiser.common import ProgressRow, cancellable, failure_text, heading, message_label, show_message
from checkin.ui.tasks import Task, TaskManager


class BadgesPage(QWidget):
    def __init__(self, ctx: AppContext, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        self.templates: list[BadgeTemplate] = []
        self.batch_pdf: Path | None = None
        self.batch_ids: list[str] = []
        self._tmp = tempfile.TemporaryDirectory(prefix="checkin-badges-")
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        left.addWidget(heading(self.tr("Badges"), self))
        form = QFormLayout()
        self.template = QComboBox(self)
        self.template.currentIndexChanged.connect(self.preview)
        form.addRow(self.tr("Template:"), self.template)
        self.category = QComboBox(self)
        self.category.addItem(self.tr("Everyone"), "")
        for cat in ("participant", "speaker", "partner", "media", "staff", "organiser", "guest"):
            self.category.addItem(category_label(cat), cat)
        form.addRow(self.tr("Who:"), self.category)
        left.addLayout(form)
        batch = QGroupBox(self.tr("Batch"), self)
        bl = QVBoxLayout(batch)
        self.make_button = QPushButton(self.tr("Make PDF with all badges…"), batch)
        self.make_button.clicked.connect(self._choose_pdf)
        self.print_button = QPushButton(self.tr("Print the PDF"), batch)
        self.print_button.setEnabled(False)
        self.print_button.clicked.connect(self.print_batch)
        bl.addWidget(self.make_button)
        bl.addWidget(self.print_button)
        self.progress = ProgressRow(batch)
        bl.addWidget(self.progress)
        left.addWidget(batch)
        self.message = message_label(self)
        left.addWidget(self.message)
        left.addStretch(1)
        layout.addLayout(left, 1)
        self.preview_label = QLabel(self.tr("Preview is being drawn…"), self)
        self.preview_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview_label.setMinimumWidth(420)
        # the picture scales to the room it gets: it must not make the window taller than a small screen
        self.preview_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self._preview_pixmap: QPixmap | None = None
        layout.addWidget(self.preview_label, 1)
        self.tasks.run(lambda _task: list_templates()).success(self._fill_templates).failure(self._failed)

    def _fill_templates(self, templates: list[BadgeTemplate]) -> None:
        self.templates = templates
        self.template.blockSignals(True)
        for tpl in templates:
            self.template.addItem(tpl.title_for(messages.language()), tpl.id)
        current = self.template.findData(self.ctx.settings.badge_template)
        self.template.setCurrentIndex(max(0, current))
        self.template.blockSignals(False)
        self.preview()

    def chosen(self) -> BadgeTemplate | None:
        index = self.template.currentIndex()
        return self.templates[index] if 0 <= index < len(self.templates) else None

    @Slot()
    def preview(self) -> None:
        template = self.chosen()
        if template is None:
            return
        stem = Path(self._tmp.name) / f"preview-{template.id}"

        def draw(_task: object) -> Path:
            """Runs on a pool thread."""
            pdf = stem.with_suffix(".pdf")
            render_preview(template, pdf, count=2)
            return pdf_to_pngs(pdf, stem, dpi=110)[0]

        self.tasks.run(draw).success(self._show_preview).failure(self._failed)

    def _show_preview(self, png: Path) -> None:
        self._preview_pixmap = QPixmap(str(png))
        self._fit_preview()

    def _fit_preview(self) -> None:
        pixmap = self._preview_pixmap
        if pixmap is None or pixmap.isNull():
            return
        height = max(120, min(560, self.preview_label.height() - 8))
        if pixmap.height() > height:
            pixmap = pixmap.scaledToHeight(height, Qt.TransformationMode.SmoothTransformation)
        self.preview_label.setPixmap(pixmap)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_preview()

    def _choose_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the badges as"), "badges.pdf", "*.pdf")
        if path:
            self.make_pdf(Path(path))

    def make_pdf(self, out: Path) -> None:
        template = self.chosen()
        if template is None:
            return
        engine, event, category = self.ctx.engine, self.ctx.checkin.event, self.category.currentData() or None

        def work(task: Task[tuple[Path, list[str], int]]) -> tuple[Path, list[str], int]:
            """Runs on a pool thread: reads the roster in chunks, writes one PDF."""
            ids = badge_ids(engine, event.id, category)
            report = cancellable(task.progress, task)
            pages = render_badges(iter_attendees(engine, ids), event, template, out,
                                  progress=lambda done: report(done, len(ids)))
            return out, ids, pages

        self.make_button.setEnabled(False)
        task = self.tasks.run(work)
        self.progress.track(task)
        task.success(self._made).failure(self._failed).finally_(lambda: self.make_button.setEnabled(True))

    def _made(self, result: tuple[Path, list[str], int]) -> None:
        from checkin.services.written_files import record_written

        self.batch_pdf, self.batch_ids, pages = result
        engine, pdf = self.ctx.engine, self.batch_pdf
        self.tasks.run_write(lambda _task: record_written(engine, [pdf], "badge"))  # for the wipe
        self.print_button.setEnabled(bool(self.batch_ids))
        show_message(self.message, self.tr("{n} badges on {pages} pages saved to {path}.").format(
            n=len(self.batch_ids), pages=pages, path=self.batch_pdf))

    @Slot()
    def print_batch(self) -> None:
        template = self.chosen()
        if self.batch_pdf is None or template is None:
            return
        pdf, ids, printer = self.batch_pdf, list(self.batch_ids), self.ctx.settings.printer or None
        engine, desk, template_id = self.ctx.engine, self.ctx.desk, template.id

        def send(_task: object) -> str:
            """Runs on a pool thread, so a slow printer never holds up scans on the writer lane."""
            from checkin.ui.printing import print_pdf

            return print_pdf(pdf, printer, job_name="checkin badges")

        def log(used: str) -> None:
            """Each badge is logged only after the printer took the job (writer lane)."""
            show_message(self.message, self.tr("Sent to {printer}.").format(printer=used))
            self.tasks.run_write(lambda _task: [record_print(engine, desk, a, template_id, used) for a in ids]
                                 ).failure(self._failed)

        self.print_button.setEnabled(False)
        (self.tasks.run(send).success(log).failure(self._failed)
         .finally_(lambda: self.print_button.setEnabled(True)))

    def _failed(self, exc: BaseException, _tb: str) -> None:
        show_message(self.message, failure_text(exc), error=True)
