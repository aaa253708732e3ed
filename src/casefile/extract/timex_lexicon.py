"""The word tables of the time-expression tagger, and regex fragments built from them.

The tables live in `casefile/data/timex.yaml` so that a reader can extend them
(a new month abbreviation, a unit, a vague reference) without touching the
patterns. They are read once, at import; everything here is then constant.
"""

from __future__ import annotations

import re
from importlib import resources
from typing import Any

import yaml


def _load() -> dict[str, Any]:
    """Read the word tables shipped with the package."""
    text = resources.files("casefile").joinpath("data/timex.yaml").read_text(encoding="utf-8")
    tables: dict[str, Any] = yaml.safe_load(text)
    return tables


_TABLES = _load()


def _alternation(words: list[str]) -> str:
    """A regex alternation of `words`, longest first so that the longest spelling wins."""
    ordered = sorted({w for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def _spellings(table: dict[int, list[str]]) -> dict[str, int]:
    """Lowercased spelling -> number, for months and weekdays."""
    return {word.lower(): number for number, words in table.items() for word in words}


MONTHS: dict[str, int] = _spellings(_TABLES["months"])
WEEKDAYS: dict[str, int] = _spellings(_TABLES["weekdays"])
SEASONS: dict[str, str] = dict(_TABLES["seasons"])
PARTS_OF_DAY: dict[str, str] = dict(_TABLES["parts_of_day"])
NUMBERS: dict[str, int] = {str(k): int(v) for k, v in _TABLES["numbers"].items()}
VAGUE_NUMBERS: list[str] = list(_TABLES["vague_numbers"])
ORDINALS: dict[str, int] = dict(_TABLES["ordinals"])
UNITS: dict[str, str] = dict(_TABLES["units"])
REFERENCES: dict[str, str] = dict(_TABLES["references"])
FREQUENCIES: dict[str, str] = dict(_TABLES["frequencies"])
REFERENCE_NOT_BEFORE: dict[str, frozenset[str]] = {
    word: frozenset(str(w).lower() for w in words)
    for word, words in _TABLES["reference_not_before"].items()
}
REFERENCE_NOT_AFTER: dict[str, frozenset[str]] = {
    word: frozenset(str(w).lower() for w in words)
    for word, words in _TABLES["reference_not_after"].items()
}
NOT_YEAR_BEFORE: frozenset[str] = frozenset(str(w).lower() for w in _TABLES["not_year_before"])
NOT_YEAR_AFTER: frozenset[str] = frozenset(str(w).lower() for w in _TABLES["not_year_after"])
BEFORE_VERB: frozenset[str] = frozenset(str(w).lower() for w in _TABLES["before_verb"])
AFTER_FREQUENCY: frozenset[str] = frozenset(str(w).lower() for w in _TABLES["after_frequency"])
FUTURE_CUES: list[str] = list(_TABLES["future_cues"])
PAST_CUES: list[str] = list(_TABLES["past_cues"])
PRESENT_CUES: list[str] = list(_TABLES["present_cues"])
SOMEDAY_BEFORE: frozenset[str] = frozenset(str(w).lower() for w in _TABLES["someday_before"])
SPEECH_VERBS: frozenset[str] = frozenset(str(w).lower() for w in _TABLES["speech_verbs"])
NOT_PAST_ED: frozenset[str] = frozenset(str(w).lower() for w in _TABLES["not_past_ed"])
BEFORE_ADJECTIVE: frozenset[str] = frozenset(str(w).lower() for w in _TABLES["before_adjective"])
NOT_INFINITIVE = _alternation(list(_TABLES["not_infinitive"]))
PART_OF_DAY_PREPOSITIONS: frozenset[str] = frozenset(
    str(w).lower() for w in _TABLES["part_of_day_prepositions"]
)
SEASON_PREPOSITIONS: frozenset[str] = frozenset(
    str(w).lower() for w in _TABLES["season_prepositions"]
)
DAY_OF_MONTH_PREPOSITIONS: frozenset[str] = frozenset(
    str(w).lower() for w in _TABLES["day_of_month_prepositions"]
)
SHARE_OF = _alternation([str(w) for w in _TABLES["share_of"]])
MONTHS_OF_YEAR = _alternation([str(w) for w in _TABLES["months_of_year"]])

# Full month names match on their own; abbreviations need their dot or a
# following number ("Jan. 30", "Jan 30", "Sept. 2025"), so "Mar" or "Dec" in
# other words or names is not taken. Months are case-sensitive (capitalised):
# that keeps out "may" the modal verb and "march" the noun.
_FULL_MONTHS = [
    w for words in _TABLES["months"].values() for w in words if len(w) > 4 or w == "May"
]
_FULL_MONTHS += ["June", "July"]
_ABBR_MONTHS = [w for words in _TABLES["months"].values() for w in words if w not in _FULL_MONTHS]
MONTH = rf"(?:{_alternation(_FULL_MONTHS)}|(?:{_alternation(_ABBR_MONTHS)})(?:\.|(?=\s+\d)))"

_FULL_WEEKDAYS = [w for words in _TABLES["weekdays"].values() for w in words if len(w) > 5]
_ABBR_WEEKDAYS = [w for words in _TABLES["weekdays"].values() for w in words if len(w) <= 5]
WEEKDAY = rf"(?:{_alternation(_FULL_WEEKDAYS)}|(?:{_alternation(_ABBR_WEEKDAYS)})\.)"
SEASON = rf"(?i:{_alternation(list(SEASONS))})"
PART_OF_DAY = rf"(?i:{_alternation(list(PARTS_OF_DAY))})"
NUMBER_WORD = rf"(?i:{_alternation(list(NUMBERS))})"
# numbers written as two words: "twenty four" (as broadcast transcripts write it), "two thousand"
_TENS = [w for w, n in NUMBERS.items() if 20 <= n <= 90 and n % 10 == 0]
_ONES = [w for w, n in NUMBERS.items() if 1 <= n <= 9 and w not in ("a", "an")]
NUMBER_PAIR = (
    rf"(?i:(?:{_alternation(_TENS)})[\s-]+(?:{_alternation(_ONES)})"
    rf"|(?:{_alternation(_ONES)})\s+(?:hundred|thousand))"
)
VAGUE_NUMBER = rf"(?i:{_alternation(VAGUE_NUMBERS)})"
ORDINAL_WORD = rf"(?i:{_alternation(list(ORDINALS))})"
UNIT = rf"(?i:{_alternation(list(UNITS))})"
_PLURALS = [w[:-1] + "ies" if w.endswith("ry") else w + "s" for w in UNITS]  # "centuries"
UNITS_PLURAL = rf"(?i:{_alternation(_PLURALS)})"
REFERENCE = rf"(?i:{_alternation(list(REFERENCES))})"
FREQUENCY = rf"(?i:{_alternation(list(FREQUENCIES))})"
FUTURE_CUE = _alternation(FUTURE_CUES)
PAST_CUE = _alternation(PAST_CUES)
PRESENT_CUE = _alternation(PRESENT_CUES)


def month_number(word: str) -> int:
    """The month number of a spelling as written ("Sept." -> 9)."""
    return MONTHS[word.rstrip(".").lower()]


def weekday_number(word: str) -> int:
    """The ISO weekday of a spelling as written ("Thurs." -> 4)."""
    return WEEKDAYS[word.rstrip(".").lower()]


def number_value(word: str) -> float | None:
    """The value of a number written in digits or words; None for vague ones ("several")."""
    word = re.sub(r"\s+", " ", word.strip().lower()).replace(",", "")
    if word in NUMBERS:
        return NUMBERS[word]
    if word.endswith(" 1/2") and word[:-4].isdigit():  # "2 1/2"
        return int(word[:-4]) + 0.5
    try:
        return float(word)
    except ValueError:
        pass
    first, _, second = word.replace("-", " ").partition(" ")
    if first in NUMBERS and second in NUMBERS:
        if NUMBERS[second] in (100, 1000):  # "two thousand"
            return NUMBERS[first] * NUMBERS[second]
        return NUMBERS[first] + NUMBERS[second]  # "twenty-five", "twenty four"
    return None


def unit_code(word: str) -> str:
    """The TimeML unit of a unit word, singular or plural ("centuries" -> "CE")."""
    word = word.lower()
    if word in UNITS:
        return UNITS[word]
    if word.endswith("ies"):
        return UNITS[word[:-3] + "y"]
    return UNITS[word.rstrip("s")]
