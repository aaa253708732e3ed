"""Person resolution: which mentions, across articles, are one person.

A mention is a subject as one article names it, with that article's context
(countries, dated events, the other people named). Names decide most cases
(`cases.names`); context decides the ambiguous ones. The passes, strongest
evidence first, each refusing a merge that would put two conflicting full
names ("Mansur Movlayev", "Aslan Movlayev") or an analyst's split into one
person:

1. an analyst's merges;
2. full names that match: equal keys, then spelling variants, reorderings;
3. partial names ("Movlayev", "M. Movlayev") join the one full-name person
   they fit; when several fit, the context decides, and when it cannot, the
   mention stays a person of its own (an analyst can merge it);
4. a relative named through someone ("Ng's father", "the son of the late
   Okoro") joins the one person of that family the context favours, never
   one named in its own article (there, the relative would have been named
   in full);
5. partial names with the same key, where nothing made them ambiguous;
6. a swapped two-word name or an acronym, only where the context agrees;
7. groups ("Uyghur men") across articles, only where the context agrees.

Blocking (shared folded name prefixes and suffixes) keeps the comparisons
near-linear in the number of mentions. Pure functions, no I/O.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from itertools import combinations_with_replacement

from rapidfuzz.distance import Levenshtein

from casefile.cases.names import (
    acronym_of,
    chain_start,
    comparable_tokens,
    fold,
    is_partial,
    kind_of_name,
    name_forms,
    name_key,
    name_tokens,
    names_conflict,
    relative_named,
    relative_of,
    same_person,
    surname,
    surname_first,
    swapped,
)
from casefile.cases.records import Kind, Mention, PersonDecision, ResolvedPerson
from casefile.model import Extraction, Person

# How much context evidence each doubtful kind of match needs (see `context_score`).
SWAP_CONTEXT = 3
ACRONYM_CONTEXT = 1
GROUP_CONTEXT = 3

ALIAS_CONTEXT = 4  # a shared dated event and a shared name or event besides (`context_score`)

# Relations between two names, strongest last.
_NONE, _WEAK, _ALIAS, _PARTIAL, _VARIANT, _EQUAL = range(6)


def mention_id(article_id: str, name: str) -> str:
    """The stable id of a mention: the article and the name's key."""
    return f"{article_id}:{name_key(name)}"


def mentions_of(extraction: Extraction) -> list[Mention]:
    """One mention per distinct subject of the article's events, with the article's context."""
    article = extraction.article
    by_key: dict[str, list[int]] = defaultdict(list)
    for index, event in enumerate(extraction.events):
        if name_key(event.subject):
            by_key[name_key(event.subject)].append(index)
    subjects = [extraction.events[indexes[0]].subject for indexes in by_key.values()]
    others = list(dict.fromkeys([*subjects, *(p.name for p in extraction.people)]))
    person_of = _people_by_key(extraction.people)
    mentions = []
    for subject, indexes in zip(subjects, by_key.values(), strict=True):
        events = [extraction.events[i] for i in indexes]
        person = person_of.get(name_key(subject))
        mentions.append(
            Mention(
                id=mention_id(article.id, subject),
                article=article.id,
                name=subject,
                forms=_forms(subject, person),
                kind=_kind(subject, person),
                published=article.published,
                countries=frozenset(e.country for e in events if e.country),
                events=frozenset((e.type, e.date) for e in events if e.date),
                co_names=tuple(n for n in others if not same_person(n, subject)),
            )
        )
    return mentions


def _people_by_key(people: Iterable[Person]) -> dict[str, Person]:
    """The first of the article's people named by each key (name or mention): a subject's."""
    found: dict[str, Person] = {}
    for person in people:
        for form in (person.name, *person.mentions):
            found.setdefault(name_key(form), person)
    return found


def _forms(subject: str, person: Person | None) -> tuple[str, ...]:
    seen = [person.name, *person.mentions] if person else []
    return tuple(dict.fromkeys([subject, *(f for f in seen if same_person(f, subject))]))


def _kind(subject: str, person: Person | None) -> Kind:
    """A group or an organisation by its words ("Three activists", "... Rights Centre"), and
    a person named through a relative, whatever the article called them; else as the
    article's people say."""
    if relative_named(subject) is not None:
        return "person"  # "the son of the late Okoro", however the article filed him
    by_name = kind_of_name(subject)
    if by_name == "group":
        return "group"
    if by_name == "organization" and (person is None or person.kind == "person"):
        return "organization"
    return person.kind if person is not None else "person"


def constraints(
    decisions: Sequence[PersonDecision],
) -> tuple[set[frozenset[str]], set[frozenset[str]]]:
    """Must-link and cannot-link mention pairs from the analyst's decisions, oldest first.

    A later decision wins where two disagree: a merge lifts the splits
    between what it merges, a split lifts the merges across its cut.
    """
    must: set[frozenset[str]] = set()
    cannot: set[frozenset[str]] = set()
    for decision in decisions:
        first, second = set(decision.first), set(decision.second)
        crossing = {frozenset((a, b)) for a in first for b in second if a != b}
        if decision.action == "merge":
            ids = list(dict.fromkeys([*decision.first, *decision.second]))
            must |= {frozenset((ids[0], other)) for other in ids[1:]}
            cannot -= crossing
        else:
            cannot |= crossing
            must = {pair for pair in must if not (pair & first and pair & second)}
    return must, cannot


def resolve(
    mentions: Sequence[Mention], decisions: Sequence[PersonDecision] = ()
) -> list[ResolvedPerson]:
    """Group mentions into people; ids 1, 2, ... in order of first mention."""
    index = {mention.id: i for i, mention in enumerate(mentions)}
    must, cannot = constraints(decisions)
    clusters = _Clusters(mentions, cannot, index)
    for pair in must:
        a, b = (index.get(mention) for mention in pair)
        if a is not None and b is not None:
            clusters.union(a, b)
    relations = _relations(mentions)
    _join_full_names(clusters, relations)
    ambiguous = _join_partial_names(clusters, relations)
    _join_aliases(clusters, relations)
    _join_weak(clusters, relations, ambiguous)
    return _people(mentions, clusters)


class _Clusters:
    """Union-find over mentions that refuses merges across a split or between conflicting names."""

    def __init__(
        self, mentions: Sequence[Mention], cannot: set[frozenset[str]], index: dict[str, int]
    ) -> None:
        self.mentions = mentions
        self.parent = list(range(len(mentions)))
        self.members: dict[int, list[int]] = {i: [i] for i in range(len(mentions))}
        self.cannot: dict[int, set[int]] = defaultdict(set)
        for pair in cannot:
            a, b = (index.get(mention) for mention in pair)
            if a is not None and b is not None:
                self.cannot[a].add(b)
                self.cannot[b].add(a)

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def group(self, i: int) -> list[Mention]:
        return [self.mentions[m] for m in self.members[self.find(i)]]

    def has_full_name(self, i: int) -> bool:
        return any(not is_partial(m.name) for m in self.group(i))

    def allowed(self, i: int, j: int) -> bool:
        """Whether the people of i and j may become one: no split between them, no name conflict."""
        a, b = self.find(i), self.find(j)
        if a == b:
            return False
        theirs = set(self.members[b])
        if any(self.cannot[m] & theirs for m in self.members[a]):
            return False
        return not _names_conflict(self.group(a), self.group(b))

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a == b:
            return
        if len(self.members[a]) < len(self.members[b]):
            a, b = b, a
        self.parent[b] = a
        self.members[a].extend(self.members.pop(b))

    def join(self, i: int, j: int) -> bool:
        if not self.allowed(i, j):
            return False
        self.union(i, j)
        return True


def _names_conflict(ours: Sequence[Mention], theirs: Sequence[Mention]) -> bool:
    """Two full names that are two people ("Anna Petrova", "Maria Petrova") would be joined.

    A name one side already holds (an analyst merged it in) is not a conflict.
    """
    our_forms = {form for m in ours for form in m.forms or (m.name,)}
    their_forms = {form for m in theirs for form in m.forms or (m.name,)}
    our_keys = {name_key(form) for form in our_forms}
    their_keys = {name_key(form) for form in their_forms}
    for a in our_forms:
        for b in their_forms:
            if (
                names_conflict(a, b)
                and name_key(b) not in our_keys
                and name_key(a) not in their_keys
                and not _bridged(a, b, our_forms | their_forms)
            ):
                return True
    return False


def _bridged(a: str, b: str, forms: set[str]) -> bool:
    """Two given names too far apart to be variants, both variants of a third full name
    the two people hold ("Sitanan" between "Sitanun" and "Sitthanan"): one name transliterated
    three ways, not two relatives."""
    return any(
        not is_partial(c) and same_person(a, c) and same_person(c, b)
        for c in forms
        if c not in (a, b)
    )


def blocks(mention: Mention) -> set[str]:
    """Keys two mentions must share to be compared at all (the store indexes them).

    The surname's folded first letters and its first consonants (variants
    differ mostly in vowels: Movlayev, Movlaev), as written and with its
    particle joined ("al-Qunun", "Alqunun"), all words sorted (reorderings,
    swaps), the initials (acronyms), the first two words of a chain name
    ("Salma Ahmed ..."); for groups, their content words. Given names alone
    are no key: thousands of people share them.
    """
    tokens = name_tokens(mention.name)
    if not tokens:
        return set()
    words = "w:" + " ".join(sorted(map(fold, tokens)))
    if mention.kind == "group":
        return {words, *("g:" + word for word in _group_words(mention.name))}
    compared = comparable_tokens(mention.name)  # "al-Qunun" and "Alqunun" as "alqunun"
    keys = {words}
    surnames = {fold(tokens[-1]), fold(compared[-1])}
    relative = relative_named(mention.name)  # "Ng's father": the Ng family
    for other in (surname_first(mention.name), relative and surname(relative[0])):
        if other:
            surnames.add(fold(other))
    for family in surnames:
        consonants = family[:1] + re.sub(r"[aeiouy]", "", family[1:])
        keys |= {"p:" + family[:3], "c:" + consonants[:4]}
    if len(compared) >= 3 or (len(compared) == 2 and compared[-1] in name_forms().given):
        keys.add("f:" + " ".join(map(fold, compared[:2])))  # a chain name and its start
    letters = mention.name.strip().replace(".", "")
    if letters.isalpha() and letters.isupper():
        keys.add("a:" + letters.lower())
    if len(tokens) >= 3:
        keys.add("a:" + "".join(token[0] for token in tokens))
        keys.add("a:" + "".join(t[0] for t in tokens if t not in {"of", "the", "for", "and"}))
    return keys


# Words too common in group descriptions to say two groups are one ("three men").
GROUP_STOPWORDS = frozenset(
    {
        *("a", "an", "the", "of", "from", "in", "at", "his", "her", "their", "its", "and", "or"),
        *("other", "others", "more", "than", "over", "under", "least", "some", "many"),
        *("several", "dozens", "scores", "people", "persons", "men", "women", "members"),
        *("member", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    }
)


def _group_words(name: str) -> set[str]:
    return {fold(t) for t in name_tokens(name) if t not in GROUP_STOPWORDS and len(t) > 2}


def _relation(a: Mention, b: Mention) -> int:
    return _names_relation_of(a.name, a.kind, b.name, b.kind)


def _names_relation_of(a: str, a_kind: str, b: str, b_kind: str) -> int:
    """`_names_relation`, answered at once for two names that cannot be related.

    The blocks of a large store pair thousands of names that share three
    letters and nothing else; weighing each pair in full (and caching it)
    made resolution grow faster than the store.
    """
    if a_kind != "group" and b_kind != "group" and not _may_relate(a, b):
        return _NONE
    return _names_relation(a, a_kind, b, b_kind)


@functools.lru_cache(maxsize=1 << 16)
def _shape(name: str) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
    """What `_may_relate` reads of a name: its compared words folded, those sorted, and
    whether only the full comparison can tell (a possible acronym, by `acronym_of`'s own
    test of the short side, or a relative named through someone, `relative_of`'s)."""
    folded = tuple(fold(token) for token in comparable_tokens(name))
    letters = name.strip().replace(".", "")
    acronym = len(letters) >= 3 and letters.isalpha() and letters.isupper()
    return folded, tuple(sorted(folded)), acronym or relative_named(name) is not None


def _may_relate(a: str, b: str) -> bool:
    """False only where `_names_relation` of two names (neither a group) is `_NONE`.

    Every relation needs one of: surnames within the edit distance
    `similar_tokens` tolerates at most (equal keys, containment and spelling
    variants all compare the folded surnames), the same words reordered, a
    two-word name's words swapped within that distance, a chain name's start
    (`names._chain_prefix`), or an acronym or a relative named through
    someone (left to the full comparison).
    """
    ours, our_sorted, our_special = _shape(a)
    theirs, their_sorted, their_special = _shape(b)
    if not ours or not theirs or our_special or their_special:
        return True
    if _close(ours[-1], theirs[-1]):
        return True
    if len(ours) >= 3 and our_sorted == their_sorted:
        return True
    shorter, longer = sorted((ours, theirs), key=len)
    if 2 <= len(shorter) < len(longer) and longer[: len(shorter)] == shorter:
        return True
    two_words = len(ours) == len(theirs) == 2
    return two_words and _close(ours[0], theirs[1]) and _close(ours[1], theirs[0])


def _close(a: str, b: str) -> bool:
    """Within the largest edit distance `similar_tokens` allows (it folds as `_shape` does)."""
    return Levenshtein.distance(a, b, score_cutoff=_MOST_EDITS) <= _MOST_EDITS


_MOST_EDITS = 2  # `names._allowed_distance` for the longest names


@functools.lru_cache(maxsize=1 << 17)
def _names_relation(a: str, a_kind: str, b: str, b_kind: str) -> int:
    """How two names relate; cached, since one name is the subject of many mentions."""
    if a_kind == "group" or b_kind == "group":
        if a_kind != b_kind:
            return _NONE
        if same_person(a, b):
            return _EQUAL
        return _WEAK if _group_words(a) & _group_words(b) else _NONE
    if name_key(a) == name_key(b):
        return _PARTIAL if is_partial(a) else _EQUAL
    if chain_start(a, b):
        return _ALIAS
    if same_person(a, b):
        return _PARTIAL if is_partial(a) or is_partial(b) else _VARIANT
    if swapped(a, b) or acronym_of(a, b) or acronym_of(b, a):
        return _WEAK
    if _alias(a, b) or _alias(b, a):
        return _ALIAS
    return _NONE


def _alias(seeker: str, other: str) -> bool:
    """`seeker` may be `other` if the context says so: a relative named through someone and
    a full name of that family; a chain name cut after the father's name and a longer one."""
    return relative_of(seeker, other) or (
        chain_start(seeker, other) and len(name_tokens(seeker)) < len(name_tokens(other))
    )


def related(a: Mention, b: Mention) -> bool:
    """Whether resolution compares two mentions any further (they share a block too)."""
    return _relation(a, b) != _NONE


def names_related(a: str, a_kind: str, b: str, b_kind: str) -> bool:
    """`related` for two names and kinds (all it reads of the mentions)."""
    return _names_relation_of(a, a_kind, b, b_kind) != _NONE


def _relations(mentions: Sequence[Mention]) -> list[tuple[int, int, int]]:
    """(relation, i, j) for every related pair of mentions, strongest first.

    Within a block, the names are weighed once per pair of distinct names
    (mentions repeat a name: a surname told in a hundred reports), and only
    the mentions of related names are paired: a large component's surname
    blocks hold many names that are no relation of one another.
    """
    blocked: dict[str, dict[tuple[str, str], list[int]]] = defaultdict(dict)
    for i, mention in enumerate(mentions):
        for key in blocks(mention):
            blocked[key].setdefault((mention.name, mention.kind), []).append(i)
    found: dict[tuple[int, int], int] = {}
    for names in blocked.values():
        for first, second in combinations_with_replacement(names, 2):
            relation = _names_relation_of(*first, *second)
            reverse = relation if first == second else _names_relation_of(*second, *first)
            if relation == _NONE and reverse == _NONE:
                continue
            for i in names[first]:
                for j in names[second]:
                    if i < j and (i, j) not in found:
                        found[i, j] = relation
                    elif j < i and (j, i) not in found:
                        found[j, i] = reverse
    return sorted(
        ((relation, i, j) for (i, j), relation in found.items() if relation != _NONE),
        key=lambda item: (-item[0], item[1], item[2]),
    )


def _join_full_names(clusters: _Clusters, relations: list[tuple[int, int, int]]) -> None:
    for relation, i, j in relations:
        mentions = clusters.mentions
        if relation in (_EQUAL, _VARIANT) and "group" not in (mentions[i].kind, mentions[j].kind):
            clusters.join(i, j)


def _join_partial_names(clusters: _Clusters, relations: list[tuple[int, int, int]]) -> set[int]:
    """Each partial name joins the one full-name person it fits, or the one its context favours.

    Returns the partial mentions that fitted several people and stayed apart.
    """
    partners: dict[int, set[int]] = defaultdict(set)
    for relation, i, j in relations:
        if relation == _PARTIAL:
            partners[i].add(j)
            partners[j].add(i)
    ambiguous = set()
    for i in sorted(partners):
        if not is_partial(clusters.mentions[i].name) or clusters.has_full_name(i):
            continue
        candidates = {
            clusters.find(j)
            for j in partners[i]
            if clusters.has_full_name(j) and clusters.allowed(i, j)
        }
        if len(candidates) == 1:
            clusters.union(i, candidates.pop())
        elif candidates:
            ours = clusters.group(i)
            scored = sorted(
                ((context_score(ours, clusters.group(c)), c) for c in candidates), reverse=True
            )
            if scored[0][0] >= 1 and scored[0][0] > scored[1][0]:
                clusters.union(i, scored[0][1])
            else:
                ambiguous.add(i)
    return ambiguous


def _join_aliases(clusters: _Clusters, relations: list[tuple[int, int, int]]) -> None:
    """A relative named through someone joins the person of that family the context favours,
    with `ALIAS_CONTEXT` at least, when each is the other's one best ("Ng's son" and "Ng's
    daughter" and two of the Ng children are four people until the context pairs them), and
    never a person who is another subject of its own article."""
    mentions = clusters.mentions
    seeking: dict[int, set[int]] = defaultdict(set)
    for relation, i, j in relations:
        if relation == _ALIAS:
            for seeker, other in ((i, j), (j, i)):
                if _alias(mentions[seeker].name, mentions[other].name):
                    seeking[seeker].add(other)
    scores: dict[tuple[int, int], int] = {}
    for i in sorted(seeking):
        ours = clusters.group(i)
        articles = {m.article for m in ours}
        for c in {clusters.find(j) for j in seeking[i] if clusters.allowed(i, j)}:
            theirs = clusters.group(c)
            if articles & {m.article for m in theirs}:
                continue  # one article's two subjects are two people
            scores[(clusters.find(i), c)] = context_score(ours, theirs)
    for (seeker, person), score in sorted(scores.items()):
        if score < ALIAS_CONTEXT:
            continue
        rivals = [s for (a, b), s in scores.items() if (a == seeker) != (b == person)
                  and (a == seeker or b == person)]  # fmt: skip
        if all(s < score for s in rivals) and clusters.allowed(seeker, person):
            clusters.union(seeker, person)


def _join_weak(
    clusters: _Clusters, relations: list[tuple[int, int, int]], ambiguous: set[int]
) -> None:
    """Partial-partial equal names, swapped names, acronyms, groups: each with what it needs."""
    mentions = clusters.mentions
    for relation, i, j in relations:
        a, b = mentions[i], mentions[j]
        if relation == _PARTIAL and is_partial(a.name) and is_partial(b.name):
            if i in ambiguous or j in ambiguous:
                continue
            if clusters.has_full_name(i) or clusters.has_full_name(j):
                continue
            clusters.join(i, j)
    for relation, i, j in relations:
        a, b = mentions[i], mentions[j]
        if a.kind == "group":
            needed = GROUP_CONTEXT
        elif relation == _WEAK:
            needed = SWAP_CONTEXT if swapped(a.name, b.name) else ACRONYM_CONTEXT
        else:
            continue  # the groups below are built only for the pairs that need them
        if clusters.find(i) == clusters.find(j):
            continue  # one person already (`allowed` says no): nothing to weigh
        ours, theirs = clusters.group(i), clusters.group(j)
        if a.kind == "group" and {m.article for m in ours} & {m.article for m in theirs}:
            continue  # one article's two groups are two groups
        if clusters.allowed(i, j) and context_score(ours, theirs) >= needed:
            clusters.union(i, j)


def context_score(ours: Sequence[Mention], theirs: Sequence[Mention]) -> int:
    """How much the articles of two would-be-same people agree, beyond the name.

    Named in one article: 3. Each other person or organisation named beside
    both (a lawyer, a co-defendant, an NGO): 2, up to two. Each dated event
    of the same type and date (month at least): 2, up to two. A country in
    common: 1.
    """
    score = 0
    if {m.article for m in ours} & {m.article for m in theirs}:
        score += 3
    score += 2 * _shared_names(ours, theirs)
    our_events = {e for m in ours for e in m.events if len(e[1]) >= 7}
    their_events = {e for m in theirs for e in m.events}
    score += 2 * min(len(our_events & their_events), 2)
    if {c for m in ours for c in m.countries} & {c for m in theirs for c in m.countries}:
        score += 1
    return score


def _shared_names(ours: Sequence[Mention], theirs: Sequence[Mention], enough: int = 2) -> int:
    """How many names beside ours (not one of the two's own) are also beside theirs, up to
    `enough`.

    Counts lazily and stops at `enough`, trying each name's exact spelling
    before its variants: a large group of mentions (a group told in every
    report) shares a lawyer within a few names, where comparing every pair of
    names took most of a batch's resolution.
    """
    their_names = {n for m in theirs for n in m.co_names}
    own: list[str] | None = None
    shared = 0
    for name in dict.fromkeys(n for m in ours for n in m.co_names):
        if not (
            (name in their_names and same_person(name, name))
            or any(same_person(name, t) for t in their_names)
        ):
            continue
        if own is None:
            own = list(dict.fromkeys(f for m in (*ours, *theirs) for f in (m.name, *m.forms)))
        if not any(same_person(name, o) for o in own):
            shared += 1
            if shared >= enough:
                break
    return shared


def _people(mentions: Sequence[Mention], clusters: _Clusters) -> list[ResolvedPerson]:
    roots = sorted(
        {clusters.find(i) for i in range(len(mentions))},
        key=lambda root: min(clusters.members[root]),
    )
    people = []
    for number, root in enumerate(roots, start=1):
        group = [mentions[i] for i in sorted(clusters.members[root])]
        people.append(
            ResolvedPerson(
                id=number,
                name=fullest_name([m.name for m in group]),
                names=tuple(dict.fromkeys(f for m in group for f in (m.name, *m.forms))),
                kind=_majority_kind(group),
                mentions=tuple(m.id for m in group),
                articles=tuple(dict.fromkeys(m.article for m in group)),
            )
        )
    return people


def fullest_name(names: Sequence[str]) -> str:
    """The display name: a name before a relation ("Emeka Okoro", not "Okoro's teenage son"),
    then most words, then the most often written, then the first seen."""
    counts = Counter(names)
    order = {name: i for i, name in reversed(list(enumerate(names)))}
    return max(
        counts,
        key=lambda n: (relative_named(n) is None, len(name_tokens(n)), counts[n], -order[n]),
    )


def _majority_kind(group: Sequence[Mention]) -> Kind:
    counts = Counter(m.kind for m in group)
    return max(("person", "organization", "group"), key=lambda kind: counts[kind])  # type: ignore[return-value]
