"""A cheap look before the parse: does this text talk about our kind of events at all?

Parsing is most of extraction's cost, and most news is about other things.
The anchors (`prefilter` in `data/events.yaml`) are word beginnings that
nearly every report of an arrest, a trial, an extradition or an asylum case
contains; a text with too few of them for its length is not parsed. The
benchmark checks that no development article with events is skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from casefile.extract.lexicon import events_data


@dataclass(frozen=True)
class Prefilter:
    anchors: re.Pattern[str]
    words_per_anchor: int

    def needed(self, text: str) -> int:
        """Anchors a text of this length must show: longer texts mention more in passing."""
        return 1 + len(text.split()) // self.words_per_anchor

    def could_hold_events(self, text: str) -> bool:
        needed = self.needed(text)
        return any(found >= needed for found, _ in enumerate(self.anchors.finditer(text), 1))


def word_starts(stems: list[str]) -> re.Pattern[str]:
    """Words beginning with any of the stems, longest stem first, in any case."""
    ordered = sorted((re.escape(stem) for stem in stems), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(ordered) + ")", re.IGNORECASE)


@lru_cache(maxsize=1)
def load_prefilter() -> Prefilter:
    spec = events_data()["prefilter"]
    return Prefilter(word_starts(spec["anchors"]), int(spec["words_per_anchor"]))


def could_hold_events(text: str) -> bool:
    return load_prefilter().could_hold_events(text)
