"""URLs as inputs: a page becomes an Article, a feed becomes the Articles of its entries.

Fetching is `sources.fetch` (safe by default); reading a fetched page is the
same as reading a saved one (`article_from_html`, `article_from_text`), plus
the URL it was read from and the time it was fetched. A URL that cannot be
fetched or read is a `Skipped` with a one-line reason, like a bad file.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from casefile.model import Article, Skipped
from casefile.sources import read_path
from casefile.sources.feeds import FeedError, parse_feed
from casefile.sources.fetch import (
    HTML_TYPES,
    PAGE_TYPES,
    XML_TYPES,
    Fetched,
    Fetcher,
    FetchError,
    FetchPolicy,
)
from casefile.sources.html import article_from_html
from casefile.sources.text import article_from_text

log = logging.getLogger(__name__)


_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


def is_url(value: str | Path) -> bool:
    """Whether a command-line input names a URL rather than a path."""
    return isinstance(value, str) and value.lower().startswith(("http://", "https://"))


def other_scheme(value: str | Path) -> str | None:
    """The scheme of a URL casefile does not fetch ("ftp" for ftp://host/x), else None.

    Without this check, `ftp://host/x` would be taken for a path and mangled
    into "ftp:/host/x" in the message.
    """
    if not isinstance(value, str) or is_url(value):
        return None
    match = _SCHEME.match(value)
    return match.group(0)[:-3].lower() if match else None


def article_from_fetched(
    page: Fetched, published: date | None = None, fallback_date: date | None = None
) -> Article | Skipped:
    """The article of a fetched HTML or text page, with its URL and fetch time.

    `published` wins over the page's own date (as for files); `fallback_date`
    (a feed entry's date) is used only when the page gives none.
    """
    if page.media_type in HTML_TYPES:
        result = article_from_html(page.text(), url=page.url, published=published, source=page.url)
    else:
        result = article_from_text(page.text(), published, source=page.url)
    if isinstance(result, Skipped):
        return result
    return dataclasses.replace(
        result,
        url=page.url,
        fetched_at=page.fetched_at,
        published=result.published or fallback_date,
    )


def read_url(
    url: str, fetcher: Fetcher, published: date | None = None
) -> Iterator[Article | Skipped]:
    """The article at `url`; for a feed, the article of every entry, in feed order."""
    try:
        page = fetcher.get(url, accept=PAGE_TYPES)
    except FetchError as error:
        yield Skipped(url, error.detail)
        return
    if page.media_type not in XML_TYPES:
        yield article_from_fetched(page, published)
        return
    try:
        feed = parse_feed(page.body, page.url)
    except FeedError as error:
        yield Skipped(url, str(error).removeprefix(f"{page.url}: "))
        return
    for entry in feed.entries:
        try:
            entry_page = fetcher.get(entry.link, accept=PAGE_TYPES)
        except FetchError as error:
            yield Skipped(entry.link, error.detail)
            continue
        yield article_from_fetched(entry_page, published, entry.published)


def read_inputs(
    inputs: Iterable[str | Path],
    published: date | None = None,
    fetcher: Fetcher | None = None,
    policy: FetchPolicy | None = None,
) -> Iterator[Article | Skipped]:
    """Files, folders and URLs, in the order given.

    A path that does not exist and a URL of a scheme other than http(s) are
    each one `Skipped`, like an unreadable file: the rest of the batch goes
    on. Without a `fetcher`, URLs are fetched by one made for `policy`
    (default: the strict one).
    """
    items = list(inputs)
    own = fetcher is None and any(is_url(item) for item in items)
    active = Fetcher(policy) if own else fetcher
    try:
        for item in items:
            scheme = other_scheme(item)
            if is_url(item):
                assert active is not None
                yield from read_url(str(item), active, published)
            elif scheme is not None:
                yield Skipped(str(item), f"cannot fetch {scheme}:// URLs: only http and https")
            elif not Path(item).exists():
                yield Skipped(str(item), "no such file or folder; check the path")
            else:
                yield from read_path(Path(item), published)
    finally:
        if own and active is not None:
            active.close()
