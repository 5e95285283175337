# SPDX-License-Identifier: MIT
"""A small threaded TCP proxy between a desk and PostgreSQL, to break the network on purpose.

Loopback only. Four modes, switchable at any time:
- `up()` (pass): bytes flow both ways;
- `stall()`: connections stay open and bytes are *accepted* (the kernel acknowledges them) but
  nothing is forwarded and nothing answered, new connections included: a hung switch, a captive
  portal, a half-dead Wi-Fi link. TCP keepalives and `tcp_user_timeout` see nothing wrong here;
- `reset()`: every live connection is aborted with a TCP RST, new ones too;
- `down()` (cut): live connections are closed (FIN) and new ones refused: a pulled cable.
`cut_after(n)` lets n more client bytes through and then cuts, which lands in the middle of a push.
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
import time

PASS, STALL, RESET, CUT = "pass", "stall", "reset", "cut"


class TcpProxy:
    def __init__(self, upstream_port: int = 5432, upstream_host: str = "127.0.0.1") -> None:
        self.upstream = (upstream_host, upstream_port)
        self._server = socket.create_server(("127.0.0.1", 0))
        self.port = self._server.getsockname()[1]
        self._lock = threading.Lock()
        self._conns: list[socket.socket] = []
        self._held: list[socket.socket] = []  # accepted while stalled: open, never served
        self.mode = PASS
        self._budget: int | None = None
        self.cuts = 0
        self.stalled_bytes = 0  # client bytes swallowed while stalled
        self._closed = False
        threading.Thread(target=self._accept, name="tcp-proxy", daemon=True).start()

    def url(self, libpq_url: str) -> str:
        """The same libpq URL, pointed at the proxy."""
        from sqlalchemy.engine import make_url

        u = make_url(libpq_url)
        return u.set(host="127.0.0.1", port=self.port).render_as_string(hide_password=False)

    # ------------------------------------------------------------------ modes
    def up(self) -> None:
        """Pass bytes again (connections held during a stall stay dead: the desk must reconnect)."""
        with self._lock:
            self.mode = PASS
            self._budget = None
            held, self._held = self._held, []
        for c in held:
            _close(c, rst=True)

    def stall(self) -> None:
        with self._lock:
            self.mode = STALL

    def reset(self) -> None:
        with self._lock:
            self.mode = RESET
        self._cut_all(rst=True)

    def down(self) -> None:
        with self._lock:
            self.mode = CUT
        self._cut_all()

    def cut_after(self, client_bytes: int) -> None:
        with self._lock:
            self._budget = client_bytes

    def close(self) -> None:
        self._closed = True
        self.down()
        with self._lock:
            held, self._held = self._held, []
        for c in held:
            _close(c)
        self._server.close()

    def _cut_all(self, rst: bool = False) -> None:
        with self._lock:
            conns, self._conns = self._conns, []
            if conns:
                self.cuts += 1  # counted before the sockets close: the desk may look right away
        for c in conns:
            _close(c, rst=rst)

    # ------------------------------------------------------------------ threads
    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._server.accept()
            except OSError:
                return
            with self._lock:
                mode = self.mode
            if mode == STALL:
                with self._lock:
                    self._held.append(client)
                threading.Thread(target=self._swallow, args=(client,), daemon=True).start()
                continue
            if mode != PASS:
                _close(client, rst=mode == RESET)
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

    def _swallow(self, client: socket.socket) -> None:
        """A connection made during a stall: read and drop whatever the desk sends."""
        with contextlib.suppress(OSError):
            while data := client.recv(65536):
                with self._lock:
                    self.stalled_bytes += len(data)

    def _pump(self, src: socket.socket, dst: socket.socket, from_client: bool) -> None:
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                with self._lock:
                    mode = self.mode
                while mode == STALL:  # hold the bytes; a later cut or reset ends the connection
                    if from_client:
                        with self._lock:
                            self.stalled_bytes += len(data)
                    time.sleep(0.05)
                    with self._lock:
                        mode = self.mode
                    if mode == PASS:  # the stalled connection is not revived: the request was "lost"
                        raise OSError("stalled connection dropped")
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
            with self._lock:
                mode = self.mode
            if mode != STALL:  # a stalled connection stays open: nothing answers, nothing closes
                for s in (src, dst):
                    with contextlib.suppress(OSError):
                        s.close()


def _close(sock: socket.socket, rst: bool = False) -> None:
    with contextlib.suppress(OSError):
        if rst:  # SO_LINGER 0: close sends RST instead of FIN
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        else:
            sock.shutdown(socket.SHUT_RDWR)
    with contextlib.suppress(OSError):
        sock.close()
