"""An analyst's own knowledge in a case: notes, and events no article reports.

A note (custody place, contacts, next steps) is kept with who wrote it and
when, in the audit log (`store.notes`). An event learnt from a phone call or
a court document is recorded with a source note saying where it comes from:
the note is stored as a source of its own (an article whose id starts
`analyst-note:`, outlet "analyst-entered"), so the event is sourced like
every other, shows as analyst-entered on every page, export and in the
handover document, and is never re-read by the extractor.

The subject of an added event is picked from the people already in the
store; a new person is created only when the analyst types a name as a new
person, so a typo never starts a new case unnoticed.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from casefile.errors import CasefileError
from casefile.model import ANALYST_SOURCE, Article, Event
from casefile.store.events import validate_changes
from casefile.store.review import ReviewedEvent
from casefile.web import cases
from casefile.web.review import local_path
from casefile.web.views import Ctx, options

MAX_SOURCE_NOTE = 5000


def add_note(ctx: Ctx, person_id: int, text: str, back: str = "") -> dict[str, Any]:
    """Add a note to a case (custody place, contacts, next steps): kept with who and when."""
    _, shown = cases.case_file(ctx.store, person_id, ctx.today)
    note = ctx.store.add_note(shown.id, shown.name, text, ctx.user.name)
    return {
        "done": "noted",
        "note": note.to_json(),
        "next": local_path(back) or f"/cases/{shown.id}#notes",
    }


def add_case_event_page(ctx: Ctx, person_id: int) -> dict[str, Any]:
    """The form to record an event no article reports, with the source it comes from."""
    _, shown = cases.case_file(ctx.store, person_id, ctx.today)
    draft = Event("hearing", shown.name, "", (0, 0), status="scheduled").to_json()
    return {
        "title": f"Add an event to {shown.name}'s case",
        "case": shown.to_json(),
        "draft": draft,
        "people": people_choices(ctx),
        "options": options(),
    }


def add_case_event(
    ctx: Ctx,
    person_id: int,
    type: str,
    source_note: str,
    person: int = 0,
    new_person: str = "",
    date: str = "",
    date_text: str = "",
    status: str = "occurred",
    outcome: str = "",
    country: str = "",
    agent: str = "",
    certainty: str = "asserted",
    back: str = "",
) -> dict[str, Any]:
    """Record an event learnt outside the articles (a call, a court document), with its source.

    `source_note` says where it comes from ("Phone call with the lawyer,
    12 April"); it is stored as the event's source and evidence. The subject
    is the person `person` (an id from the people list, default this case's)
    or, only when given, `new_person`, a name for a new case.
    """
    note = source_note.strip()
    if not note:
        raise CasefileError("say where this comes from: a source note is required")
    if len(note) > MAX_SOURCE_NOTE:
        raise CasefileError(f"a source note is at most {MAX_SOURCE_NOTE} characters")
    subject = chosen_subject(ctx, person or person_id, new_person)
    fields = event_fields(
        type, subject, date, date_text, status, outcome, country, agent, certainty
    )
    at = datetime.now(UTC)
    source = Article(
        text=note,
        published=ctx.today,
        title=f"Source note by {ctx.user.name}",
        outlet="analyst-entered",
        source_id=f"{ANALYST_SOURCE}{ctx.user.name}:{at:%Y%m%dT%H%M%S%f}",
    )
    ctx.store.add_article(source)
    added = _record(ctx, source.id, Event(evidence=note, span=(0, len(note)), rule="analyst",
                                          **fields))  # fmt: skip
    return {
        "done": "added",
        "event": added.to_json(),
        "next": local_path(back) or f"/cases/{added.person_id or person_id}#event-{added.id}",
    }


def add_event(
    ctx: Ctx,
    article_id: str,
    start: int,
    end: int,
    type: str,
    subject: str = "",
    new_person: str = "",
    date: str = "",
    date_text: str = "",
    status: str = "occurred",
    outcome: str = "",
    country: str = "",
    agent: str = "",
    certainty: str = "asserted",
    back: str = "",
) -> dict[str, Any]:
    """Record an event the extractor missed, read from the sentence at [start, end).

    `subject` must be a spelling of a person already in the store; a name
    for a new person goes in `new_person`, so a typo never starts a case.
    """
    article = ctx.store.article(article_id)
    if not 0 <= start < end <= len(article.text):
        raise CasefileError(f"no text between {start} and {end} in this article: pick a sentence")
    person = known_subject(ctx, subject, new_person)
    fields = event_fields(type, person, date, date_text, status, outcome, country, agent, certainty)
    event = Event(evidence=article.text[start:end], span=(start, end), rule="analyst", **fields)
    added = _record(ctx, article.id, event)
    return {
        "done": "added",
        "event": added.to_json(),
        "next": local_path(back) or f"/articles/{article.id}#event-{added.id}",
    }


def _record(ctx: Ctx, article_id: str, event: Event) -> ReviewedEvent:
    """Store an analyst's event (audited by the store) and read it back with its review state."""
    key = ctx.store.add_event(article_id, event, ctx.user.name)
    return next(item for item in ctx.store.article_events(article_id) if item.key == key)


def chosen_subject(ctx: Ctx, person_id: int, new_person: str = "") -> str:
    """The subject's name: a new person's only when typed as such, else a stored person's."""
    if new_person.strip():
        return new_person.strip()
    if not person_id:
        raise CasefileError("pick the person the event concerns, or type a new person's name")
    return ctx.store.find_person(str(person_id)).name


def known_subject(ctx: Ctx, subject: str, new_person: str = "") -> str:
    """`subject` if it is a spelling of a stored person (or `new_person` if typed)."""
    if new_person.strip():
        return new_person.strip()
    forms = {form for person in ctx.store.people() for form in person.names}
    if subject.strip() in forms:
        return subject.strip()
    raise CasefileError(
        f"no person is written {subject.strip()!r} in the store: pick one from the list, "
        "or type the name as a new person to start a new case"
    )


def people_choices(ctx: Ctx) -> list[dict[str, Any]]:
    """Everyone an added event may concern, by name (organisations and groups too)."""
    ctx.store.resolve_people()
    found = [{"id": p.id, "name": p.name, "names": list(p.names)} for p in ctx.store.people()]
    return sorted(found, key=lambda person: person["name"].casefold())


def event_fields(
    type: str,
    subject: str,
    date: str,
    date_text: str,
    status: str,
    outcome: str,
    country: str,
    agent: str,
    certainty: str,
) -> dict[str, Any]:
    """An added event's fields from a form, checked as a correction is."""
    fields: dict[str, Any] = {
        "type": type.strip(),
        "subject": subject.strip(),
        "date": date.strip() or None,
        "date_text": date_text.strip() or None,
        "status": status.strip() or "occurred",
        "outcome": outcome.strip() or None,
        "country": country.strip().upper() or None,
        "agent": agent.strip() or None,
        "certainty": certainty.strip() or "asserted",
    }
    return validate_changes(fields)
