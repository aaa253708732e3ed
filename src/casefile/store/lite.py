"""The agenda read straight from a SQLite store, for a command line that starts at once.

`casefile upcoming` reads one window of materialised agenda rows
(`store.case_dates`). Through `Store` that read waits for SQLAlchemy's ORM,
the schema's mappings and the case layer to import (most of half a second)
before it runs a query that takes a millisecond. Here the same two queries
run through the standard library's `sqlite3`, read-only, and only when
they are exactly what `Store.upcoming` and `Store.overdue` would read:

- the URL names a SQLite file that exists (PostgreSQL and anything unusual
  go through `Store`);
- the store is at the newest migration (read from the migration files, as
  `store.migrate` checks it);
- the case lines hold for the day asked (`case_index.holds_for`: indexed,
  computed for that day, none stale).

Otherwise `agenda` answers None and the caller opens the `Store`, which
brings the lines up to the day (so the next read of that day is quick
again). This module imports nothing from SQLAlchemy or the case layer;
`tests/store/test_lite.py` checks it reads what `Store` reads.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from casefile.store.results import UpcomingEvent, item_from_json

DEFAULT_URL = "sqlite:///casefile.db"
MIGRATIONS = Path(__file__).parent / "migrations"
# case_resolution.fingerprint once the index is built; a new version re-indexes on first use
# v2: particle-joined surnames, chain names; v3: aliases; v4: each mention's context stored
INDEX_VERSION = "case-index-v4"
UPCOMING, OVERDUE = "upcoming", "overdue"  # case_file_dates.which

# `revision: str = "0009"` and `down_revision: str | None = "0008"` (or None) in a migration.
_REVISION_LINE = re.compile(
    r"^(?P<which>revision|down_revision)\s*(?::[^=\n]*)?=\s*(?P<value>None|\"[^\"]+\"|'[^']+')\s*$",
    re.MULTILINE,
)
_SQLITE_FILE = re.compile(r"^sqlite(?:\+pysqlite)?:///(?P<path>[^?]+)$")

_UPCOMING = (
    "SELECT item FROM case_file_dates WHERE which = ? AND date <= ? "
    "ORDER BY date, sort_name, person_id, seq"
)
_OVERDUE = (
    "SELECT item FROM case_file_dates WHERE which = ? "
    "ORDER BY date DESC, person DESC, person_id, seq"
)
_STALE = "SELECT 1 FROM case_files WHERE valid_from > ? OR valid_until <= ? LIMIT 1"


def default_url() -> str:
    """The store to use when none is named: $CASEFILE_DB, else casefile.db in the working folder."""
    return os.environ.get("CASEFILE_DB") or DEFAULT_URL


@lru_cache(maxsize=1)
def head_in_files() -> str | None:
    """The newest migration, read from the files without Alembic; None if they do not say.

    One chain of revisions is expected: a file without both lines, a merge
    (a tuple of down revisions) or two heads give None, and Alembic decides.
    """
    revisions: dict[str, str | None] = {}
    for path in (MIGRATIONS / "versions").glob("*.py"):
        lines = {m["which"]: m["value"] for m in _REVISION_LINE.finditer(path.read_text("utf-8"))}
        if set(lines) != {"revision", "down_revision"}:
            return None
        down = lines["down_revision"]
        revisions[lines["revision"].strip("\"'")] = None if down == "None" else down.strip("\"'")
    heads = set(revisions) - set(revisions.values())
    return heads.pop() if len(heads) == 1 else None


def sqlite_file(url: str) -> Path | None:
    """The file of a plain `sqlite:///PATH` URL (no options, not in memory), else None."""
    found = _SQLITE_FILE.match(url)
    if found is None or found["path"] in ("", ":memory:"):
        return None
    return Path(found["path"])


def agenda(
    url: str | None, today: date, days: int
) -> tuple[list[UpcomingEvent], list[UpcomingEvent]] | None:
    """`Store.upcoming(today, days)` and `Store.overdue(today)`, or None where only `Store` can
    answer (see the module's docstring)."""
    path = sqlite_file(url or default_url())
    head = head_in_files()
    if path is None or head is None or not path.is_file():
        return None
    try:
        with _read_only(path) as connection:
            if not _ready(connection, head, today):
                return None
            last = (today + timedelta(days=days)).isoformat()
            upcoming = connection.execute(_UPCOMING, (UPCOMING, last)).fetchall()
            overdue = connection.execute(_OVERDUE, (OVERDUE,)).fetchall()
    except sqlite3.Error:
        return None
    return (
        [item_from_json(json.loads(item)) for (item,) in upcoming],
        [item_from_json(json.loads(item)) for (item,) in overdue],
    )


class _read_only:
    """A read-only connection in one read transaction, closed at the end."""

    def __init__(self, path: Path) -> None:
        self.connection = sqlite3.connect(
            f"file:{quote(str(path.resolve()))}?mode=ro", uri=True, isolation_level=None
        )

    def __enter__(self) -> sqlite3.Connection:
        self.connection.execute("BEGIN")  # both lists and the checks read one snapshot
        return self.connection

    def __exit__(self, *exc: object) -> None:
        self.connection.close()


def _ready(connection: sqlite3.Connection, head: str, today: date) -> bool:
    """At the newest migration, with case lines that hold for `today`."""
    versions = [row[0] for row in connection.execute("SELECT version_num FROM alembic_version")]
    if versions != [head]:
        return False
    state = connection.execute(
        "SELECT fingerprint, today FROM case_resolution WHERE id = 1"
    ).fetchone()
    if state is None or state[0] != INDEX_VERSION or state[1] != today.isoformat():
        return False
    day = today.isoformat()
    return connection.execute(_STALE, (day, day)).fetchone() is None
