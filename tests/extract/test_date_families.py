"""Families of dating that carry across styles (extract/when.py, dating.py, events.py).

Each family is told in several styles of our own: a wire report, translated
regional press, an NGO release, a court report, a live blog. Beside each, a
look-alike shows what the rule must leave alone.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from casefile.extract import extract
from casefile.model import Article, Event


def events_of(nlp: Language, text: str, published: date, type_: str) -> list[Event]:
    found = extract(Article(text=text, published=published), nlp).events
    return [e for e in found if e.type == type_]


def the_date(nlp: Language, text: str, published: date, type_: str) -> str | None:
    [event] = events_of(nlp, text, published, type_)
    return event.date


# A red notice, a warrant or a charge is older than the arrest made on it: its own
# participle or relative clause dates it.
@pytest.mark.parametrize(
    ("text", "type_", "expected"),
    [
        (  # wire
            "In June, Spanish police detained the journalist Arman Beisen at Madrid airport "
            "on a Kazakh red notice issued in 2021.",
            "wanted",
            "2021",
        ),
        (  # translated regional press
            "Let us recall that on the 3rd of May the blogger Sherali Nabiev was taken into "
            "custody in Vilnius on the basis of a red notice which Dushanbe obtained in 2019.",
            "wanted",
            "2019",
        ),
        (  # NGO release
            "Kerim Aliyev was detained at Kutaisi airport on 2 October on an arrest warrant "
            "over charges of treason brought against him in 2022.",
            "charge",
            "2022",
        ),
    ],
)
def test_a_thing_made_earlier_keeps_its_own_date(
    nlp: Language, text: str, type_: str, expected: str
) -> None:
    assert the_date(nlp, text, date(2025, 7, 1), type_) == expected


def test_the_arrest_on_an_old_notice_keeps_the_arrest_day(nlp: Language) -> None:
    text = (
        "Police in Sofia detained the activist Baurzhan Tlek on 14 March on an Interpol "
        "red notice issued in 2018."
    )
    assert the_date(nlp, text, date(2025, 3, 20), "arrest") == "2025-03-14"


def test_a_later_act_on_the_notice_is_not_its_date(nlp: Language) -> None:
    text = (
        "The red notice against Timur Saidov, which Interpol deleted in 2021, "
        "had been sought by Dushanbe."
    )
    events = events_of(nlp, text, date(2025, 3, 20), "wanted")
    assert all(e.date != "2021" for e in events)


# "on 14 July of last year": the year narrows the day before it.
@pytest.mark.parametrize(
    ("text", "type_", "expected"),
    [
        (  # translated regional press
            "Recall that on the 9th of March of last year the city court found the poet "
            "Davron Ismoilov guilty and sentenced him to four years.",
            "sentence",
            "2024-03-09",
        ),
        (  # translated regional press
            "In October of this year the activist Zarina Bekova was added by the security "
            "service to its list of extremists.",
            "designation",
            "2025-10",
        ),
    ],
)
def test_a_date_of_a_named_year_keeps_its_day(
    nlp: Language, text: str, type_: str, expected: str
) -> None:
    assert the_date(nlp, text, date(2025, 11, 20), type_) == expected


# A birth date is never an event's date, nor the year a story is in.
def test_a_birth_year_dates_no_hearing(nlp: Language) -> None:
    text = (
        "On 2 June the provincial court postponed the appeal trial of Tran Van Hoa "
        "(born 1979, residing in Nghe An province) because his lawyer was ill."
    )
    [hearing] = events_of(nlp, text, date(2025, 6, 5), "hearing")
    assert hearing.date is None or not hearing.date.startswith("1979")


def test_a_birth_year_is_not_the_year_of_the_story(nlp: Language) -> None:
    text = "Ilyas Karimov, born in Osh in 1981, was detained in Moscow in April."
    assert the_date(nlp, text, date(2025, 6, 5), "arrest") == "2025-04"


# A time the parser reads as a verb's object is no person: the verb shares its subject.
@pytest.mark.parametrize(
    "text",
    [
        "On 28 April the singer Aziz Rahimov was pardoned and released the following day.",
        "On 28 April Aziz Rahimov was amnestied and freed the next day, his wife said.",
    ],
)
def test_a_release_the_next_day_is_the_next_day(nlp: Language, text: str) -> None:
    dates = {e.date for e in events_of(nlp, text, date(2025, 5, 10), "release")}
    assert "2025-04-29" in dates


# A verdict with no date of its own is read out at the story's one trial session.
def test_a_verdict_takes_the_day_of_the_trial(nlp: Language) -> None:
    text = (
        "DUSHANBE, May 6 — The trial of the youth leader Parviz Nurov was held behind closed "
        "doors on Friday, 29 April, in the capital's remand prison.\n\n"
        "His brother said the court sentenced Nurov to 16 years in a strict-regime colony."
    )
    assert the_date(nlp, text, date(2022, 5, 6), "sentence") == "2022-04-29"


def test_a_court_report_verdict_takes_the_session_day(nlp: Language) -> None:
    text = (
        "On 19 November the municipal court held the trial of eight leaders of the "
        "dissolved Rural Voice party in a single sitting.\n\n"
        "Presiding judge Keo Sovann sentenced the party's president, Chea Rithy, who lives "
        "in France, to nine years in prison."
    )
    assert the_date(nlp, text, date(2025, 11, 21), "sentence") == "2025-11-19"


def test_a_verdict_with_two_sessions_told_keeps_no_day_from_them(nlp: Language) -> None:
    text = (
        "The court heard witnesses against the teacher Olim Saidov on 3 March and again on "
        "17 March.\n\n"
        "Saidov was later sentenced to five years in prison."
    )
    [sentence] = events_of(nlp, text, date(2025, 6, 1), "sentence")
    assert sentence.date not in ("2025-03-03", "2025-03-17")


# A live blog's entries happen on its day, unless the entry gives a date of its own.
LIVE_BLOG = (
    "Live: verdict in the trial of the Harbour Radio hosts\n\n"
    "10:05 — Good morning from the District Court, where judges are due to rule today on "
    "the two hosts of Harbour Radio, Ho Ka-fai and Chan Wing-sze.\n\n"
    "10:52 — Ho Ka-fai has been acquitted of sedition. He walks free.\n\n"
    "11:20 — Background: Chan Wing-sze was first arrested on 3 May 2023. Police said she "
    "was detained at her flat in Mong Kok.\n\n"
    "11:40 Update: Chan Wing-sze is sentenced to 22 months in prison."
)


def test_a_live_blog_entry_happens_on_the_blog_day(nlp: Language) -> None:
    day = date(2026, 1, 23)
    assert the_date(nlp, LIVE_BLOG, day, "acquittal") == "2026-01-23"
    assert the_date(nlp, LIVE_BLOG, day, "sentence") == "2026-01-23"


def test_a_live_blog_entry_with_its_own_dates_is_background(nlp: Language) -> None:
    arrests = events_of(nlp, LIVE_BLOG, date(2026, 1, 23), "arrest")
    assert arrests
    assert all(e.date != "2026-01-23" for e in arrests)


# An adjective trigger states its event through a linking verb, whose time it is.
@pytest.mark.parametrize(
    "text",
    [
        "Bakhrom Aliev, 51, went missing in the Russian city of Kazan on Feb. 3.",
        "The blogger Bakhrom Aliev went missing in Kazan on the 3rd of February, relatives say.",
    ],
)
def test_gone_missing_on_a_day_is_that_day(nlp: Language, text: str) -> None:
    assert the_date(nlp, text, date(2025, 3, 1), "abduction") == "2025-02-03"


# "She was one of ten people detained": the participle is dated by the copula's clause.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On Dec. 29 Sokha Chan, a poet, was one of 12 Cambodians detained by "
            "immigration police at a workshop in Bangkok.",
            "2023-12-29",
        ),
        (
            "In 2019 Sokha Chan was among the 40 activists arrested after the rally.",
            "2019",
        ),
    ],
)
def test_one_of_a_group_detained_takes_the_clause_date(
    nlp: Language, text: str, expected: str
) -> None:
    assert the_date(nlp, text, date(2024, 1, 12), "arrest") == expected


# "the same evening", "hours later" go on with the scene before, across a paragraph break,
# and a scene is dated by its main clause, not by a date in a relative clause.
def test_the_same_evening_is_the_day_of_the_scene_before(nlp: Language) -> None:
    text = (
        "The Erbil court on Monday acquitted Karwan Salih of the killing of a blogger, who "
        "was shot outside his home on 6 May.\n\n"
        "Salih, who had been held since his arrest on 9 May, was released the same evening, "
        "his brother said."
    )
    assert the_date(nlp, text, date(2026, 6, 30), "release") == "2026-06-29"


def test_hours_later_is_the_day_of_the_raid(nlp: Language) -> None:
    text = (
        "Police detained the blogger Sardor Umarov in a raid on his flat in Riga on 3 March. "
        "He was released hours later without charge."
    )
    assert the_date(nlp, text, date(2026, 3, 20), "release") == "2026-03-03"


# "freed five hours after he was snatched": a span of hours counts from the day of the event
# the same sentence tells of the same person.
@pytest.mark.parametrize(
    "text",
    [
        "Gunmen abducted the teacher Mustafa Kaya in Nairobi on Friday, 18 October.\n\n"
        "Kaya was freed some five hours after he had been snatched, his wife said.",
        "Mustafa Kaya was abducted outside his school on 18 October.\n\n"
        "According to the family, Kaya was freed some 40 minutes after the abduction.",
    ],
)
def test_freed_hours_after_the_seizure_is_that_day(nlp: Language, text: str) -> None:
    assert the_date(nlp, text, date(2024, 10, 24), "release") == "2024-10-18"
