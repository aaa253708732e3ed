"""Cutting publisher boilerplate out of article text.

Donation appeals, "Read also" link lists and newsletter prompts are not news,
but they read like it ("Prosecutors designated us an undesirable
organization"), so the extractor must not see them. The patterns are data, in
`casefile/data/boilerplate.yaml`, so a researcher can extend them without
Python; this module only applies them, line by line, and records every cut so
that an analyst can see what was removed and why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from casefile.model import Cut

# A line that ends like a sentence is article text, not a headline in a link list.
_SENTENCE_END = re.compile(r"[.!;:,][\"'”’»)\]]*$")


@dataclass(frozen=True)
class _Rule:
    kind: str
    shape: str  # "block", "list", "line" or "paragraph"
    max_line: int
    start: tuple[re.Pattern[str], ...] = ()
    end: tuple[re.Pattern[str], ...] = ()
    confirm: re.Pattern[str] | None = None
    max_items: int = 0
    max_item: int = 0
    cues: tuple[re.Pattern[str], ...] = ()
    min_cues: int = 0


@dataclass(frozen=True)
class _Line:
    begin: int  # offset where the line begins, leading spaces included
    start: int  # offset of the line's first non-space character
    end: int  # offset just after the line's last non-space character
    text: str  # the line without surrounding spaces


def _compile(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(pattern, re.IGNORECASE) for pattern in patterns)


@lru_cache(maxsize=1)
def _load_rules() -> tuple[_Rule, ...]:
    """Read the YAML file once per process: it is package data and does not change."""
    source = resources.files("casefile").joinpath("data/boilerplate.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(source)
    rules = []
    max_line = int(data.get("max_line", 200))
    for key, spec in data["kinds"].items():
        confirm = spec.get("confirm")
        rules.append(
            _Rule(
                kind=spec.get("kind", key),
                shape=spec["shape"],
                max_line=int(spec.get("max_line", max_line)),
                start=_compile(spec.get("start") or spec.get("lines") or []),
                end=_compile(spec.get("end", [])),
                confirm=re.compile(confirm, re.IGNORECASE) if confirm else None,
                max_items=int(spec.get("max_items", 0)),
                max_item=int(spec.get("max_item", 0)),
                cues=_compile(spec.get("cues", [])),
                min_cues=int(spec.get("min_cues", 0)),
            )
        )
    return tuple(rules)


def _split_lines(text: str) -> list[_Line]:
    lines = []
    offset = 0
    for raw in text.splitlines(keepends=True):
        content = raw.rstrip()
        stripped = content.lstrip()
        end = offset + len(content)
        lines.append(_Line(offset, end - len(stripped), end, stripped))
        offset += len(raw)
    return lines


def _matches(patterns: tuple[re.Pattern[str], ...], line: str) -> bool:
    return any(pattern.fullmatch(line) for pattern in patterns)


def _is_headline(line: _Line, rule: _Rule) -> bool:
    return len(line.text) <= rule.max_item and not _SENTENCE_END.search(line.text)


def _block_end(lines: list[_Line], first: int, rule: _Rule) -> int:
    """The last line of an appeal: its closing widget line, else the end of the text."""
    for index in range(first + 1, len(lines)):
        if _matches(rule.end, lines[index].text):
            return index
    last = len(lines) - 1
    while last > first and not lines[last].text:
        last -= 1
    return last


def _list_end(lines: list[_Line], first: int, rule: _Rule) -> int:
    """The last headline after a "Read also:" marker; blank lines between them are allowed."""
    last, items = first, 0
    for index in range(first + 1, len(lines)):
        if not lines[index].text:
            continue
        if items >= rule.max_items or not _is_headline(lines[index], rule):
            break
        last, items = index, items + 1
    return last


def _match_rule(
    lines: list[_Line], index: int, rules: tuple[_Rule, ...], text: str
) -> tuple[str, int] | None:
    """The kind and the last line of the boilerplate starting at `index`, if any."""
    line = lines[index].text
    for rule in rules:
        if not line or len(line) > rule.max_line:
            continue
        if rule.shape == "paragraph":
            if sum(1 for cue in rule.cues if cue.search(line)) >= rule.min_cues:
                return rule.kind, index
            continue
        if not _matches(rule.start, line):
            continue
        if rule.shape == "line":
            return rule.kind, index
        if rule.shape == "list":
            return rule.kind, _list_end(lines, index, rule)
        last = _block_end(lines, index, rule)
        block = text[lines[index].start : lines[last].end]
        if rule.confirm is None or rule.confirm.search(block):
            return rule.kind, last
    return None


def cut_boilerplate(text: str) -> tuple[str, tuple[Cut, ...]]:
    """Remove publisher boilerplate; return the remaining text and what was cut.

    Each `Cut` spans the boilerplate in `text` as given (`text[cut.start:cut.end]
    == cut.text`). The blank lines after a cut go with it, so paragraphs stay
    separated by one blank line. A text without boilerplate comes back unchanged.
    """
    rules = _load_rules()
    lines = _split_lines(text)
    cuts: list[Cut] = []
    kept: list[str] = []
    position = 0  # start of the text not yet copied to `kept`
    index = 0
    while index < len(lines):
        line = lines[index]
        found = _match_rule(lines, index, rules, text)
        if found is None:
            index += 1
            continue
        kind, last = found
        cuts.append(Cut(kind, text[line.start : lines[last].end], line.start, lines[last].end))
        index = last + 1
        while index < len(lines) and not lines[index].text:
            index += 1
        kept.append(text[position : line.begin])
        position = lines[index].begin if index < len(lines) else len(text)
    if not cuts:
        return text, ()
    kept.append(text[position:])
    return "".join(kept).rstrip(), tuple(cuts)
