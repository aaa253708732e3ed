"""Person resolution across articles: invented people, one table per situation.

Each row gives the articles (a subject, and who else the article names) and
the expected grouping of the subjects into people.
"""

from __future__ import annotations

import pytest

from casefile.cases import PersonDecision, mention_id, mentions_of
from casefile.cases.names import name_key
from casefile.cases.resolve import resolve
from casefile.model import Extraction
from tests.cases.factory import extraction, report

Article = tuple[str, tuple[str, ...], str | None, str | None]  # subject, people, country, date


def articles(*rows: Article) -> list[Extraction]:
    """One extraction per row: an arrest of the subject, with its context."""
    return [
        extraction(
            f"a{i}",
            "2026-03-01",
            report("arrest", subject, date_, country=country, evidence=f"{i}: {subject} held."),
            people=people,
        )
        for i, (subject, people, country, date_) in enumerate(rows)
    ]


def grouping(
    extractions: list[Extraction], decisions: tuple[PersonDecision, ...] = ()
) -> list[set[int]]:
    """The people found, as sets of row numbers."""
    mentions = [m for x in extractions for m in mentions_of(x)]
    row_of = {m.id: i for i, m in enumerate(mentions)}
    people = resolve(mentions, decisions)
    return sorted(({row_of[m] for m in person.mentions} for person in people), key=min)


def row(subject: str, *people: str, country: str | None = None, on: str | None = None) -> Article:
    return (subject, people, country, on)


CASES = [
    (
        "spelling and alphabet variants are one person",
        [row("Ruslan Gaziyev"), row("Ruslan Gaziev"), row("Руслан Газиев")],
        [{0, 1, 2}],
    ),
    (
        "transliterated given names",
        [row("Aleksandr Voronin"), row("Alexander Voronin"), row("Oleksandr Voronin")],
        [{0, 1, 2}],
    ),
    ("a dropped Ye-", [row("Zoya Yemelyanova"), row("Zoya Emelyanova")], [{0, 1}]),
    ("three words in another order", [row("Nguyen Van Binh"), row("Binh Van Nguyen")], [{0, 1}]),
    ("a one-outlet typo", [row("Grigory Pankin"), row("Grigry Pankin")], [{0, 1}]),
    ("a full and a partial name", [row("Ruslan Gaziev"), row("Gaziev")], [{0, 1}]),
    (
        "a middle name and a variant",
        [row("Mansur Aliyevich Tsoroyev"), row("Mansur Tsoroev")],
        [{0, 1}],
    ),
    ("one surname, two given names", [row("Zarina Saidova"), row("Madina Saidova")], [{0}, {1}]),
    ("a relative's feminine form", [row("Ruslan Tagirov"), row("Tagirova")], [{0}, {1}]),
    (
        "a bare surname fitting two people, no context: left alone",
        [row("Anna Petrova"), row("Maria Petrova"), row("Petrova")],
        [{0}, {1}, {2}],
    ),
    (
        "a bare surname fitting two people, a shared lawyer decides",
        [
            row("Anna Petrova", "Igor Lebedev", country="KZ"),
            row("Maria Petrova", country="KZ"),
            row("Petrova", "Igor Lebedev", country="KZ"),
        ],
        [{0, 2}, {1}],
    ),
    (
        "a bare surname fitting two people, the same dated event decides",
        [
            row("Anna Petrova", on="2026-02-11"),
            row("Maria Petrova", on="2025-07-02"),
            row("Petrova", on="2026-02-11"),
        ],
        [{0, 2}, {1}],
    ),
    (
        "a bare surname does not chain two full names together",
        [row("Timur Tagirov"), row("Tagirov"), row("Ruslan Tagirov")],
        [{0}, {1}, {2}],
    ),
    ("two swapped words alone stay apart", [row("Sok Dara"), row("Dara Sok")], [{0}, {1}]),
    (
        "two swapped words with an agreeing context are one",
        [
            row("Sok Dara", "Chan Vibol", country="KH", on="2025-11-03"),
            row("Dara Sok", "Chan Vibol", country="KH", on="2025-11-03"),
        ],
        [{0, 1}],
    ),
    (
        "an acronym with a shared context",
        [
            row("Free Press Defence League", "Ilya Sorin", country="RU"),
            row("FPDL", "Ilya Sorin", country="RU"),
        ],
        [{0, 1}],
    ),
    ("an acronym without any context", [row("Free Press Defence League"), row("FPDL")], [{0}, {1}]),
    ("descriptions of groups in two articles", [row("three men"), row("three men")], [{0}, {1}]),
    (
        "a particle written attached, hyphenated or apart (blocked alike)",
        [row("Salma Ahmed Fahd al-Rashidi"), row("Salma Ahmed Alrashidi"), row("Salma Al Rashidi")],
        [{0, 1, 2}],
    ),
    (
        "a chain name cut after the father's name joins the longer spellings the context favours",
        [
            row("Salma Ahmed al-Rashidi", "Hana Khoury", country="TH", on="2025-01-07"),
            row("Salma Ahmed", "Hana Khoury", country="TH", on="2025-01-07"),
            row("Salma Ahmad Fahd Alrashidi", country="TH"),
        ],
        [{0, 1, 2}],
    ),
    (
        "a two-word chain name with nothing in common with the longer one stays apart",
        [row("Mohamed Ali Karimov", country="UZ", on="2024-03"), row("Mohamed Ali", country="SD")],
        [{0}, {1}],
    ),
    (
        "a given name transliterated three ways, each a variant of the middle one",
        [row("Ratanun Wongsakul"), row("Rathanan Wongsakul"), row("Ratanan Wongsakul")],
        [{0, 1, 2}],
    ),
    (
        "two given names far apart with no spelling between them stay two relatives",
        [row("Ratanun Wongsakul"), row("Rathanan Wongsakul")],
        [{0}, {1}],
    ),
    (
        "a relative named through someone joins the family member the context favours",
        [
            row("Chidi Okoro", country="NG", on="2025-03-02"),
            row("Emeka Okoro", "Chidi Okoro", "Grace Eze", country="NG", on="2025-04-10"),
            row("Okoro's teenage son", "Chidi Okoro", "Grace Eze", country="NG", on="2025-04-10"),
        ],
        [{0}, {1, 2}],
    ),
    (
        "'the son of the late X', as a translated report words it",
        [
            row("Tunde Adeyemi", "Bola Ige", country="GH", on="2024-11-20"),
            row("the son of the late Femi Adeyemi", "Bola Ige", country="GH", on="2024-11-20"),
            row("Femi Adeyemi", country="NG", on="2019-05"),
        ],
        [{0, 1}, {2}],
    ),
    (
        "a wife named through her husband, the feminine form of his surname",
        [
            row("Olga Sedova", "Pavel Kirin", country="GE", on="2026-01-15"),
            row("Sedov's wife", "Pavel Kirin", country="GE", on="2026-01-15"),
            row("Ivan Sedov", country="RU", on="2025-09"),
        ],
        [{0, 1}, {2}],
    ),
    (
        "a relative is not the person named through",
        [
            row("Musa Bello", country="NG", on="2025-06-01"),
            row("Musa Bello's wife", "Musa Bello", country="NG", on="2025-06-01"),
        ],
        [{0}, {1}],
    ),
    (
        "a relative two family members fit equally stays apart",
        [
            row("Emeka Okoro", "Grace Eze", country="NG", on="2025-04-10"),
            row("Ngozi Okoro", "Grace Eze", country="NG", on="2025-04-10"),
            row("Okoro's child", "Grace Eze", country="NG", on="2025-04-10"),
        ],
        [{0}, {1}, {2}],
    ),
]


@pytest.mark.parametrize(("rows", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_resolution(rows: list[Article], expected: list[set[int]]) -> None:
    assert grouping(articles(*rows)) == expected


def test_resolution_does_not_depend_on_the_order_of_full_names() -> None:
    rows = [row("Aleksandr Voronin"), row("Boris Voronin"), row("Alexander Voronin")]
    assert grouping(articles(*rows)) == [{0, 2}, {1}]
    assert grouping(articles(*reversed(rows))) == [{0, 2}, {1}]


def test_a_relative_never_joins_another_subject_of_its_own_article() -> None:
    """An article that names the daughter in full and tells of 'Eze's daughter' is about two
    people: had the relative been her, the article would have used her name."""
    told = extraction(
        "kin",
        "2026-02-01",
        report("arrest", "Ada Eze", "2026-01-20", country="NG"),
        report("arrest", "Eze's daughter", "2026-01-20", country="NG"),
        people=("Grace Eze",),
    )
    other = extraction(
        "named",
        "2026-02-03",
        report("arrest", "Ada Eze", "2026-01-20", country="NG"),
        people=("Grace Eze",),
    )
    mentions = [m for x in (told, other) for m in mentions_of(x)]
    people = resolve(mentions)
    assert sorted(sorted(name_key(n) for n in p.names) for p in people) == [
        ["ada eze"],
        ["ezes daughter"],
    ]


def test_one_article_naming_a_person_twice_is_one_mention_with_every_spelling() -> None:
    text = extraction(
        "a",
        "2026-01-30",
        report("arrest", "Ruslan Gaziev", "2025-05"),
        report("flight", "Ruslan Gaziev", "2023"),
    )
    [mention] = mentions_of(text)
    assert mention.id == mention_id(text.article.id, "Ruslan Gaziev")
    assert mention.countries == frozenset()
    assert mention.events == frozenset({("arrest", "2025-05"), ("flight", "2023")})


def _ids(extractions: list[Extraction], *rows: int) -> tuple[str, ...]:
    return tuple(
        mention_id(extractions[i].article.id, extractions[i].events[0].subject) for i in rows
    )


def test_an_analyst_merge_joins_conflicting_names_and_new_articles_follow() -> None:
    extractions = articles(row("Anna Petrova"), row("Anya Petrova"))
    assert grouping(extractions) == [{0}, {1}]
    merge = PersonDecision("merge", _ids(extractions, 0), _ids(extractions, 1))
    assert grouping(extractions, (merge,)) == [{0, 1}]
    more = [*extractions, extraction("late", "2026-04-01", report("release", "Anna Petrova"))]
    assert grouping(more, (merge,)) == [{0, 1, 2}]


def test_an_analyst_split_keeps_namesakes_apart_and_a_later_merge_undoes_it() -> None:
    extractions = articles(row("Oleg Ivanov"), row("Oleg Ivanov"), row("Ivanov"))
    assert grouping(extractions) == [{0, 1, 2}]
    split = PersonDecision("split", _ids(extractions, 1), _ids(extractions, 0, 2))
    assert grouping(extractions, (split,)) == [{0, 2}, {1}]
    merge = PersonDecision("merge", _ids(extractions, 1), _ids(extractions, 0, 2))
    assert grouping(extractions, (split, merge)) == [{0, 1, 2}]


def test_decisions_about_mentions_no_longer_there_are_ignored() -> None:
    extractions = articles(row("Oleg Ivanov"), row("Oleg Ivanov"))
    gone = PersonDecision("split", ("nowhere:oleg ivanov",), _ids(extractions, 0))
    assert grouping(extractions, (gone,)) == [{0, 1}]


def test_people_get_the_fullest_name_and_every_spelling() -> None:
    extractions = articles(row("Gaziev"), row("Ruslan Gaziev"), row("Руслан Газиев"))
    [person] = resolve([m for x in extractions for m in mentions_of(x)])
    assert person.id == 1
    assert person.name == "Ruslan Gaziev"
    assert set(person.names) == {"Gaziev", "Ruslan Gaziev", "Руслан Газиев"}
    assert {name_key(n) for n in person.names} == {"gaziev", "ruslan gaziev"}
    assert len(person.articles) == 3


def test_a_person_found_through_a_relation_is_shown_by_name() -> None:
    extractions = articles(
        row("Okoro's teenage son", "Chidi Okoro", "Grace Eze", country="NG", on="2025-04-10"),
        row("Emeka Okoro", "Chidi Okoro", "Grace Eze", country="NG", on="2025-04-10"),
    )
    [person] = resolve([m for x in extractions for m in mentions_of(x)])
    assert person.name == "Emeka Okoro"
    assert set(person.names) == {"Okoro's teenage son", "Emeka Okoro"}


# Spellings of one name and of near strangers, in the ways outlets write them.
NAMES = [
    *("Mansur Movlayev", "Movlaev", "M. Movlayev", "Мовлаев", "Aslan Movlayev", "Movlayeva"),
    *("Yelena Yemelyanova", "Elena Emelyanova", "Emelianova", "Ahmed Jaffar Ali"),
    *("Ali Ahmed Jaafar", "Lim Kimya", "Kimya Lim", "Kim Lim", "CNRP", "C.N.R.P."),
    *("Cambodia National Rescue Party", "Abdel Karim Qunun", "Abdelkarim al-Qunun"),
    *("Dzhamshid Kholov", "Jamshid Holov", "Holova", "Sergei Petrov", "Sergey Petrof"),
    *("Pahonia Rights Centre", "PRC", "Olga Ivanenko", "Ivanenko", "Ivanenkova", "Vanenko"),
    *("Salma Ahmed", "Salma Ahmed Fahd al-Rashidi", "Okoro's teenage son", "Chidi Okoro"),
    *("the son of the late Okoro", "Ng Wai-lok", "Ng Mei-ling", "Anna Ng's father", "Okorova"),
]


def test_names_that_cannot_relate_are_told_apart_without_weighing_them() -> None:
    """`_may_relate` skips a pair only where the full relation is none (and it skips some)."""
    from casefile.cases.resolve import _NONE, _may_relate, _names_relation

    skipped = related = 0
    for a in NAMES:
        for b in NAMES:
            relation = _names_relation(a, "person", b, "person")
            if not _may_relate(a, b):
                assert relation == _NONE, (a, b)
                skipped += 1
            related += relation != _NONE
    assert skipped > len(NAMES) and related > len(NAMES)
