"""Name matching: invented names, one table per rule, both directions checked."""

import pytest

from casefile.cases.names import (
    acronym_of,
    fold,
    is_description,
    is_partial,
    match_strength,
    name_key,
    names_conflict,
    relative_named,
    relative_of,
    same_person,
    surname_first,
    swapped,
)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Ruslan Tagirov", "ruslan tagirov"),
        ("Руслан Тагиров", "ruslan tagirov"),
        ("  Ruslan   TAGIROV ", "ruslan tagirov"),
        ("Élodie Marchal", "elodie marchal"),
        ("Kerem Yıldırımlı", "kerem yildirimli"),
        ("Dar’ya O'Neill", "darya oneill"),
        ("Jean-Marc Dubreuil", "jean marc dubreuil"),
        ("R. Tagirov", "r tagirov"),
        ("", ""),
        ("...", ""),
    ],
)
def test_name_key(name: str, key: str) -> None:
    assert name_key(name) == key


@pytest.mark.parametrize(
    ("token", "folded"),
    [
        ("yegorova", "egorova"),
        ("egorova", "egorova"),
        ("alexei", "aleksei"),
        ("khamidov", "hamidov"),
        ("yuriy", "iuri"),
        ("yurii", "iuri"),
        ("youssef", "iusef"),
    ],
)
def test_fold(token: str, folded: str) -> None:
    assert fold(token) == folded


SAME = [
    # equal keys, across alphabets and accents
    ("Ruslan Tagirov", "Руслан Тагиров"),
    ("Zarina Saidova", "ZARINA SAIDOVA"),
    ("Élodie Marchal", "Elodie Marchal"),
    # one name inside the other, surname included
    ("Tagirov", "Ruslan Tagirov"),
    ("Ruslan Tagirov", "Ruslan Bekovich Tagirov"),
    # surname spelling variants
    ("Tagirov", "Tagiroff"),
    ("Ruslan Gaziyev", "Ruslan Gaziev"),
    ("Gaziyev", "Ruslan Gaziev"),
    ("Lyudmila Yermolayeva", "Lyudmila Ermolaeva"),
    ("Yermolayeva", "Ермолаева"),
    ("Timur Khodzhayev", "Timur Hodzhaev"),
    # given names compatible: transliteration, initials
    ("Aleksei Voronin", "Alexei Voronin"),
    ("Aleksandr Voronin", "Alexander Voronin"),
    ("A. Voronin", "Aleksandr Voronin"),
    ("Yusuf Karimov", "Youssouf Karimov"),
    ("Yury Belykh", "Yuriy Belykh"),
    # three or more words in another order
    ("Khalid Saeed Mohammed Hamdan", "Hamdan Khalid Saeed Mohamed"),
    # fewer words, in order, spelling variants folded
    ("Saeed Hamdan", "Khalid Saeed Mohammed Hamdan"),
    ("Mohamed Hamdan", "Khalid Saeed Mohammed Hamdan"),
    # a description matches itself, and a name typed in lowercase still matches
    ("three men", "Three men"),
    ("ruslan tagirov", "Ruslan Tagirov"),
]

DIFFERENT = [
    # same surname, different given names: never merged on the surname alone
    ("Zarina Saidova", "Madina Saidova"),
    ("Ruslan Tagirov", "Timur Tagirov"),
    ("A. Voronin", "Boris Voronin"),
    # a bare given name does not join a full name
    ("Ruslan", "Ruslan Tagirov"),
    # masculine and feminine forms: usually two relatives
    ("Tagirov", "Tagirova"),
    ("Aleksandr Voronin", "Aleksandra Voronina"),
    ("Aleksandr Voronin", "Aleksandra Voronin"),
    # short surnames must match exactly
    ("Wei Li", "Wei Lu"),
    ("Omar Said", "Omar Saad"),
    # different surnames
    ("Ruslan Tagirov", "Ruslan Tahirov Beketov"),
    ("Zarina Saidova", "Zarina Sadykova"),
    # words of one name inside another, but out of order
    ("Hamdan Khalid", "Khalid Saeed Mohammed Hamdan"),
    # two words swapped could be two people
    ("Hassan Omar", "Omar Hassan"),
    # descriptions are not names
    ("detained activists", "three detained activists"),
    # nothing to compare
    ("", "Ruslan Tagirov"),
    ("---", "---"),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_same_person(a: str, b: str) -> None:
    assert same_person(a, b)
    assert same_person(b, a)


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_people(a: str, b: str) -> None:
    assert not same_person(a, b)
    assert not same_person(b, a)


@pytest.mark.parametrize(
    ("a", "b", "strength"),
    [
        ("Ruslan Tagirov", "Руслан Тагиров", 3),
        ("Tagirov", "Ruslan Tagirov", 2),
        ("Tagiroff", "Ruslan Tagirov", 1),
        ("Zarina Saidova", "Madina Saidova", 0),
    ],
)
def test_match_strength(a: str, b: str, strength: int) -> None:
    assert match_strength(a, b) == strength


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        ("Ruslan Tagirov", "Timur Tagirov", True),
        ("Ruslan Tagirov", "Timur Tagiroff", True),
        ("Ruslan Tagirov", "Tagirov", False),
        ("Ruslan Tagirov", "R. Tagirov", False),
        ("Ruslan Tagirov", "Zarina Saidova", False),
    ],
)
def test_names_conflict(a: str, b: str, conflict: bool) -> None:
    assert names_conflict(a, b) is conflict


@pytest.mark.parametrize(
    ("short", "long", "expected"),
    [
        ("FPDL", "Free Press Defence League", True),
        ("FPDL", "the Free Press Defence League", True),
        ("CPJW", "Committee for the Protection of Journalists Worldwide", True),
        ("FP", "Free Press", False),  # too short to tell
        ("fpdl", "Free Press Defence League", False),  # not written as an acronym
        ("FPDL", "Free Press League", False),
    ],
)
def test_acronym_of(short: str, long: str, expected: bool) -> None:
    assert acronym_of(short, long) is expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Sok Dara", "Dara Sok", True),
        ("Sok Dara", "Darra Sok", True),
        ("Sok Dara", "Sok Dara", False),
        ("Sok Dara Vann", "Dara Sok Vann", False),  # three words: same_person's reordering
        ("three men", "men three", False),
    ],
)
def test_swapped(a: str, b: str, expected: bool) -> None:
    assert swapped(a, b) is expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Tagirov", True), ("R. Tagirov", True), ("R. T. Tagirov", True), ("Ruslan Tagirov", False)],
)
def test_is_partial(name: str, expected: bool) -> None:
    assert is_partial(name) is expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("three men", True),
        ("over 300 Uighurs", True),
        ("three Russian activists", True),
        ("40 Kazakh nationals", True),
        ("Ruslan Tagirov", False),
        ("Uyghur men", False),  # capitalised: compared as a name
        ("CNRP", False),
    ],
)
def test_is_description(name: str, expected: bool) -> None:
    assert is_description(name) is expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Rahaf al-Qunun", "Rahaf AlQunun"),
        ("Rahaf al-Qunun", "Rahaf Alqunun"),
        ("Rahaf al-Qunun", "Rahaf Al Qunun"),
        ("Nabil el-Masri", "Nabil Elmasri"),
        ("Abdel Karim Haddad", "Abdelkarim Haddad"),
        ("Abdul-Karim Haddad", "Abdelkarim Haddad"),
        ("Mohamed Saleh", "Muhammad Saleh"),
        ("Mohammed Saleh", "Mohamad Saleh"),
        ("Youssef Darwish", "Yusuf Darwish"),
    ],
)
def test_particles_spacing_and_transliterated_given_names_are_one_name(a: str, b: str) -> None:
    assert same_person(a, b)
    assert not names_conflict(a, b)


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("Salma Ahmed", "Salma Ahmed Fahd al-Rashidi"),  # given name and father's, family left out
        ("Salma Ahmed", "Salma Ahmad Alrashidi"),
        ("Layla Mohamed", "Layla Muhammad Saleh el-Tayeb"),
        ("Yara Khalil", "Yara Khalil Nasser"),  # a father's name of father_names
    ],
)
def test_a_chain_name_cut_after_the_fathers_name_is_the_longer_name(short: str, full: str) -> None:
    assert same_person(short, full)
    assert same_person(full, short)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Salma Rashidi", "Salma Ahmed Fahd al-Rashidi Qasim"),  # not the start, not the surname
        ("Salma Darwish", "Salma Darwish Haddad"),  # 'Darwish' is no known father's name
        ("Ahmed Fahd", "Salma Ahmed Fahd al-Rashidi"),  # the father's own name, inside hers
    ],
)
def test_only_the_start_of_a_chain_name_ending_in_a_given_name_matches(a: str, b: str) -> None:
    assert not same_person(a, b)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Anna Ng's father", ("Anna Ng", "father")),
        ("Okoro's teenage son", ("Okoro", "son")),
        ("Sedov’s wife", ("Sedov", "wife")),
        ("the son of the late Femi Adeyemi", ("Femi Adeyemi", "son")),
        ("a daughter of Ruth Mensah", ("Ruth Mensah", "daughter")),
        ("Amnesty's director", None),  # no kin word
        ("Court of Appeal", None),
        ("Anna Ng", None),
    ],
)
def test_a_relative_named_through_someone(name: str, expected: tuple[str, str] | None) -> None:
    assert relative_named(name) == expected


@pytest.mark.parametrize(
    ("relative", "name", "expected"),
    [
        ("Anna Ng's father", "Ng Chun-kit", True),  # surname written first
        ("Okoro's teenage son", "Emeka Okoro", True),
        ("Sedov's wife", "Olga Sedova", True),  # the feminine form of his surname
        ("Anna Ng's father", "Anna Ng", False),  # the person named through is someone else
        ("Okoro's teenage son", "Emeka Adeyemi", False),
        ("Okoro's teenage son", "Okoro", False),  # a surname alone could be anyone
    ],
)
def test_a_relative_may_be_a_full_name_of_the_family(
    relative: str, name: str, expected: bool
) -> None:
    assert relative_of(relative, name) is expected
    assert not same_person(relative, name)  # only the context may join them


def test_two_names_written_surname_first_with_other_given_names_are_two_people() -> None:
    assert names_conflict("Ng Chun-kit", "Ng Mei-ling")
    assert surname_first("Ng Chun-kit") == "ng"
    assert surname_first("Jean-Luc Picard") is None
    assert surname_first("Anna Smith-Jones") is None


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Sergei Ivanov", "Anna Ivanova"),  # husband and wife
        ("Ivanov", "Anna Ivanova"),
        ("Mohamed Saleh", "Ahmed Saleh"),  # brothers
        ("Abdel Karim Haddad", "Abdel Rahman Haddad"),
    ],
)
def test_relatives_stay_apart(a: str, b: str) -> None:
    assert not same_person(a, b)
