"""Work cut into partitions: consecutive slices of the input, in input order.

Both the writer (`pipeline`, one transaction per slice) and the cluster
(`cluster`, one task per slice) cut the same way, so that results come back
in the order a single process would have produced them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TypeVar

T = TypeVar("T")


def partitions(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """`items` in lists of `size` (the last one shorter), lazily: a stream is never read ahead."""
    if size < 1:
        raise ValueError(f"a partition holds at least one item, not {size}")
    iterator = iter(items)
    while part := list(islice(iterator, size)):
        yield part
