"""One event told in several sentences is one event (GUIDELINES.md).

News stories repeat themselves: the lead summarises ("denied his request for
asylum"), the body gives details ("on March 3, 2025, the board rejected his
asylum claim"). Mentions of the same type and subject merge when their dates and
countries are compatible. Undated mentions are the risky case: for events a
person usually has once per story (a decision, a request, a charge) they merge
with their dated telling; for events that recur (arrests, flights, releases)
only a mention in the lead does, since that is where summaries sit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from casefile.extract.lexicon import load_lexicon
from casefile.model import Event

LEAD_SENTENCES = 2


def compatible_dates(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    return a.startswith(b) or b.startswith(a)


def _compatible(a: Event, b: Event) -> bool:
    return (
        a.type == b.type
        and a.subject == b.subject
        and compatible_dates(a.date, b.date)
        and (
            a.country is None
            or b.country is None
            or a.country == b.country
            or a.type in load_lexicon().story.told_once  # "seized near his Tbilisi home",
        )  # "Azerbaijani forces were behind his abduction": one abduction
        and (a.outcome is None or b.outcome is None or a.outcome == b.outcome)
        and a.status == b.status
    )


def _may_merge(a: Event, b: Event, lead_end: int) -> bool:
    if not _compatible(a, b):
        return False
    if a.span == b.span:
        return True
    if (a.date is None) == (b.date is None):
        return True  # both dated and compatible, or two undated tellings of one event
    if a.type in load_lexicon().story.once_per_story:
        return True
    undated = a if a.date is None else b
    return undated.span[0] < lead_end and (a.date is not None or b.date is not None)


def _combine(a: Event, b: Event) -> Event:
    """Keep the most specific telling as evidence, and every field either one knows."""

    def specificity(e: Event) -> tuple[int, int]:
        return (len(e.date or ""), sum(x is not None for x in (e.country, e.agent, e.outcome)))

    best, other = (a, b) if specificity(a) >= specificity(b) else (b, a)
    dated = best if len(best.date or "") >= len(other.date or "") else other
    return replace(
        best,
        date=dated.date,
        date_text=best.date_text or other.date_text,
        date_from=dated.date_from,
        country=best.country or other.country,
        agent=best.agent or other.agent,
        outcome=best.outcome or other.outcome,
        certainty="asserted" if "asserted" in (a.certainty, b.certainty) else "reported",
    )


def merge_events(events: list[Event], lead_end: int, retold: bool = True) -> list[Event]:
    """Merge mentions of one event; `lead_end` is the character offset where the lead ends."""
    within_sentences = _merge_pass(events, lambda a, b: a.span == b.span and _compatible(a, b))
    across = _merge_pass(within_sentences, lambda a, b: _may_merge(a, b, lead_end))
    if retold:
        across = _merge_pass(shared_day(_retold(across)), lambda a, b: _may_merge(a, b, lead_end))
    return sorted(across, key=lambda e: e.span[0])


def shared_day(events: list[Event]) -> list[Event]:
    """A coarse date made exact by the one day the article gives that kind of event.

    "Gunmen seized seven men on Friday, October 18" ... "the men were snatched off the
    streets last week" ... "the October abductions": one raid, told for its members
    with dates of every precision. Where the article dates that person's event of that
    type to one day only, or (for the `raids` types of events.yaml) that type to one day
    for anyone, a coarser date of the month that contains the day is that day. Two
    different days leave the coarse dates alone.
    """
    raids = load_lexicon().story.raids
    days: dict[tuple[str, str | None], set[str]] = {}
    for event in events:
        if event.date is not None and len(event.date) == 10 and event.status == "occurred":
            days.setdefault((event.type, event.subject), set()).add(event.date)
            if event.type in raids:
                days.setdefault((event.type, None), set()).add(event.date)
    result = []
    for event in events:
        if event.date is not None and len(event.date) == 7 and event.status == "occurred":
            own = days.get((event.type, event.subject), set())
            told = own or days.get((event.type, None), set())
            within = [day for day in told if day.startswith(event.date)]
            if len(within) == 1 and len(told) == 1:
                event = replace(event, date=within[0])
        result.append(event)
    return result


def _retold(events: list[Event]) -> list[Event]:
    """An undated retelling joins the one dated telling it fits, in the same place.

    "disappeared in Tbilisi on Monday evening" ... "he was seized near his
    Tbilisi home": one abduction. With two dated tellings to choose from, or a
    place the undated one names and the dated one does not ("detained in
    Kyrgyzstan" beside "detained again in 2022"), they stay apart: a new place
    usually means a new episode.
    """
    result = list(events)
    for undated in [e for e in events if e.date is None]:
        fits = [
            e
            for e in result
            if e.date is not None
            and _compatible(e, undated)
            and (undated.country is None or e.country == undated.country)
        ]
        dated_of_kind = [
            e
            for e in result
            if e.date is not None and (e.type, e.subject) == (undated.type, undated.subject)
        ]
        if len(fits) == 1 and len(dated_of_kind) == 1 and undated in result:
            result.remove(undated)
            result[result.index(fits[0])] = _combine(fits[0], undated)
    return result


def _merge_pass(events: list[Event], may_merge: Callable[[Event, Event], bool]) -> list[Event]:
    merged: list[Event] = []
    for event in events:
        for index, kept in enumerate(merged):
            if may_merge(kept, event):
                merged[index] = _combine(kept, event)
                break
        else:
            merged.append(event)
    return merged
