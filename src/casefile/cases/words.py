"""`data/cases.yaml`: the words and settings the case layer reads, loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml


@dataclass(frozen=True)
class CaseWords:
    """`data/cases.yaml`, loaded."""

    postponement_words: tuple[str, ...]
    postponement_prepositions: tuple[str, ...]
    conflict_types: frozenset[str]
    conflict_days: int
    instance_words: tuple[str, ...]
    dated_by_order: frozenset[str]
    held_by: frozenset[str]
    extra_roles: tuple[str, ...]
    converse_roles: dict[str, str]


@lru_cache(maxsize=1)
def case_words() -> CaseWords:
    text = resources.files("casefile.data").joinpath("cases.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    return CaseWords(
        postponement_words=tuple(data["postponement_words"]),
        postponement_prepositions=tuple(data["postponement_prepositions"]),
        conflict_types=frozenset(data["conflict_types"]),
        conflict_days=int(data["conflict_days"]),
        instance_words=tuple(data["instance_words"]),
        dated_by_order=frozenset(data["dated_by_order"]),
        held_by=frozenset(data["held_by"]),
        extra_roles=tuple(data["extra_roles"]),
        converse_roles=dict(data["converse_roles"]),
    )
