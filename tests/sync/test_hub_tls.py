# SPDX-License-Identifier: MIT
"""The venue hub on another computer, reached over TLS with a CA the IT volunteer made: a desk with
a verify-full connection string syncs; a hub presenting a certificate for another name is refused;
a plain-text or "prefer" road to a non-local hub is refused unless --insecure-hub, and then the
status says "unencrypted". The "other computer" is `hub.test` pinned to 127.0.0.1 by `hostaddr`."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text
from synchelp import Site, fresh_db
from tlshub import HUB_NAME, TlsCluster, make_ca, make_server_cert, pg_bin

from checkin.sync.credentials import remember_hub
from checkin.sync.desk_logins import add_desk
from checkin.sync.hub import drop_roles, init_hub
from checkin.sync.status import read_status
from checkin.sync.trust import check_transport, is_local, unencrypted
from checkin.sync.urls import HubUrlError, hub_engine


@pytest.fixture(scope="module")
def tls(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TlsCluster, Path, dict[str, object]]]:
    bindir = pg_bin()
    if bindir is None:
        if os.environ.get("CHECKIN_REQUIRE_PG"):
            pytest.fail("initdb not found under /usr/lib/postgresql: the TLS test needs the PostgreSQL server")
        pytest.skip("no PostgreSQL server binaries (initdb) on this machine")
    ca, ca_key, ca_cert = make_ca()
    certs = {"right": make_server_cert(HUB_NAME, ca_key, ca_cert), "wrong": make_server_cert("other.test", ca_key,
                                                                                             ca_cert)}
    ca_file = tmp_path_factory.mktemp("ca") / "venue-ca.crt"
    ca_file.write_bytes(ca.cert_pem)
    cluster = TlsCluster(bindir, certs["right"])
    try:
        yield cluster, ca_file, certs
    finally:
        cluster.stop()


def test_the_transport_policy_judges_the_host_name_not_the_address() -> None:
    assert is_local("postgresql://u@127.0.0.1/db") and is_local("postgresql://u@localhost/db")
    assert is_local("postgresql://u@[::1]/db") and is_local("postgresql://u@/db?host=/var/run/postgresql")
    remote = "postgresql://u@hub.test/db?hostaddr=127.0.0.1"
    assert not is_local(remote) and unencrypted(remote)
    for weak in ("", "?sslmode=disable", "?sslmode=allow", "?sslmode=prefer"):
        with pytest.raises(HubUrlError, match="--insecure-hub"):
            check_transport(f"postgresql://u@192.0.2.10/db{weak}")
    check_transport("postgresql://u@192.0.2.10/db?sslmode=require")
    check_transport("postgresql://u@192.0.2.10/db?sslmode=disable", insecure=True)
    with pytest.raises(HubUrlError, match="not a PostgreSQL sslmode"):
        check_transport("postgresql://u@hub.test/db?sslmode=sure")


def test_verify_full_works_and_a_wrong_host_certificate_is_refused(
        tls: tuple[TlsCluster, Path, dict[str, object]]) -> None:
    cluster, ca, certs = tls
    url = cluster.url(ca=ca)
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").fetchone() == (True,)
        assert conn.info.host == HUB_NAME
    engine = hub_engine(url)  # our policy lets verify-full through
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")).scalar() is True
    finally:
        engine.dispose()
    with pytest.raises(psycopg.OperationalError, match="certificate"):  # no CA file given: cannot verify
        psycopg.connect(cluster.url(ca=cluster.root / "missing-ca.crt"), connect_timeout=5).close()

    cluster.use_cert(certs["wrong"])  # type: ignore[arg-type]
    try:
        with pytest.raises(psycopg.OperationalError, match=r'does not match host name "hub\.test"'):
            psycopg.connect(url, connect_timeout=5).close()
        with psycopg.connect(cluster.url(ca=ca, host="other.test")) as conn:  # the name check, nothing else
            assert conn.execute("SELECT 1").fetchone() == (1,)
    finally:
        cluster.use_cert(certs["right"])  # type: ignore[arg-type]


def test_a_desk_syncs_over_verify_full_and_is_told_when_the_certificate_is_wrong(
        tls: tuple[TlsCluster, Path, dict[str, object]], tmp_path: Path, _template_db: Path) -> None:
    cluster, ca, certs = tls
    database, prefix = f"checkin_tls_{uuid.uuid4().hex[:8]}", f"tls{uuid.uuid4().hex[:8]}"
    with psycopg.connect(cluster.url(ca=ca), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{database}"')
    admin = cluster.url(database=database, ca=ca)
    site: Site | None = None
    try:
        setup = init_hub(admin, role_prefix=prefix, hub_host=HUB_NAME)
        organiser = next(r.url for r in setup.roles if r.kind == "organiser")
        login = add_desk(organiser, "Stanowisko TLS", hub_host=HUB_NAME, sslrootcert=str(ca))
        assert "sslmode=verify-full" in login.url and "hostaddr=127.0.0.1" in login.url
        assert f"@{HUB_NAME}:{cluster.port}/" in login.url

        site = Site("Stanowisko TLS", fresh_db(_template_db, tmp_path / "tls.sqlite3"), login.url,
                    datetime(2022, 10, 19, 7, 0, tzinfo=UTC))
        remember_hub(site.engine, login.url)
        result = site.sync()
        assert result.ok, result.error
        assert not read_status(site.engine).unencrypted

        cluster.use_cert(certs["wrong"])  # type: ignore[arg-type]
        try:
            site.restart()
            refused = site.sync()
            assert not refused.ok
            assert "certificate does not prove it is the venue hub" in (refused.error or "")
        finally:
            cluster.use_cert(certs["right"])  # type: ignore[arg-type]
    finally:
        if site is not None:
            site.close()
        with psycopg.connect(cluster.url(ca=ca), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        drop_roles(cluster.url(ca=ca), prefix)


def test_a_plain_road_to_a_remote_hub_needs_insecure_hub_and_then_says_unencrypted(
        tls: tuple[TlsCluster, Path, dict[str, object]], tmp_path: Path, _template_db: Path) -> None:
    cluster, _, _ = tls
    site = Site("Stanowisko", fresh_db(_template_db, tmp_path / "plain.sqlite3"), "", datetime.now(UTC))
    try:
        for mode in ("disable", "prefer"):
            with pytest.raises(HubUrlError, match=r"refusing to send check-ins to hub\.test"):
                remember_hub(site.engine, cluster.url(sslmode=mode))
            with pytest.raises(HubUrlError):
                hub_engine(cluster.url(sslmode=mode))
        plain = cluster.url(sslmode="disable")
        remember_hub(site.engine, plain, insecure=True)
        engine = hub_engine(plain, insecure=True)
        try:
            with engine.connect() as conn:
                assert conn.execute(text("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")).scalar() is False
        finally:
            engine.dispose()
        status = read_status(site.engine)
        assert status.unencrypted and "unencrypted" in status.summary()
        remember_hub(site.engine, plain)  # the choice is remembered with the hub
        assert read_status(site.engine).unencrypted
    finally:
        site.close()


def test_the_openssl_steps_in_the_venue_guide_make_certificates_the_desks_accept(
        tls: tuple[TlsCluster, Path, dict[str, object]], tmp_path: Path) -> None:
    """Run steps 1-3 of docs/venue-database.md as written (with this test's host name), install the
    result on the TLS hub and connect with verify-full: the guide cannot drift from what works."""
    import re
    import shutil
    import subprocess

    from tlshub import Cert

    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    cluster, _, certs = tls
    guide = (Path(__file__).resolve().parents[2] / "docs" / "venue-database.md").read_text(encoding="utf-8")
    steps = guide[guide.index("**1. Make the CA**"):guide.index("**4. Install")]
    script = "\n".join(re.findall(r"```sh\n(.*?)```", steps, re.S))
    assert script.count("openssl") >= 4
    script = script.replace("hub.kongres.lan", HUB_NAME).replace("192.168.10.5", "127.0.0.1")
    done = subprocess.run(["bash", "-euo", "pipefail", "-c", script], cwd=tmp_path, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert "server.crt: OK" in done.stdout
    cluster.use_cert(Cert((tmp_path / "server.crt").read_bytes(), (tmp_path / "server.key").read_bytes()))
    try:
        with psycopg.connect(cluster.url(ca=tmp_path / "venue-ca.crt")) as conn:
            assert conn.execute("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").fetchone() == (True,)
    finally:
        cluster.use_cert(certs["right"])  # type: ignore[arg-type]
