"""How well the HTML path finds an article's main text, scored like the benchmark it comes from.

The article-extraction benchmark (`../shared/eval/article-extraction/`, 181
real pages with the article body as people judged it) scores an extractor
by the words it gets right. Per page:

- tokens are `\\w+` runs (any language), compared as multisets: a word the
  page has three times must be extracted three times;
- precision = matched / extracted, recall = matched / gold, F1 their
  harmonic mean; an empty extraction of a non-empty body scores 0.

`token_f1` is the mean of the pages' F1 (each page weighs the same,
however long). The benchmark's own published figures use 4-word shingles
and the F1 of mean precision and mean recall; `shingle_f1` gives that
too, so the numbers can be put beside trafilatura's published 0.958.

`score_text` and `summarize` are pure; `load_pages` reads the benchmark
folder; `evaluate_html` runs an extractor over it.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_TOKEN = re.compile(r"\w+", re.UNICODE)
SHINGLE = 4


@dataclass(frozen=True)
class Scores:
    """Matched, extracted and gold counts of one page, and the ratios they give."""

    matched: int
    extracted: int
    gold: int

    @property
    def precision(self) -> float:
        if self.extracted == 0:
            return 1.0 if self.gold == 0 else 0.0
        return self.matched / self.extracted

    @property
    def recall(self) -> float:
        if self.gold == 0:
            return 1.0 if self.extracted == 0 else 0.0
        return self.matched / self.gold

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text or "")


def shingles(text: str, size: int = SHINGLE) -> list[tuple[str, ...]]:
    words = tokens(text)
    return [tuple(words[i : i + size]) for i in range(max(1, len(words) - size + 1)) if words]


def _overlap(extracted: Iterable[Any], gold: Iterable[Any]) -> Scores:
    found, truth = Counter(extracted), Counter(gold)
    return Scores(sum((found & truth).values()), sum(found.values()), sum(truth.values()))


def score_text(extracted: str, gold: str) -> Scores:
    """Token overlap of an extracted body with the gold body (multisets of `\\w+` tokens)."""
    return _overlap(tokens(extracted), tokens(gold))


def score_shingles(extracted: str, gold: str, size: int = SHINGLE) -> Scores:
    """The same over word shingles, as the benchmark's own evaluate.py counts."""
    return _overlap(shingles(extracted, size), shingles(gold, size))


@dataclass(frozen=True)
class HtmlReport:
    pages: int
    precision: float  # mean over pages, token level
    recall: float
    token_f1: float  # mean of the pages' F1
    shingle_f1: float  # the benchmark's published measure
    failed: tuple[str, ...]  # pages that gave no text at all
    worst: tuple[tuple[str, float], ...]  # the lowest-scoring pages, for a look

    def to_json(self) -> dict[str, Any]:
        return {
            "pages": self.pages,
            "precision": self.precision,
            "recall": self.recall,
            "token_f1": self.token_f1,
            "shingle_f1": self.shingle_f1,
            "failed": list(self.failed),
            "worst": [list(pair) for pair in self.worst],
        }


def summarize(results: Sequence[tuple[str, str, str]], worst: int = 5) -> HtmlReport:
    """Scores of (page id, extracted text, gold text) triples."""
    if not results:
        raise ValueError("no pages to score")
    by_tokens = [(page, score_text(text, gold)) for page, text, gold in results]
    by_shingles = [score_shingles(text, gold) for _, text, gold in results]
    shingle_p = statistics.mean(s.precision for s in by_shingles if s.extracted)
    shingle_r = statistics.mean(s.recall for s in by_shingles if s.gold)
    ranked = sorted(((page, scores.f1) for page, scores in by_tokens), key=lambda pair: pair[1])
    return HtmlReport(
        pages=len(results),
        precision=statistics.mean(scores.precision for _, scores in by_tokens),
        recall=statistics.mean(scores.recall for _, scores in by_tokens),
        token_f1=statistics.mean(scores.f1 for _, scores in by_tokens),
        shingle_f1=2 * shingle_p * shingle_r / (shingle_p + shingle_r)
        if shingle_p + shingle_r
        else 0,
        failed=tuple(page for page, text, _ in results if not text.strip()),
        worst=tuple(ranked[:worst]),
    )


@dataclass(frozen=True)
class Page:
    id: str
    html: bytes
    gold: str
    url: str | None


def load_pages(folder: Path) -> list[Page]:
    """The benchmark's pages (`html/ID.html.gz`) with their gold bodies, in id order."""
    truth: dict[str, dict[str, Any]] = json.loads(
        (folder / "ground-truth.json").read_text(encoding="utf-8")
    )
    pages = []
    for page_id in sorted(truth):
        html = gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes())
        record = truth[page_id]
        pages.append(Page(page_id, html, record.get("articleBody") or "", record.get("url")))
    return pages


def evaluate_html(
    pages: Iterable[Page], extract: Callable[[Page], str] | None = None
) -> HtmlReport:
    """Score an extractor (default: casefile's HTML path, `article_from_html`) on the pages."""
    extract = extract or casefile_text
    return summarize([(page.id, extract(page), page.gold) for page in pages])


def casefile_text(page: Page) -> str:
    """The text casefile would analyse for this page: main text, headline and boilerplate cut."""
    from casefile.model import Skipped
    from casefile.sources.html import article_from_html

    article = article_from_html(page.html, url=page.url, source=page.id)
    return "" if isinstance(article, Skipped) else article.text
