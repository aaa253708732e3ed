"""Ingesting batches with hostile inputs in them, on SQLite and PostgreSQL alike.

Each bad input is one skipped item with a reason (or a documented
normalisation, `sources/storable.py`), the rest of the batch is stored and
extracted, and both stores end up holding the same thing. Every input is
generated here.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from casefile.extract import EXTRACTOR_VERSION, MAX_ANALYSED_CHARS
from casefile.model import Article
from casefile.pipeline import ingest, ingest_items, reextract
from casefile.store import Store

GOOD = (
    "Police in Almaty detained the exiled blogger Aziz Karimov on 3 May 2025. "
    "Prosecutors in Tashkent have asked Kazakhstan to extradite him."
)
FILLER = "The weather in the capital stayed mild for the season, and the markets were busy.\n\n"


def jsonl(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def stored(store: Store) -> dict[str | None, tuple[str, str | None, str | None]]:
    """What the store holds, by input id: text, title, outlet."""
    return {a.source_id: (a.text, a.title, a.outlet) for a in store.articles()}


def test_hostile_json_lines_are_skipped_or_normalised_and_the_rest_is_read(
    tmp_path: Path, store: Store
) -> None:
    batch = jsonl(
        tmp_path / "batch.jsonl",
        "[" * 100_000,
        '{"id": "huge-number", "text": "x", "n": ' + "9" * 5_000 + "}",
        json.dumps({"id": "surrogate", "text": "Lone \ud800 half. " + GOOD}),
        json.dumps({"id": "nul", "text": "NUL\u0000 here. " + GOOD, "title": "T\u0000",
                    "outlet": "O\u0000"}),
        json.dumps({"id": "x" * 501, "text": "Too long an id. " + GOOD}),
        json.dumps({"id": "long-outlet", "text": "Too long an outlet. " + GOOD,
                    "outlet": "o" * 501}),
        json.dumps({"id": "good", "text": GOOD, "published": "2025-05-04"}),
    )  # fmt: skip
    report = ingest([batch], store)
    reasons = [skipped.reason for skipped in report.skipped]
    assert [(s.source, s.reason) for s in report.skipped[:2]] == [  # the line named once
        (f"{batch}:1", "not read (nested too deeply)"),
        (f"{batch}:2", "not read (a number too long to convert)"),
    ]
    assert reasons[2:] == [
        "its id is 501 characters long; at most 500 are stored",
        "its outlet is 501 characters long; at most 500 are stored",
    ]
    assert stored(store) == {
        "surrogate": ("Lone \ufffd half. " + GOOD, None, None),
        "nul": ("NUL here. " + GOOD, "T", "O"),
        "good": (GOOD, None, None),
    }
    assert report.extracted == 3
    assert all(store.has_extraction(a.id, EXTRACTOR_VERSION) for a in store.articles())
    assert ingest([batch], store).new == 0  # the normalised articles are the same ones again


def test_a_text_over_a_million_characters_does_not_stop_the_batch_or_reextract(
    tmp_path: Path, store: Store
) -> None:
    long_text = (GOOD + "\n\n" + FILLER * 8) * 10 + FILLER * (1_100_000 // len(FILLER))
    (tmp_path / "a-long.txt").write_text(long_text, encoding="utf-8")
    (tmp_path / "b-short.txt").write_text(GOOD.replace("Aziz", "Bakhrom"), encoding="utf-8")
    report = ingest([tmp_path], store, published=date(2025, 5, 10))
    assert report.skipped == []
    assert report.new == report.extracted == 2
    assert report.cut == [
        f"warning: a-long.txt is {len(long_text.strip()):,} characters long; "
        f"only the first {MAX_ANALYSED_CHARS:,} are analysed"
    ]
    assert {person.name for person in store.people()} >= {"Aziz Karimov", "Bakhrom Karimov"}
    problems: list[str] = []
    assert reextract(store, everything=True, on_problem=problems.append) == 2
    assert problems == report.cut


def test_publication_dates_at_the_calendars_edges_are_read(tmp_path: Path, store: Store) -> None:
    (tmp_path / "late.txt").write_text(
        "Date: 9999-12-31\n\nPolice detained the blogger Aziz Karimov in Almaty next year.\n"
    )
    (tmp_path / "early.txt").write_text(
        "Date: 0001-01-01\n\nPolice detained the blogger Aziz Karimov in Almaty last year.\n"
    )
    report = ingest([tmp_path], store)
    assert report.skipped == []
    assert report.extracted == 2
    assert report.events == 2


def test_a_name_too_long_for_any_column_is_no_ones_on_either_store(store: Store) -> None:
    name = "Aziz " + " ".join(["Karimovich"] * 60)  # 665 characters; PostgreSQL holds 500
    articles = [
        Article(text=f"Police in Almaty detained the blogger {name} on 3 May 2025."),
        Article(text=GOOD),
    ]
    report = ingest_items(articles, store)
    assert report.skipped == []
    assert report.extracted == 2
    assert [person.name for person in store.people()] == ["Aziz Karimov"]
