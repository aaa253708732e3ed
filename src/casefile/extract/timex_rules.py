"""What the rules of the time-expression tagger are made of: types, fragments, helpers, guards.

A `Rule` is a compiled regular expression, an optional guard that looks at
the text around a match (to keep out "Article 205" or "he may appeal"), and a
normalizer turning the match into a `Reading` (TimeML type, value, mod) given
a `Context` (anchor date, tense, the last date mentioned). The normalizers
live in `timex_dates` and `timex_relative`, the list of rules in
`timex_patterns`; the tagger in `timex.py` runs them all, keeps the longest
non-overlapping matches and normalizes them in text order.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from casefile.extract import timex_lexicon as lex
from casefile.extract.timex_calendar import Tense
from casefile.model import TimexType


@dataclass(frozen=True)
class Reading:
    """What a matched expression means.

    `point` is the first day of the period it names and `unit` that period's
    length: they become the reference for later anaphoric expressions
    ("In May 2025 ... a day later"). An anaphoric expression with nothing to
    count from ("a day later" as the first date of a text) keeps a TimeML
    value counted from the anchor, but is not `dated`: its casefile date is
    None, as GUIDELINES "Dates" asks for dates known only relative to an
    undated event.
    """

    type: TimexType
    value: str | None
    mod: str | None = None
    point: date | None = None
    unit: str | None = None
    dated: bool = True  # False: the value is a guess no event should be dated by
    compared: bool = False  # a period named for comparison ("a year ago"): no new reference
    # TimeML's reading when it differs from the date: "three days later" is annotated as the
    # span P3D, yet it still dates an event and is the reference for what follows
    span: str | None = None


@dataclass(frozen=True)
class Context:
    """What a normalizer may know besides the match."""

    anchor: date | None
    tense: Tense | None
    reference: date | None = None
    reference_unit: str | None = None
    day_reference: date | None = (
        None  # the last date given to the day: "the next day" counts from it
    )
    quarter: date | None = None  # the first day of the last quarter named: "the quarter" is it
    narrative: date | None = None  # the last date of the paragraph: "on March 3" is near it
    # the results last reported on are a span of the year ("the first nine months"), not a
    # quarter: "a year earlier", "the 1988 period" compare with that span of the year before
    months_of_year: bool = False


Normalizer = Callable[[re.Match[str], Context], Reading | None]
Guard = Callable[[re.Match[str], str], bool]


@dataclass(frozen=True)
class Rule:
    """A pattern, its guard and normalizer, and the words that must be near any match.

    `triggers` are lowercased words (DIGITS stands for any number); the tagger
    runs the pattern only around their occurrences, which keeps it fast.
    """

    name: str
    pattern: re.Pattern[str]
    normalize: Normalizer
    guard: Guard | None = None
    triggers: frozenset[str] = frozenset()


DIGITS = "<digits>"


# --- shared fragments ----------------------------------------------------

_ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TENS = (
    r"(?:ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen"
    r"|(?:twen|thir|for|fif|six|seven|eigh|nine)ty)"
)
# "1996", and as broadcast transcripts spell it, "nineteen ninety-six", "the year two thousand"
SPELLED_YEAR = (
    rf"(?i:nineteen[\s-]{_TENS}(?:[\s-]{_ONES})?(?![\w-])"
    rf"|(?<=the\syear\s)two\s+thousand(?:\s+(?:and\s+)?{_ONES})?\b)"
)
YEAR = rf"(?:(?:1[6-9]\d\d|20\d\d)(?![\d])(?!s\b)(?!-year)|{SPELLED_YEAR})"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
NUM = (
    rf"(?:\d+\s+1/2|\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?"
    rf"|{lex.NUMBER_PAIR}|{lex.NUMBER_WORD}(?:-{lex.NUMBER_WORD})?)"
)
POSITION = (
    r"(?P<pos>(?i:early|late|mid)[\s-]+|(?i:mid-)"
    r"|(?i:the\s+(?:very\s+)?(?:end|beginning|start|middle|close|turn)\s+of(?:\s+the)?\s+)"
    r"|(?i:(?:end|beginning|start|middle)\s+of(?:\s+the)?\s+))"
)
# Words that belong to the expression they bound ("nearly two weeks ago", "at least a year").
# "over", "about", "only", "just", "barely" stay outside it, as TimeML annotators keep them.
QUANTIFIER = (
    r"(?P<qmod>(?i:more\s+than|upwards\s+of|less\s+than|fewer\s+than|nearly|almost"
    r"|around|some|roughly|approximately|at\s+least|at\s+most|up\s+to|no\s+more\s+than))\s+"
)
_QUANTIFIER_MODS = {
    "more than": "MORE_THAN",
    "over": "MORE_THAN",
    "upwards of": "MORE_THAN",
    "just over": "MORE_THAN",
    "well over": "MORE_THAN",
    "a little over": "MORE_THAN",
    "less than": "LESS_THAN",
    "under": "LESS_THAN",
    "fewer than": "LESS_THAN",
    "just under": "LESS_THAN",
    "nearly": "LESS_THAN",
    "almost": "LESS_THAN",
    "barely": "LESS_THAN",
    "about": "APPROX",
    "around": "APPROX",
    "some": "APPROX",
    "roughly": "APPROX",
    "approximately": "APPROX",
    "at least": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS",
}
TIME_UNITS = {"H", "M_", "S"}
PREPOSITIONS = frozenset(
    [
        "in",
        "on",
        "since",
        "until",
        "till",
        "by",
        "of",
        "from",
        "through",
        "to",
        "between",
        "and",
        "during",
        "before",
        "after",
        "early",
        "late",
        "mid",
        "last",
        "next",
        "this",
        "or",
        "throughout",
        "around",
        "past",
        "circa",
        "from",
        "until",
        "as",
        "for",
    ]
)


def group(match: re.Match[str], name: str) -> str | None:
    """A named group's text, or None when the group is absent or did not take part."""
    try:
        return match.group(name)
    except IndexError:
        return None


def squash(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip().lower()


def position_mod(text: str | None) -> str | None:
    """The TimeML mod of "early", "late", "mid-", "the end of" ..."""
    word = squash(text).removeprefix("the ").removeprefix("very ")
    if word.startswith(("earl", "beginning", "start")):
        return "START"
    if word.startswith(("late", "end", "close")):
        return "END"
    if word.startswith(("mid", "middle")):
        return "MID"
    return None


def quantifier_mod(text: str | None) -> str | None:
    """The TimeML mod of "more than", "almost", "about" ..."""
    return _QUANTIFIER_MODS.get(squash(text))


def previous_word(text: str, start: int) -> str:
    before = text[max(0, start - 30) : start]
    words = re.findall(r"[\w$€£#№%']+|[$€£#№]", before)
    return words[-1].lower() if words else ""


def next_word(text: str, end: int) -> str:
    words = re.findall(r"[\w%']+", text[end : end + 30])
    return words[0].lower() if words else ""


def unit_of(word: str) -> str:
    """The TimeML unit of a unit word; units under a day are marked with a trailing '_'."""
    code = lex.unit_code(word)
    return (
        code + "_"
        if code in ("H", "M", "S") and word.lower().startswith(("hour", "min", "sec"))
        else code
    )


def duration_value(amount: float | None, unit: str) -> str:
    """A TimeML duration: "P2Y", "PT3H", "PXDE", "P1.5Y"; `unit` as `_unit_of` gives it."""
    if amount is None:
        number = "X"
    elif amount == int(amount):
        number = str(int(amount))
    else:
        number = f"{amount:g}"
    if unit == "WE":
        return f"P{number}WE"
    if unit == "2W":
        return f"P{int(amount or 1) * 2}W" if amount is not None else "PXW"
    if unit.endswith("_"):
        return f"PT{number}{unit[:-1]}"
    if unit == "DE" and amount is not None:  # TimeBank writes "a decade" as ten years
        return f"P{amount * 10:g}Y"
    if unit == "Y" and amount and amount >= 1000 and amount % 1000 == 0:  # millennia: "P2L"
        return f"P{amount / 1000:g}L"
    return f"P{number}{unit}"


# --- guards ----------------------------------------------------------------


_YEAR_PREPOSITIONS = frozenset(
    ["in", "since", "until", "till", "by", "from", "during", "before", "after", "through"]
)


def guard_year(match: re.Match[str], text: str) -> bool:
    """A bare four-digit number is a year unless its neighbours say it is not."""
    if group(match, "pos") or group(match, "fiscal") or group(match, "half"):
        return True
    start, end = match.span()
    if (start and text[start - 1] in "$€£#№.,/:") or text[end : end + 1] in ("%", "/", ":"):
        return False
    if re.match(r"[.,]\d", text[end : end + 2]):
        return False
    previous, following = previous_word(text, start), next_word(text, end)
    if following in lex.NOT_YEAR_AFTER:  # "1984 protesters", but "in 1984 protesters marched"
        return previous in _YEAR_PREPOSITIONS
    if previous in lex.NOT_YEAR_BEFORE:
        return previous in PREPOSITIONS
    return True


def guard_month(match: re.Match[str], text: str) -> bool:
    """A month named alone must not be the modal "May", a name ("June Carter") or a verb."""
    if group(match, "year") or group(match, "pos") or group(match, "rel"):
        return True
    start, end = match.span()
    word = match.group("mon")
    previous = previous_word(text, start)
    if previous in PREPOSITIONS:
        return True
    if word in ("May", "March", "Mar."):
        return False
    following = text[end : end + 20].lstrip()
    if following[:1].isupper() or (following[:2] == "'s" and word in ("June", "April", "August")):
        return False
    return not re.match(r"\s*\d", text[end : end + 4])


def guard_season(match: re.Match[str], text: str) -> bool:
    """ "summer" counts with a determiner, a year or a preposition; "fall" the verb does not."""
    if group(match, "year") or group(match, "pos"):
        return True
    previous = previous_word(text, match.start())
    if squash(group(match, "rel")) == "that" and squash(match.group("season")) == "fall":
        # "That fall, he enrolled", "in that fall"; not "shares that fall sharply"
        return (
            match.group(0).startswith("That")
            or previous in PREPOSITIONS
            or text[match.end() : match.end() + 1] == ","
        )
    if squash(group(match, "rel")) not in ("", "the"):
        return True
    if squash(match.group("season")) == "fall" and previous in lex.BEFORE_VERB:
        return False  # "began to fall apart", "prices could fall"
    return previous in PREPOSITIONS or previous in lex.SEASON_PREPOSITIONS


def guard_day_of_month(match: re.Match[str], text: str) -> bool:
    """ "on the 14th", "adjourned to the 3rd" count; "the 14th" alone ("came in the 14th") not."""
    return previous_word(text, match.start()) in lex.DAY_OF_MONTH_PREPOSITIONS


def guard_overnight(match: re.Match[str], text: str) -> bool:
    """ "died overnight", "by overnight losses" count; "an overnight flight", "the overnight
    curfew" (a determiner before it: an adjective of kind) do not."""
    return previous_word(text, match.start()) not in lex.BEFORE_ADJECTIVE


def guard_part_of_day_position(match: re.Match[str], text: str) -> bool:
    """ "mid-afternoon yesterday" counts; a bare "late morning" only after a preposition ("by
    late morning"), not as an adjective ("a late-evening vote", "early-morning raids")."""
    if group(match, "word"):
        return True
    return previous_word(text, match.start()) in lex.PART_OF_DAY_PREPOSITIONS


_AMOUNT = re.compile(
    r"(?:[$€£]?\d[\d,.]*|million|billion|thousand|hundred|dozen|[a-z]+s)$", re.IGNORECASE
)


def is_rate(match: re.Match[str], text: str) -> bool:
    """ "$2 million a year", "700 seats a week": "a year" is a rate there, not a span of time."""
    if squash(group(match, "n")) not in ("a", "an") or group(match, "det") or group(match, "qmod"):
        return False
    before = text[max(0, match.start() - 40) : match.start()].split()
    if not before or not _AMOUNT.match(before[-1]):
        return False
    return before[-1][:1].isdigit() or any(w[:1].isdigit() or w[:1] in "$€£" for w in before[-3:])


# "a quarter of the vote", "three quarters of its budget" are shares; "of the year", "of 1990"
# and "several quarters of losses" (no determiner after "of") stay spans of time
_FRACTION_OF = re.compile(
    r"\s+of\s+(?!(?:the|this|last|next|that)\s+(?:fiscal\s+)?year\b)"
    rf"(?:{lex.SHARE_OF})\b",
    re.IGNORECASE,
)


def guard_not_age(match: re.Match[str], text: str) -> bool:
    """ "a 10-year-old", "children of 6 months and older" are ages; "sub-five-minute" is no span;
    "$2 million a year" is a rate, "a quarter of the vote" a share; "This Week" (capitalised)
    is a name; "will one day return" is some day."""
    start, end = match.span()
    if start and text[start - 1] == "-":
        return False
    if is_rate(match, text):
        return False
    if squash(match.group("unit")).startswith("quarter") and _FRACTION_OF.match(text, end):
        return False  # "a quarter of the detainees", "three quarters of its budget": a share
    if _ORDINAL_SECOND.search(match.group(0)) and not _AFTER_SPAN.match(text, end):
        return False  # "a second group", "the second round": the ordinal
    if (
        squash(match.group(0)) == "one day"
        and previous_word(text, start) in lex.SOMEDAY_BEFORE
        and re.match(r"\s+[a-z]", text[end : end + 2])
    ):
        return False  # "she hopes to one day return": some day, no span
    return not re.match(
        r"-?old\b|\s+old\b|-olds\b|\s+(?:and|or)\s+(?:older|up)\b", text[end : end + 16]
    )


_ORDINAL_SECOND = re.compile(r"(?i:\ba\s+second)$")
# what may follow a span of one second: punctuation, the end, or a word that keeps it a span
_AFTER_SPAN = re.compile(
    r"\s*(?:[.,;:!?)\"”]|$|(?i:later|earlier|ago|before|after|or|and|of|to|in|for|long)\b)"
)


def guard_range_head(match: re.Match[str], text: str) -> bool:
    """The first number of a range is a span only if it is no year or clock reading."""
    value = lex.number_value(match.group("n"))
    return guard_not_age(match, text) and value is not None and value < 1000


def guard_bare_units(match: re.Match[str], text: str) -> bool:
    """Bare plural units ("years") only after words that make them a span of time."""
    if next_word(text, match.end()) in ("before", "after", "later", "earlier", "ago", "long"):
        return True
    return previous_word(text, match.start()) in (
        "for",
        "over",
        "within",
        "in",
        "after",
        "took",
        "take",
        "takes",
        "spent",
        "lasted",
        "than",
        "recent",
        "past",
        "coming",
        "the",
        "of",
    )


def guard_reference(match: re.Match[str], text: str) -> bool:
    """ "now-defunct" is no reference to the present, "as soon as he landed" none to the future."""
    if text[match.end() : match.end() + 1] == "-":
        return False
    word = squash(match.group(0))
    following = next_word(text, match.end())
    if following in lex.REFERENCE_NOT_BEFORE.get(word, ()):
        return False
    return previous_word(text, match.start()) not in lex.REFERENCE_NOT_AFTER.get(word, ())


_ANAPHORIC_DAY = (
    "the following",
    "the previous",
    "the next",
    "that",
    "the same",
    "the preceding",
    "earlier in the",
    "later in the",
)


def guard_relative_unit(match: re.Match[str], text: str) -> bool:
    """ "the month" needs a position ("the end of the month"); "day" an anaphor ("that day")."""
    rel = squash(match.group("rel"))
    unit = squash(match.group("unit"))
    if match.group("unit")[0].isupper() and match.start("unit") > match.start():
        return False  # "ABC's This Week": a programme's name, not a week
    if rel in ("", "the", "over the") and not match.group("pos") and unit != "weekend":
        return False
    return unit not in ("day", "night") or rel in _ANAPHORIC_DAY


def guard_weekday(match: re.Match[str], text: str) -> bool:
    """An abbreviated weekday after "the" is a name ("The Sun.")."""
    return not match.group("wd").endswith(".") or previous_word(text, match.start()) != "the"


def guard_clock(match: re.Match[str], text: str) -> bool:
    """A bare 24-hour "15:00" counts only after "at"/"from"/"until" or with a time zone."""
    if group(match, "ap") or group(match, "tz") or group(match, "special"):
        return True
    return previous_word(text, match.start()) in (
        "at",
        "from",
        "until",
        "till",
        "by",
        "before",
        "after",
    )


def guard_set(match: re.Match[str], text: str) -> bool:
    """ "a quarterly dividend", "daily flights": an adjective before its noun names no set."""
    if not group(match, "freq"):
        return True
    following = re.match(r"\s+([a-z]+)\b", text[match.end() : match.end() + 30])
    return following is None or following.group(1) in lex.AFTER_FREQUENCY


_SPELLED_TENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip


def year_value(text: str) -> int:
    """The year a YEAR match names: "1996", "nineteen ninety-six", "two thousand and one"."""
    if text[:1].isdigit():
        return int(text)
    words = re.findall(r"[a-z]+", text.lower())
    if words[:2] == ["two", "thousand"]:
        return 2000 + int(lex.number_value(words[-1]) or 0) if len(words) > 2 else 2000
    rest = words[1:]
    return 1900 + sum(_SPELLED_TENS.get(w) or int(lex.number_value(w) or 0) for w in rest)


def guard_reporting_year(match: re.Match[str], text: str) -> bool:
    """ "the year" alone is a period of a report only after "for", "during", "throughout"."""
    if group(match, "adj") or group(match, "ended") is not None:
        return True
    if _SPAN_OF.search(text, max(0, match.start() - 30), match.start()):
        return True  # "the first nine months of the year": the year reported on
    return previous_word(text, match.start()) in ("for", "during", "throughout")


_SPAN_OF = re.compile(r"\b(?:months|quarters)\s+of\s+$", re.IGNORECASE)
