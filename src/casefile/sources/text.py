"""Plain-text articles (`.txt`, `.md`), and the decoding and date parsing other readers share.

A text file may open with a header block that says what the body is:

    Title: Tajik exile detained in Istanbul
    Outlet: Steppe Courier
    Date: 2026-03-14
    URL: https://example.org/...

    <body>

The header is metadata, never analysed text. The publication date matters more
than anything else in it: every relative date in the body ("on Thursday") is
resolved against it, so a date that cannot be read is left out (None, and the
CLI warns) rather than guessed.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from datetime import date, datetime
from pathlib import Path

from charset_normalizer import from_bytes

from casefile.model import Article, Skipped
from casefile.sources.boilerplate import cut_boilerplate

log = logging.getLogger(__name__)

HEADER_KEYS = ("title", "outlet", "date", "url")
_HEADER_LINE = re.compile(r"(?P<key>[A-Za-z]+)[ \t]*:[ \t]*(?P<value>.*)")
_SNIFF = 8192  # bytes looked at to tell text from binary


class DecodeError(ValueError):
    """Bytes that are not text in any encoding we can recognise; readers turn it into Skipped."""


def decode_bytes(data: bytes) -> str:
    """Decode article bytes: UTF-8 (BOM or not), a damaged UTF-8, else a detected encoding.

    A file that is UTF-8 except for a few broken sequences is still UTF-8: its
    other non-ASCII characters decode correctly, while a detector would turn
    all of them into mojibake. Only text with no valid UTF-8 at all goes to
    charset-normalizer (latin-1, cp1251, ...). Newlines come back as "\\n".
    """
    if b"\x00" in data[:_SNIFF]:
        raise DecodeError("binary file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _decode_damaged_utf8(data) or _detect(data)
    if _mostly_not_text(text):
        raise DecodeError("binary file")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode_damaged_utf8(data: bytes) -> str | None:
    text = data.decode("utf-8-sig", errors="replace")
    broken = text.count("\ufffd")
    decoded = sum(1 for char in text if ord(char) > 127) - broken
    if decoded > broken:
        log.warning("%d invalid UTF-8 sequence(s) replaced by U+FFFD", broken)
        return text
    return None


def _detect(data: bytes) -> str:
    """charset-normalizer's best guess; on a tie, Windows-1252.

    Short Western European texts score the same in cp1250, cp1252 and others,
    and the first of them decodes "Señor" as "Seńor". Browsers read pages
    labelled latin-1 as cp1252 (WHATWG), so it is the likelier of equals.
    """
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise DecodeError("not UTF-8 and no other text encoding recognised")
    tied = [
        match
        for match in matches
        if match.chaos == best.chaos and match.coherence == best.coherence
    ]
    best = next((match for match in tied if match.encoding == "cp1252"), best)
    log.info("decoded as %s (detected)", best.encoding)
    return str(best)


def _mostly_not_text(text: str) -> bool:
    """Control and unassigned characters are what binary data decodes to."""
    sample = text[:_SNIFF]
    if not sample:
        return False
    junk = sum(
        1
        for char in sample
        if char not in "\n\r\t\f" and unicodedata.category(char) in ("Cc", "Cn", "Co", "Cs")
    )
    return junk / len(sample) > 0.05


def parse_date(value: object) -> date | None:
    """A publication date from metadata: ISO date or datetime, or a written-out date.

    Written-out dates ("14 March 2026", "March 14, 2026") must name day, month
    and year, absolutely: "Date: March" or "Date: yesterday" is no publication
    date, since it would date the article by the day it was read.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        pass
    import dateparser  # slow to import; most inputs are ISO and never need it

    parsed = dateparser.parse(
        value,
        languages=["en"],
        settings={
            "PARSERS": ["absolute-time"],
            "STRICT_PARSING": True,
            "REQUIRE_PARTS": ["day", "month", "year"],
        },
    )
    if parsed is None:
        log.warning("cannot read %r as a date", value)
        return None
    return parsed.date()


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Split a leading `Key: value` block (ending at a blank line) from the body.

    Only a block whose every line is a known key counts as a header, so a body
    that opens with "Moscow: police detained ..." stays whole.
    """
    head, blank, body = text.lstrip("\n").partition("\n\n")
    if not blank:
        return {}, text
    header: dict[str, str] = {}
    for line in head.splitlines():
        match = _HEADER_LINE.fullmatch(line.strip())
        if match is None or match["key"].lower() not in HEADER_KEYS:
            return {}, text
        header[match["key"].lower()] = match["value"].strip()
    return header, body


def article_from_text(
    data: bytes | str,
    published: date | None = None,
    source: str = "<text>",
    source_id: str | None = None,
) -> Article | Skipped:
    """Turn the contents of a text file into an Article, or say why not.

    A `Date:` in the header is the file's own statement and wins over
    `published`, which fills in for files that carry no date.
    """
    try:
        text = decode_bytes(data) if isinstance(data, bytes) else data
    except DecodeError as error:
        return Skipped(source, str(error))
    header, body = split_header(text)
    if not body.strip():
        return Skipped(source, "empty")
    clean, cuts = cut_boilerplate(body.strip())
    if not clean.strip():
        return Skipped(source, "empty after removing boilerplate")
    return Article(
        text=clean.strip(),
        published=parse_date(header.get("date")) or published,
        title=header.get("title") or None,
        outlet=header.get("outlet") or None,
        url=header.get("url") or None,
        source_id=source_id,
        cuts=cuts,
    )


def read_text(path: Path, published: date | None = None) -> Article | Skipped:
    """Read a `.txt` or `.md` file; the file name becomes the article's source id."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return Skipped(str(path), f"cannot read: {error.strerror or error}")
    return article_from_text(data, published, source=str(path), source_id=path.name)
