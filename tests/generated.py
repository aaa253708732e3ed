"""Generated stores: many invented people, each followed by a few articles over time.

For the tests and benchmarks of the case layer at scale (`make bench`, the
case-index tests). Every person is invented from syllables (tens of
thousands of distinct surnames), has a country, a lawyer and a story of
dated events; each article reports one to three people, some by full name
and some by surname only or with a spelling variant, so resolution has
partial names, shared surnames (relatives) and context to weigh. The people
grow with the store: article n mostly reports people introduced near n.

`articles(n)` makes extractions (no spaCy: the case layer's input);
`bulk_load` writes them into a store with a few bulk statements, for stores
of thousands of articles, then resolves them in full once.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import insert

from casefile.model import Article, Event, Extraction, Person
from casefile.store import Store
from casefile.store.cases_schema import ArticlePersonRow, EventFirstSeenRow
from casefile.store.events import event_keys
from casefile.store.schema import ArticleRow, EventRow, ExtractionRunRow, utcnow

SYLLABLES = (
    "ka", "mo", "ta", "ri", "sa", "lo", "ne", "du", "ba", "gi", "ve", "zu", "ha", "pe", "ro",
    "mi", "ya", "to", "se", "ku", "na", "di", "fa", "lu", "ze", "bo", "che", "sha", "vi", "ra",
)  # fmt: skip
ENDINGS = ("ov", "ev", "ova", "eva", "in", "ina", "yan", "ic", "enko", "uly")
GIVEN = (
    "Aziz", "Marat", "Elena", "Dilnoza", "Ruslan", "Timur", "Anna", "Oleg", "Zarina", "Bakyt",
    "Irina", "Farrukh", "Gulnara", "Arman", "Yulia", "Kamil", "Nodira", "Sergei", "Aigerim",
    "Rustam", "Madina", "Pavel", "Saule", "Jamshid", "Olga", "Daniyar", "Lola", "Viktor",
)  # fmt: skip
COUNTRIES = ("KZ", "KG", "TR", "RU", "UZ", "TJ", "AE", "GE", "AM", "BY", "DE", "PL")
STORY = (
    ("arrest", "occurred"),
    ("charge", "occurred"),
    ("extradition_request", "occurred"),
    ("hearing", "scheduled"),
    ("asylum_decision", "occurred"),
    ("detention", "occurred"),
    ("hearing", "scheduled"),
    ("release", "occurred"),
)
START = date(2024, 1, 1)


@dataclass(frozen=True)
class Invented:
    given: str
    surname: str
    country: str
    lawyer: str
    start: date

    @property
    def name(self) -> str:
        return f"{self.given} {self.surname}"


def _person(rng: random.Random, index: int) -> Invented:
    surname = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
    surname += rng.choice(ENDINGS)
    lawyer = f"{rng.choice(GIVEN)} {rng.choice(SYLLABLES).capitalize()}{rng.choice(ENDINGS)}"
    return Invented(
        rng.choice(GIVEN),
        surname,
        rng.choice(COUNTRIES),
        lawyer,
        START + timedelta(days=index // 3),
    )


def articles(count: int, seed: int = 7, first: int = 0, dense: int = 1) -> list[Extraction]:
    """Articles `first` .. `first + count - 1` of the generated stream (the same for a seed).

    `dense` repeats each person's part of an article that many times, a
    month apart (long chronicles: many events, as many people).
    """
    return list(_stream(first + count, seed, dense))[first:]


def _stream(count: int, seed: int, dense: int = 1) -> Iterator[Extraction]:
    rng = random.Random(seed)
    people: list[Invented] = []
    told: dict[int, int] = {}
    for n in range(count):
        while len(people) < n * 0.6 + 2:
            people.append(_person(rng, len(people)))
            if rng.random() < 0.08:  # a relative: same surname, another given name
                relative = people[-1]
                people.append(
                    Invented(
                        rng.choice(GIVEN),
                        relative.surname,
                        relative.country,
                        relative.lawyer,
                        relative.start,
                    )
                )
        chosen = {
            max(0, len(people) - 1 - int(rng.expovariate(0.15))) for _ in range(rng.randint(1, 3))
        }
        yield _article(rng, n, [(i, people[i]) for i in sorted(chosen)], told, dense)


def _article(
    rng: random.Random,
    n: int,
    chosen: Sequence[tuple[int, Invented]],
    told: dict[int, int],
    dense: int = 1,
) -> Extraction:
    published = START + timedelta(days=30 + n // 2)
    sentences = [f"Report {n} from the region."]
    events = []
    people = []
    for index, person in chosen:
        step = told.get(index, 0)
        told[index] = step + rng.randint(1, 2)
        form = person.name
        if step and rng.random() < 0.3:
            form = person.surname  # a follow-up names them by surname only
        elif rng.random() < 0.1:
            form = person.name.replace("ov", "off") if "ov" in person.surname else person.name
        told_now = STORY[step % len(STORY) : step % len(STORY) + rng.randint(1, 2)]
        for repeat, (type_, status) in enumerate(told_now * dense):
            days = 20 * (step + 1) + 30 * (repeat // len(told_now)) + rng.randint(0, 3)
            when = person.start + timedelta(days=days)
            value = when.isoformat() if rng.random() < 0.7 else when.isoformat()[:7]
            sentence = (
                f"In report {n}, {form} faced {type_.replace('_', ' ')} on {value} ({repeat})."
            )
            sentences.append(sentence)
            events.append(
                Event(
                    type=type_,
                    subject=form,
                    evidence=sentence,
                    span=(0, 0),
                    date=value,
                    status=status,  # type: ignore[arg-type]
                    country=person.country,
                    certainty="asserted",
                    rule="generated",
                )
            )
        sentences.append(f"{person.lawyer} represents {form}.")
        people += [
            Person(person.name, tuple(dict.fromkeys((person.name, form, person.surname)))),
            Person(person.lawyer, (person.lawyer,)),
        ]
    text = " ".join(sentences)
    placed = tuple(
        replace(e, span=(text.index(e.evidence), text.index(e.evidence) + len(e.evidence)))
        for e in events
    )
    article = Article(
        text=text, published=published, outlet=f"Outlet {n % 17}", source_id=f"gen-{n}"
    )
    return Extraction(article, tuple(dict.fromkeys(people)), placed, extractor="generated")


def bulk_load(store: Store, extractions: Sequence[Extraction], resolve: bool = True) -> None:
    """Write extractions with a few bulk statements per thousand, then resolve people once."""
    now = utcnow()
    for start in range(0, len(extractions), 1000):
        batch = extractions[start : start + 1000]
        rows: dict[str, list[dict[str, Any]]] = {"a": [], "e": [], "f": [], "p": [], "r": []}
        for x in batch:
            a = x.article
            rows["a"].append(
                {
                    "id": a.id,
                    "source_id": a.source_id,
                    "outlet": a.outlet,
                    "published": a.published,
                    "ingested_at": now,
                    "text": a.text,
                    "cuts": [],
                }
            )
            keys = event_keys(a.id, x.events)
            for event, key in zip(x.events, keys, strict=True):
                rows["e"].append(_event_row(a.id, event, key, now))
                rows["f"].append({"key": key, "article_id": a.id, "first_seen": now})
            rows["p"] += [
                {"article_id": a.id, "name": p.name, "kind": p.kind, "mentions": list(p.mentions)}
                for p in x.people
            ]
            rows["r"].append(
                {"article_id": a.id, "extractor": x.extractor, "ran_at": now, "event_count": 0}
            )
        tables = [ArticleRow, EventRow, EventFirstSeenRow, ArticlePersonRow, ExtractionRunRow]
        if store.engine.dialect.name == "postgresql":
            _copy(store, zip(tables, rows.values(), strict=True))
            continue
        with store.engine.begin() as connection:
            for table, values in zip(tables, rows.values(), strict=True):
                if values:
                    connection.execute(insert(table), values)
    if resolve:
        store.resolve_people(from_scratch=True)


def _copy(store: Store, tables: Iterable[tuple[Any, list[dict[str, Any]]]]) -> None:
    """PostgreSQL's COPY, table by table, in one transaction (JSON as text, UTC as naive)."""
    raw = store.engine.raw_connection()
    try:
        with raw.cursor() as cursor:
            for table, values in tables:
                columns = list(values[0]) if values else []
                if not columns:
                    continue
                names = ", ".join(columns)
                with cursor.copy(f"COPY {table.__tablename__} ({names}) FROM STDIN") as copy:
                    for value in values:
                        copy.write_row([_plain(value[column]) for column in columns])
        raw.commit()
    finally:
        raw.close()


def _plain(value: Any) -> Any:
    if isinstance(value, list | dict):
        return json.dumps(value)
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(UTC).replace(tzinfo=None)
    return value


def _event_row(article_id: str, event: Event, key: str, now: Any) -> dict[str, Any]:
    return {
        "key": key,
        "article_id": article_id,
        "type": event.type,
        "subject": event.subject,
        "date": event.date,
        "status": event.status,
        "country": event.country,
        "evidence": event.evidence,
        "span_start": event.span[0],
        "span_end": event.span[1],
        "certainty": event.certainty,
        "rule": event.rule,
        "extractor": "generated",
        "origin": "machine",
        "review_state": "unreviewed",
        "created_at": now,
    }
