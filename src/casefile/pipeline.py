"""The main job, as library functions the front ends call: read, extract, store.

`ingest` is what `casefile ingest` and `casefile demo` do. It never stops a
batch for one bad input: an unreadable file becomes a `Skipped` in the report,
and every article is stored together with its extraction in one transaction,
so a failure leaves the store as it was before that article.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from casefile.evaluate import Report, load_gold, score
from casefile.extract import EXTRACTOR_VERSION, extract_many, load_nlp
from casefile.model import Article, Extraction, Skipped
from casefile.sources import read_path, read_paths
from casefile.store import Store


@dataclass
class IngestReport:
    new: int = 0
    duplicates: int = 0
    extracted: int = 0
    events: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    undated: list[str] = field(default_factory=list)


def ingest(
    paths: Iterable[Path],
    store: Store,
    published: date | None = None,
    on_item: Callable[[str], None] | None = None,
) -> IngestReport:
    """Read every input, store new articles, extract the ones not yet read by this extractor."""
    report = IngestReport()
    pending: list[Article] = []
    for item in read_paths(paths, published):
        if on_item is not None:
            on_item(item.source if isinstance(item, Skipped) else (item.url or item.label))
        if isinstance(item, Skipped):
            report.skipped.append(item)
            continue
        if item.published is None:
            report.undated.append(item.label)
        if store.add_article(item):
            report.new += 1
        else:
            report.duplicates += 1
        if not store.has_extraction(item.id, EXTRACTOR_VERSION):
            pending.append(item)
    for extraction in extract_many(pending, load_nlp()):
        store.save_extraction(extraction)
        report.extracted += 1
        report.events += len(extraction.events)
    return report


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
        store.save_extraction(extraction)
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
