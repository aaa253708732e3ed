"""The case commands end to end, with the real extractor on the example articles.

`casefile case` must show, from `examples/` (fiction written for casefile):
a case assembled from two outlets spelling the name differently (Davlatov,
Davlatow), an update superseding an earlier report (Orazov's hearing
postponed), and a flagged conflict (Khazimov extradited Sept. 8 or 9).
The commands run in-process with typer's `CliRunner` on a SQLite store.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from casefile.cli.app import app
from casefile.errors import CasefileError, NotFoundError
from casefile.model import Article, Event, Extraction, Person
from casefile.store import Store

EXAMPLES = Path(__file__).parents[2] / "examples"
STORIES = [
    "2026-03-06-davlatov-caspian-wire.txt",
    "2026-04-10-davlatow-ararat-observer.txt",
    "2026-11-13-orazov-bosphorus-monitor.txt",
    "2026-11-18-orazov-caspian-wire.txt",
    "2026-09-18-khazimov-vainakh-chronicle.txt",
    "2026-09-25-khazimov-terek-monitor.txt",
]

runner = CliRunner()


def invoke(*args: object) -> Result:
    return runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "200", "CASEFILE_DB": None})


def succeed(*args: object) -> Result:
    result = invoke(*args)
    assert result.exit_code == 0, (
        f"{args} exited {result.exit_code}: {result.exception!r}\n{result.output}"
    )
    return result


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('cases') / 'casefile.db'}"
    succeed("ingest", *(EXAMPLES / name for name in STORIES), "--db", url)
    return url


def test_case_from_two_outlets_with_two_spellings(db: str) -> None:
    shown = succeed("case", "Davlatow", "--today", "2026-04-12", "--db", db).stdout
    assert "Shokhrukh Davlatov" in shown and "Shahrukh Davlatow" in shown
    assert "Caspian Wire 2026-03-06" in shown and "Ararat Observer 2026-04-10" in shown
    assert "Linked: Gayane Harutyunyan (lawyer)" in shown
    assert "Upcoming: hearing 2026-04-21" in shown


def test_case_shows_the_hearing_a_later_report_postponed(db: str) -> None:
    shown = succeed("case", "Merdan Orazov", "--today", "2026-11-20", "--db", db).stdout
    assert "2026-11-17  hearing  postponed" in shown
    assert "postponed to 2026-12-15" in shown
    assert "2026-12-15  hearing  scheduled" in shown
    assert "next: hearing 2026-12-15" in shown


def test_case_flags_two_days_for_one_extradition(db: str) -> None:
    shown = succeed("case", "Khazimov", "--today", "2026-09-26", "--db", db).stdout
    assert (
        "2026-09-08  extradition  occurred  AE  CONFLICT: another report gives 2026-09-09" in shown
    )
    assert (
        "2026-09-09  extradition  occurred  AE  CONFLICT: another report gives 2026-09-08" in shown
    )


def test_case_json_is_the_contract_plus_details(db: str) -> None:
    found = json.loads(
        succeed("case", "Orazov", "--json", "--today", "2026-11-20", "--db", db).stdout
    )
    assert {
        "person",
        "names",
        "articles",
        "stage",
        "events",
        "timeline",
        "linked",
        "upcoming",
    } <= set(found)
    assert [e["date"] for e in found["upcoming"]] == ["2026-12-15"]


def test_cases_json_prints_the_contract(db: str) -> None:
    found = json.loads(succeed("cases", "--json", "--today", "2026-11-20", "--db", db).stdout)
    assert isinstance(found, list) and found
    for case in found:
        assert set(case) == {"person", "names", "articles", "stage", "events"}
        for event in case["events"]:
            assert set(event) == {
                "type",
                "date",
                "status",
                "outcome",
                "country",
                "conflict",
                "sources",
            }
            assert all(set(s) == {"article", "evidence", "certainty"} for s in event["sources"])
    davlatov = next(c for c in found if "Shokhrukh Davlatov" in c["names"])
    assert davlatov["articles"] == STORIES[:2]


def test_changes_since_a_date(db: str) -> None:
    assert (
        "new case: Adlan Khazimov" in succeed("changes", "--since", "2000-01-01", "--db", db).stdout
    )
    assert "nothing new since" in succeed("changes", "--since", "2999-01-01", "--db", db).stdout
    result = invoke("changes", "--since", "yesterday", "--db", db)
    assert isinstance(result.exception, CasefileError)


def test_changes_without_since_looks_back_a_week_as_the_web_does(db: str) -> None:
    # the stories were ingested just now: within the last 7 days, not 7 days after the store began
    assert "new case: Adlan Khazimov" in succeed("changes", "--db", db).stdout
    later = succeed("changes", "--today", "2999-01-08", "--db", db).stdout
    assert "nothing new since 2999-01-01" in later


def test_people_lists_merges_and_splits(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'casefile.db'}"
    succeed("ingest", EXAMPLES / STORIES[2], "--db", url)
    listing = succeed("people", "--db", url).stdout
    assert "Merdan Orazov" in listing and "Begench" in listing

    merged = succeed("people", "merge", "Begench", "Merdan Orazov", "--who", "tester", "--db", url)
    assert "merged into" in merged.stdout
    assert "Begench" not in succeed("people", "--db", url).stdout.split("Merdan Orazov")[0]

    split = succeed(
        "people", "split", "Orazov", "--name", "Begench", "--who", "tester", "--db", url
    )
    assert "Begench (Begench): 1 events" in split.stdout
    assert isinstance(invoke("people", "split", "Orazov", "--db", url).exception, CasefileError)


def test_an_unknown_person_is_an_error(db: str) -> None:
    assert isinstance(invoke("case", "Nobody Atall", "--db", db).exception, NotFoundError)


def test_case_marks_dates_taken_from_the_scene_or_the_story(tmp_path: Path) -> None:
    text = (
        "Turkmen border guards returned the activist Ogulgerek Annayeva to Ashgabat. "
        "On Nov. 3 officers searched her flat in Mary. "
        "They seized her laptop. "
        "A court will hear her case."
    )

    def told(sentence: str, type_: str, **fields: object) -> Event:
        start = text.index(sentence)
        span = (start, start + len(sentence))
        return Event(type_, "Ogulgerek Annayeva", sentence, span, **fields)  # type: ignore[arg-type]

    events = (
        told(text.split(". ")[0] + ".", "deportation", date="2026-11", date_from="story"),
        told("On Nov. 3 officers searched her flat in Mary.", "arrest", date="2026-11-03"),
        told("They seized her laptop.", "ill_treatment", date="2026-11-03", date_from="context"),
        told("A court will hear her case.", "hearing", date="2026-12", status="scheduled",
             date_from="story"),
    )  # fmt: skip
    article = Article(text=text, published=date(2026, 11, 9), outlet="Karakum Dispatch")
    person = Person("Ogulgerek Annayeva", ("Ogulgerek Annayeva", "her"))
    db = f"sqlite:///{tmp_path / 'casefile.db'}"
    with Store.open(db) as store:
        store.save_extraction(Extraction(article, (person,), events, extractor="test"))

    shown = succeed("case", "Annayeva", "--today", "2026-11-10", "--db", db).stdout
    assert "  2026-11 (from the story)  deportation  occurred" in shown
    assert "  2026-11-03  arrest  occurred" in shown
    assert "  2026-11-03 (from context)  ill treatment  occurred" in shown
    assert "Upcoming: hearing 2026-12 (from the story)" in shown
    assert shown.count("(from ") == 4


def test_groups_and_organisations_are_listed_apart_from_people(tmp_path: Path) -> None:
    text = (
        "Police in Almaty detained the blogger Aziz Karimov on May 13, 2025. "
        "Three activists were detained at the same protest on May 13, 2025."
    )
    article = Article(text=text, published=date(2026, 1, 5), source_id="almaty-1")
    url = f"sqlite:///{tmp_path / 'groups.db'}"
    with Store.open(url) as store:
        store.add_article(article)
        events = (
            Event("arrest", "Aziz Karimov", text.split(". ")[0], (0, 60), date="2025-05-13"),
            Event("arrest", "Three activists", text.split(". ")[1], (62, 130), date="2025-05-13"),
        )
        store.save_extraction(Extraction(article, (Person("Aziz Karimov"),), events))
    output = succeed("cases", "--db", url).stdout
    people, _, groups = output.partition("Groups and organisations")
    assert "Aziz Karimov" in people and "Three activists" not in people
    assert "Three activists" in groups and "group" in groups
