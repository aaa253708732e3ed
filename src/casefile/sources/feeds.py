"""RSS and Atom feeds: the list of new reports an outlet publishes, parsed safely.

A feed is XML from a stranger. XML can declare entities that expand a few
hundred bytes into gigabytes ("billion laughs") or pull in local files
(external entities), so every feed is first parsed by defusedxml with DTDs,
entity declarations and external references forbidden, and only a document
that passes goes on to feedparser, which does the RSS/Atom work. A feed
that declares a DOCTYPE is refused whole, even a harmless one: such feeds
are rare now, and the rule is easy to state. A document that is not
well-formed XML is refused too (feedparser alone would guess at it).

feedparser is given the bytes as a stream, never a string: given a string
it would take it for a URL or a file name and open it itself.
"""

from __future__ import annotations

import calendar
import hashlib
import io
import logging
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit
from xml.etree.ElementTree import ParseError

import feedparser
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from casefile.errors import SourceError

log = logging.getLogger(__name__)


class FeedError(SourceError):
    """A feed that cannot be read; `str()` is the one line the CLI prints."""


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed: where the report is, and what the feed says about it."""

    key: str  # stable across polls: a hash of the entry's id, else of its link
    link: str
    title: str | None = None
    published: date | None = None


@dataclass(frozen=True)
class Feed:
    title: str | None
    entries: tuple[FeedEntry, ...]


def check_xml(body: bytes, url: str) -> None:
    """Refuse XML with a DTD, entity declarations or external references, or not well-formed."""
    try:
        fromstring(body, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as error:
        raise FeedError(f"{url}: refused: the feed declares a DTD or entities ({error})") from None
    except ParseError as error:
        raise FeedError(f"{url}: malformed feed: not well-formed XML ({error})") from None


def parse_feed(body: bytes, url: str) -> Feed:
    """The entries of an RSS or Atom document fetched from `url` (relative links resolved)."""
    if not body.strip():
        raise FeedError(f"{url}: malformed feed: empty")
    check_xml(body, url)
    parsed = feedparser.parse(
        io.BytesIO(body),
        response_headers={"content-location": url, "content-type": "application/xml"},
        resolve_relative_uris=True,
        sanitize_html=True,
    )
    if parsed.get("bozo") and not parsed.entries:
        reason = parsed.get("bozo_exception") or "unreadable"
        raise FeedError(f"{url}: malformed feed: {reason}")
    if not parsed.get("version") and not parsed.entries:
        raise FeedError(f"{url}: not an RSS or Atom feed")
    entries = [entry for entry in (_entry(item, url) for item in parsed.entries) if entry]
    title = parsed.feed.get("title") or None
    return Feed(title=title, entries=tuple(entries))


def _entry(item: Any, base: str) -> FeedEntry | None:
    link = (item.get("link") or "").strip()
    if not link:
        log.info("%s: an entry without a link is passed over", base)
        return None
    link = urljoin(base, link)
    if urlsplit(link).scheme not in ("http", "https"):
        log.info("%s: entry link %s is not http(s); passed over", base, link)
        return None
    identity = (item.get("id") or link).strip()
    return FeedEntry(
        key=hashlib.sha256(identity.encode("utf-8")).hexdigest(),
        link=link,
        title=(item.get("title") or "").strip() or None,
        published=_entry_date(item),
    )


def _entry_date(item: Any) -> date | None:
    """The entry's publication date (UTC), as feedparser normalised it."""
    # dict.get, not item.get: feedparser's own get maps the two keys with a warning.
    parsed = dict.get(item, "published_parsed") or dict.get(item, "updated_parsed")
    if not parsed:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(parsed), UTC).date()
    except (OverflowError, ValueError, TypeError):
        return None
