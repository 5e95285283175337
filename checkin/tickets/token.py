# SPDX-License-Identifier: MIT
"""The QR ticket format: a compact Ed25519-signed payload in upper-case base32.

Text form: ``CK1`` + base32 (RFC 4648 alphabet, no padding) of ``payload || signature``.

Payload (26 bytes, big-endian)::

    version   1 byte   0x01
    key id    4 bytes  first 4 bytes of SHA-256(raw public key)
    event tag 4 bytes  first 4 bytes of SHA-256(event id, UTF-8)
    ticket id 16 bytes random (the attendee's opaque ticket id; no personal data)
    flags     1 byte   bit 0: validity window follows
    [valid from, valid until: 2 x uint32 Unix seconds, when flag bit 0 is set]

Signature: 64 bytes, Ed25519 over ``b"checkin-ticket\\x00" + payload``.

Why base32 and not base45: base32 uses only A-Z and 2-7, so the QR stays in alphanumeric mode
(147 characters fit a version 6 code at error correction M) *and* a handheld scanner typing it
through any keyboard layout never needs a shifted symbol; base45's ``$ % * + - . / :`` are exactly
the characters that keyboard layouts mangle. The cost is 12 characters more than base45.

Parsing is strict and cheap: the length cap and alphabet are checked before any decoding, so junk
(a 3 KB code, binary, control characters) is rejected in microseconds.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import struct
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

PREFIX = "CK1"
VERSION = 1
MAX_CODE_LENGTH = 200  # longest text we even look at; a v1 ticket is 147 or 160 characters
SIG_CONTEXT = b"checkin-ticket\x00"
_BASE_LEN = 26
_SIG_LEN = 64
_BASE32 = re.compile(r"[A-Z2-7]+")
_EXTERNAL = re.compile(r"[A-Za-z0-9][A-Za-z0-9_\-./#]{0,63}")


class TicketError(Exception):
    """A code that is not a valid ticket. `reason` is a stable machine-readable word."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class SignedTicket:
    key_id: str  # 8 hex characters
    event_tag: bytes
    ticket_id: str  # 32 hex characters
    valid_from: datetime | None
    valid_until: datetime | None
    signed_bytes: bytes
    signature: bytes


@dataclass(frozen=True, slots=True)
class ExternalCode:
    """A plain ticket number from another registration system, matched against the roster."""

    code: str


def key_id_for(public_key: Ed25519PublicKey) -> str:
    raw = public_key.public_bytes(Encoding.Raw, PublicFormat.Raw)
    return hashlib.sha256(raw).digest()[:4].hex()


def event_tag(event_id: str) -> bytes:
    return hashlib.sha256(event_id.encode("utf-8")).digest()[:4]


def public_key_from_b64(text: str) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(base64.b64decode(text))


def public_key_to_b64(key: Ed25519PublicKey) -> str:
    return base64.b64encode(key.public_bytes(Encoding.Raw, PublicFormat.Raw)).decode("ascii")


def encode_ticket(
    private_key: Ed25519PrivateKey,
    event_id: str,
    ticket_id: str,
    valid_from: datetime | None = None,
    valid_until: datetime | None = None,
) -> str:
    """The text to put in the QR code for one ticket."""
    tid = bytes.fromhex(ticket_id)
    if len(tid) != 16:
        raise ValueError("ticket id must be 16 bytes (32 hex characters)")
    key_id = bytes.fromhex(key_id_for(private_key.public_key()))
    payload = struct.pack(">B4s4s16sB", VERSION, key_id, event_tag(event_id), tid, 1 if valid_from else 0)
    if valid_from or valid_until:
        if not (valid_from and valid_until):
            raise ValueError("give both ends of the validity window")
        payload = payload[:-1] + b"\x01" + struct.pack(
            ">II", int(valid_from.timestamp()), int(valid_until.timestamp())
        )
    signature = private_key.sign(SIG_CONTEXT + payload)
    return PREFIX + base64.b32encode(payload + signature).decode("ascii").rstrip("=")


def parse_code(text: str, *, allow_external: bool = True) -> SignedTicket | ExternalCode:
    """Strictly parse scanner text; raise TicketError. Does not check the signature."""
    if len(text) > MAX_CODE_LENGTH:
        raise TicketError("too_long", f"code is {len(text)} characters, more than {MAX_CODE_LENGTH}")
    text = text.strip(" \r\n\t")
    if not text:
        raise TicketError("empty", "empty code")
    if not text.isprintable():
        _reject_unprintable(text)
    if text.startswith(PREFIX):
        return _parse_signed(text[len(PREFIX):])
    if text.upper().startswith(PREFIX) or (text.startswith("CK") and len(text) > 100):
        raise TicketError("bad_alphabet", _layout_hint(text))
    if allow_external and _EXTERNAL.fullmatch(text):
        return ExternalCode(text)
    if len(text) >= 100 and text[:2].upper() == "CK":  # e.g. `CK&...` from an AZERTY layout
        raise TicketError("bad_alphabet", _layout_hint(text))
    raise TicketError("malformed", "not a ticket code of this system (a QR code of something else?)")


def _parse_signed(body: str) -> SignedTicket:
    if not _BASE32.fullmatch(body):
        bad = next((ch for ch in body if not ("A" <= ch <= "Z" or "2" <= ch <= "7")), "?")
        raise TicketError("bad_alphabet", f"unexpected character {bad!r} in ticket. " + _layout_hint(body))
    if len(body) not in (_b32len(_BASE_LEN + _SIG_LEN), _b32len(_BASE_LEN + 8 + _SIG_LEN)):
        raise TicketError("bad_length", f"ticket has {len(body) + 3} characters: truncated or damaged")
    try:
        raw = base64.b32decode(body + "=" * (-len(body) % 8))
    except binascii.Error as exc:
        raise TicketError("bad_encoding", "ticket text is not valid base32") from exc
    version, key_id, tag, tid, flags = struct.unpack_from(">B4s4s16sB", raw)
    if version != VERSION:
        raise TicketError("bad_version", f"ticket format version {version} is not supported")
    payload_len = _BASE_LEN + (8 if flags & 1 else 0)
    if len(raw) != payload_len + _SIG_LEN or flags & ~1:
        raise TicketError("bad_length", "ticket length does not match its flags")
    valid_from = valid_until = None
    if flags & 1:
        start, end = struct.unpack_from(">II", raw, _BASE_LEN)
        valid_from, valid_until = datetime.fromtimestamp(start, UTC), datetime.fromtimestamp(end, UTC)
    return SignedTicket(
        key_id=key_id.hex(), event_tag=tag, ticket_id=tid.hex(), valid_from=valid_from,
        valid_until=valid_until, signed_bytes=raw[:payload_len], signature=raw[payload_len:],
    )


def verify_ticket(
    ticket: SignedTicket, keys: Mapping[str, Ed25519PublicKey], event_id: str, now: datetime
) -> None:
    """Raise TicketError unless the ticket is genuine, for this event and valid now.

    The signature is checked before the event tag whenever the key is known, so a damaged code
    (one flipped bit in the event tag) reads "bad signature", never "ticket for another event".
    Only a code signed with a key this desk does not hold *and* carrying another event's tag is
    reported as another event's ticket (unverified: we cannot check its signature).
    """
    key = keys.get(ticket.key_id)
    if key is None:
        if ticket.event_tag != event_tag(event_id):
            raise TicketError("wrong_event", "this ticket appears to belong to another event")
        raise TicketError("unknown_key", f"ticket signed with unknown or withdrawn key {ticket.key_id}")
    try:
        key.verify(ticket.signature, SIG_CONTEXT + ticket.signed_bytes)
    except InvalidSignature as exc:
        raise TicketError("bad_signature", "ticket signature is not valid (forged or damaged)") from exc
    if ticket.event_tag != event_tag(event_id):
        raise TicketError("wrong_event", "this ticket belongs to another event")
    if ticket.valid_from and now < ticket.valid_from:
        raise TicketError("not_yet_valid", f"ticket valid from {ticket.valid_from.isoformat()}")
    if ticket.valid_until and now > ticket.valid_until:
        raise TicketError("expired", f"ticket expired at {ticket.valid_until.isoformat()}")


def _reject_unprintable(text: str) -> None:
    """Name what is wrong with text holding non-printable characters (always raises)."""
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        # bytes that were not UTF-8, decoded with errors="surrogateescape" by a decoder
        raise TicketError("not_text", "code is binary data, not text (not a ticket of this system)")
    bad = next(ch for ch in text if not ch.isprintable())
    raise TicketError("control_chars", f"code contains the control character U+{ord(bad):04X} "
                      "(check the scanner's prefix/suffix settings)")


def _b32len(n_bytes: int) -> int:
    return (n_bytes * 8 + 4) // 5


def _layout_hint(text: str) -> str:
    if any(ch.islower() for ch in text) and any(ch.isupper() for ch in text[3:]):
        return "Mixed case: Caps Lock may be on, or the scanner is set to another keyboard layout."
    if "Y" in text or "Z" in text or "y" in text or "z" in text:
        return "If Y and Z look swapped, the scanner and computer keyboard layouts differ (QWERTZ)."
    return "The scanner may use a different keyboard layout than this computer."


def swapped_layout_variant(text: str) -> str:
    """The text as it would read if a QWERTZ/QWERTY mix-up swapped Y and Z."""
    return text.translate(str.maketrans("YZyz", "ZYzy"))
