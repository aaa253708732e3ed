"""The one module that fetches over the network, and the rules it fetches by.

A monitor's casefile runs inside a newsroom or NGO network, and every URL it
fetches comes from outside: a feed entry, a redirect, a pasted link. Without
care it would be a way in (server-side request forgery): a link to
`http://169.254.169.254/` reads the cloud's credentials, one to
`http://10.0.0.5/admin` reaches an internal service. So:

- Addresses are judged on the address actually connected to, never on the
  URL's text: `GuardedBackend` resolves the host itself, refuses the
  connection if *any* resolved address is private, loopback, link-local,
  multicast, reserved or unspecified (IPv4 and IPv6, IPv4 embedded in IPv6
  too), and then connects to the address it vetted. DNS cannot answer one
  thing to the check and another to the connection (rebinding). TLS still
  verifies the certificate for the URL's host name (SNI), as it should.
- Redirects are followed here, one hop at a time (at most `max_redirects`),
  and every hop is checked again before it is requested. (So each URL is
  vetted twice: before the request, which names the URL in the refusal and
  covers injected clients, and at the connection, which is what counts.)
- The size cap counts decompressed bytes: gzip and deflate are decoded here
  with an output limit, so a small gzip bomb is cut off at the cap without
  ever being inflated in memory.
- Only HTML, XML and plain text are read; anything else is refused before
  its body is read. Connect and read timeouts, and a total time limit that
  holds whatever the server does: every socket operation of a fetch is
  bounded by the time it has left (`DeadlineStream`), so a server dripping
  one byte a second is cut off at the limit, not at the next 64 KiB.

`FetchPolicy(allow_private=True)` lifts the address check for a server on the
user's own network (`--allow-private`); `trusted_hosts` lifts it for named
hosts only, so a test's own server can be the first hop while the redirect
targets are still judged by the strict rule.

The fetcher takes an injected `httpx.Client` (tests may pass one with an
`httpx.MockTransport`); the URL checks of every hop apply to it as well, the
connect-time check only to the default transport. Errors are `FetchError`s
with a one-line message and a `kind`; `retryable` says whether trying again
later can help (a timeout can, a refused address cannot).
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import ssl
import time
import zlib
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, TypeVar
from urllib.parse import urljoin

import certifi
import httpcore
import httpx

from casefile.errors import SourceError

log = logging.getLogger(__name__)

Resolver = Callable[[str, int], list[str]]
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
XML_TYPES = frozenset(
    {
        "text/xml",
        "application/xml",
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
    }
)
TEXT_TYPES = frozenset({"text/plain"})
PAGE_TYPES = HTML_TYPES | XML_TYPES | TEXT_TYPES  # what `casefile ingest URL` reads
FEED_TYPES = XML_TYPES | TEXT_TYPES  # feeds served as text/plain exist; the parser decides

REDIRECTS = frozenset({301, 302, 303, 307, 308})
RETRYABLE_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
_CHUNK = 64 * 1024
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")  # the IPv4 address is the last 32 bits

T = TypeVar("T")


class FetchError(SourceError):
    """A URL that could not be fetched; `str()` is the one line the CLI prints.

    kind: bad_url, refused, unreachable, timeout, too_big, wrong_type, http, redirects.
    """

    def __init__(self, url: str, kind: str, detail: str, retryable: bool = False) -> None:
        super().__init__(f"{url}: {detail}")
        self.url = url
        self.kind = kind
        self.detail = detail
        self.retryable = retryable


class AddressRefused(FetchError):
    """A host whose address the policy forbids; raised before any connection is made."""

    def __init__(self, url: str, host: str, address: str, reason: str) -> None:
        hint = (
            ""
            if reason in ("multicast", "unspecified")
            else "; use --allow-private for a server on your own network"
        )
        what = f"{address} is" if host == address else f"{host} resolves to {address},"
        super().__init__(url, "refused", f"refused: {what} a {reason} address{hint}")
        self.host = host
        self.address = address
        self.reason = reason


@dataclass(frozen=True)
class FetchPolicy:
    """What the fetcher may connect to, how long it waits and how much it reads."""

    allow_private: bool = False
    trusted_hosts: frozenset[str] = frozenset()  # host names exempt from the address check
    max_bytes: int = 5 * 1024 * 1024  # decompressed
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0
    max_redirects: int = 5
    user_agent: str = "casefile/0.1 (news monitoring; +https://example.org/casefile)"


def address_problem(address: IPAddress, policy: FetchPolicy) -> str | None:
    """Why the policy forbids connecting to `address`, or None if it may be used.

    Multicast and unspecified addresses are never a web server and stay
    refused even with `allow_private`. IPv4 carried inside IPv6 (mapped,
    6to4, Teredo, NAT64) is judged as the IPv4 address it reaches.
    """
    if address.is_multicast:
        return "multicast"
    if address.is_unspecified:
        return "unspecified"
    if policy.allow_private:
        return None
    if isinstance(address, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(address)
        if embedded is not None:
            return address_problem(embedded, policy)
    if address.is_loopback:
        return "loopback"
    if address.is_link_local:
        return "link-local"
    if address.is_private:
        return "private"
    if address.is_reserved:
        return "reserved"
    if not address.is_global:
        return "non-public"
    return None


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]  # the client's address
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for `host` (IPv4 and IPv6)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


class Guard:
    """Resolves a host and vets every address it resolves to, under one policy."""

    def __init__(self, policy: FetchPolicy, resolver: Resolver | None = None) -> None:
        self.policy = policy
        self.resolver = resolver or system_resolver

    def vet(self, host: str, port: int, url: str | None = None) -> list[str]:
        """The addresses to connect to for `host`; raises if any of them is forbidden.

        All must pass, not one: a host resolving to a public and a private
        address could be connected to the private one by the next lookup.
        """
        where = url or f"{host}:{port}"
        host = host.strip("[]").lower()
        literal = _ip_or_none(host)
        if literal is not None:
            addresses = [literal]
        else:
            try:
                addresses = [
                    address
                    for address in (_ip_or_none(text) for text in self.resolver(host, port))
                    if address is not None
                ]
            except (OSError, UnicodeError) as error:
                raise FetchError(
                    where, "unreachable", f"unreachable: cannot resolve {host} ({error})", True
                ) from None
            if not addresses:
                raise FetchError(where, "unreachable", f"unreachable: {host} has no address", True)
        if host not in self.policy.trusted_hosts:
            for address in addresses:
                problem = address_problem(address, self.policy)
                if problem is not None:
                    raise AddressRefused(where, host, str(address), problem)
        return [str(address) for address in addresses]


def _ip_or_none(text: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


class GuardedBackend(httpcore.NetworkBackend):
    """httpcore's network backend with the address check at the moment of connecting.

    httpcore asks it to connect to the URL's host; it resolves the host
    through the guard and connects to a vetted address, so the address
    checked is the address connected to.
    """

    def __init__(self, guard: Guard, inner: httpcore.NetworkBackend | None = None) -> None:
        self.guard = guard
        self.inner = inner or httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        failure: Exception | None = None
        for address in self.guard.vet(host, port):
            try:
                stream = self.inner.connect_tcp(
                    address, port, _within(timeout), local_address, socket_options
                )
                return DeadlineStream(stream)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as error:
                failure = error
        assert failure is not None  # vet returns at least one address or raises
        raise failure

    def connect_unix_socket(self, *args: Any, **kwargs: Any) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:
        self.inner.sleep(seconds)


# The monotonic time by which the fetch under way must be over (set by `Fetcher.get`).
_deadline: ContextVar[float | None] = ContextVar("casefile_fetch_deadline", default=None)


def _within(timeout: float | None) -> float | None:
    """A socket timeout that also ends at the fetch's deadline; raises once it has passed."""
    deadline = _deadline.get()
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise httpcore.ReadTimeout("the fetch's total time is up")
    return left if timeout is None else min(timeout, left)


class DeadlineStream(httpcore.NetworkStream):
    """A connection on which every read, write and TLS handshake ends by the fetch's deadline.

    httpx's timeouts are per operation: a server that sends one byte a
    second never trips a 20 s read timeout, and the body loop only sees
    the clock when a chunk arrives. Bounding each socket operation by the
    time left makes the total limit hold whatever the server does, headers
    included.
    """

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self.inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self.inner.read(max_bytes, _within(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.inner.write(buffer, _within(timeout))

    def close(self) -> None:
        self.inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        return DeadlineStream(self.inner.start_tls(ssl_context, server_hostname, _within(timeout)))

    def get_extra_info(self, info: str) -> Any:
        return self.inner.get_extra_info(info)


class GuardedTransport(httpx.HTTPTransport):
    """httpx's own transport, its connection pool built on `GuardedBackend`.

    httpx has no public parameter for the network backend, so the pool is
    replaced after construction; `httpx` is pinned, and the tests that fetch
    through a host name only the injected resolver knows fail if this stops
    working. No proxy is ever used: a proxy would do the connecting, and
    the address check with it.
    """

    def __init__(self, guard: Guard) -> None:
        super().__init__(trust_env=False)
        if not hasattr(self, "_pool"):  # pragma: no cover - guards an httpx upgrade
            raise RuntimeError("httpx.HTTPTransport changed: casefile cannot pin addresses")
        self._pool = httpcore.ConnectionPool(
            ssl_context=ssl.create_default_context(cafile=certifi.where()),
            max_connections=10,
            max_keepalive_connections=5,
            network_backend=GuardedBackend(guard),
        )


@dataclass(frozen=True)
class Fetched:
    """A response read in full: the final URL after redirects, its type, its decoded body."""

    url: str
    status: int
    media_type: str  # "text/html", lower case, without parameters
    charset: str | None
    body: bytes
    fetched_at: datetime
    etag: str | None = None
    last_modified: str | None = None
    redirects: tuple[str, ...] = field(default=())

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    def text(self) -> str | bytes:
        """The body as text when the server named a charset that decodes it, else the bytes."""
        if self.charset:
            try:
                return self.body.decode(self.charset)
            except (LookupError, UnicodeDecodeError):
                log.info("%s: body is not %s; detecting the encoding", self.url, self.charset)
        return self.body


class Fetcher:
    """Fetches URLs under a `FetchPolicy`. Use as a context manager, or `close()` it."""

    def __init__(
        self,
        policy: FetchPolicy | None = None,
        resolver: Resolver | None = None,
        client: httpx.Client | None = None,
    ) -> None:
        self.policy = policy or FetchPolicy()
        self.guard = Guard(self.policy, resolver)
        self._own_client = client is None
        self.client = client or httpx.Client(
            transport=GuardedTransport(self.guard),
            timeout=httpx.Timeout(
                self.policy.read_timeout,
                connect=self.policy.connect_timeout,
                pool=self.policy.connect_timeout,
            ),
            follow_redirects=False,
            trust_env=False,
        )

    def close(self) -> None:
        if self._own_client:
            self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def get(
        self,
        url: str,
        accept: frozenset[str] = PAGE_TYPES,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> Fetched:
        """GET `url`, following redirects one checked hop at a time.

        With `etag` / `last_modified` the request is conditional, and a 304
        comes back as a `Fetched` with `not_modified` set and no body.
        """
        deadline = time.monotonic() + self.policy.total_timeout
        headers = {
            "User-Agent": self.policy.user_agent,
            "Accept": ", ".join(sorted(accept)) + ", */*;q=0.1",
            "Accept-Encoding": "gzip, deflate",
        }
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        hops: list[str] = []
        current = url
        token = _deadline.set(deadline)
        try:
            while True:
                self._check_url(current)
                fetched_or_next = self._get_once(current, headers, accept, deadline, tuple(hops))
                if isinstance(fetched_or_next, Fetched):
                    return fetched_or_next
                hops.append(current)
                if len(hops) > self.policy.max_redirects:
                    raise FetchError(
                        url, "redirects", f"more than {self.policy.max_redirects} redirects"
                    )
                log.info("%s redirects to %s", current, fetched_or_next)
                current = fetched_or_next
        except FetchError as error:
            if error.kind == "timeout" and time.monotonic() >= deadline:
                total = f"{self.policy.total_timeout:g}"
                raise FetchError(
                    error.url, "timeout", f"timeout: no complete answer within {total} s", True
                ) from None
            raise
        finally:
            _deadline.reset(token)

    def post_json(self, url: str, payload: object) -> int:
        """POST `payload` as JSON (a webhook); redirects are not followed. Returns the status."""
        self._check_url(url)
        token = _deadline.set(time.monotonic() + self.policy.total_timeout)
        try:
            response = self.client.post(
                url,
                json=payload,
                headers={"User-Agent": self.policy.user_agent},
                follow_redirects=False,
            )
        except httpx.HTTPError as error:
            raise _transport_error(url, error) from None
        finally:
            _deadline.reset(token)
        if not 200 <= response.status_code < 300:
            raise FetchError(
                url,
                "http",
                f"HTTP {response.status_code} from the webhook",
                response.status_code in RETRYABLE_STATUS,
            )
        return response.status_code

    def _check_url(self, url: str) -> None:
        try:
            parsed = httpx.URL(url)
        except (httpx.InvalidURL, TypeError) as error:
            raise FetchError(url, "bad_url", f"not a valid URL ({error})") from None
        if parsed.scheme not in ("http", "https") or not parsed.host:
            raise FetchError(url, "bad_url", "only http:// and https:// URLs are fetched")
        port = parsed.port or (443 if parsed.scheme == "https" else 80)
        self.guard.vet(parsed.host, port, url)

    def _get_once(
        self,
        url: str,
        headers: dict[str, str],
        accept: frozenset[str],
        deadline: float,
        hops: tuple[str, ...],
    ) -> Fetched | str:
        """One request: the response read in full, or the URL a redirect points to."""
        try:
            with self.client.stream(
                "GET", url, headers=headers, follow_redirects=False
            ) as response:
                status = response.status_code
                if status in REDIRECTS:
                    location = response.headers.get("location")
                    if not location:
                        raise FetchError(url, "http", f"HTTP {status} redirect without a Location")
                    return urljoin(url, location.strip())
                if status == 304:
                    return _fetched(url, response, b"", hops)
                if status >= 400:
                    raise FetchError(
                        url,
                        "http",
                        f"HTTP {status} {response.reason_phrase}".rstrip(),
                        status in RETRYABLE_STATUS,
                    )
                _check_type(url, response, accept)
                body = _read_body(url, response, self.policy.max_bytes, deadline)
                return _fetched(url, response, body, hops)
        except AddressRefused as error:  # refused at connect time: name the URL, not host:port
            if error.url == url:
                raise
            raise AddressRefused(url, error.host, error.address, error.reason) from None
        except FetchError:
            raise
        except httpx.HTTPError as error:
            raise _transport_error(url, error) from None


def _fetched(url: str, response: httpx.Response, body: bytes, hops: tuple[str, ...]) -> Fetched:
    media_type, charset = _content_type(response)
    return Fetched(
        url=url,
        status=response.status_code,
        media_type=media_type,
        charset=charset,
        body=body,
        fetched_at=datetime.now(UTC),
        etag=response.headers.get("etag"),
        last_modified=response.headers.get("last-modified"),
        redirects=hops,
    )


def _content_type(response: httpx.Response) -> tuple[str, str | None]:
    value = response.headers.get("content-type", "")
    media_type, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, raw = param.partition("=")
        if key.strip().lower() == "charset" and raw.strip():
            charset = raw.strip().strip("\"'")
    return media_type.strip().lower(), charset


def _check_type(url: str, response: httpx.Response, accept: frozenset[str]) -> None:
    media_type, _ = _content_type(response)
    if media_type not in accept:
        shown = media_type or "no Content-Type"
        raise FetchError(
            url, "wrong_type", f"wrong type: {shown}, expected HTML, XML or plain text"
        )


class _Inflater:
    """gzip/deflate decoding that never produces more than it is asked for."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        self._raw_deflate = False
        self._z = zlib.decompressobj(31 if encoding in ("gzip", "x-gzip") else 15)
        self._started = False

    def feed(self, data: bytes, room: int) -> bytes:
        """Decode `data`, at most `room` bytes of output (room >= 1; 0 would mean no limit)."""
        try:
            out = self._z.decompress(data, room)
        except zlib.error:
            if self.encoding != "deflate" or self._started:
                raise
            # "deflate" is meant to be zlib-wrapped, but some servers send raw deflate.
            self._z = zlib.decompressobj(-15)
            out = self._z.decompress(data, room)
        self._started = True
        return out


def _read_body(url: str, response: httpx.Response, max_bytes: int, deadline: float) -> bytes:
    """The body, decompressed here with an output cap: reading stops at `max_bytes` + 1."""
    encoding = response.headers.get("content-encoding", "identity").strip().lower() or "identity"
    if encoding not in ("identity", "gzip", "x-gzip", "deflate"):
        raise FetchError(url, "wrong_type", f"unsupported Content-Encoding {encoding!r}")
    too_big = FetchError(url, "too_big", f"too big: more than {max_bytes:,} bytes")
    declared = response.headers.get("content-length", "")
    if encoding == "identity" and declared.isdigit() and int(declared) > max_bytes:
        raise too_big
    chunks: Iterable[bytes]
    if response.is_stream_consumed:  # built in memory (httpx.MockTransport): already decoded
        encoding, chunks = "identity", [response.content]
    else:
        chunks = response.iter_raw(_CHUNK)
    inflater = None if encoding == "identity" else _Inflater(encoding)
    body = bytearray()
    try:
        for chunk in chunks:
            if time.monotonic() > deadline:
                raise FetchError(url, "timeout", "timeout: the response took too long", True)
            room = max_bytes + 1 - len(body)
            body += chunk[:room] if inflater is None else inflater.feed(chunk, room)
            if len(body) > max_bytes:
                raise too_big
    except zlib.error as error:
        raise FetchError(url, "wrong_type", f"corrupt {encoding} body ({error})") from None
    return bytes(body)


def _transport_error(url: str, error: httpx.HTTPError) -> FetchError:
    if isinstance(error, httpx.TimeoutException):
        return FetchError(url, "timeout", f"timeout: {type(error).__name__}", True)
    if isinstance(error, httpx.TransportError):
        reason = str(error) or type(error).__name__
        return FetchError(url, "unreachable", f"unreachable: {reason}", True)
    return FetchError(url, "unreachable", f"failed: {error}", True)


def retrying(
    call: Callable[[], T],
    attempts: int = 3,
    backoff: float = 1.0,
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    """`call()`, tried again after backoff, 2x backoff, ... when it fails in a retryable way.

    Refusals, wrong types and 4xx answers are not retried: trying again
    cannot change them.
    """
    for attempt in range(attempts):
        try:
            return call()
        except FetchError as error:
            if not error.retryable or attempt == attempts - 1:
                raise
            wait = backoff * 2**attempt
            log.info("%s; retrying in %.1f s", error, wait)
            sleep(wait)
    raise AssertionError("unreachable")  # pragma: no cover - the loop returns or raises
