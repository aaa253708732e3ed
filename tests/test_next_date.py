"""The three-article scenario of issue 12, in every view: CLI, web pages, JSON API, iCalendar.

Three short reports of our own about a journalist detained in Georgia at
Azerbaijan's request. His extradition hearing, "initially set for Dec. 18",
is postponed "until Jan. 14"; the second outlet words it the other way round
and adds the day of the decision; the third retells it a few days later.
Every view must show one postponed Dec. 18 hearing and one scheduled Jan. 14
hearing as the next date; once Jan. 14 has passed with no report, every view
shows it as "no news since" the last report.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner, Result

from casefile.cli.app import app
from casefile.store import Store
from casefile.web import WebSettings, create_app
from tests.web.conftest import add_accounts, log_in, person_id

ARTICLES = {
    "caspian-wire.txt": """Title: Georgian court delays hearing of Azerbaijani journalist
Outlet: Caspian Wire
Date: 2026-12-16

TBILISI, Dec 16 (Caspian Wire) — A court in Tbilisi postponed the extradition hearing of \
Azerbaijani journalist Farid Mammadli, initially set for Dec. 18, until Jan. 14, his lawyer \
said on Wednesday.

Georgian police detained Mammadli at Tbilisi airport on Nov. 20 at the request of Azerbaijan, \
which has charged him with smuggling.
""",
    "kavkaz-monitor.txt": """Title: Tbilisi judge moves hearing on reporter's extradition
Outlet: Kavkaz Monitor
Date: 2026-12-17

A Tbilisi City Court judge on Tuesday postponed until Jan. 14 the hearing on the extradition \
of Farid Mamedli, which had been set for Dec. 18. Mamedli, a reporter for an exiled Azerbaijani \
channel, has been held in Georgia since his arrest last month.
""",
    "press-freedom-watch.txt": """Title: Rights groups urge Georgia not to extradite journalist
Outlet: Press Freedom Watch
Date: 2026-12-20

Press Freedom Watch urged Georgian authorities not to extradite the journalist Farid Mammadli. \
The hearing, which had been set for December 18, was adjourned until January 14.
""",
}
BEFORE = "2026-12-21"  # a day between the reports and the new hearing
AFTER = "2027-01-20"  # Jan. 14 has passed, and nothing was reported since Dec. 20

runner = CliRunner()


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("mammadli")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def db(folder: Path) -> str:
    url = f"sqlite:///{folder / 'cases.db'}"
    succeed("ingest", *sorted(folder.glob("*.txt")), "--db", url)
    with Store.open(url) as store:
        add_accounts(store)
    return url


def succeed(*args: object) -> Result:
    result = runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "220", "CASEFILE_DB": None})
    assert result.exit_code == 0, f"{args}: {result.exception!r}\n{result.output}"
    return result


def hearings(events: list[dict[str, object]]) -> list[tuple[object, object]]:
    return sorted((e["date"], e["status"]) for e in events if e["type"] == "hearing")


def test_cases_json_keeps_its_keys_and_shows_both_hearings(db: str) -> None:
    [case] = json.loads(succeed("cases", "--json", "--today", BEFORE, "--db", db).output)
    assert set(case) == {"person", "names", "articles", "stage", "events"}
    assert hearings(case["events"]) == [("2026-12-18", "postponed"), ("2027-01-14", "scheduled")]
    assert case["stage"].endswith("next: hearing 2027-01-14")


def test_case_and_timeline_agree_on_each_hearing(db: str) -> None:
    found = json.loads(succeed("case", "Mamedli", "--today", BEFORE, "--json", "--db", db).output)
    assert hearings(found["timeline"]) == [
        ("2026-12-18", "postponed"),
        ("2027-01-14", "scheduled"),
    ]
    assert found["next"]["date"] == "2027-01-14"
    assert [e["date"] for e in found["upcoming"]] == ["2027-01-14"]
    lines = succeed("timeline", "Mammadli", "--today", BEFORE, "--db", db).output.splitlines()
    assert any("2026-12-18" in line and "postponed" in line for line in lines)
    assert any("2027-01-14" in line and "scheduled" in line for line in lines)
    assert sum("hearing" in line for line in lines) == 2  # one row an event, not one a report


def test_upcoming_lists_the_new_date_once_and_never_the_postponed_one(db: str) -> None:
    output = succeed("upcoming", "--today", BEFORE, "--days", 60, "--db", db).output
    assert output.count("2027-01-14") == 1
    assert "2026-12-18" not in output


def test_a_passed_date_with_no_report_is_no_news_since_in_the_cli(db: str) -> None:
    found = json.loads(succeed("case", "Mammadli", "--today", AFTER, "--json", "--db", db).output)
    assert found["next"] is None
    assert [(e["date"], e["no_news_since"]) for e in found["no_news_since"]] == [
        ("2027-01-14", "2026-12-20")
    ]
    assert found["stage"].endswith("hearing 2027-01-14: no news since 2026-12-20")
    text = succeed("case", "Mammadli", "--today", AFTER, "--db", db).output
    assert "Passed with no news since: hearing 2027-01-14 (last report 2026-12-20)" in text
    upcoming = succeed("upcoming", "--today", AFTER, "--db", db).output
    assert "Passed with no news since" in upcoming and "2026-12-20" in upcoming


@pytest.fixture
def web(db: str) -> Iterator[tuple[TestClient, TestClient]]:
    """The workspace on the same store, before and after Jan. 14."""
    with Store.open(db) as store:
        clients = [
            TestClient(create_app(store, WebSettings(today=date.fromisoformat(day))))
            for day in (BEFORE, AFTER)
        ]
        for client in clients:
            log_in(client, "vic")
        yield clients[0], clients[1]
        for client in clients:
            client.close()


def test_the_web_pages_and_api_show_the_same_next_date(web: tuple[TestClient, TestClient]) -> None:
    before, _ = web
    [listed] = [
        c for c in before.get("/cases.json").json()["cases"] if c["name"] == "Farid Mammadli"
    ]
    assert (listed["next_date"], listed["next_type"]) == ("2027-01-14", "hearing")
    case = before.get(f"/cases/{person_id(before, 'Farid Mammadli')}.json").json()
    assert [(e["date"], e["status"]) for e in case["upcoming"]] == [("2027-01-14", "scheduled")]
    assert case["next"]["date"] == "2027-01-14"
    statuses = {
        (item["case_event"]["date"], item["case_event"]["status"])
        for item in case["events"]
        if item["case_event"] and item["case_event"]["type"] == "hearing"
    }
    assert statuses == {("2026-12-18", "postponed"), ("2027-01-14", "scheduled")}
    upcoming = before.get("/upcoming.json").json()["upcoming"]
    assert [(u["event"]["date"], u["event"]["status"]) for u in upcoming] == [
        ("2027-01-14", "scheduled")
    ]
    page = before.get("/cases").text
    assert "2027-01-14" in page
    calendar = before.get("/upcoming.ics").text
    assert calendar.count("BEGIN:VEVENT") == 1 and "DTSTART;VALUE=DATE:20270114" in calendar
    assert "20261218" not in calendar


def test_the_web_shows_no_news_since_once_the_date_passed(
    web: tuple[TestClient, TestClient],
) -> None:
    _, after = web
    listing = after.get("/upcoming.json").json()
    assert listing["upcoming"] == []
    assert [(u["event"]["date"], u["no_news_since"]) for u in listing["no_news_since"]] == [
        ("2027-01-14", "2026-12-20")
    ]
    assert "no news since 2026-12-20" in after.get("/upcoming").text
    case_id = person_id(after, "Farid Mammadli")
    page = after.get(f"/cases/{case_id}").text
    assert "no news since 2026-12-20" in page
    case = after.get(f"/cases/{case_id}.json").json()
    assert [e["no_news_since"] for e in case["no_news_since"]] == ["2026-12-20"]
    assert after.get("/upcoming.csv").text.count("\n") == 1  # the header: nothing ahead
