"""Every route of the workspace, in one declared list (as starlette's `routes=[...]`).

- `Page`: a view rendered as HTML at `path` and as its twins at `path.json`
  (and `path.csv` for lists). The JSON twins are the API, in the OpenAPI schema.
- `Action`: a POST that changes something (editor or admin only; CSRF-checked).
- `Export`: a file built from the store (the iCalendar feed).

Login, logout, `/`, `/static` and `/openapi.json` are added by `create_app`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from casefile.web import casework, handover, review, tables, views


@dataclass(frozen=True)
class Page:
    path: str
    view: Callable[..., dict[str, Any]]
    template: str
    csv: Callable[[dict[str, Any]], tables.Table] | None = None
    role: str = "viewer"

    @property
    def name(self) -> str:
        return self.view.__name__


@dataclass(frozen=True)
class Action:
    path: str
    view: Callable[..., dict[str, Any]]
    role: str = "editor"

    @property
    def name(self) -> str:
        return self.view.__name__


@dataclass(frozen=True)
class Export:
    path: str
    view: Callable[..., bytes]
    media_type: str
    role: str = "viewer"

    @property
    def name(self) -> str:
        return self.view.__name__


ROUTES: tuple[Page | Action | Export, ...] = (
    Page("/cases", views.cases_page, "cases.html", csv=tables.cases_table),
    Page("/cases/{person_id}", views.case_page, "case.html", csv=tables.case_table),
    Page("/cases/{person_id}/handover", handover.handover_page, "handover.html"),
    Export("/cases/{person_id}/handover.pdf", handover.handover_pdf, "application/pdf"),
    Page("/people", views.people_page, "people.html", csv=tables.people_table),
    Page("/people/{person_id}", views.person_page, "person.html"),
    Page("/articles", views.articles_page, "articles.html", csv=tables.articles_table),
    Page("/articles/{article_id}", views.article_page, "article.html"),
    Page("/articles/{article_id}/add", views.add_event_page, "add_event.html", role="editor"),
    Page("/events/{event_id}", views.event_page, "event.html"),
    Page("/upcoming", views.upcoming_page, "upcoming.html", csv=tables.upcoming_table),
    Page("/changes", views.changes_page, "changes.html"),
    Export("/upcoming.ics", views.upcoming_feed, "text/calendar"),
    Action("/events/{event_id}/confirm", review.confirm_event),
    Action("/events/{event_id}/reject", review.reject_event),
    Action("/events/{event_id}/edit", review.edit_event),
    Action("/articles/{article_id}/events", casework.add_event),
    Page(
        "/cases/{person_id}/add", casework.add_case_event_page, "add_case_event.html", role="editor"
    ),
    Action("/cases/{person_id}/events", casework.add_case_event),
    Action("/cases/{person_id}/notes", casework.add_note),
    Action("/people/merge", review.merge_people),
    Action("/people/{person_id}/split", review.split_person),
)
