"""The `casefile` command: a thin shell over `casefile.pipeline` and `casefile.store`.

Every command is a few lines against the library. Nothing heavy is imported
at start-up (spaCy, the web stack, Dask, the case layer): each command
imports what it uses, so `casefile --help` or `casefile upcoming` answer
at once. Errors the library raises on
purpose (`CasefileError`) become one line on stderr and exit code 1, in
`main()` and nowhere else. `--json` output is a contract read by benchmarks
outside the project: keep it stable.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from casefile.cli.cases import register as register_cases
from casefile.cli.news import register as register_watch
from casefile.cli.web import register as register_web
from casefile.errors import CasefileError

if TYPE_CHECKING:
    from casefile.cases.records import CaseFile
    from casefile.pipeline import Extractor

app = typer.Typer(
    help="Sourced case files on people persecuted across borders, from news reports.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()
# Messages are one line each, whatever the terminal width, and file names are
# printed as they are: no wrapping, no Rich markup.
errors = Console(stderr=True, soft_wrap=True, markup=False, highlight=False)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="CASEFILE_DB",
        help="SQLAlchemy URL of the store [default: sqlite:///casefile.db]",
    ),
]
PublishedOption = Annotated[
    str | None,
    typer.Option("--published", help="Publication date YYYY-MM-DD for inputs that do not give one"),
]


@app.callback()
def configure(
    log_level: Annotated[
        str, typer.Option("--log-level", help="Logging level; debug shows dropped events")
    ] = "warning",
) -> None:
    """Sourced case files on people persecuted across borders, from news reports."""
    logging.basicConfig(level=log_level.upper(), format="%(levelname)s %(name)s: %(message)s")


def _date(value: str | None, what: str = "--published") -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CasefileError(f"{what} must be a date like 2026-01-30, not {value!r}") from None


def _open(db: str | None):
    from casefile.store import Store

    return Store.open(db)


WorkersOption = Annotated[
    int | None,
    typer.Option(
        "--workers", help="Extract in N local worker processes (a Dask LocalCluster)", min=1
    ),
]
SchedulerOption = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        help="Extract on the Dask cluster whose scheduler is at tcp://HOST:PORT",
    ),
]
PartitionOption = Annotated[
    int | None,
    typer.Option(
        "--partition-size", help="Articles per task sent to a worker [default: 16]", min=1
    ),
]


@contextmanager
def _extractor(
    workers: int | None, scheduler: str | None, partition_size: int | None
) -> Iterator[Extractor | None]:
    """A Dask cluster's extractor if asked for one, else None (extract in this process)."""
    if not workers and not scheduler:
        yield None
        return
    from casefile.cluster import PARTITION_SIZE, ClusterSpec, open_cluster

    spec = ClusterSpec(workers or 0, scheduler, partition_size or PARTITION_SIZE)
    with open_cluster(spec) as extractor:
        yield extractor


@app.command()
def ingest(
    paths: Annotated[
        list[str], typer.Argument(help="Files or folders (.txt, .html, .jsonl), or http(s) URLs")
    ],
    published: PublishedOption = None,
    db: DbOption = None,
    allow_private: Annotated[
        bool,
        typer.Option("--allow-private", help="Let URLs reach private and loopback addresses"),
    ] = False,
    workers: WorkersOption = None,
    scheduler: SchedulerOption = None,
    partition_size: PartitionOption = None,
) -> None:
    """Read articles (files or URLs) into the store and extract their events (idempotent).

    A run that is stopped can be started again: it extracts only what is missing.
    """
    from casefile.cli.progress import run_progress
    from casefile.pipeline import ingest as run_ingest

    with (
        _open(db) as store,
        _extractor(workers, scheduler, partition_size) as extractor,
        run_progress(errors, "extract") as progress,
    ):
        report = run_ingest(
            paths,
            store,
            _date(published),
            progress=progress,
            allow_private=allow_private,
            extractor=extractor,
        )
    for skipped in report.skipped:
        errors.print(f"skipped {skipped.source}: {skipped.reason}", highlight=False)
    for label in report.undated:
        errors.print(
            f"warning: {label} has no publication date; relative dates left unresolved",
            highlight=False,
        )
    for line in report.cut:
        errors.print(line, highlight=False)
    console.print(
        f"{report.new} new article(s), {report.duplicates} already stored, "
        f"{len(report.skipped)} skipped; "
        f"{report.events} event(s) from {report.extracted} extraction(s)"
    )
    if report.syndicated or report.alerts:
        console.print(
            f"{report.syndicated} syndicated cop(ies) linked; {len(report.alerts)} new alert(s)"
        )
    if report.skipped and not (report.new or report.duplicates):
        raise typer.Exit(1)


def _print_problem(line: str) -> None:
    errors.print(line, highlight=False)


@app.command()
def reextract(
    everything: Annotated[
        bool, typer.Option("--all", help="Also articles already read by this version")
    ] = False,
    db: DbOption = None,
    workers: WorkersOption = None,
    scheduler: SchedulerOption = None,
    partition_size: PartitionOption = None,
) -> None:
    """Re-run extraction on stored articles after the lexicon or extractor changed."""
    from casefile.cli.progress import run_progress
    from casefile.pipeline import reextract as run_reextract

    with (
        _open(db) as store,
        _extractor(workers, scheduler, partition_size) as extractor,
        run_progress(errors, "re-extract") as progress,
    ):
        count = run_reextract(
            store, everything, on_problem=_print_problem, progress=progress, extractor=extractor
        )
    console.print(f"{count} article(s) re-extracted; analysts' corrections kept")


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(help="A .txt, .html or .jsonl file")],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the output contract, one object per article")
    ] = False,
    published: PublishedOption = None,
) -> None:
    """Extract people and events from one file without storing anything."""
    from casefile.cases.records import dated
    from casefile.model import Skipped
    from casefile.pipeline import cut_warning, extract_path

    failed = False
    for item in extract_path(file, _date(published)):
        if isinstance(item, Skipped):
            errors.print(f"skipped {item.source}: {item.reason}", highlight=False)
            failed = True
            continue
        if line := cut_warning(item.article):
            errors.print(line, highlight=False)
        if as_json:
            sys.stdout.write(json.dumps(item.to_json(), ensure_ascii=False) + "\n")
            continue
        table = Table(
            "type",
            "subject",
            "date",
            "status",
            "country",
            "certainty",
            "evidence",
            title=item.article.label,
        )
        for event in item.events:
            table.add_row(
                event.type,
                event.subject,
                dated(event.date, event.date_from) if event.date else "",
                event.status,
                event.country or "",
                event.certainty,
                event.evidence[:80],
            )
        console.print(table)
    if failed:
        raise typer.Exit(1)


@app.command()
def timex(
    file: Annotated[Path, typer.Argument(help="A plain text file")],
    published: PublishedOption = None,
) -> None:
    """Print the time expressions of a text file as JSON, normalized against --published."""
    from casefile.extract.timex import find_timexes
    from casefile.sources.text import decode_bytes

    try:
        text = decode_bytes(file.read_bytes())
    except OSError as error:
        raise CasefileError(f"cannot read {file}: {error.strerror}") from None
    except ValueError as error:
        raise CasefileError(f"cannot read {file}: {error}") from None
    try:
        found = find_timexes(text, _date(published))
    except (OverflowError, ValueError):  # "next year" from 9999-12-31: past the calendar
        errors.print(
            "warning: a date beyond year 9999 or before year 1; relative expressions unresolved",
            highlight=False,
        )
        try:
            found = find_timexes(text, None)
        except (OverflowError, ValueError) as error:
            raise CasefileError(f"{file}: a date beyond the calendar ({error})") from None
    print(json.dumps({"timexes": [t.to_json() for t in found]}, ensure_ascii=False))


def _print_timeline(found: CaseFile) -> None:
    """The merged timeline of `casefile case`, one row an event, as a table."""
    from casefile.cases import agenda
    from casefile.cases.records import dated

    item = found.case
    others = [n for n in item.names if n != item.name]
    title = item.name + (f" (also {', '.join(others)})" if others else "")
    table = Table(
        "date",
        "event",
        "status",
        "country",
        "sources",
        "certainty",
        title=title,
        title_justify="left",
    )
    for event in item.events:
        what = event.type.replace("_", " ") + (f" ({event.outcome})" if event.outcome else "")
        origins = [
            f"{s.source.outlet or s.source.article_label[:12]}"
            + (f" {s.source.published.isoformat()}" if s.source.published else "")
            for s in event.sources
        ]
        table.add_row(
            dated(event.date, event.date_from),
            what,
            agenda.status_text(event),
            event.country or "",
            "; ".join(origins),
            event.certainty,
        )
    console.print(table)


@app.command()
def timeline(
    name: Annotated[str, typer.Argument(help="Any spelling of the person's name, or their id")],
    today: Annotated[str | None, typer.Option(help="Count passed dates from this day")] = None,
    db: DbOption = None,
) -> None:
    """One person's case timeline: each event once, with every source, status as of today."""
    with _open(db) as store:
        found = store.case(int(name) if name.isdigit() else name, _date(today, "--today"))
    _print_timeline(found)


@app.command()
def upcoming(
    days: Annotated[int, typer.Option(help="How many days ahead")] = 30,
    today: Annotated[str | None, typer.Option(help="Count from this date instead of today")] = None,
    db: DbOption = None,
) -> None:
    """Scheduled hearings and other dated events in the coming days."""
    from casefile.store import lite  # a SQLite store's agenda, read without SQLAlchemy

    start = _date(today, "--today") or date.today()
    quick = lite.agenda(db, start, days)
    if quick is not None:
        rows, passed = quick
    else:  # another engine, or lines to bring up to the day first: the store does it
        with _open(db) as store:
            rows = store.upcoming(start, days)
            passed = store.overdue(start)
    _print_upcoming(rows, start, days)
    _print_overdue(passed)


def _print_upcoming(rows: list, start: date, days: int) -> None:  # type: ignore[type-arg]
    from casefile.cases.records import dated

    table = Table(
        "date",
        "person",
        "event",
        "country",
        "source",
        title=f"Upcoming from {start} ({days} days)",
        title_justify="left",
    )
    for row in rows:
        table.add_row(
            dated(row.event.date, row.event.date_from) if row.event.date else "",
            row.person,
            row.event.type.replace("_", " "),
            row.event.country or "",
            row.sources[0].outlet or row.sources[0].article_label[:12] if row.sources else "",
        )
    console.print(table if rows else f"nothing scheduled between {start} and {days} days later")


def _print_overdue(rows: list) -> None:  # type: ignore[type-arg]
    """Dates that passed with no report of what happened: what a monitor must chase."""
    if not rows:
        return
    table = Table(
        "date",
        "person",
        "event",
        "no news since",
        title="Passed with no news since",
        title_justify="left",
    )
    for row in rows:
        since = row.no_news_since.isoformat() if row.no_news_since else ""
        table.add_row(row.event.date or "", row.person, row.event.type.replace("_", " "), since)
    console.print(table)


@app.command("eval")
def evaluate(
    gold: Annotated[Path, typer.Argument(help="A gold .jsonl file (eval/GUIDELINES.md)")],
    types: Annotated[
        str | None,
        typer.Option(help="Comma-separated event types to score, e.g. for WikiEvents"),
    ] = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="List false positives and misses")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON")] = False,
) -> None:
    """Score the extractor against gold events: precision, recall, F1, per type, dates."""
    from casefile.evaluate.events import format_report
    from casefile.pipeline import evaluate_gold

    if not gold.exists():
        raise CasefileError(f"no such gold file: {gold}")
    report = evaluate_gold(gold, set(types.split(",")) if types else None)
    if as_json:
        print(json.dumps(report.to_json(), indent=2))
    else:
        print(format_report(report, verbose=verbose))


@app.command()
def demo(
    paths: Annotated[list[Path], typer.Argument(help="Example articles to ingest")],
    today: Annotated[str | None, typer.Option(help="Count upcoming dates from this day")] = None,
    days: Annotated[int, typer.Option(help="How many days ahead for upcoming hearings")] = 60,
    db: DbOption = None,
) -> None:
    """Ingest the example articles, then print every person's case file and what is coming up."""
    from casefile.cli.cases import print_case_file

    ingest([str(path) for path in paths], None, db)
    start = _date(today, "--today") or date.today()
    with _open(db) as store:
        for found in store.cases(start):
            if found.kind == "person" and found.events:
                console.print()
                print_case_file(store.case(found.person, start))
        console.print()
        _print_upcoming(store.upcoming(start, days), start, days)


register_web(app)
register_watch(app)
register_cases(app)


def main() -> None:
    try:
        app()
    except CasefileError as error:
        errors.print(f"error: {error}", highlight=False, markup=False)
        sys.exit(1)


if __name__ == "__main__":
    main()
