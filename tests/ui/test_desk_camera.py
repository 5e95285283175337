# SPDX-License-Identifier: MIT
"""A volunteer holds tickets up to the camera (a folder of real QR images stands in for it)."""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from checkin.domain.results import ScanResult
from checkin.tickets.issue import ticket_text
from checkin.tickets.keys import register_public_key
from checkin.tickets.qr import qr_png
from tests.ui.conftest import find_attendee


def camera_folder(tmp_path: Path, name: str, *codes: str) -> str:
    folder = tmp_path / name
    folder.mkdir()
    for i, code in enumerate(codes):
        qr_png(code, folder / f"{i:03d}.png", box_size=6)
    return f"folder:{folder}"


def test_camera_scan_shows_green_then_amber_with_time_and_desk(qtbot, make_window, ctx, tmp_path):
    lukasz = find_attendee(ctx, "lukasz zolc")
    window = make_window()
    desk = window.desk
    assert desk.checkpoint is not None and desk.checkpoint.key == "day:2022-10-19"

    desk.start_camera(camera_folder(tmp_path, "first", lukasz.external_code))
    qtbot.waitUntil(lambda: desk.result.state == "ok", timeout=10_000)
    assert desk.result.name.text() == "Łukasz Żółć-Ślęzak"
    assert "Urząd Gminy Brzęczyszczykiewice" in desk.result.organisation.text()
    assert desk.result.headline.text() == "Welcome"
    assert desk.camera_view.preview.image is not None  # the preview showed the frame
    assert window.sounds.played[-1] == "accepted"
    qtbot.waitUntil(lambda: desk.present == 1, timeout=5_000)
    qtbot.waitUntil(lambda: desk.recent.list.count() == 1, timeout=5_000)

    ctx.checkin.clock.set_local("2022-10-19 09:40")  # type: ignore[attr-defined]
    desk.start_camera(camera_folder(tmp_path, "again", lukasz.external_code))
    qtbot.waitUntil(lambda: desk.result.state == "warn", timeout=10_000)
    assert desk.result.name.text() == "Łukasz Żółć-Ślęzak"
    assert desk.result.detail.text() == "Already checked in at 09:12 at Desk 1."
    assert window.sounds.played[-1] == "duplicate"
    qtbot.waitUntil(lambda: desk.recent.list.count() == 2, timeout=5_000)
    assert desk.present == 1


def test_signed_ticket_is_admitted_and_an_altered_one_is_red(qtbot, make_window, ctx, tmp_path):
    key = Ed25519PrivateKey.generate()
    register_public_key(ctx.engine, ctx.event().id, key)
    ctx.checkin.reload()
    grzegorz = find_attendee(ctx, "grzegorz brzeczyszczykiewicz")
    assert grzegorz.ticket_id
    genuine = ticket_text(key, ctx.event().id, grzegorz)
    body = genuine[3:]
    flipped = "A" if body[-5] != "A" else "B"
    forged = "CK1" + body[:-5] + flipped + body[-4:]  # one signature character changed
    window = make_window()
    desk = window.desk

    desk.start_camera(camera_folder(tmp_path, "signed", genuine))
    qtbot.waitUntil(lambda: desk.result.state == "ok", timeout=10_000)
    assert desk.result.name.text() == "Grzegorz Brzęczyszczykiewicz"

    desk.start_camera(camera_folder(tmp_path, "forged", forged))
    qtbot.waitUntil(lambda: desk.result.state == "error", timeout=10_000)
    assert desk.result.decision is not None and desk.result.decision.result is ScanResult.INVALID
    assert desk.result.headline.text() == "Not admitted"
    assert "Forged or damaged code" in desk.result.detail.text()
    assert desk.result.name.text() == ""  # a forged code names nobody
    assert window.sounds.played[-1] == "rejected"


def test_a_camera_that_cannot_open_says_what_to_do_instead(qtbot, make_window, tmp_path):
    window = make_window()
    desk = window.desk
    desk.start_camera(f"folder:{tmp_path / 'missing'}")
    qtbot.waitUntil(lambda: "does not exist" in desk.camera_view.preview.message, timeout=10_000)
    assert desk.camera_view.preview.message.startswith("No camera: use the handheld scanner or search")



def test_a_camera_chosen_for_this_run_survives_saved_settings_and_a_language_switch(qtbot, make_window, ctx):
    """`checkin --camera ""` is a one-off: the desk's own saves must not bring the stored camera back,
    until the volunteer picks a camera at the desk."""
    from checkin.config import load_settings, update_settings

    ctx.use_settings(update_settings(ctx.engine, camera="camera:7"))  # what this desk normally uses
    ctx.override(camera="")  # what `checkin --camera ""` asks for today
    window = make_window()
    window.desk._mirror_changed(False)  # any desk save reloads the settings from the database
    qtbot.waitUntil(lambda: load_settings(ctx.engine).camera_mirror is False, timeout=5_000)
    qtbot.waitUntil(lambda: ctx.settings.camera_mirror is False, timeout=5_000)
    assert ctx.settings.camera == ""
    window.switch_language("pl")
    assert ctx.settings.camera == ""
    window.desk.choose_camera("camera:9")  # picked at the desk on purpose: stored, and in force
    qtbot.waitUntil(lambda: load_settings(ctx.engine).camera == "camera:9", timeout=5_000)
    qtbot.waitUntil(lambda: ctx.settings.camera == "camera:9", timeout=5_000)
