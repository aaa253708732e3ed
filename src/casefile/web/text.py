"""Article text cut into pieces for display: sentences, highlighted spans, snippets.

Pure functions over strings and offsets. Article text is untrusted, so it is
never turned into markup here: the template prints each piece escaped, and
highlighting comes from the template wrapping a piece in <mark>, never from
HTML inside the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise
from typing import Any

# A sentence ends at . ! or ? (optionally closed by a quote or bracket) before
# whitespace and a capital or an opening quote; or at a blank line. Not after
# a title or month abbreviation ("Dr. Aliyev", "Feb. 11").
_SENTENCE_END = re.compile(r"(?<=[.!?])([\"'”’)\]]?)\s+(?=[\"“‘(\[A-ZА-ЯЁ])|\n\s*\n")

_ABBREVIATION = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|No|Prof)\.$"
)


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, leading and trailing blanks excluded."""
    found = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if _ABBREVIATION.search(text, max(0, match.start() - 6), match.start()):
            continue
        found.append((start, match.start() + len(match.group(1) or "")))
        start = match.end()
    found.append((start, len(text)))
    spans = []
    for begin, end in found:
        piece = text[begin:end]
        stripped = piece.strip()
        if not stripped:
            continue
        begin += len(piece) - len(piece.lstrip())
        spans.append((begin, begin + len(stripped)))
    return spans


def segments(
    text: str, start: int, end: int, marks: Iterable[tuple[int, int, int]]
) -> list[dict[str, Any]]:
    """`text[start:end]` cut where marks begin or end.

    `marks` are (start, end, event id). Each segment is
    {"text", "start", "events": ids covering it, "anchors": ids starting there}.
    """
    inside = [(max(a, start), min(b, end), ident) for a, b, ident in marks if a < end and b > start]
    cuts = sorted({start, end, *(a for a, _, _ in inside), *(b for _, b, _ in inside)})
    pieces = []
    for left, right in pairwise(cuts):
        if left >= right:
            continue
        pieces.append(
            {
                "text": text[left:right],
                "start": left,
                "events": [ident for a, b, ident in inside if a <= left and b >= right],
                "anchors": [ident for a, _, ident in inside if a == left],
            }
        )
    return pieces


def paragraphs_of_sentences(
    text: str, marks: Iterable[tuple[int, int, int]]
) -> list[dict[str, Any]]:
    """The whole text as sentences, each with its highlighted segments and its gap before it.

    `gap` is the whitespace between sentences (kept so line breaks show).
    """
    marks = list(marks)
    shown = []
    previous = 0
    for begin, end in sentences(text):
        shown.append(
            {
                "start": begin,
                "end": end,
                "gap": text[previous:begin],
                "segments": segments(text, begin, end, marks),
                "events": sorted({ident for a, b, ident in marks if a < end and b > begin}),
            }
        )
        previous = end
    return shown


def snippet(text: str, span: tuple[int, int], context: int = 120) -> dict[str, Any]:
    """The evidence at `span` with some text around it, cut at word boundaries."""
    begin, end = max(0, span[0]), min(len(text), span[1])
    left = max(0, begin - context)
    right = min(len(text), end + context)
    if left > 0:
        space = text.find(" ", left, begin)
        left = space + 1 if space != -1 else left
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space != -1 else right
    return {
        "before": ("…" if left > 0 else "") + text[left:begin],
        "evidence": text[begin:end],
        "after": text[end:right] + ("…" if right < len(text) else ""),
    }
