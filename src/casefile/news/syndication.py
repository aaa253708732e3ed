"""Syndicated copies: the same story on several outlets, told apart from a new report.

Wire stories and NGO releases are republished word for word, trimmed, with
another headline and another outlet's furniture. Counted as separate
reports they would double every event of the story. Two texts are copies of
one story when the Jaccard similarity of their sets of word 5-grams
("shingles", case-folded) is at least `THRESHOLD`:

- 0.6 links a copy that keeps 60 % of the story or adds a few paragraphs of
  its own (a copy trimmed to its first 70 % scores 0.7; one new paragraph in
  ten, 0.9), while two outlets writing up the same facts in their own words
  share almost no 5-word sequences (among the 181 unrelated real pages of
  the article-extraction benchmark, no pair scores above 0.14);
- texts under `MIN_SHINGLES` shingles (about 25 words) are never linked:
  two short briefs can be near-identical without being one report.

Linking loses nothing: the copy is stored and extracted, and only its
events read from a sentence the original also has are dropped
(`drop_shared_events`); a paragraph the copy adds still gives its events.
The copy then shows as an extra source of the original's events.

Finding candidates without comparing with every stored text is MinHash LSH:
`PERMUTATIONS` hash functions, their minima over the shingles in `BANDS`
bands of `ROWS` rows; texts sharing one band key are candidates (about 99 %
of pairs at J = 0.6 share one), and every candidate is checked with the
exact Jaccard similarity. The MinHash is vectorised (numpy, 64-bit halves,
the same numbers as the plain formula). Pure functions: `news.copies`
keeps the bands and each article's shingles, so candidates are compared
without reading or shingling their text again.
"""

from __future__ import annotations

import dataclasses
import hashlib
import random
import re

import numpy as np

from casefile.model import Extraction
from casefile.store.copies import normalize

THRESHOLD = 0.6
SHINGLE = 5
MIN_SHINGLES = 20
BANDS = 32
ROWS = 4
PERMUTATIONS = BANDS * ROWS
_PRIME = (1 << 61) - 1
_WORD = re.compile(r"\w+")

# Fixed seeds: band keys must be the same in every process that ever wrote the store.
_rng = random.Random(0x63617365)
_HASHES = tuple((_rng.randrange(1, _PRIME), _rng.randrange(0, _PRIME)) for _ in range(PERMUTATIONS))
_A = np.array([a for a, _ in _HASHES], dtype=np.uint64)
_B = np.array([b for _, b in _HASHES], dtype=np.uint64)


def shingles(text: str) -> frozenset[int]:
    """The text's word 5-grams, case-folded, each as a 64-bit hash."""
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE:
        grams = [" ".join(words)] if words else []
    else:
        grams = [" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)]
    return frozenset(
        int.from_bytes(hashlib.blake2b(gram.encode("utf-8"), digest_size=8).digest(), "big")
        for gram in grams
    )


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def band_keys(shingle_set: frozenset[int]) -> list[str]:
    """The LSH band keys of a text ("band:hash"); none for a text too short to link."""
    if len(shingle_set) < MIN_SHINGLES:
        return []
    signature = minhash(shingle_set)
    keys = []
    for band in range(BANDS):
        rows = signature[band * ROWS : (band + 1) * ROWS]
        digest = hashlib.blake2b(repr(rows).encode("ascii"), digest_size=12).hexdigest()
        keys.append(f"{band:02d}:{digest}")
    return keys


def minhash(shingle_set: frozenset[int]) -> list[int]:
    """min((a * x + b) mod p) over the shingles x, for each hash (a, b): numpy, exact.

    The same numbers as the plain formula with Python's big integers (band
    keys stored by any earlier version stay valid): the products are split
    into 32-bit halves and folded with 2**61 = 1 (mod p), in uint64.
    """
    x = _mod_prime(np.fromiter(shingle_set, dtype=np.uint64, count=len(shingle_set)))
    values = _mulmod(_A[:, None], x[None, :]) + _B[:, None]
    return [int(value) for value in _mod_prime(values).min(axis=1)]


def _mod_prime(values: np.ndarray) -> np.ndarray:
    """values mod p for values < 2**64 (two folds of 2**61 = 1, one subtraction)."""
    prime = np.uint64(_PRIME)
    values = (values & prime) + (values >> np.uint64(61))
    values = (values & prime) + (values >> np.uint64(61))
    return np.where(values >= prime, values - prime, values)


def _mulmod(a: np.ndarray, x: np.ndarray) -> np.ndarray:
    """a * x mod p, up to a few multiples of p (< 2**63), for a, x < 2**61."""
    low32, shift = np.uint64(0xFFFFFFFF), np.uint64(32)
    a_high, a_low = a >> shift, a & low32
    x_high, x_low = x >> shift, x & low32
    middle = a_high * x_low + a_low * x_high  # < 2**62
    low = a_low * x_low  # < 2**64
    prime = np.uint64(_PRIME)
    return (
        np.uint64(8) * a_high * x_high  # 2**64 = 8 (mod p)
        + (middle >> np.uint64(29))  # middle * 2**32: its bits above 29 land on 2**61 = 1
        + ((middle & np.uint64((1 << 29) - 1)) << shift)
        + (low & prime)
        + (low >> np.uint64(61))
    )


def is_copy(similarity: float) -> bool:
    return similarity >= THRESHOLD


def drop_shared_events(extraction: Extraction, original_text: str) -> Extraction:
    """The copy's extraction without the events read from a sentence the original also has.

    Those events are already stored from the original; what the copy adds
    (a new paragraph, an update) keeps its events.
    """
    original = normalize(original_text)
    kept = tuple(event for event in extraction.events if normalize(event.evidence) not in original)
    return dataclasses.replace(extraction, events=kept)
