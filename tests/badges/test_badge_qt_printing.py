# SPDX-License-Identifier: MIT
"""The desk prints through Qt: the paper is the badge's size, nothing is scaled, the QR still scans.

A printer is replaced by Qt's own PDF output on the very same QPrinter/QPainter path, then that
output is measured (page size in points) and scanned (pdftoppm at 300 dpi, zxing-cpp).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pypdf import PdfReader
from reportlab.lib.units import mm
from sqlalchemy import Engine

from checkin.badges.render import qr_payload, render_badges
from checkin.badges.templates import load_template
from checkin.storage.events import load_event
from tests.badges.conftest import scan_page
from tests.conftest import AddAttendee

pytest.importorskip("PySide6.QtPrintSupport")
from checkin.ui.printing import PrintError, available_printers, default_printer, print_pdf


@pytest.mark.parametrize("name", ["a6", "card-90x55", "label-62x100", "label-4x3in", "a4-2x4-card"])
def test_printing_keeps_the_page_size_and_the_qr_scans(
        name: str, event_engine: Engine, add_attendee: AddAttendee, tmp_path: Path,
        signing_key: Ed25519PrivateKey) -> None:
    with event_engine.connect() as conn:
        event = load_event(conn)
    template = load_template(name)
    person = add_attendee("Łukasz", "Żółć-Ślęzak")
    badge = tmp_path / "badge.pdf"
    render_badges([person], event, template, badge, signing_key=signing_key)
    printed = tmp_path / "printed.pdf"
    used = print_pdf(badge, copies=2, page_size_mm=template.page_size_mm, output_pdf=printed)
    assert used == f"PDF file {printed}"
    pages = PdfReader(printed).pages
    assert len(pages) == 2  # two copies
    w, h = template.page_size_mm
    for page in pages:  # Qt writes whole points; a 1 pt (0.35 mm) tolerance
        assert abs(float(page.mediabox.width) - w * mm) <= 1.0, (name, page.mediabox)
        assert abs(float(page.mediabox.height) - h * mm) <= 1.0, (name, page.mediabox)
    assert scan_page(printed, tmp_path) == [qr_payload(person, event, signing_key)]
    assert scan_page(printed, tmp_path, page=2) == [qr_payload(person, event, signing_key)]


def test_nothing_is_scaled_the_qr_keeps_its_size_on_paper(
        event_engine: Engine, add_attendee: AddAttendee, tmp_path: Path) -> None:
    """Compare the dark area of the badge PDF and of the printed PDF at the same dpi: same place, same size."""
    import subprocess

    import cv2

    with event_engine.connect() as conn:
        event = load_event(conn)
    badge, printed = tmp_path / "badge.pdf", tmp_path / "printed.pdf"
    render_badges([add_attendee(external_code="KS2214983908")], event, load_template("a6"), badge)
    print_pdf(badge, output_pdf=printed)

    def dark_box(pdf: Path) -> tuple[int, int, int, int]:
        stem = tmp_path / pdf.stem
        subprocess.run(["pdftoppm", "-r", "100", "-gray", "-png", "-singlefile", str(pdf), str(stem)], check=True)
        image = cv2.imread(str(stem.with_suffix(".png")), cv2.IMREAD_GRAYSCALE)
        ys, xs = np.nonzero(image[: int(image.shape[0] * 0.8)] < 100)  # above the band: text and QR
        return int(xs.min()), int(ys.min()), int(xs.max()), int(ys.max())

    original, on_paper = dark_box(badge), dark_box(printed)
    assert all(abs(a - b) <= 3 for a, b in zip(original, on_paper, strict=True)), (original, on_paper)


def test_an_unknown_printer_is_named_with_the_installed_ones(tmp_path: Path) -> None:
    from checkin.badges.preview import render_preview

    badge = tmp_path / "b.pdf"
    render_preview(load_template("a7"), badge, count=1)
    with pytest.raises(PrintError, match="no printer named 'Brother QL-999'; installed: "):
        print_pdf(badge, "Brother QL-999")
    with pytest.raises(PrintError, match="cannot open"):
        print_pdf(tmp_path / "missing.pdf", output_pdf=tmp_path / "x.pdf")
    assert isinstance(available_printers(), list)
    assert default_printer() is None or isinstance(default_printer(), str)
