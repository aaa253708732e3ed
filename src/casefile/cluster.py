"""Extraction spread over a Dask cluster: worker processes here, or machines elsewhere.

    with open_cluster(ClusterSpec(workers=2)) as extractor:      # a LocalCluster
        pipeline.ingest(paths, store, extractor=extractor)
    with open_cluster(ClusterSpec(scheduler="tcp://10.0.0.5:8786")) as extractor:
        pipeline.reextract(store, extractor=extractor)

Workers extract; the client writes. Extraction (`casefile.extract`) is a
pure function from an `Article` to an `Extraction`, so a partition of
articles can run on any worker, any number of times, with the same result:
that is what makes partitions idempotent and a lost worker harmless (Dask
runs its task again elsewhere). Writing is kept on the client, in input
order, because the store's writes are not independent: linking an event's
subject to a person depends on the people the earlier articles created, and
a syndicated copy is recognised against the articles stored before it. Only
a writer that saves in input order leaves the store exactly as a single
process would; workers writing their own partitions would race for person
ids and order. It also means workers need the model but no database
credentials, and a dead client loses only the batch it had not committed:
the next run skips every article this extractor version has read
(`pipeline`) and sends the rest. Writing costs about a sixth of extracting
(10 ms of CPU an article against 60: the people are resolved once per run,
`store.pending`), so one writer keeps several workers busy.

The model is loaded once per worker, when the worker starts (`ModelLoader`),
by the worker itself: nothing but articles and extractions cross the network.
A local cluster's workers are forked from a process that loaded it once
(`extract.preload`): starting two workers then costs one model load, not two
in parallel with the client, which on two cores was most of the start-up of
a run of a few hundred articles.
A worker whose extractor version differs from the client's (an older
lexicon on one machine) is refused before any work is sent, since its
extractions would be stored under another version.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import dask
from distributed import Client, Future, LocalCluster
from distributed.diagnostics.plugin import WorkerPlugin
from distributed.utils import get_mp_context

from casefile.errors import CasefileError
from casefile.extract import EXTRACTOR_VERSION, extract_or_skip, load_nlp
from casefile.model import Article, Extraction, Skipped
from casefile.partitions import partitions

log = logging.getLogger(__name__)

# Articles per task: big enough that spaCy batches well and the scheduler's
# overhead (a few ms per task) is noise, small enough that every worker has
# work until the end and a lost task costs little.
PARTITION_SIZE = 16
# Partitions in flight per worker: one running, one waiting, so no worker idles
# while the client saves, and memory stays bounded on a million-article archive.
IN_FLIGHT_PER_WORKER = 2
CONNECT_TIMEOUT = 30.0  # seconds to reach a scheduler before giving up


class ClusterError(CasefileError):
    """The cluster cannot be reached or its workers cannot extract for this client."""


@dataclass(frozen=True)
class ClusterSpec:
    """Where to extract: `workers` local processes, or the Dask scheduler at `scheduler`."""

    workers: int = 0
    scheduler: str | None = None
    partition_size: int = PARTITION_SIZE
    connect_timeout: float = CONNECT_TIMEOUT

    def __post_init__(self) -> None:
        if self.workers < 0:
            raise ClusterError(f"--workers must be 1 or more, not {self.workers}")
        if self.workers and self.scheduler:
            raise ClusterError(
                "give --workers or --scheduler, not both: a remote cluster has its own workers"
            )
        if self.partition_size < 1:
            raise ClusterError(f"--partition-size must be 1 or more, not {self.partition_size}")

    @property
    def wanted(self) -> bool:
        """Whether to use a cluster at all (else extraction stays in this process)."""
        return bool(self.workers or self.scheduler)


class ModelLoader(WorkerPlugin):  # type: ignore[misc]
    """Loads the spaCy model in each worker as it starts, also in workers that join later."""

    name = "casefile-model"

    def setup(self, worker: Any) -> None:
        load_nlp()


def extract_partition(articles: list[Article]) -> list[Extraction | Skipped]:
    """What a worker runs: one partition, extracted in order (the model is the worker's own).

    An article the rules fail on comes back as a `Skipped`, as in one process.
    """
    return list(extract_or_skip(articles, load_nlp()))


def worker_version() -> str:
    return EXTRACTOR_VERSION


class ClusterExtractor:
    """A `pipeline.Extractor` that sends partitions to a Dask cluster and yields in input order."""

    def __init__(self, client: Client, partition_size: int = PARTITION_SIZE) -> None:
        self.client = client
        self.partition_size = partition_size

    def __call__(self, articles: Iterable[Article]) -> Iterator[list[Extraction | Skipped]]:
        for done in self.partitions(articles):
            for extraction in done:
                if isinstance(extraction, Extraction):
                    _check_version(extraction.extractor, "a worker")
            yield done

    def partitions(self, articles: Iterable[Article]) -> Iterator[list[Extraction | Skipped]]:
        """Extracted partitions in input order, with a bounded number in flight."""
        window = max(2, IN_FLIGHT_PER_WORKER * self.worker_count())
        todo = partitions(articles, self.partition_size)
        running: deque[Future] = deque()
        for part in todo:
            running.append(self.client.submit(extract_partition, part, pure=False))
            if len(running) >= window:
                break
        while running:
            extracted = running.popleft().result()
            following = next(todo, None)
            if following is not None:
                running.append(self.client.submit(extract_partition, following, pure=False))
            yield extracted

    def worker_count(self) -> int:
        return len(self.client.scheduler_info(n_workers=-1).get("workers", {}))

    def peak_rss(self) -> dict[str, int]:
        """Each worker's peak resident memory so far, in bytes (for `make bench`)."""
        return dict(self.client.run(_peak_rss))


def _peak_rss() -> int:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux gives KiB


@contextmanager
def open_cluster(spec: ClusterSpec) -> Iterator[ClusterExtractor]:
    """Start a local cluster or connect to a running one; check its workers; close on exit."""
    # Dask logs every connection at INFO on its own handler: keep the command's output to
    # what casefile says, and warnings.
    logging.getLogger("distributed").setLevel(logging.WARNING)
    cluster: LocalCluster | None = None
    try:
        if spec.scheduler:
            client = _connect(spec.scheduler, spec.connect_timeout)
        else:
            cluster = _local_cluster(spec.workers)
            client = Client(cluster)
    except OSError as error:
        raise ClusterError(f"cannot start a local Dask cluster: {error}") from None
    try:
        client.register_plugin(ModelLoader())
        _check_workers(client, spec)
        yield ClusterExtractor(client, spec.partition_size)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# What the forkserver of local workers imports before forking them: Dask, and the model.
FORKSERVER_PRELOAD = ["distributed", "casefile.extract.preload"]


def _local_cluster(workers: int) -> LocalCluster:
    """`workers` processes on this machine, forked from one that has loaded the model.

    Dask's default starts each worker with `spawn`: a fresh interpreter that
    imports Dask, spaCy and the model by itself. A worker that dies is
    started again by its nanny, the default way. Dask's sampling profiler
    (a stack walked every 10 ms, for its dashboard, which a local cluster
    here does not open) is off: it cost the workers about 7 % of their CPU.
    """
    local = {
        "distributed.worker.multiprocessing-method": "forkserver",
        "distributed.worker.profile.enabled": False,
    }
    with dask.config.set(local):
        get_mp_context().set_forkserver_preload(FORKSERVER_PRELOAD)
        return LocalCluster(
            n_workers=workers,
            threads_per_worker=1,  # spaCy's parser holds the GIL: processes, not threads
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )


def _connect(address: str, timeout: float) -> Client:
    try:
        return Client(address, timeout=timeout)
    except (OSError, TimeoutError, ValueError) as error:
        raise ClusterError(
            f"cannot reach the Dask scheduler at {address} ({error}): start it with "
            "`dask scheduler` and give its tcp://HOST:PORT"
        ) from None


def _check_workers(client: Client, spec: ClusterSpec) -> None:
    """Wait for a worker; refuse workers that would store another extractor version."""
    if spec.workers:
        client.wait_for_workers(spec.workers)
    elif not client.scheduler_info(n_workers=-1).get("workers"):
        log.warning("no worker has joined the scheduler yet; waiting for one")
        client.wait_for_workers(1)
    for address, version in client.run(worker_version).items():
        _check_version(version, f"worker {address}")


def _check_version(version: str, who: str) -> None:
    if version != EXTRACTOR_VERSION:
        raise ClusterError(
            f"{who} runs extractor {version}, this client {EXTRACTOR_VERSION}: "
            "install the same casefile (and data files) on every machine"
        )
