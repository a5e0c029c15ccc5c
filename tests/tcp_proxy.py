"""A TCP relay to the database server, so a test can pull the plug and put it back, or slow it down.

``cut()`` drops every open connection and turns new ones away, as a server
being restarted does; ``restore()`` lets connections through again.
``one_way_delay_s`` holds each chunk that long in each direction, as a VPN
does (a round trip then costs twice that), without limiting the throughput:
chunks are queued with the time they may leave, not sent one at a time.
``round_trips`` counts the times a client spoke again after its server had
answered (or for the first time): what a delay costs, whatever the driver sends.
"""

from __future__ import annotations

import contextlib
import queue
import socket
import threading
import time


class TcpProxy:
    def __init__(self, target_host: str, target_port: int, *, one_way_delay_s: float = 0.0) -> None:
        self.target = (target_host, target_port)
        self.one_way_delay_s = one_way_delay_s
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.1)
        self.port = self._listener.getsockname()[1]
        self._up = threading.Event()
        self._up.set()
        self._closed = threading.Event()
        self._lock = threading.Lock()
        self._sockets: set[socket.socket] = set()
        self.round_trips = 0
        threading.Thread(target=self._accept, name="tcp-proxy", daemon=True).start()

    def cut(self) -> None:
        with self._lock:
            self._up.clear()
            sockets, self._sockets = self._sockets, set()
        for sock in sockets:
            _close(sock)

    def restore(self) -> None:
        self._up.set()

    def close(self) -> None:
        self._closed.set()
        self.cut()
        self._listener.close()

    def _accept(self) -> None:
        while not self._closed.is_set():
            try:
                client, _address = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            if not self._up.is_set():
                _close(client)
                continue
            try:
                server = socket.create_connection(self.target, timeout=5)
            except OSError:
                _close(client)
                continue
            for sock in (server, client):  # as libpq does: no Nagle delay on a pipeline's small writes
                sock.settimeout(None)
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self._lock:
                if not self._up.is_set():  # cut while this one was connecting
                    _close(client)
                    _close(server)
                    continue
                self._sockets |= {client, server}
            turn = _Turn()
            for source, sink, from_client in ((client, server, True), (server, client, False)):
                threading.Thread(target=self._relay, args=(source, sink, turn, from_client), daemon=True).start()

    def _relay(self, source: socket.socket, sink: socket.socket, turn: _Turn, from_client: bool) -> None:
        held: queue.SimpleQueue[tuple[float, bytes]] | None = None
        if self.one_way_delay_s > 0:
            held = queue.SimpleQueue()
            threading.Thread(target=self._deliver_late, args=(held, sink), daemon=True).start()
        try:
            while data := source.recv(65536):
                self._count(turn, from_client)
                if held is None:
                    sink.sendall(data)
                else:
                    held.put((time.monotonic() + self.one_way_delay_s, data))
        except OSError:
            pass  # cut: the finally below closes both ends
        finally:
            with self._lock:
                self._sockets.discard(source)
            _close(source)
            if held is None:
                self._drop(sink)
            else:
                held.put((0.0, b""))  # the deliverer sends what it holds, then closes the sink

    def _count(self, turn: _Turn, from_client: bool) -> None:
        """Before the chunk goes on: the server's answer is marked before the client can read it."""
        with self._lock:
            if not from_client:
                turn.server_answered = True
            elif turn.server_answered:
                turn.server_answered = False
                self.round_trips += 1

    def _drop(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.discard(sock)
        _close(sock)

    def _deliver_late(self, held: queue.SimpleQueue[tuple[float, bytes]], sink: socket.socket) -> None:
        try:
            while True:
                leaves_at, data = held.get()
                if not data:
                    break
                time.sleep(max(0.0, leaves_at - time.monotonic()))
                sink.sendall(data)
        except OSError:
            pass  # cut
        finally:
            self._drop(sink)


class _Turn:
    """Who spoke last on one relayed connection."""

    def __init__(self) -> None:
        self.server_answered = True  # the client's first words open a round trip


def _close(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already closed by the other side
        sock.shutdown(socket.SHUT_RDWR)
    sock.close()
