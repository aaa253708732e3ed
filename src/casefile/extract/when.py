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
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from casefile.extract import syntax
from casefile.extract.lexicon import Context, Lexicon
from casefile.extract.timex import is_birth, resolve
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
        text = self.sentence.doc.text
        found = []
        for timex in self.timexes:
            if timex.date is None:  # spans and sets have none; "a day later" (P1D) has one
                continue
            if is_birth(text, timex.start):
                continue  # "Nazarov (born 1985)": a birth, never the event's date
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
                or (current.dep_ == "advcl" and current.tag_ == "VBN")  # "..., deprived of"
                or (
                    current.dep_ == "ccomp"
                    and syntax.lemma(current.head) not in context.speech_verbs
                )
            ):
                break
            current = current.head
            dates = times.on(syntax.clause_tokens(current), near=token)
    if not dates and anchor.dep_ == "acl" and anchor.tag_ == "VBN":
        # "On Dec. 29 she was one of ten activists detained by police": the copula's time
        outer = syntax.governing_verb(anchor)
        if outer is not None and syntax.lemma(outer) == "be":
            dates = times.on(syntax.clause_tokens(outer), near=token)
    if not dates and token.pos_ == "NOUN":  # "a hearing in Tashkent, which is set for Feb. 4"
        dates = times.on(scheduling_clause(token, context), near=token)
    if not dates and through_speech:  # "In November he wrote to the court to say he wished to
        for above in list(token.ancestors)[:5]:  # seek asylum": the letter is the application
            dates = times.on(syntax.clause_tokens(above), near=token)
            if dates:
                break
    if not dates:  # "- 24 Dec 2024: Six more bounties, including ...": the line's date
        dates = times.on(_line_date(token.sent), near=token)
    if not dates:  # "kidnapped in Dubai, where he had gone at the end of August"
        for place in scope:
            for clause in place.children:
                if clause.dep_ == "relcl" and any(
                    c.lower_ in ("where", "when") for c in clause.children
                ):
                    dates = times.on(list(clause.subtree), near=token)
    return _without_spanned_months(dates, times)


def scheduling_clause(noun: Token, context: Context) -> list[Token]:
    """The words of a clause that sets or opens the session a noun names, when it hangs
    apart from the noun's own phrase: a relative clause on the noun or inside its phrase
    ("the trial of X, which resumes on Jan. 12", "a hearing in Tashkent, which is set for
    Feb. 4"), or a participle after it that the parser hung on the main verb ("asked them to
    follow the hearing of X, set for 3 March")."""
    lemmas = context.schedule_verbs | context.session_verbs | context.postpone_verbs
    clauses = [t for t in noun.subtree if t.dep_ == "relcl" and syntax.lemma(t) in lemmas]
    verb = syntax.governing_verb(noun)
    for above in [verb, *(verb.ancestors if verb is not None else [])][:3]:
        if above is None:
            break
        clauses += [
            c
            for c in above.children
            if c.dep_ in ("advcl", "acl")
            and c.tag_ == "VBN"
            and c.i > noun.i
            and syntax.lemma(c) in context.schedule_verbs
        ]
    return [t for clause in clauses[:1] for t in clause.subtree]


def set_ahead(noun: Token, context: Context) -> bool:
    """Is the session a noun names set or told in the present or future by such a clause
    ("which is set for", "which resumes on", "will open on"): still to come?"""
    clause = scheduling_clause(noun, context)
    verb = next((t for t in clause if t.dep_ in ("relcl", "advcl", "acl")), None)
    if verb is None:
        return False
    told = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    return any(t.tag_ in ("VBZ", "VBP", "MD") for t in told) and not any(
        t.lower_ in ("was", "were", "had") for t in told
    )


# "between June 2019 and February 2020", "from March to May 2021": a stretch of time.
RANGE_OPEN = re.compile(r"\b(?:between|from)\s+(?:the\s+)?$", re.IGNORECASE)
RANGE_JOIN = re.compile(r"^\s*(?:and|to|until|till|through|-|–|—)\s*(?:the\s+)?$", re.IGNORECASE)


def _without_spanned_months(
    dates: list[TimeExpression], times: SentenceTimes
) -> list[TimeExpression]:
    """GUIDELINES: a stretch inside one month is dated by that month; one that crosses
    months has no date. The time-expression layer reads "between 3 and 9 May" as one
    month; a stretch it reads as two dates ("between June 2019 and February 2020") dates
    an event to neither end."""
    text = times.sentence.doc.text
    ordered = sorted(times.timexes, key=lambda t: t.start)
    spanned: set[int] = set()
    for first, second in pairwise(ordered):
        if (
            first.date
            and second.date
            and first.date[:7] != second.date[:7]
            and RANGE_JOIN.match(text[first.end : second.start])
            and RANGE_OPEN.search(text[max(0, first.start - 16) : first.start])
        ):
            spanned |= {first.start, second.start}
    if not dates or dates[0].start not in spanned:
        return dates
    return [d for d in dates if d.start not in spanned]


def _line_date(sentence: Span) -> list[Token]:
    """The words before the colon of a timeline line ("3 May 2024: detained ..."), or []."""
    for word in sentence[:LINE_DATE_WORDS]:
        if word.text == ":":
            return [t for t in sentence[: word.i - sentence.start] if t.text not in BULLETS]
    return []


LINE_DATE_WORDS = 8  # "- Friday, 24 December 2024:" at most
BULLETS = ("-", "*", "•", "–", "—")


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


def nearest(timex: TimeExpression, published: date | None) -> TimeExpression:
    """The day a hearing was due on before it was moved, or that a report told of as
    planned ("said the court would hear it on March 3"): a weekday not ahead of the report;
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
    times: SentenceTimes,
    lexicon: Lexicon,
    published: date | None,
) -> list[tuple[TimeExpression | None, str]] | None:
    """ "The Feb. 11 hearing was postponed to Feb. 26": old date postponed, new one scheduled.

    Every date of the postponing clause is read by the words that lead to it:
    "until", "till", or "to"/"for" after the moving verb ("rescheduled for",
    "moved to", "pushed back to") give the new date; "set for", "from", a date
    on the hearing itself give the old one; "on Tuesday" on the moving verb is
    the day of the decision, the old date only when no other is given (the court sat
    that day and adjourned). A year-less old date is the one
    nearest the report, the new one the next such day.
    """
    context = lexicon.context
    if not _postpones(verb, context):
        return None
    roles = [
        (timex, _move_role(verb, _date_token(verb, timex), context))
        for timex in times.on(list(verb.subtree))
    ]
    if not any(role == "new" for _, role in roles):  # "rescheduled the hearing on X for Jan. 14"
        last = max((i for i, (_, role) in enumerate(roles) if role == "maybe new"), default=None)
        roles = [(t, "new" if i == last else role) for i, (t, role) in enumerate(roles)]
    old = [nearest(t, published) for t, role in roles if role in ("old", "maybe new")]
    if not old:  # "on Tuesday adjourned until Dec. 15 the hearing": it sat that day
        old = [nearest(t, published) for t, role in roles if role == "decision"]
    new = [as_future(t, published) for t, role in roles if role == "new"]
    if new and not old:  # "adjourned the case to June 13": nothing dates a postponed session
        return [(new[0], "scheduled")]
    result: list[tuple[TimeExpression | None, str]] = [(old[0] if old else None, "postponed")]
    if new:
        result.append((new[0], "scheduled"))
    return result


NEW_DATE_WORDS = ("until", "till")


def _date_token(verb: Token, timex: TimeExpression) -> Token:
    """The head word of a date's words (the one outside the date): "Jan." of "Jan. 14"."""
    inside = [t for t in verb.subtree if timex.start <= t.idx < timex.end]
    return next((t for t in inside if not (timex.start <= t.head.idx < timex.end)), inside[0])


def _postpones(verb: Token, context: Context) -> bool:
    """A verb that moves a date: "postponed", "adjourned", and phrasal ones ("put off")."""
    return (
        syntax.lemma(verb) in context.postpone_verbs
        or syntax.phrasal_lemma(verb) in context.postpone_verbs
    )


def _move_role(verb: Token, word: Token, context: Context) -> str:
    """Whether a date in a postponing clause is the new date, the old one or the decision's.

    "maybe new": "to"/"for" on a noun ("the hearing on his extradition for Jan. 14"),
    the new date only when nothing else is.
    """
    before = word.doc[word.i - 1] if word.i > 0 else None
    if before is not None and before.lower_ in NEW_DATE_WORDS:
        return "new"
    if word.dep_ != "pobj":
        if word.head == verb and word.dep_ in ("npadvmod", "tmod"):
            return "decision"  # "postponed Tuesday the hearing ..."
        return "old"  # "the Feb. 11 hearing"
    preposition = word.head
    governor = preposition.head
    if governor.dep_ == "prep" and governor.lower_ == "from":
        governor = governor.head  # "from Dec. 18 to Jan. 14"
    if governor.lower_ in ("back", "forward", "over") and governor.dep_ in ("advmod", "prt"):
        governor = governor.head  # "pushed back to Jan. 14"
    if preposition.lower_ in NEW_DATE_WORDS:
        return "new"
    if preposition.lower_ in ("to", "for"):
        if _postpones(governor, context):
            return "new"  # "moved to", "rescheduled for"
        if governor.pos_ in ("NOUN", "PROPN") and governor.i > verb.i:
            return "maybe new"
    if preposition.lower_ == "on" and governor == verb:
        return "decision"  # "on Tuesday postponed the hearing": when it was decided
    return "old"  # "set for Dec. 18", "from Dec. 18", "the hearing on Dec. 18"


REPEAT_WORDS = {"twice", "again", "both", "repeatedly", "thrice"}


def repeated(dates: list[TimeExpression], token: Token) -> list[TimeExpression]:
    """ "sentenced twice, in 2013 and again in 2015": one event per date."""
    if len({d.date for d in dates}) < 2 or not any(t.lower_ in REPEAT_WORDS for t in token.sent):
        return []
    return sorted({d.date: d for d in dates}.values(), key=lambda d: d.start)
