"""Syndication signatures: the vectorised MinHash gives the plain formula's numbers exactly.

Band keys are stored; a store written by any earlier version must keep
finding its copies, so the numpy MinHash must equal min((a*x + b) mod p)
computed with Python's integers, on any 64-bit shingle.
"""

from __future__ import annotations

import random

import pytest

from casefile.news import syndication


def plain_minhash(shingles: frozenset[int]) -> list[int]:
    prime = (1 << 61) - 1
    return [min((a * x + b) % prime for x in shingles) for a, b in syndication._HASHES]


@pytest.mark.parametrize("size", [1, 20, 500])
def test_minhash_equals_the_plain_formula_on_random_shingles(size: int) -> None:
    rng = random.Random(size)
    shingles = frozenset(rng.getrandbits(64) for _ in range(size))
    assert syndication.minhash(shingles) == plain_minhash(shingles)


def test_minhash_equals_the_plain_formula_at_the_edges() -> None:
    edges = frozenset({0, 1, (1 << 61) - 1, 1 << 61, (1 << 62) + 7, 1 << 63, (1 << 64) - 1})
    assert syndication.minhash(edges) == plain_minhash(edges)


def test_a_copy_keeps_most_band_keys_and_another_story_none() -> None:
    story = " ".join(f"word{i} of the wire story about the court in Almaty" for i in range(40))
    copy = story + " An outlet added this closing line of its own about the hearing."
    other = " ".join(f"token{i} from an unrelated report on the harvest" for i in range(40))
    keys = set(syndication.band_keys(syndication.shingles(story)))
    assert len(keys & set(syndication.band_keys(syndication.shingles(copy)))) > 16
    assert not keys & set(syndication.band_keys(syndication.shingles(other)))
