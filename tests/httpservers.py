"""Real HTTP servers on the loopback interface, for the fetching, feed and watch tests.

`LocalServer` serves what a test puts in `routes` (path -> `Page`, or a
function of the request) from a thread, on 127.0.0.1 or [::1], on a free
port; `connections` counts every TCP connection it accepted, so a canary
server can prove that nothing reached it. Only loopback addresses are ever
bound or connected to.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Page:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html"})
    delay: float = 0.0  # seconds to wait before answering
    length: bool = True  # send Content-Length (else: read until the connection closes)
    drip: float = 0.0  # seconds between single bytes of the whole answer (a slow-drip server)


Route = Page | Callable[[BaseHTTPRequestHandler], Page]


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], family: int, owner: LocalServer) -> None:
        self.address_family = family
        self.owner = owner
        super().__init__(address, _Handler)

    def verify_request(self, request: object, client_address: object) -> bool:
        with self.owner.lock:
            self.owner.connections += 1
        return True


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"
    server: _Server

    def log_message(self, format: str, *args: object) -> None:  # quiet test output
        pass

    def _answer(self, with_body: bool) -> None:
        owner = self.server.owner
        path = self.path.split("?")[0]
        with owner.lock:
            owner.requests.append((self.command, self.path, dict(self.headers)))
            if self.command == "POST":
                size = int(self.headers.get("Content-Length") or 0)
                owner.posted.append(self.rfile.read(size))
        route = owner.routes.get(path)
        page = route(self) if callable(route) else route
        if page is None:
            page = Page(b"not here", 404, {"Content-Type": "text/plain"})
        if page.delay:
            time.sleep(page.delay)
        if page.drip:
            self._drip(page)
            return
        self.send_response(page.status)
        for name, value in page.headers.items():
            self.send_header(name, value)
        if page.length:
            self.send_header("Content-Length", str(len(page.body)))
        self.end_headers()
        if with_body:
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # client gave up
                self.wfile.write(page.body)

    def _drip(self, page: Page) -> None:
        """The status line, headers and body, one byte at a time, until the client leaves."""
        head = [f"HTTP/1.0 {page.status} OK", *(f"{k}: {v}" for k, v in page.headers.items())]
        if page.length:
            head.append(f"Content-Length: {len(page.body)}")
        answer = ("\r\n".join(head) + "\r\n\r\n").encode() + page.body
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            for index in range(len(answer)):
                self.wfile.write(answer[index : index + 1])
                self.wfile.flush()
                time.sleep(page.drip)

    def do_GET(self) -> None:
        self._answer(True)

    def do_POST(self) -> None:
        self._answer(True)


class LocalServer:
    """An HTTP server on a loopback address, in a thread, until `stop()`."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.host = host
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        self.posted: list[bytes] = []
        self.connections = 0
        self.lock = threading.Lock()
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self._server = _Server((host, 0), family, self)
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()

    @property
    def origin(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    def url(self, path: str) -> str:
        return self.origin + path

    def hits(self, path: str) -> int:
        return sum(1 for _, requested, _ in self.requests if requested.split("?")[0] == path)

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


@contextmanager
def serving(host: str = "127.0.0.1") -> Iterator[LocalServer]:
    server = LocalServer(host)
    try:
        yield server
    finally:
        server.stop()


def free_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def ipv6_loopback() -> bool:
    """Whether [::1] can be bound here (some containers have no IPv6)."""
    try:
        with socket.socket(socket.AF_INET6) as probe:
            probe.bind(("::1", 0))
        return True
    except OSError:
        return False
