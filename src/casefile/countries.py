"""The country table of `data/countries.yaml`: ISO code -> the names a report may use.

The first name of each code is the country's own name, shown beside the
code wherever the workspace lists a country ("KZ Kazakhstan").
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml


@lru_cache(maxsize=1)
def country_table() -> dict[str, list[str]]:
    """ISO 3166-1 alpha-2 code -> country name, demonyms, regions and towns, as listed."""
    text = resources.files("casefile.data").joinpath("countries.yaml").read_text()
    return {
        str(code): [str(name) for name in names] for code, names in yaml.safe_load(text).items()
    }


def country_name(code: str | None) -> str | None:
    """The country's name for a code ("KZ" -> "Kazakhstan"); None for an unknown code."""
    names = country_table().get((code or "").upper())
    return names[0] if names else None
