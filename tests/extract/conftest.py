"""What the extraction tests share: one loaded spaCy pipeline for the whole run."""

from __future__ import annotations

import pytest
from spacy.language import Language

from casefile.extract import load_nlp


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()
