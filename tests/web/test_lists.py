"""Every list of the workspace pages through the whole list, in the store's order.

A generated store (tests/generated.py) of some fifty cases behind the app:
`/cases` (HTML, JSON, CSV), filtered or not, and `/upcoming` (HTML, JSON,
CSV, its dates passed with no news since) read a few lines at a time,
following each page's `next_offset`, give every line once, in the order the
store gives the whole list. And the server leaves its start-up objects out
of garbage collection while it runs (the list's p99, `make bench`).
"""

from __future__ import annotations

import csv
import gc
import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from casefile.store import Store
from casefile.web import WebSettings, create_app
from tests.generated import articles, bulk_load

TODAY = date(2024, 4, 1)


@pytest.fixture(scope="module")
def app_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, str]]:
    folder: Path = tmp_path_factory.mktemp("lists")
    with Store.open(f"sqlite:///{folder / 'lists.db'}") as store:
        bulk_load(store, articles(80, seed=2))
        user = store.add_user("vic", "viewer", "vic-password-1")
        token, _ = store.open_session(user, "api")
        yield store, token


@pytest.fixture
def client(app_store: tuple[Store, str]) -> Iterator[TestClient]:
    store, token = app_store
    app = create_app(store, WebSettings(today=TODAY, upcoming_days=200))
    with TestClient(app, headers={"Authorization": f"Bearer {token}"}) as opened:
        yield opened


def every_page(client: TestClient, path: str, key: str, **params: Any) -> list[Any]:
    """The list's lines, page after page, as each page's `next_offset` leads."""
    found: list[Any] = []
    offset: int | None = 0
    while offset is not None:
        data = client.get(path, params={**params, "offset": offset, "limit": 4}).json()
        found += data[key]
        offset = data["page"]["next_offset"]
        assert data["page"]["matched"] >= len(found)
    return found


def test_the_case_list_pages_through_every_case_once(client: TestClient) -> None:
    whole = client.get("/cases.json", params={"limit": 5000}).json()
    assert whole["total"] == len(whole["cases"]) > 20
    assert every_page(client, "/cases.json", "cases") == whole["cases"]
    for params in ({"status": "scheduled", "sort": "-next_date"}, {"country": "kz"}):
        wanted = client.get("/cases.json", params={**params, "limit": 5000}).json()
        assert 0 < wanted["page"]["matched"] == len(wanted["cases"]) < whole["total"]
        assert every_page(client, "/cases.json", "cases", **params) == wanted["cases"]
        rows = list(
            csv.DictReader(
                io.StringIO(client.get("/cases.csv", params={**params, "limit": 3}).text)
            )
        )
        assert [int(row["id"]) for row in rows] == [c["id"] for c in wanted["cases"][:3]]


def test_the_agenda_pages_through_every_date_once(
    client: TestClient, app_store: tuple[Store, str]
) -> None:
    store, _ = app_store
    upcoming = [item.to_json() for item in store.upcoming(TODAY, 200)]
    passed = [item.to_json() for item in store.overdue(TODAY)]
    assert len(upcoming) > 4 and len(passed) > 4
    listed = every_page(client, "/upcoming.json", "upcoming")
    assert [(i["person_id"], i["event_id"]) for i in listed] == [
        (i["person_id"], i["event_id"]) for i in upcoming
    ]
    later = client.get("/upcoming.json", params={"limit": 3, "passed_offset": 3}).json()
    assert later["passed_page"]["matched"] == len(passed)
    assert [i["event_id"] for i in later["no_news_since"]] == [i["event_id"] for i in passed[3:6]]
    rows = list(csv.DictReader(io.StringIO(client.get("/upcoming.csv?limit=2").text)))
    assert [row["person"] for row in rows] == [i["person"] for i in upcoming[:2]]
    page = client.get("/upcoming", params={"limit": 2, "passed_offset": 2}).text
    assert 'href="/upcoming?limit=2&amp;passed_offset=4"' in page  # the passed dates' next page
    assert 'href="/upcoming?limit=2&amp;passed_offset=2&amp;offset=2"' in page


def test_the_server_keeps_its_start_up_objects_out_of_collection(
    app_store: tuple[Store, str],
) -> None:
    store, _ = app_store
    with TestClient(create_app(store, WebSettings(today=TODAY))):
        assert gc.get_freeze_count() > 10_000
    assert gc.get_freeze_count() == 0  # stopped: collected again
