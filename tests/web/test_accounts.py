"""Accounts: the store's users and sessions, and `casefile user ...`."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from casefile.cli.app import app
from casefile.store import Store
from casefile.store.migrate import alembic_config
from casefile.store.users import AuthError


def test_the_migrations_have_one_head() -> None:
    assert len(ScriptDirectory.from_config(alembic_config()).get_heads()) == 1


def test_passwords_are_stored_as_argon2_hashes(tmp_path: Path) -> None:
    with Store.open(f"sqlite:///{tmp_path / 'u.db'}") as store:
        store.add_user("ana", "editor", "correct horse")
        with store.engine.connect() as connection:
            stored = connection.exec_driver_sql("select password_hash from users").scalar()
        assert stored.startswith("$argon2id$") and "correct horse" not in stored
        assert store.authenticate("ana", "correct horse", "127.0.0.1").role == "editor"


@pytest.mark.parametrize(
    ("name", "role", "password", "message"),
    [
        ("ana", "boss", "long enough", "role 'boss'"),
        ("ana", "viewer", "short", "at least 8"),
        (" ana", "viewer", "long enough", "surrounding spaces"),
    ],
)
def test_a_bad_account_is_refused(
    tmp_path: Path, name: str, role: str, password: str, message: str
) -> None:
    with (
        Store.open(f"sqlite:///{tmp_path / 'u.db'}") as store,
        pytest.raises(AuthError, match=message),
    ):
        store.add_user(name, role, password)


def test_names_are_unique_and_sessions_expire(tmp_path: Path) -> None:
    with Store.open(f"sqlite:///{tmp_path / 'u.db'}") as store:
        user = store.add_user("ana", "viewer", "long enough")
        with pytest.raises(AuthError, match="already exists"):
            store.add_user("ana", "editor", "long enough")
        token, login = store.open_session(user, lifetime=timedelta(seconds=-1))
        assert store.session_for(token) is None
        token, login = store.open_session(user)
        assert store.session_for(token) == login
        assert store.session_for(token + "x") is None


def test_the_user_commands(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    runner = CliRunner()
    added = runner.invoke(
        app, ["user", "add", "ana", "--role", "editor", "--password-stdin", "--db", db],
        input="a long password\n",
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    assert "added ana (editor)" in added.output
    listed = runner.invoke(app, ["user", "list", "--db", db])
    assert "ana" in listed.output and "editor" in listed.output
    token = runner.invoke(app, ["user", "token", "ana", "--db", db]).output.strip()
    with Store.open(db) as store:
        assert store.session_for(token) is not None
    revoked = runner.invoke(app, ["user", "revoke", "ana", "--disable", "--db", db])
    assert "ended 1 session(s) of ana and disabled the account" in revoked.output
    with Store.open(db) as store:
        assert store.session_for(token) is None
        with pytest.raises(AuthError):
            store.authenticate("ana", "a long password", "127.0.0.1")


def test_serve_is_a_command() -> None:
    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0 and "--port" in result.output and "--host" in result.output


def test_a_calendar_feed_token_opens_the_feed_alone_and_is_revoked_on_its_own(
    client: TestClient, store: Store
) -> None:
    db = str(store.engine.url)
    runner = CliRunner()
    printed = runner.invoke(app, ["user", "feed", "vic", "--db", db])
    assert printed.exit_code == 0, printed.output
    token = printed.output.splitlines()[0].strip()
    api_token = runner.invoke(app, ["user", "token", "vic", "--db", db]).output.strip()

    feed = client.get("/upcoming.ics", params={"token": token})
    assert feed.status_code == 200 and feed.text.startswith("BEGIN:VCALENDAR")
    assert "extradition" in feed.text.lower() or "hearing" in feed.text.lower()
    # read-only and for the feed only: not a login, not an API token
    assert client.get("/upcoming.json", params={"token": token}).status_code == 401
    bearer = {"authorization": f"Bearer {token}"}
    assert client.get("/upcoming.ics", headers=bearer).status_code == 401
    assert client.get("/cases.json", headers=bearer).status_code == 401
    assert client.get("/upcoming.ics", params={"token": "made-up"}).status_code == 401
    assert client.get("/cases/1/handover.pdf", params={"token": token}).status_code == 401

    listed = runner.invoke(app, ["user", "feeds", "vic", "--db", db]).output
    [token_id] = [line.split()[1] for line in listed.splitlines() if "live" in line]
    revoked = runner.invoke(app, ["user", "feed-revoke", "vic", token_id, "--db", db])
    assert revoked.exit_code == 0 and f"revoked feed token #{token_id} of vic" in revoked.output
    assert "revoked" in runner.invoke(app, ["user", "feeds", "vic", "--db", db]).output
    assert client.get("/upcoming.ics", params={"token": token}).status_code == 401
    assert client.get("/cases.json", headers={"authorization": f"Bearer {api_token}"}).is_success
    wrong = runner.invoke(app, ["user", "feed-revoke", "ana", token_id, "--db", db])
    assert wrong.exit_code == 1
