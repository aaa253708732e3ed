"""Following feeds: poll each on a schedule, ingest what is new, raise and send alerts.

One poll (`poll`) goes through the feeds that are due, each independently:

- a conditional GET (If-None-Match / If-Modified-Since from the last answer),
  so an unchanged feed costs one 304;
- a politeness delay between two requests to the same host (`HostThrottle`),
  so following ten feeds of one outlet does not hammer it;
- transient failures (timeouts, 5xx, 429, unreachable) retried at once with
  exponential backoff (`sources.fetch.retrying`), and a feed that still
  fails is polled again only after `interval * 2**(failures-1)` (at most a
  day), its error kept for `casefile feeds list`;
- every new entry's page fetched through the same safe fetcher and read
  like any URL; entries already handled are remembered per feed;
- a budget: at most `max_entries` new entries per feed, and no fetch is
  started once the poll has spent `budget` seconds; the feeds and entries
  not reached are counted in `deferred` and are read by the next poll (a
  fetch under way can add at most its own limit, `FetchPolicy.total_timeout`
  per attempt).

A broken feed — unreachable, refused, malformed XML, or anything unexpected
— is one line in the report; the other feeds go on. The new articles of all
feeds are then ingested together by the `ingest` the caller passes
(`pipeline.ingest_items`: extraction, syndicated copies, alerts), and the
undelivered alerts sent. The pipeline is passed in, not imported: it uses
this package's copies and alerts, so following the news sits below it.

`watch` repeats `poll` every `interval` seconds, `polls` times (or forever).
Clock and sleep are injected so tests need not wait.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol
from urllib.parse import urlsplit

from casefile.model import Article, Skipped
from casefile.news import feeds as stored
from casefile.news.alerts import DEFAULT_DAYS, Channels, Delivery, deliver, raise_alerts
from casefile.news.feeds import FeedInfo, SeenEntry
from casefile.news.watchlist import Alert
from casefile.sources.feeds import FeedEntry, FeedError, parse_feed
from casefile.sources.fetch import (
    FEED_TYPES,
    PAGE_TYPES,
    Fetched,
    Fetcher,
    FetchError,
    retrying,
)
from casefile.sources.url import article_from_fetched
from casefile.store import Store
from casefile.store.schema import utcnow

log = logging.getLogger(__name__)

MAX_BACKOFF = 24 * 3600.0


class Ingested(Protocol):
    """What a poll reads of an ingest (`pipeline.IngestReport` is one)."""

    new: int
    events: int
    syndicated: int
    alerts: list[Alert]


class Ingest(Protocol):
    """How a poll stores and extracts the new articles: `pipeline.ingest_items`."""

    def __call__(
        self, items: list[Article | Skipped], store: Store, *, alert_days: int
    ) -> Ingested: ...


@dataclass(frozen=True)
class WatchSettings:
    interval: float = 900.0  # seconds between polls
    delay: float = 1.0  # seconds between two requests to one host
    attempts: int = 3  # tries per request when the failure is transient
    backoff: float = 2.0  # seconds before the first retry; doubled each time
    max_entries: int = 50  # new entries read per feed per poll
    budget: float = 600.0  # seconds a poll may spend fetching; what is left waits for the next
    days: int = DEFAULT_DAYS  # hearings this close raise an alert
    backoff_feeds: bool = True  # False: poll failing feeds too (a one-off `watch --once`)


@dataclass(frozen=True)
class FeedResult:
    url: str
    status: str  # ok | not_modified | failed
    new_entries: int = 0
    error: str | None = None


@dataclass
class PollReport:
    feeds: list[FeedResult] = field(default_factory=list)
    entry_errors: list[str] = field(default_factory=list)
    ingest: Ingested | None = None
    alerts: list[Alert] = field(default_factory=list)
    delivery: Delivery | None = None
    deferred: int = 0  # feeds and entries left for the next poll: the budget was spent

    @property
    def failed(self) -> list[FeedResult]:
        return [result for result in self.feeds if result.status == "failed"]


class HostThrottle:
    """Waits so that two requests to the same host are at least `delay` seconds apart."""

    def __init__(
        self,
        delay: float,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.delay = delay
        self.clock = clock
        self.sleep = sleep
        self._last: dict[str, float] = {}

    def wait(self, url: str) -> None:
        host = (urlsplit(url).hostname or "").lower()
        last = self._last.get(host)
        if last is not None:
            pause = last + self.delay - self.clock()
            if pause > 0:
                self.sleep(pause)
        self._last[host] = self.clock()


def poll(
    store: Store,
    fetcher: Fetcher,
    settings: WatchSettings | None = None,
    channels: Channels | None = None,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
    *,
    ingest: Ingest,
) -> PollReport:
    """Poll every due feed once, ingest the new articles, raise and deliver alerts."""
    settings = settings or WatchSettings()
    report = PollReport()
    throttle = HostThrottle(settings.delay, clock, sleep)
    now = utcnow()
    ends = clock() + settings.budget
    articles: list[Article | Skipped] = []
    handled: dict[int, list[SeenEntry]] = {}
    due = stored.due_feeds(store, now) if settings.backoff_feeds else stored.feeds(store)
    for feed in due:
        if clock() >= ends:  # not polled: it stays due
            report.deferred += 1
            continue
        try:
            result, new = _poll_feed(store, fetcher, feed, settings, throttle, sleep, now)
        except Exception as error:  # one broken feed never stops the others, whatever broke
            log.exception("feed %s failed unexpectedly", feed.url)
            result, new = _failed(store, feed, settings, now, f"{feed.url}: {error!r}"), []
        report.feeds.append(result)
        handled[feed.id] = []
        deferred = report.deferred
        for entry in new:
            if clock() >= ends:  # not marked seen: the next poll finds it new again
                report.deferred += 1
                continue
            seen, article = _read_entry(fetcher, entry, settings, throttle, sleep, report)
            if article is not None:
                articles.append(article)
            if seen is not None:
                handled[feed.id].append(seen)
        if report.deferred > deferred:  # forget the validators, or the next answer is a 304
            stored.record_success(store, feed.id, now)
    if articles:
        report.ingest = ingest(articles, store, alert_days=settings.days)
        report.alerts.extend(report.ingest.alerts)
    for feed_id, entries in handled.items():
        stored.mark_seen(store, feed_id, entries, now)
    report.alerts.extend(raise_alerts(store, days=settings.days))
    if channels is not None and channels.any:
        report.delivery = deliver(store, channels, fetcher)
    return report


def watch(
    store: Store,
    fetcher: Fetcher,
    settings: WatchSettings | None = None,
    channels: Channels | None = None,
    polls: int | None = None,
    on_poll: Callable[[PollReport], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
    *,
    ingest: Ingest,
) -> int:
    """Poll every `settings.interval` seconds, `polls` times (None: until interrupted)."""
    settings = settings or WatchSettings()
    count = 0
    while polls is None or count < polls:
        started = clock()
        report = poll(store, fetcher, settings, channels, sleep, clock, ingest=ingest)
        count += 1
        if on_poll is not None:
            on_poll(report)
        if polls is not None and count >= polls:
            break
        sleep(max(0.0, settings.interval - (clock() - started)))
    return count


def _poll_feed(
    store: Store,
    fetcher: Fetcher,
    feed: FeedInfo,
    settings: WatchSettings,
    throttle: HostThrottle,
    sleep: Callable[[float], None],
    now: datetime,
) -> tuple[FeedResult, list[FeedEntry]]:
    """Fetch and parse one feed; its entries not handled by an earlier poll."""

    def get() -> Fetched:
        throttle.wait(feed.url)
        return fetcher.get(feed.url, FEED_TYPES, feed.etag, feed.last_modified)

    try:
        page = retrying(get, settings.attempts, settings.backoff, sleep)
        if page.not_modified:
            stored.record_success(store, feed.id, now, not_modified=True)
            return FeedResult(feed.url, "not_modified"), []
        parsed = parse_feed(page.body, page.url)
    except (FetchError, FeedError) as error:
        return _failed(store, feed, settings, now, str(error)), []
    stored.record_success(
        store, feed.id, now, etag=page.etag, last_modified=page.last_modified, title=parsed.title
    )
    known = stored.seen_keys(store, feed.id, [entry.key for entry in parsed.entries])
    new = [entry for entry in parsed.entries if entry.key not in known][: settings.max_entries]
    return FeedResult(feed.url, "ok", len(new)), new


def _failed(
    store: Store, feed: FeedInfo, settings: WatchSettings, now: datetime, error: str
) -> FeedResult:
    """Record a failed poll; the feed is tried again after a backoff that doubles each time."""
    wait = min(settings.interval * 2**feed.failures, MAX_BACKOFF)
    stored.record_failure(store, feed.id, now, error, now + timedelta(seconds=wait))
    log.warning("%s", error)
    return FeedResult(feed.url, "failed", error=error)


def _read_entry(
    fetcher: Fetcher,
    entry: FeedEntry,
    settings: WatchSettings,
    throttle: HostThrottle,
    sleep: Callable[[float], None],
    report: PollReport,
) -> tuple[SeenEntry | None, Article | None]:
    """Fetch and read one entry's page. A transient failure leaves the entry for the next poll."""

    def get() -> Fetched:
        throttle.wait(entry.link)
        return fetcher.get(entry.link, PAGE_TYPES)

    try:
        page = retrying(get, settings.attempts, settings.backoff, sleep)
        result = article_from_fetched(page, fallback_date=entry.published)
    except FetchError as error:
        report.entry_errors.append(str(error))
        if error.retryable:
            return None, None
        return SeenEntry(entry.key, entry.link, error=error.detail), None
    except Exception as error:  # a page that breaks the reader must not break the poll
        log.exception("entry %s could not be read", entry.link)
        report.entry_errors.append(f"{entry.link}: {error!r}")
        return SeenEntry(entry.key, entry.link, error=repr(error)), None
    if isinstance(result, Skipped):
        report.entry_errors.append(f"{entry.link}: {result.reason}")
        return SeenEntry(entry.key, entry.link, error=result.reason), None
    return SeenEntry(entry.key, entry.link, article_id=result.id), result
