"""Fixtures every test folder can use: a PostgreSQL schema of one's own.

Tests marked `postgres` use the server named by $CASEFILE_TEST_POSTGRES
(default: root on 127.0.0.1:5432, database `test`). Each test gets a fresh
schema, dropped afterwards, so runs can repeat and run in parallel. If the
server is unreachable the test fails (CI has one); deselect locally with
`-m "not postgres"`.

`store` is one contract suite on two engines: every test taking it runs on
SQLite and on PostgreSQL (tests/web, test_alerts and test_watch keep a
SQLite store of their own).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.schema import CreateSchema, DropSchema

from casefile.store import Store

POSTGRES_URL = os.environ.get(
    "CASEFILE_TEST_POSTGRES", "postgresql+psycopg://root@127.0.0.1:5432/test"
)


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A URL whose connections see only a new, empty schema (via search_path)."""
    admin = create_engine(POSTGRES_URL)
    schema = f"casefile_test_{uuid.uuid4().hex[:12]}"
    try:
        with admin.begin() as connection:
            connection.execute(CreateSchema(schema))
    except OperationalError as error:
        admin.dispose()
        where = make_url(POSTGRES_URL).render_as_string(hide_password=True)
        pytest.fail(
            f"PostgreSQL at {where} is unreachable ({error.orig}); start it, set "
            'CASEFILE_TEST_POSTGRES, or deselect with -m "not postgres"',
            pytrace=False,
        )
    url = make_url(POSTGRES_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(DropSchema(schema, cascade=True))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp('store') / 'casefile.db'}"
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with Store.open(store_url) as opened:
        yield opened
