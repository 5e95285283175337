# SPDX-License-Identifier: MIT
"""How far a desk trusts the road to the hub, and what it tells people when the hub says no.

TLS policy: a hub on this computer (loopback or a local socket) needs no encryption. To any other
host, an `sslmode` weaker than `require` (disable, allow, prefer, or none given: libpq's default is
`prefer`, which silently falls back to plain text) is refused unless the person asked for it with
`--insecure-hub`; the status then says "unencrypted". `verify-full` (the hub's certificate is
checked against a CA and the host name) is what `checkin hub add-desk` hands out.

"Loopback" is judged by the host name the desk was given, not by `hostaddr`: libpq verifies the
certificate against that name, and a name is what an attacker on the venue network can spoof.
"""

from __future__ import annotations

import ipaddress
import os

from sqlalchemy.engine import URL

from checkin.domain.messages import say
from checkin.sync.urls import HubUrlError, normalise

LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"})
ENCRYPTED_MODES = frozenset({"require", "verify-ca", "verify-full"})
SSLMODES = frozenset({"disable", "allow", "prefer", *ENCRYPTED_MODES})


def _hosts(url: URL) -> list[str]:
    host = url.host or str(url.query.get("host") or "")
    return [h.strip() for h in host.split(",")] if host else []


def is_loopback_host(host: str) -> bool:
    if not host or host.startswith("/") or host.startswith("@"):  # a local socket
        return True
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def is_local(url: str | URL) -> bool:
    """Every host the URL names is this computer."""
    return all(is_loopback_host(h) for h in _hosts(normalise(url)))


def sslmode(url: str | URL) -> str:
    """The sslmode libpq will use: the URL's, else PGSSLMODE, else libpq's default `prefer`."""
    value = normalise(url).query.get("sslmode") or os.environ.get("PGSSLMODE") or "prefer"
    return str(value[-1] if isinstance(value, tuple) else value)


def is_encrypted(url: str | URL) -> bool:
    return sslmode(url) in ENCRYPTED_MODES


def unencrypted(url: str | URL) -> bool:
    """True when data to this hub may cross the network in plain text."""
    return not is_local(url) and not is_encrypted(url)


def check_transport(url: str | URL, *, insecure: bool = False) -> None:
    """Refuse a plain-text road to a hub on another computer unless `insecure` was asked for."""
    mode = sslmode(url)
    if mode not in SSLMODES:
        raise HubUrlError(say("sslmode={mode} is not a PostgreSQL sslmode; use verify-full", mode=mode))
    if insecure or not unencrypted(url):
        return
    host = ",".join(_hosts(normalise(url)))
    raise HubUrlError(say(
        "refusing to send check-ins to {host} with sslmode={mode}: the venue network could read or change them. "
        "Use the connection string from `checkin hub add-desk` (sslmode=verify-full), or add --insecure-hub "
        "if you really accept an unencrypted hub", host=host, mode=mode))


def hub_refusal(message: str) -> str | None:
    """The sentence for a desk when the hub itself refused it (revoked login, a row it may not
    write, a certificate that does not check out), or None for any other trouble."""
    text = message.lower()
    if "is not permitted to log in" in text:
        role = message.split('role "', 1)[1].split('"', 1)[0] if 'role "' in message else "?"
        return say("the hub has withdrawn this desk's login ({role}): ask the organiser for a new connection "
                   "string", role=role)
    if "terminating connection due to administrator command" in text:
        return say("the hub closed this desk's connection (its login may have been withdrawn); trying again")
    if "row-level security" in text:
        return say("the hub refused a row this desk may not write (every row must carry this desk's own id, "
                   "and a withdrawn login may write nothing); ask the organiser to check this desk's login")
    if "password authentication failed" in text:
        return say("the hub did not accept this desk's password: paste the connection string from "
                   "`checkin hub add-desk` again")
    if "does not match host name" in text or "certificate verify failed" in text:
        return say("the hub's certificate does not prove it is the venue hub ({detail}): check the host name "
                   "and the CA file (sslrootcert) in the connection string", detail=message.strip()[:200])
    if "root certificate file" in text and "does not exist" in text:
        return say("the CA file that proves the hub's identity is missing on this desk ({detail}): copy the "
                   "venue's CA certificate there or fix sslrootcert", detail=message.strip()[:200])
    return None
