"""The last check of every article before it is stored: values both stores hold alike.

SQLite and PostgreSQL disagree on a few values, and a reader can produce
all of them (JSON escapes most easily): PostgreSQL refuses a NUL character
in text and a value longer than its column, where SQLite stores both; and
neither can encode a lone surrogate (`"\\ud800"` in JSON), which is no
character at all. So every article passes through `storable` first, and
both stores then receive the same thing:

- NUL characters are removed and lone surrogates become U+FFFD (the
  replacement character), in every field, before the article's id is
  computed: the same input always gives the same article (`clean_text`,
  which the JSON Lines reader applies to every value it takes, since an
  article cannot even be hashed with a lone surrogate in its text);
- an input id (a JSON line's `id`) or an outlet longer than 500 characters
  (the stores' column) makes the article a `Skipped` with that reason;
- what the extractor read from a hostile text is held to the same columns
  (`storable_extraction`): a "name" over 500 characters is no one's name, so
  neither that person nor the events told of them are kept, and a date's
  wording is cut to 200 characters.
"""

from __future__ import annotations

import dataclasses
import re

from casefile.model import Article, Extraction, Skipped

MAX_FIELD_CHARS = 500  # the stores' column for an input's id, outlets and names
MAX_DATE_TEXT_CHARS = 200
_NOT_TEXT = re.compile("[\x00\ud800-\udfff]")
_SURROGATES = {code: "\ufffd" for code in range(0xD800, 0xE000)}


def storable(article: Article) -> Article | Skipped:
    """The article as both stores will hold it, or why it cannot be stored."""
    for name, value in (("id", article.source_id), ("outlet", article.outlet)):
        if value is not None and len(value) > MAX_FIELD_CHARS:
            shown = value[:40].replace("\n", " ") + "…"
            return Skipped(
                shown, f"its {name} is {len(value):,} characters long; at most 500 are stored"
            )
    cleaned = dataclasses.replace(
        article,
        text=clean_text(article.text),
        title=_clean_optional(article.title),
        outlet=_clean_optional(article.outlet),
        url=_clean_optional(article.url),
        source_id=_clean_optional(article.source_id),
        cuts=tuple(dataclasses.replace(cut, text=clean_text(cut.text)) for cut in article.cuts),
    )
    if cleaned == article:
        return article
    if not cleaned.text.strip():
        return Skipped(article.label, "no text once NUL characters are removed")
    return dataclasses.replace(cleaned, id="")  # the id is the hash of the text as stored


def _clean_optional(value: str | None) -> str | None:
    return None if value is None else clean_text(value)


def clean_text(value: str) -> str:
    """`value` without NUL characters, its lone surrogates replaced by U+FFFD."""
    if not _NOT_TEXT.search(value):
        return value
    return value.replace("\x00", "").translate(_SURROGATES)


def storable_extraction(extraction: Extraction) -> Extraction:
    """The extraction without names too long for any store, and with date wordings cut."""

    def fits(name: str) -> bool:
        return len(name) <= MAX_FIELD_CHARS

    people = tuple(
        dataclasses.replace(person, mentions=tuple(filter(fits, person.mentions)))
        for person in extraction.people
        if fits(person.name)
    )
    events = tuple(
        dataclasses.replace(event, date_text=event.date_text[:MAX_DATE_TEXT_CHARS])
        if event.date_text and len(event.date_text) > MAX_DATE_TEXT_CHARS
        else event
        for event in extraction.events
        if fits(event.subject)
    )
    if people == extraction.people and events == extraction.events:
        return extraction
    return dataclasses.replace(extraction, people=people, events=events)
