"""The review actions: confirm, reject or edit an event; merge or split people.

Like the views, each takes the request context and plain parameters (from a
form or an API client) and returns a dict; the store records who did it and
when in the audit log. `back` is where a browser goes next.

Adding events and notes is `web.casework`. Confirm, reject and edit act on
one stored event, by its id. On a case page
an event merged from several articles is reviewed through the report it is
shown as (`store.case_views.shown_report`); the other reports keep their own state
and are reviewed on their own pages. Merging and splitting people are the
case layer's decisions (`store.merge_people`, `store.split_person`): stored
as the mentions they concern, audited, and in force through re-extraction.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, urlencode

from casefile.errors import CasefileError
from casefile.store.events import EDITABLE, CorrectionError
from casefile.web.views import Ctx

_OPTIONAL = ("date", "date_text", "outcome", "country", "agent")


def confirm_event(ctx: Ctx, event_id: int, reason: str = "", back: str = "") -> dict[str, Any]:
    """Confirm that an event is what the article says (`reason`: why, kept in the history)."""
    ctx.store.confirm_event(event_id, ctx.user.name, reason.strip())
    return _done(ctx, event_id, "confirmed", back)


def reject_event(ctx: Ctx, event_id: int, reason: str = "", back: str = "") -> dict[str, Any]:
    """Reject an event: it leaves the case (and stays rejected after re-extraction)."""
    ctx.store.reject_event(event_id, ctx.user.name, reason.strip())
    return _done(ctx, event_id, "rejected", back)


def edit_event(
    ctx: Ctx,
    event_id: int,
    type: str | None = None,  # the event field's name, as the API and the form call it
    subject: str | None = None,
    date: str | None = None,
    date_text: str | None = None,
    status: str | None = None,
    outcome: str | None = None,
    country: str | None = None,
    agent: str | None = None,
    certainty: str | None = None,
    reason: str = "",
    back: str = "",
) -> dict[str, Any]:
    """Correct some fields of an event, saying why (`reason`, kept in the history).

    A field not sent, or sent as it is, is kept; an optional field (date,
    date as written, outcome, country, agent) sent empty is cleared; a
    required one sent empty is kept.
    """
    current = ctx.store.reviewed_event(event_id).event
    given = {
        "type": type,
        "subject": subject,
        "date": date,
        "date_text": date_text,
        "status": status,
        "outcome": outcome,
        "country": country,
        "agent": agent,
        "certainty": certainty,
    }
    changes = {}
    for field in EDITABLE:
        if given[field] is None:
            continue
        value: str | None = (given[field] or "").strip()
        if not value:
            if field not in _OPTIONAL:
                continue  # a required field left empty keeps its value
            value = None
        if field == "country" and value:
            value = value.upper()
        if value != getattr(current, field):
            changes[field] = value
    if not changes:
        raise CorrectionError("nothing changed: edit at least one field, or confirm the event")
    ctx.store.correct_event(event_id, ctx.user.name, changes, reason=reason.strip())
    return _done(ctx, event_id, "edited", back, changes)


def merge_people(ctx: Ctx, into: int, other: int, back: str = "") -> dict[str, Any]:
    """Record that the people `other` and `into` are one (one case, every spelling kept).

    The merged person keeps the id most of the events had (usually `into`'s):
    `person` in the answer is the one to use from now on.
    """
    if into == other:
        raise CasefileError("choose two different people to merge")
    merged = ctx.store.merge_people(into, other, ctx.user.name)
    return {
        "done": "merged",
        "person": merged.person,
        "case": merged.to_json(),
        "next": local_path(back) or f"/cases/{merged.person}",
    }


def split_person(
    ctx: Ctx,
    person_id: int,
    names: list[str] | None = None,
    articles: list[str] | None = None,
    back: str = "",
) -> dict[str, Any]:
    """Take the events under some spellings (`names`) or from some articles out of a person.

    They become another person, named as those articles name them; the rest
    stays. `articles` are article ids or the labels the articles came with.
    """
    names = [name.strip() for name in names or () if name.strip()]
    articles = [article.strip() for article in articles or () if article.strip()]
    if not names and not articles:
        raise CasefileError("tick at least one spelling or article to split off")
    kept, taken = ctx.store.split_person(
        person_id, names=names, articles=articles, who=ctx.user.name
    )
    return {
        "done": "split",
        "person": kept.person,
        "split_off": taken.person,
        "cases": [kept.to_json(), taken.to_json()],
        "next": local_path(back) or f"/people/{kept.person}",
    }


def _done(
    ctx: Ctx, event_id: int, what: str, back: str, changes: dict[str, Any] | None = None
) -> dict[str, Any]:
    item = ctx.store.reviewed_event(event_id)
    return {
        "done": what,
        "event": item.to_json(),
        "changes": changes or {},
        "next": local_path(back) or f"/events/{event_id}",
    }


def with_notice(path: str, done: str) -> str:
    """`path` with `done=WHAT` in its query, so the page it leads to confirms what was done.

    The page shows a fixed sentence per value (`render.NOTICES`), never the
    value itself; a `done` already in the path is replaced.
    """
    if not done:
        return path
    base, hashmark, fragment = path.partition("#")
    address, _, query = base.partition("?")
    kept = [(name, value) for name, value in parse_qsl(query, keep_blank_values=True)
            if name != "done"]  # fmt: skip
    return f"{address}?{urlencode([*kept, ('done', done)])}{hashmark}{fragment}"


def local_path(path: str) -> str:
    """`path` if it is a path on this site, else "" (no open redirects)."""
    path = path.strip()
    if path.startswith("/") and not path.startswith("//") and "\\" not in path:
        return path
    return ""
