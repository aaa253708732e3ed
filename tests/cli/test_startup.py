"""The commands that only read the store start without the heavy stages.

`casefile --help` must not even open a store, and `upcoming`, `people`,
`case` and `timeline` must not load spaCy, numpy, Dask, the web stack or the
news-following code: each runs here in a fresh interpreter, and the modules
it loaded are checked when it exits. The time they take is measured by
`bench/run.py --section scale` (start-up); this guards the import graph that
time depends on.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from casefile.model import Article, Event, Extraction, Person
from casefile.store import Store

# Runs one command like the console script, then writes the loaded modules as JSON.
PROBE = """
import atexit, json, sys
out = sys.argv[1]
atexit.register(lambda: open(out, "w").write(json.dumps(sorted(sys.modules))))
sys.argv = ["casefile", *sys.argv[2:]]
from casefile.cli import main
main()
"""

# Never needed to read a store: the parser and model, the cluster, the web stack, news code.
NEVER = {
    "spacy",
    "thinc",
    "numpy",
    "dask",
    "distributed",
    "fastapi",
    "starlette",
    "uvicorn",
    "jinja2",
    "weasyprint",
    "argon2",
    "trafilatura",
    "dateparser",
    "httpx",
    "feedparser",
    "casefile.extract",
    "casefile.pipeline",
    "casefile.cluster",
    "casefile.web",
    "casefile.export",
    "casefile.news",
    "casefile.evaluate",
}
# `--help` lists the commands: it needs no database either.
NOT_FOR_HELP = NEVER | {"sqlalchemy", "alembic", "casefile.store", "casefile.cases"}
# `upcoming` on a SQLite store whose lines hold for the day reads them with `sqlite3`
# (`store.lite`): no ORM, no schema, no case layer beyond its data classes.
NOT_FOR_AGENDA = NEVER | {
    "sqlalchemy",
    "alembic",
    "casefile.store.store",
    "casefile.store.schema",
    "casefile.cases.names",
    "casefile.cases.resolve",
    "casefile.cases.build",
    "yaml",
}
READ_DAY = date(2026, 3, 5)  # the day the fixture's store was last read for

TEXT = (
    "Border guards at Tbilisi airport detained the Tajik journalist Farrukh Olimov on "
    "Monday. A court hearing on Dushanbe's request to send him back is set for March 12."
)


def loaded(modules: list[str], forbidden: set[str]) -> list[str]:
    """The forbidden packages among the modules, each named once (`numpy`, not its parts)."""
    return sorted(
        {
            name
            for name in forbidden
            for module in modules
            if module == name or module.startswith(f"{name}.")
        }
    )


def run(args: list[str], tmp_path: Path, db: str | None = None) -> tuple[str, list[str]]:
    out = tmp_path / "modules.json"
    env = dict(os.environ, CASEFILE_DB=db or f"sqlite:///{tmp_path / 'unused.db'}")
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(out), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout, json.loads(out.read_text())


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    article = Article(text=TEXT, published=date(2026, 3, 2), outlet="Caucasus Ledger")
    first, second = TEXT.split(". ", 1)
    person = Person("Farrukh Olimov", ("Farrukh Olimov", "him"))
    events = (
        Event("arrest", "Farrukh Olimov", first, (0, len(first)), date="2026-03-02", country="GE"),
        Event(
            "hearing",
            "Farrukh Olimov",
            second,
            (len(first) + 2, len(TEXT)),
            date="2026-03-12",
            status="scheduled",
            country="GE",
        ),
    )
    with Store.open(url) as store:
        store.add_article(article)
        store.save_extraction(Extraction(article, (person,), events, extractor="test.v1"))
        store.upcoming(READ_DAY)  # a read brings the case lines up to its day
    return url


def test_help_lists_every_command_without_opening_a_store(tmp_path: Path) -> None:
    output, modules = run(["--help"], tmp_path)
    for command in ("ingest", "extract", "timex", "upcoming", "case", "cases", "serve", "watch"):
        assert f" {command} " in output
    assert loaded(modules, NOT_FOR_HELP) == []


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (["upcoming", "--today", "2026-03-06"], "2026-03-12"),  # another day: through Store
        (["people"], "Farrukh Olimov"),
        (["case", "Olimov", "--today", "2026-03-05"], "hearing"),
        (["timeline", "Olimov"], "arrest"),
    ],
)
def test_reading_commands_load_only_the_store_and_the_case_layer(
    args: list[str], shown: str, db: str, tmp_path: Path
) -> None:
    output, modules = run(args, tmp_path, db)
    assert shown in output
    assert "casefile.store" in modules  # it did read the store
    assert loaded(modules, NEVER) == []


def test_upcoming_on_the_day_last_read_needs_neither_sqlalchemy_nor_the_case_layer(
    db: str, tmp_path: Path
) -> None:
    output, modules = run(["upcoming", "--today", READ_DAY.isoformat()], tmp_path, db)
    assert "2026-03-12" in output and "Farrukh Olimov" in output
    assert "casefile.store.lite" in modules
    assert loaded(modules, NOT_FOR_AGENDA) == []


def test_the_probe_sees_a_heavy_import(tmp_path: Path) -> None:
    """`timex` parses text, so it must show up here: the check above can fail."""
    sample = tmp_path / "note.txt"
    sample.write_text("The hearing was moved to Friday.", encoding="utf-8")
    _, modules = run(["timex", str(sample), "--published", "2026-03-02"], tmp_path)
    assert loaded(modules, {"casefile.extract"}) == ["casefile.extract"]
