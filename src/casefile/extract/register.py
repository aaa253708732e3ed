"""Is the article written in a register that borrows the law's words?

Sports pages "sentence" strikers to the bench, "deport" loan players back to
their clubs and "appeal" red cards. Read word by word, such an article gives
arrests, sentences and appeals that never happened. An article dense with a
register's words (`registers` in data/events.yaml), and with few of the words
our stories are told in, gives no events at all. A sports story about an
athlete jailed for a protest keeps its events: it speaks of political
prisoners, regimes and protesters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from casefile.extract.lexicon import events_data
from casefile.extract.prefilter import word_starts


@dataclass(frozen=True)
class Registers:
    registers: dict[str, re.Pattern[str]]
    domain: re.Pattern[str]
    min_register_words: int
    register_per_domain: int


@lru_cache(maxsize=1)
def load_registers() -> Registers:
    spec = dict(events_data()["registers"])
    domain = word_starts(spec.pop("domain"))
    least = int(spec.pop("min_register_words"))
    ratio = int(spec.pop("register_per_domain"))
    return Registers(
        {name: word_starts(words) for name, words in spec.items()}, domain, least, ratio
    )


def borrowed_register(text: str) -> str | None:
    """The register an article is written in, when it only borrows the law's words."""
    registers = load_registers()
    domain = len(registers.domain.findall(text))
    for name, pattern in registers.registers.items():
        count = len(pattern.findall(text))
        if count >= registers.min_register_words and count >= registers.register_per_domain * max(
            domain, 1
        ):
            return name
    return None
