# SPDX-License-Identifier: MIT
"""A morning at desk 1: attendees hold printed tickets or phones up to a cheap webcam.

Real tickets (signed, rendered with qrcode) are composited into webcam-like frames — tilt,
perspective, blur, motion, noise, dim light, glare, a phone screen, MJPEG — written to a folder
and to a video file, and go through the real path: open_source -> ScanPipeline -> CheckInService.
"""

from __future__ import annotations

from pathlib import Path

import cv2
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Engine, select

from checkin.domain.models import Attendee
from checkin.domain.results import ScanResult, Source
from checkin.scanner.debounce import Debouncer
from checkin.scanner.decode import make_decoder
from checkin.scanner.pipeline import CodeEvent, ScanPipeline, run_source
from checkin.scanner.sources import EndOfStream, open_source
from checkin.scanner.synth import webcam_frame
from checkin.services.checkin import CheckInService
from checkin.storage import tables as t
from checkin.tickets import token
from tests.conftest import AddAttendee
from tests.tickets.ticket_help import ENTRANCE, EVENT_ID, TicketFor

PEOPLE = [("Łukasz", "Żółć-Ślęzak", "Urząd Gminy Brzęczyszczykiewice"),
          ("Agnieszka", "Wójcik-Łączyńska", "Starostwo Powiatowe w Żninie"),
          ("Grzegorz", "Brzęczyszczykiewicz", "Urząd Miasta Łodzi"),
          ("Małgorzata", "Śliwińska", "Gminny Ośrodek Kultury w Łęcznej")]
# each attendee is seen in three successive frames; every condition appears
CONDITIONS = [("tilt", "blur", "noise"), ("phone", "dim", "motion"), ("glare", "tilt", "phone"),
              ("dim", "noise", "blur")]


def _roster(add_attendee: AddAttendee) -> list[Attendee]:
    return [add_attendee(first, last, organisation=org, external_ref=f"KS22-{i:04d}")
            for i, (first, last, org) in enumerate(PEOPLE, start=1)]


def _camera_scans(engine: Engine) -> list[tuple[str, str | None]]:
    with engine.connect() as conn:
        rows = conn.execute(select(t.scan.c.result, t.scan.c.attendee_id).where(t.scan.c.source == "camera"))
        return [(r.result, r.attendee_id) for r in rows]


def test_folder_of_webcam_frames_admits_each_attendee_once_and_logs_a_forgery(
    tmp_path: Path, service: CheckInService, add_attendee: AddAttendee, ticket_for: TicketFor,
    event_engine: Engine,
) -> None:
    attendees = _roster(add_attendee)
    forged = token.encode_ticket(Ed25519PrivateKey.generate(), EVENT_ID, "f0" * 16)  # a forger's own key
    frames = tmp_path / "kamera"
    frames.mkdir()
    n = 0
    for attendee, conditions in zip(attendees, CONDITIONS, strict=True):
        for condition in conditions:
            image = webcam_frame(ticket_for(attendee), size=(1280, 720), condition=condition, seed=100 + n)
            cv2.imwrite(str(frames / f"klatka_{n:03d}.jpg"), image, [cv2.IMWRITE_JPEG_QUALITY, 90])
            n += 1
        cv2.imwrite(str(frames / f"klatka_{n:03d}.jpg"), webcam_frame(None, condition="noise", seed=n))
        n += 1  # the queue moves: nobody in front of the camera
    cv2.imwrite(str(frames / f"klatka_{n:03d}.jpg"), webcam_frame(forged, condition="clean", seed=n))

    decisions = []
    pipeline = ScanPipeline(make_decoder(), Debouncer(window_s=3.0))

    def check_in(event: CodeEvent) -> None:
        decisions.append(service.scan(event.text, ENTRANCE, Source.CAMERA))

    processed = run_source(open_source(f"folder:{frames}"), pipeline, check_in)

    assert processed == n + 1
    admitted = [d.attendee.full_name for d in decisions if d.result is ScanResult.ACCEPTED and d.attendee]
    assert admitted == [a.full_name for a in attendees], "each once, in queue order, despite 3 frames each"
    refused = [d for d in decisions if d.result is not ScanResult.ACCEPTED]
    assert [(d.result, d.reason) for d in refused] == [(ScanResult.INVALID, "unknown_key")]
    assert sorted(_camera_scans(event_engine), key=str) == sorted(
        [("accepted", a.id) for a in attendees] + [("invalid", None)], key=str)


def test_region_of_interest_ignores_the_rest_of_the_frame(
    service: CheckInService, add_attendee: AddAttendee, ticket_for: TicketFor
) -> None:
    lukasz = _roster(add_attendee)[0]
    image = webcam_frame(ticket_for(lukasz), size=(1280, 720), condition="clean", seed=11, code_fraction=0.5)
    full = make_decoder().decode(image)
    assert len(full) == 1
    xs = [x for x, _ in full[0].points]
    ys = [y for _, y in full[0].points]
    holder = (min(xs) - 40, min(ys) - 40, max(xs) - min(xs) + 80, max(ys) - min(ys) + 80)
    other = (max(xs) + 20, 0, 1280, 720) if max(xs) < 900 else (0, 0, min(xs) - 20, 720)
    from checkin.scanner.sources import Frame

    frame = Frame(image, 0.0, 0)
    assert ScanPipeline(make_decoder(), Debouncer(), roi=other).process(frame) == []
    pipeline = ScanPipeline(make_decoder(), Debouncer(), roi=holder)
    assert pipeline.process(frame) == [ticket_for(lukasz)]
    assert pipeline.last_codes[0].points == full[0].points, "corners reported in full-frame pixels"


@pytest.mark.parametrize(("suffix", "fourcc"), [(".avi", "MJPG"), (".mp4", "mp4v")])
def test_short_video_the_same_ticket_later_is_a_duplicate(
    tmp_path: Path, suffix: str, fourcc: str, service: CheckInService, add_attendee: AddAttendee,
    ticket_for: TicketFor,
) -> None:
    lukasz, agnieszka = _roster(add_attendee)[:2]
    fps = 10
    timeline = ([ticket_for(lukasz)] * 8 + [None] * 6 + [ticket_for(agnieszka)] * 8 + [None] * 20
                + [ticket_for(lukasz)] * 6)  # Łukasz comes back 3.5 s later with a friend's question
    path = tmp_path / f"biurko_1{suffix}"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*fourcc), fps, (960, 540))
    assert writer.isOpened(), f"OpenCV cannot write {fourcc} here"
    conditions = ("clean", "tilt", "noise", "blur", "dim", "phone")
    for i, text in enumerate(timeline):
        writer.write(webcam_frame(text, size=(960, 540), condition=conditions[i % len(conditions)], seed=i,
                                  code_fraction=0.55))
    writer.release()

    video_time = [0.0]  # the debouncer runs on the video's clock, not on how fast we decode it
    pipeline = ScanPipeline(make_decoder(), Debouncer(window_s=3.0, clock=lambda: video_time[0]))
    source = open_source(f"video:{path}")
    results = []
    frames = 0
    while True:
        try:
            frame = source.read()
        except EndOfStream:
            break
        assert frame is not None
        frames += 1
        video_time[0] = frame.index / fps
        for text in pipeline.process(frame):
            d = service.scan(text, ENTRANCE, Source.CAMERA)
            results.append((d.result, d.attendee.first_name if d.attendee else None))
    source.close()

    assert frames == len(timeline)
    assert results == [(ScanResult.ACCEPTED, "Łukasz"), (ScanResult.ACCEPTED, "Agnieszka"),
                       (ScanResult.DUPLICATE, "Łukasz")]
