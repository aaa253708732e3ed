"""A store's content as plain data, to check that two ways of filling a store end the same.

Every table the schema declares is read whole, without what depends on when
or in which order rows were written rather than on what they say: row ids
(PostgreSQL and SQLite number them differently), timestamps (also inside
JSON columns), and the resolution fingerprint built from ids. A reference
to a person (a `person_id` column, or an `id` or `person_id` inside JSON)
becomes the person's name, so two stores whose people got other ids still
compare equal when the same events are filed under the same people.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import JSON, DateTime, Integer, select
from sqlalchemy.types import TypeDecorator

from casefile.store import Store
from casefile.store.schema import Base, PersonRow

# Bookkeeping of when people were last resolved: made of row ids, not of content.
SKIPPED_TABLES = {"alembic_version", "case_resolution"}
TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")
PERSON_KEYS = {"id", "person_id", "person"}


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
                        column.name: _value(column, value, names)
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


def _value(column: Any, value: Any, names: dict[int, str]) -> Any:
    if column.name == "person_id" or any(
        key.column.table.name == "people" for key in column.foreign_keys
    ):
        return names.get(value, value)
    if isinstance(column.type, JSON):
        return _json(value, names)
    return value


def _json(value: Any, names: dict[int, str]) -> Any:
    """A JSON value with timestamps left out and person ids made names."""
    if isinstance(value, dict):
        return {
            key: names.get(item, item)
            if key in PERSON_KEYS and isinstance(item, int)
            else _json(item, names)
            for key, item in value.items()
            if not (isinstance(item, str) and TIMESTAMP.match(item))
        }
    if isinstance(value, list):
        return [_json(item, names) for item in value]
    return value
