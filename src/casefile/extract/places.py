"""Which country a place name, demonym or capital stands for.

The table lives in `data/countries.yaml` so a researcher can add the towns
and regions of the cases they follow.
"""

from __future__ import annotations

from functools import lru_cache

from casefile.countries import country_table


@lru_cache(maxsize=1)
def place_table() -> dict[str, str]:
    """Lower-cased place word or phrase -> ISO 3166-1 alpha-2 code."""
    table: dict[str, str] = {}
    for code, names in country_table().items():
        for name in names:
            table.setdefault(name.lower(), code)
    return table


def country_of(text: str) -> str | None:
    """The country a short phrase names ("Kazakh", "Russia's", "Bishkek"), or None."""
    table = place_table()
    cleaned = text.strip().removesuffix("'s").removesuffix("’s").strip(" .,").lower()
    if cleaned in table:
        return table[cleaned]
    if cleaned.startswith("the "):
        return table.get(cleaned[4:])
    return None
