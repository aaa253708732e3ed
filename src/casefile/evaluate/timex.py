"""Score a time-expression tagger on TimeML (.tml) files as TempEval-3 does.

TempEval-3 (UzZaman et al., 2013), task A: a system expression is found when
its span is identical to a gold one (strict) or overlaps it (relaxed);
precision, recall and F1 over spans. Type and value are scored as attribute
F1 over the relaxed matches: a pair counts when the attribute is equal, then
P = such pairs / system expressions, R = such pairs / gold expressions.

The text tagged is the TEXT element's content with its tags removed (entities
decoded); gold offsets point into it. The anchor is the document creation
time, the TIMEX3 with functionInDocument="CREATION_TIME".
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from casefile.extract.timex import find_timexes
from casefile.model import TimeExpression

Tagger = Callable[[str, date | None], list[TimeExpression]]

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTRIBUTE = re.compile(r'([A-Za-z_]+)="([^"]*)"')


@dataclass(frozen=True)
class TimeMLDocument:
    """One TimeML file: its plain text, creation date and gold time expressions."""

    name: str
    text: str
    creation: date | None
    timexes: tuple[TimeExpression, ...]


def _creation_date(markup: str) -> date | None:
    for match in re.finditer(r"<TIMEX3\b([^>]*)>", markup):
        attributes = dict(_ATTRIBUTE.findall(match.group(1)))
        if attributes.get("functionInDocument") == "CREATION_TIME":
            value = attributes.get("value", "")[:10]
            try:
                return date.fromisoformat(value)
            except ValueError:
                return None
    return None


def parse_tml(name: str, markup: str) -> TimeMLDocument:
    """Read TimeML markup: strip the TEXT element's tags, keeping TIMEX3 offsets into the result."""
    body = re.search(r"<TEXT>(.*)</TEXT>", markup, re.DOTALL)
    content = body.group(1) if body else ""
    pieces: list[str] = []
    length = 0
    opened: list[tuple[int, dict[str, str]]] = []
    spans: list[tuple[int, int, dict[str, str]]] = []
    position = 0
    for tag in _TAG.finditer(content):
        chunk = html.unescape(content[position : tag.start()])
        pieces.append(chunk)
        length += len(chunk)
        position = tag.end()
        closing, element = tag.group(1), tag.group(2)
        if element != "TIMEX3" or tag.group(4):
            continue
        if closing:
            start, attributes = opened.pop()
            spans.append((start, length, attributes))
        else:
            opened.append((length, dict(_ATTRIBUTE.findall(tag.group(3)))))
    pieces.append(html.unescape(content[position:]))
    text = "".join(pieces)
    timexes = tuple(
        TimeExpression(
            text=text[start:end],
            start=start,
            end=end,
            type=attributes.get("type", "DATE"),  # type: ignore[arg-type]
            value=attributes.get("value"),
            mod=attributes.get("mod"),
        )
        for start, end, attributes in sorted(spans, key=lambda s: s[0])
    )
    return TimeMLDocument(name, text, _creation_date(markup), timexes)


def read_corpus(folder: str | Path) -> list[TimeMLDocument]:
    """Every .tml file of a folder, by file name."""
    paths = sorted(Path(folder).glob("*.tml"))
    return [parse_tml(path.stem, path.read_text(encoding="utf-8")) for path in paths]


def tag_corpus(
    documents: Iterable[TimeMLDocument], tagger: Tagger = find_timexes
) -> list[list[TimeExpression]]:
    """The tagger's expressions for each document, anchored at its creation date."""
    return [tagger(document.text, document.creation) for document in documents]


def _overlap(first: TimeExpression, second: TimeExpression) -> int:
    return min(first.end, second.end) - max(first.start, second.start)


def align(
    gold: Sequence[TimeExpression], predicted: Sequence[TimeExpression]
) -> list[tuple[TimeExpression, TimeExpression]]:
    """One-to-one relaxed matches: each gold expression and the prediction it overlaps most."""
    pairs = []
    free = list(predicted)
    for expected in gold:
        best = max(free, key=lambda p: _overlap(expected, p), default=None)
        if best is not None and _overlap(expected, best) > 0:
            pairs.append((expected, best))
            free.remove(best)
    return pairs


def _prf(correct: int, predicted: int, gold: int) -> dict[str, float]:
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def score(
    documents: Sequence[TimeMLDocument], predictions: Sequence[Sequence[TimeExpression]]
) -> dict[str, dict[str, float]]:
    """TempEval-3 figures: strict and relaxed extent, type and value; each a P/R/F1 dict."""
    counts = {"strict": 0, "relaxed": 0, "type": 0, "value": 0}
    n_gold = n_predicted = 0
    for document, predicted in zip(documents, predictions, strict=True):
        n_gold += len(document.timexes)
        n_predicted += len(predicted)
        for expected, found in align(document.timexes, predicted):
            counts["relaxed"] += 1
            counts["strict"] += (expected.start, expected.end) == (found.start, found.end)
            counts["type"] += expected.type == found.type
            counts["value"] += expected.value == found.value
    result = {name: _prf(correct, n_predicted, n_gold) for name, correct in counts.items()}
    result["counts"] = {"gold": float(n_gold), "predicted": float(n_predicted)}
    return result


@dataclass(frozen=True)
class TimexError:
    """One disagreement with the gold: a missed, spurious or misread expression, in context."""

    document: str
    kind: str  # "missed", "spurious", "value", "type", "extent"
    gold: TimeExpression | None
    predicted: TimeExpression | None
    context: str

    def describe(self) -> str:
        def show(timex: TimeExpression | None) -> str:
            if timex is None:
                return "-"
            mod = f" {timex.mod}" if timex.mod else ""
            return f"{timex.text!r} {timex.type} {timex.value}{mod}"

        return (
            f"{self.document:<24} {self.kind:<8} gold={show(self.gold):<40} "
            f"system={show(self.predicted):<40} | {self.context}"
        )


def list_errors(
    documents: Sequence[TimeMLDocument], predictions: Sequence[Sequence[TimeExpression]]
) -> list[TimexError]:
    """Every disagreement, document by document, in text order."""
    errors: list[TimexError] = []
    for document, predicted in zip(documents, predictions, strict=True):
        pairs = align(document.timexes, predicted)
        matched_gold = {id(g) for g, _ in pairs}
        matched_predicted = {id(p) for _, p in pairs}
        found: list[tuple[int, TimexError]] = []

        def context(timex: TimeExpression, text: str = document.text) -> str:
            snippet = text[max(0, timex.start - 50) : timex.end + 30]
            return re.sub(r"\s+", " ", snippet)

        for expected, got in pairs:
            kind = (
                "value"
                if expected.value != got.value
                else "type"
                if expected.type != got.type
                else "extent"
                if (expected.start, expected.end) != (got.start, got.end)
                else ""
            )
            if kind:
                error = TimexError(document.name, kind, expected, got, context(expected))
                found.append((expected.start, error))
        for expected in document.timexes:
            if id(expected) not in matched_gold:
                error = TimexError(document.name, "missed", expected, None, context(expected))
                found.append((expected.start, error))
        for got in predicted:
            if id(got) not in matched_predicted:
                found.append(
                    (got.start, TimexError(document.name, "spurious", None, got, context(got)))
                )
        errors.extend(error for _, error in sorted(found, key=lambda item: item[0]))
    return errors
