"""How `casefile ingest` and `reextract` show a long run: done, rate, ETA, skipped (Rich).

A run over an archive takes hours; the bar says how far it is, how fast it
goes and when it will end, and how much it skipped (inputs it could not
read, articles this extractor version had already read: a restarted run
says here that it did not start over). The library only calls the
`pipeline.Progress` methods; this module draws them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text


class RateColumn(ProgressColumn):
    """Articles per second over the last half minute (Rich's own speed estimate)."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} articles/s" if speed else "– articles/s")


class RunProgress:
    """A `pipeline.Progress` drawn as one Rich bar: reading first, then extracting."""

    def __init__(self, progress: Progress, verb: str) -> None:
        self.progress = progress
        self.task: TaskID = progress.add_task("", total=None, stage="read", skipped=0)
        self.verb = verb
        self.skipped_count = 0
        self.total = 0

    def read(self, label: str) -> None:
        self.progress.update(self.task, advance=1, description=label[-40:])

    def extracting(self, total: int, skipped: int) -> None:
        self.skipped_count, self.total = skipped, total
        self.progress.reset(
            self.task, total=total, completed=0, description="", stage=self.verb, skipped=skipped
        )

    def extracted(self, count: int) -> None:
        self.progress.update(self.task, advance=count)

    def skipped(self, count: int) -> None:
        """Out of the total rather than done: the rate and ETA count work, not skips."""
        self.skipped_count += count
        self.total -= count
        self.progress.update(self.task, total=self.total, skipped=self.skipped_count)


@contextmanager
def run_progress(console: Console, verb: str) -> Iterator[RunProgress]:
    """A live bar on `console` (stderr), gone when the run ends: the summary line stays."""
    columns = (
        TextColumn("[bold]{task.fields[stage]}"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        TextColumn("{task.fields[skipped]} skipped"),
        TextColumn("{task.description}"),
    )
    with Progress(*columns, console=console, transient=True) as progress:
        yield RunProgress(progress, verb)
