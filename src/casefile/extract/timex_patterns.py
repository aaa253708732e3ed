"""The list of rules the time-expression tagger runs, in order of preference.

Every pattern is compiled once, at import. When two matches overlap, the
longer wins; on equal length the rule listed first wins. Extents follow
TimeML: determiners and modifiers ("the past five years", "early last year",
"more than a year") belong to the expression, prepositions ("in", "on",
"since") do not.
"""

from __future__ import annotations

import re

from casefile.extract import timex_dates as dates
from casefile.extract import timex_lexicon as lex
from casefile.extract import timex_relative as relative
from casefile.extract import timex_rules as r
from casefile.extract.timex_rules import DAY, DIGITS, NUM, POSITION, QUANTIFIER, YEAR, Rule

_WEEKDAY_PREFIX = rf"(?:(?P<wd>{lex.WEEKDAY}),?\s+)?"  # "Saturday, April 25": it fixes the year
_REL = r"(?P<rel>(?i:last|this\s+past|this\s+coming|next|this|the\s+coming|coming|past|that))\s+"
_DAY_RANGE = rf"(?:\s*(?:-|–|—|\s+and\s+|\s+to\s+|\s+through\s+)\s*(?P<day2>{DAY}))?"
_TZ = r"(?:\s+(?P<tz>[A-Z]{2,4}T?\b|GMT|UTC|(?i:local\s+time)))?"
_UNIT_WORD = rf"(?:{lex.UNITS_PLURAL}|{lex.UNIT})\b"
_HOUR = r"(?P<h>[01]?\d|2[0-4])(?:[:.](?P<mi>[0-5]\d))?"
_MERIDIAN = r"\s*(?P<ap>[ap]\.m\.|[ap]\.m\b|[ap]m\b|[AP]\.M\.|[AP]M\b)"
# "around Nov. 1", "around year end": TimeML keeps the hedge inside a date, as mod APPROX
_APPROX = r"(?:(?P<approx>(?i:around|approximately|circa))\s+)?"
_DAY_WORDS = r"(?i:today|tonight|tomorrow|yesterday)"
_RELATIVE_YEAR = r"\s+(?P<ry>(?i:last|this|next))\s+(?i:year)\b"  # "June last year"


def _words(*groups: object) -> frozenset[str]:
    """Trigger words: every lowercased word of the given spellings, tables and strings."""
    words: set[str] = set()
    for group in groups:
        items = [group] if isinstance(group, str) else list(group)  # type: ignore[call-overload]
        for item in items:
            if item == DIGITS:
                words.add(DIGITS)
            else:
                words.update(re.findall(r"\w+", str(item).lower()))
    return frozenset(words)


_SPELLED_YEARS = _words("nineteen thousand")
_MONTHS = _words(lex.MONTHS)
_WEEKDAYS = _words(lex.WEEKDAYS)
_UNITS = _words(lex.UNITS, [w + "s" for w in lex.UNITS], "centuries")
_NUMBERS = _words(DIGITS, lex.NUMBERS)


def _rule(
    name: str,
    pattern: str,
    normalize: r.Normalizer,
    guard: r.Guard | None = None,
    *,
    triggers: frozenset[str],
    word_start: bool = True,
) -> Rule:
    """A rule; `word_start` says every match begins a word, so the regex is only tried there."""
    compiled = re.compile(r"\b" + pattern if word_start else pattern)
    return Rule(name, compiled, normalize, guard, triggers)


RULES: list[Rule] = [
    # "Thursday, Jan. 29, 2026", "January 30, 2026", "Jan. 30", "May 3-5, 2025"
    _rule(
        "month-day",
        rf"\b{_APPROX}{_WEEKDAY_PREFIX}(?P<mon>{lex.MONTH})\s+(?P<day>{DAY}){_DAY_RANGE}"
        rf"(?:,?\s+(?P<year>{YEAR})|{_RELATIVE_YEAR})?(?![\w%])",
        dates.norm_month_day,
        triggers=_MONTHS,
    ),
    # "30 January 2026", "the 30th of January", "3-5 May 2025"
    _rule(
        "day-month",
        rf"\b{_WEEKDAY_PREFIX}(?:the\s+)?(?P<day>{DAY}){_DAY_RANGE}(?:\s+of)?\s+(?P<mon>{lex.MONTH})"
        rf"(?:,?\s+(?P<year>{YEAR})|{_RELATIVE_YEAR})?\b",
        dates.norm_month_day,
        triggers=_MONTHS,
    ),
    _rule(
        "iso",
        r"\b(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?:T(?P<h>\d\d):(?P<mi>\d\d)(?::\d\d)?)?\b",
        dates.norm_iso,
        triggers=frozenset({DIGITS}),
    ),
    _rule(
        "numeric",
        r"(?<![\d.,/])(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d\d)"
        r"(?![\d/]|\.\d)",
        dates.norm_numeric,
        triggers=frozenset({DIGITS}),
    ),
    # "Sept. 2025", "late December 2025", "mid-March", "last July", "August"
    _rule(
        "month",
        rf"(?:\b{POSITION})?(?:\b{_REL})?\b(?P<mon>{lex.MONTH})(?!\w)"
        rf"(?:(?:\s+of|,)?\s+(?P<year>{YEAR})|{_RELATIVE_YEAR})?",
        dates.norm_month,
        r.guard_month,
        triggers=_MONTHS,
    ),
    # "2013", "mid-2024", "the end of 2023", "fiscal 2013", "the first half of 2013"
    _rule(
        "year",
        rf"(?:\b{POSITION})?(?:\b(?i:the\s+(?P<half>first|second|latter)\s+half\s+of)\s+)?"
        rf"(?:\b(?P<fiscal>(?i:(?:the\s+)?fiscal(?:\s+year)?|FY|calendar\s+year|the\s+year))\s*)?"
        rf"\b(?P<year>{YEAR})",
        dates.norm_year,
        r.guard_year,
        triggers=frozenset({DIGITS}) | _SPELLED_YEARS,
    ),
    _rule(
        "short-year",
        r"(?<![\w'])['’](?P<yy>\d\d)\b(?!s)(?!\s*(?:%|percent))",
        dates.norm_short_year,
        word_start=False,
        triggers=frozenset({DIGITS}),
    ),
    # "the 1990s", "the mid-1990s", "the '90s", "the 80s", "the nineties"
    _rule(
        "decade",
        rf"(?:\b(?i:the)\s+)?(?:\b{POSITION})?(?:\b(?i:the)\s+)?(?:(?P<dec>1[6-9]\d0|20\d0)['’]?s\b"
        r"|['’](?P<dec2>\d0)['’]?s\b|(?<=(?i:the)\s)(?P<dec3>[3-9]0)s\b"
        r"|(?i:the)\s+(?P<decw>(?i:twenties|thirties|forties|fifties"
        r"|sixties|seventies|eighties|nineties))\b)",
        dates.norm_decade,
        word_start=False,
        triggers=_words(
            DIGITS, "twenties thirties forties fifties sixties seventies eighties nineties"
        ),
    ),
    _rule(
        "century",
        rf"(?:\b{POSITION})?\b(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{lex.ORDINAL_WORD}"
        r"|(?i:twenty-first|nineteenth|eighteenth|seventeenth|sixteenth|twentieth))[\s-](?i:century)\b",
        dates.norm_century,
        triggers=_words("century"),
    ),
    # "summer", "spring of 2023", "last summer", "early autumn 2023"
    _rule(
        "season",
        rf"(?:\b{POSITION})?(?:\b(?P<rel>(?i:last|this\s+past|this\s+coming|next|this|the\s+coming"
        rf"|that|the\s+following|the\s+next|the\s+previous|the|coming|past))\s+)?"
        rf"\b(?P<season>{lex.SEASON})\b"
        rf"(?:(?:\s+of|,)?\s+(?P<year>{YEAR})|(?:\s+(?i:of))?{_RELATIVE_YEAR})?",
        dates.norm_season,
        r.guard_season,
        triggers=_words(lex.SEASONS),
    ),
    # "the first quarter", "the fourth quarter of 2012", "Q1 2013", "last quarter", "the first half"
    _rule(
        "quarter",
        rf"(?:\b{POSITION})?\b(?:(?P<rel2>(?i:this|last|next))\s+(?i:year)['’]s\s+)?"
        r"(?:(?i:the\s+)?(?:(?i:fiscal)[\s-]+)?(?P<q>(?i:first|second|third|fourth|final|1st|2nd|3rd|4th"
        r"|last|previous|this|next|current|past))[\s-](?i:(?:fiscal\s+|calendar\s+)?quarter)"
        r"|(?i:the\s+)?(?P<half>(?i:first|second))\s+half(?=\s+of\s)"
        r"|\b(?P<qn>Q[1-4]|H[12])\b)"
        rf"(?:,?\s+(?:(?i:of)\s+)?(?:(?i:fiscal\s+)?(?P<year>{YEAR})"
        r"|(?P<rel>(?i:this|last|next|the\s+previous|the\s+current|the))\s+(?i:(?:fiscal\s+)?year)))?",
        dates.norm_quarter,
        triggers=_words("quarter half q1 q2 q3 q4 h1 h2"),
    ),
    # "the quarter", "the latest period", "the year-ago quarter", "the 1988 third quarter",
    # "year-earlier" (results): what an earnings report is about
    _rule(
        "reporting-period",
        # "the same period last year", "the corresponding quarter of 1988", "last year's quarter",
        # "the quarter a year ago": the period reported on, a year back
        r"(?P<ago3>(?i:(?:the\s+)?(?:same|corresponding|comparable|like)\s+(?:quarter|period)"
        rf"\s+(?:(?:of\s+)?last\s+year|a\s+year\s+(?:ago|earlier)|(?:of|in)\s+(?P<year3>{YEAR}))"
        r"|last\s+year['’]s\s+(?:quarter|period)|the\s+(?:quarter|period)\s+a\s+year\s+ago))"
        r"|(?:(?i:the)\s+)?(?:(?P<ago>(?i:(?:comparable\s+)?year[-\s](?:ago|earlier)))\s+"
        r"(?:(?P<q>(?i:first|second|third|fourth))(?:[\s-]+(?i:fiscal))?[\s-]+)?(?i:quarter|period)"
        r"|(?i:latest|most\s+recent|comparable|current)\s+(?i:quarter|period)"
        rf"|(?P<year>{YEAR})\s+(?:(?P<q2>(?i:first|second|third|fourth))[\s-]+)?(?i:quarter|period)"
        r"|(?<=(?i:the)\s)(?i:quarter)(?![\w-]))"
        r"|(?P<ago2>(?i:year[-\s](?:ago|earlier)))(?=\s+(?!(?i:quarter|period))[a-z])",
        dates.norm_reporting_period,
        triggers=_words("quarter period ago earlier"),
    ),
    # "for the year", "the full year", "the fiscal year", "the year ended Sept. 30"
    _rule(
        "reporting-year",
        r"(?i:the)\s+(?:(?P<adj>(?i:full|fiscal|latest\s+fiscal|current\s+fiscal|entire|whole))\s+)?"
        r"(?i:year)\b(?![-'’])(?P<ended>(?=\s+(?i:ended|ending)\b))?",
        dates.norm_reporting_year,
        r.guard_reporting_year,
        triggers=_words("year"),
    ),
    # "today", "tonight", "yesterday morning", "this afternoon", "last night", "late yesterday"
    _rule(
        "day-word",
        rf"(?:\b{POSITION}|\b(?P<pos2>(?i:earlier|later))\s+)?"
        rf"\b(?:(?i:the\s+day\s+)(?P<ba>(?i:before|after))\s+)?(?P<word>{_DAY_WORDS}|(?i:this|last))"
        rf"(?:\s+(?P<part>{lex.PART_OF_DAY}))?\b",
        relative.norm_day_word,
        lambda m, t: m.group("word").lower() not in ("this", "last") or bool(m.group("part")),
        triggers=_words("today tonight tomorrow yesterday", lex.PARTS_OF_DAY),
    ),
    # "in the morning" of the day the story is at ("Dealers sold on Friday. In the morning ...")
    _rule(
        "part-of-day-anaphor",
        r"(?:(?<=\b[Ii]n\s)|(?<=\b[Dd]uring\s))(?i:the)\s+(?P<part>(?i:morning|afternoon|evening))\b",
        relative.norm_part_of_day_anaphor,
        triggers=_words("morning afternoon evening"),
    ),
    # "mid-afternoon yesterday", "by late morning", "at midafternoon": part of a day (the one
    # told, else the report's); with no day word, only after a preposition ("late-night talks")
    _rule(
        "part-of-day-position",
        r"\b(?P<pos>(?i:early|late|mid)[\s-]*)(?P<part>(?i:morning|afternoon|evening))\b"
        rf"(?:\s+(?P<word>{_DAY_WORDS}))?(?![\w-])",
        relative.norm_part_of_day_position,
        r.guard_part_of_day_position,
        triggers=_words("morning afternoon evening midmorning midafternoon midevening"),
    ),
    # "died overnight", "Overnight, rebels shelled the town": the night before the day told, or
    # before the report ("an overnight flight" is no expression)
    _rule(
        "overnight",
        r"\b(?i:overnight)\b(?!-)",
        relative.norm_overnight,
        r.guard_overnight,
        triggers=_words("overnight"),
    ),
    # "today is the eighth day of the strike", "It's the second day of the offensive": the day
    # told, counted within some event
    _rule(
        "ordinal-day",
        r"(?:(?<=\b[Ii]s\s)|(?<='s\s)|(?<=’s\s)|(?<=\bmarks\s)|(?<=\bwas\s)|(?<=\bmarked\s))"
        rf"(?:(?i:the)\s+)?(?:{lex.ORDINAL_WORD}|\d+(?:st|nd|rd|th))\s+"
        r"(?:(?i:straight|consecutive|full)\s+)?(?i:day)\b(?!-)",
        relative.norm_ordinal_day,
        triggers=_words("day"),
    ),
    # "adjourned to the 14th", "expired on the 1st": a day of the month just told, else of the
    # report's month (court reports and translated press write it so)
    _rule(
        "day-of-month",
        r"(?i:the)\s+(?P<day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b"
        r"(?:(?P<this>\s+(?i:of\s+(?:this|the)\s+month))\b"
        r"|(?=\s*(?:[,.;:!?)\"”]|$)|\s+(?:and|or|at|when)\b))",
        dates.norm_day_of_month,
        r.guard_day_of_month,
        triggers=_words(DIGITS),
    ),
    # "on Friday nights", "Sunday mornings": every such part of that weekday
    _rule(
        "set-weekday-part",
        rf"\b(?P<wd>{lex.WEEKDAY})\s+(?P<part>(?i:mornings|afternoons|evenings|nights))\b",
        lambda m, c: r.Reading(
            "SET",
            f"XXXX-WXX-{lex.weekday_number(m.group('wd'))}"
            f"T{lex.PARTS_OF_DAY[m.group('part').lower()[:-1]]}",
        ),
        triggers=_words("mornings afternoons evenings nights"),
    ),
    # "last week", "this month", "next year", "early last year", "the following year", "that day",
    # "earlier this year", "the end of the month", "the weekend"
    _rule(
        "relative-unit",
        rf"(?:\b{POSITION})?\b(?:(?P<rel>(?i:earlier\s+in\s+the|later\s+in\s+the|earlier\s+this|later\s+this|earlier\s+that|later\s+that"
        r"|this\s+past|this\s+coming|the\s+following|the\s+previous|the\s+preceding|the\s+next"
        r"|the\s+last|the\s+past|the\s+coming|the\s+same|the\s+current|last|next|this|past|previous|coming"
        r"|that|current|the))\s+)?"
        r"(?:(?i:fiscal|calendar)\s+)?"
        r"(?P<unit>(?i:week|weekend|month|year|quarter|decade|century|day|night|fortnight))\b",
        relative.norm_relative_unit,
        r.guard_relative_unit,
        triggers=_UNITS,
    ),
    # "the day" in "the day before the trial", "the year" in "than the year before"
    _rule(
        "unit-before-after",
        r"(?P<rel>(?i:the))\s+(?P<unit>(?i:day|week|month|year))"
        r"(?=\s+(?P<ba>(?i:before|after|earlier|prior))\b(?P<close>\s*(?:[,.;:)!?\"”]|$))?)",
        relative.norm_relative_unit,
        triggers=_words("before after earlier prior"),
    ),
    # "two weeks ago", "a day later", "three years earlier", "decades ago", "a week or so ago"
    _rule(
        "offset",
        rf"(?:\b{QUANTIFIER})?\b(?P<n>{NUM}|{lex.VAGUE_NUMBER})\s+(?P<unit>{_UNIT_WORD})"
        r"(?:\s+(?P<approx>(?i:or\s+so)))?\s+(?P<dir>(?i:ago|earlier|later|back))\b(?!\s+than)",
        relative.norm_offset,
        triggers=_words("ago earlier later back"),
    ),
    _rule(
        "offset-bare",
        r"\b(?P<n>)(?P<unit>(?i:years|months|weeks|days|decades))\s+(?P<dir>(?i:ago|earlier|later))\b"
        r"(?!\s+than)",
        relative.norm_offset,
        triggers=_words("ago earlier later"),
    ),
    # "on Thursday", "last Thursday", "Friday afternoon", "Thursday's hearing"
    _rule(
        "weekday",
        r"(?:\b(?P<pos>(?i:early|late|earlier|later))\s+)?"
        rf"(?:\b(?P<rel>(?i:last|this\s+past|this\s+coming|next|the\s+following|the\s+next"
        rf"|the\s+previous|previous|coming|that|this))\s+)?\b(?P<wd>{lex.WEEKDAY})(?![\w-])"
        rf"(?:\s+(?P<part>{lex.PART_OF_DAY})\b)?",
        relative.norm_weekday,
        r.guard_weekday,
        triggers=_WEEKDAYS,
    ),
    # "10 p.m.", "10:30 a.m. Thursday", "Friday at 3 p.m.", "15:00 GMT Saturday", "noon"
    _rule(
        "clock",
        rf"(?:\b(?P<wd>{lex.WEEKDAY}|{_DAY_WORDS})(?:,)?\s+(?:(?i:at)\s+)?)?"
        rf"\b(?:{_HOUR}{_MERIDIAN}|(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)(?![:\d])"
        r"|(?P<special>(?i:noon|midnight|midday)))"
        rf"{_TZ}(?:,?\s+(?:(?i:on)\s+)?(?:(?P<wd2>{lex.WEEKDAY}|{_DAY_WORDS})\b"
        rf"|(?P<mon>{lex.MONTH})\s+(?P<day>{DAY})(?:,?\s+(?P<year>{YEAR}))?))?",
        relative.norm_time,
        r.guard_clock,
        triggers=_words(DIGITS, "noon midnight midday"),
    ),
    # "two years", "the past five years", "three hours", "more than a year", "a 10-year sentence"
    _rule(
        "duration",
        rf"(?:\b(?P<det>(?i:the(?:\s+(?:past|last|next|first|coming|previous|following|final"
        r"|remaining|entire|whole|full|better\s+part\s+of|best\s+part\s+of|latest|same|comparable"
        r"|corresponding|year[-\s](?:ago|earlier)))?|(?:past|next|coming"
        rf"|another|an\s+additional)))\s+)?(?:\b{QUANTIFIER})?"
        rf"(?:\b(?i:a\s+)?(?i:mere)\s+)?\b(?P<n>{NUM}(?P<andhalf>\s+(?i:and\s+a\s+half))?|{lex.VAGUE_NUMBER}|(?i:half\s+an?|a\s+half))"
        r"(?:\s+(?i:more|full|straight|consecutive|long|additional|further|whole|extra|mere|short"
        r"|trading|business|working|school|court|sitting))?"
        rf"\s+(?P<unit>{_UNIT_WORD})(?P<half>\s+(?i:and\s+a\s+half))?(?!-old|\s+old)",
        relative.norm_duration,
        r.guard_not_age,
        triggers=_UNITS,
    ),
    # "a 10-year sentence", "the 30-year bond", "a four-week course", "a several-year tenure":
    # the adjective alone
    _rule(
        "duration-adjective",
        rf"(?:\b{QUANTIFIER})?\b(?P<n>{NUM}|(?i:several|multi|many))-(?P<unit>{lex.UNIT})\b"
        r"(?!-old|\s+old)",
        relative.norm_duration,
        r.guard_not_age,
        triggers=_UNITS,
    ),
    # "year-end", "by the year's end", "month-end"
    _rule(
        "period-end",
        rf"\b{_APPROX}(?:(?i:the)\s+)?(?P<unit>(?i:year|month|quarter))(?:-|\s+|['’]s\s+)"
        r"(?P<pos>(?i:end))\b(?!-)",
        relative.norm_relative_unit,
        triggers=_words("end"),
    ),
    # "12" in "between 12 and 18 months", "two" in "two to three years": the unit comes after
    _rule(
        "duration-range-head",
        rf"\b(?P<n>{NUM})(?=\s*(?:-|–|(?i:and|to|or))\s*{NUM}[\s-]+(?P<unit>{_UNIT_WORD}))",
        relative.norm_duration,
        r.guard_range_head,
        triggers=_UNITS,
    ),
    # "3:07:35", a race or flight time
    _rule(
        "clock-duration",
        r"(?<![\d:])(?P<h>\d{1,2}):(?P<mi>[0-5]\d):(?P<s>[0-5]\d)(?![\d:])",
        lambda m, c: r.Reading(
            "DURATION", f"PT{int(m.group('h'))}H{int(m.group('mi'))}M{int(m.group('s'))}S"
        ),
        triggers=frozenset({DIGITS}),
    ),
    # "58" in "1957-58"
    _rule(
        "year-range-tail",
        r"(?<=\b(?P<cc>1[6-9]|20)\d\d[-–/])(?P<yy>\d\d)\b(?![-–/]\d)",
        lambda m, c: dates.year_reading(int(m.group("cc") + m.group("yy")), None),
        triggers=frozenset({DIGITS}),
    ),
    # "years", "decades", "recent weeks": a span of unspecified length
    _rule(
        "bare-units",
        r"\b(?:(?i:the\s+(?:past|last|next|coming)|recent|coming(?=\s+(?:weeks|days)))\s+)?"
        r"(?P<unit>(?i:years|months|weeks|days|hours|minutes|decades|centuries))\b",
        relative.norm_duration,
        r.guard_bare_units,
        triggers=_UNITS,
    ),
    # "every Tuesday", "every day", "every two weeks", "every few months", "each morning",
    # "on Mondays", "quarterly"
    _rule(
        "set",
        rf"\b(?:(?i:every|each)\s+(?:(?P<other>(?i:other))\s+|(?P<n>{NUM})\s+"
        rf"|(?P<vague>{lex.VAGUE_NUMBER})\s+(?=\w+s\b))?"
        rf"(?:(?P<wd>{lex.WEEKDAY})|(?P<mon>{lex.MONTH})|(?P<what>{lex.PART_OF_DAY}|{lex.SEASON}"
        rf"|{_UNIT_WORD}))|(?P<freq>{lex.FREQUENCY}))\b",
        relative.norm_set,
        r.guard_set,
        triggers=_words("every each", lex.FREQUENCIES),
    ),
    _rule(
        "set-plural-weekday",
        r"(?<=\b(?:on|On)\s)(?P<wd>Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays)\b",
        lambda m, c: r.Reading("SET", f"XXXX-WXX-{lex.weekday_number(m.group('wd')[:-1])}"),
        triggers=_words([w + "s" for w in lex.WEEKDAYS]),
    ),
    _rule(
        "set-times",
        rf"\b(?P<k>(?i:once|twice|three\s+times|four\s+times|\d+\s+times))\s+(?i:a|an|per|every|each)"
        rf"\s+(?P<what>{lex.UNIT})\b",
        lambda m, c: r.Reading("SET", relative.SET_UNITS.get(r.unit_of(m.group("what")))),
        triggers=_words("once twice times"),
    ),
    _rule(
        "reference",
        rf"\b{lex.REFERENCE}\b",
        relative.norm_reference,
        r.guard_reference,
        triggers=_words(lex.REFERENCES) - {"the", "at", "in"},
    ),
]
