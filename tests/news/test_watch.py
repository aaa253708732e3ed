"""Watching feeds end to end: real HTTP servers on 127.0.0.1, the real extractor, a real store.

Outlets are `LocalServer`s serving the pages and feeds of `tests/newsroom.py`.
Sleeping is injected wherever the code would wait (retries, politeness), so
only the test of the polling loop itself waits, a fraction of a second.
Every loop is bounded in polls and in time.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from casefile.cli.app import app
from casefile.news import feeds as stored
from casefile.news import watchlist as watched
from casefile.news.watch import HostThrottle, PollReport, WatchSettings, poll, watch
from casefile.pipeline import ingest_items
from casefile.sources.fetch import Fetcher, FetchPolicy
from casefile.store import Store
from tests.httpservers import LocalServer, Page, free_port, serving
from tests.newsroom import BILLION_LAUGHS, KARIMOV, MALFORMED, NAZAROVA, WEATHER, article_page, rss

LOCAL = FetchPolicy(allow_private=True)
FAST = WatchSettings(interval=0.3, delay=0.0, attempts=3, backoff=0.01)
RSS = {"Content-Type": "application/rss+xml"}


class Outlet:
    """A news site on a loopback server: pages, and an RSS feed listing them."""

    def __init__(self, server: LocalServer, name: str) -> None:
        self.server = server
        self.name = name
        self.items: list[tuple[str, str, str]] = []
        server.routes["/feed.xml"] = self._feed

    def publish(self, slug: str, title: str, paragraphs: list[str], day: str) -> str:
        url = self.server.url(f"/{slug}")
        self.server.routes[f"/{slug}"] = Page(article_page(title, paragraphs, day, self.name))
        self.items.insert(0, (title, url, f"{day[8:]} Mar 2026 08:00:00 +0000"))
        return url

    @property
    def feed_url(self) -> str:
        return self.server.url("/feed.xml")

    def _feed(self, handler: object) -> Page:
        body = rss(self.name, self.items)
        etag = f'"{len(self.items)}"'
        if handler.headers.get("If-None-Match") == etag:  # type: ignore[attr-defined]
            return Page(status=304, headers={"ETag": etag})
        return Page(body, headers={**RSS, "ETag": etag})


@pytest.fixture
def outlet() -> Iterator[Outlet]:
    with serving() as server:
        yield Outlet(server, "Steppe Ledger")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(f"sqlite:///{tmp_path / 'watch.db'}") as opened:
        yield opened


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(LOCAL) as opened:
        yield opened


def no_sleep(seconds: float) -> None:
    assert seconds < 5, "a test would have waited"


def test_a_broken_feed_is_one_line_and_the_others_are_read(
    store: Store, fetcher: Fetcher, outlet: Outlet
) -> None:
    outlet.publish("karimov", "Blogger detained in Almaty", KARIMOV, "2026-03-02")
    with serving() as bad:
        bad.routes["/malformed.xml"] = Page(MALFORMED, headers=RSS)
        bad.routes["/laughs.xml"] = Page(BILLION_LAUGHS, headers=RSS)
        bad.routes["/down.xml"] = Page(b"busy", status=503)
        bad.routes["/image.xml"] = Page(b"GIF89a", headers={"Content-Type": "image/gif"})
        broken = [
            bad.url("/malformed.xml"),
            bad.url("/laughs.xml"),
            bad.url("/down.xml"),
            f"http://127.0.0.1:{free_port()}/feed.xml",
            bad.url("/image.xml"),
        ]
        for url in [broken[0], broken[1], outlet.feed_url, *broken[2:]]:
            stored.add_feed(store, url)
        report = poll(store, fetcher, FAST, sleep=no_sleep, ingest=ingest_items)

    assert [result.status for result in report.feeds] == [
        "failed", "failed", "ok", "failed", "failed", "failed"
    ]  # fmt: skip
    errors = {result.url: result.error or "" for result in report.failed}
    assert "malformed feed" in errors[broken[0]]
    assert "refused: the feed declares a DTD" in errors[broken[1]]
    assert "HTTP 503" in errors[broken[2]]
    assert "unreachable" in errors[broken[3]]
    assert "wrong type: image/gif" in errors[broken[4]]
    assert all("\n" not in error for error in errors.values())
    assert bad.hits("/down.xml") == 3  # retried with backoff before giving up
    assert report.ingest is not None and report.ingest.new == 1
    assert [person.name for person in store.people()] == ["Aziz Karimov"]
    failures = {feed.url: feed.failures for feed in stored.feeds(store)}
    assert failures[outlet.feed_url] == 0 and failures[broken[0]] == 1
    assert stored.due_feeds(store, stored.feeds(store)[0].added_at) == [
        feed for feed in stored.feeds(store) if feed.url == outlet.feed_url
    ]  # the broken ones wait for their backoff


def test_a_second_poll_is_conditional_and_reads_only_new_entries(
    store: Store, fetcher: Fetcher, outlet: Outlet
) -> None:
    outlet.publish("weather", "Snow closes passes", WEATHER, "2026-03-01")
    stored.add_feed(store, outlet.feed_url)
    first = poll(store, fetcher, FAST, sleep=no_sleep, ingest=ingest_items)
    second = poll(store, fetcher, FAST, sleep=no_sleep, ingest=ingest_items)
    assert [result.status for result in (*first.feeds, *second.feeds)] == ["ok", "not_modified"]
    conditional = [headers for _, path, headers in outlet.server.requests if path == "/feed.xml"]
    assert conditional[1]["If-None-Match"] == '"1"'

    outlet.publish("nazarova", "Activist sentenced", NAZAROVA, "2026-03-03")
    third = poll(store, fetcher, FAST, sleep=no_sleep, ingest=ingest_items)
    assert third.feeds[0].new_entries == 1
    assert outlet.server.hits("/weather") == 1 and outlet.server.hits("/nazarova") == 1
    assert third.ingest is not None and third.ingest.new == 1


def test_a_feed_of_hundreds_of_entries_is_read_over_several_polls_within_a_budget(
    store: Store, fetcher: Fetcher, outlet: Outlet
) -> None:
    for number in range(150):
        market = [f"Market day {number}: traders at the bazaar sold {number} crates of melons."]
        outlet.publish(f"market-{number}", f"Market day {number}", market, "2026-03-01")
    stored.add_feed(store, outlet.feed_url)
    ticks = iter(range(10**6))  # a clock that moves one second each time it is read

    def clock() -> float:
        return float(next(ticks))

    settings = WatchSettings(interval=0.3, delay=0.0, max_entries=1000, budget=150.0)
    reports = [poll(store, fetcher, settings, sleep=no_sleep, clock=clock, ingest=ingest_items)]
    while reports[-1].deferred and len(reports) < 40:
        reports.append(
            poll(store, fetcher, settings, sleep=no_sleep, clock=clock, ingest=ingest_items)
        )
    first = reports[0]
    assert first.ingest is not None and 0 < first.ingest.new < 100
    assert first.deferred == 150 - first.ingest.new
    assert reports[-1].deferred == 0 and len(reports) >= 3
    assert len(store.articles()) == 150
    assert all(outlet.server.hits(f"/market-{number}") == 1 for number in range(150))


def test_requests_to_one_host_are_spaced_by_the_politeness_delay(
    store: Store, fetcher: Fetcher, outlet: Outlet
) -> None:
    outlet.publish("weather", "Snow closes passes", WEATHER, "2026-03-01")
    outlet.publish("nazarova", "Activist sentenced", NAZAROVA, "2026-03-03")
    stored.add_feed(store, outlet.feed_url)
    now = [1000.0]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        now[0] += seconds

    settings = WatchSettings(delay=5.0, backoff=0.01)
    poll(store, fetcher, settings, sleep=sleep, clock=lambda: now[0], ingest=ingest_items)
    assert waits == [5.0, 5.0]  # feed, then two pages of the same host


def test_the_throttle_keeps_hosts_apart() -> None:
    now = [0.0]
    waits: list[float] = []
    throttle = HostThrottle(2.0, clock=lambda: now[0], sleep=waits.append)
    throttle.wait("http://a.invalid/1")
    throttle.wait("http://b.invalid/1")
    now[0] = 0.5
    throttle.wait("http://a.invalid/2")
    assert waits == [1.5]


def test_syndicated_copies_from_two_outlets_are_counted_once(
    store: Store, fetcher: Fetcher, outlet: Outlet
) -> None:
    outlet.publish("karimov", "Blogger detained in Almaty", KARIMOV, "2026-03-02")
    with serving() as other_server:
        wire = Outlet(other_server, "Caspian Wire")
        wire.publish(
            "k", "Uzbek blogger held", ["Republished with permission.", *KARIMOV], "2026-03-02"
        )
        stored.add_feed(store, outlet.feed_url)
        stored.add_feed(store, wire.feed_url)
        report = poll(store, fetcher, FAST, sleep=no_sleep, ingest=ingest_items)
    assert report.ingest is not None
    assert (report.ingest.new, report.ingest.syndicated) == (2, 1)
    (person,) = store.people()
    single = store.timeline(person.id)
    # arrest, Tashkent's request (detained "at the request of Tashkent"), flight, charge, hearing
    assert person.event_count == len(single.entries) == 5
    arrest = next(entry for entry in single.entries if entry.event.type == "arrest")
    assert [source.outlet for source in arrest.sources] == ["Steppe Ledger", "Caspian Wire"]


def test_watch_picks_up_a_new_article_within_one_interval_and_alerts(
    store: Store, fetcher: Fetcher, outlet: Outlet
) -> None:
    """The issue's 'done when': a watched person's new article alerts at the next poll."""
    outlet.publish("weather", "Snow closes passes", WEATHER, "2026-03-01")
    stored.add_feed(store, outlet.feed_url)
    watched.add_watch(store, "person", "Aziz Karimov")
    reports: list[PollReport] = []
    published_at: list[float] = []

    def after_poll(report: PollReport) -> None:
        reports.append(report)
        if len(reports) == 1:  # the outlet publishes between two polls
            outlet.publish("karimov", "Blogger detained in Almaty", KARIMOV, "2026-03-02")
            published_at.append(time.monotonic())

    started = time.monotonic()
    polls = watch(store, fetcher, FAST, polls=2, on_poll=after_poll, ingest=ingest_items)
    finished = time.monotonic()

    assert polls == 2 and finished - started < 30
    assert reports[0].alerts == []
    assert finished - published_at[0] < FAST.interval + 15  # second poll, not later
    new = [alert for alert in reports[1].alerts if alert.reason == "new"]
    assert {alert.event.type for alert in new} >= {"arrest", "hearing"}
    assert {alert.person for alert in new} == {"Aziz Karimov"}
    assert all(alert.url == outlet.server.url("/karimov") for alert in new)
    assert len(watched.alerts(store, unread=True)) == len(reports[1].alerts)


# The command line


def run(*args: str) -> object:
    result = CliRunner().invoke(app, list(args))
    return result


def test_the_cli_follows_a_feed_and_lists_the_alert(tmp_path: Path, outlet: Outlet) -> None:
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    outlet.publish("karimov", "Blogger detained in Almaty", KARIMOV, "2026-03-02")
    added = run("feeds", "add", outlet.feed_url, "--db", db)
    assert added.exit_code == 0 and "following feed #1" in added.stdout  # type: ignore[attr-defined]
    assert run("watchlist", "add", "--person", "Karimov", "--db", db).exit_code == 0  # type: ignore[attr-defined]

    refused = run("watch", "--once", "--delay", "0", "--db", db)
    assert "refused: 127.0.0.1 is a loopback address" in refused.stderr  # type: ignore[attr-defined]
    assert outlet.server.connections == 0

    watched_run = run("watch", "--once", "--allow-private", "--delay", "0", "--db", db)
    assert watched_run.exit_code == 0, watched_run.stderr  # type: ignore[attr-defined]
    assert "1 new article(s)" in watched_run.stdout  # type: ignore[attr-defined]

    listed = run("alerts", "--unread", "--mark-read", "--today", "2026-03-02", "--db", db)
    assert "new event: Aziz Karimov: arrest, 2026-03-02 — Steppe Ledger" in listed.stdout  # type: ignore[attr-defined]
    assert "coming up: Aziz Karimov: hearing [scheduled], 2026-03-12" in listed.stdout  # type: ignore[attr-defined]
    assert "no unread alerts" in run("alerts", "--unread", "--db", db).stdout  # type: ignore[attr-defined]
    feeds = run("feeds", "list", "--json", "--db", db)
    assert '"failures": 0' in feeds.stdout  # type: ignore[attr-defined]


def test_ingest_url_refuses_loopback_in_one_line_and_leaves_the_store_alone(
    tmp_path: Path, outlet: Outlet
) -> None:
    db = f"sqlite:///{tmp_path / 'ingest.db'}"
    url = outlet.publish("karimov", "Blogger detained in Almaty", KARIMOV, "2026-03-02")
    refused = run("ingest", url, "--db", db)
    assert refused.exit_code == 1
    lines = [line for line in refused.stderr.splitlines() if line.strip()]  # type: ignore[attr-defined]
    assert lines == [f"skipped {url}: refused: 127.0.0.1 is a loopback address; use "
                     "--allow-private for a server on your own network"]  # fmt: skip
    assert outlet.server.connections == 0
    with Store.open(db) as opened:
        assert opened.articles() == []

    taken = run("ingest", url, "--allow-private", "--db", db)
    assert taken.exit_code == 0, taken.stderr  # type: ignore[attr-defined]
    with Store.open(db) as opened:
        (article,) = opened.articles()
    assert article.url == url and article.fetched_at is not None
    assert article.outlet == "Steppe Ledger"


@pytest.mark.parametrize(
    ("path", "page", "message"),
    [
        ("/big", Page(b"<p>" + b"x" * 6_000_000 + b"</p>"), "too big"),
        ("/pic", Page(b"GIF89a", headers={"Content-Type": "image/gif"}), "wrong type"),
        ("/slow", None, "unreachable"),
    ],
)
def test_ingest_url_failures_are_one_line_with_a_non_zero_exit(
    tmp_path: Path, outlet: Outlet, path: str, page: Page | None, message: str
) -> None:
    url = outlet.server.url(path) if page else f"http://127.0.0.1:{free_port()}/"
    if page:
        outlet.server.routes[path] = page
    result = run("ingest", url, "--allow-private", "--db", f"sqlite:///{tmp_path / 'x.db'}")
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]  # type: ignore[attr-defined]
    assert len(lines) == 1 and message in lines[0]
