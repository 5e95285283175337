# SPDX-License-Identifier: MIT
"""One login per desk: hand one out, revoke it (cutting its open sessions), list desks, contact rule.

The organiser runs these with the organiser connection string. Creating or altering roles needs
rights the organiser role does not have, so the hub's owner provides narrow SECURITY DEFINER
functions (migration 0003_i13_trust) that only touch `<prefix>_d_...` roles in the desk group.
A new login is bound to the first desk id that writes with it (trust on first use); from then on
PostgreSQL refuses any row it sends under another desk's id.
"""

from __future__ import annotations

import re
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import URL
from sqlalchemy.exc import SQLAlchemyError

from checkin.sync.urls import hub_engine, libpq, normalise

_FOLD = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "đ": "d", "ß": "ss"})


class DeskLoginError(Exception):
    """The hub refused a desk-login change; the message says why."""


@dataclass(frozen=True, slots=True)
class DeskLogin:
    label: str
    role: str
    password: str
    url: str  # the connection string to hand to that desk (sslmode=verify-full by default)


@dataclass(frozen=True, slots=True)
class Revocation:
    role: str
    sessions_cut: int


@dataclass(frozen=True, slots=True)
class DeskInfo:
    label: str  # the name given to `add-desk` ("shared" for the shared login)
    role: str
    kind: str  # desk | shared | organiser (a desk writing with the organiser's or the shared login)
    desk_id: str | None
    desk_name: str | None
    last_contact: datetime | None
    connected: int  # sessions open right now
    revoked_at: datetime | None

    def to_json(self) -> dict[str, Any]:
        return {"label": self.label, "role": self.role, "kind": self.kind, "desk_id": self.desk_id,
                "desk_name": self.desk_name, "connected": self.connected,
                "last_contact": self.last_contact.isoformat() if self.last_contact else None,
                "revoked_at": self.revoked_at.isoformat() if self.revoked_at else None}


def slug(label: str) -> str:
    """`Stanowisko Łódź 2` -> `stanowisko_lodz_2`: a role name part anyone can type."""
    ascii_text = unicodedata.normalize("NFKD", label.translate(_FOLD)).encode("ascii", "ignore").decode()
    part = re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")[:40]
    if not part:
        raise DeskLoginError(f"'{label}' gives no usable login name; use letters or digits")
    return part


def _run(url: str | URL, sql: str, params: dict[str, Any], insecure: bool = False) -> Any:
    engine = hub_engine(url, application_name="checkin-hub-admin", insecure=insecure)
    try:
        with engine.begin() as conn:
            return conn.execute(text(sql), params).scalar()
    except SQLAlchemyError as exc:
        orig = getattr(exc, "orig", None) or exc
        raise DeskLoginError(str(orig).strip().splitlines()[0]) from exc
    finally:
        engine.dispose()


def add_desk(url: str | URL, label: str, *, hub_host: str | None = None, sslmode: str | None = "verify-full",
             sslrootcert: str | None = None, insecure: bool = False) -> DeskLogin:
    """Create the login for desk `label` and the connection string to give it (password shown once)."""
    label = label.strip()
    if not label:
        raise DeskLoginError("the desk needs a name, e.g. 'Desk 2'")
    prefix = _run(url, "SELECT hub_setting_value('role_prefix')", {}, insecure)
    if not prefix:
        raise DeskLoginError("this hub has no roles yet: run `checkin hub init ADMIN_URL` first")
    role = f"{prefix}_d_{slug(label)}"
    password = secrets.token_urlsafe(18)
    _run(url, "SELECT add_desk_login(:label, :role, :password)", {"label": label, "role": role, "password": password},
         insecure)
    base = normalise(url)
    query = {k: v for k, v in base.query.items() if k not in ("sslmode", "sslrootcert")}
    if sslmode:
        query["sslmode"] = sslmode
    if sslrootcert:
        query["sslrootcert"] = sslrootcert
    public = base._replace(username=role, password=password, host=hub_host or base.host).set(query=query)
    return DeskLogin(label, role, password, libpq(public))


def revoke_desk(url: str | URL, name: str, *, insecure: bool = False) -> Revocation:
    """Revoke (commit), then cut the login's open sessions, so a reconnect in between is refused too."""
    role = _run(url, "SELECT revoke_desk_login(:n)", {"n": name.strip()}, insecure)
    cut = _run(url, "SELECT terminate_desk_sessions(:r)", {"r": role}, insecure)
    return Revocation(str(role), int(cut or 0))


def set_contact_at_desks(url: str | URL, on: bool, *, insecure: bool = False) -> None:
    """"Show contact at desks": desks may read e-mail and phone (off by default)."""
    _run(url, "SELECT set_contact_at_desks(:on)", {"on": on}, insecure)


DESKS_SQL = """
SELECT l.label, l.role_name AS role, l.kind, l.desk_id, d.name AS desk_name, l.revoked_at,
       greatest(d.last_seen, (SELECT max(s.hub_time) FROM scan s WHERE s.desk_id = l.desk_id)) AS last_contact,
       (SELECT count(*) FROM pg_stat_activity a WHERE a.usename = l.role_name) AS connected
FROM hub_login l LEFT JOIN desk d ON d.id = l.desk_id
WHERE l.kind IN ('desk', 'shared')
UNION ALL
SELECT '', coalesce(h.login, ''), coalesce(hl.kind, 'shared'), d.id, d.name, NULL,
       greatest(d.last_seen, (SELECT max(s.hub_time) FROM scan s WHERE s.desk_id = d.id)), 0
FROM desk d
LEFT JOIN LATERAL (SELECT login FROM desk_heartbeat WHERE desk_id = d.id ORDER BY hub_time DESC LIMIT 1) h ON true
LEFT JOIN hub_login hl ON hl.role_name = h.login
WHERE NOT EXISTS (SELECT 1 FROM hub_login l WHERE l.desk_id = d.id)
ORDER BY 3 DESC, 1, 5
"""


def list_desks(url: str | URL, *, insecure: bool = False) -> list[DeskInfo]:
    """Every desk login, and every desk that speaks through the shared login, with last contact."""
    engine = hub_engine(url, application_name="checkin-hub-admin", insecure=insecure)
    try:
        with engine.connect() as conn:
            rows = conn.execute(text(DESKS_SQL)).all()
    except SQLAlchemyError as exc:
        orig = getattr(exc, "orig", None) or exc
        raise DeskLoginError(f"cannot list desks (needs the organiser role): "
                             f"{str(orig).strip().splitlines()[0]}") from exc
    finally:
        engine.dispose()
    return [DeskInfo(r.label, r.role, r.kind, r.desk_id, r.desk_name, r.last_contact, int(r.connected),
                     r.revoked_at) for r in rows]


def write_qr_png(data: str, path: Path) -> Path:
    """A QR code of the connection string, for the desk's settings page to read."""
    import qrcode

    image = qrcode.make(data, error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=8, border=4)
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(str(path))
    return path


def read_qr_png(path: Path) -> str:
    """The connection string in a QR image made by `add-desk` (a photo or screenshot of it works
    too): what the desk's settings page reads. Raises DeskLoginError with what to do otherwise."""
    import cv2

    from checkin.scanner.decode import make_decoder

    image = cv2.imread(str(path))
    if image is None:
        raise DeskLoginError(f"{path} is not an image this computer can read (use the PNG from add-desk)")
    for code in make_decoder().decode(image):
        if code.text.startswith(("postgresql://", "postgres://")):
            return code.text
    raise DeskLoginError(f"no hub connection string found in {path}: use the QR code that "
                         "`checkin hub add-desk` made, or paste the string")
