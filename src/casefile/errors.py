"""The errors casefile raises on purpose.

    CasefileError            anything the CLI should print as one line and exit non-zero
    ├── SourceError          an input that cannot be read as an article at all
    ├── ModelMissingError    no spaCy English model is installed
    ├── StoreError           the store cannot be opened or migrated
    └── NotFoundError        a person, event or article that is not in the store

Messages name the object and the fix. A single bad article inside a batch is
not an error: readers return `model.Skipped` for it and the batch goes on.
"""


class CasefileError(Exception):
    """Base class: the CLI turns these into a one-line message and exit code 1."""


class SourceError(CasefileError):
    pass


class ModelMissingError(CasefileError):
    pass


class StoreError(CasefileError):
    pass


class NotFoundError(CasefileError):
    pass
