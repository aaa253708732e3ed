"""Hand-built extractions for the case-layer tests: invented people, invented reports.

`report(...)` makes an event; `extraction(label, published, *events)` puts
events into an article whose text is their evidence sentences, so spans are
real, and whose people are the subjects plus any `people` named beside them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from casefile.cases.names import is_description
from casefile.model import Article, Event, Extraction, Person


def report(
    type_: str,
    subject: str,
    date_: str | None = None,
    *,
    status: str = "occurred",
    outcome: str | None = None,
    country: str | None = None,
    agent: str | None = None,
    certainty: str = "asserted",
    evidence: str | None = None,
    date_text: str | None = None,
) -> Event:
    """An event; its evidence defaults to a sentence unique to its fields."""
    sentence = evidence or f"{subject}: {type_} {outcome or ''} {date_ or 'undated'} {status}."
    return Event(
        type=type_,
        subject=subject,
        evidence=sentence,
        span=(0, 0),
        date=date_,
        date_text=date_text,
        status=status,  # type: ignore[arg-type]
        outcome=outcome,
        country=country,
        agent=agent,
        certainty=certainty,  # type: ignore[arg-type]
    )


def extraction(
    label: str,
    published: str | None,
    *events: Event,
    people: tuple[str, ...] = (),
    outlet: str | None = None,
) -> Extraction:
    """An article made of the events' sentences (and a line naming `people`), its extraction.

    The text starts with the label, so two articles never share a content hash.
    """
    sentences = [f"Report {label}.", *dict.fromkeys(e.evidence for e in events)]
    if people:
        sentences.append("Also named: " + ", ".join(people) + ".")
    text = " ".join(sentences)
    placed = []
    for event in events:
        start = text.index(event.evidence)
        placed.append(replace(event, span=(start, start + len(event.evidence))))
    subjects = list(dict.fromkeys([*(e.subject for e in events), *people]))
    return Extraction(
        article=Article(
            text=text,
            published=date.fromisoformat(published) if published else None,
            outlet=outlet or f"{label} outlet",
            source_id=label,
        ),
        people=tuple(
            Person(name, (name,), "group" if is_description(name) else "person")
            for name in subjects
        ),
        events=tuple(placed),
    )
