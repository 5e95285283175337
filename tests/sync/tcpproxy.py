# SPDX-License-Identifier: MIT
"""A small threaded TCP proxy between a desk and PostgreSQL, to cut the network on purpose.

Loopback only. `down()` refuses new connections and cuts live ones (a pulled cable / Wi-Fi gone);
`cut_after(n)` lets n more client bytes through and then cuts, which lands in the middle of a push.
"""

from __future__ import annotations

import contextlib
import socket
import threading


class TcpProxy:
    def __init__(self, upstream_port: int = 5432, upstream_host: str = "127.0.0.1") -> None:
        self.upstream = (upstream_host, upstream_port)
        self._server = socket.create_server(("127.0.0.1", 0))
        self.port = self._server.getsockname()[1]
        self._lock = threading.Lock()
        self._conns: list[socket.socket] = []
        self._up = True
        self._budget: int | None = None
        self.cuts = 0
        self._closed = False
        threading.Thread(target=self._accept, name="tcp-proxy", daemon=True).start()

    def url(self, libpq_url: str) -> str:
        """The same libpq URL, pointed at the proxy."""
        from sqlalchemy.engine import make_url

        u = make_url(libpq_url)
        return u.set(host="127.0.0.1", port=self.port).render_as_string(hide_password=False)

    def down(self) -> None:
        with self._lock:
            self._up = False
        self._cut_all()

    def up(self) -> None:
        with self._lock:
            self._up = True
            self._budget = None

    def cut_after(self, client_bytes: int) -> None:
        with self._lock:
            self._budget = client_bytes

    def close(self) -> None:
        self._closed = True
        self.down()
        self._server.close()

    def _cut_all(self) -> None:
        with self._lock:
            conns, self._conns = self._conns, []
            if conns:
                self.cuts += 1  # counted before the sockets close: the desk may look right away
        for c in conns:
            with contextlib.suppress(OSError):
                c.shutdown(socket.SHUT_RDWR)
            c.close()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._server.accept()
            except OSError:
                return
            with self._lock:
                up = self._up
            if not up:
                client.close()
                continue
            try:
                upstream = socket.create_connection(self.upstream, timeout=3)
                upstream.settimeout(None)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._conns += [client, upstream]
            threading.Thread(target=self._pump, args=(client, upstream, True), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client, False), daemon=True).start()

    def _pump(self, src: socket.socket, dst: socket.socket, from_client: bool) -> None:
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                if from_client:
                    with self._lock:
                        if self._budget is not None:
                            self._budget -= len(data)
                            exhausted = self._budget <= 0
                        else:
                            exhausted = False
                    if exhausted:
                        with self._lock:
                            self._budget = None
                        self._cut_all()
                        return
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                with contextlib.suppress(OSError):
                    s.close()
