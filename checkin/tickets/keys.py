# SPDX-License-Identifier: MIT
"""The organiser's Ed25519 signing key (a file) and the public keys desks verify with (the database).

Why the split: whoever holds the private key can mint tickets, so it lives in one file on the
organiser's machine with 0600 permissions and never enters the database, which is copied to every
desk and synced to the venue server. Desks only need the public half, stored in `event_key`;
several may be active at once so tickets printed before a key rotation keep working until the old
key is deactivated.
"""

from __future__ import annotations

import base64
import binascii
import os
import stat
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
    load_pem_private_key,
    load_pem_public_key,
)
from sqlalchemy import Engine, select

from checkin.storage import outbox
from checkin.storage import tables as t
from checkin.storage.db import write_tx
from checkin.storage.events import add_public_key
from checkin.tickets.token import key_id_for, public_key_to_b64


class KeyFileError(Exception):
    """A key file that cannot be used: missing, unreadable, not a key, or readable by others."""


@dataclass(frozen=True, slots=True)
class PublicKeyInfo:
    key_id: str
    event_id: str
    public_key_b64: str
    created_at: datetime
    active: bool


def generate_keypair(path: Path) -> str:
    """Write a new private key (PEM, PKCS#8) to `path` with mode 0600; return its key id.

    Refuses to overwrite: losing the old key means every printed ticket must be re-issued.
    The file is created with O_EXCL and mode 0600 in one step, so it is never readable by others,
    not even for an instant.
    """
    path = Path(path)
    if path.exists():
        raise KeyFileError(f"{path} already exists; refusing to overwrite a signing key (choose another file)")
    if not path.parent.is_dir():
        raise KeyFileError(f"folder {path.parent} does not exist")
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(pem)
    if sys.platform != "win32":
        os.chmod(path, 0o600)  # the umask cannot widen it, but be explicit
    return key_id_for(key.public_key())


def load_private_key(path: Path) -> Ed25519PrivateKey:
    """Read the signing key; refuse it on POSIX when group or others may read it."""
    path = Path(path)
    if not path.is_file():
        raise KeyFileError(f"signing key {path} not found (create one with `checkin keys generate --out FILE`)")
    if sys.platform != "win32":
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            raise KeyFileError(
                f"signing key {path} is readable by other users (mode {mode:04o}); "
                f"run `chmod 600 {path}` and consider whether it was copied anywhere"
            )
    try:
        key = load_pem_private_key(path.read_bytes(), password=None)
    except (ValueError, TypeError) as exc:
        raise KeyFileError(f"{path} is not an unencrypted PEM private key: {exc}") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyFileError(f"{path} holds a {type(key).__name__}, not an Ed25519 key")
    return key


def parse_public_key(text_or_path: str) -> Ed25519PublicKey:
    """A public key given as base64 of the 32 raw bytes, or a file (PEM public or private key)."""
    candidate = Path(text_or_path)
    try:
        is_file = candidate.is_file()
    except OSError:  # e.g. a base64 string too long to be a file name
        is_file = False
    if is_file:
        data = candidate.read_bytes()
        if b"PRIVATE KEY" in data:
            return load_private_key(candidate).public_key()
        try:
            key = load_pem_public_key(data)
        except ValueError:
            return parse_public_key(data.decode("ascii", "replace").strip())
        if not isinstance(key, Ed25519PublicKey):
            raise KeyFileError(f"{candidate} holds a {type(key).__name__}, not an Ed25519 public key")
        return key
    try:
        raw = base64.b64decode(text_or_path.strip(), validate=True)
        return Ed25519PublicKey.from_public_bytes(raw)
    except (binascii.Error, ValueError) as exc:
        raise KeyFileError(
            "not a public key: give a key file or the base64 text printed by `checkin keys list`"
        ) from exc


def public_key_b64(key: Ed25519PrivateKey | Ed25519PublicKey) -> str:
    pub = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return public_key_to_b64(pub)


def raw_public_bytes(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def register_public_key(engine: Engine, event_id: str, public_key: Ed25519PublicKey | Ed25519PrivateKey) -> str:
    """Make desks accept tickets signed by this key for the event (re-activates a known key)."""
    pub = public_key.public_key() if isinstance(public_key, Ed25519PrivateKey) else public_key
    key_id = key_id_for(pub)
    with write_tx(engine) as conn:
        existing = conn.execute(
            select(t.event_key.c.event_id).where(t.event_key.c.key_id == key_id)
        ).first()
        if existing is not None and existing.event_id != event_id:
            raise KeyFileError(f"key {key_id} is already registered for event '{existing.event_id}'; "
                               "use a separate key per event")
        add_public_key(conn, event_id, key_id, public_key_to_b64(pub))
        outbox.enqueue(conn, "event", event_id)  # the hub and the other desks learn it through sync
    return key_id


def set_key_active(engine: Engine, key_id: str, active: bool) -> None:
    """Withdraw (or restore) a public key. Tickets signed with a withdrawn key are rejected."""
    with write_tx(engine) as conn:
        result = conn.execute(t.event_key.update().where(t.event_key.c.key_id == key_id).values(active=active))
        if result.rowcount == 0:
            raise KeyFileError(f"no public key with id {key_id} (see `checkin keys list`)")
        event_id = conn.execute(select(t.event_key.c.event_id).where(t.event_key.c.key_id == key_id)).scalar_one()
        outbox.enqueue(conn, "event", event_id)  # withdrawn at the hub and every desk with the next sync


def list_public_keys(engine: Engine, event_id: str | None = None) -> list[PublicKeyInfo]:
    query = select(t.event_key).order_by(t.event_key.c.created_at)
    if event_id is not None:
        query = query.where(t.event_key.c.event_id == event_id)
    with engine.connect() as conn:
        return [PublicKeyInfo(r.key_id, r.event_id, r.public_key, r.created_at, bool(r.active))
                for r in conn.execute(query)]
