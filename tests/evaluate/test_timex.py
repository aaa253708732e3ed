"""The TempEval-3 scorer: reading TimeML, offsets, strict/relaxed extent and attribute F1."""

from __future__ import annotations

from datetime import date

import pytest

from casefile.evaluate.timex import align, list_errors, parse_tml, score
from casefile.model import TimeExpression

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>test_doc</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2026-01-30" temporalFunction="false"
functionInDocument="CREATION_TIME">January 30, 2026</TIMEX3></DCT>
<TEXT>
The court <EVENT eid="e1" class="OCCURRENCE">ruled</EVENT> on <TIMEX3 tid="t1" type="DATE" \
value="2026-01-29">Thursday</TIMEX3> that A&amp;B must wait <TIMEX3 tid="t2" type="DURATION" \
value="P2Y" mod="MORE_THAN">more than two years</TIMEX3>.
</TEXT>
</TimeML>
"""


def timex(start: int, end: int, type_: str = "DATE", value: str | None = None) -> TimeExpression:
    return TimeExpression("", start, end, type_, value)  # type: ignore[arg-type]


def test_parse_tml_strips_tags_and_keeps_offsets() -> None:
    document = parse_tml("test_doc", TML)
    assert document.creation == date(2026, 1, 30)
    assert "A&B must wait" in document.text
    assert [(t.text, t.type, t.value, t.mod) for t in document.timexes] == [
        ("Thursday", "DATE", "2026-01-29", None),
        ("more than two years", "DURATION", "P2Y", "MORE_THAN"),
    ]
    for expression in document.timexes:
        assert document.text[expression.start : expression.end] == expression.text


@pytest.mark.parametrize(
    ("predicted", "strict", "relaxed", "type_f1", "value_f1"),
    [
        # both found exactly, both values right
        ([(0, 8, "DATE", "X"), (20, 39, "DURATION", "P2Y")], 1.0, 1.0, 1.0, 1.0),
        # second found by overlap only, with the wrong value
        ([(0, 8, "DATE", "X"), (30, 39, "DURATION", "P3Y")], 0.5, 1.0, 1.0, 0.5),
        # one right, one spurious, one missed: P = R = 1/2
        ([(0, 8, "DATE", "X"), (50, 55, "DATE", "2020")], 0.5, 0.5, 0.5, 0.5),
        # nothing found
        ([], 0.0, 0.0, 0.0, 0.0),
    ],
)
def test_score(
    predicted: list[tuple[int, int, str, str]],
    strict: float,
    relaxed: float,
    type_f1: float,
    value_f1: float,
) -> None:
    gold_document = parse_tml("doc", TML)
    gold = (timex(0, 8, "DATE", "X"), timex(20, 39, "DURATION", "P2Y"))
    document = type(gold_document)("doc", gold_document.text, gold_document.creation, gold)
    figures = score([document], [[timex(*p) for p in predicted]])
    assert figures["strict"]["f1"] == pytest.approx(strict)
    assert figures["relaxed"]["f1"] == pytest.approx(relaxed)
    assert figures["type"]["f1"] == pytest.approx(type_f1)
    assert figures["value"]["f1"] == pytest.approx(value_f1)


def test_align_is_one_to_one_by_largest_overlap() -> None:
    gold = [timex(0, 10), timex(12, 20)]
    predicted = [timex(8, 14), timex(0, 9)]
    assert [(g.start, p.start) for g, p in align(gold, predicted)] == [(0, 0), (12, 8)]


def test_list_errors_names_each_disagreement() -> None:
    document = parse_tml("doc", TML)
    predicted = [
        TimeExpression("Thursday", document.timexes[0].start, document.timexes[0].end, "DATE", "X"),
        TimeExpression("court", 5, 10, "DATE", "2020"),
    ]
    kinds = [(error.kind, error.document) for error in list_errors([document], [predicted])]
    assert kinds == [("spurious", "doc"), ("value", "doc"), ("missed", "doc")]
