"""The store's contract, run against SQLite and PostgreSQL (see conftest.py).

Articles and extractions are written by hand here, from model.py classes:
invented people, invented reports.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import insert, inspect, select

from casefile.errors import NotFoundError, StoreError
from casefile.model import Article, Cut, Event, Extraction, Person
from casefile.store import CorrectionError, Store
from casefile.store.migrate import (
    alembic_config,
    create_store_engine,
    current_revision,
    head_in_files,
    head_revision,
)
from casefile.store.schema import ArticleRow, AuditRow, Base, EventRow

V1 = "casefile.events.v1"
V2 = "casefile.events.v2"

FIRST_TEXT = (
    "Ruslan Tagirov, a blogger from Dagestan, was detained by police in Almaty in May 2025. "
    "Tagirov fled Russia in 2023 after he was charged with extremism. "
    "A hearing on his refugee status has been scheduled for Feb. 11. "
    "Police also detained his brother Timur Tagirov."
)
SECOND_TEXT = (
    "Руслан Тагиров, blogger, remains in custody. "
    "On Dec. 26 the commission denied Tagiroff's asylum request. "
    "The hearing set for Feb. 11 was postponed."
)


def event(text: str, sentence: str, type_: str, subject: str, **fields: object) -> Event:
    """An event read from `sentence`, which must occur in `text`."""
    start = text.index(sentence)
    return Event(
        type=type_,
        subject=subject,
        evidence=sentence,
        span=(start, start + len(sentence)),
        **fields,  # type: ignore[arg-type]
    )


def first_article() -> Article:
    return Article(
        text=FIRST_TEXT,
        published=date(2026, 1, 30),
        title="Blogger detained in Almaty",
        outlet="Steppe Courier",
        url="https://example.org/tagirov",
        source_id="sc-1",
        cuts=(Cut(kind="donation_appeal", text="Support us.", start=300, end=311),),
        fetched_at=datetime(2026, 1, 30, 9, 15, tzinfo=UTC),
    )


def second_article() -> Article:
    return Article(text=SECOND_TEXT, published=date(2026, 2, 3), outlet="Caucasus Wire")


def first_extraction(extractor: str = V1, rule: str = "v1") -> Extraction:
    text = FIRST_TEXT
    ruslan = Person("Ruslan Tagirov", ("Ruslan Tagirov", "Tagirov", "he"))
    timur = Person("Timur Tagirov", ("Timur Tagirov",))
    events = (
        event(text, "Ruslan Tagirov, a blogger", "arrest", "Ruslan Tagirov",
              date="2025-05", date_text="May 2025", country="KZ", agent="police", rule=rule),
        event(text, "Tagirov fled Russia in 2023", "flight", "Ruslan Tagirov",
              date="2023", country="RU", rule=rule),
        event(text, "Tagirov fled Russia in 2023 after he was charged", "charge", "Ruslan Tagirov",
              rule=rule),
        event(text, "A hearing on his refugee status", "hearing", "Ruslan Tagirov",
              date="2026-02-11", date_text="Feb. 11", status="scheduled", rule=rule),
        event(text, "Police also detained his brother Timur Tagirov.", "arrest", "Timur Tagirov",
              rule=rule),
    )  # fmt: skip
    return Extraction(first_article(), (ruslan, timur), events, extractor=extractor)


def second_extraction() -> Extraction:
    text = SECOND_TEXT
    ruslan = Person("Руслан Тагиров", ("Руслан Тагиров", "Tagiroff"))
    events = (
        event(text, "On Dec. 26 the commission denied", "asylum_decision", "Руслан Тагиров",
              date="2025-12-26", outcome="denied", agent="the commission"),
        event(text, "The hearing set for Feb. 11 was postponed.", "hearing", "Руслан Тагиров",
              date="2026-02-11", status="postponed"),
    )  # fmt: skip
    return Extraction(second_article(), (ruslan,), events, extractor=V1)


# A report telling its news undated in the lead, and a scene dated once.
INFERRED_TEXT = (
    "Kazakhstan has deported the Kyrgyz poet Aibek Toktosunov. "
    "On Jan. 14 police in Shymkent stopped his car at a checkpoint. "
    "Officers beat him in the back of a van. "
    "A court in Bishkek will hear his complaint on Feb. 20."
)


def inferred_extraction(extractor: str = V1) -> Extraction:
    text = INFERRED_TEXT
    article = Article(text=text, published=date(2026, 1, 22), outlet="Ala-Too Herald")
    events = (
        event(text, "Kazakhstan has deported the Kyrgyz poet Aibek Toktosunov.", "deportation",
              "Aibek Toktosunov", date="2026-01", date_from="story", country="KZ"),
        event(text, "On Jan. 14 police in Shymkent stopped his car", "arrest", "Aibek Toktosunov",
              date="2026-01-14", date_text="Jan. 14", country="KZ"),
        event(text, "Officers beat him in the back of a van.", "ill_treatment",
              "Aibek Toktosunov", date="2026-01-14", date_from="context", country="KZ"),
        event(text, "A court in Bishkek will hear his complaint on Feb. 20.", "hearing",
              "Aibek Toktosunov", date="2026-02-20", date_text="Feb. 20", status="scheduled",
              date_from="story"),  # not what an extractor would say: to see upcoming keep it
    )  # fmt: skip
    person = Person("Aibek Toktosunov", ("Aibek Toktosunov", "him", "his"))
    return Extraction(article, (person,), events, extractor=extractor)


def timeline_types(store: Store, name: str) -> list[tuple[str, str | None]]:
    return [(entry.event.type, entry.event.date) for entry in store.timeline(name).entries]


# Opening and migrating


def test_opening_an_empty_database_migrates_it_to_head(store_url: str) -> None:
    with Store.open(store_url) as store, store.engine.connect() as connection:
        assert current_revision(connection) == head_revision() is not None
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
    with Store.open(store_url) as again:  # opening a migrated store changes nothing
        assert again.people() == []


def test_upgrading_from_0008_keeps_the_events_and_adds_date_from(store_url: str) -> None:
    engine = create_store_engine(store_url)
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection=connection), "0008")
            assert "date_from" not in {c["name"] for c in inspect(connection).get_columns("events")}
            connection.execute(insert(ArticleRow.__table__).values(
                id="a" * 64, text=INFERRED_TEXT, ingested_at=datetime(2026, 1, 22), cuts=[],
                published=date(2026, 1, 22), outlet="Ala-Too Herald",
            ))  # fmt: skip
            connection.execute(insert(EventRow.__table__).values(
                key="k" * 64, article_id="a" * 64, type="arrest", subject="Aibek Toktosunov",
                date="2026-01-14", date_text="Jan. 14", status="occurred", evidence="stopped",
                span_start=59, span_end=66, certainty="asserted", rule="old", extractor="old",
                origin="machine", review_state="unreviewed", created_at=datetime(2026, 1, 22),
            ))  # fmt: skip
        with Store.open(store_url) as store:  # opening migrates to the head
            with store.engine.connect() as connection:
                assert current_revision(connection) == head_revision() == "0018"
            [kept] = store.article_events("a" * 64)
            assert (kept.key, kept.event.date, kept.event.date_text) == (
                "k" * 64,
                "2026-01-14",
                "Jan. 14",
            )
            assert kept.event.date_from is None  # stored before: read in its own sentence
            store.save_extraction(inferred_extraction())
        with engine.begin() as connection:
            command.downgrade(alembic_config(connection=connection), "0008")
            assert "date_from" not in {c["name"] for c in inspect(connection).get_columns("events")}
            dates = connection.execute(select(EventRow.__table__.c.date).order_by("span_start"))
            assert [value for (value,) in dates] == [
                "2026-01",
                "2026-01-14",
                "2026-01-14",
                "2026-01-14",
                "2026-02-20",
            ]
    finally:
        engine.dispose()


def test_an_unusable_url_is_a_store_error_with_a_fix() -> None:
    with pytest.raises(StoreError, match="folder exists"):
        Store.open("sqlite:////nonexistent-folder/sub/casefile.db")
    with pytest.raises(StoreError, match="CASEFILE_DB"):
        Store.open("nosuchengine://x")


# Articles and extractions


def test_article_round_trip_keeps_every_field(store: Store) -> None:
    assert store.add_article(first_article()) is True
    assert store.articles() == [first_article()]


def test_articles_are_listed_by_publication_date_undated_last(store: Store) -> None:
    undated = [Article(text="Undated one."), Article(text="Undated two.")]
    for article in [*undated, second_article(), first_article()]:
        store.add_article(article)
    listed = [article.id for article in store.articles()]
    assert listed[:2] == [first_article().id, second_article().id]
    assert set(listed[2:]) == {article.id for article in undated}


def test_adding_the_same_text_twice_stores_it_once(store: Store) -> None:
    assert store.add_article(first_article()) is True
    assert store.add_article(first_article()) is False
    retitled = Article(text=FIRST_TEXT, title="Another title")
    assert store.add_article(retitled) is False
    assert [article.title for article in store.articles()] == ["Blogger detained in Almaty"]


def test_extraction_round_trip(store: Store) -> None:
    extraction = first_extraction()
    store.save_extraction(extraction)

    assert store.has_extraction(extraction.article.id, V1)
    assert not store.has_extraction(extraction.article.id, V2)
    assert store.articles() == [first_article()]
    timeline = store.timeline("Ruslan Tagirov")
    assert timeline.name == "Ruslan Tagirov"
    assert set(timeline.names) == {"Ruslan Tagirov", "Tagirov"}  # "he" is no name
    shown = [entry.event for entry in timeline.entries]
    expected = [e for e in extraction.events if e.subject == "Ruslan Tagirov"]
    assert sorted(shown, key=lambda e: e.span) == sorted(expected, key=lambda e: e.span)
    source = timeline.entries[0].sources[0]
    assert (source.article_label, source.outlet, source.published) == (
        "sc-1",
        "Steppe Courier",
        date(2026, 1, 30),
    )


def test_timeline_is_in_date_order_undated_last(store: Store) -> None:
    store.save_extraction(first_extraction())
    assert timeline_types(store, "Ruslan Tagirov") == [
        ("flight", "2023"),
        ("arrest", "2025-05"),
        ("hearing", "2026-02-11"),
        ("charge", None),
    ]


def test_people_lists_each_subject_with_counts(store: Store) -> None:
    store.save_extraction(first_extraction())
    store.save_extraction(second_extraction())
    people = {person.name: person for person in store.people()}
    assert set(people) == {"Ruslan Tagirov", "Timur Tagirov"}
    assert (people["Ruslan Tagirov"].event_count, people["Ruslan Tagirov"].article_count) == (6, 2)
    assert (people["Timur Tagirov"].event_count, people["Timur Tagirov"].article_count) == (1, 1)


def test_re_extraction_replaces_machine_events_and_records_the_version(store: Store) -> None:
    store.save_extraction(first_extraction())
    article = first_article()
    newer = Extraction(
        article,
        (Person("Ruslan Tagirov"),),
        (event(FIRST_TEXT, "Ruslan Tagirov, a blogger", "arrest", "Ruslan Tagirov", rule="v2"),),
        extractor=V2,
    )
    store.save_extraction(newer)

    assert store.has_extraction(article.id, V1) and store.has_extraction(article.id, V2)
    assert [entry.event for entry in store.timeline("Ruslan Tagirov").entries] == list(newer.events)
    assert [person.name for person in store.people()] == ["Ruslan Tagirov"]  # Timur's event gone
    assert len(store.articles()) == 1


def test_where_an_inferred_date_came_from_survives_the_store(store: Store) -> None:
    extraction = inferred_extraction()
    store.save_extraction(extraction)

    shown = [entry.event for entry in store.timeline("Aibek Toktosunov").entries]
    assert sorted(shown, key=lambda e: e.span) == list(extraction.events)
    by_type = {e.type: e.date_from for e in shown}
    assert by_type == {"deportation": "story", "arrest": None, "ill_treatment": "context",
                       "hearing": "story"}  # fmt: skip
    with store.engine.connect() as connection:
        stored = connection.execute(select(EventRow.type, EventRow.date_from))
        assert dict(stored.all()) == by_type
    reviewed = {item.event.type: item for item in store.article_events(extraction.article.id)}
    assert reviewed["deportation"].machine.date_from == "story"
    assert reviewed["deportation"].to_json()["event"]["date_from"] == "story"
    [upcoming] = store.upcoming(date(2026, 2, 1))
    assert (upcoming.event.date, upcoming.event.date_from) == ("2026-02-20", "story")
    merged = {e.type: e for e in store.case("Aibek Toktosunov").case.events}
    assert merged["deportation"].date_from == "story"
    assert merged["ill_treatment"].date_from == "context"
    assert merged["arrest"].date_from is None


def test_a_date_the_analyst_gives_is_no_longer_inferred(store: Store) -> None:
    store.save_extraction(inferred_extraction())
    [entry] = [e for e in store.timeline("Toktosunov").entries if e.event.type == "deportation"]
    store.correct_event(entry.event_id or 0, who="ana", changes={"country": "KG"})
    item = store.reviewed_event(entry.event_id or 0)
    assert (item.event.date, item.event.date_from) == ("2026-01", "story")  # date untouched
    store.correct_event(entry.event_id or 0, who="ana", changes={"date": "2026-01-19"})

    store.save_extraction(inferred_extraction(extractor=V2))  # read again: the edit holds

    [entry] = [e for e in store.timeline("Toktosunov").entries if e.event.type == "deportation"]
    assert (entry.event.date, entry.event.date_from) == ("2026-01-19", None)
    item = store.reviewed_event(entry.event_id or 0)
    assert (item.machine.date, item.machine.date_from) == ("2026-01", "story")


# Corrections


def test_analyst_corrections_survive_re_extraction(store: Store) -> None:
    store.save_extraction(first_extraction())
    entries = {entry.event.type: entry for entry in store.timeline("Tagirov").entries}
    store.reject_event(entries["charge"].event_id or 0, who="ana")
    store.correct_event(entries["arrest"].event_id or 0, who="ana", changes={"date": "2025-05-14"})
    store.confirm_event(entries["flight"].event_id or 0, who="bo")
    added = store.add_event(
        first_article().id,
        event(FIRST_TEXT, "a blogger from Dagestan", "designation", "Ruslan Tagirov"),
        who="bo",
    )

    store.save_extraction(first_extraction(extractor=V2, rule="v2"))

    shown = {entry.event.type: entry.event for entry in store.timeline("Tagirov").entries}
    assert "charge" not in shown
    assert shown["arrest"].date == "2025-05-14"
    assert shown["arrest"].rule == "v2"
    assert shown["flight"].rule == "v2"
    assert "designation" in shown
    with store.engine.connect() as connection:
        audit = connection.execute(select(AuditRow.who, AuditRow.action).order_by(AuditRow.id))
        assert list(audit) == [
            ("ana", "reject_event"),
            ("ana", "edit_event"),
            ("bo", "confirm_event"),
            ("bo", "add_event"),
        ]
    assert added
    with pytest.raises(CorrectionError, match="already recorded"):
        store.add_event(
            first_article().id,
            event(FIRST_TEXT, "a blogger from Dagestan", "designation", "Ruslan Tagirov"),
            who="bo",
        )


def test_editing_the_subject_moves_the_event_to_that_person(store: Store) -> None:
    store.save_extraction(first_extraction())
    timur_arrest = store.timeline("Timur Tagirov").entries[0]
    store.correct_event(
        timur_arrest.event_id or 0, who="ana", changes={"subject": "Ruslan Tagirov"}
    )
    assert ("arrest", None) in timeline_types(store, "Ruslan Tagirov")
    assert [person.name for person in store.people()] == ["Ruslan Tagirov"]


def test_a_correction_is_validated(store: Store) -> None:
    store.save_extraction(first_extraction())
    entry = store.timeline("Tagirov").entries[0]
    with pytest.raises(CorrectionError, match="evidence"):
        store.correct_event(entry.event_id or 0, who="ana", changes={"evidence": "x"})
    with pytest.raises(CorrectionError, match="YYYY"):
        store.correct_event(entry.event_id or 0, who="ana", changes={"date": "May 2025"})
    with pytest.raises(NotFoundError):
        store.reject_event("no-such-key", who="ana")


# People across articles


def test_timeline_by_another_spelling_gathers_every_article(store: Store) -> None:
    store.save_extraction(first_extraction())
    store.save_extraction(second_extraction())
    for spelling in ("Ruslan Tagirov", "Тагиров", "tagiroff", "R. Tagirov"):
        timeline = store.timeline(spelling)
        assert timeline.name == "Ruslan Tagirov"
        assert len(timeline.entries) == 6
    assert {"Руслан Тагиров", "Tagiroff"} <= set(store.timeline("Tagirov").names)
    assert store.find_person("Timur Tagirov").name == "Timur Tagirov"
    by_id = store.find_person("Ruslan Tagirov").id
    assert store.timeline(by_id).name == store.timeline(str(by_id)).name == "Ruslan Tagirov"


def test_a_relative_does_not_join_through_the_surname(store: Store) -> None:
    text = "Tagirov was detained. His brother Aslan Tagirov was detained too."
    events = (
        event(text, "Tagirov was detained.", "arrest", "Tagirov"),
        event(text, "His brother Aslan Tagirov was detained too.", "arrest", "Aslan Tagirov"),
    )
    store.save_extraction(first_extraction())
    store.save_extraction(Extraction(Article(text=text), (), events, extractor=V1))
    # Saving resolves at once: Aslan stays apart from Ruslan, and the bare
    # surname, which fits both, goes where its article's context points.
    assert len(store.timeline("Ruslan Tagirov").entries) == 4
    assert len(store.timeline("Aslan Tagirov").entries) == 2


def test_unknown_names_get_the_closest_as_a_hint(store: Store) -> None:
    with pytest.raises(NotFoundError, match="no people yet"):
        store.find_person("Tagirov")
    store.save_extraction(first_extraction())
    with pytest.raises(NotFoundError, match=r"closest: .*Tagirov"):
        store.find_person("Rustam Tagirbekov")


def test_a_bare_given_name_is_ambiguous_or_unknown_not_guessed(store: Store) -> None:
    store.save_extraction(first_extraction())
    with pytest.raises(NotFoundError):
        store.find_person("Timur")


# Upcoming


def test_upcoming_lists_scheduled_events_in_the_window(store: Store) -> None:
    text = "Hearings were set. One for Feb. 11. One in March. One in May. One was held."
    events = (
        event(text, "One for Feb. 11.", "hearing", "Zarina Saidova", date="2026-02-11",
              status="scheduled"),
        event(text, "One in March.", "hearing", "Zarina Saidova", date="2026-03",
              status="scheduled"),
        event(text, "One in May.", "hearing", "Zarina Saidova", date="2026-05-04",
              status="scheduled"),
        event(text, "One was held.", "hearing", "Zarina Saidova", date="2026-02-02"),
        event(text, "Hearings were set.", "hearing", "Zarina Saidova", date="2026",
              status="scheduled"),
    )  # fmt: skip
    article = Article(text=text, published=date(2026, 2, 1))
    store.save_extraction(Extraction(article, (Person("Zarina Saidova"),), events, extractor=V1))

    upcoming = store.upcoming(date(2026, 2, 1), days=30)

    assert [(row.person, row.event.date) for row in upcoming] == [
        ("Zarina Saidova", "2026-02-11"),
        ("Zarina Saidova", "2026-03"),
    ]
    later = store.upcoming(date(2026, 2, 12), days=20)  # to March 4: March overlaps
    assert [row.event.date for row in later] == ["2026-03"]
    assert store.upcoming(date(2026, 2, 12), days=10) == []


def test_a_postponed_hearing_leaves_upcoming(store: Store) -> None:
    store.save_extraction(first_extraction())
    assert [row.event.date for row in store.upcoming(date(2026, 2, 1))] == ["2026-02-11"]
    store.save_extraction(second_extraction())
    assert store.upcoming(date(2026, 2, 1)) == []


# Transactions


def test_a_failing_save_leaves_the_store_as_it_was(store: Store) -> None:
    store.save_extraction(first_extraction())
    before = (store.timeline("Tagirov"), store.people(), store.articles())
    broken = Extraction(
        first_article(),
        (),
        (
            event(FIRST_TEXT, "Ruslan Tagirov, a blogger", "arrest", "Ruslan Tagirov"),
            Event(type="arrest", subject="Someone Else", evidence=None, span=(0, 1)),  # type: ignore[arg-type]
        ),
        extractor=V2,
    )
    with pytest.raises(StoreError, match="could not save"):
        store.save_extraction(broken)

    assert (store.timeline("Tagirov"), store.people(), store.articles()) == before
    assert not store.has_extraction(first_article().id, V2)


def test_without_a_url_the_store_is_casefile_db_or_casefile_db_env(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CASEFILE_DB", raising=False)
    with Store.open() as store:
        store.add_article(first_article())
    assert (tmp_path / "casefile.db").exists()
    monkeypatch.setenv("CASEFILE_DB", f"sqlite:///{tmp_path / 'other.db'}")
    with Store.open() as store:
        assert store.articles() == []
    assert (tmp_path / "other.db").exists()


def test_the_newest_schema_read_from_the_migration_files_is_alembics() -> None:
    assert head_in_files() == head_revision() is not None


def test_opening_a_store_at_the_newest_schema_does_not_import_alembic(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    Store.open(url).close()  # created and migrated
    script = (
        "import sys; from casefile.store import Store; "
        f"Store.open({url!r}).close(); print('alembic' in sys.modules)"
    )
    found = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert found.stdout.strip() == "False", found.stderr
