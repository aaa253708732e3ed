"""A crash anywhere in an ingest: the next run completes the batch, on SQLite and PostgreSQL.

A subprocess ingests a batch (two wire stories, each with a syndicated copy
on another outlet, and one more report) and is killed with SIGKILL at one
point: right after a partition of articles is stored and linked, inside the
transaction that stores and links one, after an extraction is saved, inside
an extraction's transaction, and after every extraction is saved but before
the batch resolves its people. Running the batch again must leave the store
exactly as one uninterrupted run leaves it: every article once, every copy
linked to its original, every article read by the current extractor with
the same events, filed under the same people.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from casefile.extract import EXTRACTOR_VERSION
from casefile.news.copies import original_of
from casefile.pipeline import ingest
from casefile.store import Store

NAZAROV = """Police in Georgia detained Rustam Nazarov, an exiled Uzbek blogger, in Tbilisi \
on Feb. 27, his lawyer said. Nazarov fled Uzbekistan in 2021 after prosecutors charged him \
with insulting the president over a series of posts about forced labour in the cotton fields. \
The Tbilisi City Court will hold a hearing on his extradition on March 20."""

UMAROVA = """A court in Istanbul rejected the asylum claim of Dilnoza Umarova, a Tajik \
opposition activist, on Jan. 14, her family said. Umarova has lived in Turkey since 2019, when \
a court in Dushanbe sentenced her in absentia to twelve years in prison for extremism. Her \
lawyers said they would appeal the decision within two weeks."""

SAIDOV = """Kazakh police arrested Timur Saidov, a journalist from Tajikistan, in Almaty on \
Feb. 12 at the request of Dushanbe, which accuses him of treason. Saidov denies the charge."""

BATCH = {
    "1-nazarov.txt": ("Kura Gazette", "2026-03-02", NAZAROV),
    "2-nazarov-copy.txt": (
        "Steppe Courier",
        "2026-03-03",
        NAZAROV + "\n\nUpdate: the court released him on bail on March 2.",
    ),
    "3-umarova.txt": ("Bosphorus Daily", "2026-01-16", UMAROVA),
    "4-umarova-copy.txt": (
        "Pamir Review",
        "2026-01-17",
        UMAROVA + "\n\nThe Pamir Review reported on her case last year.",
    ),
    "5-saidov.txt": ("Steppe Courier", "2026-02-14", SAIDOV),
}

# Run in the subprocess: ingest the batch, and SIGKILL this process at the point named.
KILLER = """
import os, signal, sys
from casefile import pipeline
from casefile.news import copies
from casefile.store import Store, store as store_module

url, folder, point, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
calls = 0

def killing(call, before):
    def wrapped(*args, **kwargs):
        global calls
        calls += 1
        if before and calls == count:
            os.kill(os.getpid(), signal.SIGKILL)
        result = call(*args, **kwargs)
        if not before and calls == count:
            os.kill(os.getpid(), signal.SIGKILL)
        return result
    return wrapped

if point == "after storing":  # a partition of one article is one commit
    pipeline.PARTITION_SIZE = 1
    pipeline.add_and_link = killing(pipeline.add_and_link, before=False)
elif point == "inside storing":  # partitions of two: the second one's transaction cut off
    pipeline.PARTITION_SIZE = 2
    copies.link_in = killing(copies.link_in, before=True)
elif point == "after an extraction":
    pipeline.PARTITION_SIZE = 1
    Store.save_extractions = killing(Store.save_extractions, before=False)
elif point == "inside an extraction":  # events written, the transaction not yet committed
    store_module.record_extraction = killing(store_module.record_extraction, before=True)
elif point == "before resolving":  # every extraction saved, no person resolved yet
    Store.resolve_pending = killing(Store.resolve_pending, before=True)
with Store.open(url) as store:
    pipeline.ingest([folder], store)
sys.exit(3)  # never reached: the point is always hit
"""


def write_batch(folder: Path) -> Path:
    folder.mkdir()
    for name, (outlet, day, text) in BATCH.items():
        (folder / name).write_text(f"Outlet: {outlet}\nDate: {day}\n\n{text}\n", encoding="utf-8")
    return folder


def state(store: Store) -> dict[str, object]:
    """Everything a crash could leave wrong, by file name: links, extraction, events, people."""
    people = {person.id: person.name for person in store.people()}
    found: dict[str, object] = {}
    for article in store.articles():
        link = original_of(store, article.id)
        found[article.label] = (
            store.article(link.original_id).label if link else None,
            store.has_extraction(article.id, EXTRACTOR_VERSION),
            sorted(
                (e.event.type, e.event.subject, e.event.span, people.get(e.person_id or 0))
                for e in store.article_events(article.id)
            ),
        )
    return found


@pytest.fixture(scope="module")
def expected(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The store after one uninterrupted run."""
    folder = write_batch(tmp_path_factory.mktemp("reference") / "batch")
    with Store.open(f"sqlite:///{folder.parent / 'reference.db'}") as store:
        ingest([folder], store)
        found = state(store)
    assert len(found) == len(BATCH)
    copies = {name: link for name, (link, _, _) in found.items() if link}
    assert copies == {"2-nazarov-copy.txt": "1-nazarov.txt", "4-umarova-copy.txt": "3-umarova.txt"}
    return found


@pytest.mark.parametrize(
    ("point", "count"),
    [
        ("after storing", 2),  # the first copy stored and linked, not extracted
        ("inside storing", 4),  # the second copy's partition neither stored nor linked
        ("after an extraction", 2),  # two articles extracted, the others not or not yet stored
        ("inside an extraction", 3),  # the third extraction's transaction cut off
        ("before resolving", 1),  # every article extracted, nobody filed under a person
    ],
)
def test_the_next_run_completes_a_batch_killed_midway(
    tmp_path: Path, store_url: str, expected: dict[str, object], point: str, count: int
) -> None:
    folder = write_batch(tmp_path / "batch")
    killed = subprocess.run(
        [sys.executable, "-c", KILLER, store_url, str(folder), point, str(count)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    with Store.open(store_url) as store:
        left = state(store)
        assert left != expected  # the kill left the batch unfinished
        assert len(left) <= len(BATCH)
        ingest([folder], store)
        assert state(store) == expected
