# SPDX-License-Identifier: MIT
"""Issuing certificates in a batch: choose people, number them in the register, write the PDFs.

One use case for the CLI (`checkin export certificates`) and the organiser's Exports page. Runs on
the caller's thread (the app: a pool thread) and reports `progress(done, total)`; a progress
callback that raises (the app's Cancel) stops it between two certificates. Numbers are allocated
for the whole batch first, in one register transaction (see `certificate_register`), so a
cancelled batch keeps its numbers and printing it again is a logged re-issue with the same ones.
"""

from __future__ import annotations

import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from checkin.reports.output import Progress, atomic_output
from checkin.reports.query import Person, ReportContext, ReportError, load_context
from checkin.services import certificate_register as register
from checkin.services.certificate_config import CertificateSettings, certificate_settings
from checkin.services.certificates import (
    PersonCertificate,
    Selection,
    collect,
    describe,
    file_stem,
    organisation_stem,
    with_numbers,
)
from checkin.services.written_files import record_written


@dataclass
class BatchReport:
    certificates: list[PersonCertificate] = field(default_factory=list)
    skipped: list[tuple[Person, str]] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    combined: Path | None = None
    zips: list[Path] = field(default_factory=list)
    register: str = "local"  # local | hub

    @property
    def written(self) -> list[Path]:
        return [*self.files, *self.zips, *([self.combined] if self.combined else [])]

    @property
    def issued(self) -> int:
        return sum(1 for c in self.certificates if not c.reissue)

    @property
    def reissued(self) -> int:
        return sum(1 for c in self.certificates if c.reissue)

    def to_json(self) -> dict[str, Any]:
        return {"issued": self.issued, "reissued": self.reissued, "register": self.register,
                "files": [str(p) for p in self.files], "combined": str(self.combined) if self.combined else None,
                "zips": [str(p) for p in self.zips], "certificates": [describe(c) for c in self.certificates],
                "skipped": [{"attendee_id": p.id, "name": p.full_name, "reason": why} for p, why in self.skipped]}


def _hub_for(engine: Engine) -> Engine | None:
    """The remembered venue hub (organiser string), or None for a laptop without one. Same transport
    rules as `checkin sync` (TLS unless `--insecure-hub` was accepted for this laptop)."""
    from checkin.sync.credentials import load_password, remembered_hub, remembered_insecure
    from checkin.sync.urls import HubUrlError, hub_engine, normalise

    url = remembered_hub(engine)
    if not url:
        return None
    u = normalise(url)
    try:
        return hub_engine(u, password=None if u.password else load_password(u), application_name="checkin-register",
                          insecure=remembered_insecure(engine))
    except HubUrlError as exc:
        raise ReportError(f"the venue hub is not usable from here: {exc}") from exc


def number_certificates(engine: Engine, certs: list[PersonCertificate], *, event_id: str, pattern: str,
                        issued: date, desk_id: str, hub: Engine | None) -> tuple[list[PersonCertificate], str]:
    """Register numbers for everyone in the batch (hub when there is one; see certificate_register)."""
    requests = [register.Request(c.person.id, c.person.first_name, c.person.last_name, c.person.organisation,
                                 c.minutes) for c in certs]
    if hub is None:
        entries = register.allocate_locally(engine, event_id, pattern, issued.year, requests, desk_id=desk_id,
                                            issued_on=issued)
        where = "local"
    else:
        try:
            entries = register.allocate_on_hub(engine, hub, event_id, pattern, issued.year, requests,
                                               desk_id=desk_id, issued_on=issued)
        except register.RegisterError:
            known = register.known_numbers(engine, event_id, [r.attendee_id for r in requests])
            if len(known) < len(requests):
                raise
            entries = register.reissue_offline(engine, known, requests, desk_id=desk_id)
        where = "hub"
    numbers = {e.attendee_id: (e.number, e.issued_on, e.reissue) for e in entries}
    return with_numbers(certs, numbers), where


@dataclass
class PreparedBatch:
    """Chosen and numbered, not yet drawn: the register work is done (and written) at this point."""

    ctx: ReportContext
    settings: CertificateSettings
    certs: list[PersonCertificate]
    skipped: list[tuple[Person, str]]
    register: str
    issued: date
    lang: str


def check_targets(out_dir: Path | None, combined: Path | None, zip_by_organisation: bool) -> None:
    if out_dir is None and combined is None:
        raise ReportError("say where to write the certificates: a folder (--out DIR) and/or --combined FILE.pdf")
    if out_dir is not None and not out_dir.is_dir():
        raise ReportError(f"folder {out_dir} does not exist; create it or choose another --out")
    if zip_by_organisation and out_dir is None:
        raise ReportError("ZIP files per institution are written into the --out folder; give --out DIR")


def prepare_batch(engine: Engine, desk_id: str, selection: Selection | None = None, *, lang: str = "pl",
                  issued: date | None = None, hub: Engine | str | None = "remembered") -> PreparedBatch:
    """Choose the people and give them register numbers (writes: the app runs it on the writer lane)."""
    selection = selection or Selection()
    if lang not in ("pl", "en"):
        raise ReportError(f"language '{lang}' is not available for certificates; use pl or en")
    with engine.connect() as conn:
        ctx = load_context(conn)
        settings = certificate_settings(ctx.event.settings)
        certs, skipped = collect(conn, ctx, settings, selection)
    if not certs:
        raise ReportError("; ".join(f"{p.full_name} {why}" for p, why in skipped[:5]) + " at "
                          f"'{ctx.event.name}'; no certificate can be issued" if skipped
                          else "nobody to certify: no one matching the choice attended")
    issued = issued or max(ctx.event.dates)
    hub_engine = _hub_for(engine) if hub == "remembered" else hub
    assert not isinstance(hub_engine, str)
    try:
        certs, where = number_certificates(engine, certs, event_id=ctx.event.id, pattern=settings.number,
                                           issued=issued, desk_id=desk_id, hub=hub_engine)
    finally:
        if hub == "remembered" and hub_engine is not None:
            hub_engine.dispose()
    return PreparedBatch(ctx, settings, certs, skipped, where, issued, lang)


def write_batch(batch: PreparedBatch, *, out_dir: Path | None, combined: Path | None = None,
                zip_by_organisation: bool = False, progress: Progress | None = None) -> BatchReport:
    """Draw the PDFs (read-only: the app runs it on the pool, with progress and Cancel)."""
    from checkin.reports.certificate import render_certificates

    check_targets(out_dir, combined, zip_by_organisation)
    ctx, settings, certs, lang, issued = batch.ctx, batch.settings, batch.certs, batch.lang, batch.issued
    report = BatchReport(certs, batch.skipped, register=batch.register)
    total = (len(certs) if out_dir is not None else 0) + (len(certs) if combined is not None else 0)
    done = 0
    if out_dir is not None:
        for cert in certs:
            path = out_dir / f"{file_stem(cert)}.pdf"
            render_certificates(path, ctx, settings, [cert], lang, issued)
            report.files.append(path)
            done += 1
            if progress is not None:
                progress(done, total)
    if combined is not None:
        render_certificates(combined, ctx, settings, certs, lang, issued, progress=progress, done_before=done,
                            total=total)
        report.combined = combined
    if zip_by_organisation and out_dir is not None:
        report.zips = _zip_by_organisation(out_dir, certs, report.files)
    return report


def issue_certificates(engine: Engine, desk_id: str, *, out_dir: Path | None, selection: Selection | None = None,
                       combined: Path | None = None, zip_by_organisation: bool = False, lang: str = "pl",
                       issued: date | None = None, hub: Engine | str | None = "remembered",
                       progress: Progress | None = None) -> BatchReport:
    """Number and print certificates; `out_dir` gets one PDF per person, `combined` one file for all."""
    check_targets(out_dir, combined, zip_by_organisation)
    batch = prepare_batch(engine, desk_id, selection, lang=lang, issued=issued, hub=hub)
    report = write_batch(batch, out_dir=out_dir, combined=combined, zip_by_organisation=zip_by_organisation,
                         progress=progress)
    record_written(engine, report.written, "certificate")
    return report


def _zip_by_organisation(out_dir: Path, certs: list[PersonCertificate], files: list[Path]) -> list[Path]:
    groups: dict[str, list[Path]] = defaultdict(list)
    for cert, path in zip(certs, files, strict=True):
        groups[organisation_stem(cert.person.organisation)].append(path)
    zips = []
    for stem, paths in sorted(groups.items()):
        target = out_dir / f"{stem}.zip"
        with atomic_output(target) as tmp, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
            for p in paths:
                zf.write(p, arcname=p.name)
        zips.append(target)
    return zips
