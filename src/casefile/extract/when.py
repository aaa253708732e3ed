"""When an event happened: the sentence's calendar dates, nearest to the trigger.

The dateline's date is when the story was filed, not an event's. A postponed
hearing gives its old date and its new one; "twice, in 2013 and again in
2015" gives one event per date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from casefile.extract import syntax
from casefile.extract.lexicon import Context, Lexicon
from casefile.extract.timex import resolve
from casefile.model import TimeExpression

# "YEREVAN, March 6 (Caspian Wire) —": the dateline's date is when the story was filed.
DATELINE = re.compile(
    r"^[A-Z][\w .'’/-]{1,40}(?:,[^—–(]{0,40})?(?:\([^)]{1,60}\))?\s*[—–]{1,2}\s|"
    r"^[A-Z][A-Z .'’-]+(?:,[^—–(]{0,40})?(?:\([^)]{1,60}\))?\s*-{1,2}\s"
)


@dataclass
class SentenceTimes:
    """The time expressions of one sentence; offsets are into the whole text, as spaCy's are."""

    sentence: Span
    timexes: list[TimeExpression]

    def on(self, tokens: list[Token], near: Token | None = None) -> list[TimeExpression]:
        """Calendar dates whose words are among `tokens`, nearest to `near` first.

        Durations and vague references ("more than a year", "recently") name
        no calendar date and are left out.
        """
        chars = {t.idx for t in tokens}
        found = []
        for timex in self.timexes:
            if timex.date is None or timex.type not in ("DATE", "TIME"):
                continue
            if any(timex.start <= c < timex.end for c in chars):
                found.append(timex)
        if near is not None:
            found.sort(key=lambda t: abs(t.start - near.idx))
        return found


def dateline_end(sentence: Span) -> int:
    """Where a story's dateline ("YEREVAN, March 6 (Caspian Wire) —") ends, or its start."""
    if sentence.start != 0:
        return sentence.start_char
    match = DATELINE.match(sentence.text)
    return sentence.start_char + match.end() if match else sentence.start_char


def sentence_times(doc: Doc, timexes: list[TimeExpression]) -> Iterator[SentenceTimes]:
    """Each sentence with its time expressions, less the first sentence's dateline."""
    for sentence in doc.sents:
        start = dateline_end(sentence)
        inside = [t for t in timexes if start <= t.start < sentence.end_char]
        yield SentenceTimes(sentence, inside)


def event_dates(
    token: Token,
    anchor: Token,
    scope: list[Token],
    times: SentenceTimes,
    context: Context,
    through_speech: bool = False,
) -> list[TimeExpression]:
    """The event's calendar dates, nearest to its trigger first.

    Its own words first; then, if they name none, the clause it hangs on
    ("since March 4, when Georgia expelled her").
    """
    dates = times.on(scope, near=token)
    if not dates and anchor.dep_ == "acl" and anchor.head.ent_type_ == "DATE":
        dates = times.on(list(anchor.head.subtree), near=token)  # "May 21, 2018: detained by"
    if not dates and anchor.dep_ == "relcl":
        dates = times.on([anchor.head], near=token)  # "since March 4, when Georgia expelled her"
    if (
        not dates
        and anchor.dep_ in ("relcl", "advcl")
        and any(c.lower_ in ("where", "when", "while", "as") for c in anchor.children)
    ):  # "put him on a plane to Moscow late last month, where he was arrested"
        outer = syntax.governing_verb(anchor)
        if outer is not None:
            dates = times.on(syntax.clause_tokens(outer), near=token)
    for start in (token, anchor):
        current = start
        for _ in range(3):  # "officers on Thursday refused to let him in and served him ..."
            if dates or not (
                current.dep_ in ("conj", "xcomp")
                or (
                    current.dep_ == "ccomp"
                    and syntax.lemma(current.head) not in context.speech_verbs
                )
            ):
                break
            current = current.head
            dates = times.on(syntax.clause_tokens(current), near=token)
    if not dates and through_speech:  # "In November he wrote to the court to say he wished to
        for above in list(token.ancestors)[:5]:  # seek asylum": the letter is the application
            dates = times.on(syntax.clause_tokens(above), near=token)
            if dates:
                break
    if not dates:  # "kidnapped in Dubai, where he had gone at the end of August"
        for place in scope:
            for clause in place.children:
                if clause.dep_ == "relcl" and any(
                    c.lower_ in ("where", "when") for c in clause.children
                ):
                    dates = times.on(list(clause.subtree), near=token)
    return dates


def is_ahead(timex: TimeExpression, published: date | None) -> bool:
    """Is the date after the report's own: announced, not yet happened?"""
    return bool(published and timex.date and timex.date > published.isoformat()[: len(timex.date)])


def as_future(timex: TimeExpression, published: date | None) -> TimeExpression:
    """A date with no year, read forward: "a hearing for April 21" is the next April 21."""
    if published is None or re.search(r"\d{4}", timex.text):
        return timex
    ahead = resolve(timex.text, published, tense="future")
    return replace(timex, date=ahead.date, value=ahead.value) if ahead and ahead.date else timex


WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)


def _as_past(timex: TimeExpression, published: date | None) -> TimeExpression:
    """The day a hearing was due on before it was moved: a weekday not ahead of the report;
    a day of the year, the one nearest the report ("set for March 3, was postponed" in a
    report of March 6 is this March 3, not next year's)."""
    if published is None or re.search(r"\d{4}", timex.text):
        return timex
    if WEEKDAY.search(timex.text):
        return as_past(timex, published)
    readings = [r for r in (as_past(timex, published), as_future(timex, published)) if r.date]
    if len(readings) < 2 or any(len(r.date or "") != 10 for r in readings):
        return timex
    return min(readings, key=lambda r: abs(date.fromisoformat(r.date or "") - published))


def as_past(timex: TimeExpression, published: date | None) -> TimeExpression:
    """A date with no year, read back: "was scheduled for 31 May" is the last 31 May."""
    if published is None or re.search(r"\d{4}", timex.text):
        return timex
    past = resolve(timex.text, published, tense="past")
    return replace(timex, date=past.date, value=past.value) if past and past.date else timex


def postponed(
    verb: Token,
    dates: list[TimeExpression],
    times: SentenceTimes,
    lexicon: Lexicon,
    published: date | None,
) -> list[tuple[TimeExpression | None, str]] | None:
    """ "The Feb. 11 hearing was postponed to Feb. 26": old date postponed, new one scheduled."""
    if syntax.lemma(verb) not in lexicon.context.postpone_verbs:
        return None
    new = [t for t in verb.children if t.dep_ == "prep" and t.lower_ in ("to", "until", "till")]
    new_dates = [d for p in new for d in times.on(list(p.subtree))]
    old_dates = [_as_past(d, published) for d in dates if d not in new_dates]
    result: list[tuple[TimeExpression | None, str]] = [
        (old_dates[0] if old_dates else None, "postponed")
    ]
    if new_dates:
        result.append((new_dates[0], "scheduled"))
    return result


REPEAT_WORDS = {"twice", "again", "both", "repeatedly", "thrice"}


def repeated(dates: list[TimeExpression], token: Token) -> list[TimeExpression]:
    """ "sentenced twice, in 2013 and again in 2015": one event per date."""
    if len({d.date for d in dates}) < 2 or not any(t.lower_ in REPEAT_WORDS for t in token.sent):
        return []
    return sorted({d.date: d for d in dates}.values(), key=lambda d: d.start)
