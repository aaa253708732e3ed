"""Syndicated copies in the store: the LSH index, the links, the copies as extra sources.

The rules (shingles, threshold, bands) are `casefile.news.syndication`; this
module keeps its index in `article_bands` (and each article's shingles in
`article_shingles`) and its links in `syndication`. Reading a timeline puts
the copies beside their original as sources: that is the store's part,
`casefile.store.copies`.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Collection, Sequence
from datetime import timedelta
from typing import TYPE_CHECKING

import numpy as np
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from casefile.model import Article
from casefile.news import syndication
from casefile.store import queries
from casefile.store.feeds_schema import ArticleBandRow, ArticleShinglesRow, SyndicationRow
from casefile.store.schema import ArticleRow, utcnow

if TYPE_CHECKING:
    from casefile.store.store import Store

log = logging.getLogger(__name__)


@dataclasses.dataclass(frozen=True)
class Link:
    """An article that is a copy of an earlier one."""

    article_id: str
    original_id: str
    similarity: float


def session(store: Store) -> Session:
    return Session(store.engine, expire_on_commit=False)


def original_of(store: Store, article_id: str) -> Link | None:
    """The link of a stored copy to its original, None if the article is no copy."""
    return originals_of(store, [article_id]).get(article_id)


def originals_of(store: Store, article_ids: Collection[str]) -> dict[str, Link]:
    """The links of those of these articles that are copies (one query per thousand)."""
    with session(store) as db:
        return {
            row.article_id: Link(row.article_id, row.original_id, row.similarity)
            for part in queries.chunks(article_ids)
            for row in db.scalars(select(SyndicationRow).where(SyndicationRow.article_id.in_(part)))
        }


@dataclasses.dataclass(frozen=True)
class Added:
    """What storing one article of a batch found."""

    new: bool  # stored now; False: the same text was stored before
    link: Link | None  # the stored article it is a syndicated copy of
    extractors: frozenset[str]  # the extractor versions that have read it before


def add_and_link(store: Store, articles: Sequence[Article]) -> list[Added]:
    """Store and index a batch of articles in one transaction, linking each copy.

    The same, article by article and in order, as `Store.add_article` then
    `link_copy` (a copy is looked for among the articles stored before it,
    this batch's earlier ones included), with one commit for the batch. An
    article another session stores meanwhile makes the batch go again one
    article at a time.
    """
    try:
        with session(store) as db, db.begin():
            return _add_and_link(db, articles)
    except IntegrityError:
        added = []
        for article in articles:
            new = store.add_article(article)
            read = store.extractors_of([article.id]).get(article.id, frozenset())
            added.append(Added(new, link_copy(store, article, find=new or not read), read))
        return added


def _add_and_link(db: Session, articles: Sequence[Article]) -> list[Added]:
    ids = [article.id for article in articles]
    stored = {
        found
        for part in queries.chunks(ids)
        for found in db.scalars(select(ArticleRow.id).where(ArticleRow.id.in_(part)))
    }
    read = queries.extractors_of(db, ids)
    added, last = [], None
    for article in articles:
        new = article.id not in stored
        if new:
            row = queries.article_row(article)
            if last is not None and row.ingested_at <= last:  # "stored before" stays strict
                row.ingested_at = last + timedelta(microseconds=1)
            last = row.ingested_at
            db.add(row)
            db.flush()
            stored.add(article.id)
        before = read.get(article.id, frozenset())
        added.append(Added(new, link_in(db, article, find=new or not before), before))
    return added


def link_copy(store: Store, article: Article, find: bool = True) -> Link | None:
    """Index a stored article and, if it copies an earlier one, link it; the link, or None.

    Idempotent: an article already linked keeps its link, one already
    indexed is not indexed again. The original is always a root: a copy of a
    copy points at the first text. With `find` False the article is only
    indexed (an article stored and extracted before is not made a copy
    after the fact: its events are already counted).
    """
    with session(store) as db, db.begin():
        return link_in(db, article, find)


def link_in(db: Session, article: Article, find: bool = True) -> Link | None:
    """`link_copy` within the caller's transaction (a batch of articles stored at once)."""
    existing = db.get(SyndicationRow, article.id)
    if existing is not None:
        return Link(existing.article_id, existing.original_id, existing.similarity)
    shingle_set = syndication.shingles(article.text)
    keys = syndication.band_keys(shingle_set)
    if not keys:
        return None
    indexed = db.scalar(
        select(ArticleBandRow.article_id).where(ArticleBandRow.article_id == article.id).limit(1)
    )
    if indexed is None:
        db.add_all(ArticleBandRow(article_id=article.id, band=key) for key in keys)
        db.add(ArticleShinglesRow(article_id=article.id, shingles=_packed(shingle_set)))
    best = _best_candidate(db, article.id, shingle_set, keys) if find else None
    if best is None:
        return None
    original_id, similarity = best
    root = db.get(SyndicationRow, original_id)
    if root is not None:
        original_id = root.original_id
    db.add(
        SyndicationRow(
            article_id=article.id,
            original_id=original_id,
            similarity=similarity,
            linked_at=utcnow(),
        )
    )
    log.info("article %s is a copy of %s (J=%.2f)", article.label, original_id, similarity)
    return Link(article.id, original_id, similarity)


def _best_candidate(
    db: Session, article_id: str, shingle_set: frozenset[int], keys: list[str]
) -> tuple[str, float] | None:
    """The most similar article stored before this one, at or above the threshold.

    Only earlier ones: an article a crashed run stored but never linked is
    linked on the next run, and must not become a copy of its own copies.
    Candidates share a band key; each is compared by the exact Jaccard
    similarity of the stored shingles (articles indexed before those were
    stored: of their text, shingled again).
    """
    candidates = set(
        db.scalars(
            select(ArticleBandRow.article_id).where(
                ArticleBandRow.band.in_(keys), ArticleBandRow.article_id != article_id
            )
        )
    )
    stored_at = select(ArticleRow.ingested_at).where(ArticleRow.id == article_id)
    earlier = set(
        db.scalars(
            select(ArticleRow.id).where(
                ArticleRow.id.in_(candidates), ArticleRow.ingested_at < stored_at.scalar_subquery()
            )
        )
    )
    ours = _array(shingle_set)
    stored = dict(
        db.execute(
            select(ArticleShinglesRow.article_id, ArticleShinglesRow.shingles).where(
                ArticleShinglesRow.article_id.in_(earlier)
            )
        ).all()
    )
    older = db.execute(
        select(ArticleRow.id, ArticleRow.text).where(ArticleRow.id.in_(earlier - set(stored)))
    )
    theirs = {
        **{c: np.frombuffer(blob, dtype=np.uint64) for c, blob in stored.items()},
        **{c: _array(syndication.shingles(text)) for c, text in older},
    }
    best: tuple[str, float] | None = None
    for candidate_id in sorted(theirs):
        other = theirs[candidate_id]
        common = len(np.intersect1d(ours, other, assume_unique=True))
        union = len(ours) + len(other) - common
        similarity = common / union if union and len(other) else 0.0
        if syndication.is_copy(similarity) and (best is None or similarity > best[1]):
            best = (candidate_id, similarity)
    return best


def _array(shingle_set: frozenset[int]) -> np.ndarray:
    return np.fromiter(sorted(shingle_set), dtype=np.uint64, count=len(shingle_set))


def _packed(shingle_set: frozenset[int]) -> bytes:
    return _array(shingle_set).tobytes()


def article_text(store: Store, article_id: str) -> str | None:
    with session(store) as db:
        return db.scalar(select(ArticleRow.text).where(ArticleRow.id == article_id))


def copies(store: Store, original_id: str) -> list[Link]:
    with session(store) as db:
        rows = db.scalars(select(SyndicationRow).where(SyndicationRow.original_id == original_id))
        return [Link(row.article_id, row.original_id, row.similarity) for row in rows]
