"""Extraction on a Dask cluster ends in the same store as one process, and resumes after a kill.

Real parts only: a Dask `LocalCluster` of worker processes that load the
spaCy model themselves, real SQLite and PostgreSQL stores, and the
`casefile` command run as a subprocess and killed with SIGKILL.
"""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from distributed import LocalCluster

from casefile import pipeline
from casefile.cluster import ClusterError, ClusterSpec, open_cluster
from casefile.store import Store
from tests.storedump import dump

# Short reports written for these tests: a wire story and its reprint with an
# update, translated regional press, an NGO release, a court report.
ARTICLES = [
    {
        "id": "wire-1",
        "published": "2026-03-02",
        "outlet": "Northern Wire",
        "text": "ISTANBUL, March 2 (Northern Wire) — Turkish police detained the Uzbek "
        "blogger Sardor Qodirov in Istanbul on Saturday at the request of Tashkent, his "
        "lawyer said. Uzbekistan has asked Turkey to extradite him on charges of "
        "extremism, which he denies. A court in Istanbul will consider the request on "
        "March 19.",
    },
    {
        "id": "wire-1-reprint",
        "published": "2026-03-03",
        "outlet": "Bosphorus Daily",
        "text": "ISTANBUL, March 2 (Northern Wire) — Turkish police detained the Uzbek "
        "blogger Sardor Qodirov in Istanbul on Saturday at the request of Tashkent, his "
        "lawyer said. Uzbekistan has asked Turkey to extradite him on charges of "
        "extremism, which he denies. A court in Istanbul will consider the request on "
        "March 19.\n\nUpdate: Qodirov applied for asylum in Turkey on Monday.",
    },
    {
        "id": "regional-1",
        "published": "2026-02-11",
        "outlet": "Vestnik Kavkaza",
        "text": "The native of Grozny Ibragim Saidulaev was taken under guard in Tbilisi "
        "on February 9. According to the information of human rights defenders, the "
        "Russian side sent a demand about his extradition already in January. Saidulaev "
        "fled Chechnya in 2021 after the kidnapping of his brother.",
    },
    {
        "id": "ngo-1",
        "published": "2026-01-20",
        "outlet": "Steppe Rights Watch",
        "text": "PRESS RELEASE\n\nSteppe Rights Watch is alarmed that the Kazakh migration "
        "service refused asylum to the Karakalpak activist Aygul Tleumuratova on January "
        "15, 2026. She was arrested in Almaty in November 2025. If she is returned to "
        "Uzbekistan she faces up to 20 years in prison.",
    },
    {
        "id": "court-1",
        "published": "2026-04-08",
        "outlet": "Warsaw Court Reporter",
        "text": "The Regional Court in Warsaw on Tuesday ruled that the Belarusian "
        "journalist Andrei Vasilevich may be extradited to Minsk. His lawyer said he "
        "would appeal. Vasilevich was sentenced in absentia to eight years in Belarus in "
        "2024 for insulting the president.",
    },
    {
        "id": "wire-2",
        "published": "2026-05-14",
        "outlet": "Northern Wire",
        "text": "BISHKEK, May 14 (Northern Wire) — Kyrgyz security officers deported the "
        "Tajik opposition member Davlat Sharipov to Dushanbe on Wednesday, a day after "
        "he was detained at his home, his wife said. Sharipov had been granted refugee "
        "status by the UN refugee agency in 2023.",
    },
]


def write_articles(folder: Path) -> Path:
    path = folder / "articles.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, object]]]:
    """The store one process makes of the articles: what every cluster run must equal."""
    folder = tmp_path_factory.mktemp("reference")
    with Store.open(f"sqlite:///{folder / 'one.db'}") as store:
        pipeline.ingest([write_articles(folder)], store)
        return dump(store)


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    """A scheduler and two worker processes on this machine, as a remote cluster would be."""
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as running:
        yield running


def on_cluster(cluster: LocalCluster) -> ClusterSpec:
    return ClusterSpec(scheduler=cluster.scheduler_address, partition_size=2)


def test_the_reference_store_holds_what_the_articles_report(reference) -> None:
    assert len(reference["articles"]) == len(ARTICLES)
    assert len(reference["extraction_runs"]) == len(ARTICLES)
    assert len(reference["syndication"]) == 1  # the reprint is linked to the wire story
    types = {row["type"] for row in reference["events"]}
    assert {"arrest", "extradition_request", "asylum_decision", "deportation"} <= types


def test_two_local_workers_fill_sqlite_as_one_process_does(reference, tmp_path: Path) -> None:
    spec = ClusterSpec(workers=2, partition_size=2)  # `casefile ingest --workers 2`
    with Store.open(f"sqlite:///{tmp_path / 'two.db'}") as store, open_cluster(spec) as workers:
        report = pipeline.ingest([write_articles(tmp_path)], store, extractor=workers)
        assert (report.new, report.extracted) == (len(ARTICLES), len(ARTICLES))
        assert dump(store) == reference


def test_local_workers_start_with_the_model_already_loaded() -> None:
    # forked from a process that loaded it once (`extract.preload`), not loading it each
    with open_cluster(ClusterSpec(workers=2)) as workers:
        found = workers.client.run(_model_was_loaded_before_the_worker_started)
    assert list(found.values()) == [True, True]


def _model_was_loaded_before_the_worker_started() -> bool:
    from casefile.extract.nlp import load_nlp

    # the worker's ModelLoader asked for the model once: a hit, if it came with the fork
    return load_nlp.cache_info().hits >= 1


@pytest.mark.postgres
def test_two_workers_fill_postgresql_as_one_process_fills_sqlite(
    reference, cluster: LocalCluster, postgres_url: str, tmp_path: Path
) -> None:
    with Store.open(postgres_url) as store, open_cluster(on_cluster(cluster)) as workers:
        pipeline.ingest([write_articles(tmp_path)], store, extractor=workers)
        assert dump(store) == reference


def test_reextract_on_workers_reads_every_article_again_and_changes_nothing(
    reference, cluster: LocalCluster, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'again.db'}"
    with Store.open(url) as store, open_cluster(on_cluster(cluster)) as workers:
        pipeline.ingest([write_articles(tmp_path)], store, extractor=workers)
        assert pipeline.reextract(store, everything=True, extractor=workers) == len(ARTICLES)
        after = dump(store)
    runs = after.pop("extraction_runs")
    assert len(runs) == 2 * len(ARTICLES)  # each article read twice, by the same version
    assert after == {k: v for k, v in reference.items() if k != "extraction_runs"}


def test_a_killed_distributed_run_restarted_does_only_the_rest(
    reference, cluster: LocalCluster, tmp_path: Path
) -> None:
    db = tmp_path / "killed.db"
    command = [
        sys.executable,
        "-m",
        "casefile.cli",
        "ingest",
        str(write_articles(tmp_path)),
        "--db",
        f"sqlite:///{db}",
        "--scheduler",
        cluster.scheduler_address,
        "--partition-size",
        "1",
    ]
    run = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wait_for_extractions(db, run, at_least=1)
    run.send_signal(signal.SIGKILL)
    run.wait()
    saved = extraction_count(db)
    assert 1 <= saved < len(ARTICLES), "the run was to be killed between two partitions"

    rerun = subprocess.run(command, capture_output=True, text=True, timeout=300, check=True)
    summary = " ".join(rerun.stdout.split())
    assert f"from {len(ARTICLES) - saved} extraction(s)" in summary  # only what was missing
    with Store.open(f"sqlite:///{db}") as store:
        assert dump(store) == reference  # nothing twice: no article, event or run duplicated


def test_a_scheduler_that_does_not_answer_is_one_line(tmp_path: Path) -> None:
    closed = "tcp://127.0.0.1:9"  # the discard port: nothing listens there
    with (
        pytest.raises(ClusterError, match="cannot reach the Dask scheduler"),
        open_cluster(ClusterSpec(scheduler=closed, connect_timeout=1)),
    ):
        pass


def wait_for_extractions(db: Path, run: subprocess.Popen[bytes], at_least: int) -> None:
    """Poll the store until the run has saved `at_least` extractions."""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if run.poll() is not None:
            pytest.fail(f"the run ended before it was killed: {run.stderr.read()!r}")  # type: ignore[union-attr]
        if extraction_count(db) >= at_least:
            return
        time.sleep(0.01)
    pytest.fail("no extraction was saved in 300 s")


def extraction_count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as connection:
            return connection.execute("SELECT count(*) FROM extraction_runs").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet, or being written
        return 0
