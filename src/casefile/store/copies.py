"""Syndicated copies on a timeline: a copy that repeats an event's sentence is one more source.

Which article copies which is decided when it is ingested
(`casefile.news.copies`, by the rules of `casefile.news.syndication`) and
kept in the `syndication` table; reading a timeline only follows those
links, so the store never needs the rules to show a case.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from casefile.model import Source, Timeline
from casefile.store.feeds_schema import SyndicationRow
from casefile.store.schema import ArticleRow

_SPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """For comparing sentences across copies: spacing and case do not matter."""
    return _SPACE.sub(" ", text).strip().casefold()


def shared_sentence(evidence: str, copy_text: str) -> bool:
    """Whether a copy repeats the sentence an event of the original was read from."""
    return normalize(evidence) in normalize(copy_text)


def with_copies(db: Session, timeline: Timeline) -> Timeline:
    """The timeline with each copy that repeats an event's sentence added as one more source."""
    originals = {source.article_id for entry in timeline.entries for source in entry.sources}
    by_original = _copy_rows(db, originals)
    if not by_original:
        return timeline
    entries = []
    for entry in timeline.entries:
        extra = [
            _source(row, entry.sources[0])
            for source in entry.sources
            for row in by_original.get(source.article_id, ())
            if shared_sentence(source.evidence, row.text)
        ]
        entries.append(
            dataclasses.replace(entry, sources=(*entry.sources, *extra)) if extra else entry
        )
    return dataclasses.replace(timeline, entries=tuple(entries))


def _copy_rows(db: Session, originals: Iterable[str]) -> dict[str, list[ArticleRow]]:
    found: dict[str, list[ArticleRow]] = defaultdict(list)
    rows = db.execute(
        select(SyndicationRow.original_id, ArticleRow)
        .join(ArticleRow, ArticleRow.id == SyndicationRow.article_id)
        .where(SyndicationRow.original_id.in_(list(originals)))
        .order_by(ArticleRow.published, ArticleRow.id)
    )
    for original_id, article in rows:
        found[original_id].append(article)
    return found


def _source(copy: ArticleRow, of: Source) -> Source:
    return Source(
        article_id=copy.id,
        article_label=copy.source_id or copy.id,
        evidence=of.evidence,
        certainty=of.certainty,
        outlet=copy.outlet,
        published=copy.published,
        url=copy.url,
    )
