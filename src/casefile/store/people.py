"""Linking event subjects to stored people, inside one transaction.

A subject joins an existing person when its name matches one of the
person's spellings (`cases.names`) and conflicts with none of them: "Aslan
Movlayev" must not join a person known as both "Movlayev" and "Mansur
Movlayev". When several people match equally well ("Petrova" with "Anna
Petrova" and "Maria Petrova" stored), the subject gets a person of its own:
a wrong merge is worse than a split an analyst can merge later.

Two sessions linking at once could each create the same new person; on
PostgreSQL a transaction-scoped advisory lock makes them take turns (SQLite
allows one writer anyway).

Organisations join only on an identical name. Groups ("three men") are
never the same group in another article, so they join only a group of the
same name already linked to the article being saved.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from casefile.cases.names import (
    match_strength,
    name_key,
    name_tokens,
    names_conflict,
    same_person,
)
from casefile.model import Person
from casefile.store.schema import EventRow, PersonNameRow, PersonRow, utcnow

_LINKING_LOCK = 0x70656F70  # "peop"; any fixed number shared by all casefile sessions


@dataclass
class _Known:
    row: PersonRow
    forms: set[str] = field(default_factory=set)


def best_person(
    name: str, candidates: Iterable[tuple[int, Iterable[str]]], strict: bool = True
) -> int | list[int] | None:
    """The id of the one person `name` matches best; a list when several tie; None when none.

    `strict` also requires `name` to conflict with no spelling of the person
    (used when linking; a lookup by a user is lenient).
    """
    scores: dict[int, int] = {}
    for person_id, forms in candidates:
        forms = list(forms)
        if strict and any(names_conflict(name, form) for form in forms):
            continue
        score = max((match_strength(name, form) for form in forms), default=0)
        if score:
            scores[person_id] = score
    if not scores:
        return None
    top = max(scores.values())
    winners = [person_id for person_id, score in scores.items() if score == top]
    return winners[0] if len(winners) == 1 else winners


class PeopleLinker:
    """The people one save can link subjects to; loaded once, updated as subjects are linked."""

    def __init__(self, session: Session, article_id: str) -> None:
        self.session = session
        if session.get_bind().dialect.name == "postgresql":
            session.execute(select(func.pg_advisory_xact_lock(_LINKING_LOCK)))
        self.known: dict[int, _Known] = {}
        rows = session.execute(
            select(PersonRow, PersonNameRow.form).join(
                PersonNameRow, PersonNameRow.person_id == PersonRow.id
            )
        )
        for person, form in rows:
            self.known.setdefault(person.id, _Known(person)).forms.add(form)
        self.article_groups = set(
            session.scalars(
                select(EventRow.person_id)
                .join(PersonRow, PersonRow.id == EventRow.person_id)
                .where(EventRow.article_id == article_id, PersonRow.kind == "group")
            )
        )

    def link(self, subject: str, person: Person | None) -> int:
        """The id of the person `subject` names, created if new; records every spelling seen."""
        kind = person.kind if person else "person"
        seen = [person.name, *person.mentions] if person is not None else []
        forms = [subject, *(form for form in seen if same_person(form, subject))]
        found = self._find(subject, kind)
        known = self.known[found] if found is not None else self._create(subject, kind)
        for form in dict.fromkeys(forms):
            self._add_form(known, form)
        return known.row.id

    def _find(self, subject: str, kind: str) -> int | None:
        if kind == "person":
            candidates = [
                (pid, known.forms) for pid, known in self.known.items() if known.row.kind == kind
            ]
            found = best_person(subject, candidates)
            return found if isinstance(found, int) else None
        key = name_key(subject)
        for pid, known in self.known.items():
            if known.row.kind != kind or key not in {name_key(form) for form in known.forms}:
                continue
            if kind == "organization" or pid in self.article_groups:
                return pid
        return None

    def _create(self, subject: str, kind: str) -> _Known:
        row = PersonRow(name=subject, kind=kind, created_at=utcnow())
        self.session.add(row)
        self.session.flush()
        known = self.known[row.id] = _Known(row)
        if kind == "group":
            self.article_groups.add(row.id)
        return known

    def _add_form(self, known: _Known, form: str) -> None:
        """Record a spelling; the person's display name becomes the fullest one seen."""
        if form in known.forms:
            return
        known.forms.add(form)
        self.session.add(PersonNameRow(person_id=known.row.id, form=form, key=name_key(form)))
        if len(name_tokens(form)) > len(name_tokens(known.row.name)):
            known.row.name = form


def person_for(subject: str, people: Iterable[Person]) -> Person | None:
    """The article's Person a subject refers to (by its name or one of its mentions)."""
    key = name_key(subject)
    for person in people:
        if key in {name_key(form) for form in (person.name, *person.mentions)}:
            return person
    return None
