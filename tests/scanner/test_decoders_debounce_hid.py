# SPDX-License-Identifier: MIT
"""Decoders, the debouncer and the handheld-scanner assembler, each on its own."""

from __future__ import annotations

import builtins
from typing import Any

import numpy as np
import pytest
import qrcode
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from checkin.scanner.debounce import Debouncer, dedupe_key
from checkin.scanner.decode import DecoderUnavailable, PyzbarDecoder, available_decoders, make_decoder
from checkin.scanner.hid import HidAssembler, explain_bad_input
from checkin.scanner.synth import webcam_frame
from checkin.tickets import token
from checkin.tickets.qr import qr_array

EVENT = "kongres-sekretarzy-2022"
KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
CODE = token.encode_ticket(KEY, EVENT, "5a" * 16)


class Ticks:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


# ---------------------------------------------------------------- decoders
def test_all_three_backends_are_here_and_zxing_is_the_default() -> None:
    assert available_decoders() == ["zxing-cpp", "pyzbar", "opencv"]
    assert make_decoder().name == "zxing-cpp"


@pytest.mark.parametrize("name", ["zxing-cpp", "pyzbar", "opencv"])
def test_each_backend_reads_a_ticket_in_a_webcam_frame(name: str) -> None:
    decoder = make_decoder(name)
    frame = webcam_frame(CODE, size=(1280, 720), condition="clean", seed=3)
    found = decoder.decode(frame)
    assert [c.text for c in found] == [CODE]
    assert len(found[0].points) == 4 and all(0 <= x < 1280 and 0 <= y < 720 for x, y in found[0].points)
    assert decoder.decode(webcam_frame(None, condition="clean", seed=4)) == [], "no code: nothing read"
    assert [c.text for c in decoder.decode(qr_array(CODE, 4))] == [CODE], "grey images too"


def test_unknown_or_missing_decoder_says_what_to_do(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(DecoderUnavailable, match=r"unknown decoder 'quagga'.*zxing-cpp, pyzbar, opencv"):
        make_decoder("quagga")
    real_import = builtins.__import__

    def no_libzbar(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.startswith("pyzbar"):
            raise ImportError("Unable to find zbar shared library")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_libzbar)
    with pytest.raises(DecoderUnavailable, match=r"apt-get install libzbar0"):
        PyzbarDecoder()
    assert "pyzbar" not in available_decoders()


def test_binary_qr_code_reaches_the_service_as_not_text() -> None:
    qr = qrcode.QRCode(border=4, box_size=6)
    qr.add_data(b"CK1\xff\xfe\x00binary")
    qr.make()
    image = np.where(np.array(qr.get_matrix(), dtype=bool), 0, 255).astype(np.uint8)
    image = np.kron(image, np.ones((6, 6), np.uint8))
    texts = [c.text for c in make_decoder("zxing-cpp").decode(image)]
    assert len(texts) == 1
    with pytest.raises(token.TicketError) as err:
        token.parse_code(texts[0])
    assert err.value.reason in ("not_text", "control_chars")


# ---------------------------------------------------------------- debounce
def test_attendee_standing_at_the_camera_is_one_scan_until_they_step_away() -> None:
    ticks = Ticks()
    debouncer = Debouncer(window_s=3.0, clock=ticks)
    key = dedupe_key(CODE)
    assert debouncer.accept(key)
    for _ in range(100):  # 10 s in front of the camera, seen every 100 ms
        ticks.now += 0.1
        assert not debouncer.accept(key)
    ticks.now += 2.9
    assert not debouncer.accept(key), "gone for less than the window"
    ticks.now += 3.1
    assert debouncer.accept(key), "back after a real pause: a re-scan (the service says duplicate)"
    assert debouncer.accept(dedupe_key("KS22-0001")), "other codes are independent"
    debouncer.reset()
    assert debouncer.accept(key)


def test_same_ticket_in_two_renderings_is_deduplicated_by_ticket_id() -> None:
    other_key = Ed25519PrivateKey.generate()
    again = token.encode_ticket(other_key, EVENT, "5a" * 16)  # same ticket id, different text
    assert again != CODE and dedupe_key(again) == dedupe_key(CODE) == "ticket:" + "5a" * 16
    assert dedupe_key("ks22-0001") == dedupe_key("KS22-0001")
    assert dedupe_key("\x00junk").startswith("raw:")


def test_debouncer_forgets_old_codes() -> None:
    ticks = Ticks()
    debouncer = Debouncer(window_s=1.0, clock=ticks)
    for i in range(1000):
        ticks.now += 0.01
        debouncer.accept(f"code:{i}")
    assert len(debouncer._last_seen) < 400


# ---------------------------------------------------------------- handheld scanner
def _type(assembler: HidAssembler, ticks: Ticks, text: str, per_key: float = 0.004) -> list[str]:
    codes = []
    for ch in text:
        ticks.now += per_key
        done = assembler.feed(ch)
        if done:
            codes.append(done)
    return codes


def test_scanner_with_enter() -> None:
    ticks = Ticks()
    hid = HidAssembler(clock=ticks)
    assert _type(hid, ticks, CODE + "\r") == [CODE]
    assert _type(hid, ticks, "KS22-0001\r\n") == ["KS22-0001"], "CR LF is one end"
    assert hid.feed("\r") is None and hid.pending == ""


def test_scanner_without_enter_ends_by_timeout() -> None:
    ticks = Ticks()
    hid = HidAssembler(inter_key_timeout_s=0.05, clock=ticks)
    assert _type(hid, ticks, CODE) == []
    assert hid.pending == CODE
    ticks.now += 0.03
    assert hid.poll() is None, "still within the inter-key time"
    ticks.now += 0.03
    assert hid.poll() == CODE and hid.pending == ""


def test_two_codes_without_enter_and_no_poll_in_between() -> None:
    ticks = Ticks()
    hid = HidAssembler(clock=ticks)
    assert _type(hid, ticks, "KS22-0001") == []
    ticks.now += 0.5
    assert _type(hid, ticks, "KS22-0002") == ["KS22-0001"], "the pause ended the first code"
    assert hid.poll() is None
    ticks.now += 0.1
    assert hid.poll() == "KS22-0002"


def test_stray_keys_shorter_than_a_code_are_dropped() -> None:
    ticks = Ticks()
    hid = HidAssembler(min_length=4, clock=ticks)
    assert _type(hid, ticks, "ab\r") == []
    assert hid.feed(CODE + "\r") == CODE, "a burst (pasted text) works too"


@pytest.mark.parametrize(("typed", "hint"), [
    (CODE.lower(), "Caps Lock"),
    ("CK1" + CODE[3:60].lower() + CODE[60:], "Caps Lock"),
    ("CK" + "&" + CODE[3:], "AZERTY"),
    (CODE[:30] + "ą" + CODE[31:], "Polish (programmers)"),
    (CODE[:30] + "ż" + CODE[31:], "Polish"),
    (CODE[:30] + "ß" + CODE[31:], "QWERTZ"),
    ("\x02" + CODE + "\x03", "control characters"),
    (CODE[:30] + "0" + CODE[31:], "typed by hand"),
    (CODE[:30] + " " + CODE[31:], "Spaces"),
    ("https://example.org/rejestracja?id=" + "x" * 60, "something else"),
])
def test_garbled_scanner_input_gets_a_hint(typed: str, hint: str) -> None:
    explanation = explain_bad_input(typed)
    assert explanation is not None and hint in explanation


@pytest.mark.parametrize("typed", [CODE, "KS22-0001", "A1B2C3D4", token.swapped_layout_variant(CODE)])
def test_well_formed_input_needs_no_hint(typed: str) -> None:
    assert explain_bad_input(typed) is None
