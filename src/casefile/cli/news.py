"""`casefile feeds ...`, `watch`, `watchlist ...` and `alerts`: following the news.

Registered on the main Typer app by `cli/app.py` (`register(app)`). Each command
is a few lines against `casefile.news.watch`, `casefile.news.alerts` and the store's
feed and alert functions; errors the library raises (`CasefileError`) become
one line in `cli.app.main`.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from casefile.errors import CasefileError

console = Console(soft_wrap=True)  # one line per message, whatever the width
errors = Console(stderr=True, soft_wrap=True)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="CASEFILE_DB",
        help="SQLAlchemy URL of the store [default: sqlite:///casefile.db]",
    ),
]
AllowPrivateOption = Annotated[
    bool,
    typer.Option("--allow-private", help="Let fetches reach private and loopback addresses"),
]
DaysOption = Annotated[int, typer.Option("--days", help="Alert on hearings this many days ahead")]
WebhookOption = Annotated[
    str | None, typer.Option("--webhook", help="POST new alerts as JSON to this URL")
]
SmtpOption = Annotated[
    str | None, typer.Option("--smtp", help="Mail new alerts through this SMTP server, HOST:PORT")
]
MailToOption = Annotated[
    list[str] | None, typer.Option("--mail-to", help="Recipient of alert mail (repeatable)")
]
MailFromOption = Annotated[str, typer.Option("--mail-from", help="Sender of alert mail")]

feeds_app = typer.Typer(help="The feeds `casefile watch` polls.", no_args_is_help=True)
watchlist_app = typer.Typer(
    help="The people, countries and event types that raise alerts.", no_args_is_help=True
)


def register(app: typer.Typer) -> None:
    """Add `feeds`, `watch`, `watchlist` and `alerts` to the main command."""
    app.add_typer(feeds_app, name="feeds")
    app.add_typer(watchlist_app, name="watchlist")
    app.command()(watch)
    app.command()(alerts)


def _open(db: str | None):  # type: ignore[no-untyped-def]
    from casefile.store import Store

    return Store.open(db)


def _channels(webhook: str | None, smtp: str | None, mail_to: list[str] | None, mail_from: str):  # type: ignore[no-untyped-def]
    from casefile.news.alerts import Channels

    return Channels(webhook=webhook, smtp=smtp, mail_to=tuple(mail_to or ()), mail_from=mail_from)


# feeds


@feeds_app.command("add")
def feeds_add(
    url: Annotated[str, typer.Argument(help="The feed's http(s) URL (RSS or Atom)")],
    db: DbOption = None,
) -> None:
    """Follow a feed; `casefile watch` polls it."""
    from casefile.news.feeds import add_feed

    with _open(db) as store:
        feed = add_feed(store, url)
    console.print(f"following feed #{feed.id}: {feed.url}", highlight=False)


@feeds_app.command("list")
def feeds_list(
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """The feeds followed, when each was last read, and its last error."""
    from casefile.news.feeds import feeds

    with _open(db) as store:
        found = feeds(store)
    if as_json:
        print(json.dumps([feed.to_json() for feed in found], indent=2))
        return
    table = Table("id", "url", "title", "last ok", "failures", "last error")
    for feed in found:
        table.add_row(
            str(feed.id),
            feed.url,
            feed.title or "",
            feed.ok_at.strftime("%Y-%m-%d %H:%M") if feed.ok_at else "never",
            str(feed.failures),
            (feed.last_error or "")[:80],
        )
    console.print(table if found else "no feeds yet: `casefile feeds add URL`")


@feeds_app.command("remove")
def feeds_remove(
    feed: Annotated[str, typer.Argument(help="The feed's id or URL")],
    db: DbOption = None,
) -> None:
    """Stop following a feed; the articles read from it stay."""
    from casefile.news.feeds import remove_feed

    with _open(db) as store:
        removed = remove_feed(store, feed)
    console.print(f"no longer following {removed.url}", highlight=False)


# watch


def watch(
    interval: Annotated[float, typer.Option(help="Seconds between polls")] = 900.0,
    once: Annotated[
        bool, typer.Option("--once", help="Poll every feed once now (failing ones too), then stop")
    ] = False,
    polls: Annotated[int | None, typer.Option(help="Stop after this many polls")] = None,
    delay: Annotated[float, typer.Option(help="Seconds between two requests to one host")] = 1.0,
    budget: Annotated[
        float, typer.Option(help="Seconds one poll may spend fetching; the rest waits")
    ] = 600.0,
    days: DaysOption = 14,
    allow_private: AllowPrivateOption = False,
    webhook: WebhookOption = None,
    smtp: SmtpOption = None,
    mail_to: MailToOption = None,
    mail_from: MailFromOption = "casefile@localhost",
    db: DbOption = None,
) -> None:
    """Poll the feeds on a schedule, ingest new articles, raise and send alerts."""
    from casefile.news.watch import PollReport, WatchSettings
    from casefile.news.watch import watch as run_watch
    from casefile.pipeline import ingest_items
    from casefile.sources.fetch import Fetcher, FetchPolicy

    if interval <= 0 or delay < 0 or budget <= 0:
        raise CasefileError("--interval and --budget must be positive and --delay not negative")
    channels = _channels(webhook, smtp, mail_to, mail_from)
    settings = WatchSettings(
        interval=interval, delay=delay, budget=budget, days=days, backoff_feeds=not once
    )

    def show(report: PollReport) -> None:
        for failed in report.failed:
            errors.print(f"feed failed: {failed.error}", highlight=False, markup=False)
        for line in report.entry_errors:
            errors.print(f"entry skipped: {line}", highlight=False, markup=False)
        if report.deferred:
            errors.print(
                f"poll budget of {budget:g} s spent: {report.deferred} feed(s) or entr(ies) "
                "left for the next poll",
                highlight=False,
            )
        ingest = report.ingest
        new = ingest.new if ingest else 0
        events = ingest.events if ingest else 0
        fresh = sum(result.new_entries for result in report.feeds)
        console.print(
            f"{len(report.feeds)} feed(s) polled, {len(report.failed)} failed; "
            f"{fresh} new entr(ies), {new} new article(s), {events} event(s); "
            f"{len(report.alerts)} new alert(s)",
            highlight=False,
        )
        _print_alerts(report.alerts)
        if report.delivery is not None and report.delivery.errors:
            for line in report.delivery.errors:
                errors.print(f"alert delivery failed: {line}", highlight=False, markup=False)

    with _open(db) as store, Fetcher(FetchPolicy(allow_private=allow_private)) as fetcher:
        try:
            run_watch(
                store,
                fetcher,
                settings,
                channels,
                polls=1 if once else polls,
                on_poll=show,
                ingest=ingest_items,
            )
        except KeyboardInterrupt:
            console.print("stopped")


# watchlist


@watchlist_app.command("add")
def watchlist_add(
    person: Annotated[str | None, typer.Option("--person", help="A name, any spelling")] = None,
    country: Annotated[
        str | None, typer.Option("--country", help="A two-letter country code, e.g. KZ")
    ] = None,
    event_type: Annotated[
        str | None, typer.Option("--type", help="An event type, e.g. hearing")
    ] = None,
    db: DbOption = None,
) -> None:
    """Raise alerts on a person's case, a country, or a type of event, from now on."""
    from casefile.news.watchlist import add_watch

    given = [
        (kind, value)
        for kind, value in (("person", person), ("country", country), ("type", event_type))
        if value
    ]
    if len(given) != 1:
        raise CasefileError("give exactly one of --person NAME, --country CODE, --type TYPE")
    with _open(db) as store:
        item = add_watch(store, *given[0])
    console.print(f"watching {item.kind} {item.value} (#{item.id})", highlight=False)


@watchlist_app.command("list")
def watchlist_list(db: DbOption = None) -> None:
    """What is watched."""
    from casefile.news.watchlist import watch_items

    with _open(db) as store:
        items = watch_items(store)
    table = Table("id", "kind", "value")
    for item in items:
        table.add_row(str(item.id), item.kind, item.value)
    console.print(table if items else "nothing watched yet: `casefile watchlist add --person NAME`")


@watchlist_app.command("remove")
def watchlist_remove(
    item: Annotated[int, typer.Argument(help="The item's id, from `watchlist list`")],
    db: DbOption = None,
) -> None:
    """Stop watching an item; its alerts stay."""
    from casefile.news.watchlist import remove_watch

    with _open(db) as store:
        removed = remove_watch(store, item)
    console.print(f"no longer watching {removed.kind} {removed.value}", highlight=False)


# alerts


def alerts(
    unread: Annotated[bool, typer.Option("--unread", help="Only alerts not yet read")] = False,
    mark_read: Annotated[
        bool, typer.Option("--mark-read", help="Mark the alerts listed as read")
    ] = False,
    days: DaysOption = 14,
    today: Annotated[str | None, typer.Option(help="Count hearings from this date")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
    allow_private: AllowPrivateOption = False,
    webhook: WebhookOption = None,
    smtp: SmtpOption = None,
    mail_to: MailToOption = None,
    mail_from: MailFromOption = "casefile@localhost",
    db: DbOption = None,
) -> None:
    """Check the watch list, list the alerts, and send the undelivered ones if asked."""
    from casefile.news.alerts import deliver, raise_alerts
    from casefile.news.watchlist import alerts as stored_alerts
    from casefile.news.watchlist import mark_read as mark
    from casefile.sources.fetch import Fetcher, FetchPolicy

    try:
        start = date.fromisoformat(today) if today else date.today()
    except ValueError:
        raise CasefileError(f"--today must be a date like 2026-01-30, not {today!r}") from None
    channels = _channels(webhook, smtp, mail_to, mail_from)
    with _open(db) as store:
        raise_alerts(store, start, days)
        found = stored_alerts(store, unread=unread)
        if mark_read and found:
            mark(store, [alert.id for alert in found])
        if channels.any:
            with Fetcher(FetchPolicy(allow_private=allow_private)) as fetcher:
                delivery = deliver(store, channels, fetcher)
            for line in delivery.errors:
                errors.print(f"alert delivery failed: {line}", highlight=False, markup=False)
            if delivery.sent:
                console.print(f"{delivery.sent} alert(s) sent")
    if as_json:
        print(json.dumps([alert.to_json() for alert in found], indent=2, ensure_ascii=False))
        return
    _print_alerts(found, empty="no unread alerts" if unread else "no alerts")


def _print_alerts(found: list, empty: str | None = None) -> None:  # type: ignore[type-arg]
    from casefile.news.alerts import alert_line

    if not found:
        if empty:
            console.print(empty)
        return
    for alert in found:
        mark = " " if alert.read else "*"
        console.print(f"{mark} #{alert.id} {alert_line(alert)}", highlight=False, markup=False)
