"""The case-layer scorer on small invented tables: B-cubed, gold merging, timelines."""

from __future__ import annotations

from typing import Any

import pytest

from casefile.cases import build_cases
from casefile.evaluate.cases import bcubed, gold_extractions, merge_gold, named, score_cases
from casefile.evaluate.events import GoldArticle, gold_from_json


@pytest.mark.parametrize(
    ("pairs", "precision", "recall"),
    [
        ([("a", 1), ("a", 1), ("b", 2)], 1.0, 1.0),
        # everyone in one predicted cluster: precision suffers
        ([("a", 1), ("a", 1), ("b", 1)], (2 / 3 + 2 / 3 + 1 / 3) / 3, 1.0),
        # one person split in two: recall suffers
        ([("a", 1), ("a", 2)], 1.0, 0.5),
        ([], 0.0, 0.0),
    ],
)
def test_bcubed(pairs: list[tuple[str, int]], precision: float, recall: float) -> None:
    found = bcubed(pairs)
    assert found.precision == pytest.approx(precision)
    assert found.recall == pytest.approx(recall)


def event(
    type_: str, subject: str, person: str, date: str | None = None, **more: Any
) -> dict[str, Any]:
    return {
        "type": type_,
        "subject": subject,
        "person": person,
        "date": date,
        "evidence": f"{subject} {type_} {date}.",
        **more,
    }


def article(id_: str, *events: dict[str, Any]) -> GoldArticle:
    return gold_from_json(
        {
            "id": id_,
            "published": "2026-02-01",
            "text": " ".join(e["evidence"] for e in events),
            "events": list(events),
        }
    )


GOLD = [
    article(
        "g1",
        event("arrest", "Ruslan Gaziev", "gaziev", "2025-05", country="KZ"),
        event("flight", "Ruslan Gaziev", "gaziev", "2023"),
        event("arrest", "three men", "group-three", "2025-05"),
    ),
    article(
        "g2",
        event("arrest", "Ruslan Gaziyev", "gaziev", "2025-05-13"),
        event("hearing", "Gaziyev", "gaziev", "2026-02-11", status="scheduled", optional=True),
        event("sentence", "Zarina Gazieva", "gazieva", "2024"),
    ),
]


def test_named() -> None:
    subjects = [(e.subject, named(e)) for a in GOLD for e in a.events]
    assert ("three men", False) in subjects and ("Gaziyev", True) in subjects


def test_merge_gold_joins_reports_of_one_event_across_articles() -> None:
    merged = sorted((e.person, e.type, e.date, e.reports, e.optional) for e in merge_gold(GOLD))
    assert merged == [
        ("gaziev", "arrest", "2025-05-13", 2, False),
        ("gaziev", "flight", "2023", 1, False),
        ("gaziev", "hearing", "2026-02-11", 1, True),
        ("gazieva", "sentence", "2024", 1, False),
        ("group-three", "arrest", "2025-05", 1, False),
    ]


def test_gold_input_scores_perfectly_and_a_wrong_merge_does_not() -> None:
    extractions = gold_extractions(GOLD)
    events = [list(x.events) for x in extractions]
    report = score_cases(GOLD, events, build_cases(extractions))
    assert report.clustering.f1 == 1.0 and report.coverage == 1.0
    assert (report.timelines.precision, report.timelines.recall) == (1.0, 1.0)
    assert report.gold_people == 3

    # Every report filed under one person: clustering precision and timelines suffer.
    one = build_cases(extractions)
    merged = type(one[0])(
        person=1,
        name="everyone",
        names=(),
        articles=(),
        stage="",
        events=tuple(e for case in one for e in case.events),
    )
    worse = score_cases(GOLD, events, [merged])
    assert worse.clustering.precision < 1.0 and worse.clustering.recall == 1.0
    assert worse.timelines.f1 < 1.0


def test_missing_predictions_lower_coverage_and_recall_not_clustering() -> None:
    extractions = gold_extractions(GOLD)
    events = [list(x.events) for x in extractions]
    events[1] = []  # the extractor read nothing in g2
    kept = [extractions[0], type(extractions[1])(extractions[1].article, (), ())]
    report = score_cases(GOLD, events, build_cases(kept))
    assert report.clustering.f1 == 1.0
    assert report.coverage == pytest.approx(2 / 5)
    # Found: the flight and the group's arrest. Not the sentence, and not the arrest either:
    # g1 dates it 2025-05, coarser than the merged gold 2025-05-13.
    assert report.timelines.recall == pytest.approx(2 / 4)
