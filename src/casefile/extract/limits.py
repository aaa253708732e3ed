"""How much of an article is read, and in what pieces: the bounds on one article's cost.

A news report is a few thousand characters; the extractor's rules are built
for that, and some of their work grows with the square of a document's
length (each event looks over the document's names and places). A pasted
book, a scraped archive page or a hostile input must not hold a batch for an
hour or grow to gigabytes, so:

- only the first `MAX_ANALYSED_CHARS` characters are analysed (cut at a line
  break where there is one); the whole text is still stored, and the front
  ends say in one line that the rest was not read;
- the analysed text is parsed and read in parts of at most `PART_CHARS`
  characters, cut at paragraph breaks (else at line breaks, sentence ends,
  spaces), so cost grows linearly with length; a report shorter than a part
  (nearly all of them) is read exactly as before, in one piece;
- runs of more than `LONGEST_WORD` characters without a space (no word is
  that long, but "((((…" or base64 is) are broken by a space every
  `LONGEST_WORD` characters in the copy that is parsed: spaCy's tokenizer
  takes quadratic time on such a run. The copy has the same length, so every
  offset still points into the stored text.

Pure functions over strings; `extract/__init__.py` applies them.
"""

from __future__ import annotations

import re

MAX_ANALYSED_CHARS = 100_000  # about 16,000 words: beyond the longest long read
PART_CHARS = 20_000  # about 3,300 words: a long feature is still one part
LONGEST_WORD = 100

# Where a part may end, best first: after a blank line, a line break, a sentence, a space.
_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?]\s"), re.compile(r"\s"))
_LONG_RUN = re.compile(rf"\S{{{LONGEST_WORD + 1},}}")


def analysed_length(text: str, limit: int = MAX_ANALYSED_CHARS) -> int:
    """How many leading characters of `text` are analysed: all of it, or up to `limit`."""
    if len(text) <= limit:
        return len(text)
    return _break_before(text, limit)


def parts(text: str, size: int = PART_CHARS) -> list[tuple[int, str]]:
    """`text` as consecutive (offset, piece) pairs of at most `size` characters each.

    The pieces joined give `text` back exactly; each ends at the best break
    the last quarter of its room offers, else where the room ends.
    """
    found: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > size:
        end = start + _break_before(text[start:], size)
        found.append((start, text[start:end]))
        start = end
    found.append((start, text[start:]))
    return found


def _break_before(text: str, limit: int) -> int:
    """The end of the best break at or before `limit` (but past three quarters of it)."""
    window = text[limit * 3 // 4 : limit]
    for pattern in _BREAKS:
        ends = [match.end() for match in pattern.finditer(window)]
        if ends:
            return limit * 3 // 4 + ends[-1]
    return limit


def tokenizable(text: str) -> str:
    """`text` with a space in every `LONGEST_WORD` characters of a longer run; same length."""
    return _LONG_RUN.sub(_break_run, text)


def _break_run(match: re.Match[str]) -> str:
    characters = list(match.group())
    for index in range(LONGEST_WORD - 1, len(characters), LONGEST_WORD):
        characters[index] = " "
    return "".join(characters)
