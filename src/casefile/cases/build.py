"""Many extractions -> cases: resolve people, merge their events, derive the stage.

    cases = build_cases(extractions, decisions=(), today=date(2026, 3, 1))

`build_cases` is the whole layer for extractions in memory (the benchmark,
tests). The store runs the same steps over what it holds: `resolve` once
after ingestion, then `assemble_case` per person on every read. Pure
functions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, datetime

from casefile.cases import agenda
from casefile.cases.linked import linked_people
from casefile.cases.names import name_key
from casefile.cases.records import (
    Case,
    CaseEvent,
    CaseFile,
    PersonDecision,
    ResolvedPerson,
    SourcedEvent,
)
from casefile.cases.resolve import mention_id, mentions_of, resolve
from casefile.cases.stage import stage
from casefile.cases.timeline import merge_reports
from casefile.model import Extraction, Source


def build_cases(
    extractions: Iterable[Extraction],
    decisions: Sequence[PersonDecision] = (),
    today: date | None = None,
) -> list[Case]:
    """Every person of these articles with their merged, dated, sourced case."""
    extractions = list(extractions)
    people = resolve([m for x in extractions for m in mentions_of(x)], decisions)
    reports = reports_by_mention(extractions)
    return [
        assemble_case(person, [r for m in person.mentions for r in reports[m]], today)
        for person in people
    ]


def build_case_files(
    extractions: Iterable[Extraction],
    decisions: Sequence[PersonDecision] = (),
    today: date | None = None,
) -> list[CaseFile]:
    """`build_cases` plus linked people and upcoming dates, as `casefile case` shows them."""
    extractions = list(extractions)
    cases = build_cases(extractions, decisions, today)
    people = {x.article.id: x.people for x in extractions}
    texts = {x.article.id: x.article.text for x in extractions}
    day = today or date.today()
    return [
        CaseFile(case, tuple(linked_people(case, people, texts, cases)), upcoming(case, day), day)
        for case in cases
    ]


def sourced(extraction: Extraction, first_seen: datetime | None = None) -> list[SourcedEvent]:
    """An article's events, each with its source."""
    article = extraction.article
    return [
        SourcedEvent(
            event=event,
            source=Source(
                article_id=article.id,
                article_label=article.label,
                evidence=event.evidence,
                certainty=event.certainty,
                outlet=article.outlet,
                published=article.published,
                url=article.url,
            ),
            first_seen=first_seen,
        )
        for event in extraction.events
    ]


def reports_by_mention(extractions: Iterable[Extraction]) -> dict[str, list[SourcedEvent]]:
    """Each mention's reports (mention ids as `resolve.mention_id` makes them)."""
    found: dict[str, list[SourcedEvent]] = defaultdict(list)
    for extraction in extractions:
        for report in sourced(extraction):
            if name_key(report.event.subject):
                found[mention_id(extraction.article.id, report.event.subject)].append(report)
    return found


def assemble_case(
    person: ResolvedPerson, reports: Sequence[SourcedEvent], today: date | None = None
) -> Case:
    """One person's case from their reports: merged events, articles, stage."""
    events = merge_reports(reports, today)
    by_time = sorted(
        reports, key=lambda r: (r.source.published or date.max, r.source.article_label)
    )
    return Case(
        person=person.id,
        name=person.name,
        names=person.names,
        articles=tuple(dict.fromkeys(r.source.article_label for r in by_time)),
        stage=stage(events, today),
        events=tuple(events),
        kind=person.kind,
    )


def upcoming(case: Case, today: date) -> tuple[CaseEvent, ...]:
    """The case's upcoming dates, soonest first (`agenda.upcoming`: the one answer)."""
    return tuple(agenda.upcoming(case.events, today))
