"""The event extractor on short articles of our own, one phenomenon per row.

Each row is an article of one to three sentences, its publication date, and
every event a correct extractor reads from it as (type, subject, date, status),
by eval/GUIDELINES.md. The people are invented.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from casefile.extract import extract, load_nlp
from casefile.model import Article, Event

FRIDAY = date(2026, 3, 6)  # publication date of most rows below
FRIDAY_JAN = date(2026, 1, 30)
MAY = date(2026, 5, 8)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def events(nlp: Language, text: str, published: date) -> tuple[Event, ...]:
    return extract(Article(text=text, published=published), nlp).events


def summary(found: tuple[Event, ...]) -> list[tuple[str, str, str | None, str]]:
    return sorted((event.type, event.subject, event.date, event.status) for event in found)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        pytest.param(
            "The Uzbek blogger Aziz Karimov was detained in Almaty on March 3, his lawyer said.",
            FRIDAY,
            [("arrest", "Aziz Karimov", "2026-03-03", "occurred")],
            id="passive-arrest",
        ),
        pytest.param(
            "Murat Kerimov was detained by police in Dushanbe on Monday.",
            FRIDAY,
            [("arrest", "Murat Kerimov", "2026-03-02", "occurred")],
            id="passive-arrest-by-agent",
        ),
        pytest.param(
            "Police in Istanbul detained the Turkmen activist Dovlet Annayev on Tuesday.",
            FRIDAY,
            [("arrest", "Dovlet Annayev", "2026-03-03", "occurred")],
            id="active-arrest",
        ),
        pytest.param(
            "Police detained Aziz Karimov and his brother Bekzod Karimov in Almaty on March 3.",
            FRIDAY,
            [
                ("arrest", "Aziz Karimov", "2026-03-03", "occurred"),
                ("arrest", "Bekzod Karimov", "2026-03-03", "occurred"),
            ],
            id="two-people-one-arrest",
        ),
        pytest.param(
            "The activist Aziz Karimov was detained in Almaty on March 3 and released on March 5.",
            FRIDAY,
            [
                ("arrest", "Aziz Karimov", "2026-03-03", "occurred"),
                ("release", "Aziz Karimov", "2026-03-05", "occurred"),
            ],
            id="arrest-and-release",
        ),
        pytest.param(
            "Aziz Karimov has been held in a removal centre since police detained him on Feb. 20.",
            FRIDAY,
            [("arrest", "Aziz Karimov", "2026-02-20", "occurred")],
            id="held-since-arrest",
        ),
        pytest.param(
            "Police detained the musician Gleb Orlov at Almaty airport on July 2. "
            "A court remanded him in custody the next day.",
            date(2026, 7, 24),
            [
                ("arrest", "Gleb Orlov", "2026-07-02", "occurred"),
                ("arrest", "Gleb Orlov", "2026-07-03", "occurred"),
            ],
            id="remand-dated-apart",
        ),
        pytest.param(
            "Rustam Saidov, a Tajik poet, has lived in Warsaw since 2022. "
            "Dushanbe sent his extradition request to Poland on Feb. 20.",
            FRIDAY,
            [("extradition_request", "Rustam Saidov", "2026-02-20", "occurred")],
            id="nominal-extradition-request",
        ),
        pytest.param(
            "Rustam Saidov, a Tajik poet, has lived in Warsaw since 2022. "
            "Dushanbe sent a request for his extradition to Poland on Feb. 20.",
            FRIDAY,
            [("extradition_request", "Rustam Saidov", "2026-02-20", "occurred")],
            id="request-for-his-extradition",
        ),
        pytest.param(
            "A Moscow court sentenced the journalist Irina Volkova to six years in prison "
            "on Monday.",
            FRIDAY,
            [("sentence", "Irina Volkova", "2026-03-02", "occurred")],
            id="sentence",
        ),
        pytest.param(
            "Aziz Karimov, who was sentenced in absentia in 2020, now lives in Berlin.",
            FRIDAY,
            [("sentence", "Aziz Karimov", "2020", "occurred")],
            id="sentence-in-relative-clause",
        ),
        pytest.param(
            "Irina Volkova was released on bail on March 2.",
            FRIDAY,
            [("release", "Irina Volkova", "2026-03-02", "occurred")],
            id="bail",
        ),
        pytest.param(
            "Irina Volkova fled to Georgia in 2022.",
            FRIDAY,
            [("flight", "Irina Volkova", "2022", "occurred")],
            id="flight",
        ),
        pytest.param(
            "Russia deported the Tajik activist Sitora Nabieva to Dushanbe on Feb. 12.",
            FRIDAY,
            [("deportation", "Sitora Nabieva", "2026-02-12", "occurred")],
            id="deportation-active",
        ),
        pytest.param(
            "The Tajik activist Sitora Nabieva was deported from Russia on Feb. 12.",
            FRIDAY,
            [("deportation", "Sitora Nabieva", "2026-02-12", "occurred")],
            id="deportation-passive",
        ),
        pytest.param(
            "Two other Uzbek bloggers were deported from Turkey in 2025.",
            FRIDAY,
            [("deportation", "Two other Uzbek bloggers", "2025", "occurred")],
            id="deportation-of-a-group",
        ),
        pytest.param(
            "Turkey extradited the Uyghur teacher Abdulla Rozi to China on Jan. 15.",
            FRIDAY,
            [("extradition", "Abdulla Rozi", "2026-01-15", "occurred")],
            id="extradition",
        ),
        pytest.param(
            "Russia put the blogger Timur Aliev on its federal wanted list in 2023.",
            FRIDAY,
            [("wanted", "Timur Aliev", "2023", "occurred")],
            id="wanted-list",
        ),
        pytest.param(
            "Prosecutors charged the blogger Timur Aliev with extremism in October 2024.",
            FRIDAY,
            [("charge", "Timur Aliev", "2024-10", "occurred")],
            id="charge",
        ),
        pytest.param(
            "The blogger Timur Aliev applied for asylum in Germany in March 2025.",
            FRIDAY,
            [("asylum_application", "Timur Aliev", "2025-03", "occurred")],
            id="asylum-application",
        ),
        pytest.param(
            "The Justice Ministry designated the journalist Timur Aliev a foreign agent "
            "in November 2023.",
            FRIDAY,
            [("designation", "Timur Aliev", "2023-11", "occurred")],
            id="foreign-agent",
        ),
        pytest.param(
            "The Supreme Court banned the Free Steppe movement as extremist in 2022.",
            FRIDAY,
            [("designation", "Free Steppe movement", "2022", "occurred")],
            id="organisation-banned",
        ),
        pytest.param(
            "A court in Minsk acquitted the teacher Olga Petrik on Monday.",
            FRIDAY,
            [("acquittal", "Olga Petrik", "2026-03-02", "occurred")],
            id="acquittal",
        ),
        pytest.param(
            "The activist Bakhtiyor Nazarov died in custody on Feb. 2.",
            FRIDAY,
            [("death", "Bakhtiyor Nazarov", "2026-02-02", "occurred")],
            id="death",
        ),
        pytest.param(
            "Bakhtiyor Nazarov's lawyer appealed the verdict on March 4.",
            FRIDAY,
            [("appeal", "Bakhtiyor Nazarov", "2026-03-04", "occurred")],
            id="appeal-by-lawyer",
        ),
        pytest.param(
            "The dissident Murat Kerimov was abducted in Istanbul on Feb. 3.",
            FRIDAY,
            [("abduction", "Murat Kerimov", "2026-02-03", "occurred")],
            id="abduction",
        ),
        pytest.param(
            "Guards beat the dissident Murat Kerimov in Grozny in January.",
            FRIDAY,
            [("ill_treatment", "Murat Kerimov", "2026-01", "occurred")],
            id="beating",
        ),
        pytest.param(
            "The bar association disbarred the lawyer Anna Sokolova in May 2025.",
            FRIDAY,
            [("sanction", "Anna Sokolova", "2025-05", "occurred")],
            id="disbarment",
        ),
        pytest.param(
            "The UN Human Rights Committee asked Kazakhstan on Monday not to extradite "
            "Murat Kerimov.",
            FRIDAY,
            [("international_action", "Murat Kerimov", "2026-03-02", "occurred")],
            id="un-committee",
        ),
        # --- scheduled ---------------------------------------------------------------
        pytest.param(
            "Aziz Karimov remains in custody in Almaty. A hearing in his case is set for Feb. 11.",
            FRIDAY_JAN,
            [("hearing", "Aziz Karimov", "2026-02-11", "scheduled")],
            id="hearing-set",
        ),
        pytest.param(
            "Aziz Karimov is held in Almaty. A hearing is set for Feb. 11.",
            FRIDAY_JAN,
            [("hearing", "Aziz Karimov", "2026-02-11", "scheduled")],
            id="hearing-set-bare",
        ),
        pytest.param(
            "His lawyer, Dana Omarova, said she filed an appeal against it with the appeals court "
            "on Thursday, and that the court has set a hearing for April 21. "
            "Farrukh Nazarov is held in Almaty.",
            date(2026, 4, 10),
            [
                ("appeal", "Farrukh Nazarov", "2026-04-09", "occurred"),
                ("hearing", "Farrukh Nazarov", "2026-04-21", "scheduled"),
            ],
            id="appeal-filed-hearing-set",
        ),
        # --- weekdays resolve to the last such day on or before publication ------------
        pytest.param(
            "The Kyrgyz journalist Aibek Osmonov was arrested in Bishkek on Thursday.",
            FRIDAY_JAN,
            [("arrest", "Aibek Osmonov", "2026-01-29", "occurred")],
            id="weekday-thursday",
        ),
        pytest.param(
            "The Kyrgyz journalist Aibek Osmonov was arrested in Bishkek on Friday.",
            FRIDAY_JAN,
            [("arrest", "Aibek Osmonov", "2026-01-30", "occurred")],
            id="weekday-same-day",
        ),
        pytest.param(
            "The Kyrgyz journalist Aibek Osmonov was arrested in Bishkek on Saturday.",
            FRIDAY_JAN,
            [("arrest", "Aibek Osmonov", "2026-01-24", "occurred")],
            id="weekday-saturday",
        ),
        # --- nothing happened ------------------------------------------------------------
        pytest.param(
            "Nurlan Abenov was not detained, his lawyer said.", FRIDAY, [], id="not-detained"
        ),
        pytest.param(
            "Aziz Karimov was not detained at a protest, as some accounts claimed, his wife said.",
            FRIDAY,
            [],
            id="not-detained-at-a-protest",
        ),
        pytest.param(
            "The blogger Merdan Atayev has never been charged with a crime.",
            FRIDAY,
            [],
            id="never-charged",
        ),
        pytest.param(
            "Turkmenistan has not requested the extradition of Merdan Atayev.",
            FRIDAY,
            [],
            id="not-requested",
        ),
        pytest.param(
            "The Uzbek activist Aziz Karimov could face torture if he is returned to Tashkent.",
            FRIDAY,
            [],
            id="could-face-torture",
        ),
        pytest.param(
            "If Aziz Karimov is returned, he could face torture and years in prison.",
            FRIDAY,
            [],
            id="if-returned",
        ),
        pytest.param(
            "The blogger Merdan Atayev fears he will be arrested if he goes home.",
            FRIDAY,
            [],
            id="fears-arrest",
        ),
        pytest.param(
            "Rights groups urged Serbia not to extradite the Belarusian activist Andrei Hnyot.",
            FRIDAY,
            [],
            id="demand-by-others",
        ),
        pytest.param(
            "The coach sentenced the striker Marco Bellini to the bench for Saturday's match.",
            FRIDAY,
            [],
            id="sentenced-to-the-bench",
        ),
        pytest.param(
            "Marco Bellini was sentenced to the bench after a poor run of form.",
            FRIDAY,
            [],
            id="sentenced-to-the-bench-passive",
        ),
        pytest.param(
            "The central bank arrested the decline of the currency on Monday.",
            FRIDAY,
            [],
            id="arrested-the-decline",
        ),
        pytest.param(
            "Engineers charged the first batch of batteries in July, the company said.",
            FRIDAY,
            [],
            id="charged-batteries",
        ),
    ],
)
def test_events(
    nlp: Language, text: str, published: date, expected: list[tuple[str, str, str | None, str]]
) -> None:
    assert summary(events(nlp, text, published)) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        pytest.param(
            "The court rejected Kamol Yusupov's asylum application on May 5, 2026.",
            MAY,
            ("asylum_decision", "Kamol Yusupov", "2026-05-05", "denied"),
            id="asylum-rejected",
        ),
        pytest.param(
            "The migration commission denied Kamol Yusupov's asylum request on May 5.",
            MAY,
            ("asylum_decision", "Kamol Yusupov", "2026-05-05", "denied"),
            id="asylum-denied",
        ),
        pytest.param(
            "On May 4, prosecutors approved Moscow's request to extradite Kamol Yusupov.",
            MAY,
            ("extradition_decision", "Kamol Yusupov", "2026-05-04", "granted"),
            id="extradition-granted",
        ),
        pytest.param(
            "Kamol Yusupov was granted asylum in Germany in April.",
            MAY,
            ("asylum_decision", "Kamol Yusupov", "2026-04", "granted"),
            id="asylum-granted",
        ),
    ],
)
def test_decisions(
    nlp: Language, text: str, published: date, expected: tuple[str, str, str, str]
) -> None:
    decisions = [
        (event.type, event.subject, event.date, event.outcome)
        for event in events(nlp, text, published)
        if event.type.endswith("_decision")
    ]

    assert decisions == [expected]


@pytest.mark.parametrize(
    ("text", "certainty"),
    [
        (
            "Police detained Dovlet Annayev in Ashgabat on Monday, the Interior Ministry said.",
            "asserted",
        ),
        (
            "The rights group Freedom Steppe said police detained Dovlet Annayev in Ashgabat "
            "on Monday.",
            "asserted",
        ),
        ("Police in Ashgabat detained Dovlet Annayev on Monday, according to reports.", "reported"),
        ("Police detained Dovlet Annayev on Monday, media reports said.", "reported"),
        ("A source said police detained Dovlet Annayev in Ashgabat on Monday.", "reported"),
        (
            "Police reportedly detained the blogger Murat Kerimov in Dushanbe last month.",
            "reported",
        ),
        ("Dovlet Annayev was allegedly beaten by guards in January.", "reported"),
    ],
)
def test_certainty(nlp: Language, text: str, certainty: str) -> None:
    assert [event.certainty for event in events(nlp, text, FRIDAY)] == [certainty]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Kyrgyz police detained the Uzbek blogger Aziz Karimov in Osh on March 3.", "KG"),
        ("Aziz Karimov was detained in Almaty on March 3.", "KZ"),
        ("Irina Volkova fled to Georgia in 2022.", "GE"),
        ("Hong Kong police arrested the unionist Chan Siu-ming on March 3.", "HK"),  # own code
        ("Police in Beijing detained the lawyer Zhou Lin on March 3.", "CN"),
    ],
)
def test_country_is_where_it_happened(nlp: Language, text: str, country: str) -> None:
    assert [event.country for event in events(nlp, text, FRIDAY)] == [country]
