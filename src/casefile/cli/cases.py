"""The case commands: `case`, `cases`, `changes`, and the `people` group (list, merge, split).

A thin shell over `Store.case`, `Store.cases`, `Store.changes`,
`Store.merge_people` and `Store.split_person`; the logic is in `casefile.cases`
and `casefile.store.cases`. `cases --json` is a contract read by benchmarks
outside the project (`Case.to_json`): keep it stable. Errors are
`CasefileError`s, printed in one line by `casefile.cli.app.main`.
"""

from __future__ import annotations

import getpass
import json
import os
import sys
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from casefile.errors import CasefileError

if TYPE_CHECKING:
    from casefile.cases import CaseEvent, CaseFile, LinkedPerson
    from casefile.store import Store

console = Console()
EVIDENCE_WIDTH = 110  # characters of each source's sentence shown by `casefile case`

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="CASEFILE_DB",
        help="SQLAlchemy URL of the store [default: sqlite:///casefile.db]",
    ),
]
TodayOption = Annotated[
    str | None,
    typer.Option("--today", help="Count upcoming and passed dates from this day [default: today]"),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of text")]
WhoOption = Annotated[
    str | None,
    typer.Option(
        "--who", envvar="CASEFILE_USER", help="Who decides, for the audit log [default: login name]"
    ),
]

people_app = typer.Typer(
    help="The people in the store; merge two into one, or split one into two.",
    invoke_without_command=True,
    no_args_is_help=False,
)


def register(app: typer.Typer) -> None:
    """Add the case commands to the `casefile` app."""
    app.command("case")(case)
    app.command("cases")(cases)
    app.command("changes")(changes)
    app.add_typer(people_app, name="people")


def _day(value: str | None, what: str) -> date:
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CasefileError(f"{what} must be a date like 2026-01-30, not {value!r}") from None


def _open(db: str | None) -> Store:
    from casefile.store import Store  # here: the store's imports are slow, --help need not wait

    return Store.open(db)


def _moment(value: str) -> datetime:
    """A --since value: a date is its midnight UTC, a time without zone is UTC."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise CasefileError(f"--since must be a date like 2026-01-30, not {value!r}") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _who(value: str | None) -> str:
    return value or os.environ.get("USER") or getpass.getuser()


def _print_json(value: object) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False) + "\n")


# --- case, cases, changes -----------------------------------------------------------------


def case(
    name: Annotated[str, typer.Argument(help="Any spelling of the person's name, or their id")],
    today: TodayOption = None,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """One person's case: stage, timeline with every source, linked people, upcoming dates."""
    with _open(db) as store:
        found = store.case(name, _day(today, "--today"))
    if as_json:
        _print_json(found.to_json())
    else:
        print_case_file(found)


def cases(
    today: TodayOption = None,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Every case in the store with its stage; --json prints the benchmark contract."""
    with _open(db) as store:
        found = store.cases(_day(today, "--today"))
    if as_json:
        _print_json([item.to_json() for item in found])
        return
    people = [item for item in found if item.kind == "person"]
    others = [item for item in found if item.kind != "person"]
    table = Table("id", "name", "stage", "events", "articles", title="Cases of people")
    for item in people:
        table.add_row(
            str(item.person), item.name, item.stage, str(len(item.events)), str(len(item.articles))
        )
    console.print(table)
    if others:  # as the web's case list: a group or an organisation is no person's case
        groups = Table("id", "name", "kind", "events", "articles", title="Groups and organisations")
        for item in others:
            groups.add_row(
                str(item.person),
                item.name,
                item.kind,
                str(len(item.events)),
                str(len(item.articles)),
            )
        console.print(groups)


def changes(
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            help="A date (YYYY-MM-DD: UTC midnight) or a time (ISO 8601) [default: --days ago]",
        ),
    ] = None,
    days: Annotated[
        int,
        typer.Option(
            "--days",
            envvar="CASEFILE_CHANGES_DAYS",
            min=0,
            help="Without --since: how many days back to look (as the web's changes page)",
        ),
    ] = 7,
    today: TodayOption = None,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """What is new or changed in each case since a date (by when the store first saw it)."""
    if since is None:
        start = datetime.combine(_day(today, "--today") - timedelta(days=days), time.min, UTC)
    else:
        start = _moment(since)
    with _open(db) as store:
        found = store.changes(start, _day(today, "--today"))
    if as_json:
        _print_json([item.to_json() for item in found])
        return
    if not found:
        console.print(f"nothing new since {start}", markup=False, highlight=False)
    for item in found:
        console.print(f"{item.name} (#{item.person}): {item.stage}", markup=False, highlight=False)
        for change in item.changes:
            console.print(f"  {change.kind:<10} {change.text}", markup=False, highlight=False)


def print_case_file(found: CaseFile) -> None:
    from casefile.cases import agenda
    from casefile.cases.records import dated

    item = found.case
    others = [n for n in item.names if n != item.name]
    say = _plain
    say(f"{item.name} (#{item.person})" + (f", also written {', '.join(others)}" if others else ""))
    say(f"Stage: {item.stage}")
    if found.linked:
        say("Linked: " + "; ".join(_linked(person) for person in found.linked))
    if found.upcoming:
        dates = [f"{e.type.replace('_', ' ')} {dated(e.date, e.date_from)}" for e in found.upcoming]
        say("Upcoming: " + "; ".join(dates))
    chase = agenda.overdue(item.events, found.today)
    if chase:
        dates = [f"{e.type.replace('_', ' ')} {e.date} ({_last_report(e)})" for e in chase]
        say("Passed with no news since: " + "; ".join(dates))
    count = f"{len(item.events)} events from {len(item.articles)} articles"
    say(f"Timeline ({count}, as of {found.today}):")
    for event in item.events:
        say("  " + _event_line(event))
        for sourced in event.sources:
            source = sourced.source
            where = source.outlet or source.article_label[:12]
            when = f" {source.published}" if source.published else ""
            evidence = source.evidence
            if len(evidence) > EVIDENCE_WIDTH:
                evidence = evidence[: EVIDENCE_WIDTH - 3] + "..."
            say(f"      {where}{when}, {source.certainty}: {evidence}")


def _last_report(event: CaseEvent) -> str:
    since = event.last_reported
    return f"last report {since}" if since else "never reported since"


def _plain(text: str) -> None:
    console.print(text, markup=False, highlight=False, soft_wrap=True)


def _linked(person: LinkedPerson) -> str:
    role = f" ({person.role})" if person.role else ""
    return f"{person.name}{role}" + (f" #{person.person}" if person.person else "")


def _event_line(event: CaseEvent) -> str:
    from casefile.cases import agenda
    from casefile.cases.records import dated

    what = event.type.replace("_", " ") + (f" ({event.outcome})" if event.outcome else "")
    parts = [dated(event.date, event.date_from), what, agenda.status_text(event)]
    if event.country:
        parts.append(event.country)
    parts += [update.text for update in event.updates]
    if event.conflict:
        parts.append(f"CONFLICT: another report gives {', '.join(event.conflicting_dates)}")
    return "  ".join(parts)


# --- people ---------------------------------------------------------------------------------


@people_app.callback()
def people(ctx: typer.Context, db: DbOption = None) -> None:
    """List the people in the store with every spelling seen (or merge, split: see --help)."""
    if ctx.invoked_subcommand is not None:
        return
    with _open(db) as store:
        store.resolve_people()  # a no-op unless events, corrections or decisions changed
        rows = store.people()
    table = Table("id", "name", "also written", "events", "articles")
    for person in rows:
        others = ", ".join(n for n in person.names if n != person.name)
        table.add_row(
            str(person.id), person.name, others, str(person.event_count), str(person.article_count)
        )
    console.print(table)


@people_app.command("merge")
def merge(
    first: Annotated[str, typer.Argument(help="A person: any spelling, or the id")],
    second: Annotated[str, typer.Argument(help="The person who is the same")],
    who: WhoOption = None,
    db: DbOption = None,
) -> None:
    """Record that two people are one person (kept through re-extraction and new articles)."""
    with _open(db) as store:
        merged = store.merge_people(first, second, _who(who))
    _plain(f"merged into #{merged.person} {merged.name} ({', '.join(merged.names)})")


@people_app.command("split")
def split(
    person: Annotated[str, typer.Argument(help="The person: any spelling, or the id")],
    name: Annotated[
        list[str] | None, typer.Option("--name", help="Take out the events under this name")
    ] = None,
    article: Annotated[
        list[str] | None, typer.Option("--article", help="Take out the events of this article id")
    ] = None,
    who: WhoOption = None,
    db: DbOption = None,
) -> None:
    """Record that some of a person's events are someone else's (kept through re-extraction)."""
    if not name and not article:
        raise CasefileError("say what to split off: --name NAME or --article ID")
    with _open(db) as store:
        kept, taken = store.split_person(person, name or (), article or (), _who(who))
    for item in (kept, taken):
        _plain(f"#{item.person} {item.name} ({', '.join(item.names)}): {len(item.events)} events")
