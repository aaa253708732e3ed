"""The main job, as library functions the front ends call: read, extract, store.

`ingest` is what `casefile ingest` and `casefile demo` do. It never stops a
batch for one bad input: an unreadable file, a value no store can hold
(`sources.storable`) or an article the rules fail on becomes a `Skipped` in
the report, and the rest goes on.

Each article goes through three steps, each safe to repeat: it is stored,
indexed and, if it is a syndicated copy of a stored article, linked to it
(`news.copies.add_and_link`, a partition per transaction), then extracted
(`Store.save_extractions`: its events, people and extractor version
together, a partition per transaction), and at the end of the batch its
people are resolved with the rest of the batch's (`store.pending`). An
article stored but never extracted is unfinished: the
next `ingest` of it (running the interrupted batch again) or any
`reextract` finishes it, linking it if it is a copy, then extracting it. So
a crash anywhere (a kill between any two steps) leaves nothing that the
next run does not complete: no duplicate article (the id is
the text's hash), no copy left unlinked, no article without extraction, no
extraction without its people.
`tests/test_crash.py` kills an ingesting process at each of these points.

Extraction is the costly part and the only one that can run elsewhere: it is
a pure function, passed in as an `Extractor` (this process by default,
`casefile.cluster` for Dask workers). Whatever extracts, this module writes,
in input order and one partition per transaction, so a store filled by many
workers ends exactly as one filled by one process, and a killed run leaves
whole partitions behind for the next run to complete. Articles are stored
and linked a partition at a time just before they go to the extractor, so a cluster's
workers extract while this process stores and saves.

Inputs may be URLs (fetched by `sources.fetch`, safely). A syndicated copy of
a stored article keeps only the events its own sentences add
(`casefile.news.syndication`). Very long texts are analysed up to a limit
(`extract.limits`), and the report names them. After anything new is
stored, the watch list is checked and alerts are raised (`casefile.news.alerts`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Protocol

from casefile.evaluate.events import Report, load_gold, score
from casefile.extract import (
    EXTRACTOR_VERSION,
    MAX_ANALYSED_CHARS,
    extract_many,
    extract_or_skip,
    load_nlp,
)
from casefile.model import Article, Extraction, Skipped
from casefile.news.alerts import DEFAULT_DAYS, raise_alerts
from casefile.news.copies import Link, add_and_link, article_text, link_copy, originals_of
from casefile.news.syndication import drop_shared_events
from casefile.news.watchlist import Alert
from casefile.partitions import partitions
from casefile.sources import read_path
from casefile.sources.fetch import Fetcher, FetchPolicy
from casefile.sources.storable import storable, storable_extraction
from casefile.sources.url import read_inputs
from casefile.store import Store

log = logging.getLogger(__name__)

# Articles per partition when extracting in this process: each partition's
# extractions are saved in one transaction, so there are few commits, yet a
# crash loses little work.
PARTITION_SIZE = 32

# Articles saved between two resolutions of their people: resolving once for many
# articles reads each shared surname's mentions once (`store.pending`), and a run over
# an archive still shows its cases as it goes.
RESOLVE_EVERY = 2000

Extractor = Callable[[Iterable[Article]], Iterator[list[Extraction | Skipped]]]
"""Articles in; their extractions (or why not) out in partitions, in input order."""


class Progress(Protocol):
    """What a front end is told while a batch runs (`cli/progress.py` draws it with Rich)."""

    def read(self, label: str) -> None:
        """One input was read (an article or a skipped input)."""

    def extracting(self, total: int, skipped: int) -> None:
        """Inputs are read: `total` articles to go through, `skipped` inputs were unreadable."""

    def extracted(self, count: int) -> None:
        """`count` more articles were extracted and saved (or found unreadable by the rules)."""

    def skipped(self, count: int) -> None:
        """`count` more articles needed nothing: this extractor version had read them."""


class Quiet:
    """A `Progress` that tells nobody."""

    def read(self, label: str) -> None:
        pass

    def extracting(self, total: int, skipped: int) -> None:
        pass

    def extracted(self, count: int) -> None:
        pass

    def skipped(self, count: int) -> None:
        pass


def extract_here(articles: Iterable[Article]) -> Iterator[list[Extraction | Skipped]]:
    """The default `Extractor`: spaCy in this process."""
    nlp = load_nlp()
    for part in partitions(articles, PARTITION_SIZE):
        yield list(extract_or_skip(part, nlp))


@dataclass
class IngestReport:
    new: int = 0
    duplicates: int = 0
    extracted: int = 0
    events: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    already_extracted: int = 0  # stored articles this extractor version had read before
    undated: list[str] = field(default_factory=list)
    syndicated: int = 0  # articles that are copies of a stored one
    alerts: list[Alert] = field(default_factory=list)
    cut: list[str] = field(default_factory=list)  # one line per text analysed only in part


def ingest(
    paths: Iterable[Path | str],
    store: Store,
    published: date | None = None,
    progress: Progress | None = None,
    fetcher: Fetcher | None = None,
    alert_days: int = DEFAULT_DAYS,
    allow_private: bool = False,
    extractor: Extractor | None = None,
) -> IngestReport:
    """Read every input (files, folders, http(s) URLs), store and extract, raise alerts.

    URLs are fetched with `fetcher`, else under the default policy, which
    refuses private addresses unless `allow_private`.
    """
    policy = FetchPolicy(allow_private=allow_private)
    items = read_inputs(paths, published, fetcher, policy)
    return ingest_items(items, store, progress, alert_days, extractor)


def ingest_items(
    items: Iterable[Article | Skipped],
    store: Store,
    progress: Progress | None = None,
    alert_days: int = DEFAULT_DAYS,
    extractor: Extractor | None = None,
) -> IngestReport:
    """Store and link new articles, extract the ones not yet read by this extractor, raise alerts.

    An article of the batch that an interrupted run stored but never
    extracted is linked and extracted as if it were new. Inputs are read
    first (so the run knows its size), then stored and extracted as a stream.
    """
    progress = progress or Quiet()
    report = IngestReport()
    articles: list[Article] = []
    for item in items:
        progress.read(item.source if isinstance(item, Skipped) else (item.url or item.label))
        if isinstance(item, Article):
            item = storable(item)
        if isinstance(item, Skipped):
            report.skipped.append(item)
        else:
            articles.append(item)
    progress.extracting(len(articles), len(report.skipped))
    pending = _store_new(store, articles, report, progress)
    _extract_and_save(store, pending, report, progress, extractor or extract_here)
    store.resolve_pending()  # the batch's people at once (and those a killed run left)
    if report.extracted:
        store.resolve_people()
    if report.new or report.extracted:
        report.alerts = raise_alerts(store, days=alert_days)
    return report


def _store_new(
    store: Store, articles: Iterable[Article], report: IngestReport, progress: Progress
) -> Iterator[Article]:
    """Store and link each article (a partition per transaction); yield those this extractor
    version has not read yet."""
    sent: set[str] = set()  # a batch may hold one text twice
    for part in partitions(articles, PARTITION_SIZE):
        for article, added in zip(part, add_and_link(store, part), strict=True):
            if article.published is None:
                report.undated.append(article.label)
            report.new += added.new
            report.duplicates += not added.new
            report.syndicated += added.link is not None
            if article.id in sent or EXTRACTOR_VERSION in added.extractors:
                report.already_extracted += article.id not in sent
                progress.skipped(1)
                continue
            sent.add(article.id)
            yield article


def _extract_and_save(
    store: Store,
    articles: Iterable[Article],
    report: IngestReport,
    progress: Progress,
    extractor: Extractor,
) -> None:
    """Extract and save, a partition per transaction; an article the rules fail on is
    reported and left unfinished.

    People are resolved every `RESOLVE_EVERY` articles (so a long run's cases
    show while it goes on), and by the caller at the end (`store.pending`).
    """
    unresolved = 0
    for part in extractor(_warn_if_cut(articles, report)):
        read = [storable_extraction(x) for x in part if isinstance(x, Extraction)]
        links = originals_of(store, [extraction.article.id for extraction in read])
        saved = [_without_copied_events(store, x, links.get(x.article.id)) for x in read]
        store.save_extractions(saved, resolve=False)
        unresolved += len(saved)
        if unresolved >= RESOLVE_EVERY:
            store.resolve_pending()
            unresolved = 0
        report.skipped.extend(x for x in part if isinstance(x, Skipped))
        report.extracted += len(saved)
        report.events += sum(len(extraction.events) for extraction in saved)
        progress.extracted(len(part))


def _warn_if_cut(articles: Iterable[Article], report: IngestReport) -> Iterator[Article]:
    for article in articles:
        if line := cut_warning(article):
            report.cut.append(line)
        yield article


def cut_warning(article: Article) -> str | None:
    """The one line that says an article is analysed only in part, or None."""
    if len(article.text) <= MAX_ANALYSED_CHARS:
        return None
    return (
        f"warning: {article.label} is {len(article.text):,} characters long; "
        f"only the first {MAX_ANALYSED_CHARS:,} are analysed"
    )


def _without_copied_events(store: Store, extraction: Extraction, link: Link | None) -> Extraction:
    """A syndicated copy keeps only the events of sentences its original does not have."""
    original = article_text(store, link.original_id) if link else None
    return drop_shared_events(extraction, original) if original else extraction


def reextract(
    store: Store,
    everything: bool = False,
    on_problem: Callable[[str], None] | None = None,
    progress: Progress | None = None,
    extractor: Extractor | None = None,
) -> int:
    """Re-read stored articles with the current extractor; analysts' corrections stay in force.

    Only articles not yet read by this extractor version, unless `everything`
    (then a killed run, restarted, reads them all again); articles an
    interrupted run left unextracted are linked first if they are copies.
    Returns how many articles were extracted; each article that could not be
    (or is analysed only in part) is one line to `on_problem`.
    """
    progress = progress or Quiet()
    # an analyst's source note (a call, a court document) holds their events, never ours
    stored = [article for article in store.articles() if not article.analyst_entered]
    done = set() if everything else store.extracted([a.id for a in stored], EXTRACTOR_VERSION)
    articles = [article for article in stored if article.id not in done]
    for article in store.unextracted():
        link_copy(store, article)
    progress.extracting(len(stored), 0)
    progress.skipped(len(done))
    report = IngestReport()
    _extract_and_save(store, articles, report, progress, extractor or extract_here)
    for line in [
        *report.cut,
        *(f"skipped {item.source}: {item.reason}" for item in report.skipped),
    ]:
        log.warning("%s", line)
        if on_problem is not None:
            on_problem(line)
    store.resolve_pending()
    store.resolve_people()
    return report.extracted


def extract_path(path: Path, published: date | None = None) -> Iterator[Extraction | Skipped]:
    """Extraction without a store, in input order (`casefile extract`)."""
    items = [
        storable(item) if isinstance(item, Article) else item for item in read_path(path, published)
    ]
    articles = [item for item in items if isinstance(item, Article)]
    extractions = iter(extract_or_skip(articles, load_nlp()))
    for item in items:
        yield item if isinstance(item, Skipped) else next(extractions)


def evaluate_gold(path: Path, types: set[str] | None = None) -> Report:
    """Score the extractor on a gold file, its articles cleaned as ingestion cleans them."""
    gold = load_gold(path)
    extractions = extract_many((record.to_article() for record in gold), load_nlp())
    return score(gold, [list(extraction.events) for extraction in extractions], types=types)
