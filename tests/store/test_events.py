"""Pure helpers of the store: event keys, corrections, date windows."""

from __future__ import annotations

import pytest

from casefile.model import Event
from casefile.store.events import CorrectionError, event_key, event_keys, review, validate_changes

SENTENCE = "Police detained Ruslan Tagirov and Zarina Saidova on Monday."


def arrest(subject: str, **fields: object) -> Event:
    return Event("arrest", subject, SENTENCE, (10, 70), **fields)  # type: ignore[arg-type]


def test_the_key_ignores_what_a_newer_extractor_may_change() -> None:
    old = arrest("Tagirov", date="2026-01", rule="v1")
    new = arrest("Ruslan Tagirov", date="2026-01-26", rule="v2", country="KZ")
    assert event_key("a1", old) == event_key("a1", new)


@pytest.mark.parametrize(
    "other",
    [
        arrest("Zarina Saidova"),
        Event("release", "Ruslan Tagirov", SENTENCE, (10, 70)),
        Event("arrest", "Ruslan Tagirov", SENTENCE, (0, 70)),
    ],
)
def test_the_key_tells_events_apart(other: Event) -> None:
    assert event_key("a1", arrest("Ruslan Tagirov")) != event_key("a1", other)
    assert event_key("a1", other) != event_key("a2", other)


def test_colliding_events_are_numbered_whatever_their_order() -> None:
    moved = arrest("Ruslan Tagirov", date="2026-02-11", status="postponed")
    new = arrest("Ruslan Tagirov", date="2026-02-26", status="scheduled")
    keys = event_keys("a1", [moved, new])
    assert len(set(keys)) == 2
    assert event_keys("a1", [new, moved]) == keys[::-1]


def test_review_folds_corrections_oldest_first() -> None:
    assert review([]).state == "unreviewed"
    edited = review([("edit", {"date": "2025"}), ("confirm", {}), ("edit", {"country": "KZ"})])
    assert (edited.state, edited.changes) == ("edited", {"date": "2025", "country": "KZ"})
    assert review([("confirm", {}), ("reject", {})]).rejected
    assert not review([("reject", {}), ("edit", {"date": "2025"})]).rejected


@pytest.mark.parametrize(
    "changes",
    [{}, {"span": [1, 2]}, {"status": "maybe"}, {"date": "26.01.2026"}, {"subject": "  "}],
)
def test_invalid_changes_are_refused(changes: dict[str, object]) -> None:
    with pytest.raises(CorrectionError):
        validate_changes(changes)
