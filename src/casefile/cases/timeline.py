"""One person's events across articles: merged, updated, checked against each other.

Each outlet reports a few facts, often the same ones: "detained in May 2025"
in one, "detained on May 13, 2025" in the next. Reports of one event become
one `CaseEvent` that keeps every source, dated as precisely as any source
dates it. Two reports are one event when they have the same type, compatible
dates (one is the other cut shorter, or one is undated: a report dated only
by its story's month counts as undated, and its month is used only when no
report reads a date), countries and outcomes, and come from different
articles (one article's two events are two events: the extractor has already
merged what it tells twice).

Then the later reports act on the earlier ones:

- a hearing "postponed until Dec. 15" makes the earlier scheduled hearing
  postponed and schedules the new date;
- a decision later suspended, overturned, carried out or upheld on appeal
  says so (`CaseEvent.updates`);
- two articles giving two different days, close together, for one decision
  are kept as two events, both flagged `conflict` for an analyst: a
  silent choice would hide the disagreement;
- a scheduled hearing is held when a court's act of the case (a decision, a
  sentence, a session) is reported done on its very day;
- a scheduled event whose date has passed with no report that it happened is
  `unconfirmed` (relative to the `today` passed in; `agenda.py` decides it, and
  every view shows it as "no news since" the last report).

The words and thresholds are data, in `data/cases.yaml`. Pure functions.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from casefile.cases.agenda import is_overdue
from casefile.cases.records import CaseEvent, SourcedEvent, Update
from casefile.cases.words import case_words
from casefile.model import Event


def merge_reports(reports: Sequence[SourcedEvent], today: date | None = None) -> list[CaseEvent]:
    """One person's reports from any number of articles -> their case events, in date order."""
    reports, moves = _read_moves(reports)
    events = [_combine(cluster) for cluster in _cluster(reports)]
    events = _flag_conflicts(events)
    events = _apply_moves(events, moves)
    events = _apply_held(events)
    events = _apply_fates(events)
    if today is not None:
        events = [mark_unconfirmed(event, today) for event in events]
    return sorted(events, key=chronological)


def chronological(event: CaseEvent) -> tuple[bool, str, date, str]:
    """Date order, undated last; then by first report."""
    return (event.date is None, event.date or "", event.first_reported or date.max, event.type)


# --- grouping reports ------------------------------------------------------------


def dates_compatible(a: str | None, b: str | None) -> bool:
    """One date is the other at a finer precision, or one is unknown ("2025-05", "2025-05-13")."""
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def _same_or_unknown(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def read_date(event: Event) -> str | None:
    """The date a report reads for an event; a story's month (`date_from == "story"`) is a
    last resort, not a reading: such a report joins a dated telling of the same event."""
    return None if event.date_from == "story" else event.date


def _precision(event: Event) -> tuple[int, int]:
    """For ordering, finest first: a date read from a sentence (or its context) before a
    story's month, then days before months before years."""
    return (event.date_from == "story", -len(event.date or ""))


def _fits(report: SourcedEvent, cluster: list[SourcedEvent]) -> bool:
    event = report.event
    return all(
        other.event.type == event.type
        and other.source.article_id != report.source.article_id
        and dates_compatible(read_date(other.event), read_date(event))
        and _same_or_unknown(other.event.country, event.country)
        and _same_or_unknown(other.event.outcome, event.outcome)
        for other in cluster
    )


def _affinity(report: SourcedEvent, cluster: list[SourcedEvent]) -> tuple[int, ...]:
    """How well a report fits a compatible cluster: same date, outcome, country, agent."""
    event = report.event
    return (
        sum(1 for o in cluster if event.date is not None and o.event.date == event.date),
        sum(1 for o in cluster if event.outcome is not None and o.event.outcome == event.outcome),
        sum(1 for o in cluster if event.country is not None and o.event.country == event.country),
        sum(1 for o in cluster if event.agent and o.event.agent == event.agent),
    )


def _cluster(reports: Sequence[SourcedEvent]) -> list[list[SourcedEvent]]:
    """Group reports of one event: the most precisely dated first, each joining its best fit."""
    order = sorted(
        range(len(reports)),
        key=lambda i: (_precision(reports[i].event), _published(reports[i]), i),
    )
    clusters: list[list[SourcedEvent]] = []
    for i in order:
        report = reports[i]
        fitting = [c for c in clusters if _fits(report, c)]
        if fitting:
            # max() keeps the first of equals: the earliest cluster wins ties.
            max(fitting, key=lambda c: _affinity(report, c)).append(report)
        else:
            clusters.append([report])
    return clusters


def _published(report: SourcedEvent) -> date:
    return report.source.published or date.min


def _combine(cluster: list[SourcedEvent]) -> CaseEvent:
    """One event from its reports: the finest date, the latest news on its status."""
    precise = sorted(cluster, key=lambda r: _precision(r.event))
    by_time = sorted(cluster, key=lambda r: (_published(r), r.source.article_label, r.event.span))
    head = precise[0].event
    return CaseEvent(
        type=head.type,
        subject=head.subject,
        date=head.date,
        status=current_status([r.event.status for r in by_time]),
        outcome=next((r.event.outcome for r in precise if r.event.outcome), None),
        country=next((r.event.country for r in precise if r.event.country), None),
        agent=next((r.event.agent for r in precise if r.event.agent), None),
        certainty="asserted"
        if any(r.event.certainty == "asserted" for r in cluster)
        else "reported",
        sources=tuple(by_time),
    )


def current_status(statuses: Sequence[str]) -> str:
    """The status the latest report gives, oldest report first.

    A later "scheduled" does not undo an earlier "postponed" or "occurred":
    background paragraphs repeat the original plan long after it changed.
    """
    status = statuses[0]
    for later in statuses[1:]:
        if later == "scheduled" and status != "scheduled":
            continue
        status = later
    return status


# --- hearings moved to a new date ------------------------------------------------------


@dataclass(frozen=True)
class _Move:
    identity: tuple[str, ...]  # the report that moved a hearing
    to: str
    published: date | None
    article: str


def _read_moves(reports: Sequence[SourcedEvent]) -> tuple[list[SourcedEvent], list[_Move]]:
    """Hearings reported as "postponed until <date>": the date is the new one, scheduled."""
    read, moves = [], []
    for report in reports:
        if _is_move(report):
            event = dataclasses.replace(report.event, status="scheduled")
            report = dataclasses.replace(report, event=event)
            moves.append(
                _Move(
                    report.identity,
                    event.date or "",
                    report.source.published,
                    report.source.article_id,
                )
            )
        read.append(report)
    return read, moves


def _is_move(report: SourcedEvent) -> bool:
    """A hearing told as the date a postponement moved it to ("postponed until Jan. 14").

    A scheduled report moves with any of the prepositions ("rescheduled for Jan. 14"); a
    report marked postponed only with "until"/"to" its own date: "the hearing set for
    Dec. 18 was postponed" is the old date, not a move to it.
    """
    event, words = report.event, case_words()
    if event.type != "hearing" or event.date is None or not event.date_text:
        return False
    if event.status not in ("scheduled", "postponed"):
        return False
    evidence = event.evidence.lower()
    if not any(word in evidence for word in words.postponement_words):
        return False
    prepositions = words.postponement_prepositions
    if event.status == "postponed":
        prepositions = tuple(p for p in prepositions if p != "for")
    pattern = (
        rf"\b(?:{'|'.join(map(re.escape, prepositions))})\s+{re.escape(event.date_text.lower())}"
    )
    return re.search(pattern, evidence) is not None


def _apply_moves(events: list[CaseEvent], moves: list[_Move]) -> list[CaseEvent]:
    """The hearing each move replaced becomes postponed; a postponed hearing names its new date."""
    events = list(events)
    for move in moves:
        new = next(
            (
                i
                for i, e in enumerate(events)
                if any(s.identity == move.identity for s in e.sources)
            ),
            None,
        )
        old = _moved_hearing(events, move)
        if new is None or old is None:
            continue
        events[old] = _postponed(events[old], move.to)
        moved_from = Update("moved_from", events[old].date, f"moved from {events[old].date}")
        events[new] = _with_update(events[new], moved_from)
    for i, event in enumerate(events):
        if event.type == "hearing" and event.status == "postponed" and not _has(event, "postponed"):
            later = _next_hearing_from_same_report(events, event)
            if later is not None:
                events[i] = _postponed(event, later)
    return events


def _moved_hearing(events: list[CaseEvent], move: _Move) -> int | None:
    """The latest hearing scheduled before the new date and known before the move was reported."""
    candidates = [
        i
        for i, e in enumerate(events)
        if e.type == "hearing"
        and e.status in ("scheduled", "postponed")
        and e.date is not None
        and e.date < move.to
        and not _has(e, "postponed")
        and (move.published is None or (e.first_reported or date.min) <= move.published)
    ]
    return max(candidates, key=lambda i: events[i].date or "", default=None)


def _next_hearing_from_same_report(events: list[CaseEvent], postponed: CaseEvent) -> str | None:
    """A hearing scheduled later by an article that reported this one postponed."""
    articles = {s.source.article_id for s in postponed.sources if s.event.status == "postponed"}
    later = [
        e.date
        for e in events
        if e.type == "hearing"
        and e.status == "scheduled"
        and e.date is not None
        and postponed.date is not None
        and e.date > postponed.date
        and articles & {s.source.article_id for s in e.sources}
    ]
    return min(later, default=None)


def _postponed(event: CaseEvent, to: str) -> CaseEvent:
    update = Update("postponed", to, f"postponed to {to}")
    return dataclasses.replace(_with_update(event, update), status="postponed")


def _has(event: CaseEvent, kind: str) -> bool:
    return any(update.kind == kind for update in event.updates)


def _with_update(event: CaseEvent, update: Update) -> CaseEvent:
    if update in event.updates:
        return event
    return dataclasses.replace(event, updates=(*event.updates, update))


# --- hearings a later act shows were held ----------------------------------------------


def _apply_held(events: list[CaseEvent]) -> list[CaseEvent]:
    """A scheduled hearing on a day a court act of the case is reported done took place
    ("a hearing is set for Jan. 20", then "the court granted the extradition on Jan. 20"):
    it is no date to wait for or chase (`data/cases.yaml`, `held_by`)."""
    held_on = {
        e.date
        for e in events
        if e.type in case_words().held_by and e.status == "occurred" and len(e.date or "") == 10
    }
    return [
        dataclasses.replace(e, status="occurred")
        if e.type == "hearing" and e.status == "scheduled" and e.date in held_on
        else e
        for e in events
    ]


# --- conflicts ---------------------------------------------------------------------------


def _flag_conflicts(events: list[CaseEvent]) -> list[CaseEvent]:
    """Flag pairs of one-off events that look like one event reported with two different days."""
    others: dict[int, list[str]] = {}
    for i, a in enumerate(events):
        for j in range(i + 1, len(events)):
            b = events[j]
            if _in_conflict(a, b):
                others.setdefault(i, []).append(b.date or "")
                others.setdefault(j, []).append(a.date or "")
    return [
        dataclasses.replace(e, conflict=True, conflicting_dates=tuple(sorted(set(others[i]))))
        if i in others
        else e
        for i, e in enumerate(events)
    ]


def _in_conflict(a: CaseEvent, b: CaseEvent) -> bool:
    words = case_words()
    if a.type != b.type or a.type not in words.conflict_types:
        return False
    if a.date is None or b.date is None or len(a.date) != 10 or len(b.date) != 10:
        return False
    if a.date == b.date or a.outcome != b.outcome or a.status != b.status:
        return False
    if not _same_or_unknown(a.country, b.country):
        return False
    days = abs((date.fromisoformat(a.date) - date.fromisoformat(b.date)).days)
    if days > words.conflict_days:
        return False
    if {s.source.article_id for s in a.sources} & {s.source.article_id for s in b.sources}:
        return False  # an article giving both days means two events
    return _instance(a.agent) == _instance(b.agent) or not a.agent or not b.agent


def _instance(agent: str | None) -> frozenset[str]:
    text = (agent or "").lower()
    return frozenset(word for word in case_words().instance_words if word in text)


# --- later decisions acting on earlier ones ---------------------------------------


@dataclass(frozen=True)
class _Fate:
    """An earlier event of `type` with `state` is `kind` by a later `by_type` with `by_state`."""

    type: str
    state: str | None  # an outcome for decisions, a status otherwise; None: any
    by_type: str
    by_state: str | None
    kind: str
    verb: str
    after_appeal: bool = False


FATES: tuple[_Fate, ...] = (
    _Fate("extradition_decision", "granted", "extradition_decision", "suspended", "suspended",
          "suspended"),
    _Fate("extradition_decision", "granted", "extradition_decision", "refused", "overturned",
          "overturned"),
    _Fate("extradition_decision", "granted", "extradition", "occurred", "carried_out",
          "carried out"),
    _Fate("asylum_decision", "denied", "asylum_decision", "granted", "overturned", "overturned"),
    _Fate("asylum_decision", "denied", "asylum_decision", "denied", "upheld",
          "appeal rejected", after_appeal=True),
    _Fate("asylum_decision", "granted", "asylum_decision", "revoked", "revoked", "revoked"),
    _Fate("deportation", "scheduled", "deportation", "occurred", "carried_out", "carried out"),
    _Fate("sentence", None, "acquittal", None, "overturned", "overturned"),
)  # fmt: skip


def _state(event: CaseEvent) -> str:
    return event.outcome or "" if event.type.endswith("_decision") else event.status


def _apply_fates(events: list[CaseEvent]) -> list[CaseEvent]:
    """Each decision learns what became of it: the first later event that acted on it."""
    order = sorted(range(len(events)), key=lambda i: events[i].when)
    found = list(events)
    for i in order:
        event = events[i]
        for fate in FATES:
            if event.type != fate.type or (fate.state and _state(event) != fate.state):
                continue
            later = _first_later(events, order, event, fate)
            if later is not None:
                found[i] = _with_update(found[i], _fate_update(fate, later))
    return found


def _first_later(
    events: list[CaseEvent], order: list[int], event: CaseEvent, fate: _Fate
) -> CaseEvent | None:
    appealed = False
    for j in order:
        other = events[j]
        if other is event or other.when <= event.when:
            continue
        if other.type == "appeal":
            appealed = True
        if other.type != fate.by_type or (fate.by_state and _state(other) != fate.by_state):
            continue
        if fate.after_appeal and not appealed:
            continue
        return other
    return None


def _fate_update(fate: _Fate, later: CaseEvent) -> Update:
    by = f" by {later.agent}" if later.agent and _institution(later.agent) else ""
    when = f" {later.date}" if later.date else ""
    return Update(fate.kind, later.date, f"{fate.verb}{by}{when}")


def _institution(agent: str) -> bool:
    """An agent worth naming in a stage line: short and capitalised ("the Supreme Court")."""
    return len(agent) <= 50 and any(word[:1].isupper() for word in agent.split())


# --- overdue ------------------------------------------------------------------------------


def mark_unconfirmed(event: CaseEvent, today: date) -> CaseEvent:
    """A scheduled event whose date has passed, with no report that it took place
    (`agenda.is_overdue`: shown as "no news since")."""
    passed = is_overdue(event, today)
    return dataclasses.replace(event, unconfirmed=passed) if passed != event.unconfirmed else event
