"""Imported by the process that forks a local cluster's workers: loads the model once.

`casefile.cluster` starts `--workers N` through a multiprocessing
forkserver that imports this module before it forks any worker, so each
worker starts with the spaCy pipeline already loaded (shared, copy on
write) instead of importing spaCy and loading the model itself. Without a
model the forkserver goes on: each worker then says what is missing when
it loads the model (`extract.nlp`).
"""

from __future__ import annotations

from contextlib import suppress

from casefile.errors import CasefileError
from casefile.extract.nlp import load_nlp

with suppress(CasefileError):  # reported by the workers, one line, as in one process
    load_nlp()
