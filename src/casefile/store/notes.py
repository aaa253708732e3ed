"""Analysts' notes on a case: custody place, contacts, next steps; with who wrote them and when.

A note is written once and never edited, like every entry of the audit log,
so the audit log is where notes live: an entry `add_note` on the case, its
text and the person's name in the details. Reading a case's notes reads
those entries. A note names the person by id and by name, so it stays with
the case when people are merged or renumbered: a note whose id no longer
matches is found by any of the case's names.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from casefile.errors import CasefileError
from casefile.store.schema import AuditRow, utcnow

MAX_NOTE = 5000


@dataclass(frozen=True)
class Note:
    id: int
    person_id: int
    name: str
    who: str
    at: datetime
    text: str

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "person_id": self.person_id,
            "name": self.name,
            "who": self.who,
            "at": self.at.isoformat(),
            "text": self.text,
        }


class CaseNotes:
    """Store methods for case notes (mixed into `Store`)."""

    _session: sessionmaker[Session]

    def add_note(self, person_id: int, name: str, text: str, who: str) -> Note:
        """Keep an analyst's note on a case (audited: it is an entry of the audit log)."""
        text = text.strip()
        if not text:
            raise CasefileError("a note needs some text")
        if len(text) > MAX_NOTE:
            raise CasefileError(f"a note is at most {MAX_NOTE} characters, not {len(text)}")
        if not who:
            raise CasefileError("a note needs the name of who wrote it")
        with self._session.begin() as session:
            row = AuditRow(
                at=utcnow(),
                who=who,
                action="add_note",
                object_type="case",
                object_id=str(person_id),
                details={"name": name, "text": text},
            )
            session.add(row)
            session.flush()
            return _note(row)

    def case_notes(self, person_id: int, names: list[str] | None = None) -> list[Note]:
        """The notes on a case, oldest first: by its id, or by any of its `names`."""
        query = select(AuditRow).where(AuditRow.action == "add_note").order_by(AuditRow.id)
        known = set(names or ())
        with self._session() as session:
            return [
                _note(row)
                for row in session.scalars(query)
                if row.object_id == str(person_id) or row.details.get("name") in known
            ]


def _note(row: AuditRow) -> Note:
    person_id = int(row.object_id) if row.object_id.isdigit() else 0
    return Note(row.id, person_id, str(row.details.get("name", "")), row.who, row.at,
                str(row.details.get("text", "")))  # fmt: skip
