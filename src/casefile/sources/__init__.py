"""Reading inputs into Articles: the only part of the pipeline that touches files.

`read_path` takes a file or a folder and yields one `Article` per report, or a
`Skipped` saying why an input gave none. One bad file never stops a batch;
only a path that does not exist at all raises (`SourceError`), because that
is a mistake in the command, not in the data.

Where the publication date comes from, most explicit first: the input's own
statement (a text file's `Date:` header, a JSON line's `published`), then the
`published` argument, then for HTML the date htmldate infers from the page,
which the argument overrides.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from itertools import chain
from pathlib import Path

from casefile.errors import SourceError
from casefile.model import Article, Skipped
from casefile.sources.boilerplate import cut_boilerplate
from casefile.sources.html import article_from_html, read_html
from casefile.sources.jsonl import read_jsonl
from casefile.sources.text import article_from_text, read_text

__all__ = [
    "MAX_ARTICLE_BYTES",
    "SUFFIXES",
    "article_from_html",
    "article_from_text",
    "cut_boilerplate",
    "read_path",
    "read_paths",
]

log = logging.getLogger(__name__)

Reader = Callable[[Path, date | None], Iterator[Article | Skipped]]


def _one(read: Callable[[Path, date | None], Article | Skipped]) -> Reader:
    def reader(path: Path, published: date | None) -> Iterator[Article | Skipped]:
        yield read(path, published)

    return reader


# Longest suffix first, so that ".html.gz" is not taken for ".gz".
SUFFIXES: dict[str, Reader] = {
    ".html.gz": _one(read_html),
    ".htm.gz": _one(read_html),
    ".html": _one(read_html),
    ".htm": _one(read_html),
    ".txt": _one(read_text),
    ".md": _one(read_text),
    ".jsonl": read_jsonl,
}


def _suffix(path: Path) -> str:
    name = path.name.lower()
    for suffix in SUFFIXES:
        if name.endswith(suffix):
            return suffix
    return "".join(path.suffixes[-1:]).lower()


def _walk(folder: Path) -> Iterator[Path]:
    """Files under `folder` in sorted order, hidden files and folders (`.git`) left out."""
    for entry in sorted(folder.iterdir(), key=lambda entry: entry.name):
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(entry)
        else:
            yield entry


# One article is a few kilobytes; a file far larger is a mistake or an attack,
# and is skipped before it is read into memory. An archive of many articles
# (.jsonl) may be larger.
MAX_ARTICLE_BYTES = 10 * 1024 * 1024
MAX_ARCHIVE_BYTES = 2 * 1024 * 1024 * 1024


def _too_large(path: Path, suffix: str) -> Skipped | None:
    limit = MAX_ARCHIVE_BYTES if suffix == ".jsonl" else MAX_ARTICLE_BYTES
    try:
        size = path.stat().st_size
    except OSError:
        return None  # the reader reports why it cannot read the file
    if size <= limit:
        return None
    return Skipped(str(path), f"too large: {size // 2**20} MiB, the limit is {limit // 2**20} MiB")


def _read_file(path: Path, published: date | None) -> Iterator[Article | Skipped]:
    suffix = _suffix(path)
    reader = SUFFIXES.get(suffix)
    if reader is None:
        yield Skipped(str(path), f"unsupported file type {suffix or '(no suffix)'}")
        return
    oversized = _too_large(path, suffix)
    if oversized is not None:
        yield oversized
        return
    for result in reader(path, published):
        if isinstance(result, Skipped):
            log.info("skipped %s: %s", result.source, result.reason)
        yield result


def _check(path: Path) -> Path:
    if not path.exists():
        raise SourceError(f"{path}: no such file or folder; check the path")
    return path


def _read_checked(path: Path, published: date | None) -> Iterator[Article | Skipped]:
    if not path.is_dir():
        yield from _read_file(path, published)
        return
    try:
        files = list(_walk(path))
    except OSError as error:
        yield Skipped(str(path), f"cannot list folder: {error.strerror or error}")
        return
    for file in files:
        yield from _read_file(file, published)


def read_path(path: Path, published: date | None = None) -> Iterator[Article | Skipped]:
    """Articles from a file, or from every file under a folder, in sorted order.

    Raises `SourceError` at the call, not at the first article, if the path
    does not exist.
    """
    return _read_checked(_check(Path(path)), published)


def read_paths(paths: Iterable[Path], published: date | None = None) -> Iterator[Article | Skipped]:
    """`read_path` over several paths, in the order given.

    Every path is checked before the first is read, so a typo in the last
    argument fails at once instead of after a long batch.
    """
    checked = [_check(Path(path)) for path in paths]
    return chain.from_iterable(_read_checked(path, published) for path in checked)
