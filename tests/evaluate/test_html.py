"""The HTML-extraction scorer, on strings and pages written here."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from casefile.evaluate.html import (
    Page,
    evaluate_html,
    load_pages,
    score_shingles,
    score_text,
    summarize,
)

GOLD = "Police detained the blogger on Monday. He denies the charge."


@pytest.mark.parametrize(
    ("extracted", "precision", "recall"),
    [
        (GOLD, 1.0, 1.0),
        ("Police detained the blogger on Monday.", 1.0, 6 / 10),
        (GOLD + " Subscribe to our newsletter now.", 10 / 15, 1.0),
        ("", 0.0, 0.0),
        ("Weather: snow in the passes.", 1 / 5, 1 / 10),  # "the" is the one shared token
    ],
)
def test_token_precision_and_recall(extracted: str, precision: float, recall: float) -> None:
    scores = score_text(extracted, GOLD)
    assert scores.precision == pytest.approx(precision)
    assert scores.recall == pytest.approx(recall)


def test_tokens_count_as_a_multiset_and_punctuation_is_ignored() -> None:
    scores = score_text("the the the, blogger!", "the blogger")
    assert (scores.matched, scores.extracted, scores.gold) == (2, 4, 2)


def test_f1_is_the_harmonic_mean_and_empty_against_empty_is_perfect() -> None:
    assert score_text("a b", "a b c d").f1 == pytest.approx(2 * 1 * 0.5 / 1.5)
    assert score_text("", "").f1 == 1.0


def test_non_latin_words_are_tokens() -> None:
    assert score_text("Мансур Мовлаев задержан", "Мансур Мовлаев").recall == 1.0


def test_shingles_punish_words_in_the_wrong_order() -> None:
    assert score_text("b a d c", "a b c d").f1 == 1.0
    assert score_shingles("b a d c", "a b c d", size=2).f1 == 0.0


def test_summary_averages_pages_equally() -> None:
    report = summarize(
        [("long", " ".join(["word"] * 100), " ".join(["word"] * 100)), ("short", "", "a b")]
    )
    assert report.token_f1 == pytest.approx(0.5)
    assert report.failed == ("short",)
    assert report.worst[0] == ("short", 0.0)


def test_pages_are_loaded_and_scored_with_an_injected_extractor(tmp_path: Path) -> None:
    (tmp_path / "html").mkdir()
    truth = {"p1": {"articleBody": GOLD, "url": "https://a.invalid/1"}}
    (tmp_path / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    html = f"<html><body><article><p>{GOLD}</p></article></body></html>".encode()
    (tmp_path / "html" / "p1.html.gz").write_bytes(gzip.compress(html))
    pages = load_pages(tmp_path)
    assert pages == [Page("p1", html, GOLD, "https://a.invalid/1")]
    assert evaluate_html(pages, lambda page: GOLD).token_f1 == 1.0
