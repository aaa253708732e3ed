"""Finding the stored person a name refers to (a user's lookup, any spelling).

People themselves are made by resolution (`store.resolution`), which every
write runs for what it touched. A lookup is lenient: the person whose
spellings the name matches best (`cases.names`), a list when several tie.
"""

from __future__ import annotations

from collections.abc import Iterable

from casefile.cases.names import (
    match_strength,
    names_conflict,
)


def best_person(
    name: str, candidates: Iterable[tuple[int, Iterable[str]]], strict: bool = True
) -> int | list[int] | None:
    """The id of the one person `name` matches best; a list when several tie; None when none.

    `strict` also requires `name` to conflict with no spelling of the person
    (used when linking; a lookup by a user is lenient).
    """
    scores: dict[int, int] = {}
    for person_id, forms in candidates:
        forms = list(forms)
        if strict and any(names_conflict(name, form) for form in forms):
            continue
        score = max((match_strength(name, form) for form in forms), default=0)
        if score:
            scores[person_id] = score
    if not scores:
        return None
    top = max(scores.values())
    winners = [person_id for person_id, score in scores.items() if score == top]
    return winners[0] if len(winners) == 1 else winners
