# SPDX-License-Identifier: MIT
"""A throw-away PostgreSQL cluster with TLS for the TLS tests: a CA and server certificates made
here (the `cryptography` package), `initdb`/`pg_ctl` from the system's PostgreSQL, run as the
`postgres` user when the tests run as root, on a free loopback port; stopped and deleted after.

The hub's "name" is `hub.test`; every connection string also carries `hostaddr=127.0.0.1`, so
libpq never looks the name up and no packet leaves this computer, while the certificate is still
checked against `hub.test` exactly as it would be at a venue.
"""

from __future__ import annotations

import datetime as dt
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

HUB_NAME = "hub.test"


def pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])


@dataclass
class Cert:
    cert_pem: bytes
    key_pem: bytes


def make_ca() -> tuple[Cert, ec.EllipticCurvePrivateKey, x509.Certificate]:
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(_name("Kongres venue CA")).issuer_name(_name("Kongres venue CA"))
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=2))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                                         content_commitment=False, key_encipherment=False, data_encipherment=False,
                                         key_agreement=False, encipher_only=False, decipher_only=False), critical=True)
            .sign(key, hashes.SHA256()))
    return Cert(cert.public_bytes(serialization.Encoding.PEM), _key_pem(key)), key, cert


def make_server_cert(host: str, ca_key: ec.EllipticCurvePrivateKey, ca_cert: x509.Certificate) -> Cert:
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(_name(host)).issuer_name(ca_cert.subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=2))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(host)]), critical=False)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .sign(ca_key, hashes.SHA256()))
    return Cert(cert.public_bytes(serialization.Encoding.PEM), _key_pem(key))


def _key_pem(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class TlsCluster:
    """initdb + pg_ctl start with ssl=on; `use_cert` swaps the server certificate (pg_ctl reload)."""

    def __init__(self, bindir: Path, server: Cert) -> None:
        self.bindir = bindir
        self.port = free_port()
        self.root = Path(tempfile.mkdtemp(prefix="checkin-tls-"))
        self.data = self.root / "data"
        self.as_postgres = os.geteuid() == 0
        os.chmod(self.root, 0o755)
        if self.as_postgres:
            pw = pwd.getpwnam("postgres")
            os.chown(self.root, pw.pw_uid, pw.pw_gid)
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8")
        self.use_cert(server, reload=False)
        with open(self.data / "postgresql.conf", "a", encoding="utf-8") as conf:
            conf.write(f"\nport = {self.port}\nlisten_addresses = '127.0.0.1'\n"
                       f"unix_socket_directories = '{self.root}'\n"
                       "ssl = on\nssl_cert_file = 'server.crt'\nssl_key_file = 'server.key'\nfsync = off\n")
        # TLS or plain from this computer only; the desk-side policy decides what a desk accepts
        (self.data / "pg_hba.conf").write_text("local all all trust\nhostssl all all 127.0.0.1/32 trust\n"
                                               "host all all 127.0.0.1/32 trust\n", encoding="utf-8")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "log"), "-w", "-t", "60", "start")

    def _run(self, tool: str, *args: str) -> None:
        cmd = [str(self.bindir / tool), *args]
        if self.as_postgres:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        subprocess.run(cmd, check=True, capture_output=True, timeout=120, cwd=self.root)

    def use_cert(self, cert: Cert, *, reload: bool = True) -> None:
        for name, data, mode in (("server.crt", cert.cert_pem, 0o644), ("server.key", cert.key_pem, 0o600)):
            path = self.data / name
            path.write_bytes(data)
            os.chmod(path, mode)
            if self.as_postgres:
                pw = pwd.getpwnam("postgres")
                os.chown(path, pw.pw_uid, pw.pw_gid)
        if reload:
            self._run("pg_ctl", "-D", str(self.data), "reload")

    def url(self, user: str = "postgres", database: str = "postgres", *, sslmode: str = "verify-full",
            ca: Path | None = None, host: str = HUB_NAME) -> str:
        query = f"sslmode={sslmode}&hostaddr=127.0.0.1"
        if ca is not None:
            query += f"&sslrootcert={ca}"
        return f"postgresql://{user}@{host}:{self.port}/{database}?{query}"

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
