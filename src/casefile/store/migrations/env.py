"""Alembic's entry point for casefile's migrations.

casefile runs Alembic programmatically (`casefile.store.migrate`), handing it
an open connection in `config.attributes["connection"]`, so no alembic.ini
and no URL in a file is needed. `sqlalchemy.url` in the config is the
fallback for running Alembic by hand.
"""

from typing import Any, Literal

from alembic import context
from alembic.autogenerate.api import AutogenContext
from sqlalchemy import Connection, create_engine

from casefile.store.schema import Base, UtcDateTime


def render_item(type_: str, obj: Any, autogen_context: AutogenContext) -> str | Literal[False]:
    """Write UtcDateTime as the DateTime it is in DDL, so migrations never import schema.py."""
    if type_ == "type" and isinstance(obj, UtcDateTime):
        return "sa.DateTime()"
    return False


def run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite cannot ALTER much
        render_item=render_item,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    run(connection)
else:
    engine = create_engine(context.config.get_main_option("sqlalchemy.url") or "")
    with engine.begin() as fresh:
        run(fresh)
