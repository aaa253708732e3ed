"""JSON Lines archives: one article per line, as the evaluation sets and bulk exports come.

Each line is an object with `text` and usually `id`; `published`, `url`,
`title` and `outlet` are optional and other fields (gold events, case keys)
are ignored. One bad line is one Skipped naming its line number; the rest of
the archive goes on, in order.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from casefile.model import Article, Skipped
from casefile.sources.boilerplate import cut_boilerplate
from casefile.sources.storable import clean_text
from casefile.sources.text import DecodeError, decode_bytes, parse_date


def _optional_str(value: object) -> str | None:
    return (clean_text(value).strip() or None) if isinstance(value, str) else None


def article_from_record(
    record: object, published: date | None = None, source: str = "<jsonl>"
) -> Article | Skipped:
    """One decoded JSON line as an Article; its own `published` wins over the argument."""
    if not isinstance(record, dict):
        return Skipped(source, f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not clean_text(text).strip():
        return Skipped(source, "no text")
    text = clean_text(text)  # JSON can say "\u0000" and "\ud800"; no store holds either
    clean, cuts = cut_boilerplate(text.strip())
    if not clean.strip():
        return Skipped(source, "empty after removing boilerplate")
    source_id = record.get("id")
    return Article(
        text=clean.strip(),
        published=parse_date(record.get("published")) or published,
        title=_optional_str(record.get("title")),
        outlet=_optional_str(record.get("outlet")),
        url=_optional_str(record.get("url")),
        source_id=clean_text(str(source_id)) if source_id is not None else None,
        cuts=cuts,
    )


def iter_jsonl(
    text: str, published: date | None = None, source: str = "<jsonl>"
) -> Iterator[Article | Skipped]:
    """Articles of a JSON Lines text, in order; blank lines are not articles and are passed over.

    Lines are split on "\n" only: `str.splitlines` would also split on U+2028,
    which JSON allows raw inside a string.
    """
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield Skipped(where, f"not valid JSON ({error.msg})")  # `where` names the line
            continue
        except RecursionError:
            yield Skipped(where, "not read (nested too deeply)")
            continue
        except ValueError:  # an integer of more digits than Python converts (4,300)
            yield Skipped(where, "not read (a number too long to convert)")
            continue
        yield article_from_record(record, published, where)


def read_jsonl(path: Path, published: date | None = None) -> Iterator[Article | Skipped]:
    """Read a `.jsonl` file line by line."""
    try:
        text = decode_bytes(path.read_bytes())
    except OSError as error:
        yield Skipped(str(path), f"cannot read: {error.strerror or error}")
        return
    except DecodeError as error:
        yield Skipped(str(path), str(error))
        return
    yield from iter_jsonl(text, published, str(path))
