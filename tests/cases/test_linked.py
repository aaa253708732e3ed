"""Linked people: role words beside a name, own cases, co-defendants. Invented sentences."""

from __future__ import annotations

import pytest

from casefile.cases import build_cases
from casefile.cases.linked import linked_people, role_of
from casefile.model import Person
from tests.cases.factory import extraction, report


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "His lawyer, Elmira Sadykova, said the ruling would be appealed.",
            "Elmira Sadykova",
            "lawyer",
        ),
        ("The court heard lawyer Elmira Sadykova on Monday.", "Elmira Sadykova", "lawyer"),
        ("Zaira Gazieva, his sister, said he was beaten.", "Zaira Gazieva", "sister"),
        ("His sister, Zaira Gazieva, said a lawyer saw bruises.", "Zaira Gazieva", "sister"),
        ("Gaziev's former lawyer, Elmira Sadykova, left the country.", "Gaziev", None),
        ("The third defendant, Oleg Brin, was acquitted.", "Oleg Brin", "defendant"),
        ("Oleg Brin was acquitted.", "Oleg Brin", None),
        ("Oleg Brinov, a lawyer, said nothing.", "Oleg Brin", None),  # not the same name
    ],
)
def test_role_of(text: str, name: str, role: str | None) -> None:
    assert role_of(text, Person(name, (name,))) == role


def test_linked_people_of_a_case() -> None:
    first = extraction(
        "x",
        "2026-06-12",
        report(
            "sentence",
            "Ruslan Gaziev",
            "2026-06-10",
            evidence="A court sentenced Ruslan Gaziev on Wednesday.",
        ),
        report("sentence", "Oleg Brin", "2026-06-10", evidence="Oleg Brin was sentenced with him."),
        people=("Elmira Sadykova", "Timur Akhmedov"),
    )
    text = first.article.text.replace(
        "Also named: Elmira Sadykova", "His lawyer, Elmira Sadykova, spoke; also named"
    )
    first = type(first)(
        article=type(first.article)(text=text, published=first.article.published, source_id="x"),
        people=first.people,
        events=first.events,
    )
    cases = build_cases([first])
    gaziev = next(c for c in cases if c.name == "Ruslan Gaziev")
    linked = linked_people(
        gaziev, {first.article.id: first.people}, {first.article.id: text}, cases
    )
    brin = next(c for c in cases if c.name == "Oleg Brin")
    assert [(p.name, p.role, p.person) for p in linked] == [
        ("Elmira Sadykova", "lawyer", None),
        ("Oleg Brin", "co-defendant", brin.person),
    ]
