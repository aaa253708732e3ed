"""Feeds: RSS and Atom parsed safely, and feed URLs read entry by entry from a real server."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from casefile.model import Article, Skipped
from casefile.sources.feeds import FeedError, parse_feed
from casefile.sources.fetch import Fetcher, FetchPolicy
from casefile.sources.url import read_inputs, read_url
from tests.httpservers import LocalServer, Page, serving
from tests.newsroom import (
    BILLION_LAUGHS,
    EXTERNAL_ENTITY,
    KARIMOV,
    MALFORMED,
    NAZAROVA,
    article_page,
    atom,
    rss,
)

BASE = "http://news.example.invalid/feed.xml"
LOCAL = FetchPolicy(allow_private=True)


def test_rss_entries_with_links_dates_and_stable_keys() -> None:
    feed = parse_feed(
        rss(
            "Steppe Ledger",
            [
                ("Blogger detained", "/news/karimov", "Mon, 02 Mar 2026 08:00:00 +0000"),
                ("Activist sentenced", "http://other.invalid/n", "Tue, 03 Mar 2026 23:30:00 -0300"),
            ],
        ),
        BASE,
    )
    assert feed.title == "Steppe Ledger"
    assert [entry.link for entry in feed.entries] == [
        "http://news.example.invalid/news/karimov",  # relative links resolved
        "http://other.invalid/n",
    ]
    assert [entry.published for entry in feed.entries] == [date(2026, 3, 2), date(2026, 3, 4)]
    again = parse_feed(rss("x", [("t", "/news/karimov", "Mon, 02 Mar 2026 08:00:00 +0000")]), BASE)
    assert again.entries[0].key == feed.entries[0].key


def test_atom_entries() -> None:
    feed = parse_feed(atom("Wire", [("One", "http://w.invalid/1", "2026-03-02T10:00:00Z")]), BASE)
    assert [(entry.title, entry.link) for entry in feed.entries] == [("One", "http://w.invalid/1")]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (BILLION_LAUGHS, "refused: the feed declares a DTD or entities"),
        (EXTERNAL_ENTITY, "refused: the feed declares a DTD or entities"),
        (MALFORMED, "malformed feed"),
        (b"", "malformed feed: empty"),
        (b"<html><body>not a feed</body></html>", "not an RSS or Atom feed"),
    ],
)
def test_unsafe_or_broken_feeds_are_refused_in_one_line(body: bytes, message: str) -> None:
    with pytest.raises(FeedError) as refused:
        parse_feed(body, BASE)
    assert message in str(refused.value)
    assert "\n" not in str(refused.value)


def test_non_http_entry_links_are_passed_over() -> None:
    feed = parse_feed(
        rss("x", [("local", "file:///etc/passwd", ""), ("ok", "https://a.invalid/", "")]), BASE
    )
    assert [entry.link for entry in feed.entries] == ["https://a.invalid/"]


@pytest.fixture
def outlet() -> Iterator[LocalServer]:
    with serving() as server:
        server.routes["/karimov"] = Page(
            article_page("Blogger detained in Almaty", KARIMOV, "2026-03-02", "Steppe Ledger")
        )
        server.routes["/nazarova"] = Page(
            article_page("Activist sentenced", NAZAROVA, "2026-03-03", "Steppe Ledger")
        )
        items = [
            ("Blogger detained", server.url("/karimov"), "Mon, 02 Mar 2026 08:00:00 +0000"),
            ("Activist sentenced", server.url("/nazarova"), "Tue, 03 Mar 2026 08:00:00 +0000"),
            ("Gone", server.url("/gone"), "Tue, 03 Mar 2026 09:00:00 +0000"),
        ]
        server.routes["/feed.xml"] = Page(
            rss("Steppe Ledger", items), headers={"Content-Type": "application/rss+xml"}
        )
        yield server


def test_a_feed_url_gives_the_article_of_every_entry(outlet: LocalServer) -> None:
    with Fetcher(LOCAL) as fetcher:
        results = list(read_url(outlet.url("/feed.xml"), fetcher))
    articles = [result for result in results if isinstance(result, Article)]
    assert [article.url for article in articles] == [
        outlet.url("/karimov"),
        outlet.url("/nazarova"),
    ]
    assert articles[0].text.startswith("Police in Almaty detained")
    assert articles[0].published == date(2026, 3, 2)
    assert articles[0].outlet == "Steppe Ledger"
    assert all(article.fetched_at is not None for article in articles)
    assert results[2] == Skipped(outlet.url("/gone"), "HTTP 404 Not Found")


def test_inputs_mix_paths_and_urls_in_order(outlet: LocalServer, tmp_path) -> None:  # type: ignore[no-untyped-def]
    note = tmp_path / "note.txt"
    note.write_text("Title: A note\n\n" + " ".join(KARIMOV), encoding="utf-8")
    found = list(read_inputs([outlet.url("/nazarova"), note], policy=LOCAL))
    assert [type(item).__name__ for item in found] == ["Article", "Article"]
    assert found[0].url == outlet.url("/nazarova")
    assert found[1].title == "A note"


def test_a_refused_url_is_a_skipped_input_and_nothing_is_fetched(outlet: LocalServer) -> None:
    found = list(read_inputs([outlet.url("/karimov")]))
    assert len(found) == 1 and isinstance(found[0], Skipped)
    assert "loopback address" in found[0].reason
    assert outlet.connections == 0
