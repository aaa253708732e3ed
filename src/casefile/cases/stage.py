"""Where a case stands, in a line: derived from its merged events, never written by hand.

"extradition granted 2026-01-30, suspended by the Supreme Court 2026-02-24;
asylum appeal rejected 2026-02-26; detained 2025-05 in KZ; next: hearing
2026-03-10". The line follows a few tracks, each summarised by its latest
decisive event and what later events did to it (`CaseEvent.updates`):
death; extradition; deportation; asylum; custody; the next scheduled date
(or the last one that passed with no news since), as `agenda.py` decides it.
Tracks with nothing to say are left out. Pure functions.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from casefile.cases.agenda import stage_part
from casefile.cases.records import CaseEvent

DECISIONS = frozenset(
    {"extradition_decision", "asylum_decision", "deportation", "sentence", "extradition"}
)
CUSTODY = {
    "arrest": "detained",
    "release": "released",
    "abduction": "abducted",
    "sentence": "sentenced",
    "acquittal": "acquitted",
}


def stage(events: Sequence[CaseEvent], today: date | None = None) -> str:
    """The case's current stage in one line of "; "-separated parts."""
    ordered = sorted(events, key=lambda e: e.when)
    parts = [
        _death(ordered),
        _extradition(ordered),
        _deportation(ordered),
        _asylum(ordered),
        _custody(ordered),
        stage_part(ordered, today),
    ]
    shown = "; ".join(part for part in parts if part)
    return shown or _latest(ordered)


def _latest(events: Sequence[CaseEvent]) -> str:
    """For cases outside every track (a designation, a wanted notice): the latest event."""
    if not events:
        return "no events yet"
    last = events[-1] if events[-1].date else max(events, key=lambda e: e.date or "")
    what = last.type.replace("_", " ") + (f" ({last.outcome})" if last.outcome else "")
    return f"{what}{_on(last)}" + ("" if last.status == "occurred" else f" ({last.status})")


def _on(event: CaseEvent) -> str:
    """ " 2026-09-09", with the other day a conflicting report gives, if any."""
    if not event.date:
        return ""
    if event.conflict:
        return f" {event.date} (another report: {', '.join(event.conflicting_dates)})"
    return f" {event.date}"


def _of(events: Sequence[CaseEvent], *types: str) -> list[CaseEvent]:
    return [e for e in events if e.type in types and e.status != "cancelled"]


def _appeal_of(events: Sequence[CaseEvent], decision: CaseEvent) -> CaseEvent | None:
    """The first appeal after `decision` with no other decision between them."""
    for event in events:
        if event.when <= decision.when or event is decision:
            continue
        if event.type == "appeal":
            return event
        if event.type in DECISIONS:
            return None
    return None


def _death(events: Sequence[CaseEvent]) -> str:
    deaths = _of(events, "death")
    return f"died{_on(deaths[-1])}" if deaths else ""


def _extradition(events: Sequence[CaseEvent]) -> str:
    decisions = _of(events, "extradition_decision")
    done = [e for e in _of(events, "extradition") if e.status == "occurred"]
    granted = [d for d in decisions if d.outcome == "granted"]
    if granted:
        decision = granted[-1]
        text = f"extradition granted{_on(decision)}"
        shown = [u.text for u in decision.updates]
        later = [d for d in decisions if d.when > decision.when and d.outcome != "granted"]
        if later and not shown:
            shown.append(f"{later[-1].outcome or 'decided'}{_on(later[-1])}")
        appeal = _appeal_of(events, decision)
        if appeal and not shown:
            shown.append(f"appealed{_on(appeal)}")
        return ", ".join([text, *shown])
    if done:
        return f"extradited{_on(done[-1])}"
    if decisions:
        return f"extradition {decisions[-1].outcome or 'decided'}{_on(decisions[-1])}"
    requests = _of(events, "extradition_request")
    if requests:
        by = f" by {requests[-1].country}" if requests[-1].country else ""
        return f"extradition requested{by}{_on(requests[-1])}"
    return ""


def _deportation(events: Sequence[CaseEvent]) -> str:
    deportations = _of(events, "deportation")
    if not deportations:
        return ""
    done = [e for e in deportations if e.status == "occurred"]
    if done:
        return f"deported{_on(done[-1])}"
    order = deportations[-1]
    appeal = _appeal_of(events, order)
    return f"deportation ordered{_on(order)}" + (f", appealed{_on(appeal)}" if appeal else "")


def _asylum(events: Sequence[CaseEvent]) -> str:
    decisions = _of(events, "asylum_decision")
    if not decisions:
        applications = _of(events, "asylum_application")
        return f"asylum applied for{_on(applications[-1])}" if applications else ""
    last = decisions[-1]
    if last.outcome == "denied":
        earlier = [d for d in decisions[:-1] if d.outcome == "denied"]
        if earlier and _appeal_of(events, earlier[-1]) is not None:
            return f"asylum appeal rejected{_on(last)}"
        appeal = _appeal_of(events, last)
        return f"asylum denied{_on(last)}" + (f", appealed{_on(appeal)}" if appeal else "")
    return f"asylum {last.outcome or 'decided'}{_on(last)}"


def _custody(events: Sequence[CaseEvent]) -> str:
    custody = [e for e in _of(events, *CUSTODY) if e.status == "occurred"]
    if not custody:
        return ""
    last = custody[-1]
    removed = [
        e
        for e in _of(events, "extradition", "deportation")
        if e.status == "occurred" and e.when > last.when
    ]
    if removed:
        return ""
    where = f" in {last.country}" if last.country and last.type == "arrest" else ""
    return f"{CUSTODY[last.type]}{_on(last)}{where}"
