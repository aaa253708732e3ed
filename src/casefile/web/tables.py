"""CSV twins of the pages that are lists: the page's dict, as rows.

Cells are neutralized against spreadsheet formulas by `export.to_csv`.
"""

from __future__ import annotations

from typing import Any

Table = tuple[list[str], list[list[Any]]]


def cases_table(data: dict[str, Any]) -> Table:
    columns = [
        "id", "name", "names", "stage", "country", "country_name", "last_change", "next_date",
        "next_type", "events", "articles", "unreviewed", "conflicts", "unconfirmed",
    ]  # fmt: skip
    rows = [
        [
            case["id"],
            case["name"],
            "; ".join(case["names"]),
            case["stage"],
            case["country"],
            case["country_name"],
            case["last_change"],
            case["next_date"],
            case["next_type"],
            case["event_count"],
            case["article_count"],
            case["unreviewed"],
            case["conflicts"],
            case["unconfirmed"],
        ]
        for case in data["cases"]
    ]
    return columns, rows


def case_table(data: dict[str, Any]) -> Table:
    """One row per source of each merged event (the event's columns repeat), then rejected ones.

    `origin` is "analyst-entered" for an event an analyst added, else
    "machine". `date`, `date_from`, `type`, `status`, `outcome`, `country` and
    `subject` are the merged event's, the rest the source's (`event_id` is
    the stored event to review); `date_from` is empty for a date read in the
    event's own sentence, else "context" or "story" (inferred, see
    `model.Event`); `case_event` numbers the merged events (empty for
    rejected reports), so rows of one event group together.
    """
    columns = [
        "event_id", "date", "date_from", "type", "status", "outcome", "country", "subject",
        "certainty", "review", "origin", "outlet", "published", "article", "evidence",
        "case_event", "conflict", "unconfirmed",
    ]  # fmt: skip
    rows = []
    for number, item in enumerate(data["events"], start=1):
        merged = item["case_event"]
        event = merged or item["event"]
        for source in item["sources"]:
            rows.append(
                [
                    source["event_id"],
                    event["date"],
                    event["date_from"],
                    event["type"],
                    event["status"],
                    event["outcome"],
                    event["country"],
                    event["subject"],
                    source["certainty"],
                    source["state"],
                    "analyst-entered" if source["origin"] == "analyst" else "machine",
                    source["outlet"],
                    source["published"],
                    source["article"],
                    source["evidence"],
                    number if merged else None,
                    merged["conflict"] if merged else None,
                    merged["unconfirmed"] if merged else None,
                ]
            )
    return columns, rows


def upcoming_table(data: dict[str, Any]) -> Table:
    columns = [
        "date", "date_from", "person", "type", "country", "country_name", "evidence", "sources",
    ]  # fmt: skip
    rows = [
        [
            item["event"]["date"],
            item["event"]["date_from"],
            item["person"],
            item["event"]["type"],
            item["event"]["country"],
            item["country_name"],
            item["event"]["evidence"],
            "; ".join(item["sources"]),
        ]
        for item in data["upcoming"]
    ]
    return columns, rows


def people_table(data: dict[str, Any]) -> Table:
    columns = ["id", "name", "names", "kind", "events", "articles"]
    rows = [
        [p["id"], p["name"], "; ".join(p["names"]), p["kind"], p["event_count"], p["article_count"]]
        for p in data["people"]
    ]
    return columns, rows


def articles_table(data: dict[str, Any]) -> Table:
    columns = ["id", "label", "published", "title", "outlet", "url", "events", "cut"]
    rows = [
        [
            a["id"],
            a["label"],
            a["published"],
            a["title"],
            a["outlet"],
            a["url"],
            a["event_count"],
            a["cut_count"],
        ]
        for a in data["articles"]
    ]
    return columns, rows
