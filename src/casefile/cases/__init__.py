"""Many extractions -> people across articles, merged events, case timelines, stage.

The cross-document layer of DESIGN.md ("cases/"), pure functions over
`model.py` classes:

    names.py     whether two spellings name one person
    resolve.py   which mentions, across articles, are one person (context for doubtful names)
    timeline.py  one person's reports -> merged events, updates, conflicts, unconfirmed
    agenda.py    what comes next and what passed with no news: the one answer for every view
    stage.py     where a case stands, in a line
    linked.py    lawyers, relatives, co-defendants named beside the person
    changes.py   what changed in a case since a given time
    build.py     all of it at once: `build_cases(extractions, decisions, today)`
    records.py   the data classes (`Case.to_json` is the `casefile cases --json` contract)
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from casefile.cases import agenda
    from casefile.cases.build import assemble_case, build_case_files, build_cases, sourced, upcoming
    from casefile.cases.changes import as_of, diff_case
    from casefile.cases.records import (
        Case,
        CaseChanges,
        CaseEvent,
        CaseFile,
        Change,
        LinkedPerson,
        Mention,
        PersonDecision,
        ResolvedPerson,
        SourcedEvent,
        Update,
    )
    from casefile.cases.resolve import mention_id, mentions_of
    from casefile.cases.timeline import merge_reports


__all__ = [
    "Case",
    "CaseChanges",
    "CaseEvent",
    "CaseFile",
    "Change",
    "LinkedPerson",
    "Mention",
    "PersonDecision",
    "ResolvedPerson",
    "SourcedEvent",
    "Update",
    "agenda",
    "as_of",
    "assemble_case",
    "build_case_files",
    "build_cases",
    "diff_case",
    "mention_id",
    "mentions_of",
    "merge_reports",
    "sourced",
    "upcoming",
]

# Imported when first asked for (PEP 562), not with the package: a reader that needs one
# data class (`records`, for `casefile upcoming`) does not wait for the whole layer (names,
# resolution, timelines). Person resolution is `casefile.cases.resolve.resolve`: the
# package's `resolve` is that module, as Python binds a loaded submodule.
_HOMES = {
    "assemble_case": "casefile.cases.build",
    "build_case_files": "casefile.cases.build",
    "build_cases": "casefile.cases.build",
    "sourced": "casefile.cases.build",
    "upcoming": "casefile.cases.build",
    "as_of": "casefile.cases.changes",
    "diff_case": "casefile.cases.changes",
    "Case": "casefile.cases.records",
    "CaseChanges": "casefile.cases.records",
    "CaseEvent": "casefile.cases.records",
    "CaseFile": "casefile.cases.records",
    "Change": "casefile.cases.records",
    "LinkedPerson": "casefile.cases.records",
    "Mention": "casefile.cases.records",
    "PersonDecision": "casefile.cases.records",
    "ResolvedPerson": "casefile.cases.records",
    "SourcedEvent": "casefile.cases.records",
    "Update": "casefile.cases.records",
    "mention_id": "casefile.cases.resolve",
    "mentions_of": "casefile.cases.resolve",
    "merge_reports": "casefile.cases.timeline",
}


def __getattr__(name: str) -> Any:
    if name == "agenda":
        return importlib.import_module("casefile.cases.agenda")
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value
