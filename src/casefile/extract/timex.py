"""Find and normalize time expressions: "Jan. 30", "last year", "two weeks ago", "every Tuesday".

Pure code over a string and an anchor date (the article's publication date):
no spaCy, no I/O, so the event extractor can call it per sentence and the
TempEval-3 benchmark can call it per document. Every expression gets a
TimeML type and value (what TempEval scores) and a casefile `date`, the
calendar date an event takes from it under GUIDELINES "Dates".

How it works: the rules of `timex_patterns` (one compiled regex each, built
from the word tables in `data/timex.yaml`) all run over the text; overlapping
matches are settled longest-first; the survivors are normalized in text order,
so that "a day later" can lean on the date mentioned before it. Expressions
whose year or week depends on tense ("Feb. 11", "Thursday") take the tense the
caller gives, else the one local cues suggest ("will", "scheduled for", "ago",
a past-tense verb).
"""

from __future__ import annotations

import re
from contextlib import suppress
from dataclasses import replace
from datetime import date

from casefile.extract import timex_lexicon as lex
from casefile.extract.timex_calendar import Tense, calendar_date, shift
from casefile.extract.timex_patterns import RULES
from casefile.extract.timex_rules import DIGITS, Context, Reading, Rule, group, previous_word
from casefile.model import TimeExpression

__all__ = ["find_timexes", "infer_tense", "is_birth", "resolve"]

_CUES = re.compile(
    rf"(?<![\w'])(?:(?P<future>{lex.FUTURE_CUE})|(?P<past>{lex.PAST_CUE})"
    rf"|(?P<present>{lex.PRESENT_CUE})|(?P<ed>[a-z]{{3,}}ed))(?![\w'])",
    re.IGNORECASE,
)
_FUTURE_AUXILIARY = re.compile(
    r"\b(?:will|shall|would|'ll|to)\s+(?:\w+\s+)?(?:be\s+)?$", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"“])|\n")


def infer_tense(text: str, start: int, end: int) -> Tense | None:
    """The tense local cues give an expression at `text[start:end]`, or None.

    The nearest cue before the expression in its sentence wins ("said the
    hearing will be held on Feb. 11" is future); without one, the first cue
    after it ("On Thursday, police detained ..." is past).
    """
    sentence_start = 0
    for boundary in _SENTENCE_END.finditer(text, max(0, start - 200), start):
        sentence_start = boundary.end()
    window_start = max(sentence_start, start - 100)
    before = [
        cue
        for cue in _CUES.finditer(text, window_start, start)
        if not (cue.group(0).lower() == "moved to" and text[cue.end() : start].strip())
        and _is_cue(text, cue)
    ]  # "moved to March 17" is a new date; "moved to house arrest on Monday" a move
    if before:
        tense = _cue_tense(text, before[-1])
        if tense == "past" and _INFINITIVE.search(text, before[-1].end(), start):
            return None  # "agreed to buy it in February": when, the cue does not say
        if tense == "future" and _PLUPERFECT_PLAN.search(text, window_start, before[-1].start()):
            return None  # "had been due to expire Friday": a plan of the past, on either side
        if tense == "past" and _reported(text, before[-1], start):
            return None  # "told the buyers of a cut in September": when, the telling does not say
        return tense
    stop = _SENTENCE_END.search(text, end)
    window_end = min(stop.start() if stop else len(text), end + 80)
    after = next((c for c in _CUES.finditer(text, end, window_end) if _is_cue(text, c)), None)
    return _cue_tense(text, after, end) if after else None


def _is_cue(text: str, cue: re.Match[str]) -> bool:
    """Is an "-ed" word a past verb? Not a name ("United"), a listed adjective ("preferred
    shares"), nor one after a determiner ("a still unspecified date"); other cues always are."""
    word = cue.group("ed")
    if not word:
        return True
    opening = _SENTENCE_START.search(text[max(0, cue.start() - 3) : cue.start()])
    if word[0].isupper() and not opening:
        return False
    if word.lower() in lex.NOT_PAST_ED:
        return False
    return previous_word(text, cue.start()) not in lex.BEFORE_ADJECTIVE


def _reported(text: str, cue: re.Match[str], start: int) -> bool:
    """Is the expression inside what a speech verb reports ("said that ...", "warned of a cut
    in ...")? Not right after the marker: "wrote about May 9" is about a day told as past."""
    if cue.group(0).lower() not in lex.SPEECH_VERBS:
        return False
    markers = list(_REPORTED.finditer(text, cue.end(), start))
    return bool(markers) and bool(text[markers[0].end() : start].strip())


# "had been due to", "had been scheduled for", "had been set": a plan told in the pluperfect
_PLUPERFECT_PLAN = re.compile(r"\bhad\s+been\s+(?:\w+\s+(?:to\s+)?)?$", re.IGNORECASE)
_REPORTED = re.compile(r"\b(?:that|of|about)\b", re.IGNORECASE)
_SENTENCE_START = re.compile(r"(?:^|[.!?\n\"“]\s*)$")


_INFINITIVE = re.compile(rf"\bto\s+(?!(?:{lex.NOT_INFINITIVE})\b)[a-z]+\b")


def _cue_tense(text: str, cue: re.Match[str], after: int = 0) -> Tense | None:
    """The tense of one cue; a participle after "will be" or "to be" is future ("will be tried").

    A present-tense cue ("is payable Jan. 2") gives no tense: the nearest date is meant. The
    auxiliary is looked for only from `after` on, the end of the expression when the cue
    follows it: in "the three months to September rose", "to September" is no "to rise".
    """
    if cue.group("present"):
        return None
    if cue.group("future"):
        return "future"
    if _FUTURE_AUXILIARY.search(text, max(after, cue.start() - 25), cue.start()):
        return "future"
    return "past"


_WORD = re.compile(r"\w+")
_BEFORE, _AFTER = 90, 70  # how far a match may reach before and after its trigger word


def _windows(text: str) -> list[list[tuple[int, int]]]:
    """For each rule, the stretches of text around its trigger words, merged where they overlap.

    Running a pattern only there, rather than over the whole text, makes tagging
    several times faster: most of a news text holds no time word at all.
    """
    spots: list[list[tuple[int, int]]] = [[] for _ in RULES]
    for word in _WORD.finditer(text):
        token = word.group().lower()
        key = DIGITS if token[0].isdigit() else token
        for index in _RULES_BY_TRIGGER.get(key, ()):
            start, end = max(0, word.start() - _BEFORE), min(len(text), word.end() + _AFTER)
            rule_spots = spots[index]
            if rule_spots and start <= rule_spots[-1][1]:
                rule_spots[-1] = (rule_spots[-1][0], end)
            else:
                rule_spots.append((start, end))
    return spots


def _index_triggers() -> dict[str, tuple[int, ...]]:
    by_trigger: dict[str, list[int]] = {}
    for index, rule in enumerate(RULES):
        for trigger in rule.triggers:
            by_trigger.setdefault(trigger, []).append(index)
    return {trigger: tuple(indexes) for trigger, indexes in by_trigger.items()}


_RULES_BY_TRIGGER = _index_triggers()


def _candidates(text: str, *, guarded: bool = True) -> list[tuple[int, int, int, re.Match[str]]]:
    """Every match of every rule that its guard lets through: (start, end, rule index, match)."""
    found = []
    for index, windows in enumerate(_windows(text)):
        rule = RULES[index]
        for window_start, window_end in windows:
            for match in rule.pattern.finditer(text, window_start, window_end):
                if match.end() == match.start():
                    continue
                if not guarded or rule.guard is None or rule.guard(match, text):
                    found.append((match.start(), match.end(), index, match))
    return found


def _select(
    candidates: list[tuple[int, int, int, re.Match[str]]],
) -> list[tuple[int, int, int, re.Match[str]]]:
    """Non-overlapping matches, the longest first; on equal length the earlier rule."""
    candidates.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))
    taken: list[tuple[int, int, int, re.Match[str]]] = []
    for candidate in candidates:
        start, end = candidate[0], candidate[1]
        if all(end <= other[0] or start >= other[1] for other in taken):
            taken.append(candidate)
    taken.sort(key=lambda c: c[0])
    return taken


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding spaces and a trailing comma from an extent."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    modifier = _MODIFIER.fullmatch(text, start, end)
    if modifier and _NOUN_AFTER.match(text, end):
        start = modifier.start("timex")  # "the [third-quarter] loss": "the" is the noun's
    return start, end


# An expression used as a noun's modifier: hyphenated ("third-quarter", "10-year") or a number
# with a singular unit ("two day"). The determiner before it belongs to the noun it modifies.
_MODIFIER = re.compile(
    rf"(?i:the|a|an)\s+(?P<timex>[\w]+(?:-[\w]+)+"
    rf"|(?:\d+|{lex.NUMBER_WORD})\s+(?i:day|week|month|year|hour|minute))"
)
_NOUN_AFTER = re.compile(r"\s+(?:[a-z]{3,}|[A-Z]{2,})\b(?<!\bof)(?<!\band)(?<!\bor)")


_BOUNDS = frozenset(
    (
        "MORE_THAN",
        "LESS_THAN",
        "EQUAL_OR_MORE",
        "EQUAL_OR_LESS",
        "BEFORE",
        "AFTER",
        "ON_OR_BEFORE",
        "ON_OR_AFTER",
    )
)


def _event_date(reading: Reading) -> str | None:
    """The casefile date of a reading: none for a bound ("more than a year ago") or a guess."""
    if not reading.dated or reading.mod in _BOUNDS:
        return None
    return calendar_date(reading.value, reading.type)


def find_timexes(
    text: str, anchor: date | None, *, tense: Tense | None = None
) -> list[TimeExpression]:
    """Every time expression in `text`, with offsets into `text`, in text order.

    `anchor` is the date relative expressions count from (the publication
    date); without it they get value and date None while absolute ones still
    resolve. `tense` overrides the cues for expressions whose reading depends
    on it. Expressions like "a day later" or "the following year" count from
    the last date mentioned before them, else from the anchor.
    """
    return _find(text, anchor, tense=tense)


def _find(
    text: str, anchor: date | None, *, tense: Tense | None = None, guarded: bool = True
) -> list[TimeExpression]:
    """`find_timexes`, optionally without the guards against false positives."""
    found: list[TimeExpression] = []
    reference: date | None = None
    reference_unit: str | None = None
    day_reference: date | None = None
    quarter: date | None = None
    months_of_year = False  # the results last named are "the nine months", not a quarter
    narrative: date | None = None  # the last date of the paragraph: the time its story is at
    narrative_end = 0
    skip_until = -1
    for start, end, index, match in _select(_candidates(text, guarded=guarded)):
        if start < skip_until:
            continue
        if _PARAGRAPH_BREAK.search(text, narrative_end, start):
            narrative = None
        rule: Rule = RULES[index]
        local_tense = tense or infer_tense(text, start, end)
        context = Context(
            anchor,
            local_tense,
            reference,
            reference_unit,
            day_reference,
            quarter,
            narrative,
            months_of_year,
        )
        reading = rule.normalize(match, context)
        if reading is None:
            continue
        if group(match, "approx") and reading.mod is None:
            reading = replace(reading, mod="APPROX")
        if (
            rule.name == "unit-before-after"
            and found
            and _APPOSED.fullmatch(text, found[-1].end, start)
        ):
            # "on Oct. 12, the day before the crash": "the day" is Oct. 12 itself
            reading = replace(
                reading, value=found[-1].value, point=reference, unit=reference_unit, dated=True
            )
        if (
            rule.name == "weekday"
            and found
            and found[-1].type == "DATE"
            and reference is not None
            and reference_unit == "D"
            and _APPOSED_WEEKDAY.fullmatch(text, found[-1].end, start)
            and reading.point is not None
            and reference.isoweekday() == reading.point.isoweekday()
        ):
            # "on 4 May, a Sunday": the date just given, not the Sunday before the report
            reading = replace(reading, value=reference.isoformat(), point=reference)
        start, end = _trim(text, start, end)
        if reading.span:  # "[three days] later": TimeML leaves the direction word outside
            end = start + len(_DIRECTION.sub("", text[start:end]))
        of_year = _OF_THAT_YEAR.match(text, end)
        step = of_year.group(1).lower() if of_year else ""
        base = anchor if step in _DEICTIC_YEAR else reference
        if (
            of_year
            and reading.unit in ("M", "D")
            and reading.point is not None
            and base is not None
        ):
            # "in November of that year": the month of the year just mentioned;
            # "on the 9th of March of last year": the year before the report's
            year = base.year + _YEAR_STEP[step]
            day = 1 if reading.unit == "M" else reading.point.day
            with suppress(ValueError):  # "29 February of last year" in a year with none
                point = reading.point.replace(year=year, day=day)
                size = 7 if reading.unit == "M" else 10
                reading = replace(reading, value=point.isoformat()[:size], point=point)
                end = skip_until = of_year.end()
        season = _SEASON_VALUE.match(reading.value or "") if of_year else None
        if of_year and season and base is not None:
            # "in the autumn of the same year": the season of the year just told
            year = base.year + _YEAR_STEP[step]
            value = f"{year:04d}-{season.group(1)}"
            reading = replace(reading, value=value, point=date(year, 1, 1))
            end = skip_until = of_year.end()
        found.append(
            TimeExpression(
                text=text[start:end],
                start=start,
                end=end,
                type="DURATION" if reading.span else reading.type,
                value=reading.span or reading.value,
                mod=reading.mod,
                date=_event_date(reading),
            )
        )
        if reading.point is not None and reading.type in ("DATE", "TIME"):
            reference, reference_unit = reading.point, reading.unit
            if reading.unit == "D":
                day_reference = reading.point
            if not reading.compared and previous_word(text, start) not in _PERIOD_END:
                months_of_year = False  # "in May", a new quarter: no longer the nine months
            if reading.unit == "Q" and not reading.compared and _recent(reading.point, anchor):
                quarter = reading.point
            if reading.dated and not reading.compared and _sets_scene(text, start):
                narrative, narrative_end = _story_point(reading), end
        if quarter is not None and found[-1].type == "DURATION":
            # in a report on a quarter, results "for the nine months" that follow
            months_of_year = months_of_year or bool(_MONTHS_OF_YEAR.fullmatch(found[-1].text))
    return found


_PERIOD_END = frozenset(("ended", "ending", "through", "to"))  # "the nine months ended Sept. 30"
# results reported for a span of the year so far: "for the nine months", "the first six months"
_MONTHS_OF_YEAR = re.compile(
    rf"the\s+(?:(?:first|latest)\s+)?(?:{lex.MONTHS_OF_YEAR})[\s-]+months?",
    re.IGNORECASE,
)


_APPOSED = re.compile(r",\s*")
_APPOSED_WEEKDAY = re.compile(r",\s*(?:a|which was a)\s+", re.IGNORECASE)
_DIRECTION = re.compile(r"\s+(?i:later|earlier)$")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
# What stands before a birth date: "born 1985", "born in Osh in 1979", "b. 12 May 1990".
BIRTH = re.compile(r"\b(?:born|b\.)(?:\s+(?:in|on))?(?:\s+[A-Z][\w-]+,?)?(?:\s+(?:in|on))?\s*$")


def is_birth(text: str, start: int) -> bool:
    """Is the date at `start` someone's birth, which dates no event and sets no scene?"""
    return BIRTH.search(text[max(0, start - 40) : start]) is not None


_SCENE_WORDS = frozenset(("in", "on", "during", "at", "by"))


def _story_point(reading: Reading) -> date:
    """Where a story told at `reading` has got to: "the end of 2024" is late in 2024."""
    point = reading.point
    assert point is not None
    if reading.unit == "Y" and reading.mod in ("END", "MID"):
        return point.replace(month=10 if reading.mod == "END" else 6)
    return point


def _sets_scene(text: str, start: int) -> bool:
    """Does the date at `start` say when the story is ("In 2019 ...", "arrested on May 3, 2019")?

    A date that bounds ("since 1980") or describes ("the August 1988 cease-fire") does not,
    nor a birth ("Nazarov, born in Osh in 1979, was detained in March": this March).
    """
    if is_birth(text, start):
        return False
    before = text[max(0, start - 3) : start].rstrip(" ")
    return (
        before in ("", "\n")
        or before.endswith((".", "\n", '"', "“"))
        or (previous_word(text, start) in _SCENE_WORDS)
    )


def _recent(quarter: date, anchor: date | None) -> bool:
    """Could a report of `anchor` be about this quarter (not one compared with it)?

    Results are reported for a quarter that has ended: "a fourth-quarter charge"
    named in November looks ahead, and the report's "latest quarter" stays the third.
    """
    return anchor is None or shift(anchor, -9, "M") < quarter <= shift(anchor, -3, "M")


_SEASON_VALUE = re.compile(r"^\d{4}-(SP|SU|FA|WI)$")
_OF_THAT_YEAR = re.compile(
    r"\s+of\s+(that|the same|the following|the next|the previous|the preceding|last|this|next)"
    r"\s+year\b",
    re.IGNORECASE,
)
_DEICTIC_YEAR = frozenset({"last", "this", "next"})  # counted from the report's date
_YEAR_STEP = {
    "last": -1,
    "this": 0,
    "next": 1,
    "that": 0,
    "the same": 0,
    "the following": 1,
    "the next": 1,
    "the previous": -1,
    "the preceding": -1,
}


def resolve(
    expression: str,
    anchor: date | None,
    *,
    tense: Tense | None = None,
    reference: date | None = None,
) -> TimeExpression | None:
    """Normalize one expression string ("last Thursday"), or None if it holds none.

    The longest expression found in the string is returned. `reference` is the
    date an anaphoric expression ("a day later") counts from, when the caller
    knows it; the anchor is used otherwise.
    """
    prefix = ""
    if reference is not None:
        prefix = f"{reference.isoformat()} "
    timexes = [t for t in _find(prefix + expression, anchor, tense=tense) if t.start >= len(prefix)]
    if not timexes:  # a lone "summer" or "May": the caller says it is a time expression
        found = _find(prefix + expression, anchor, tense=tense, guarded=False)
        timexes = [t for t in found if t.start >= len(prefix)]
    if not timexes:
        return None
    best = max(timexes, key=lambda t: t.end - t.start)
    shift = len(prefix)
    return TimeExpression(
        text=best.text,
        start=best.start - shift,
        end=best.end - shift,
        type=best.type,
        value=best.value,
        mod=best.mod,
        date=best.date,
    )
