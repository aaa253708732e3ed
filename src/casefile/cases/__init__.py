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
from casefile.cases.resolve import mention_id, mentions_of, resolve
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
    "resolve",
    "sourced",
    "upcoming",
]
