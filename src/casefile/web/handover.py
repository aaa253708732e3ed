"""The handover document of a case: everything a lawyer taking the case over needs, on paper.

Stage, next date, overdue dates (scheduled, passed, never reported),
open conflicts, the timeline one line per event and drawn to scale, then
every event with every source and its evidence sentence, the people linked,
the analysts' notes and who reviewed what. The same dict is the print page
(`/cases/ID/handover`), its JSON twin, and the PDF (`/cases/ID/handover.pdf`),
which WeasyPrint renders from the print page's HTML.

WeasyPrint may fetch nothing: the print stylesheet is handed to it as a
string and its URL fetcher refuses every URL, so text from an article can
never make the server reach the network.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from casefile.errors import CasefileError
from casefile.web import views
from casefile.web.activity import activity_lines
from casefile.web.render import STATIC, environment
from casefile.web.views import Ctx


def handover_page(ctx: Ctx, person_id: int) -> dict[str, Any]:
    """The case as a document to hand over: print it from the browser, or get the PDF.

    `overdue` are scheduled events whose date passed with no report that
    they took place; `conflicts` the events two reports date differently;
    `reviews` who confirmed, rejected, corrected or added which event, and
    why; `notes` the analysts' notes on the case.
    """
    data = views.case_page(ctx, person_id)
    events = [item for item in data["events"] if item["state"] != "rejected"]
    keys = [source["key"] for item in data["events"] for source in item["sources"]]
    return {
        **data,
        "title": f"Case file: {data['case']['name']}",
        "generated": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "generated_by": ctx.user.name,
        "today": ctx.today.isoformat(),
        "overdue": [row for row in data["compact"] if row["unconfirmed"]],
        "conflicts": [
            item for item in events if item["case_event"] and item["case_event"]["conflict"]
        ],
        "timeline": events,
        "rejected": [item for item in data["events"] if item["state"] == "rejected"],
        "reviews": activity_lines(ctx.store, ctx.store.audit_log(object_ids=keys, limit=1000)),
        "for_pdf": False,
    }


def handover_pdf(ctx: Ctx, person_id: int) -> bytes:
    """The handover document as a PDF (A4), rendered by WeasyPrint from the print page."""
    from weasyprint import CSS, HTML  # here: it loads Pango, which only this export needs
    from weasyprint.urls import URLFetcher

    class NothingFromOutside(URLFetcher):  # type: ignore[misc]
        """Refuses every URL: the document is built from the store alone."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            raise CasefileError(f"the handover PDF loads nothing: refused {url[:80]!r}")

    data = handover_page(ctx, person_id)
    html = (
        environment()
        .get_template("handover.html")
        .render({**data, "me": None, "csrf": "", "for_pdf": True})
    )
    style = CSS(string=(STATIC / "print.css").read_text(encoding="utf-8"))
    document = HTML(string=html, url_fetcher=NothingFromOutside())
    return bytes(document.write_pdf(stylesheets=[style]))
