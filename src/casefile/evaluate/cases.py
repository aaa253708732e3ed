"""Scoring the case layer against a gold file whose events carry a `person` key.

Two figures (issue 5, "Measured"):

- **Person clustering**, B-cubed over the gold events whose subject has a
  proper name (`named`): each such event is an item, its gold cluster the
  `person` key, its predicted cluster the case its matched prediction was
  filed under. B-cubed precision asks how many of an item's predicted
  companions are really the same person; recall, how many of its real
  companions were found. Gold events no prediction matched (the extractor
  missed them) cannot be placed and are left out; `coverage` says how many.
- **Case timelines**, precision/recall/F1 of the predicted case events
  against each person's gold events merged across articles (`merge_gold`:
  same type, same person, compatible dates, countries and outcomes make one
  event, never two events of one article). A predicted case stands for the
  gold person most of its reports belong to; each gold case event matches at
  most one predicted event of that person's cases (same type, dates agreeing
  as in `evaluate.dates_agree`, countries compatible), dated gold first. A
  gold case event is optional when all its reports are; optional ones are
  neither rewarded nor penalised, as in `evaluate.score`.

Predicted events are aligned with gold events article by article with the
event scorer's own matching (`evaluate.match_article`), so the same code
scores the layer on gold input (every gold event fed in as an `Event`) and
end to end from the extractor. Pure: gold and cases in, figures out.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any

from casefile.cases.names import is_description, name_key, same_person
from casefile.cases.records import Case, CaseEvent
from casefile.evaluate.events import GoldArticle, GoldEvent, Scores, dates_agree, match_article
from casefile.model import Event, Extraction, Person

# Person keys of gold subjects that are not proper names (dev/README.md: groups, unnamed people).
UNNAMED_PREFIXES = ("group-", "unnamed-")


@dataclass(frozen=True)
class BCubed:
    """B-cubed precision and recall, averaged over items."""

    precision: float
    recall: float
    items: int

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "items": self.items,
        }


def bcubed(pairs: Sequence[tuple[Hashable, Hashable]]) -> BCubed:
    """B-cubed over items given as (gold cluster, predicted cluster) pairs."""
    if not pairs:
        return BCubed(0.0, 0.0, 0)
    gold_sizes = Counter(gold for gold, _ in pairs)
    predicted_sizes = Counter(predicted for _, predicted in pairs)
    shared = Counter(pairs)
    precision = sum(shared[pair] / predicted_sizes[pair[1]] for pair in pairs) / len(pairs)
    recall = sum(shared[pair] / gold_sizes[pair[0]] for pair in pairs) / len(pairs)
    return BCubed(precision, recall, len(pairs))


def named(event: GoldEvent) -> bool:
    """Whether a gold subject is a proper name: not a group, not unnamed, capitalised."""
    person = event.person or ""
    return not person.startswith(UNNAMED_PREFIXES) and not is_description(event.subject)


@dataclass(frozen=True)
class GoldCaseEvent:
    """One person's gold event merged across articles."""

    person: str
    type: str
    date: str | None
    country: str | None
    outcome: str | None
    optional: bool
    named: bool
    reports: int


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def _agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def merge_gold(gold: Sequence[GoldArticle]) -> list[GoldCaseEvent]:
    """Each person's gold events across articles, reports of one event merged.

    Greedy: the most precisely dated reports first, each joining the first
    event it is compatible with (type, dates, countries, outcomes; another
    article than every report already in it).
    """
    reports = [
        (-len(event.date or ""), article_index, event_index, article.id, event)
        for article_index, article in enumerate(gold)
        for event_index, event in enumerate(article.events)
        if event.person
    ]
    clusters: list[list[tuple[str, GoldEvent]]] = []
    for _, _, _, article_id, event in sorted(reports, key=lambda r: r[:3]):
        for cluster in clusters:
            if all(
                other.person == event.person
                and other.type == event.type
                and other_article != article_id
                and _compatible(other.date, event.date)
                and _agree(other.country, event.country)
                and _agree(other.outcome, event.outcome)
                for other_article, other in cluster
            ):
                cluster.append((article_id, event))
                break
        else:
            clusters.append([(article_id, event)])
    return [_gold_case_event([event for _, event in cluster]) for cluster in clusters]


def _gold_case_event(events: list[GoldEvent]) -> GoldCaseEvent:
    head = events[0]  # the most precisely dated
    return GoldCaseEvent(
        person=head.person or "",
        type=head.type,
        date=head.date,
        country=next((e.country for e in events if e.country), None),
        outcome=next((e.outcome for e in events if e.outcome), None),
        optional=all(e.optional for e in events),
        named=any(named(e) for e in events),
        reports=len(events),
    )


@dataclass(frozen=True)
class CaseReport:
    """The figures of one scoring run of the case layer."""

    clustering: BCubed
    named_events: int  # gold events with a proper name (the items, before alignment)
    timelines: Scores
    named_timelines: Scores  # the same, restricted to people with a proper name
    gold_people: int
    cases: int

    @property
    def coverage(self) -> float:
        return self.clustering.items / self.named_events if self.named_events else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "clustering": {**self.clustering.to_json(), "named_events": self.named_events},
            "coverage": self.coverage,
            "timelines": self.timelines.to_json(),
            "named_timelines": self.named_timelines.to_json(),
            "gold_people": self.gold_people,
            "cases": self.cases,
        }


def score_cases(
    gold: Sequence[GoldArticle], predicted: Sequence[Sequence[Event]], cases: Sequence[Case]
) -> CaseReport:
    """Score `cases` built from `predicted[i]`, the events read from `gold[i]`.

    The cases' sources must name articles by the gold ids (`Article.label`,
    i.e. `source_id` set to the gold id, as `GoldArticle.to_article` does).
    """
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold articles but {len(predicted)} prediction lists")
    filed = _filed_under(cases)
    items: list[tuple[str, int]] = []
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    named_events = 0
    for article, events in zip(gold, predicted, strict=True):
        pairs = match_article(article.events, events, article.text)
        for gold_index, gold_event in enumerate(article.events):
            if gold_event.person is None:
                continue
            if gold_index in pairs:
                subject = events[pairs[gold_index]].subject
                votes[(article.id, name_key(subject))][gold_event.person] += 1
            if not named(gold_event):
                continue
            named_events += 1
            if gold_index in pairs:
                person = filed.get((article.id, name_key(events[pairs[gold_index]].subject)))
                if person is not None:
                    items.append((gold_event.person, person))
    people = _gold_people(gold, votes)
    merged = merge_gold(gold)
    return CaseReport(
        clustering=bcubed(items),
        named_events=named_events,
        timelines=_score_timelines(merged, cases, people, named_only=False),
        named_timelines=_score_timelines(merged, cases, people, named_only=True),
        gold_people=len({event.person for event in merged}),
        cases=len(cases),
    )


def _filed_under(cases: Sequence[Case]) -> dict[tuple[str, str], int]:
    """(article label, subject key) -> the case a report with that subject was filed under."""
    return {
        (source.source.article_label, name_key(source.event.subject)): case.person
        for case in cases
        for event in case.events
        for source in event.sources
    }


def _gold_people(
    gold: Sequence[GoldArticle], votes: dict[tuple[str, str], Counter[str]]
) -> dict[tuple[str, str], str]:
    """(article id, predicted subject key) -> gold person: by matched events, else by name."""
    people = {key: counts.most_common(1)[0][0] for key, counts in votes.items()}
    for article in gold:
        for event in article.events:
            if event.person is not None:
                people.setdefault((article.id, name_key(event.subject)), event.person)
    return people


def _person_of(case: Case, gold: dict[tuple[str, str], str]) -> str | None:
    """The gold person most of a case's reports belong to."""
    counts: Counter[str] = Counter()
    for event in case.events:
        for source in event.sources:
            key = (source.source.article_label, name_key(source.event.subject))
            person = gold.get(key) or _by_name(
                source.source.article_label, source.event.subject, gold
            )
            if person is not None:
                counts[person] += 1
    return counts.most_common(1)[0][0] if counts else None


def _by_name(article: str, subject: str, gold: dict[tuple[str, str], str]) -> str | None:
    """A predicted subject no gold event matched: the one gold person of the article it names."""
    found = {
        person
        for (label, key), person in gold.items()
        if label == article and same_person(key, subject)
    }
    return found.pop() if len(found) == 1 else None


def _score_timelines(
    merged: Sequence[GoldCaseEvent],
    cases: Sequence[Case],
    people: dict[tuple[str, str], str],
    named_only: bool,
) -> Scores:
    gold_by_person: dict[str, list[GoldCaseEvent]] = defaultdict(list)
    for event in merged:
        if event.named or not named_only:
            gold_by_person[event.person].append(event)
    predicted_by_person: dict[str | None, list[CaseEvent]] = defaultdict(list)
    for case in cases:
        person = _person_of(case, people)
        if named_only and (person not in gold_by_person if person else is_description(case.name)):
            continue
        predicted_by_person[person].extend(case.events)
    total = Scores()
    for person in set(gold_by_person) | set(predicted_by_person):
        total += _match_person(gold_by_person.get(person or "", []), predicted_by_person[person])
    return total


def _match_person(gold: list[GoldCaseEvent], predicted: list[CaseEvent]) -> Scores:
    """Greedy one-to-one matching of one person's gold and predicted case events."""
    order = sorted(range(len(gold)), key=lambda i: (gold[i].optional, gold[i].date is None, i))
    taken: set[int] = set()
    to_optional = 0
    matched = 0
    for i in order:
        wanted = gold[i]
        candidates = [
            j
            for j, event in enumerate(predicted)
            if j not in taken
            and event.type == wanted.type
            and dates_agree(wanted.date, event.date)
            and _agree(wanted.country, event.country)
        ]
        if not candidates:
            continue
        exact = [j for j in candidates if predicted[j].date == wanted.date]
        taken.add((exact or candidates)[0])
        if wanted.optional:
            to_optional += 1
        else:
            matched += 1
    return Scores(
        predicted=len(predicted) - to_optional,
        gold=sum(1 for event in gold if not event.optional),
        matched=matched,
    )


def gold_extractions(gold: Sequence[GoldArticle]) -> list[Extraction]:
    """The gold events of each article as an `Extraction`, to feed the case layer gold input.

    This isolates the cross-document layer from the extractor: resolution and
    merging see exactly the annotated subjects, dates and countries. Each
    distinct subject is a `Person` of the article (a group when written
    without a capital); spans are where the evidence stands in the text.
    """
    extractions = []
    for record in gold:
        article = record.to_article()
        events = tuple(_gold_as_event(article.text, i, e) for i, e in enumerate(record.events))
        subjects = dict.fromkeys(event.subject for event in events)
        people = tuple(
            Person(name, (name,), "group" if is_description(name) else "person")
            for name in subjects
        )
        extractions.append(Extraction(article, people, events, extractor="gold"))
    return extractions


def _gold_as_event(text: str, index: int, gold: GoldEvent) -> Event:
    start = text.find(gold.evidence) if gold.evidence else -1
    span = (start, start + len(gold.evidence)) if start >= 0 else (-1 - index, -1 - index)
    return Event(
        type=gold.type,
        subject=gold.subject,
        evidence=gold.evidence,
        span=span,
        date=gold.date,
        status=gold.status,  # type: ignore[arg-type]
        outcome=gold.outcome,
        country=gold.country,
        agent=gold.agent,
        certainty=gold.certainty,  # type: ignore[arg-type]
        rule="gold",
    )
