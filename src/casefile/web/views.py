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

from casefile.cases import CaseFile, agenda
from casefile.countries import country_name
from casefile.errors import CasefileError, NotFoundError
from casefile.export import upcoming_calendar
from casefile.model import CERTAINTIES, EVENT_TYPES, STATUSES, Article, Event
from casefile.store import Store
from casefile.store.case_filters import CaseFilter
from casefile.store.events import EDITABLE
from casefile.store.review import ReviewedEvent
from casefile.store.users import User
from casefile.web import axis, cases, lists
from casefile.web.activity import activity_lines
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


CASE_SORTS = lists.Sorts(
    keys={
        "name": lambda case: (case["name"].casefold(),),
        "next_date": lambda case: (case["next_date"],),
        "last_change": lambda case: (case["last_change"],),
        "country": lambda case: (case.get("country"),),
    },
    default="name",
)


def cases_page(
    ctx: Ctx,
    q: str = "",
    country: str = "",
    event_type: str = "",
    status: str = "",
    review: str = "",
    date_from: str = "",
    date_to: str = "",
    sort: str = "",
    limit: int = 0,
    offset: int = 0,
) -> dict[str, Any]:
    """Every case with its stage, last change and next date; searchable, filterable, sorted, paged.

    The cases, their stage and next date are the case layer's: one case per
    person across outlets and spellings, one event per fact however many
    articles report it. `q` searches names in any script or transliteration
    (as `casefile case NAME` finds a person), and every word of it the stage,
    every source's evidence sentence and article titles; the other filters
    keep cases with at least one merged event that matches all of them
    (`review` is the state of the report the event is shown as, and
    `review=rejected` finds cases holding a rejected report;
    `date_from`/`date_to` are YYYY, YYYY-MM or YYYY-MM-DD). `sort` is
    `name`, `next_date`, `last_change` or `country` (the code of the
    country of the case's latest event), `-` before it for the reverse;
    cases without a value come last, ties go by id. `limit` (default 100)
    and `offset` page the list (see `page`). The page is read from the
    store's materialised case files (`Store.case_page`), filtered, ordered
    and paged in the query, whatever the size of the store.
    """
    filters = {
        "q": q,
        "country": country,
        "event_type": event_type,
        "status": status,
        "review": review,
        "date_from": date_from,
        "date_to": date_to,
    }
    wanted = CaseFilter(
        q=q,
        country=country,
        event_type=event_type,
        status=status,
        review=review,
        date_from=_bound(date_from, "date_from", low=True),
        date_to=_bound(date_to, "date_to", low=False),
    )
    sort = CASE_SORTS.check(sort)
    size = lists.page_size(limit, offset)
    listed = ctx.store.case_page(
        ctx.today, sort.lstrip("-"), sort.startswith("-"), offset, size, wanted=wanted
    )
    paging = lists.paging(offset, size, len(listed.cases), listed.matched)
    return _cases_data(filters, sort, listed.countries, listed.total, paging, listed.cases)


def _cases_data(
    filters: dict[str, str],
    sort: str,
    codes: list[str],
    total: int,
    paging: dict[str, Any],
    shown: list[dict[str, Any]],
) -> dict[str, Any]:
    return {
        "title": "Cases",
        "filters": {**filters, "sort": sort},
        "options": {
            **options(),
            "countries": codes,
            "country_names": {code: country_name(code) for code in codes},
            "statuses": [*STATUSES, "unconfirmed"],  # scheduled, passed, never reported
            "sorts": CASE_SORTS.choices(),
        },
        "total": total,
        "page": paging,
        "cases": [_case_json(case) for case in shown],
    }


def _case_json(line: dict[str, Any]) -> dict[str, Any]:
    """A case's line with its country named (lines materialised earlier may lack the country)."""
    code = line.get("country")
    return {**line, "country": code, "country_name": country_name(code)}


def case_page(ctx: Ctx, person_id: int, view: str = "cards") -> dict[str, Any]:
    """One case: stage, timeline of merged events with every source, linked people, what's next.

    `events` are the case layer's merged events, in date order, each with
    every source (article, outlet, publication date, evidence in context,
    certainty, review state), its conflict flag and conflicting dates, and
    whether it is unconfirmed or was postponed; then the rejected reports.
    The top-level review fields of an event (`id`, `state`, `event`,
    `as_read`, `source`) are those of the report it is shown as: review
    actions on `id` act on that stored event (see `web.cases`).
    `compact` is the timeline one line per merged event (date, what, where,
    by whom, how many sources, status) and `axis` the same events on a time
    axis drawn to scale (SVG geometry); `view=table` shows the compact
    table on the page instead of the cards.
    """
    if view not in ("cards", "table"):
        raise CasefileError(f"view must be cards or table, not {view!r}")
    found, shown = cases.case_file(ctx.store, person_id, ctx.today)
    entries = [*shown.entries, *shown.rejected]
    articles = _articles(ctx.store, {item.article_id for e in entries for item in e.reports})
    events = [_entry_json(entry, articles) for entry in entries]
    compact = compact_rows(events)
    return {
        "title": shown.name,
        "view": view,
        "case": shown.to_json(),
        "compact": compact,
        "axis": axis.axis(axis.marks(compact), ctx.today),
        "events": events,
        "upcoming": [event.to_detail_json() for event in found.upcoming],
        "next": found.upcoming[0].to_detail_json() if found.upcoming else None,
        "no_news_since": [e.to_detail_json() for e in agenda.overdue(found.case.events, ctx.today)],
        "sources": [
            {**article.to_json(), "label": article.label}
            for article in sorted(articles.values(), key=lambda a: a.published or date.max)
        ],
        "people": _linked(found),
        "notes": [
            note.to_json() for note in ctx.store.case_notes(shown.id, list(shown.case.names))
        ],
    }


# People


PEOPLE_SORTS = lists.Sorts(
    keys={
        "name": lambda person: (person["name"].casefold(),),
        "events": lambda person: (person["event_count"],),
        "articles": lambda person: (person["article_count"],),
    },
    default="name",
)


def people_page(ctx: Ctx, sort: str = "", limit: int = 0, offset: int = 0) -> dict[str, Any]:
    """Everyone in the store, with every spelling seen (and the merge form for editors).

    `sort` is `name`, `events` or `articles` (`-` before it reverses);
    `limit` and `offset` page the list.
    """
    ctx.store.resolve_people()  # the same people, and ids, as the cases list
    everyone = [person.to_json() for person in ctx.store.people()]
    ordered, sort = PEOPLE_SORTS.apply(everyone, sort, tiebreak=lambda person: (person["id"],))
    shown, paging = lists.page(ordered, limit, offset)
    return {
        "title": "People",
        "sort": sort,
        "page": paging,
        "people": shown,
        "everyone": [{"id": person["id"], "name": person["name"]} for person in everyone],
    }


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


ARTICLE_SORTS = lists.Sorts(
    keys={
        "published": lambda article: (article["published"],),
        "title": lambda article: ((article["title"] or article["label"]).casefold(),),
        "outlet": lambda article: ((article["outlet"] or "").casefold() or None,),
        "events": lambda article: (article["event_count"],),
    },
    default="published",
)


def articles_page(ctx: Ctx, sort: str = "", limit: int = 0, offset: int = 0) -> dict[str, Any]:
    """Every stored article with how many events were read in it; sorted and paged.

    `sort` is `published` (the default), `title`, `outlet` or `events`
    (`-` before it reverses; undated articles come last); `limit` and
    `offset` page the list.
    """
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
    ordered, sort = ARTICLE_SORTS.apply(found, sort, tiebreak=lambda article: (article["id"],))
    shown, paging = lists.page(ordered, limit, offset)
    return {"title": "Articles", "sort": sort, "page": paging, "articles": shown}


def article_page(ctx: Ctx, article_id: str) -> dict[str, Any]:
    """An article's text, sentence by sentence, with its events highlighted, and what was cut.

    `events` are in text order (by where their sentence starts); `marks`
    gives each highlighted event's label ("arrest: Timur Saidov") by id.
    """
    article = ctx.store.article(article_id)
    events = ctx.store.article_events(article.id)
    marks = [(*item.event.span, item.id) for item in events if item.state != "rejected"]
    return {
        "title": article.title or article.label,
        "article": {**article.to_json(), "label": article.label, "length": len(article.text)},
        "sentences": paragraphs_of_sentences(article.text, marks),
        "marks": {
            str(item.id): f"{_label(item.event.type, item.event.outcome)}: {item.event.subject}"
            for item in events
        },
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
        "people": [
            {"id": p.id, "name": p.name, "names": list(p.names)}
            for p in sorted(ctx.store.people(), key=lambda p: p.name.casefold())
        ],
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


def upcoming_page(
    ctx: Ctx, days: int = 0, limit: int = 0, offset: int = 0, passed_offset: int = 0
) -> dict[str, Any]:
    """Scheduled hearings and deadlines from today on, by date then name; paged.

    `limit` and `offset` page the upcoming dates; the dates passed with no
    news since (`no_news_since`, latest first) are paged with the same
    `limit` from `passed_offset` (`passed_page` says where). Both are read
    from the store's materialised agenda, a page at a time.
    """
    days = days or ctx.settings.upcoming_days
    size = lists.page_size(limit, offset)
    if passed_offset < 0:
        raise CasefileError(f"passed_offset must be 0 or more, not {passed_offset}")
    found = ctx.store.upcoming_page(ctx.today, days, offset, size)
    passed = ctx.store.overdue_page(ctx.today, passed_offset, size)
    return {
        "title": "Upcoming hearings and deadlines",
        "today": ctx.today.isoformat(),
        "days": days,
        "page": lists.paging(offset, size, len(found.items), found.total),
        "upcoming": [
            {
                **item.to_json(),
                "label": item.event.type.replace("_", " "),
                "country_name": country_name(item.event.country),
            }
            for item in found.items
        ],
        "passed_page": lists.paging(passed_offset, size, len(passed.items), passed.total),
        "no_news_since": [
            {**item.to_json(), "label": item.event.type.replace("_", " ")} for item in passed.items
        ],
    }


def changes_page(ctx: Ctx, since: str = "", limit: int = 0, offset: int = 0) -> dict[str, Any]:
    """What changed since a day: what is new in each case, and who reviewed what.

    `cases` is the case layer's `store.changes(since)`: new cases and events,
    new spellings, stage, status, date and outcome changes, conflicts,
    updates, new sources, analysts' corrections and merges or splits.
    `activity` is the audit log of reviews since then, each line saying
    what was done to which event or case, the fields changed and the
    reason, with the ids to link to. `limit` and `offset` page the cases.
    """
    start = _day(since, "since") or ctx.today - timedelta(days=ctx.settings.changes_days)
    moment = datetime.combine(start, time.min, tzinfo=UTC)
    changed, paging = lists.page(ctx.store.changes(moment, ctx.today), limit, offset)
    return {
        "title": "Recent changes",
        "since": start.isoformat(),
        "page": paging,
        "cases": [{"id": case.person, **case.to_json()} for case in changed],
        "activity": activity_lines(ctx.store, ctx.store.audit_log(since=moment)),
    }


# Helpers


def compact_rows(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The timeline one line per merged event (rejected reports left out), numbered."""
    rows: list[dict[str, Any]] = []
    for item in events:
        if item["state"] == "rejected":
            continue
        shown = item["case_event"] or item["event"]
        rows.append(
            {
                "number": len(rows) + 1,
                "id": item["id"],
                "date": shown["date"],
                "date_from": shown["date_from"],
                "type": shown["type"],
                "label": item["label"],
                "status": shown["status"],
                "country": shown["country"],
                "country_name": country_name(shown["country"]),
                "agent": shown["agent"],
                "sources": len(item["sources"]),
                "state": item["state"],
                "origin": item["origin"],
                "conflict": bool(item["case_event"] and item["case_event"]["conflict"]),
                "unconfirmed": bool(item["case_event"] and item["case_event"]["unconfirmed"]),
            }
        )
    return rows


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


def _day(value: str, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CasefileError(f"{name} must be a date like 2026-01-30, not {value!r}") from None


def upcoming_feed(ctx: Ctx, days: int = 0, token: str = "") -> bytes:
    """The upcoming hearings and deadlines as an iCalendar feed.

    Calendar apps cannot send a header: `token` is a read-only feed token
    (`casefile user feed NAME`), good for this feed only and revocable on
    its own; the app takes it before the view is called.
    """
    found = ctx.store.upcoming(ctx.today, days or ctx.settings.upcoming_days)
    return upcoming_calendar(found, base_url=ctx.base_url)
