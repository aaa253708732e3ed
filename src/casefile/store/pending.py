"""People resolved once per batch of articles, not once per article.

Resolving after each saved article (`cases.changed`) re-reads the whole
component the article touches: every mention sharing a surname with it, every
group told in the same words. When many articles of a batch touch one
component (a common surname, a lawyer quoted in every report), the batch pays
for that component once per article, and the writer, not extraction, becomes
the slow part of `casefile ingest`. A batch therefore marks what it saved,
in the transaction of the save (`mark`), and resolves all of it at once when
it ends (`resolve`): each touched component is read and resolved once.

The people come out the same: resolution of a set of components does not
depend on how the changes to them were grouped (`store.resolution`). A
batch killed before its end leaves its marks, and the next batch, or
`Store.resolve_pending`, resolves them.
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from casefile.store import queries, resolution
from casefile.store.cases import changed
from casefile.store.cases_schema import CasePendingRow

# Articles resolved per transaction: bounds the memory of one resolution on an archive
# of millions; a batch of this size already reads each touched component once.
RESOLVE_CHUNK = 5000


def mark(session: Session, article_ids: Collection[str]) -> None:
    """Remember that these articles' people are to be resolved (once each)."""
    known: set[str] = set()
    for part in queries.chunks(article_ids):
        known.update(
            session.scalars(
                select(CasePendingRow.article_id).where(CasePendingRow.article_id.in_(part))
            )
        )
    fresh = [{"article_id": a} for a in dict.fromkeys(article_ids) if a not in known]
    if fresh:
        session.execute(insert(CasePendingRow), fresh)


def resolve(session: Session, limit: int = RESOLVE_CHUNK) -> int:
    """Resolve the people of up to `limit` marked articles and unmark them; how many there were."""
    resolution.lock(session)  # another writer may be resolving the same marks
    ids = list(
        session.scalars(
            select(CasePendingRow.article_id).order_by(CasePendingRow.article_id).limit(limit)
        )
    )
    if ids:
        changed(session, ids)
        for part in queries.chunks(ids):
            session.execute(delete(CasePendingRow).where(CasePendingRow.article_id.in_(part)))
    return len(ids)
