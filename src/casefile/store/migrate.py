"""Opening a database and bringing its schema to the current version.

Alembic is configured in code, with `script_location` pointing at the
`migrations/` folder inside this package, so migrations run from an installed
wheel in any working directory: there is no alembic.ini.

To write a new migration after changing `schema.py`:

    from alembic import command
    from casefile.store.migrate import alembic_config
    command.revision(alembic_config("sqlite:///scratch.db"), "add users", autogenerate=True)

(run it against a database migrated to the previous head), then review the
generated file in `migrations/versions/`.

Opening a store that is already at the newest schema, which is nearly every
time, reads one row and never imports Alembic (a third of a second of a
command's start-up): the newest revision is read from the migration files'
`revision` and `down_revision` lines. Anything else (an empty store, an
older one, files that cannot be read that way) goes through Alembic.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event, func, make_url, select, text
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from casefile.errors import StoreError
from casefile.store.lite import DEFAULT_URL, MIGRATIONS, default_url, head_in_files

__all__ = [
    "DEFAULT_URL",
    "MIGRATIONS",
    "URL_HINT",
    "alembic_config",
    "create_store_engine",
    "current_revision",
    "default_url",
    "head_in_files",
    "head_revision",
    "migrate",
    "safe_url",
]

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

# Any fixed number: PostgreSQL sessions migrating the same database take turns on it.
_MIGRATION_LOCK = 0x63617365  # "case"

URL_HINT = "set CASEFILE_DB to e.g. sqlite:///casefile.db or postgresql+psycopg://user@host/db"


def safe_url(url: str) -> str:
    """The URL for messages and logs, password hidden."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def create_store_engine(url: str) -> Engine:
    """An engine for `url`; on SQLite with foreign keys enforced (SQLite leaves them off)."""
    try:
        engine = create_engine(url)
    except (ArgumentError, ImportError, SQLAlchemyError) as error:
        raise StoreError(f"cannot use store URL {safe_url(url)!r} ({error}): {URL_HINT}") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_on_connect)
    return engine


def _sqlite_on_connect(dbapi_connection: Any, connection_record: Any) -> None:
    """Foreign keys on; a file store in WAL mode, so reads go on while an ingest writes.

    In WAL mode `synchronous=NORMAL` syncs at checkpoints, not at every
    commit: a killed process loses nothing committed and the file cannot be
    corrupted; only a power cut may take back the last commits (SQLite's
    documented trade-off). An ingest commits a partition at a time, and
    waiting for the disk at each commit made the writer, not extraction, the
    slow part. A 32 MB page cache keeps the indexes a batch reads in memory
    as the store grows past SQLite's 2 MB default.
    """
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    if cursor.execute("PRAGMA journal_mode").fetchone()[0] not in ("memory", "wal"):
        cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA cache_size=-32000")
    cursor.close()


def alembic_config(url: str | None = None, connection: Connection | None = None) -> Config:
    """An Alembic configuration for casefile's migrations, without an alembic.ini."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if url is not None:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str | None:
    """The newest migration this version of casefile knows."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(connection: Connection) -> str | None:
    """The migration a database is at, None for an empty one."""
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def _is_at(engine: Engine, revision: str | None) -> bool:
    """Whether the database is exactly at `revision` (False whenever that cannot be read)."""
    if revision is None:
        return False
    try:
        with engine.connect() as connection:
            stored = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    except SQLAlchemyError:  # no such table yet, or no database: Alembic's path says why
        return False
    return [row[0] for row in stored] == [revision]


def migrate(engine: Engine) -> None:
    """Bring the database to the newest schema, in one transaction.

    On PostgreSQL an advisory lock makes concurrent openers wait rather than
    race each other through the same migration. A database migrated by a
    newer casefile is refused rather than touched.
    """
    if _is_at(engine, head_in_files()):
        return
    from alembic import command
    from alembic.script import ScriptDirectory

    head = head_revision()
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(select(func.pg_advisory_xact_lock(_MIGRATION_LOCK)))
        current = current_revision(connection)
        if current == head:
            return
        known = {
            script.revision
            for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()
        }
        if current is not None and current not in known:
            raise StoreError(
                f"the store is at schema version {current}, newer than this casefile knows: "
                "upgrade casefile"
            )
        log.info("migrating store from %s to %s", current or "empty", head)
        command.upgrade(alembic_config(connection=connection), "head")
