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
        # a role word leading to the name through "of": the other side of the relation
        ("Saadet Demir, the wife of Alparslan Demir, was freed.", "Alparslan Demir", "spouse"),
        ("The lawyer of Oleg Brin, Elmira Sadykova, spoke.", "Oleg Brin", "client"),
        ("He is the son of the late Femi Adeyemi, a judge.", "Femi Adeyemi", "parent"),
        ("The older sister of Tunde Bello said he was beaten.", "Tunde Bello", "sibling"),
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


def test_a_relative_sharing_the_surname_the_case_holds_alone_is_linked() -> None:
    """The husband's case holds the bare "Demir" too; his wife Saadet Demir is not him."""
    text = "Police detained Alparslan Demir and his wife Saadet Demir. Demir was deported."
    told = extraction(
        "d",
        "2026-03-10",
        report("arrest", "Alparslan Demir", "2026-03-06", evidence="Police detained Alparslan."),
        report("deportation", "Demir", "2026-03-08", evidence="Demir was deported."),
        people=("Saadet Demir",),
    )
    cases = build_cases([told])
    [husband] = [c for c in cases if c.name == "Alparslan Demir"]
    assert "Demir" in husband.names
    linked = linked_people(husband, {told.article.id: told.people}, {told.article.id: text})
    assert [(p.name, p.role) for p in linked] == [("Saadet Demir", "wife")]
