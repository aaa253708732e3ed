"""CSV twins of the pages that are lists: the page's dict, as rows.

Cells are neutralized against spreadsheet formulas by `export.to_csv`.
"""

from __future__ import annotations

from typing import Any

Table = tuple[list[str], list[list[Any]]]


def cases_table(data: dict[str, Any]) -> Table:
    columns = ["id", "name", "names", "stage", "last_change", "next_date", "next_type", "events"]
    rows = [
        [
            case["id"],
            case["name"],
            "; ".join(case["names"]),
            case["stage"],
            case["last_change"],
            case["next_date"],
            case["next_type"],
            case["event_count"],
        ]
        for case in data["cases"]
    ]
    return columns, rows


def case_table(data: dict[str, Any]) -> Table:
    columns = [
        "event_id", "date", "type", "status", "outcome", "country", "subject", "certainty",
        "review", "outlet", "published", "article", "evidence",
    ]  # fmt: skip
    rows = []
    for item in data["events"]:
        event, source = item["event"], item["source"]
        rows.append(
            [
                item["id"],
                event["date"],
                event["type"],
                event["status"],
                event["outcome"],
                event["country"],
                event["subject"],
                event["certainty"],
                item["state"],
                source["outlet"],
                source["published"],
                source["article"],
                event["evidence"],
            ]
        )
    return columns, rows


def upcoming_table(data: dict[str, Any]) -> Table:
    columns = ["date", "person", "type", "country", "evidence", "sources"]
    rows = [
        [
            item["event"]["date"],
            item["person"],
            item["event"]["type"],
            item["event"]["country"],
            item["event"]["evidence"],
            "; ".join(item["sources"]),
        ]
        for item in data["upcoming"]
    ]
    return columns, rows
