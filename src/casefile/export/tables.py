"""CSV that a spreadsheet opens as data, never as formulas.

Article text is untrusted: a cell beginning with `=`, `+`, `-` or `@` (or a
tab or carriage return, which some spreadsheets skip before one of those)
would be run as a formula when the file is opened, so such a cell is
prefixed with a single quote (OWASP's advice on CSV injection).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralize(value: Any) -> str:
    """The cell's text, made inert for spreadsheets."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """A CSV document with a header line; every cell neutralized."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([neutralize(column) for column in columns])
    for row in rows:
        writer.writerow([neutralize(cell) for cell in row])
    return buffer.getvalue()
