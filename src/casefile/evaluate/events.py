"""The scorer of `eval/GUIDELINES.md` ("Scoring"): predicted events against gold events.

A predicted event matches a gold event of the same article when the types are
equal, the subjects name the same person and the dates agree (see
`same_subject` and `dates_agree`). Matching is one-to-one and greedy: gold
events are taken in document order (where their evidence stands in the text)
and each takes one still unmatched prediction. Two choices the guidelines
leave open are made so that the gold itself, scored as a prediction, gets a
perfect score:

- required gold events choose before optional ones, so that an optional event
  (a hedged intention, boilerplate) never takes the prediction a required
  event needed; the gold files list their events in that order anyway;
- among the predictions a gold event matches, it takes one with exactly its
  date first (an undated gold event prefers an undated prediction), then the
  first in document order; otherwise an undated background mention, which
  matches any date, would take the prediction a dated event needed.

Precision counts every prediction except those matched to optional gold;
recall counts non-optional gold. Everything is micro-averaged over articles.

The module is pure apart from `load_gold`: `score` takes gold and predictions
in memory and returns a `Report`, which `Report.to_json` and `format_report`
render. The CLI and `bench/run.py` are thin shells over these.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from anyascii import anyascii
from rapidfuzz.distance import Levenshtein

from casefile.errors import CasefileError
from casefile.model import Article, Event
from casefile.sources.boilerplate import cut_boilerplate

# WikiEvents annotates only these Justice events (eval/external/README.md).
WIKIEVENTS_TYPES: frozenset[str] = frozenset(
    {"arrest", "charge", "sentence", "hearing", "release", "acquittal"}
)

# Edit distance at which two last names still name the same person (Movlayev ~ Movlaev).
MAX_NAME_DISTANCE = 2


@dataclass(frozen=True)
class GoldEvent:
    """One annotated event. Only `type`, `subject`, `date` and `optional` decide a match."""

    type: str
    subject: str
    date: str | None = None
    status: str = "occurred"
    outcome: str | None = None
    country: str | None = None
    agent: str | None = None
    evidence: str = ""
    certainty: str = "asserted"
    optional: bool = False
    person: str | None = None  # a key naming the same real person across articles


@dataclass(frozen=True)
class GoldArticle:
    """One line of a gold file: an article and the events a correct system reads from it."""

    id: str
    text: str
    events: tuple[GoldEvent, ...] = ()
    published: date | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    case: str | None = None  # the real case it belongs to, or "negative" for ordinary news

    def to_article(self) -> Article:
        """The article as ingestion makes it: boilerplate cut, gold events left out, the id kept."""
        text, cuts = cut_boilerplate(self.text.strip())
        return Article(
            text=text.strip(),
            cuts=cuts,
            published=self.published,
            title=self.title,
            outlet=self.outlet,
            url=self.url,
            source_id=self.id,
        )


def load_gold(path: str | Path) -> list[GoldArticle]:
    """Read a gold .jsonl file (one article a line, as GUIDELINES.md "Gold files" shows)."""
    articles = []
    try:
        with Path(path).open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                try:
                    articles.append(gold_from_json(json.loads(line)))
                except (ValueError, KeyError, TypeError, AttributeError) as error:
                    raise CasefileError(
                        f"{path}, line {number}: not a gold article ({error.__class__.__name__}: "
                        f"{error}); see eval/GUIDELINES.md, Gold files"
                    ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise CasefileError(f"cannot read gold file {path}: {error}") from None
    return articles


def gold_from_json(record: dict[str, Any]) -> GoldArticle:
    """One gold line as a `GoldArticle`; unknown keys (lang, style, trigger) are ignored."""
    published = record.get("published")
    return GoldArticle(
        id=str(record["id"]),
        text=record["text"],
        events=tuple(_gold_event(event) for event in record.get("events", ())),
        published=date.fromisoformat(published) if published else None,
        url=record.get("url"),
        outlet=record.get("outlet"),
        title=record.get("title"),
        case=record.get("case"),
    )


def _gold_event(record: dict[str, Any]) -> GoldEvent:
    return GoldEvent(
        type=record["type"],
        subject=record.get("subject") or "",
        date=record.get("date"),
        status=record.get("status") or "occurred",
        outcome=record.get("outcome"),
        country=record.get("country"),
        agent=record.get("agent"),
        evidence=record.get("evidence") or "",
        certainty=record.get("certainty") or "asserted",
        optional=bool(record.get("optional", False)),
        person=record.get("person"),
    )


# --- matching --------------------------------------------------------------


def name_tokens(name: str) -> list[str]:
    """A name as comparable tokens: lowercase, accents stripped, transliterated, no punctuation.

    Accents are stripped before `anyascii` so that "é" and "e" meet even where
    anyascii would spell a letter out; Cyrillic and other scripts are then
    transliterated ("Мовлаев" -> "movlaev").
    """
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    ascii_name = anyascii(stripped).lower()
    return "".join(char if char.isalnum() else " " for char in ascii_name).split()


def same_subject(gold: str, predicted: str) -> bool:
    """Whether two subjects name the same person, by rule 2 of GUIDELINES "Scoring".

    Equal after normalization, or equal last tokens, or last tokens within edit
    distance 2. The rule is deliberately loose (an article rarely has two
    people with near-equal surnames and events of the same type), so short
    last tokens can meet by accident ("Li" ~ "Ma").
    """
    gold_tokens, predicted_tokens = name_tokens(gold), name_tokens(predicted)
    if not gold_tokens or not predicted_tokens:
        return False
    if gold_tokens == predicted_tokens:
        return True
    distance = Levenshtein.distance(
        gold_tokens[-1], predicted_tokens[-1], score_cutoff=MAX_NAME_DISTANCE
    )
    return (
        distance <= MAX_NAME_DISTANCE
        or _surname_first(gold, predicted_tokens[-1])
        or (_surname_first(predicted, gold_tokens[-1]))
    )


def _surname_first(name: str, surname: str) -> bool:
    """ "Cheng Man-kit" ~ "Simon Cheng": a name written surname first, with a hyphenated
    given name, whose first token is the other name's last token (GUIDELINES rule 2)."""
    words = name.split()
    return (
        len(words) >= 2
        and "-" in words[-1]
        and bool(name_tokens(words[0]))
        and name_tokens(words[0])[0] == surname
    )


def dates_agree(gold: str | None, predicted: str | None) -> bool:
    """Rule 3: gold null matches anything; else the prediction, cut to gold precision, equals it.

    A prediction coarser than the gold ("2025-05" for gold "2025-05-13") does
    not agree: the system did not find the day. A finer one ("2025-05-13" for
    gold "2025-05") does: the gold only says the month.
    """
    if gold is None:
        return True
    if predicted is None or len(predicted) < len(gold):
        return False
    return predicted[: len(gold)] == gold


def events_match(gold: GoldEvent, predicted: Event) -> bool:
    """Rules 1-3 of GUIDELINES "Scoring" together."""
    return (
        gold.type == predicted.type
        and same_subject(gold.subject, predicted.subject)
        and dates_agree(gold.date, predicted.date)
    )


def match_article(
    gold: Sequence[GoldEvent], predicted: Sequence[Event], text: str = ""
) -> dict[int, int]:
    """Pair one article's gold and predicted events: {gold index: prediction index}.

    Greedy and one-to-one. Required gold goes first, then optional gold, each
    in document order (evidence position in `text`, else list order); each
    takes, among the unmatched predictions it matches, the first in document
    order (span start) with exactly its date, else the first.
    """

    def gold_position(index: int) -> tuple[bool, int, int]:
        found = text.find(gold[index].evidence) if gold[index].evidence else -1
        return (gold[index].optional, found if found >= 0 else len(text), index)

    gold_order = sorted(range(len(gold)), key=gold_position)
    predicted_order = sorted(range(len(predicted)), key=lambda index: predicted[index].span[0])
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for gold_index in gold_order:
        gold_event = gold[gold_index]
        candidates = [
            index
            for index in predicted_order
            if index not in taken and events_match(gold_event, predicted[index])
        ]
        if candidates:
            exact = [index for index in candidates if predicted[index].date == gold_event.date]
            chosen = (exact or candidates)[0]
            pairs[gold_index] = chosen
            taken.add(chosen)
    return pairs


# --- the report --------------------------------------------------------------


@dataclass(frozen=True)
class Scores:
    """Counts and the precision, recall and F1 they give (0.0 where undefined)."""

    predicted: int = 0  # predictions not matched to optional gold
    gold: int = 0  # non-optional gold
    matched: int = 0  # predictions matched to non-optional gold

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def __add__(self, other: Scores) -> Scores:
        return Scores(
            self.predicted + other.predicted, self.gold + other.gold, self.matched + other.matched
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "predicted": self.predicted,
            "gold": self.gold,
            "matched": self.matched,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass(frozen=True)
class Accuracy:
    """How many of `total` compared values were `correct`; `value` is None when none were."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.correct + other.correct, self.total + other.total)

    def to_json(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "accuracy": self.value}


@dataclass(frozen=True)
class ErrorCase:
    """A false positive or a missed gold event, with what the other side had nearby."""

    article_id: str
    type: str
    subject: str
    date: str | None
    evidence: str
    note: str = ""  # e.g. "date: other side has 2025-05" when only the date kept them apart

    def to_json(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "type": self.type,
            "subject": self.subject,
            "date": self.date,
            "evidence": self.evidence,
            "note": self.note,
        }


@dataclass(frozen=True)
class Report:
    """All the figures of one scoring run, and the errors behind them."""

    overall: Scores
    per_type: dict[str, Scores]
    dates: Accuracy  # exact date over matched non-optional gold with a date
    status: Accuracy  # over matched non-optional gold
    outcome: Accuracy  # over matched non-optional gold of the *_decision types
    articles: int
    optional_matched: int  # predictions neither rewarded nor penalised
    false_positives: tuple[ErrorCase, ...] = ()
    misses: tuple[ErrorCase, ...] = ()
    types: tuple[str, ...] | None = None  # the restriction, if any

    @property
    def precision(self) -> float:
        return self.overall.precision

    @property
    def recall(self) -> float:
        return self.overall.recall

    @property
    def f1(self) -> float:
        return self.overall.f1

    def to_json(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "types": list(self.types) if self.types is not None else None,
            **self.overall.to_json(),
            "optional_matched": self.optional_matched,
            "date_accuracy": self.dates.to_json(),
            "status_accuracy": self.status.to_json(),
            "outcome_accuracy": self.outcome.to_json(),
            "per_type": {name: scores.to_json() for name, scores in self.per_type.items()},
            "false_positives": [error.to_json() for error in self.false_positives],
            "misses": [error.to_json() for error in self.misses],
        }


def score(
    gold: Sequence[GoldArticle],
    predicted: Sequence[Sequence[Event]],
    types: Iterable[str] | None = None,
) -> Report:
    """Score predictions against gold; `predicted[i]` are the events read from `gold[i]`.

    `types`, when given, restricts both sides to those event types (WikiEvents
    annotates six: `WIKIEVENTS_TYPES`), so a system is not charged for events
    the gold never annotates.
    """
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold articles but {len(predicted)} prediction lists")
    allowed = frozenset(types) if types is not None else None
    per_type: dict[str, Scores] = {}
    overall = Scores()
    dates, status, outcome = Accuracy(), Accuracy(), Accuracy()
    optional_matched = 0
    false_positives: list[ErrorCase] = []
    misses: list[ErrorCase] = []

    for article, article_predictions in zip(gold, predicted, strict=True):
        gold_events = [e for e in article.events if allowed is None or e.type in allowed]
        events = [e for e in article_predictions if allowed is None or e.type in allowed]
        pairs = match_article(gold_events, events, article.text)
        matched = set(pairs.values())
        matched_to_optional = {p for g, p in pairs.items() if gold_events[g].optional}
        optional_matched += len(matched_to_optional)

        for index, event in enumerate(events):
            if index in matched_to_optional:
                continue
            hit = index in matched
            _add(per_type, event.type, Scores(predicted=1, matched=int(hit)))
            if not hit:
                note = _near(event.type, event.subject, gold_events)
                false_positives.append(
                    ErrorCase(
                        article.id, event.type, event.subject, event.date, event.evidence, note
                    )
                )
        for index, gold_event in enumerate(gold_events):
            if gold_event.optional:
                continue
            _add(per_type, gold_event.type, Scores(gold=1))
            if index not in pairs:
                note = _near(gold_event.type, gold_event.subject, events)
                misses.append(
                    ErrorCase(
                        article.id,
                        gold_event.type,
                        gold_event.subject,
                        gold_event.date,
                        gold_event.evidence,
                        note,
                    )
                )
                continue
            event = events[pairs[index]]
            if gold_event.date is not None:
                dates += Accuracy(int(event.date == gold_event.date), 1)
            status += Accuracy(int(event.status == gold_event.status), 1)
            if gold_event.type.endswith("_decision"):
                outcome += Accuracy(int(event.outcome == gold_event.outcome), 1)

    for scores in per_type.values():
        overall += scores
    return Report(
        overall=overall,
        per_type=dict(sorted(per_type.items())),
        dates=dates,
        status=status,
        outcome=outcome,
        articles=len(gold),
        optional_matched=optional_matched,
        false_positives=tuple(false_positives),
        misses=tuple(misses),
        types=tuple(sorted(allowed)) if allowed is not None else None,
    )


def _add(per_type: dict[str, Scores], event_type: str, scores: Scores) -> None:
    per_type[event_type] = per_type.get(event_type, Scores()) + scores


def _near(event_type: str, subject: str, others: Sequence[GoldEvent | Event]) -> str:
    """Why an event found no partner: what the other side has of the same type, if anything."""
    same_type = [other for other in others if other.type == event_type]
    same_person = [other for other in same_type if same_subject(subject, other.subject)]
    if same_person:
        return "date: other side has " + ", ".join(str(other.date) for other in same_person)
    if same_type:
        return "subject: other side has " + ", ".join(other.subject for other in same_type)
    return ""


# --- plain-text rendering ------------------------------------------------------


def format_table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """An aligned plain-text table: text columns left, numbers right, floats to 3 places."""
    cells = [list(header)] + [[_cell(value) for value in row] for row in rows]
    numeric = [
        all(_is_number(row[column]) for row in cells[1:]) if len(cells) > 1 else False
        for column in range(len(header))
    ]
    widths = [max(len(row[column]) for row in cells) for column in range(len(header))]
    lines = []
    for row in cells:
        parts = [
            value.rjust(width) if is_numeric else value.ljust(width)
            for value, width, is_numeric in zip(row, widths, numeric, strict=True)
        ]
        lines.append("  ".join(parts).rstrip())
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def _cell(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return text == "-"
    return True


def format_report(report: Report, verbose: bool = False) -> str:
    """The report as plain text for a terminal; `verbose` adds every false positive and miss."""
    overall = report.overall
    restriction = f" (types: {', '.join(report.types)})" if report.types is not None else ""
    summary = format_table(
        ["measure", "value", "of"],
        [
            ["precision", overall.precision, f"{overall.matched}/{overall.predicted}"],
            ["recall", overall.recall, f"{overall.matched}/{overall.gold}"],
            ["f1", overall.f1, ""],
            ["date accuracy", report.dates.value, f"{report.dates.correct}/{report.dates.total}"],
            [
                "status accuracy",
                report.status.value,
                f"{report.status.correct}/{report.status.total}",
            ],
            [
                "outcome accuracy",
                report.outcome.value,
                f"{report.outcome.correct}/{report.outcome.total}",
            ],
        ],
    )
    per_type = format_table(
        ["type", "P", "R", "F1", "matched", "predicted", "gold"],
        [
            [name, s.precision, s.recall, s.f1, s.matched, s.predicted, s.gold]
            for name, s in report.per_type.items()
        ],
    )
    parts = [
        f"{report.articles} articles{restriction}; "
        f"{report.optional_matched} predictions matched optional gold (not counted)",
        summary,
        per_type,
    ]
    if verbose:
        parts.append(_format_errors("False positives", report.false_positives))
        parts.append(_format_errors("Misses", report.misses))
    return "\n\n".join(parts) + "\n"


def _format_errors(title: str, errors: Sequence[ErrorCase]) -> str:
    lines = [f"{title} ({len(errors)})"]
    for error in errors:
        note = f"  [{error.note}]" if error.note else ""
        lines.append(f"  {error.article_id}  {error.type}  {error.subject}  {error.date}{note}")
        lines.append(f"      {error.evidence}")
    return "\n".join(lines)
