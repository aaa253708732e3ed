"""The people linked to a case: lawyers, relatives, co-defendants named in its articles.

An analyst opening a case wants to know who speaks for the person and who
shares their fate. Those people are named in the same articles, usually
with a role word beside the name ("his lawyer, Elif Karaca", "Zarema
Khazimova, his sister"). The role words are the extractor's (`people.yaml`
roles) plus a few of `cases.yaml`; this module reads them without spaCy.
Someone with no role word is listed only when they have a case of their
own. Pure functions.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from casefile.cases.names import is_partial, name_key, same_person
from casefile.cases.records import Case, LinkedPerson
from casefile.cases.words import case_words
from casefile.model import Person

BEFORE = 40  # characters before a name searched for its role word
AFTER = 35  # characters after it ("Zarema Khazimova, his sister")
MAX_DISTANCE = 4  # words between a role word and the name
_RANK = {"counsel": 0, "family": 1, "defendant": 2, "other": 3}
COURT_TYPES = frozenset({"sentence", "hearing", "charge", "acquittal"})


@lru_cache(maxsize=1)
def role_words() -> dict[str, str]:
    """Role word -> its group (counsel, family, defendant, other)."""
    text = resources.files("casefile.data").joinpath("people.yaml").read_text(encoding="utf-8")
    roles: dict[str, str] = {}
    for group, words in yaml.safe_load(text)["roles"].items():
        roles.update({word: group for word in words})
    for word in case_words().extra_roles:
        roles.setdefault(word, "other")
    for word, converse in case_words().converse_roles.items():
        roles.setdefault(converse, roles.get(word, "other"))  # "spouse" is family as "wife" is
    for word in ("defendant", "co-defendant", "co-accused", "codefendant"):
        roles[word] = "defendant"
    return roles


def role_of(text: str, person: Person) -> str | None:
    """The role word nearest to the person's name, counsel and family first among equals.

    Before the name within the sentence ("his lawyer, Elif Karaca", "lawyer
    Gayane Harutyunyan"), or in an apposition after it ("Zarema Khazimova,
    his sister,"); never after a possessive ("Hrydzin's lawyer" is someone else).
    A role word leading to the name through "of" names the converse role
    (`data/cases.yaml`): in "Saadet Demir, the wife of Alparslan Demir" he is
    her spouse, in "the lawyer of Oleg Brin" Brin is the client.
    """
    found: list[tuple[int, int, str]] = []
    words = role_words()
    for form in {person.name, *(m for m in person.mentions if same_person(m, person.name))}:
        for match in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text):
            before = re.split(r"[.;!?]", text[max(0, match.start() - BEFORE) : match.start()])[-1]
            after = text[match.end() : match.end() + AFTER]
            appositive = re.match(r"\s*,([^,.;!?]*)", after)
            near = list(enumerate(reversed(_words(before))))[:MAX_DISTANCE]
            of = re.search(r"\bof\s+(?:the\s+late\s+)?$", before.lower())
            if of:  # "the wife of X": X is her spouse
                converse = case_words().converse_roles
                near = [
                    (d, converse.get(w, "") if d == 0 else w)
                    for d, w in enumerate(reversed(_words(before[: of.start()])))
                ][:MAX_DISTANCE]
            if appositive:
                near += list(enumerate(_words(appositive.group(1))))[:MAX_DISTANCE]
            for distance, word in near:
                if word in words:
                    found.append((distance, _RANK[words[word]], word))
    return min(found)[2] if found else None


def _words(text: str) -> list[str]:
    return re.findall(r"[\w-]+", text.lower())


@dataclass
class _Seen:
    name: str
    roles: list[str] = field(default_factory=list)
    articles: set[str] = field(default_factory=set)


def linked_people(
    case: Case,
    people: Mapping[str, Sequence[Person]],
    texts: Mapping[str, str],
    cases: Sequence[Case] = (),
) -> list[LinkedPerson]:
    """Who else the case's articles name, with their role and their own case, most named first.

    `people` and `texts` are keyed by article id; `cases` are all cases, to
    find the linked people's own.
    """
    article_ids = {s.source.article_id for e in case.events for s in e.sources}
    seen: list[_Seen] = []
    for article_id in sorted(article_ids):
        for person in people.get(article_id, ()):
            if person.kind != "person" or _is_them(person.name, case.names):
                continue
            entry = next((s for s in seen if same_person(s.name, person.name)), None)
            if entry is None:
                entry = _Seen(person.name)
                seen.append(entry)
            if len(person.name) > len(entry.name):
                entry.name = person.name
            entry.articles.add(article_id)
            role = role_of(texts.get(article_id, ""), person)
            if role:
                entry.roles.append(role)
    linked = []
    for entry in seen:
        own = _own_case(entry.name, entry.articles, cases, case.person)
        role = _best_role(entry.roles) or (_co_defendant(case, own) if own else None)
        if role or own:
            linked.append(
                LinkedPerson(entry.name, role, own.person if own else None, len(entry.articles))
            )
    return sorted(
        linked,
        key=lambda p: (-p.articles, _RANK.get(role_words().get(p.role or "", "other"), 3), p.name),
    )


def _is_them(name: str, names: Sequence[str]) -> bool:
    """A name of the case's person: one of its full names, or its very spelling. A surname
    alone the case holds ("Demir") does not make "Saadet Demir" the person: she is his wife."""
    key = name_key(name)
    return any(name_key(n) == key or (not is_partial(n) and same_person(name, n)) for n in names)


def _best_role(roles: list[str]) -> str | None:
    words = role_words()
    return min(roles, key=lambda r: (_RANK[words[r]], -roles.count(r)), default=None)


def _own_case(name: str, articles: set[str], cases: Sequence[Case], not_this: int) -> Case | None:
    """The linked person's own case: one of their names, an article in common."""
    key = name_key(name)
    for other in cases:
        if other.person == not_this or key not in {name_key(n) for n in other.names}:
            continue
        if articles & {s.source.article_id for e in other.events for s in e.sources}:
            return other
    return None


def _co_defendant(case: Case, other: Case) -> str | None:
    """Tried together: a court event of the same type and date, reported by the same article."""
    ours = {
        (e.type, e.date, s.source.article_id)
        for e in case.events
        if e.type in COURT_TYPES and e.date
        for s in e.sources
    }
    theirs = {
        (e.type, e.date, s.source.article_id)
        for e in other.events
        if e.type in COURT_TYPES and e.date
        for s in e.sources
    }
    return "co-defendant" if ours & theirs else None
