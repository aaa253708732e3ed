"""The whole layer: the `cases --json` contract, and the example articles' gold events as input.

The examples (`examples/`, fiction written for casefile) were written to
show a case from two outlets spelling a name differently, a hearing
postponed by a later report, and two reports giving two days for one
extradition. Fed their gold events, the layer must show all three; the
CLI tests show what the real extractor gives.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from casefile.cases import Case, build_case_files, build_cases
from casefile.evaluate.cases import gold_extractions
from casefile.evaluate.events import GoldArticle, gold_from_json
from casefile.model import Article
from casefile.sources import read_path
from tests.cases.factory import extraction, report

EXAMPLES = Path(__file__).parents[2] / "examples"
CASE_KEYS = {"person", "names", "articles", "stage", "events"}
EVENT_KEYS = {"type", "date", "status", "outcome", "country", "conflict", "sources"}
SOURCE_KEYS = {"article", "evidence", "certainty"}


def test_the_json_contract_has_exactly_its_keys() -> None:
    cases = build_cases(
        [
            extraction(
                "one", "2026-01-30", report("arrest", "Ruslan Gaziev", "2025-05", country="KZ")
            ),
            extraction("two", "2026-02-01", report("arrest", "Руслан Газиев", "2025-05-13")),
        ]
    )
    [found] = [case.to_json() for case in cases]
    assert set(found) == CASE_KEYS
    assert found["person"] == 1
    assert found["names"] == ["Ruslan Gaziev", "Руслан Газиев"]
    assert found["articles"] == ["one", "two"]
    assert found["stage"] == "detained 2025-05-13 in KZ"
    [event] = found["events"]
    assert set(event) == EVENT_KEYS
    assert event == {
        "type": "arrest",
        "date": "2025-05-13",
        "status": "occurred",
        "outcome": None,
        "country": "KZ",
        "conflict": False,
        "sources": event["sources"],
    }
    assert [set(s) for s in event["sources"]] == [SOURCE_KEYS, SOURCE_KEYS]
    assert [s["article"] for s in event["sources"]] == ["one", "two"]


def test_articles_without_an_input_id_are_named_by_their_hash() -> None:
    found = extraction("x", "2026-01-30", report("arrest", "Ruslan Gaziev", "2025-05"))
    anonymous = type(found)(
        article=Article(text=found.article.text, published=found.article.published),
        people=found.people,
        events=found.events,
    )
    [case] = build_cases([anonymous])
    assert case.articles == (anonymous.article.id,)
    assert case.to_json()["events"][0]["sources"][0]["article"] == anonymous.article.id


@pytest.fixture(scope="module")
def example_cases() -> dict[str, Case]:
    with (EXAMPLES / "gold.yaml").open(encoding="utf-8") as file:
        gold = yaml.safe_load(file)
    records: list[GoldArticle] = []
    for name, events in gold.items():
        [article] = read_path(EXAMPLES / name)
        assert isinstance(article, Article)
        records.append(
            gold_from_json(
                {
                    "id": name,
                    "text": article.text,
                    "published": str(article.published),
                    "events": events or [],
                }
            )
        )
    files = build_case_files(gold_extractions(records), today=date(2026, 11, 20))
    return {f.case.name: f.case for f in files}


def test_examples_two_outlets_two_spellings_one_case(example_cases: dict[str, Case]) -> None:
    case = example_cases["Shokhrukh Davlatov"]
    assert {"Shokhrukh Davlatov", "Shahrukh Davlatow"} <= set(case.names)
    assert len(case.articles) == 2
    [application] = [e for e in case.events if e.type == "asylum_application"]
    assert application.date == "2025-03-12"  # "March 2025" refined by the second outlet
    assert len(application.sources) == 2
    assert case.stage.startswith("extradition granted 2026-04-07, appealed 2026-04-09")


def test_examples_a_later_report_postpones_the_hearing(example_cases: dict[str, Case]) -> None:
    case = example_cases["Merdan Orazov"]
    hearings = [(e.date, e.status, len(e.sources)) for e in case.events if e.type == "hearing"]
    assert hearings == [("2026-11-17", "postponed", 2), ("2026-12-15", "scheduled", 1)]
    assert "next: hearing 2026-12-15" in case.stage


def test_examples_two_days_for_one_extradition_are_flagged(example_cases: dict[str, Case]) -> None:
    case = example_cases["Adlan Khazimov"]
    extraditions = [(e.date, e.conflict) for e in case.events if e.type == "extradition"]
    assert extraditions == [("2026-09-08", True), ("2026-09-09", True)]
    assert "Islam Khazimov" in example_cases  # a relative stays a person of his own
