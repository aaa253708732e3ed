"""One contract suite, two engines: every test taking `store` runs on SQLite and PostgreSQL.

The PostgreSQL leg uses the `postgres_url` fixture of tests/conftest.py: a
fresh schema per test on the server named by $CASEFILE_TEST_POSTGRES. If the
server is unreachable the leg fails (CI has one); deselect it locally with
`-m "not postgres"`.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from casefile.store import Store


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp('store') / 'casefile.db'}"
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with Store.open(store_url) as opened:
        yield opened
