"""Sorting and paging the lists of the workspace, the same for HTML, JSON and CSV.

Every list view takes `sort`, `limit` and `offset` query parameters and
returns one page of the ordered list with a `page` block saying where it is
(`offset`, `limit`, `matched`, and the offsets of the previous and next
pages). Ordering is total: every sort ends on the item's id, so two requests
give the same order and pages never overlap or skip an item.

Paging is applied after the store returns the ordered list, as a plain
slice, so a store that can order and page in its query can take it over
without any change to the pages.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from casefile.errors import CasefileError

T = TypeVar("T")

DEFAULT_LIMIT = 100
MAX_LIMIT = 5000

SortKey = Callable[[Any], tuple[Any, ...]]


@dataclass(frozen=True)
class Sorts:
    """The named orders of one list: `sort=name` ascending, `sort=-name` descending."""

    keys: dict[str, SortKey]
    default: str

    def choices(self) -> list[str]:
        return [name for key in self.keys for name in (key, f"-{key}")]

    def check(self, sort: str) -> str:
        """`sort`, or the default when empty; an unknown order is an error."""
        sort = sort.strip() or self.default
        if sort.removeprefix("-") not in self.keys:
            raise CasefileError(f"sort must be one of {', '.join(self.choices())}, not {sort!r}")
        return sort

    def apply(self, items: Sequence[T], sort: str, tiebreak: SortKey) -> tuple[list[T], str]:
        """`items` in the order `sort` names; missing values (no next date) always last."""
        sort = self.check(sort)
        descending = sort.startswith("-")
        key = self.keys[sort.removeprefix("-")]
        ordered = sorted(items, key=tiebreak)  # ties keep this order in both directions
        present = [item for item in ordered if key(item)[0] is not None]
        missing = [item for item in ordered if key(item)[0] is None]
        present.sort(key=key, reverse=descending)  # reverse=True keeps ties in order
        return present + missing, sort


def page_size(limit: int, offset: int) -> int:
    """The page size a request asks for (0: the default); out-of-range values are errors."""
    limit = limit or DEFAULT_LIMIT
    if not 1 <= limit <= MAX_LIMIT:
        raise CasefileError(f"limit must be between 1 and {MAX_LIMIT}, not {limit}")
    if offset < 0:
        raise CasefileError(f"offset must be 0 or more, not {offset}")
    return limit


def page(items: Sequence[T], limit: int, offset: int) -> tuple[list[T], dict[str, Any]]:
    """One page of `items` and where it is: the `page` block of every list's JSON."""
    limit = page_size(limit, offset)
    shown = list(items[offset : offset + limit])
    return shown, paging(offset, limit, len(shown), len(items))


def paging(offset: int, limit: int, count: int, matched: int) -> dict[str, Any]:
    """Where a page is in its list (also for a page the store cut in its query)."""
    after = offset + limit
    return {
        "offset": offset,
        "limit": limit,
        "count": count,
        "matched": matched,
        "previous_offset": max(0, offset - limit) if offset > 0 else None,
        "next_offset": after if after < matched else None,
    }
