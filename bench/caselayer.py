"""`make bench` sections for the case layer at scale: updates and the case list under load.

- `update`: generated stores of growing size (tests/generated.py: invented
  people that grow with the store), the time to add one more article
  (`Store.save_extraction`: storing it, re-resolving the people it
  touches, refreshing their materialised case files), median of nine
  different new articles.
- `serve`: a generated store behind `casefile serve`; 8 clients with an API
  token read `/cases.json` (first page, 50 cases), one case file
  (`/cases/ID.json`, the list's first case) and `/upcoming.json` (first
  page, 60 days from 2024-06-01) while the store is idle, then `/cases.json` while `casefile ingest`
  writes into it; p50/p99 latency, the load average beside each, and the
  growth of each figure from the smaller store to the larger.

Default sizes run in a few minutes; `--full` measures the issue's sizes.
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # tests/generated.py makes the stores

CASEFILE = str(Path(sys.executable).parent / "casefile")  # the command in this virtualenv
CLIENTS = 8
WINDOW = 15.0  # seconds of load per measurement


def update_section(full: bool) -> dict[str, Any]:
    from tests.generated import articles, bulk_load

    from casefile.store import Store

    sizes = (1_000, 5_000, 10_000) if full else (1_000, 2_500, 5_000)
    figures: dict[str, Any] = {}
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"{'articles':>9} {'people':>7} {'build':>8} {'add one: CPU':>13} {'wall':>8}")
    for size in sizes:
        stream = articles(size + 9)
        with (
            tempfile.TemporaryDirectory() as folder,
            Store.open(f"sqlite:///{folder}/b.db") as store,
        ):
            started = time.perf_counter()
            bulk_load(store, stream[:size])
            built = time.perf_counter() - started
            cpu, wall = [], []
            for extraction in stream[size:]:
                started, used = time.perf_counter(), time.process_time()
                store.save_extraction(extraction)
                cpu.append(time.process_time() - used)
                wall.append(time.perf_counter() - started)
            people = len(store.people())
        figures[str(size)] = {
            "people": people,
            "build_s": built,
            "add_one_cpu_s": statistics.median(cpu),
            "add_one_wall_s": statistics.median(wall),
        }
        print(
            f"{size:>9,} {people:>7,} {built:>7.1f}s {statistics.median(cpu):>12.3f}s"
            f" {statistics.median(wall):>7.3f}s"
        )
    first, last = (figures[str(n)]["add_one_cpu_s"] for n in (sizes[0], sizes[-1]))
    figures["growth"] = last / first
    print(
        f"CPU growth from {sizes[0]:,} to {sizes[-1]:,} articles: {last / first:.2f}x"
        " (target < 2x, < 1 s; medians of nine new articles)"
    )
    return figures


def serve_section(full: bool) -> dict[str, Any]:
    sizes = (1_000, 10_000) if full else (1_000, 5_000)
    figures: dict[str, Any] = {}
    print(f"{CLIENTS} clients, {WINDOW:.0f} s a measurement, on {os.cpu_count()} cores")
    print(
        f"{'articles':>9} {'page':>14} {'state':>7} {'requests':>9} {'p50':>8} {'p99':>8}"
        f" {'ingested':>9} {'load avg':>9}"
    )
    for size in sizes:
        figures[str(size)] = _serve_run(size)
    small, large = (figures[str(size)] for size in sizes)
    print(f"growth {sizes[0]:,} -> {sizes[-1]:,} articles ({sizes[-1]:,}/{sizes[0]:,}):")
    growth: dict[str, float] = {}
    for page, state in [
        ("/cases.json", "idle"),
        ("/cases.json", "ingest"),
        *((page, "idle") for page in PAGES[1:]),
    ]:
        for figure in ("p50_ms", "p99_ms"):
            ratio = large[page][state][figure] / small[page][state][figure]
            growth[f"{page} {state} {figure[:3]}"] = ratio
        print(
            f"  {page:>14} {state:>7}: p50 {growth[f'{page} {state} p50']:.2f}x"
            f", p99 {growth[f'{page} {state} p99']:.2f}x"
        )
    figures["growth"] = growth
    print(
        "targets: /cases.json p99 < 300 ms idle, < 1 s during ingest, growth < 1.5x "
        "(the machine is shared: read the load average beside each figure)"
    )
    return figures


PAGES = ("/cases.json", "/cases/{id}.json", "/upcoming.json")
# The server's today: the generated stream's people are introduced with the
# articles, so a day within the first 1,000 articles' stories gives both
# stores the same kind of agenda (both lists of /upcoming hold over 50 dates).
SERVED_DAY = date(2024, 6, 1)


def _serve_run(size: int) -> dict[str, Any]:
    from tests.generated import articles, bulk_load

    from casefile.store import Store

    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/serve.db"
        stream = articles(size + 300)
        with Store.open(url) as store:
            bulk_load(store, stream[:size])
            store.case_page(SERVED_DAY)  # the lines brought to the day the server counts from
            user = store.add_user("bench", "viewer", "bench-password-123")
            token, _ = store.open_session(user, "api")
        inbox = Path(folder) / "inbox"
        inbox.mkdir()
        for extraction in stream[size:]:
            article = extraction.article
            (inbox / f"{article.source_id}.txt").write_text(
                f"Date: {article.published}\n\n{article.text}\n", encoding="utf-8"
            )
        port = _free_port()
        env = {**os.environ, "CASEFILE_DB": url, "CASEFILE_TODAY": SERVED_DAY.isoformat()}
        server = subprocess.Popen(
            [CASEFILE, "serve", "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        found: dict[str, Any] = {page: {} for page in PAGES}
        try:
            base = f"http://127.0.0.1:{port}"
            headers = {"Authorization": f"Bearer {token}"}
            first = _wait_up(base, headers)
            paths = {
                "/cases.json": "/cases.json?limit=50",
                "/cases/{id}.json": f"/cases/{first}.json",  # the first case of the list
                "/upcoming.json": "/upcoming.json?limit=50",
            }
            for page in PAGES:
                found[page]["idle"] = _load(base, headers, paths[page])
                _print(size, page, "idle", found[page]["idle"])
            ingest = subprocess.Popen(
                [CASEFILE, "ingest", str(inbox)],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            time.sleep(8)  # the model loads; then it writes article after article
            before = _count(url)
            during = _load(base, headers, paths["/cases.json"])
            during["ingested"] = _count(url) - before
            found["/cases.json"]["ingest"] = during
            _print(size, "/cases.json", "ingest", during)
            ingest.kill()
            ingest.wait()
        finally:
            server.terminate()
            server.wait(timeout=30)
        return found


def _print(size: int, page: str, state: str, got: dict[str, Any]) -> None:
    print(
        f"{size:>9,} {page:>14} {state:>7} {got['requests']:>9} {got['p50_ms']:>6.0f}ms "
        f"{got['p99_ms']:>6.0f}ms {got.get('ingested', ''):>9} {got['load']:>9.1f}"
    )


def _load(base: str, headers: dict[str, str], path: str) -> dict[str, Any]:
    """CLIENTS threads reading `path` for WINDOW seconds; latencies in ms, load average after."""
    import httpx

    latencies: list[float] = []
    errors = []
    stop = time.monotonic() + WINDOW

    def client() -> None:
        with httpx.Client(base_url=base, headers=headers, timeout=60) as http:
            while time.monotonic() < stop:
                started = time.perf_counter()
                response = http.get(path)
                took = (time.perf_counter() - started) * 1000
                if response.status_code == 200:
                    latencies.append(took)
                else:
                    errors.append(response.status_code)

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    ordered = sorted(latencies) or [float("nan")]
    return {
        "requests": len(latencies),
        "errors": len(errors),
        "p50_ms": statistics.median(ordered),
        "p99_ms": ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))],
        "load": os.getloadavg()[0],
    }


def _count(url: str) -> int:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as connection:
        found = int(connection.execute(text("SELECT count(*) FROM articles")).scalar() or 0)
    engine.dispose()
    return found


def _wait_up(base: str, headers: dict[str, str]) -> int:
    """Wait for the server; the id of the first case of its list."""
    import httpx

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            response = httpx.get(f"{base}/cases.json?limit=1", headers=headers, timeout=60)
            if response.status_code == 200:
                return int(response.json()["cases"][0]["id"])
        except httpx.HTTPError:
            time.sleep(0.3)
    raise RuntimeError("the server did not answer within 60 s")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
