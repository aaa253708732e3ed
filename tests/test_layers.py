"""The package's stages, and the rule that imports only ever point down.

Each folder (or top-level module) of `src/casefile` is a stage. A stage may
import the stages on lower rows of `LAYERS`, never one on its own row or
above, so each can be read, tested and replaced knowing only what is under
it, and no import cycle can form between stages. Every import counts:
module level, inside functions (the command line's lazy imports) and under
`TYPE_CHECKING` alike. The README's architecture section draws this list.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "casefile"

# Lowest first; stages on one row are independent of each other.
LAYERS: list[set[str]] = [
    {"model", "errors", "countries"},  # the data classes and words every stage shares
    {"sources", "extract"},  # articles in; text -> people and events (spaCy only here)
    {"cases"},  # people across articles, merged events, stage: pure functions
    {"store", "evaluate"},  # SQLite/PostgreSQL; the scorers against gold sets
    {"news"},  # following the news: feeds, syndicated copies, watch list, alerts, polling
    {"partitions"},  # work cut into idempotent pieces
    {"cluster"},  # extraction on a Dask cluster, local or distributed
    {"pipeline"},  # ingest: read, extract, store, link copies, raise alerts
    {"export"},  # tables and calendars out of the store
    {"web"},  # the web workspace and its JSON API
    {"cli"},  # the command line, over all of it
]
RANK = {stage: rank for rank, row in enumerate(LAYERS) for stage in row}


def stage_of(module: str) -> str | None:
    """`casefile.store.queries` -> `store`; the package itself (`casefile`) has no stage."""
    parts = module.split(".")
    return parts[1] if parts[0] == "casefile" and len(parts) > 1 else None


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(tree: ast.AST, package: str) -> Iterator[tuple[str, int]]:
    """Every module a file of `package` imports, with the line, relative imports resolved."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from ((alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            yield base, node.lineno
            if base == "casefile":  # `from casefile import news`: the stage is the name
                yield from ((f"casefile.{alias.name}", node.lineno) for alias in node.names)


def upward_imports() -> list[str]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = module_name(path)
        here = stage_of(module)
        if here is None:
            continue
        package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
        for target, line in imported(ast.parse(path.read_text(encoding="utf-8")), package):
            there = stage_of(target)
            if there is None or there == here:
                continue
            if RANK[there] >= RANK[here]:
                where = f"{path.relative_to(PACKAGE.parent)}:{line}"
                found.append(f"{where}: {here} imports {target}, and {there} is not below {here}")
    return found


def test_every_stage_has_a_row() -> None:
    stages = {stage_of(module_name(path)) for path in PACKAGE.rglob("*.py")} - {None}
    assert stages - RANK.keys() == set(), "place the new stage in LAYERS (and the README)"
    assert RANK.keys() - stages == set(), "a stage in LAYERS no longer exists"


def test_imports_point_down_only() -> None:
    assert upward_imports() == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from casefile.web import create_app\n", ["web"]),
        ("def later():\n    from casefile.cli.app import app\n", ["cli"]),
        ("from casefile import pipeline\n", ["pipeline"]),
        ("from ..news.copies import link_copy\n", ["news"]),
        ("from casefile.model import Event\nimport json\n", ["model"]),
    ],
)
def test_the_walk_sees_each_kind_of_import(source: str, expected: list[str]) -> None:
    """The rule is only as good as the walk: lazy, package and relative imports all count."""
    targets = imported(ast.parse(source), "casefile.store")
    stages = [stage_of(name) for name, _ in targets]
    assert [stage for stage in stages if stage is not None] == expected
