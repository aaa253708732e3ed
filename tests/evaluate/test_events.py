"""The scorer of GUIDELINES.md "Scoring", on small hand-made gold and prediction tables."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from casefile.evaluate.events import (
    WIKIEVENTS_TYPES,
    GoldArticle,
    GoldEvent,
    dates_agree,
    format_report,
    load_gold,
    same_subject,
    score,
)
from casefile.model import Event

TEXT = (
    "Border guards detained Ivan Petrenko on Monday. "
    "A court later sentenced Petrenko to three years. "
    "His lawyer said he will appeal. "
    "Petrenko was arrested again in March."
)


def gold_event(
    type_: str, subject: str = "Ivan Petrenko", when: str | None = None, **fields: object
) -> GoldEvent:
    return GoldEvent(type=type_, subject=subject, date=when, **fields)  # type: ignore[arg-type]


def predicted(
    type_: str, subject: str = "Ivan Petrenko", when: str | None = None, start: int = 0, **fields
) -> Event:
    return Event(
        type=type_, subject=subject, date=when, evidence="...", span=(start, start + 3), **fields
    )


def article(*events: GoldEvent, text: str = TEXT, id_: str = "a1") -> GoldArticle:
    return GoldArticle(id=id_, text=text, events=events, published=date(2026, 3, 20))


@pytest.mark.parametrize(
    ("gold", "prediction", "same"),
    [
        ("Ivan Petrenko", "Ivan Petrenko", True),
        ("Ivan Petrenko", "ivan petrenko", True),
        ("Ivan Petrenko", "Petrenko", True),  # last tokens equal
        ("Mansur Movlayev", "Movlaev", True),  # last tokens one edit apart
        ("Mansur Movlayev", "Мовлаев", True),  # transliterated
        ("Orhan İnandı", "Orhan Inandi", True),  # accents and dotless i
        ("José Núñez", "Jose Nunez", True),
        ("Ivan Petrenko", "Ivan Sidorov", False),  # same first name is not enough
        ("Ivan Petrenko", "", False),
        ("three Uyghur men", "Uyghur men", True),  # groups: last tokens equal
        ("Cheng Man-kit", "Simon Cheng", True),  # surname first, hyphenated given name
        ("Simon Cheng", "Cheng Man-kit", True),
        ("Cheng Man-kit", "Simon Lau", False),
        ("Wong Tai Sin", "Simon Wong", False),  # no hyphenated given name: no such reading
    ],
)
def test_same_subject(gold: str, prediction: str, same: bool) -> None:
    assert same_subject(gold, prediction) is same


@pytest.mark.parametrize(
    ("gold", "prediction", "agree"),
    [
        (None, None, True),
        (None, "2025-05-13", True),  # gold null matches any prediction
        ("2025-05", "2025-05-13", True),  # finer prediction, cut to gold precision
        ("2025-05", "2025-05", True),
        ("2025-05-13", "2025-05", False),  # coarser than gold
        ("2025-05-13", "2025-05-14", False),
        ("2025", "2025-12-26", True),
        ("2025", "2024", False),
        ("2025-05", None, False),
    ],
)
def test_dates_agree(gold: str | None, prediction: str | None, agree: bool) -> None:
    assert dates_agree(gold, prediction) is agree


def test_perfect_prediction_scores_one() -> None:
    gold = article(gold_event("arrest", when="2026-03-16"), gold_event("sentence", when=None))
    report = score([gold], [[predicted("arrest", "Petrenko", "2026-03-16"), predicted("sentence")]])
    assert (report.precision, report.recall, report.f1) == (1.0, 1.0, 1.0)
    assert (report.dates.correct, report.dates.total) == (1, 1)  # null gold dates not counted


def test_wrong_type_is_a_false_positive_and_a_miss() -> None:
    report = score([article(gold_event("arrest"))], [[predicted("charge")]])
    assert (report.overall.matched, report.overall.predicted, report.overall.gold) == (0, 1, 1)
    assert [e.type for e in report.false_positives] == ["charge"]
    assert [e.type for e in report.misses] == ["arrest"]


def test_date_accuracy_is_exact_equality_over_matched_events() -> None:
    gold = article(gold_event("arrest", when="2026-03"), gold_event("sentence", when="2025"))
    events = [predicted("arrest", when="2026-03-16"), predicted("sentence", when="2025")]
    report = score([gold], [events])
    assert report.recall == 1.0  # both match: finer dates agree
    assert (report.dates.correct, report.dates.total) == (1, 2)  # but only one is exact


def test_coarser_prediction_does_not_match() -> None:
    report = score(
        [article(gold_event("arrest", when="2025-05-13"))], [[predicted("arrest", when="2025-05")]]
    )
    assert report.overall.matched == 0
    assert report.misses[0].note == "date: other side has 2025-05"


def test_optional_gold_is_neither_rewarded_nor_penalised() -> None:
    gold = article(gold_event("arrest"), gold_event("appeal", optional=True))
    with_optional = score([gold], [[predicted("arrest"), predicted("appeal")]])
    without_optional = score([gold], [[predicted("arrest")]])
    for report in (with_optional, without_optional):
        assert (report.overall.matched, report.overall.predicted, report.overall.gold) == (1, 1, 1)
    assert with_optional.optional_matched == 1
    assert "appeal" not in with_optional.per_type


def test_required_gold_chooses_before_optional_gold() -> None:
    """An optional intention earlier in the text must not take the required event's prediction."""
    text = "Petrenko will appeal, his lawyer said. Petrenko appealed the ruling in March 2026."
    gold = article(
        gold_event("appeal", when=None, optional=True, evidence="Petrenko will appeal"),
        gold_event("appeal", when="2026-03", evidence="Petrenko appealed the ruling"),
        text=text,
    )
    report = score([gold], [[predicted("appeal", when="2026-03", start=40)]])
    assert report.recall == 1.0
    assert report.precision == 1.0


def test_each_gold_event_matches_at_most_one_prediction() -> None:
    gold = article(gold_event("arrest", when="2026-03"))
    report = score([gold], [[predicted("arrest", when="2026-03"), predicted("arrest", "Petrenko")]])
    assert (report.overall.matched, report.overall.predicted) == (1, 2)
    assert len(report.false_positives) == 1


def test_greedy_in_document_order() -> None:
    """The first gold event in the text takes the first matching prediction, even if a
    later gold event needed it: greedy, not optimal, as GUIDELINES says."""
    gold = article(
        gold_event("arrest", when=None, evidence="Border guards detained Ivan Petrenko"),
        gold_event("arrest", when="2026-03", evidence="Petrenko was arrested again"),
    )
    early, late = predicted("arrest", when="2026-03", start=0), predicted("arrest", "X", start=150)
    report = score([gold], [[late, early]])  # prediction order is by span, not list order
    assert report.overall.matched == 1
    assert [miss.date for miss in report.misses] == ["2026-03"]


def test_gold_event_prefers_a_prediction_with_exactly_its_date() -> None:
    """An undated background mention must not take the dated prediction a later event needs."""
    gold = article(
        gold_event("arrest", when=None, evidence="Border guards detained Ivan Petrenko"),
        gold_event("arrest", when="2026-03", evidence="Petrenko was arrested again"),
    )
    dated, undated = predicted("arrest", when="2026-03", start=0), predicted("arrest", start=150)
    report = score([gold], [[dated, undated]])
    assert (report.overall.matched, report.overall.predicted) == (2, 2)


def test_gold_document_order_comes_from_evidence_position() -> None:
    gold = article(
        gold_event("arrest", when="2026-03", evidence="Petrenko was arrested again"),
        gold_event("arrest", when=None, evidence="Border guards detained Ivan Petrenko"),
    )
    report = score([gold], [[predicted("arrest", when="2026-03")]])
    assert [miss.date for miss in report.misses] == ["2026-03"]  # the undated one came first


def test_type_restriction_applies_to_both_sides() -> None:
    gold = article(gold_event("arrest"), gold_event("flight"))
    events = [predicted("arrest"), predicted("deportation")]
    report = score([gold], [events], types=WIKIEVENTS_TYPES)
    assert (report.overall.matched, report.overall.predicted, report.overall.gold) == (1, 1, 1)
    assert set(report.per_type) == {"arrest"}


def test_micro_average_and_per_type_over_articles() -> None:
    first = article(gold_event("arrest"), gold_event("sentence"), id_="a1")
    second = article(gold_event("arrest", "Anna Kovacs"), id_="a2")
    events = [[predicted("arrest"), predicted("charge")], [predicted("arrest", "Kovács")]]
    report = score([first, second], events)
    assert (report.overall.matched, report.overall.predicted, report.overall.gold) == (2, 3, 3)
    assert report.per_type["arrest"].precision == 1.0
    assert report.per_type["sentence"].recall == 0.0
    assert report.per_type["charge"].precision == 0.0
    assert {(e.article_id, e.type) for e in report.misses} == {("a1", "sentence")}


def test_status_and_outcome_accuracy() -> None:
    gold = article(
        gold_event("extradition_decision", outcome="granted"),
        gold_event("hearing", when="2026-04-02", status="scheduled"),
    )
    events = [
        predicted("extradition_decision", outcome="refused"),
        predicted("hearing", when="2026-04-02", status="scheduled"),
    ]
    report = score([gold], [events])
    assert (report.status.correct, report.status.total) == (2, 2)
    assert (report.outcome.correct, report.outcome.total) == (0, 1)  # only *_decision types


def test_no_predictions_and_no_gold() -> None:
    report = score([article()], [[]])
    assert (report.precision, report.recall, report.f1) == (0.0, 0.0, 0.0)
    assert report.dates.value is None


def test_mismatched_lengths_are_refused() -> None:
    with pytest.raises(ValueError, match="1 gold articles but 0"):
        score([article()], [])


def test_load_gold_and_report_rendering(tmp_path: Path) -> None:
    line = {
        "id": "t1",
        "published": "2026-03-20",
        "outlet": "The Example Gazette",
        "text": TEXT,
        "case": "petrenko",
        "events": [
            {"type": "arrest", "subject": "Ivan Petrenko", "date": "2026-03-16", "optional": False},
            {"type": "appeal", "subject": "Ivan Petrenko", "date": None, "optional": True},
        ],
    }
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(line) + "\n\n", encoding="utf-8")
    [gold] = load_gold(path)
    assert gold.published == date(2026, 3, 20)
    assert gold.events[1].optional
    assert gold.to_article().source_id == "t1"

    report = score([gold], [[predicted("arrest", when="2026-03-16"), predicted("charge")]])
    assert json.loads(json.dumps(report.to_json()))["precision"] == 0.5
    text = format_report(report, verbose=True)
    assert "precision" in text
    assert "False positives (1)" in text
    assert "Misses (0)" in text
