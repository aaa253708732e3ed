"""Search over cases, folding scripts and transliterations as the CLI's name lookup does.

`casefile case Давлатов` finds Davlatov because people are looked up by
`store.people.best_person` over name keys (any script to ASCII, spelling
variants folded). The cases list searches the same way: a query that names a
person finds their case whatever the alphabet or spelling, and otherwise
every word of it must occur in the case's names, stage, evidence sentences
or article titles, compared after the same folding ("Мовлаев" finds
"Movlaev" in a sentence).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from casefile.cases.names import fold, name_key
from casefile.store.people import best_person
from casefile.web.cases import CaseView


def matching_cases(summaries: Sequence[CaseView], q: str, titles: dict[str, str]) -> list[CaseView]:
    """The cases `q` finds: by the person's name (any spelling), or every word in their text."""
    words = q.split()
    if not words:
        return list(summaries)
    named = best_person(q, ((s.id, s.case.names) for s in summaries), strict=False)
    ids = set(named) if isinstance(named, list) else {named}
    folded_words = [folded(word) for word in words]
    return [
        summary
        for summary in summaries
        if summary.id in ids or _has_words(_texts(summary, titles), words, folded_words)
    ]


def folded(text: str) -> str:
    """`text` as name lookup compares it: ASCII, lower case, transliteration variants folded."""
    return " ".join(fold(token) for token in name_key(text).split())


def _texts(summary: CaseView, titles: dict[str, str]) -> list[str]:
    return [
        *summary.case.names,
        summary.case.stage,
        *(text for entry in summary.entries for text in entry.texts()),
        *(titles.get(article_id, "") for article_id in summary.article_ids),
    ]


def _has_words(texts: Iterable[str], words: list[str], folded_words: list[str]) -> bool:
    haystack = " ".join(texts)
    plain = haystack.casefold()
    if all(word.casefold() in plain for word in words):
        return True
    other = folded(haystack)
    return all(word and word in other for word in folded_words)
