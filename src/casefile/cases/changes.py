"""What is new or changed in a case since a given time.

The case as it stood then is rebuilt from the reports first seen before that
time (`as_of`) and compared with the case now (`diff_case`): new events, a
date refined, a status changed by an update (a hearing postponed), a
conflict flagged, a decision suspended, another outlet reporting the same
event, a new stage. Events are matched across the two by their reports, so
an event whose date or status changed is one changed event, not one gone
and one new. Pure functions.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from casefile.cases.records import Case, CaseEvent, Change, SourcedEvent


def as_of(reports: Sequence[SourcedEvent], since: datetime) -> list[SourcedEvent]:
    """The reports known before `since` (reports with no first-seen time count as known)."""
    return [r for r in reports if r.first_seen is None or r.first_seen < since]


def describe(event: CaseEvent) -> str:
    """An event in a few words: "extradition decision (granted) 2026-04-07, scheduled"."""
    what = event.type.replace("_", " ") + (f" ({event.outcome})" if event.outcome else "")
    status = "" if event.status == "occurred" else f", {event.status}"
    return f"{what} {event.date or 'undated'}{status}"


def diff_case(before: Case | None, after: Case) -> list[Change]:
    """The changes from `before` (None: the case did not exist) to `after`."""
    if before is None or not before.events:
        return [Change("new_case", f"new case: {after.name}")] + [
            Change("new_event", f"new: {describe(e)}", e) for e in after.events
        ]
    old = {s.identity: e for e in before.events for s in e.sources}
    changes: list[Change] = []
    for event in after.events:
        earlier = next((old[s.identity] for s in event.sources if s.identity in old), None)
        if earlier is None:
            changes.append(Change("new_event", f"new: {describe(event)}", event))
        else:
            changes.extend(_event_changes(earlier, event, set(old)))
    added = [n for n in after.names if n not in before.names]
    if added:
        changes.append(Change("names", "also written " + ", ".join(added)))
    if before.stage != after.stage:
        changes.append(Change("stage", f"stage now: {after.stage} (was: {before.stage})"))
    return changes


def _event_changes(
    before: CaseEvent, after: CaseEvent, known: set[tuple[str, ...]]
) -> list[Change]:
    label = f"{after.type.replace('_', ' ')} {before.date or 'undated'}"
    changes = []
    if after.date != before.date:
        verb = (
            "refined to"
            if before.date is None or (after.date or "").startswith(before.date)
            else "now"
        )
        changes.append(Change("date", f"{label}: date {verb} {after.date}", after))
    if after.status != before.status:
        changes.append(Change("status", f"{label}: {before.status} -> {after.status}", after))
    if after.outcome != before.outcome:
        changes.append(Change("outcome", f"{label}: outcome {after.outcome}", after))
    if after.conflict and not before.conflict:
        dates = ", ".join(after.conflicting_dates)
        changes.append(Change("conflict", f"{label}: conflicting report gives {dates}", after))
    for update in after.updates:
        if update not in before.updates:
            changes.append(Change("update", f"{label}: {update.text}", after))
    for source in after.sources:
        if source.identity not in known:
            outlet = source.source.outlet or source.source.article_label[:12]
            changes.append(Change("source", f"{label}: also reported by {outlet}", after))
    return changes
