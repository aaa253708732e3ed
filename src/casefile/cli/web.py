"""`casefile serve` and `casefile user ...`: the web workspace and its accounts.

Registered on the main Typer app by `cli/app.py` (`register(app)`). Like the rest
of the CLI, each command is a few lines against the library; errors the
library raises (`CasefileError`) become one line in `cli.app.main`.
"""

from __future__ import annotations

import sys
from datetime import timedelta
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from casefile.errors import CasefileError

console = Console()

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="CASEFILE_DB",
        help="SQLAlchemy URL of the store [default: sqlite:///casefile.db]",
    ),
]

users = typer.Typer(help="Accounts of the web workspace.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    """Add `serve` and the `user` commands to the main command."""
    app.command()(serve)
    app.add_typer(users, name="user")


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on")] = 8000,
    db: DbOption = None,
) -> None:
    """Run the web workspace, where a team reviews and corrects case files."""
    import uvicorn

    from casefile.store import Store
    from casefile.web import WebSettings, create_app

    settings = WebSettings.from_env()
    with Store.open(db) as store:
        if not store.users():
            console.print("no accounts yet: add one with `casefile user add NAME --role editor`")
        console.print(f"casefile workspace on http://{host}:{port}/ (Ctrl-C stops it)")
        uvicorn.run(
            create_app(store, settings),
            host=host,
            port=port,
            log_level="warning",
            **settings.server_options(),
        )


@users.command("add")
def user_add(
    name: Annotated[str, typer.Argument(help="The user name to log in with")],
    role: Annotated[str, typer.Option(help="viewer, editor or admin")] = "viewer",
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input")
    ] = False,
    db: DbOption = None,
) -> None:
    """Create an account (the password is asked for, or read from stdin)."""
    from casefile.store import Store

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    with Store.open(db) as store:
        user = store.add_user(name, role, password)
    console.print(f"added {user.name} ({user.role})", highlight=False)


@users.command("list")
def user_list(db: DbOption = None) -> None:
    """List the accounts and their roles."""
    from casefile.store import Store

    with Store.open(db) as store:
        found = store.users()
    table = Table("name", "role", "active")
    for user in found:
        table.add_row(user.name, user.role, "yes" if user.active else "no")
    console.print(table)


@users.command("revoke")
def user_revoke(
    name: Annotated[str, typer.Argument(help="Whose sessions to end")],
    disable: Annotated[bool, typer.Option(help="Also refuse this user's future logins")] = False,
    db: DbOption = None,
) -> None:
    """End every session and API token of a user at once."""
    from casefile.store import Store

    with Store.open(db) as store:
        ended = store.revoke_user(name, disable=disable)
    what = " and disabled the account" if disable else ""
    console.print(f"ended {ended} session(s) of {name}{what}", highlight=False)


@users.command("token")
def user_token(
    name: Annotated[str, typer.Argument(help="Whose API token")],
    days: Annotated[int, typer.Option(help="How long the token lasts")] = 90,
    db: DbOption = None,
) -> None:
    """Print a new API token (send it as `Authorization: Bearer TOKEN`)."""
    from casefile.store import Store

    with Store.open(db) as store:
        user = next((user for user in store.users() if user.name == name), None)
        if user is None:
            raise CasefileError(f"no user {name!r}: `casefile user list` shows them")
        token, _ = store.open_session(user, "api", timedelta(days=days))
    print(token)


@users.command("feed")
def user_feed(
    name: Annotated[str, typer.Argument(help="Whose calendar feed token")],
    days: Annotated[int, typer.Option(help="How long the token lasts")] = 365,
    db: DbOption = None,
) -> None:
    """Print a new read-only calendar feed token: subscribe to /upcoming.ics?token=TOKEN.

    It opens the iCalendar feed and nothing else; `user feeds` lists the
    tokens, `user feed-revoke` ends one, `user revoke` ends them all.
    """
    from casefile.store import Store

    with Store.open(db) as store:
        token = store.feed_token(name, timedelta(days=days))
    print(token)
    console.print(f"subscribe to: http://HOST:PORT/upcoming.ics?token={token}", highlight=False)


@users.command("feeds")
def user_feeds(
    name: Annotated[str, typer.Argument(help="Whose calendar feed tokens")],
    db: DbOption = None,
) -> None:
    """List a user's calendar feed tokens (never the tokens themselves: only their ids)."""
    from casefile.store import Store

    with Store.open(db) as store:
        found = store.feed_tokens(name)
    table = Table("id", "created", "expires", "state")
    for token in found:
        state = f"revoked {token.revoked_at:%Y-%m-%d %H:%M}" if token.revoked_at else "live"
        table.add_row(
            str(token.id),
            f"{token.created_at:%Y-%m-%d %H:%M}",
            f"{token.expires_at:%Y-%m-%d}",
            state,
        )
    console.print(table)


@users.command("feed-revoke")
def user_feed_revoke(
    name: Annotated[str, typer.Argument(help="Whose feed token")],
    token_id: Annotated[int, typer.Argument(help="The id `user feeds` lists")],
    db: DbOption = None,
) -> None:
    """End one calendar feed token; the user's sessions and API tokens go on."""
    from casefile.store import Store

    with Store.open(db) as store:
        store.revoke_feed_token(name, token_id)
    console.print(f"revoked feed token #{token_id} of {name}", highlight=False)
