"""Resolving people after a change, reading only the mentions the change can touch.

`cases.resolve` groups mentions into people. Its passes only ever join two
mentions that share a blocking key and are related by name (`related`), or
that an analyst merged; everything else (context, conflicts, splits) only
decides *whether* such a pair joins. So the mentions fall into components
(related pairs, analysts' merges) that resolve independently: resolving one
component alone, its mentions in the order the whole store lists them,
gives exactly the people that resolving the whole store gives it.

After an article is saved or corrected, or an analyst decides, this module
re-resolves only the components around what changed:

1. the article's mentions are indexed again (`case_mentions` with the person
   each belongs to, `case_mention_blocks` with their blocking keys);
2. starting from those mentions, the mentions of the people they belonged
   to, and the mentions a decision names, it follows blocking keys, related
   names, analysts' merges and membership of a person until nothing new is
   reached (the closed set of components that can change);
3. it resolves that set, re-files its events under the people found (a
   person keeps the id most of its events had, as a full resolution does),
   and returns every person id involved, for the case files to refresh.

The cost follows the size of the touched components (the people sharing a
surname block with the new article), not the size of the store. A store
migrated from before the index exists is indexed once, in full
(`ensure_indexed`), by the same code over every mention.

Every function takes the open session of the caller's transaction.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Row, delete, exists, func, insert, select, update
from sqlalchemy.orm import Session

from casefile.cases import PersonDecision, ResolvedPerson, mention_id, mentions_of
from casefile.cases.names import name_key
from casefile.cases.records import Mention
from casefile.cases.resolve import blocks, constraints, names_related, resolve
from casefile.model import Article, Event, Extraction, Person
from casefile.store import queries
from casefile.store.cases_schema import (
    ArticlePersonRow,
    CaseMentionBlockRow,
    CaseMentionRow,
    CasePendingRow,
    CaseResolutionRow,
    PersonDecisionRow,
)
from casefile.store.events import Review, corrected
from casefile.store.lite import INDEX_VERSION
from casefile.store.schema import ArticleRow, EventRow, PersonNameRow, PersonRow, utcnow

_LINKING_LOCK = 0x70656F70  # "peop"; any fixed number shared by all casefile sessions


@dataclass
class Loaded:
    """Some articles' mentions as resolution sees them, with their event rows."""

    mentions: dict[str, Mention] = field(default_factory=dict)
    order: dict[str, tuple[int, int]] = field(default_factory=dict)  # the store's mention order
    rows_of: dict[str, list[Row[Any]]] = field(default_factory=lambda: defaultdict(list))
    articles: set[str] = field(default_factory=set)

    def update(self, other: Loaded) -> None:
        self.mentions.update(other.mentions)
        self.order.update(other.order)
        self.rows_of.update(other.rows_of)
        self.articles |= other.articles


def lock(session: Session) -> None:
    """Writers of people take turns (PostgreSQL; SQLite has one writer anyway)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.pg_advisory_xact_lock(_LINKING_LOCK)))


def decisions(session: Session) -> list[PersonDecision]:
    """Every analyst decision about people, oldest first."""
    rows = session.scalars(
        select(PersonDecisionRow).order_by(PersonDecisionRow.at, PersonDecisionRow.id)
    )
    return [
        PersonDecision(row.action, tuple(row.first), tuple(row.second), row.who, row.at)  # type: ignore[arg-type]
        for row in rows
    ]


# --- reading mentions ---------------------------------------------------------------


def load(session: Session, article_ids: Collection[str] | None, from_index: bool = False) -> Loaded:
    """The mentions of these articles (of every article when None), as `resolve` takes them.

    A mention's place in the store's order is (its article's first shown
    event row, its own first shown event row): the order in which a full
    resolution meets it. With `from_index`, an article whose mentions the
    index holds as its events now name them takes them from there
    (`indexed_mentions`) instead of deriving them again from its events,
    people and date: the mentions a closure reaches in other articles are
    most of what a batch reads, and deriving them grew with the store.
    """
    columns = select(*EventRow.__table__.c).order_by(EventRow.id)  # plain rows: many, read once
    if article_ids is None:
        parts = [columns]
    else:
        parts = [
            columns.where(EventRow.article_id.in_(part))
            for part in queries.chunks(sorted(article_ids))
        ]
    rows = sorted((row for part in parts for row in session.execute(part)), key=lambda r: r.id)
    verdicts = queries.reviews(session, None if article_ids is None else [r.key for r in rows])
    found = Loaded(articles=set(article_ids or ()))
    shown: dict[str, list[tuple[Row[Any], Event]]] = defaultdict(list)
    for row in rows:
        verdict = verdicts.get(row.key, Review())
        event = corrected(queries.to_event(row), verdict.changes)
        found.rows_of[mention_id(row.article_id, event.subject)].append(row)
        found.articles.add(row.article_id)
        if not verdict.rejected:
            shown[row.article_id].append((row, event))
    first_rows: dict[str, dict[str, int]] = {}
    for article_id, events in shown.items():
        first_row = first_rows[article_id] = {}
        for row, event in events:
            if name_key(event.subject):
                first_row.setdefault(mention_id(article_id, event.subject), row.id)
    indexed = indexed_mentions(session, list(shown)) if from_index else {}
    by_article = {
        article_id: mentions
        for article_id, mentions in indexed.items()
        if {mention.id for mention in mentions} == first_rows[article_id].keys()
    }
    published, people = _article_context(session, [a for a in shown if a not in by_article])
    for article_id, events in shown.items():
        mentions = by_article.get(article_id)
        if mentions is None:
            extraction = Extraction(
                article=Article(text="", published=published.get(article_id), id=article_id),
                people=people.get(article_id, ()),
                events=tuple(event for _, event in events),
            )
            mentions = mentions_of(extraction)
        for mention in mentions:
            found.mentions[mention.id] = mention
            found.order[mention.id] = (events[0][0].id, first_rows[article_id][mention.id])
    return found


def indexed_mentions(session: Session, article_ids: Collection[str]) -> dict[str, list[Mention]]:
    """The indexed mentions of those of these articles whose index is up to date, by article.

    Left out: an article saved whose people a batch has not resolved yet
    (`case_pending`: the index still holds its previous extraction), and one
    indexed before the context was stored (migration 0018).
    """
    found: dict[str, list[Mention]] = defaultdict(list)
    stale: set[str] = set()
    for part in queries.chunks(article_ids):
        stale.update(
            session.scalars(
                select(CasePendingRow.article_id).where(CasePendingRow.article_id.in_(part))
            )
        )
        for mention, article, name, kind, context in session.execute(
            select(
                CaseMentionRow.id,
                CaseMentionRow.article_id,
                CaseMentionRow.name,
                CaseMentionRow.kind,
                CaseMentionRow.context,
            ).where(CaseMentionRow.article_id.in_(part))  # plain rows: a closure reads thousands
        ):
            if context is None:
                stale.add(article)
            else:
                found[article].append(mention_from_json(mention, article, name, kind, context))
    return {article: mentions for article, mentions in found.items() if article not in stale}


def context_json(mention: Mention) -> dict[str, Any]:
    """What the index keeps of a mention beyond its id, article, name and kind."""
    return {
        "forms": list(mention.forms),
        "published": mention.published.isoformat() if mention.published else None,
        "countries": sorted(mention.countries),
        "events": sorted([event_type, day] for event_type, day in mention.events),
        "co_names": list(mention.co_names),
    }


def mention_from_json(
    mention_id: str, article: str, name: str, kind: str, context: dict[str, Any]
) -> Mention:
    """The mention `context_json` kept, as `mentions_of` made it."""
    published = context["published"]
    return Mention(
        id=mention_id,
        article=article,
        name=name,
        forms=tuple(context["forms"]),
        kind=kind,  # type: ignore[arg-type]
        published=date.fromisoformat(published) if published else None,
        countries=frozenset(context["countries"]),
        events=frozenset((event_type, day) for event_type, day in context["events"]),
        co_names=tuple(context["co_names"]),
    )


def _article_context(
    session: Session, article_ids: list[str]
) -> tuple[dict[str, date | None], dict[str, tuple[Person, ...]]]:
    published: dict[str, date | None] = {}
    people: dict[str, list[Person]] = defaultdict(list)
    for part in queries.chunks(article_ids):
        published.update(
            (article_id, day)
            for article_id, day in session.execute(
                select(ArticleRow.id, ArticleRow.published).where(ArticleRow.id.in_(part))
            )
        )
        for article_id, name, mentions, kind in session.execute(
            select(
                ArticlePersonRow.article_id,
                ArticlePersonRow.name,
                ArticlePersonRow.mentions,
                ArticlePersonRow.kind,
            )  # plain rows: a large component reads thousands
            .where(ArticlePersonRow.article_id.in_(part))
            .order_by(ArticlePersonRow.id)
        ):
            people[article_id].append(Person(name, tuple(mentions), kind))  # type: ignore[arg-type]
    return published, {a: tuple(found) for a, found in people.items()}


# --- the index ----------------------------------------------------------------------


def reindex(session: Session, article_ids: Collection[str] | None, loaded: Loaded) -> None:
    """Replace the indexed mentions of these articles (of all when None) with `loaded`'s."""
    if article_ids is None:
        session.execute(delete(CaseMentionRow))
    else:
        for part in queries.chunks(article_ids):
            session.execute(delete(CaseMentionRow).where(CaseMentionRow.article_id.in_(part)))
    mentions = list(loaded.mentions.values())
    if not mentions:
        return
    session.execute(
        insert(CaseMentionRow),
        [
            {
                "id": m.id,
                "article_id": m.article,
                "name": m.name,
                "kind": m.kind,
                "context": context_json(m),
            }
            for m in mentions
        ],
    )
    session.execute(
        insert(CaseMentionBlockRow),
        [{"mention_id": m.id, "block": block} for m in mentions for block in sorted(blocks(m))],
    )


def persons_of(
    session: Session, article_ids: Iterable[str], mention_ids: Iterable[str]
) -> set[int]:
    """The people the indexed mentions and the event rows of these articles belong to now."""
    found: set[int | None] = set()
    for part in queries.chunks(article_ids):
        found.update(
            session.scalars(
                select(CaseMentionRow.person_id).where(CaseMentionRow.article_id.in_(part))
            )
        )
        found.update(
            session.scalars(select(EventRow.person_id).where(EventRow.article_id.in_(part)))
        )
    for part in queries.chunks(mention_ids):
        found.update(
            session.scalars(select(CaseMentionRow.person_id).where(CaseMentionRow.id.in_(part)))
        )
    return {person for person in found if person is not None}


def closure(
    session: Session, seeds: Iterable[str], persons: Iterable[int], must: dict[str, set[str]]
) -> dict[str, int | None]:
    """Every indexed mention that resolving `seeds` and these people's mentions can involve,
    with the person the index files it under."""
    found: dict[str, int | None] = {}
    seen_persons = set(persons)
    frontier = set(seeds) | _mentions_of_people(session, seen_persons)
    index = _BlockIndex(session)
    while frontier:
        heads = _heads(session, frontier)
        found.update((mention, person) for mention, (_, person) in heads.items())
        people = {person for _, person in heads.values() if person is not None} - seen_persons
        seen_persons |= people
        reached = _mentions_of_people(session, people)
        reached |= {other for m in heads for other in must.get(m, ())}
        reached |= index.related([mention for mention, _ in heads.values()], found)
        frontier = reached - found.keys()
    return found


def _heads(session: Session, ids: Iterable[str]) -> dict[str, tuple[Mention, int | None]]:
    """Indexed mentions by id: name, kind and article (enough to compare names), and person."""
    found = {}
    columns = select(
        CaseMentionRow.id,
        CaseMentionRow.article_id,
        CaseMentionRow.name,
        CaseMentionRow.kind,
        CaseMentionRow.person_id,
    )  # plain rows: a closure reads thousands
    for part in queries.chunks(ids):
        for mention, article, name, kind, person in session.execute(
            columns.where(CaseMentionRow.id.in_(part))
        ):
            head = Mention(id=mention, article=article, name=name, kind=kind)  # type: ignore[arg-type]
            found[mention] = (head, person)
    return found


def _mentions_of_people(session: Session, people: Iterable[int]) -> set[str]:
    return {
        mention
        for part in queries.chunks(people)
        for mention in session.scalars(
            select(CaseMentionRow.id).where(CaseMentionRow.person_id.in_(part))
        )
    }


class _BlockIndex:
    """The blocks of the index as one closure reads them: each block once, each name once.

    A closure goes round several times, and the mentions of each round share
    surname blocks with the earlier rounds' (the same family, reached through
    another spelling). Reading a block again every round, and weighing its
    names against every name of the round, made the closure grow faster than
    the store. Here a block is read the first time a round needs it, and a
    name of the block is weighed only against the names of the frontier not
    yet weighed there: what a name already weighed relates to was reached in
    its round. Blocks are a function of a mention's name and kind, so each
    (block, name, kind) is one question, however many mentions carry it.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self.names: dict[str, dict[tuple[str, str], list[str]]] = {}  # block -> name -> ids
        self.weighed: dict[str, set[tuple[str, str]]] = defaultdict(set)  # block -> our names

    def related(self, mentions: Sequence[Mention], known: Collection[str] = ()) -> set[str]:
        """Indexed mentions not in `known` sharing a block with one of `mentions` and related
        to it by name."""
        ours: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for mention in mentions:
            for block in blocks(mention):
                if (mention.name, mention.kind) not in self.weighed[block]:
                    ours[block].add((mention.name, mention.kind))
        self._read([block for block in ours if block not in self.names])
        found: set[str] = set()
        for block, names in ours.items():
            for (name, kind), ids in self.names[block].items():
                fresh = [other for other in ids if other not in known and other not in found]
                if fresh and any(
                    names_related(our_name, our_kind, name, kind) for our_name, our_kind in names
                ):
                    found.update(fresh)
            self.weighed[block] |= names
        return found

    def _read(self, wanted: Sequence[str]) -> None:
        for block in wanted:
            self.names[block] = {}
        for part in queries.chunks(sorted(wanted)):
            rows = self.session.execute(
                select(
                    CaseMentionBlockRow.block,
                    CaseMentionRow.id,
                    CaseMentionRow.name,
                    CaseMentionRow.kind,
                )
                .join(CaseMentionRow, CaseMentionRow.id == CaseMentionBlockRow.mention_id)
                .where(CaseMentionBlockRow.block.in_(part))
            )
            for block, other_id, name, kind in rows:
                self.names[block].setdefault((name, kind), []).append(other_id)


def people_named_like(session: Session, name: str) -> set[int]:
    """The people with a mention sharing a blocking key with `name` (a lookup's candidates)."""
    probe = Mention(id="", article="", name=name)
    return {
        person
        for part in queries.chunks(sorted(blocks(probe)))
        for person in session.scalars(
            select(CaseMentionRow.person_id)
            .join(CaseMentionBlockRow, CaseMentionBlockRow.mention_id == CaseMentionRow.id)
            .where(CaseMentionBlockRow.block.in_(part))
            .distinct()
        )
        if person is not None
    }


# --- resolving ----------------------------------------------------------------------


def resolve_articles(
    session: Session, article_ids: Collection[str], mention_ids: Collection[str] = ()
) -> set[int]:
    """Re-resolve what changing these articles (or deciding about these mentions) touches.

    Returns the ids of every person whose events or names may have changed,
    including people deleted because they were left without events.
    """
    lock(session)
    session.flush()
    before = persons_of(session, article_ids, mention_ids)
    changed = load(session, article_ids)
    reindex(session, article_ids, changed)
    decided = decisions(session)
    must = _must_links(decided)
    ids = closure(session, {*changed.mentions, *mention_ids}, before, must)
    loaded = changed
    others = {mention.split(":", 1)[0] for mention in ids} - changed.articles
    if others:
        loaded.update(load(session, others, from_index=True))
    mentions = sorted(
        (loaded.mentions[m] for m in ids if m in loaded.mentions), key=lambda m: loaded.order[m.id]
    )
    people = resolve(mentions, decided)
    return assign(session, people, loaded.rows_of, before, ids)


def resolve_all(session: Session) -> set[int]:
    """Index and resolve every mention of the store (a store indexed for the first time)."""
    lock(session)
    loaded = load(session, None)
    reindex(session, None, loaded)
    mentions = sorted(loaded.mentions.values(), key=lambda m: loaded.order[m.id])
    before = set(session.scalars(select(PersonRow.id)))
    touched = assign(session, resolve(mentions, decisions(session)), loaded.rows_of, before)
    state = session.get(CaseResolutionRow, 1) or CaseResolutionRow(id=1)
    state.fingerprint, state.resolved_at = INDEX_VERSION, utcnow()
    session.add(state)
    session.flush()
    return touched


def is_indexed(session: Session) -> bool:
    state = session.get(CaseResolutionRow, 1)
    return state is not None and state.fingerprint == INDEX_VERSION


def _must_links(decided: Sequence[PersonDecision]) -> dict[str, set[str]]:
    must, _ = constraints(decided)
    linked: dict[str, set[str]] = defaultdict(set)
    for pair in must:
        for mention in pair:
            linked[mention] |= pair - {mention}
    return linked


def assign(
    session: Session,
    people: Sequence[ResolvedPerson],
    rows_of: dict[str, list[Row[Any]]],
    before: set[int],
    indexed: Mapping[str, int | None] | None = None,
) -> set[int]:
    """File each person's event rows under one stored person; returns the people changed.

    A person keeps the id most of their events already had (the largest
    person first), so ids stay put; a person split off gets a new one.
    People of `before` left without events are deleted; each person's
    spellings are the forms resolution saw.

    Returned are the people whose case file can read differently: those of
    `before` (their articles changed), those that gained or lost event rows,
    changed name, kind or spellings, and the new ones. A person of a large
    component that came out as it was is left out, so that the case files
    refreshed follow what changed, not the size of the component.
    `indexed` (the person each mention is filed under now, where known)
    spares rewriting the index rows that stay as they are.
    """
    voted = {row.person_id for p in people for m in p.mentions for row in rows_of.get(m, ())}
    existing = {  # plain rows: a large component holds thousands of people
        person_id: (name, kind)
        for part in queries.chunks(person for person in voted if person is not None)
        for person_id, name, kind in session.execute(
            select(PersonRow.id, PersonRow.name, PersonRow.kind).where(PersonRow.id.in_(part))
        )
    }
    taken: set[int] = set()
    chosen: list[tuple[ResolvedPerson, int | None]] = []
    by_size = sorted(people, key=lambda p: -sum(len(rows_of.get(m, ())) for m in p.mentions))
    for person in by_size:
        votes = Counter(
            row.person_id
            for m in person.mentions
            for row in rows_of.get(m, ())
            if row.person_id in existing
        )
        kept = next((pid for pid, _ in votes.most_common() if pid not in taken), None)
        if kept is not None:
            taken.add(kept)
        chosen.append((person, kept))
    created = iter(_new_people(session, [person for person, kept in chosen if kept is None]))
    names: dict[int, tuple[str, ...]] = {}
    moves: dict[int, list[int]] = defaultdict(list)
    filed: list[dict[str, object]] = []
    differ: set[int] = set()
    renamed: list[dict[str, object]] = []
    for person, kept in chosen:
        person_id = kept if kept is not None else next(created)
        taken.add(person_id)
        if kept is None:
            differ.add(person_id)
        elif existing[kept] != (person.name, person.kind):
            renamed.append({"id": kept, "name": person.name, "kind": person.kind})
            differ.add(person_id)
        names[person_id] = person.names
        moving = [
            row for m in person.mentions for row in rows_of.get(m, ()) if row.person_id != person_id
        ]
        moves[person_id] += [row.id for row in moving]
        if moving:
            differ.add(person_id)
            differ.update(row.person_id for row in moving if row.person_id is not None)
        filed += [
            {"id": m, "person_id": person_id}
            for m in person.mentions
            if indexed is None or indexed.get(m) != person_id
        ]
    if filed:
        session.execute(update(CaseMentionRow), filed)
    if renamed:
        session.execute(update(PersonRow), renamed)
    differ |= _set_names(session, names)
    session.flush()
    for person_id, ids in moves.items():
        for part in queries.chunks(ids):
            session.execute(
                update(EventRow)
                .where(EventRow.id.in_(part))
                .values(person_id=person_id)
                .execution_options(synchronize_session=False)
            )
    session.expire_all()  # event rows the session holds read their new person again
    involved = before | taken
    has_events = exists().where(EventRow.person_id == PersonRow.id)
    for part in queries.chunks(involved - taken):
        session.execute(delete(PersonRow).where(PersonRow.id.in_(part), ~has_events))
    session.flush()
    return before | differ | (involved - taken)


def _new_people(session: Session, people: Sequence[ResolvedPerson]) -> list[int]:
    """Store new people at once; their ids, in order."""
    if not people:
        return []
    now = utcnow()
    rows = [{"name": p.name, "kind": p.kind, "created_at": now} for p in people]
    return list(
        session.scalars(
            insert(PersonRow).returning(PersonRow.id, sort_by_parameter_order=True), rows
        )
    )


def _set_names(session: Session, names: dict[int, tuple[str, ...]]) -> set[int]:
    """Each person's stored spellings become exactly `names[person]`, in that order for new ones.

    Returns the people whose spellings changed.
    """
    have: dict[int, dict[str, int]] = defaultdict(dict)  # person -> form -> row id
    for part in queries.chunks(names):
        for row_id, person_id, form in session.execute(
            select(PersonNameRow.id, PersonNameRow.person_id, PersonNameRow.form).where(
                PersonNameRow.person_id.in_(part)
            )
        ):
            have[person_id][form] = row_id
    added = []
    gone = []
    differ = set()
    for person_id, forms in names.items():
        for form, row_id in have[person_id].items():
            if form not in forms:
                gone.append(row_id)
                differ.add(person_id)
        new = [
            {"person_id": person_id, "form": form, "key": name_key(form)}
            for form in dict.fromkeys(forms)
            if form not in have[person_id]
        ]
        if new:
            differ.add(person_id)
            added += new
    for part in queries.chunks(gone):
        session.execute(delete(PersonNameRow).where(PersonNameRow.id.in_(part)))
    if added:
        session.execute(insert(PersonNameRow), added)
    return differ
