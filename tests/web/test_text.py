"""Sentences, highlighted segments and snippets of article text."""

from __future__ import annotations

import pytest

from casefile.web.text import paragraphs_of_sentences, segments, sentences, snippet


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He was held. She left.", ["He was held.", "She left."]),
        ("Held on Feb. 11 by Dr. Aliyev. Then freed.", ["Held on Feb. 11 by Dr. Aliyev.",
                                                        "Then freed."]),
        ("“It is bad,” she said. Then (x) came!", ["“It is bad,” she said.", "Then (x) came!"]),
        ("He said “no.” Then left.", ["He said “no.”", "Then left."]),
        ("First para\n\nSecond para.", ["First para", "Second para."]),
        ("  ", []),
    ],
)  # fmt: skip
def test_sentences(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in sentences(text)] == expected


def test_segments_cut_where_events_begin_and_end() -> None:
    text = "He was detained."
    found = segments(text, 0, len(text), [(3, 10, 1), (7, 16, 2)])
    assert [(s["text"], s["events"], s["anchors"]) for s in found] == [
        ("He ", [], []),
        ("was ", [1], [1]),
        ("det", [1, 2], [2]),
        ("ained.", [2], []),
    ]


def test_segments_keep_markup_in_the_text_as_text() -> None:
    text = "A <script>x()</script> B."
    found = segments(text, 0, len(text), [(2, 22, 5)])
    assert "".join(s["text"] for s in found) == text  # escaping is the template's job


def test_the_whole_text_is_kept_sentence_by_sentence() -> None:
    text = "One here.\n\nTwo there. Three."
    shown = paragraphs_of_sentences(text, [(11, 21, 9)])
    assert "".join(s["gap"] + "".join(g["text"] for g in s["segments"]) for s in shown) == text
    assert [s["events"] for s in shown] == [[], [9], []]


def test_snippet_cuts_at_words() -> None:
    text = "word " * 100 + "EVIDENCE." + " more" * 100
    start = text.index("EVIDENCE")
    found = snippet(text, (start, start + 9), context=20)
    assert found["evidence"] == "EVIDENCE."
    assert found["before"].startswith("…") and found["after"].endswith("…")
    assert len(found["before"]) <= 22
