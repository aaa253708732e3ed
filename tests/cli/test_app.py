"""The `casefile` command end to end: what a user types and what they see.

Most tests run the Typer app in-process with `CliRunner` (typer's runner keeps
stdout and stderr apart) against a SQLite store in a temporary folder. Error
messages are printed by `casefile.cli.app.main`, which `CliRunner` does not go
through, so those tests run the installed `casefile` command in a subprocess,
as a user or a script would, with stderr not a terminal.

The articles are the fictional ones in `examples/` and short ones written here.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from casefile.cli.app import app
from casefile.errors import NotFoundError
from casefile.store import Store

EXAMPLES = Path(__file__).parents[2] / "examples"
DAVLATOV = "2026-03-06-davlatov-caspian-wire.txt"  # spelled Davlatow by the next outlet
DAVLATOW = "2026-04-10-davlatow-ararat-observer.txt"
ORAZOV_HEARING_SET = "2026-11-13-orazov-bosphorus-monitor.txt"  # hearing on 2026-11-17
ORAZOV_HEARING_MOVED = "2026-11-18-orazov-caspian-wire.txt"

CASEFILE = Path(sys.executable).with_name("casefile")  # the installed entry point

EVENT_KEYS = {
    "type",
    "subject",
    "date",
    "date_text",
    "date_from",
    "status",
    "outcome",
    "country",
    "agent",
    "evidence",
    "span",
    "certainty",
    "rule",
}

# An article of our own, saved in latin-1 as old newsroom systems still do.
LATIN1_ARTICLE = (
    "Title: Café owner detained\n"
    "Date: 2026-02-02\n"
    "\n"
    "The Spanish-born blogger José Martínez was detained by police in Almaty on Monday, "
    "his lawyer said.\n"
)

runner = CliRunner()


def invoke(*args: object, env: dict[str, str | None] | None = None) -> Result:
    """`casefile ARGS` in this process, on a wide terminal so that tables are not cut."""
    overrides: dict[str, str | None] = {"COLUMNS": "200", "CASEFILE_DB": None, **(env or {})}
    return runner.invoke(app, [str(arg) for arg in args], env=overrides)


def succeed(*args: object, env: dict[str, str | None] | None = None) -> Result:
    result = invoke(*args, env=env)
    assert result.exit_code == 0, (
        f"casefile {' '.join(map(str, args))} exited {result.exit_code}: "
        f"{result.exception!r}\n{result.output}"
    )
    return result


def run_installed(*args: object, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The installed `casefile ARGS`, stdout and stderr captured apart, terminal width unset."""
    env = {key: value for key, value in os.environ.items() if key not in ("COLUMNS", "CASEFILE_DB")}
    return subprocess.run(
        [str(CASEFILE), *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def message_lines(stream: str) -> list[str]:
    return [line for line in stream.splitlines() if line.strip()]


def copy_examples(folder: Path, *names: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(EXAMPLES / name, folder / name)
    return folder


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'casefile.db'}"


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A store holding both reports on Davlatov and the first on Orazov."""
    db = f"sqlite:///{tmp_path_factory.mktemp('stored') / 'casefile.db'}"
    succeed(
        "ingest",
        EXAMPLES / DAVLATOV,
        EXAMPLES / DAVLATOW,
        EXAMPLES / ORAZOV_HEARING_SET,
        "--db",
        db,
    )
    return db


# --- ingest ------------------------------------------------------------------


def test_ingest_counts_what_it_stored_and_stores_nothing_twice(tmp_path: Path, db: str) -> None:
    folder = copy_examples(tmp_path / "articles", DAVLATOV, DAVLATOW, ORAZOV_HEARING_SET)

    first = succeed("ingest", folder, "--db", db)
    counts = re.search(
        r"3 new article\(s\), 0 already stored, 0 skipped; "
        r"(\d+) event\(s\) from 3 extraction\(s\)",
        first.stdout,
    )
    assert counts, first.stdout
    assert int(counts[1]) > 0
    people = succeed("people", "--db", db).stdout

    second = succeed("ingest", folder, "--db", db)
    assert (
        "0 new article(s), 3 already stored, 0 skipped; 0 event(s) from 0 extraction(s)"
        in second.stdout
    )
    assert succeed("people", "--db", db).stdout == people


def test_ingest_skips_unreadable_files_and_stores_the_rest(
    tmp_path: Path, db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    batch = copy_examples(tmp_path / "batch", ORAZOV_HEARING_SET)
    (batch / "empty.txt").write_bytes(b"")
    (batch / "junk.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    (batch / "latin1.txt").write_bytes(LATIN1_ARTICLE.encode("latin-1"))

    result = succeed("ingest", "batch", "--db", db)

    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped")]
    assert skipped == ["skipped batch/empty.txt: empty", "skipped batch/junk.txt: binary file"]
    assert "2 new article(s), 0 already stored, 2 skipped" in result.stdout
    people = succeed("people", "--db", db).stdout
    assert "Merdan Orazov" in people
    assert "José Martínez" in people  # decoded from latin-1, not mojibake


def test_ingest_of_a_missing_path_is_one_skipped_line(tmp_path: Path) -> None:
    result = run_installed("ingest", "no-such-folder", "--db", "sqlite:///c.db", cwd=tmp_path)

    assert result.returncode == 1  # nothing was ingested
    assert "Traceback" not in result.stderr
    assert message_lines(result.stderr) == [
        "skipped no-such-folder: no such file or folder; check the path"
    ]
    assert "0 new article(s), 0 already stored, 1 skipped" in result.stdout


def test_a_missing_path_is_skipped_and_the_rest_of_the_batch_goes_on(
    tmp_path: Path, db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    copy_examples(tmp_path, ORAZOV_HEARING_SET)

    result = succeed("ingest", "nope.txt", "ftp://host/x", ORAZOV_HEARING_SET, "--db", db)

    assert [line for line in result.stderr.splitlines() if line.startswith("skipped")] == [
        "skipped nope.txt: no such file or folder; check the path",
        "skipped ftp://host/x: cannot fetch ftp:// URLs: only http and https",
    ]
    assert "1 new article(s), 0 already stored, 2 skipped" in result.stdout


def test_a_bad_jsonl_line_is_named_once(tmp_path: Path, db: str) -> None:
    archive = tmp_path / "batch.jsonl"
    archive.write_text('{"id": "a", "text": "unterminated\n', encoding="utf-8")

    result = invoke("ingest", archive, "--db", db)

    [line] = [line for line in result.stderr.splitlines() if line.startswith("skipped")]
    assert line.startswith(f"skipped {archive}:1: not valid JSON (")
    assert "line" not in line.removeprefix(f"skipped {archive}")


def test_an_error_about_a_long_path_stays_on_one_line(tmp_path: Path) -> None:
    missing = tmp_path / "reports-from-correspondents-in-central-asia" / "2026" / "missing.txt"

    result = run_installed("extract", missing, "--json", cwd=tmp_path)

    assert result.returncode == 1
    assert message_lines(result.stderr) == [
        f"error: {missing}: no such file or folder; check the path"
    ]


def test_skipped_file_names_are_printed_as_they_are(
    tmp_path: Path, db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    batch = copy_examples(tmp_path / "batch", ORAZOV_HEARING_SET)
    (batch / "notes [draft].txt").write_bytes(b"")

    result = succeed("ingest", "batch", "--db", db)

    assert "skipped batch/notes [draft].txt: empty" in result.stderr.splitlines()


def test_casefile_db_names_the_store_when_db_is_not_given(tmp_path: Path, db: str) -> None:
    succeed("ingest", EXAMPLES / ORAZOV_HEARING_SET, env={"CASEFILE_DB": db})

    assert "Merdan Orazov" in succeed("people", "--db", db).stdout
    assert "2026-10-29" in succeed("timeline", "Orazov", env={"CASEFILE_DB": db}).stdout


# --- extract and timex ---------------------------------------------------------


def test_extract_json_prints_the_output_contract(tmp_path: Path) -> None:
    text = (
        "Rights groups have followed the case of Dilnoza Rakhimova for years. "
        "Police in Bishkek detained the Uzbek journalist Dilnoza Rakhimova on Feb. 27, "
        "her husband said. She fled Uzbekistan in 2019."
    )
    path = tmp_path / "rakhimova.txt"
    path.write_text(text + "\n", encoding="utf-8")

    [line] = succeed("extract", path, "--json", "--published", "2026-03-02").stdout.splitlines()
    output = json.loads(line)

    assert set(output) == {"article", "people", "events"}
    article = output["article"]
    assert {"id", "url", "title", "outlet", "published"} <= set(article)
    assert article["id"] == hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert article["published"] == "2026-03-02"
    assert "Dilnoza Rakhimova" in [person["name"] for person in output["people"]]
    assert output["events"]
    for event in output["events"]:
        assert set(event) == EVENT_KEYS
        start, end = event["span"]
        assert event["evidence"] in text[start:end]
    arrest = next(event for event in output["events"] if event["type"] == "arrest")
    assert arrest["subject"] == "Dilnoza Rakhimova"
    assert arrest["date"] == "2026-02-27"
    assert text[arrest["span"][0] :].startswith("Police in Bishkek detained")


def test_extract_jsonl_prints_one_line_per_input_line_in_order(tmp_path: Path) -> None:
    records = [
        {
            "id": "w-17",
            "published": "2026-03-02",
            "text": "Police in Bishkek detained the Uzbek activist Dilshod Rakhimov on Feb. 27.",
        },
        {
            "id": "a-03",
            "published": "2026-03-03",
            "text": "A court in Tbilisi sentenced the journalist Farid Aliyarov to three years "
            "in prison on Monday.",
        },
        {"id": "m-09", "text": "The bakery on Rustaveli Avenue reopened after a long renovation."},
    ]
    path = tmp_path / "archive.jsonl"
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")

    lines = succeed("extract", path, "--json").stdout.splitlines()

    outputs = [json.loads(line) for line in lines]
    assert [output["article"]["source_id"] for output in outputs] == ["w-17", "a-03", "m-09"]
    assert [output["article"]["id"] for output in outputs] == [
        hashlib.sha256(record["text"].encode("utf-8")).hexdigest() for record in records
    ]
    assert [output["article"]["published"] for output in outputs] == [
        "2026-03-02",
        "2026-03-03",
        None,
    ]
    assert [[event["type"] for event in output["events"]] for output in outputs] == [
        ["arrest"],
        ["sentence"],
        [],
    ]


def test_extract_resolves_a_weekday_against_the_publication_date(tmp_path: Path) -> None:
    path = tmp_path / "serikbayev.txt"
    path.write_text(
        "The Kazakh activist Aidos Serikbayev was detained by police in Almaty on Thursday, "
        "his lawyer said.\n",
        encoding="utf-8",
    )

    dated = json.loads(succeed("extract", path, "--json", "--published", "2026-01-30").stdout)
    undated = json.loads(succeed("extract", path, "--json").stdout)

    assert [(e["type"], e["date"], e["date_text"]) for e in dated["events"]] == [
        ("arrest", "2026-01-29", "Thursday")
    ]
    assert [(e["type"], e["date"]) for e in undated["events"]] == [("arrest", None)]


def test_timex_prints_time_expressions_with_offsets_into_the_file(tmp_path: Path) -> None:
    text = "Aidos Serikbayev was detained on Thursday.\nA hearing in his case is set for Feb. 11.\n"
    path = tmp_path / "serikbayev.txt"
    path.write_text(text, encoding="utf-8")

    output = json.loads(succeed("timex", path, "--published", "2026-01-30").stdout)

    assert set(output) == {"timexes"}
    for timex in output["timexes"]:
        assert text[timex["start"] : timex["end"]] == timex["text"]
    assert {timex["text"]: timex["value"] for timex in output["timexes"]} == {
        "Thursday": "2026-01-29",
        "Feb. 11": "2026-02-11",
    }


@pytest.mark.parametrize(
    ("published", "words"), [("9999-12-31", "next year"), ("0001-01-01", "last year")]
)
def test_timex_at_the_calendars_edge_warns_instead_of_failing(
    tmp_path: Path, published: str, words: str
) -> None:
    path = tmp_path / "edge.txt"
    path.write_text(f"Police detained the blogger {words}.\n", encoding="utf-8")
    result = run_installed("timex", path, "--published", published, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert [(t["text"], t["value"]) for t in json.loads(result.stdout)["timexes"]] == [
        (words, None)
    ]
    assert message_lines(result.stderr) == [
        "warning: a date beyond year 9999 or before year 1; relative expressions unresolved"
    ]


# --- people, timeline, upcoming ------------------------------------------------


def test_people_lists_the_people_of_the_stored_articles(stored: str) -> None:
    listing = succeed("people", "--db", stored).stdout

    assert "Shokhrukh Davlatov" in listing
    assert "Merdan Orazov" in listing


@pytest.mark.parametrize(
    "spelling", ["Davlatow", "Shahrukh Davlatow", "davlatov", "Давлатов", "Shokhrukh  Davlatov"]
)
def test_timeline_accepts_any_spelling_of_a_stored_name(stored: str, spelling: str) -> None:
    expected = succeed("timeline", "Shokhrukh Davlatov", "--db", stored).stdout
    assert expected.startswith("Shokhrukh Davlatov")
    assert re.search(r"2026-03-04\s*│\s*arrest", expected)

    assert succeed("timeline", spelling, "--db", stored).stdout == expected


def test_two_outlets_spelling_a_name_differently_give_one_timeline(stored: str) -> None:
    timeline = succeed("timeline", "Davlatow", "--db", stored).stdout

    assert "Caspian Wire 2026-03-06" in timeline
    assert "Ararat Observer 2026-04-10" in timeline
    with Store.open(stored) as store:
        person = store.find_person("Shahrukh Davlatow")
    assert person.name == "Shokhrukh Davlatov"
    assert {"Shokhrukh Davlatov", "Shahrukh Davlatow"} <= set(person.names)
    assert person.article_count == 2


def test_timeline_of_a_name_not_in_the_store_names_the_closest(stored: str) -> None:
    result = invoke("timeline", "Karimov", "--db", stored)

    assert result.exit_code != 0
    assert isinstance(result.exception, NotFoundError)
    assert "no person named 'Karimov'" in str(result.exception)


def test_upcoming_shows_the_hearing_scheduled_in_the_window(stored: str) -> None:
    week = succeed("upcoming", "--days", "7", "--today", "2026-11-13", "--db", stored).stdout
    too_soon = succeed("upcoming", "--days", "3", "--today", "2026-11-13", "--db", stored).stdout

    assert re.search(r"2026-11-17\s*│\s*Merdan Orazov\s*│\s*hearing", week), week
    assert "nothing scheduled between 2026-11-13 and 3 days later" in too_soon


# --- eval ----------------------------------------------------------------------


def test_eval_prints_precision_recall_and_f1(tmp_path: Path) -> None:
    gold = [
        {
            "id": "g1",
            "published": "2026-03-02",
            "text": "Police in Bishkek detained the Uzbek activist Dilshod Rakhimov on Feb. 27, "
            "his wife said. Rakhimov fled Uzbekistan in 2019.",
            "events": [
                {"type": "arrest", "subject": "Dilshod Rakhimov", "date": "2026-02-27"},
                {"type": "flight", "subject": "Dilshod Rakhimov", "date": "2019"},
            ],
        },
        {
            "id": "g2",
            "published": "2026-03-03",
            "text": "A court in Tbilisi sentenced the journalist Farid Aliyarov to three years "
            "in prison on Monday.",
            "events": [{"type": "sentence", "subject": "Farid Aliyarov", "date": "2026-03-02"}],
        },
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in gold), encoding="utf-8")

    report = succeed("eval", path).stdout

    assert report.startswith("2 articles")
    scores = {
        name: float(value)
        for name, value in re.findall(r"^(precision|recall|f1)\s+(\d\.\d{3})", report, re.M)
    }
    assert set(scores) == {"precision", "recall", "f1"}
    assert all(0.0 <= value <= 1.0 for value in scores.values())
    assert re.search(r"^recall\s+\d\.\d{3}\s+\d+/3$", report, re.M)  # three gold events


def test_eval_of_a_missing_gold_file_is_one_error_line(tmp_path: Path) -> None:
    result = run_installed("eval", "missing.jsonl", cwd=tmp_path)

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    [line] = message_lines(result.stderr)
    assert line.startswith("error:")
    assert "missing.jsonl" in line


def test_eval_of_a_gold_file_that_is_not_json_lines_is_one_error_line(tmp_path: Path) -> None:
    (tmp_path / "notes.jsonl").write_text("arrest: Dilshod Rakhimov, Feb. 27\n", encoding="utf-8")

    result = run_installed("eval", "notes.jsonl", cwd=tmp_path)

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    [line] = message_lines(result.stderr)
    assert line.startswith("error:")
    assert "notes.jsonl" in line


# --- demo ----------------------------------------------------------------------


def test_demo_prints_one_case_file_from_two_outlets(tmp_path: Path, db: str) -> None:
    result = succeed(
        "demo",
        EXAMPLES / ORAZOV_HEARING_SET,
        EXAMPLES / ORAZOV_HEARING_MOVED,
        "--today",
        "2026-11-13",
        "--db",
        db,
    )

    assert "2 new article(s)" in result.stdout
    assert re.search(r"^Merdan Orazov", result.stdout, re.M)
    assert re.search(r"^Stage: ", result.stdout, re.M)
    # the postponed hearing's new date, from the later report
    assert re.search(r"2026-12-15\s+hearing\s+scheduled", result.stdout)
    # his brother's arrest is his brother's case, not his
    assert re.search(r"^Begench", result.stdout, re.M)
    assert "Bosphorus Monitor 2026-11-13" in result.stdout
    assert "Caspian Wire 2026-11-18" in result.stdout
    assert "Upcoming from 2026-11-13 (60 days)" in result.stdout
    with Store.open(db) as store:
        assert store.find_person("Merdan Orazov").article_count == 2


# --- PostgreSQL ------------------------------------------------------------------


@pytest.mark.postgres
def test_ingest_and_timeline_round_trip_on_postgresql(postgres_url: str) -> None:
    first = succeed("ingest", EXAMPLES / ORAZOV_HEARING_SET, "--db", postgres_url)
    second = succeed("ingest", EXAMPLES / ORAZOV_HEARING_SET, "--db", postgres_url)
    timeline = succeed("timeline", "Orazov", "--db", postgres_url).stdout

    assert "1 new article(s), 0 already stored" in first.stdout
    assert "0 new article(s), 1 already stored" in second.stdout
    assert timeline.startswith("Merdan Orazov")
    assert re.search(r"2026-10-29\s*│\s*arrest", timeline)
    assert re.search(r"2026-11-17\s*│\s*hearing\s*│\s*scheduled", timeline)


@pytest.mark.postgres
def test_casefile_db_can_name_a_postgresql_store(postgres_url: str) -> None:
    succeed("ingest", EXAMPLES / ORAZOV_HEARING_SET, env={"CASEFILE_DB": postgres_url})

    upcoming = succeed(
        "upcoming", "--days", "7", "--today", "2026-11-13", env={"CASEFILE_DB": postgres_url}
    )
    assert re.search(r"2026-11-17\s*│\s*Merdan Orazov\s*│\s*hearing", upcoming.stdout)
