"""The safe fetcher, against real HTTP servers on 127.0.0.1 (and [::1] where it exists).

SSRF attempts are made the way an attacker would: a URL straight at a
loopback server, a redirect from an allowed server to loopback, to the cloud
metadata address and to [::1], and a host name whose DNS answer is private.
Each must be refused before any connection is made: the canary servers
count every TCP connection they accept and must count none. Addresses
outside loopback (10.0.0.1, 169.254.169.254) appear only as answers of the
injected resolver or as redirect targets that must be refused: nothing ever
connects to them.
"""

from __future__ import annotations

import gzip
import ipaddress
import time
import zlib
from collections.abc import Iterator

import httpx
import pytest

from casefile.sources.fetch import (
    PAGE_TYPES,
    AddressRefused,
    Fetcher,
    FetchError,
    FetchPolicy,
    Guard,
    GuardedBackend,
    address_problem,
    retrying,
)
from tests.httpservers import LocalServer, Page, free_port, ipv6_loopback, serving

HTML = b"<html><head><title>A page</title></head><body><p>Hello.</p></body></html>"
STRICT = FetchPolicy()
LOCAL = FetchPolicy(allow_private=True)


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with serving() as started:
        yield started


@pytest.fixture
def canary() -> Iterator[LocalServer]:
    """A loopback server that no refused fetch may reach."""
    with serving() as started:
        started.routes["/"] = Page(b"you should not see this")
        yield started
    assert started.connections == 0, "a refused fetch reached the canary"


@pytest.fixture
def canary6() -> Iterator[LocalServer | None]:
    if not ipv6_loopback():
        yield None
        return
    with serving("::1") as started:
        yield started
    assert started.connections == 0, "a refused fetch reached the IPv6 canary"


def mapped(table: dict[str, list[str]]):  # type: ignore[no-untyped-def]
    """A resolver that knows only `table` (so no test ever asks the real DNS)."""

    def resolve(host: str, port: int) -> list[str]:
        if host not in table:
            raise OSError(f"unknown test host {host}")
        return table[host]

    return resolve


def trusted_first_hop(server: LocalServer) -> Fetcher:
    """A strict fetcher for which `news.test` (the test server) alone is allowed."""
    policy = FetchPolicy(trusted_hosts=frozenset({"news.test"}))
    resolver = mapped({"news.test": ["127.0.0.1"], "localhost": ["127.0.0.1", "::1"]})
    return Fetcher(policy, resolver=resolver)


# The address rule, on its own


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "127.8.9.10",
        "10.0.0.1",
        "172.16.5.4",
        "192.168.1.1",
        "169.254.169.254",  # the cloud metadata address
        "100.64.0.1",  # carrier-grade NAT
        "0.0.0.0",
        "224.0.0.1",
        "255.255.255.255",
        "240.0.0.1",
        "::1",
        "::",
        "fe80::1",
        "fc00::1",
        "fd12:3456::1",
        "ff02::1",
        "::ffff:127.0.0.1",  # IPv4-mapped loopback
        "::ffff:169.254.169.254",
        "2002:a00:1::",  # 6to4 wrapping 10.0.0.1
        "64:ff9b::a9fe:a9fe",  # NAT64 wrapping 169.254.169.254
        "2001:db8::1",
    ],
)
def test_private_loopback_link_local_multicast_and_reserved_addresses_are_refused(
    address: str,
) -> None:
    assert address_problem(ipaddress.ip_address(address), STRICT) is not None


@pytest.mark.parametrize("address", ["8.8.8.8", "151.101.1.69", "2606:4700:4700::1111"])
def test_public_addresses_are_allowed(address: str) -> None:
    assert address_problem(ipaddress.ip_address(address), STRICT) is None


def test_allow_private_lifts_the_rule_but_not_for_multicast_or_unspecified() -> None:
    assert address_problem(ipaddress.ip_address("10.0.0.1"), LOCAL) is None
    assert address_problem(ipaddress.ip_address("::1"), LOCAL) is None
    assert address_problem(ipaddress.ip_address("224.0.0.1"), LOCAL) == "multicast"
    assert address_problem(ipaddress.ip_address("0.0.0.0"), LOCAL) == "unspecified"


def test_every_resolved_address_must_pass() -> None:
    guard = Guard(STRICT, mapped({"split.test": ["8.8.8.8", "10.0.0.1"]}))
    with pytest.raises(AddressRefused, match=r"10\.0\.0\.1, a private address"):
        guard.vet("split.test", 80)


# SSRF attempts against real servers


def test_a_loopback_url_is_refused_without_allow_private(canary: LocalServer) -> None:
    with Fetcher() as fetcher, pytest.raises(AddressRefused) as refused:
        fetcher.get(canary.url("/"))
    assert str(refused.value).count("\n") == 0
    assert "127.0.0.1 is a loopback address" in str(refused.value)
    assert "--allow-private" in str(refused.value)


def test_an_ipv6_loopback_url_is_refused(canary6: LocalServer | None) -> None:
    port = canary6.port if canary6 else free_port()
    with Fetcher() as fetcher, pytest.raises(AddressRefused, match="::1 is a loopback"):
        fetcher.get(f"http://[::1]:{port}/")


def test_an_ipv4_mapped_ipv6_url_is_refused(canary: LocalServer) -> None:
    with Fetcher() as fetcher, pytest.raises(AddressRefused, match="loopback"):
        fetcher.get(f"http://[::ffff:127.0.0.1]:{canary.port}/")


@pytest.mark.parametrize(("answer", "reason"), [("127.0.0.1", "loopback"), ("10.0.0.1", "private")])
def test_a_host_name_resolving_to_a_private_address_is_refused_before_connecting(
    canary: LocalServer, answer: str, reason: str
) -> None:
    resolver = mapped({"innocent.test": [answer]})
    with Fetcher(resolver=resolver) as fetcher, pytest.raises(AddressRefused) as refused:
        fetcher.get(f"http://innocent.test:{canary.port}/")
    assert f"innocent.test resolves to {answer}, a {reason} address" in str(refused.value)


def test_the_connect_time_check_refuses_a_rebound_name(canary: LocalServer) -> None:
    """The address is vetted where the connection is made, from a fresh resolution."""
    backend = GuardedBackend(Guard(STRICT, mapped({"rebound.test": ["127.0.0.1"]})))
    with pytest.raises(AddressRefused):
        backend.connect_tcp("rebound.test", canary.port, timeout=2)


def test_the_connection_goes_to_the_vetted_address_with_the_url_host(
    server: LocalServer,
) -> None:
    """`news.test` exists only in the injected resolver: the fetch used its answer."""
    server.routes["/story"] = Page(HTML, headers={"Content-Type": "text/html; charset=utf-8"})
    with trusted_first_hop(server) as fetcher:
        page = fetcher.get(f"http://news.test:{server.port}/story")
    assert page.body == HTML
    assert server.requests[0][2]["Host"] == f"news.test:{server.port}"


def test_redirects_to_loopback_metadata_and_ipv6_are_refused(
    server: LocalServer, canary: LocalServer, canary6: LocalServer | None
) -> None:
    port6 = canary6.port if canary6 else free_port()
    targets = {
        "/to-loopback": canary.url("/"),
        "/to-metadata": "http://169.254.169.254/latest/meta-data/iam/",
        "/to-ipv6": f"http://[::1]:{port6}/",
        "/to-private-name": f"http://localhost:{canary.port}/",
    }
    for path, target in targets.items():
        server.routes[path] = Page(status=302, headers={"Location": target})
    with trusted_first_hop(server) as fetcher:
        for path, target in targets.items():
            with pytest.raises(AddressRefused) as refused:
                fetcher.get(f"http://news.test:{server.port}{path}")
            assert refused.value.url == target
            assert server.hits(path) == 1
    assert canary.connections == 0


def test_a_relative_redirect_on_the_allowed_host_is_followed(server: LocalServer) -> None:
    server.routes["/old"] = Page(status=301, headers={"Location": "/new"})
    server.routes["/new"] = Page(HTML)
    with trusted_first_hop(server) as fetcher:
        page = fetcher.get(f"http://news.test:{server.port}/old")
    assert page.url == f"http://news.test:{server.port}/new"
    assert page.redirects == (f"http://news.test:{server.port}/old",)


def test_redirects_are_bounded(server: LocalServer) -> None:
    server.routes["/loop"] = Page(status=302, headers={"Location": "/loop"})
    with Fetcher(LOCAL) as fetcher, pytest.raises(FetchError, match="more than 5 redirects"):
        fetcher.get(server.url("/loop"))
    assert server.hits("/loop") == 6


@pytest.mark.parametrize("url", ["ftp://example.org/file", "file:///etc/passwd", "not a url"])
def test_only_http_and_https_are_fetched(url: str) -> None:
    with Fetcher() as fetcher, pytest.raises(FetchError) as failed:
        fetcher.get(url)
    assert failed.value.kind == "bad_url"


# Allowed fetches, sizes, types, timeouts


def test_allow_private_fetches_a_local_page(server: LocalServer) -> None:
    server.routes["/a"] = Page(HTML, headers={"Content-Type": "text/html", "ETag": '"v1"'})
    with Fetcher(LOCAL) as fetcher:
        page = fetcher.get(server.url("/a"))
    assert (page.status, page.media_type, page.body, page.etag) == (200, "text/html", HTML, '"v1"')
    assert page.fetched_at.tzinfo is not None


def test_a_gzip_page_is_decoded(server: LocalServer) -> None:
    server.routes["/z"] = Page(
        gzip.compress(HTML), headers={"Content-Type": "text/html", "Content-Encoding": "gzip"}
    )
    with Fetcher(LOCAL) as fetcher:
        assert fetcher.get(server.url("/z")).body == HTML


@pytest.mark.parametrize("declared", [True, False])
def test_an_oversized_response_is_cut_off(server: LocalServer, declared: bool) -> None:
    server.routes["/big"] = Page(b"<p>" + b"x" * 300_000 + b"</p>", length=declared)
    with (
        Fetcher(FetchPolicy(allow_private=True, max_bytes=100_000)) as fetcher,
        pytest.raises(FetchError, match="too big: more than 100,000 bytes") as failed,
    ):
        fetcher.get(server.url("/big"))
    assert failed.value.kind == "too_big"


def test_a_gzip_bomb_is_cut_off_at_the_decompressed_cap(server: LocalServer) -> None:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    bomb = b"".join(packer.compress(b"\0" * 1_000_000) for _ in range(200)) + packer.flush()
    assert len(bomb) < 300_000  # 200 MB of zeros, a few hundred kB on the wire
    server.routes["/bomb"] = Page(
        bomb, headers={"Content-Type": "text/html", "Content-Encoding": "gzip"}
    )
    with (
        Fetcher(FetchPolicy(allow_private=True, max_bytes=1_000_000)) as fetcher,
        pytest.raises(FetchError, match="too big") as failed,
    ):
        fetcher.get(server.url("/bomb"))
    assert failed.value.kind == "too_big"


@pytest.mark.parametrize("content_type", ["image/png", "application/octet-stream", None])
def test_a_wrong_content_type_is_refused_before_reading(
    server: LocalServer, content_type: str | None
) -> None:
    headers = {"Content-Type": content_type} if content_type else {}
    server.routes["/file"] = Page(b"\x89PNG....", headers=headers)
    with Fetcher(LOCAL) as fetcher, pytest.raises(FetchError, match="wrong type") as failed:
        fetcher.get(server.url("/file"))
    assert failed.value.kind == "wrong_type"
    assert not failed.value.retryable


def test_a_slow_server_times_out(server: LocalServer) -> None:
    server.routes["/slow"] = Page(HTML, delay=1.5)
    policy = FetchPolicy(allow_private=True, read_timeout=0.3)
    with Fetcher(policy) as fetcher, pytest.raises(FetchError, match="timeout") as failed:
        fetcher.get(server.url("/slow"))
    assert failed.value.retryable


@pytest.mark.parametrize(
    "page",
    [
        pytest.param(Page(HTML * 100, drip=0.05), id="headers and body a byte at a time"),
        pytest.param(Page(HTML * 100, delay=0.2, drip=0.05, length=False), id="no length"),
    ],
)
def test_the_total_time_limit_holds_against_a_slow_drip(server: LocalServer, page: Page) -> None:
    # Every byte comes well within the read timeout, so only the total limit can stop it.
    server.routes["/drip"] = page
    policy = FetchPolicy(allow_private=True, read_timeout=1.0, total_timeout=1.0)
    started = time.monotonic()
    with Fetcher(policy) as fetcher, pytest.raises(FetchError) as failed:
        fetcher.get(server.url("/drip"))
    took = time.monotonic() - started
    assert str(failed.value).endswith("timeout: no complete answer within 1 s")
    assert failed.value.retryable
    assert took < 2 * policy.total_timeout  # a drip of 10,000 bytes would take 500 s


def test_a_webhook_that_drips_its_answer_is_cut_off_at_the_total_limit(
    server: LocalServer,
) -> None:
    server.routes["/hook"] = Page(b"ok" * 500, drip=0.05)
    policy = FetchPolicy(allow_private=True, read_timeout=1.0, total_timeout=1.0)
    started = time.monotonic()
    with Fetcher(policy) as fetcher, pytest.raises(FetchError) as failed:
        fetcher.post_json(server.url("/hook"), {"alerts": []})
    assert failed.value.kind == "timeout"
    assert time.monotonic() - started < 2 * policy.total_timeout


def test_the_total_time_limit_spans_the_redirects(server: LocalServer) -> None:
    server.routes["/hop"] = Page(b"", 302, {"Location": "/slow"}, delay=0.6)
    server.routes["/slow"] = Page(HTML, delay=0.6)
    policy = FetchPolicy(allow_private=True, read_timeout=5.0, total_timeout=1.0)
    with Fetcher(policy) as fetcher, pytest.raises(FetchError, match="within 1 s"):
        fetcher.get(server.url("/hop"))


def test_a_closed_port_is_unreachable() -> None:
    with Fetcher(LOCAL) as fetcher, pytest.raises(FetchError, match="unreachable") as failed:
        fetcher.get(f"http://127.0.0.1:{free_port()}/")
    assert failed.value.kind == "unreachable"


@pytest.mark.parametrize(("status", "retryable"), [(404, False), (503, True)])
def test_http_errors_say_their_status(server: LocalServer, status: int, retryable: bool) -> None:
    server.routes["/e"] = Page(b"no", status=status)
    with Fetcher(LOCAL) as fetcher, pytest.raises(FetchError, match=f"HTTP {status}") as failed:
        fetcher.get(server.url("/e"))
    assert failed.value.retryable is retryable


def test_a_conditional_get_gets_304_without_a_body(server: LocalServer) -> None:
    def page(handler: object) -> Page:
        if handler.headers.get("If-None-Match") == '"v2"':  # type: ignore[attr-defined]
            return Page(status=304, headers={"ETag": '"v2"'})
        return Page(HTML, headers={"Content-Type": "text/html", "ETag": '"v2"'})

    server.routes["/c"] = page
    with Fetcher(LOCAL) as fetcher:
        first = fetcher.get(server.url("/c"))
        second = fetcher.get(server.url("/c"), etag=first.etag)
    assert not first.not_modified
    assert second.not_modified and second.body == b""


def test_retrying_backs_off_exponentially_on_transient_failures(server: LocalServer) -> None:
    answers = iter([503, 503, 200])
    server.routes["/flaky"] = lambda handler: Page(HTML, status=next(answers))
    waits: list[float] = []
    with Fetcher(LOCAL) as fetcher:
        page = retrying(lambda: fetcher.get(server.url("/flaky")), 3, 0.5, waits.append)
    assert page.status == 200
    assert waits == [0.5, 1.0]


def test_retrying_gives_up_at_once_on_a_refusal() -> None:
    waits: list[float] = []
    with Fetcher() as fetcher, pytest.raises(AddressRefused):
        retrying(lambda: fetcher.get("http://127.0.0.1:9/"), 3, 0.5, waits.append)
    assert waits == []


def test_an_injected_client_is_used_and_still_checked() -> None:
    """STYLE.md: tests may inject a MockTransport; the per-hop URL check still applies."""
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        if request.url.path == "/hop":
            return httpx.Response(302, headers={"Location": "http://10.1.2.3/"})
        return httpx.Response(200, headers={"Content-Type": "text/plain"}, content=b"ok")

    client = httpx.Client(transport=httpx.MockTransport(handler))
    resolver = mapped({"mock.test": ["93.184.216.34"]})
    with Fetcher(resolver=resolver, client=client) as fetcher:
        assert fetcher.get("http://mock.test/text", PAGE_TYPES).body == b"ok"
        with pytest.raises(AddressRefused, match=r"10\.1\.2\.3"):
            fetcher.get("http://mock.test/hop")
    assert seen == ["http://mock.test/text", "http://mock.test/hop"]
