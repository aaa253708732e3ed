"""The renderers of a view's dict: HTML (Jinja2), JSON, CSV; and the error pages.

Jinja2 runs with autoescape on for every template and StrictUndefined, and
no template marks anything `|safe`: article text reaches the page escaped,
whatever it contains (a test checks the templates for `|safe`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from casefile.cases.records import DATE_FROM_NOTES
from casefile.countries import country_name
from casefile.export import to_csv
from casefile.store.users import LoginSession
from casefile.web.tables import Table

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"

NAV = (
    ("/cases", "Cases"),
    ("/upcoming", "Upcoming"),
    ("/changes", "Changes"),
    ("/articles", "Articles"),
    ("/people", "People"),
)


def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["words"] = lambda value: str(value or "").replace("_", " ")
    env.globals["date_from_notes"] = DATE_FROM_NOTES  # the `date_of` macro's wording
    env.globals["with_query"] = with_query
    env.globals["country_name"] = country_name
    return env


def with_query(path: str, query: str, **changes: Any) -> str:
    """`path?query` with some parameters set (None removes one): the pager's and sorter's links."""
    kept = [(name, value) for name, value in parse_qsl(query, keep_blank_values=True)
            if name not in changes and name != "done"]  # fmt: skip
    kept += [(name, str(value)) for name, value in changes.items() if value is not None]
    return f"{path}?{urlencode(kept)}" if kept else path


# What the page after a change says was done (`?done=` from `review.with_notice`).
NOTICES = {
    "confirmed": "Confirmed: the event stands as the article reads it.",
    "rejected": "Rejected: the event left the case. Confirm it to bring it back.",
    "edited": "Correction saved: it is in the history and stays in force after re-extraction.",
    "added": "Event added, marked as analyst-entered.",
    "merged": "Merged: the two people are one case now.",
    "split": "Split: the events you ticked are another person's now.",
    "noted": "Note added to the case.",
}


class Renderer:
    """Turns a view's dict into a response in one format."""

    def __init__(self) -> None:
        self.env = environment()

    def html(
        self,
        request: Request,
        template: str,
        data: dict[str, Any],
        login: LoginSession | None,
        status: int = 200,
        twins: tuple[str, ...] = (),
    ) -> HTMLResponse:
        path = request.url.path
        query = f"?{request.url.query}" if request.url.query else ""
        context = {
            **data,
            "me": _me(login),
            "csrf": login.csrf_token if login else "",
            "path": path,
            "here": path + query,
            "query": request.url.query,
            "nav": NAV,
            "notice": NOTICES.get(request.query_params.get("done", ""), ""),
            "twins": [(fmt, f"{path}.{fmt}{query}") for fmt in twins],
        }
        body = self.env.get_template(template).render(context)
        return HTMLResponse(body, status_code=status)

    def error(
        self, request: Request, fmt: str, status: int, message: str, login: LoginSession | None
    ) -> Response:
        if fmt != "html":
            return JSONResponse({"error": message, "status": status}, status_code=status)
        data = {"title": _TITLES.get(status, "Error"), "message": message, "status": status}
        return self.html(request, "error.html", data, login, status=status)


def json_response(data: dict[str, Any], status: int = 200) -> JSONResponse:
    return JSONResponse(data, status_code=status)


def csv_response(table: Table, name: str) -> Response:
    columns, rows = table
    return Response(
        to_csv(columns, rows),
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="{name}.csv"'},
    )


def _me(login: LoginSession | None) -> dict[str, Any] | None:
    if login is None:
        return None
    user = login.user
    return {**user.to_json(), "can_edit": user.can("editor"), "is_admin": user.can("admin")}


_TITLES = {
    400: "That did not work",
    401: "Please log in",
    403: "Not allowed",
    404: "Not found",
    429: "Too many attempts",
}
