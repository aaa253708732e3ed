"""The pages of the workspace, as functions that return dicts.

Each view takes the request context and its parameters and returns plain
JSON-ready data: the HTML template and the `.json` twin are two renderers of
the same dict (STYLE.md, "every page has a JSON twin"). No HTTP and no SQL
here: views call the store and `web.cases`, which pairs the store's case layer
(`store.cases()`, `store.case()`) with the review state of each stored event.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from casefile.cases import CaseFile
from casefile.errors import CasefileError, NotFoundError
from casefile.export import upcoming_calendar
from casefile.model import CERTAINTIES, EVENT_TYPES, STATUSES, Article, Event
from casefile.store import Store
from casefile.store.case_index import CasePage
from casefile.store.events import EDITABLE
from casefile.store.review import ReviewedEvent
from casefile.store.users import User
from casefile.web import cases
from casefile.web.settings import WebSettings
from casefile.web.text import paragraphs_of_sentences, snippet

REVIEW_STATES: tuple[str, ...] = ("unreviewed", "confirmed", "edited", "rejected")


@dataclass(frozen=True)
class Ctx:
    """What every view gets: the store, the settings, who is asking."""

    store: Store
    settings: WebSettings
    user: User
    base_url: str = ""

    @property
    def today(self) -> date:
        return self.settings.current_date()


def options() -> dict[str, Any]:
    """The choices of the filter and edit forms."""
    return {
        "types": list(EVENT_TYPES),
        "statuses": list(STATUSES),
        "certainties": list(CERTAINTIES),
        "reviews": list(REVIEW_STATES),
        "editable": list(EDITABLE),
    }


# Cases


def cases_page(
    ctx: Ctx,
    q: str = "",
    country: str = "",
    event_type: str = "",
    status: str = "",
    review: str = "",
    date_from: str = "",
    date_to: str = "",
    limit: int = 0,
    offset: int = 0,
) -> dict[str, Any]:
    """Every case with its stage, last change and next date; searchable and filterable.

    The cases, their stage and next date are the case layer's: one case per
    person across outlets and spellings, one event per fact however many
    articles report it. `q` searches names, the stage, every source's
    evidence sentence and article titles (every word must occur); the other
    filters keep cases with at least one merged event that matches all of
    them (`review` is the state of the report the event is shown as;
    `date_from`/`date_to` are YYYY, YYYY-MM or YYYY-MM-DD). `limit` (0:
    all) and `offset` page the list, by name. Without filters the lines are
    read from the store's materialised case files a page at a time
    (`Store.case_page`); filters still look at every case.
    """
    if not any((q, country, event_type, status, review, date_from, date_to)):
        return _cases_listing(ctx, ctx.store.case_page(ctx.today, offset=offset, limit=limit))
    summaries = cases.case_views(ctx.store, ctx.today)
    titles = {article.id: article.title or "" for article in ctx.store.articles()}
    found = [
        summary
        for summary in summaries
        if _matches_text(summary, q, titles)
        and _matches_events(summary, country, event_type, status, review, date_from, date_to)
    ]
    countries = sorted({e.country for s in summaries for e in s.entries if e.country})
    return {
        "title": "Cases",
        "filters": {
            "q": q,
            "country": country,
            "event_type": event_type,
            "status": status,
            "review": review,
            "date_from": date_from,
            "date_to": date_to,
        },
        "options": {
            **options(),
            "countries": countries,
            "statuses": [*STATUSES, "unconfirmed"],  # scheduled, passed, never reported
        },
        "total": len(summaries),
        "cases": [summary.to_json() for summary in found][offset:][: limit or None],
    }


def _cases_listing(ctx: Ctx, page: CasePage) -> dict[str, Any]:
    """The unfiltered cases page, from one page of the materialised lines."""
    filters = ("q", "country", "event_type", "status", "review", "date_from", "date_to")
    return {
        "title": "Cases",
        "filters": dict.fromkeys(filters, ""),
        "options": {
            **options(),
            "countries": page.countries,
            "statuses": [*STATUSES, "unconfirmed"],  # scheduled, passed, never reported
        },
        "total": page.total,
        "cases": page.cases,
    }


def case_page(ctx: Ctx, person_id: int) -> dict[str, Any]:
    """One case: stage, timeline of merged events with every source, linked people, what's next.

    `events` are the case layer's merged events, in date order, each with
    every source (article, outlet, publication date, evidence in context,
    certainty, review state), its conflict flag and conflicting dates, and
    whether it is unconfirmed or was postponed; then the rejected reports.
    The top-level review fields of an event (`id`, `state`, `event`,
    `as_read`, `source`) are those of the report it is shown as: review
    actions on `id` act on that stored event (see `web.cases`).
    """
    found, shown = cases.case_file(ctx.store, person_id, ctx.today)
    entries = [*shown.entries, *shown.rejected]
    articles = _articles(ctx.store, {item.article_id for e in entries for item in e.reports})
    return {
        "title": shown.name,
        "case": shown.to_json(),
        "events": [_entry_json(entry, articles) for entry in entries],
        "upcoming": [event.to_detail_json() for event in found.upcoming],
        "sources": [
            {**article.to_json(), "label": article.label}
            for article in sorted(articles.values(), key=lambda a: a.published or date.max)
        ],
        "people": _linked(found),
    }


# People


def people_page(ctx: Ctx) -> dict[str, Any]:
    """Everyone in the store, with every spelling seen (and the merge form for editors)."""
    ctx.store.resolve_people()  # the same people, and ids, as the cases list
    return {"title": "People", "people": [person.to_json() for person in ctx.store.people()]}


def person_page(ctx: Ctx, person_id: int) -> dict[str, Any]:
    """A person: names, articles and events (and the merge and split forms for editors).

    A split takes out the events under some spellings or from some articles
    (`names`, `articles`): the case layer stores it as those mentions, so it
    holds through re-extraction and new articles.
    """
    ctx.store.resolve_people()
    person = ctx.store.find_person(str(person_id))
    events = ctx.store.person_events(person.id)
    shown = [item for item in events if item.state != "rejected"]
    articles = _articles(ctx.store, {item.article_id for item in shown})
    return {
        "title": person.name,
        "person": person.to_json(),
        "articles": [
            {
                **article.to_json(),
                "label": article.label,
                "names": sorted({i.event.subject for i in shown if i.article_id == article.id}),
            }
            for article in sorted(articles.values(), key=lambda a: a.published or date.max)
        ],
        "events": [_event_json(item, None) for item in events],
        "others": [p.to_json() for p in ctx.store.people() if p.id != person.id],
    }


# Articles


def articles_page(ctx: Ctx) -> dict[str, Any]:
    """Every stored article, by publication date, with how many events were read in it."""
    found = []
    for article in ctx.store.articles():
        events = ctx.store.article_events(article.id)
        found.append(
            {
                **article.to_json(),
                "label": article.label,
                "event_count": sum(1 for item in events if item.state != "rejected"),
                "cut_count": len(article.cuts),
            }
        )
    return {"title": "Articles", "articles": found}


def article_page(ctx: Ctx, article_id: str) -> dict[str, Any]:
    """An article's text, sentence by sentence, with its events highlighted, and what was cut."""
    article = ctx.store.article(article_id)
    events = ctx.store.article_events(article.id)
    marks = [(*item.event.span, item.id) for item in events if item.state != "rejected"]
    return {
        "title": article.title or article.label,
        "article": {**article.to_json(), "label": article.label, "length": len(article.text)},
        "sentences": paragraphs_of_sentences(article.text, marks),
        "events": [_event_json(item, article.text) for item in events],
        "cuts": [cut.to_json() for cut in article.cuts],
    }


def add_event_page(ctx: Ctx, article_id: str, start: int, end: int) -> dict[str, Any]:
    """The form to record an event the extractor missed, from a sentence of an article."""
    article = ctx.store.article(article_id)
    if not 0 <= start < end <= len(article.text):
        raise CasefileError(f"no text between {start} and {end} in this article: pick a sentence")
    return {
        "title": "Add an event",
        "article": {**article.to_json(), "label": article.label},
        "span": [start, end],
        "sentence": article.text[start:end],
        "snippet": snippet(article.text, (start, end)),
        "draft": Event("arrest", "", article.text[start:end], (start, end)).to_json(),
        "options": options(),
    }


# Events


def event_page(ctx: Ctx, event_id: int) -> dict[str, Any]:
    """One event for review: as read, as corrected, its evidence, and its history."""
    item = ctx.store.reviewed_event(event_id)
    article = ctx.store.article(item.article_id)
    person = None
    if item.person_id is not None:
        try:
            person = ctx.store.find_person(str(item.person_id)).to_json()
        except NotFoundError:
            person = None
    return {
        "title": f"{item.event.type.replace('_', ' ')}: {item.event.subject}",
        "event": _event_json(item, article.text),
        "article": {**article.to_json(), "label": article.label},
        "person": person,
        "history": [entry.to_json() for entry in ctx.store.audit_log(object_id=item.key)],
        "options": options(),
    }


# Dates


def upcoming_page(ctx: Ctx, days: int = 0) -> dict[str, Any]:
    """Scheduled hearings and deadlines from today on."""
    days = days or ctx.settings.upcoming_days
    found = ctx.store.upcoming(ctx.today, days)
    return {
        "title": "Upcoming hearings and deadlines",
        "today": ctx.today.isoformat(),
        "days": days,
        "upcoming": [
            {**item.to_json(), "label": item.event.type.replace("_", " ")} for item in found
        ],
    }


def changes_page(ctx: Ctx, since: str = "") -> dict[str, Any]:
    """What changed since a day: what is new in each case, and who reviewed what.

    `cases` is the case layer's `store.changes(since)`: new cases and events,
    new spellings, stage, status, date and outcome changes, conflicts,
    updates, new sources, analysts' corrections and merges or splits.
    `activity` is the audit log of reviews since then.
    """
    start = _day(since, "since") or ctx.today - timedelta(days=ctx.settings.changes_days)
    moment = datetime.combine(start, time.min, tzinfo=UTC)
    changed = ctx.store.changes(moment, ctx.today)
    return {
        "title": "Recent changes",
        "since": start.isoformat(),
        "cases": [{"id": case.person, **case.to_json()} for case in changed],
        "activity": [entry.to_json() for entry in ctx.store.audit_log(since=moment)],
    }


# Helpers


def _event_json(item: ReviewedEvent, text: str | None) -> dict[str, Any]:
    data = item.to_json()
    event = item.event
    data["label"] = _label(event.type, event.outcome)
    if text is not None:
        data["snippet"] = snippet(text, event.span)
    return data


def _entry_json(entry: cases.Entry, articles: dict[str, Article]) -> dict[str, Any]:
    """A timeline entry: the shown report's review fields, the merged event, every source."""
    shown = entry.shown
    data = _event_json(shown, articles[shown.article_id].text)
    merged = entry.case_event
    detail = merged.to_detail_json() if merged is not None else None
    sources = detail.pop("sources") if detail is not None else [_report_source(shown)]
    if merged is not None:
        data["label"] = _label(merged.type, merged.outcome)
    data["case_event"] = detail
    reports = {item.id: item for item in entry.reports}
    data["sources"] = []
    for source in sources:
        item = reports.get(source["event_id"])
        if item is None:
            continue
        article = articles[item.article_id]
        data["sources"].append(
            {
                **source,
                "title": article.title,
                "state": item.state,
                "origin": item.origin,
                "shown": item.id == shown.id,
                "snippet": snippet(article.text, item.event.span),
            }
        )
    return data


def _report_source(item: ReviewedEvent) -> dict[str, Any]:
    """A stored event's source in the shape of the case layer's source details."""
    return {
        **item.source.to_json(),
        "subject": item.event.subject,
        "date": item.event.date,
        "date_from": item.event.date_from,
        "status": item.event.status,
        "event_id": item.id,
        "key": item.key,
    }


def _linked(found: CaseFile) -> list[dict[str, Any]]:
    """The people named beside the person, with their role and their own case (`id`)."""
    return [{**person.to_json(), "id": person.person} for person in found.linked]


def _label(type_: str, outcome: str | None) -> str:
    return type_.replace("_", " ") + (f" ({outcome})" if outcome else "")


def _articles(store: Store, ids: set[str]) -> dict[str, Article]:
    return {article_id: store.article(article_id) for article_id in sorted(ids)}


def _matches_text(summary: cases.CaseView, q: str, titles: dict[str, str]) -> bool:
    words = q.casefold().split()
    if not words:
        return True
    haystack = " ".join(
        [
            *summary.case.names,
            summary.case.stage,
            *(text for entry in summary.entries for text in entry.texts()),
            *(titles.get(article_id, "") for article_id in summary.article_ids),
        ]
    ).casefold()
    return all(word in haystack for word in words)


def _matches_events(
    summary: cases.CaseView,
    country: str,
    event_type: str,
    status: str,
    review: str,
    date_from: str,
    date_to: str,
) -> bool:
    if not any((country, event_type, status, review, date_from, date_to)):
        return True
    first = _bound(date_from, "date_from", low=True)
    last = _bound(date_to, "date_to", low=False)
    for entry in summary.entries:
        if country and (entry.country or "").casefold() != country.casefold():
            continue
        if event_type and entry.type != event_type:
            continue
        if (
            status
            and entry.status != status
            and not (status == "unconfirmed" and entry.unconfirmed)
        ):
            continue
        if review and entry.state != review:
            continue
        if (first or last) and not _overlaps(entry.date, first, last):
            continue
        return True
    return False


def _bound(value: str, name: str, low: bool) -> str:
    """A partial date widened to a full day: 2025 -> 2025-01-01 (low) or 2025-12-31 (high)."""
    if not value:
        return ""
    parts = value.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else (1 if low else 12)
        if len(parts) > 2:
            return date(year, month, int(parts[2])).isoformat()
        if low:
            return date(year, month, 1).isoformat()
        following = date(year + month // 12, month % 12 + 1, 1)
        return (following - timedelta(days=1)).isoformat()
    except (ValueError, IndexError):
        raise CasefileError(f"{name} must be YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}") from None


def _overlaps(value: str | None, first: str, last: str) -> bool:
    if not value:
        return False
    low, high = _bound(value, "date", low=True), _bound(value, "date", low=False)
    return (not first or high >= first) and (not last or low <= last)


def _day(value: str, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CasefileError(f"{name} must be a date like 2026-01-30, not {value!r}") from None


def upcoming_feed(ctx: Ctx, days: int = 0) -> bytes:
    """The upcoming hearings and deadlines as an iCalendar feed."""
    found = ctx.store.upcoming(ctx.today, days or ctx.settings.upcoming_days)
    return upcoming_calendar(found, base_url=ctx.base_url)
