"""The main job, as library functions the front ends call: read, extract, store.

`ingest` is what `casefile ingest` and `casefile demo` do. It never stops a
batch for one bad input: an unreadable file becomes a `Skipped` in the report,
and every article is stored together with its extraction in one transaction,
so a failure leaves the store as it was before that article.

Inputs may be URLs (fetched by `sources.fetch`, safely). A syndicated copy of
a stored article is linked to it and keeps only the events its own sentences
add (`casefile.syndication`). After anything new is stored, the watch list
is checked and alerts are raised (`casefile.alerts`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from casefile.alerts import DEFAULT_DAYS, raise_alerts
from casefile.evaluate import Report, load_gold, score
from casefile.extract import EXTRACTOR_VERSION, extract_many, load_nlp
from casefile.model import Article, Extraction, Skipped
from casefile.sources import read_path
from casefile.sources.fetch import Fetcher, FetchPolicy
from casefile.sources.url import read_inputs
from casefile.store import Store
from casefile.store.alerts import Alert
from casefile.store.syndication import article_text, link_copy, original_of
from casefile.syndication import drop_shared_events


@dataclass
class IngestReport:
    new: int = 0
    duplicates: int = 0
    extracted: int = 0
    events: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    undated: list[str] = field(default_factory=list)
    syndicated: int = 0  # articles that are copies of a stored one
    alerts: list[Alert] = field(default_factory=list)


def ingest(
    paths: Iterable[Path | str],
    store: Store,
    published: date | None = None,
    on_item: Callable[[str], None] | None = None,
    fetcher: Fetcher | None = None,
    alert_days: int = DEFAULT_DAYS,
    allow_private: bool = False,
) -> IngestReport:
    """Read every input (files, folders, http(s) URLs), store and extract, raise alerts.

    URLs are fetched with `fetcher`, else under the default policy, which
    refuses private addresses unless `allow_private`.
    """
    policy = FetchPolicy(allow_private=allow_private)
    items = read_inputs(paths, published, fetcher, policy)
    return ingest_items(items, store, on_item, alert_days)


def ingest_items(
    items: Iterable[Article | Skipped],
    store: Store,
    on_item: Callable[[str], None] | None = None,
    alert_days: int = DEFAULT_DAYS,
) -> IngestReport:
    """Store new articles, extract the ones not yet read by this extractor, raise alerts."""
    report = IngestReport()
    pending: list[Article] = []
    for item in items:
        if on_item is not None:
            on_item(item.source if isinstance(item, Skipped) else (item.url or item.label))
        if isinstance(item, Skipped):
            report.skipped.append(item)
            continue
        if item.published is None:
            report.undated.append(item.label)
        if store.add_article(item):
            report.new += 1
            link = link_copy(store, item)
        else:
            report.duplicates += 1
            link = link_copy(store, item, find=False)
        if link is not None:
            report.syndicated += 1
        if not store.has_extraction(item.id, EXTRACTOR_VERSION):
            pending.append(item)
    for extraction in extract_many(pending, load_nlp()):
        extraction = _without_copied_events(store, extraction)
        store.save_extraction(extraction)
        report.extracted += 1
        report.events += len(extraction.events)
    if report.extracted:
        store.resolve_people()  # across the whole batch: context, the analysts' merges and splits
    if report.new or report.extracted:
        report.alerts = raise_alerts(store, days=alert_days)
    return report


def _without_copied_events(store: Store, extraction: Extraction) -> Extraction:
    """A syndicated copy keeps only the events of sentences its original does not have."""
    link = original_of(store, extraction.article.id)
    original = article_text(store, link.original_id) if link else None
    return drop_shared_events(extraction, original) if original else extraction


def reextract(store: Store, everything: bool = False) -> int:
    """Re-read stored articles with the current extractor; analysts' corrections stay in force.

    Only articles not yet read by this extractor version, unless `everything`.
    Returns how many articles were extracted.
    """
    articles = [
        article
        for article in store.articles()
        if everything or not store.has_extraction(article.id, EXTRACTOR_VERSION)
    ]
    for extraction in extract_many(articles, load_nlp()):
        store.save_extraction(_without_copied_events(store, extraction))
    store.resolve_people()
    return len(articles)


def extract_path(path: Path, published: date | None = None) -> Iterator[Extraction | Skipped]:
    """Extraction without a store, in input order (`casefile extract`)."""
    items = list(read_path(path, published))
    articles = [item for item in items if isinstance(item, Article)]
    extractions = iter(extract_many(articles, load_nlp()))
    for item in items:
        yield item if isinstance(item, Skipped) else next(extractions)


def evaluate_gold(path: Path, types: set[str] | None = None) -> Report:
    """Score the extractor on a gold file, its articles cleaned as ingestion cleans them."""
    gold = load_gold(path)
    extractions = extract_many((record.to_article() for record in gold), load_nlp())
    return score(gold, [list(extraction.events) for extraction in extractions], types=types)
