"""`store.lite` reads a SQLite store's agenda without SQLAlchemy, exactly as `Store` reads it.

`casefile upcoming` answers from `lite.agenda` when it can; where it cannot
(another engine, lines not computed for the day, an older schema) `agenda`
must say so (None) rather than read something `Store` would not show.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from casefile.store import Store, lite
from tests.generated import articles

TODAY = date(2024, 6, 1)


@pytest.fixture
def url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    with Store.open(url) as store:
        for extraction in articles(30, seed=5):
            store.save_extraction(extraction)
        store.upcoming(TODAY)  # the lines are brought up to TODAY, as any first read does
    return url


@pytest.mark.parametrize("days", [0, 30, 400])
def test_the_agenda_read_without_sqlalchemy_is_the_stores(url: str, days: int) -> None:
    found = lite.agenda(url, TODAY, days)
    assert found is not None
    with Store.open(url) as store:
        assert found == (store.upcoming(TODAY, days), store.overdue(TODAY))
    if days == 400:
        assert found[0] and found[1]  # both lists have rows: the comparison above can fail


def test_lines_of_another_day_are_left_to_the_store(url: str) -> None:
    assert lite.agenda(url, date(2024, 6, 2), 30) is None
    with Store.open(url) as store:
        expected = (store.upcoming(date(2024, 6, 2), 30), store.overdue(date(2024, 6, 2)))
    assert lite.agenda(url, date(2024, 6, 2), 30) == expected  # the store moved the lines


def test_an_older_schema_is_left_to_the_store(url: str) -> None:
    path = lite.sqlite_file(url)
    assert path is not None
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'older'")
    assert lite.agenda(url, TODAY, 30) is None


@pytest.mark.parametrize(
    "other",
    [
        "postgresql+psycopg://root@127.0.0.1:5432/test",
        "sqlite://",
        "sqlite:///:memory:",
        "sqlite:///missing.db?mode=ro",
    ],
)
def test_other_urls_are_left_to_the_store(other: str, tmp_path: Path) -> None:
    assert lite.agenda(other, TODAY, 30) is None
    assert lite.agenda(f"sqlite:///{tmp_path / 'none.db'}", TODAY, 30) is None
