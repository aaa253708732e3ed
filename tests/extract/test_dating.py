"""Undated events take the date of their scene or their story (extract/dating.py).

Each article is ours; each test reads one event and says which date it takes
and where that date came from.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from casefile.extract import extract, load_nlp
from casefile.model import Article, Event


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def the_event(nlp: Language, text: str, published: date, type_: str) -> Event:
    found = [e for e in extract(Article(text=text, published=published), nlp).events]
    [event] = [e for e in found if e.type == type_]
    return event


def test_a_scene_dated_once_dates_what_follows(nlp: Language) -> None:
    text = (
        "Eight masked men broke into Lev Orlin's flat in Osh on October 16. "
        "They put Orlin into a car and abducted him."
    )
    event = the_event(nlp, text, date(2023, 11, 4), "abduction")

    assert (event.date, event.date_from) == ("2023-10-16", "context")


def test_a_new_paragraph_starts_a_new_scene(nlp: Language) -> None:
    text = (
        "Eight masked men broke into Lev Orlin's flat in Osh on October 16.\n\n"
        "Rights groups say Orlin was abducted."
    )
    event = the_event(nlp, text, date(2023, 11, 4), "abduction")

    assert event.date_from != "context"


def test_a_question_heading_starts_a_new_scene(nlp: Language) -> None:
    text = (
        "On Tuesday, 30 May, the journalist Rauf Orlin turned up in a detention centre in Baku. "
        "What does he say? "
        "Rauf Orlin says he was abducted near his home in Tbilisi."
    )
    event = the_event(nlp, text, date(2017, 6, 2), "abduction")

    assert event.date != "2017-05-30"


def test_a_scene_date_is_a_day_not_a_background_year(nlp: Language) -> None:
    text = (
        "Olga Lind moved to Vilnius in 2019 and has lived there since. "
        "She was beaten by two men outside her flat, her lawyer said."
    )
    event = the_event(nlp, text, date(2026, 6, 12), "ill_treatment")

    assert event.date != "2019"


def test_the_lead_takes_the_month_of_the_story(nlp: Language) -> None:
    text = (
        "TASHKENT, Feb 2 (Steppe Wire) — Uzbekistan has expelled the engineer Ivan Sorokin "
        "to Belarus, his employer said on Sunday.\n\n"
        "Prosecutors charged Sorokin with a visa violation on Jan. 28."
    )
    event = the_event(nlp, text, date(2026, 2, 2), "deportation")

    assert (event.date, event.date_from) == ("2026-01", "story")


def test_when_someone_spoke_is_not_the_story(nlp: Language) -> None:
    text = (
        "NAIROBI, Sept 1 (Lake Wire) — Pierre Mugenzi's son told reporters on Tuesday "
        "that his father had been kidnapped in Doha and flown to Kigali.\n\n"
        "Police paraded Mugenzi in front of cameras in Kigali on Monday, 31 August."
    )
    event = the_event(nlp, text, date(2020, 9, 1), "abduction")

    assert event.date == "2020-08"


def test_a_retold_abduction_takes_the_date_of_its_first_telling(nlp: Language) -> None:
    text = (
        "The reporter Rauf Aliyev vanished in Batumi on Monday evening, his brother said. "
        "A judge in Ganja will hear his case on Friday.\n\n"
        "Aliyev told his lawyer that he was abducted outside a shop by three strangers. "
        "They tied him up and beat him."
    )
    found = extract(Article(text=text, published=date(2017, 5, 31)), nlp).events
    abductions = [e for e in found if e.type == "abduction"]
    [beating] = [e for e in found if e.type == "ill_treatment"]

    assert [e.date for e in abductions] == ["2017-05-29"]
    assert beating.date == "2017-05-29"


def test_a_date_read_in_the_sentence_says_so(nlp: Language) -> None:
    text = "Police detained the blogger Aziz Karimov in Almaty on March 3."
    event = the_event(nlp, text, date(2026, 3, 6), "arrest")

    assert (event.date, event.date_from) == ("2026-03-03", None)


def test_future_events_are_not_dated_by_the_past(nlp: Language) -> None:
    text = (
        "Police detained Aziz Karimov in Almaty on March 3. "
        "Prosecutors plan to charge him with extremism."
    )
    found = extract(Article(text=text, published=date(2026, 3, 6)), nlp).events

    assert all(e.date == "2026-03-03" for e in found if e.status == "occurred")
    assert all(e.date is None for e in found if e.status != "occurred")


def test_co_defendants_hear_their_verdicts_the_same_day(nlp: Language) -> None:
    text = (
        "A court in Minsk on June 10 sentenced the blogger Ales Marchuk in absentia "
        "to ten years in prison.\n\n"
        "Marchuk was tried together with two people who remain in Belarus. "
        "The third defendant, the accountant Yanina Sokal, was acquitted."
    )
    event = the_event(nlp, text, date(2026, 6, 12), "acquittal")

    assert (event.date, event.date_from) == ("2026-06-10", "context")


def test_another_persons_news_is_not_this_story(nlp: Language) -> None:
    text = (
        "Late last month Kazakhstan deported the engineer Oleg Barsky to Moscow.\n\n"
        "Barsky had been fined for a traffic offence in Almaty on January 28.\n\n"
        "On Thursday, an Astana court turned down the asylum claim of Pavel Gorin.\n\n"
        "Barsky was detained by federal agents the moment his flight reached Moscow."
    )
    found = extract(Article(text=text, published=date(2026, 2, 6)), nlp).events
    [arrest] = [e for e in found if e.type == "arrest"]

    assert arrest.date == "2026-01"


def test_a_recap_in_the_body_takes_no_story_date(nlp: Language) -> None:
    text = (
        "ALMATY, Feb 2 (Steppe Wire) — Police in Almaty detained the engineer Ivan Sorokin "
        "on Jan. 28, a rights group said.\n\n"
        "The group says the case is fabricated.\n\n"
        "Sorokin had previously been convicted of taking part in a protest."
    )
    recap = the_event(nlp, text, date(2026, 2, 2), "sentence")

    assert recap.date is None


def test_what_police_said_had_happened_is_the_story(nlp: Language) -> None:
    text = (
        "BANGKOK, Jan 16 (Lake Wire) — The lawmaker Sok Chenda was shot dead on 7 January.\n\n"
        "On 8 January, police in Bangkok said a man had been arrested in Laos."
    )
    found = extract(Article(text=text, published=date(2025, 1, 16)), nlp).events
    [arrest] = [e for e in found if e.type == "arrest"]

    assert arrest.date == "2025-01"


def test_a_lead_retold_in_a_dated_scene_takes_the_scenes_day(nlp: Language) -> None:
    text = (
        "The activist Lev Orlin, whose abduction from Osh was reported in October, "
        "has turned up in a Moscow jail.\n\n"
        "His friends say he is held in Lefortovo. Eight men in plain clothes arrived on "
        "October 16 at the flat in Osh he rented. They pushed Orlin into a car and took him away."
    )
    [abduction] = [
        e
        for e in extract(Article(text=text, published=date(2023, 11, 4)), nlp).events
        if e.type == "abduction"
    ]

    assert abduction.date == "2023-10-16"


@pytest.mark.parametrize(
    "text",
    [
        "The Kyrgyz government confirmed the deportation of the blogger Ulan Sadykov on Monday.",
        "The interior ministry announced the detention of Ulan Sadykov on Friday.",
    ],
)
def test_the_day_an_event_was_announced_does_not_date_it(nlp: Language, text: str) -> None:
    event = next(e for e in extract(Article(text=text, published=date(2026, 3, 11)), nlp).events)
    assert event.date not in ("2026-03-09", "2026-03-06")


def test_a_date_on_the_event_itself_still_dates_it(nlp: Language) -> None:
    text = "The ministry said the arrest of Ulan Sadykov on Friday had been lawful."
    event = the_event(nlp, text, date(2026, 3, 11), "arrest")
    assert event.date == "2026-03-06"


def test_a_past_event_on_a_day_with_no_year_is_never_after_the_report(nlp: Language) -> None:
    text = "The exiled blogger Ulan Sadykov flew to Istanbul on Jan. 5, fearing arrest."
    event = the_event(nlp, text, date(2025, 11, 14), "flight")
    assert event.date == "2025-01-05"


def test_a_relative_clause_telling_when_a_trial_opened_dates_it(nlp: Language) -> None:
    text = (
        "The trial of the blogger Ulan Sadykov, which opened in February, was presided "
        "over by Judge Ali Salimov."
    )
    event = the_event(nlp, text, date(2025, 6, 10), "hearing")
    assert event.date == "2025-02"


def test_a_relative_clause_about_something_else_does_not_date_the_trial(nlp: Language) -> None:
    text = "The trial of Ulan Sadykov, which his family called a farce in February, ended."
    event = the_event(nlp, text, date(2025, 6, 10), "hearing")
    assert event.date != "2025-02"


def test_a_raid_told_for_its_members_at_coarser_dates_is_the_one_day_given(
    nlp: Language,
) -> None:
    # wire style: the day is told once for one man, the others only "last week"
    text = (
        "ALMATY, Nov 12 (Wire) - Relatives of three Uzbek exiles said on Tuesday that "
        "Kazakhstan had handed the men to Tashkent, after they were seized in Almaty last week. "
        "Jasur Aliyev was abducted outside his home on Wednesday, November 6, his wife said. "
        "Neighbours of Rustam Qodirov and Ilyos Karimov saw masked men push them into "
        "cars the same morning.\n\nThe November abductions have not been investigated."
    )
    found = extract(Article(text=text, published=date(2024, 11, 12)), nlp).events
    dates = {e.date for e in found if e.type == "abduction"}
    assert dates == {"2024-11-06"}


def test_two_days_of_arrests_in_a_month_leave_a_coarse_date_alone(nlp: Language) -> None:
    text = (
        "Police detained the blogger Jasur Aliyev in Tashkent on 3 March. His colleague "
        "Rustam Qodirov was detained on 17 March. A third journalist, Ilyos Karimov, was "
        "also detained in March, the union said."
    )
    found = extract(Article(text=text, published=date(2024, 4, 2)), nlp).events
    karimov = [e for e in found if e.type == "arrest" and e.subject == "Ilyos Karimov"]
    assert [e.date for e in karimov] == ["2024-03"]


def test_upholding_a_ruling_of_another_day_is_dated_by_the_upholding(nlp: Language) -> None:
    # court-report style: the ruling's own date belongs to the ruling
    text = (
        "The blogger Sardor Umarov was handed over two days after Georgia's Supreme Court, "
        "on 12 May, upheld the Tbilisi City Court's ruling of 3 March 2024 that Umarov "
        "could be extradited."
    )
    found = extract(Article(text=text, published=date(2025, 6, 20)), nlp).events
    decisions = {e.rule: e.date for e in found if e.type == "extradition_decision"}
    assert decisions["extradition_decision/decision-verb"] == "2025-05-12"
    # and the ruling upheld is a decision of its own day (dev-b's gold counts both)
    assert decisions["extradition_decision/upheld-ruling"] == "2024-03-03"
