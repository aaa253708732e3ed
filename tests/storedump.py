"""A store's content as plain data, to check that two ways of filling a store end the same.

Every table the schema declares is read whole, without what depends on when
or in which order rows were written rather than on what they say: row ids
(PostgreSQL and SQLite number them differently), timestamps, and the
resolution fingerprint built from ids. A reference to a person becomes the
person's name, so two stores whose people got other ids still compare equal
when the same events are filed under the same people.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import DateTime, Integer, select
from sqlalchemy.types import TypeDecorator

from casefile.store import Store
from casefile.store.schema import Base, PersonRow

# Bookkeeping of when people were last resolved: made of row ids, not of content.
SKIPPED_TABLES = {"alembic_version", "case_resolution"}


def dump(store: Store) -> dict[str, list[dict[str, Any]]]:
    """Each table's rows (sorted, ids and times left out); people by name."""
    with store.engine.connect() as connection:
        names = dict(connection.execute(select(PersonRow.id, PersonRow.name)).all())
        tables: dict[str, list[dict[str, Any]]] = {}
        for table in Base.metadata.sorted_tables:
            if table.name in SKIPPED_TABLES:
                continue
            columns = [column for column in table.columns if _is_content(column)]
            rows = []
            for row in connection.execute(select(*columns)):
                rows.append(
                    {
                        column.name: names.get(value) if _is_person_ref(column) else value
                        for column, value in zip(columns, row, strict=True)
                    }
                )
            tables[table.name] = sorted(rows, key=repr)
    return tables


def _is_content(column: Any) -> bool:
    kind = column.type.impl if isinstance(column.type, TypeDecorator) else column.type
    if isinstance(kind, DateTime):
        return False
    return not (column.primary_key and isinstance(kind, Integer))


def _is_person_ref(column: Any) -> bool:
    return any(key.column.table.name == "people" for key in column.foreign_keys)
