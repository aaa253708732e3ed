"""HTML news pages (`.html`, `.htm`, `.html.gz`), and the HTML step of the URL fetcher.

trafilatura finds the main text, title and site name; it hands the date to
htmldate. We ask htmldate for the original publication date, not the last
modification, from the page's markup only (meta tags, JSON-LD, time elements,
the URL): its free-text search would happily take a date from the article body
("the hearing of 26 December 2025") for the publication date, and every
relative date in the article would then resolve against the wrong day.
Nothing here fetches anything: we give trafilatura the page, never a URL to get.
"""

from __future__ import annotations

import logging
import zlib
from datetime import date
from pathlib import Path

import trafilatura
from trafilatura.settings import Document

from casefile.model import Article, Skipped
from casefile.sources.boilerplate import cut_boilerplate
from casefile.sources.text import DecodeError, decode_bytes, parse_date

log = logging.getLogger(__name__)


def article_from_html(
    html: str | bytes,
    url: str | None = None,
    published: date | None = None,
    source: str | None = None,
    source_id: str | None = None,
) -> Article | Skipped:
    """The article in an HTML page, or a Skipped saying why there is none.

    `published`, when given, wins over the date read from the page: a date the
    caller knows beats one htmldate infers. `url` helps htmldate (dates in
    paths) and is kept on the article; it is never requested.
    """
    where = source or url or "<html>"
    if isinstance(html, bytes):
        try:
            html = decode_bytes(html)
        except DecodeError as error:
            return Skipped(where, str(error))
    if not html.strip():
        return Skipped(where, "empty")
    document = trafilatura.bare_extraction(
        html,
        url=url,
        fast=True,  # no fallback extractors: faster, and as good on news pages
        with_metadata=True,
        include_comments=False,  # reader comments are not the report
        include_tables=True,
        date_extraction_params={
            "original_date": True,
            "extensive_search": False,
            "max_date": date.today().isoformat(),
        },
    )
    if not isinstance(document, Document) or not (document.text or "").strip():
        return Skipped(where, "no main text found in the HTML")
    clean, cuts = cut_boilerplate(_drop_headline((document.text or "").strip(), document.title))
    if not clean.strip():
        return Skipped(where, "empty after removing boilerplate")
    page_date = parse_date(document.date) if document.date else None
    if published is None and page_date is None:
        log.info("%s: no publication date in the page", where)
    return Article(
        text=clean.strip(),
        published=published or page_date,
        title=document.title or None,
        outlet=document.sitename or None,
        url=url or document.url or None,
        source_id=source_id,
        cuts=cuts,
    )


def _drop_headline(text: str, title: str | None) -> str:
    """Drop the page's <h1> from the top of the text, and any kicker above it.

    The headline is the article's title, kept apart as for text files; a line
    above it ("Press freedom") is a section label, not news.
    """
    if not title:
        return text
    lines = text.split("\n")
    for index, line in enumerate(lines[:3]):
        if line.strip().casefold() == title.strip().casefold():
            rest = "\n".join(lines[index + 1 :]).strip()
            return rest or text
    return text


MAX_PAGE_BYTES = 20 * 1024 * 1024  # decompressed: a gzip bomb stops here


def _gunzip(data: bytes, limit: int) -> bytes | None:
    """Decompress at most `limit` bytes; None if the page is larger."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = inflater.decompress(data, limit + 1)
    return None if len(out) > limit else out


def read_html(path: Path, published: date | None = None) -> Article | Skipped:
    """Read a saved page; `.gz` pages are decompressed first, as crawl archives store them."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return Skipped(str(path), f"cannot read: {error.strerror or error}")
    if path.name.lower().endswith(".gz"):
        try:
            page = _gunzip(data, MAX_PAGE_BYTES)
        except (OSError, EOFError, zlib.error) as error:
            return Skipped(str(path), f"not a readable gzip file ({error})")
        if page is None:
            return Skipped(
                str(path), f"too large once decompressed (over {MAX_PAGE_BYTES // 2**20} MiB)"
            )
        data = page
    return article_from_html(data, published=published, source=str(path), source_id=path.name)
