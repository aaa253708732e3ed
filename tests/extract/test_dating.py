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
        "Ten men came on October 16 to the hostel in Bishkek where Lev Orlin lived. "
        "They put Orlin into a car and abducted him."
    )
    event = the_event(nlp, text, date(2023, 11, 4), "abduction")

    assert (event.date, event.date_from) == ("2023-10-16", "context")


def test_a_new_paragraph_starts_a_new_scene(nlp: Language) -> None:
    text = (
        "Ten men came on October 16 to the hostel in Bishkek where Lev Orlin lived.\n\n"
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
        "ALMATY, Feb 2 (Steppe Wire) — Kazakhstan has deported the engineer Ivan Sorokin "
        "to Russia, a rights group said on Sunday.\n\n"
        "Police in Almaty charged Sorokin with jaywalking on Jan. 28."
    )
    event = the_event(nlp, text, date(2026, 2, 2), "deportation")

    assert (event.date, event.date_from) == ("2026-01", "story")


def test_when_someone_spoke_is_not_the_story(nlp: Language) -> None:
    text = (
        "NAIROBI, Sept 1 (Lake Wire) — The daughter of Pierre Mugenzi said on Tuesday "
        "that he had been kidnapped in Dubai and taken to Kigali.\n\n"
        "Officials showed Mugenzi in handcuffs in Kigali on Monday, 31 August."
    )
    event = the_event(nlp, text, date(2020, 9, 1), "abduction")

    assert event.date == "2020-08"


def test_a_retold_abduction_takes_the_date_of_its_first_telling(nlp: Language) -> None:
    text = (
        "The journalist Rauf Aliyev disappeared in Tbilisi on Monday evening, his wife said. "
        "A court in Baku will hear his case on Friday.\n\n"
        "In his account, Aliyev was abducted near his home by men in civilian clothes. "
        "They bound his hands and beat him."
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
        "On January 28, police in Almaty recorded an offence against Barsky.\n\n"
        "On Thursday, judges in Astana rejected the refugee application of Pavel Gorin.\n\n"
        "Security officers detained Barsky as soon as the plane landed in Moscow."
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
        "On 8 January, Thai police said a suspect had been arrested in Cambodia."
    )
    found = extract(Article(text=text, published=date(2025, 1, 16)), nlp).events
    [arrest] = [e for e in found if e.type == "arrest"]

    assert arrest.date == "2025-01"


def test_a_lead_retold_in_a_dated_scene_takes_the_scenes_day(nlp: Language) -> None:
    text = (
        "The activist Lev Orlin, about whose abduction in Bishkek it became known in October, "
        "was found in a Moscow detention centre.\n\n"
        "Rights defenders say he is held in Butyrka prison. Ten men came on October 16 to "
        "the hostel in Bishkek where he lived. They put Orlin into a car and took him away."
    )
    [abduction] = [
        e
        for e in extract(Article(text=text, published=date(2023, 11, 4)), nlp).events
        if e.type == "abduction"
    ]

    assert abduction.date == "2023-10-16"
