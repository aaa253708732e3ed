"""`make bench`: the figures of the extractor on the evaluation sets, and its speed.

It prints; it asserts nothing (the quality gate lives in the tests). Sections:

    seed        the seed article: P/R/F1, date accuracy
    dev         the twelve-case dev set: the same, per type, and false events on ordinary news
    wikievents  WikiEvents dev, scored on its six Justice types only
    speed       extraction against a bare spaCy pass over the same texts
    timex       bench/timex.py's main(), when that file exists
    html        main text of the 181 article-extraction pages (token F1, issue 7)
    cases       the case layer on dev and dev-b: people across articles (B-cubed), merged
                timelines (F1), from gold events and end to end from the extractor (issues 5, 12)
    scale       bench/scale.py: one process against Dask workers, memory per worker, a
                growing store, command-line start-up (issue 16); `--full` for full size
    classifier  the statistical layer on and off, each set measured with weights not
                trained on it, and its cost (bench/classifier.py, issue 11)

Each section runs on its own: if the extractor cannot be imported, or a data
file is missing, the section says why and the others still run. The
evaluation files are read from ../shared/eval/ (DESIGN.md: never copied into
the project); `--eval-dir` points elsewhere.

    python bench/run.py [--section NAME ...] [--json FIGURES.json] [--verbose] [--full]
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import json
import platform
import sys
import time
import traceback
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from casefile.evaluate.events import (
    WIKIEVENTS_TYPES,
    GoldArticle,
    Report,
    format_report,
    format_table,
    load_gold,
    score,
)
from casefile.model import Article, Event

BENCH_DIR = Path(__file__).resolve().parent
DEFAULT_EVAL_DIR = BENCH_DIR.parent.parent / "shared" / "eval"
SPEED_REPEAT = 3  # best of three: the least disturbed run is the closest to the true cost
WARMUP_TEXTS = 5

Figures = dict[str, Any]


@dataclass(frozen=True)
class Extractor:
    """The extractor API the bench measures, imported once."""

    nlp: Any  # spacy.language.Language, kept untyped so this file does not import spaCy early
    extract_many: Callable[[Iterable[Article], Any], Iterable[Any]]
    version: str


class Bench:
    """What the sections share: where the data is, the extractor (loaded lazily), options."""

    def __init__(self, eval_dir: Path, verbose: bool, repeat: int) -> None:
        self.eval_dir = eval_dir
        self.verbose = verbose
        self.repeat = repeat
        self.full = False  # sections at the full sizes (case layer, scale)
        self._extractor: Extractor | None = None
        self._extractor_error: BaseException | None = None

    def extractor(self) -> Extractor:
        """The extractor, imported and loaded on first use; a failure is kept and re-raised."""
        if self._extractor_error is not None:
            raise self._extractor_error
        if self._extractor is None:
            try:
                from casefile.extract import EXTRACTOR_VERSION, extract_many, load_nlp

                self._extractor = Extractor(load_nlp(), extract_many, EXTRACTOR_VERSION)
            except Exception as error:
                self._extractor_error = error
                raise
        return self._extractor

    @property
    def extractor_version(self) -> str | None:
        """The version of the extractor measured, if it was loaded."""
        return self._extractor.version if self._extractor else None

    def predict(self, gold: Sequence[GoldArticle]) -> list[list[Event]]:
        """The extractor's events for each gold article, in gold order."""
        extractor = self.extractor()
        extractions = list(
            extractor.extract_many((record.to_article() for record in gold), extractor.nlp)
        )
        by_id = {
            extraction.article.source_id: list(extraction.events) for extraction in extractions
        }
        if len(by_id) == len(gold) and all(record.id in by_id for record in gold):
            return [by_id[record.id] for record in gold]
        if len(extractions) != len(gold):
            raise RuntimeError(f"{len(gold)} articles in, {len(extractions)} extractions out")
        return [list(extraction.events) for extraction in extractions]


# --- the sections ----------------------------------------------------------------


def seed_section(bench: Bench) -> Figures:
    """The one article DESIGN.md promises a full timeline for."""
    gold = load_gold(bench.eval_dir / "seed.jsonl")
    report = score(gold, bench.predict(gold))
    print(_summary_table(report))
    _print_errors(bench, report)
    return _summary_figures(report)


def dev_section(bench: Bench) -> Figures:
    """The dev set: overall and per-type scores, and what is invented on ordinary news."""
    return _gold_set(bench, bench.eval_dir / "dev" / "dev.jsonl")


def dev_b_section(bench: Bench) -> Figures:
    """dev-b, fourteen other cases: the check on rules written while reading dev (issue 11)."""
    return _gold_set(bench, bench.eval_dir / "dev" / "dev-b.jsonl")


def corpus_section(bench: Bench) -> Figures:
    """corpus/articles.jsonl: the project's own fictional articles, written by family of
    wording and style without reading the evaluation sets (corpus/README.md)."""
    return _gold_set(bench, BENCH_DIR.parent / "corpus" / "articles.jsonl")


def _gold_set(bench: Bench, path: Path) -> Figures:
    gold = load_gold(path)
    predicted = bench.predict(gold)
    report = score(gold, predicted)
    print(_summary_table(report))
    print()
    print(
        format_table(
            ["type", "P", "R", "matched", "predicted", "gold"],
            [
                [name, s.precision, s.recall, s.matched, s.predicted, s.gold]
                for name, s in report.per_type.items()
            ],
        )
    )

    negative = [index for index, record in enumerate(gold) if record.case == "negative"]
    negative_report = score([gold[i] for i in negative], [predicted[i] for i in negative])
    per_article = [
        [gold[i].id, score([gold[i]], [predicted[i]]).overall.predicted] for i in negative
    ]
    print()
    print(
        f"ordinary news: {negative_report.overall.predicted} predicted events "
        f"not matched to optional gold, over {len(negative)} articles"
    )
    if per_article:
        print(format_table(["article", "false events"], per_article))
    _print_errors(bench, report)
    return {
        **_summary_figures(report),
        "per_type": {name: s.to_json() for name, s in report.per_type.items()},
        "negative_articles": len(negative),
        "negative_false_events": negative_report.overall.predicted,
    }


def wikievents_section(bench: Bench) -> Figures:
    """Real news annotated by others; only the six Justice types are compared."""
    gold = load_gold(bench.eval_dir / "external" / "wikievents-dev.jsonl")
    report = score(gold, bench.predict(gold), types=WIKIEVENTS_TYPES)
    print(f"types: {', '.join(sorted(WIKIEVENTS_TYPES))}")
    print(_prf_table(report))
    _print_errors(bench, report)
    return {"articles": report.articles, **report.overall.to_json()}


def speed_section(bench: Bench) -> Figures:
    """Full extraction against a bare `nlp.pipe` of the same spaCy model, same texts.

    The bare pass is the floor the extractor's own rules are measured against:
    a ratio near 1 means the rules cost little beside the parse; a ratio
    below 1 on the general news stream means a prefilter skips what it should.
    The bare pipeline is loaded fresh from the model package, so components
    the extractor adds to its own `nlp` are not in it.
    """
    extractor = bench.extractor()
    bare = _bare_pipeline(extractor.nlp)
    print(f"model: {bare.meta['lang']}_{bare.meta['name']} {bare.meta['version']}")
    print(f"bare pipeline: {', '.join(bare.pipe_names)}")
    print(f"extractor pipeline: {', '.join(extractor.nlp.pipe_names)}")
    print(f"best of {bench.repeat} runs; words are whitespace-separated tokens")

    corpora = {
        "dev": [record.to_article() for record in load_gold(bench.eval_dir / "dev" / "dev.jsonl")],
        "dev-b": [
            record.to_article() for record in load_gold(bench.eval_dir / "dev" / "dev-b.jsonl")
        ],
        "news stream": _news_stream(bench.eval_dir),
    }
    rows, figures = [], {}
    for name, articles in corpora.items():
        measured = _measure(extractor, bare, articles, bench.repeat)
        figures[name] = measured
        extract_seconds, bare_seconds = measured["extract_seconds"], measured["bare_seconds"]
        count, words = measured["articles"], measured["words"]
        rows.append(
            [
                name,
                count,
                words,
                count / extract_seconds,
                words / extract_seconds,
                count / bare_seconds,
                words / bare_seconds,
                measured["ratio"],
            ]
        )
    print(
        format_table(
            [
                "texts",
                "articles",
                "words",
                "extract art/s",
                "extract words/s",
                "bare art/s",
                "bare words/s",
                "ratio",
            ],
            [[_round(value) for value in row] for row in rows],
        )
    )
    print("ratio: extraction time / bare spaCy time (below 1: faster than the bare parse)")
    _print_prefilter(corpora, bench.eval_dir)
    return figures


def _print_prefilter(corpora: dict[str, list[Article]], eval_dir: Path) -> None:
    """How many articles the trigger prefilter lets through to the parser, and whether it
    turns away any development article that has required gold events (it must not)."""
    from casefile.extract.prefilter import could_hold_events

    for name, articles in corpora.items():
        parsed = sum(could_hold_events(article.text) for article in articles)
        print(f"prefilter, {name}: {parsed} of {len(articles)} articles parsed")
    gold = load_gold(eval_dir / "dev" / "dev.jsonl")
    lost = [
        record.id
        for record in gold
        if any(not event.optional for event in record.events)
        and not could_hold_events(record.to_article().text)
    ]
    print(f"prefilter, dev articles with required events turned away: {len(lost)} {lost or ''}")


def timex_section(bench: Bench) -> Figures:
    """The time-expression bench, when bench/timex.py exists (written separately)."""
    return _run_bench_file("timex.py", ["--eval-dir", str(bench.eval_dir)])


def scale_section(bench: Bench) -> Figures:
    """bench/scale.py: Dask workers against one process, memory, a growing store, start-up."""
    return _run_bench_file("scale.py", ["--full"] if bench.full else [])


def _run_bench_file(name: str, argv: list[str]) -> Figures:
    """Run the `main()` of another file of bench/, with its own arguments."""
    path = BENCH_DIR / name
    if not path.exists():
        print(f"bench/{name} does not exist yet: skipped")
        return {"skipped": f"bench/{name} missing"}
    spec = importlib.util.spec_from_file_location(f"casefile_bench_{path.stem}", path)
    if spec is None or spec.loader is None:
        raise RuntimeError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    main = getattr(module, "main", None)
    if not callable(main):
        print(f"bench/{name} defines no main(): skipped")
        return {"skipped": "no main()"}
    saved_argv = sys.argv
    sys.argv = [str(path), *argv]  # its own argument parser must not see ours
    try:
        result = main()
    except SystemExit as exit_:
        result = None if exit_.code in (None, 0) else {"exit": exit_.code}
    finally:
        sys.argv = saved_argv
    return result if isinstance(result, dict) else {}


def html_section(bench: Bench) -> Figures:
    """casefile's HTML path (`article_from_html`) on the 181 real pages of article-extraction."""
    from casefile.evaluate.html import evaluate_html, load_pages

    report = evaluate_html(load_pages(bench.eval_dir / "article-extraction"))
    print(
        format_table(
            ["pages", "token P", "token R", "token F1", "shingle F1", "no text"],
            [
                [
                    report.pages,
                    report.precision,
                    report.recall,
                    report.token_f1,
                    report.shingle_f1,
                    len(report.failed),
                ]
            ],
        )
    )
    print("token F1: mean over pages; shingle F1: the benchmark's own measure (4-grams)")
    if bench.verbose:
        print(format_table(["worst pages", "token F1"], [list(pair) for pair in report.worst]))
    return report.to_json()


CASE_SETS = ("dev.jsonl", "dev-b.jsonl")  # the two dev sets, each the other's check


def cases_section(bench: Bench) -> Figures:
    """Person clustering and case timelines on dev and dev-b (`casefile.evaluate.cases`).

    (a) gold events in: the cross-document layer alone; (b) the extractor's
    events in: the whole pipeline, bounded by the extractor's recall; (c) the
    same through a store.
    """
    figures = {}
    for name in CASE_SETS:
        path = bench.eval_dir / "dev" / name
        if not path.exists():
            print(f"{name}: not found, skipped")
            continue
        print(f"-- {name}")
        figures[name] = _cases_on(bench, load_gold(path))
    return figures


def _cases_on(bench: Bench, gold: Sequence[GoldArticle]) -> Figures:
    from casefile.cases import build_cases
    from casefile.evaluate.cases import gold_extractions, score_cases

    rows, figures = [], {}
    fed = gold_extractions(gold)
    runs = {"gold events": fed}
    try:
        extractor = bench.extractor()
        articles = [record.to_article() for record in gold]
        runs["extractor"] = list(extractor.extract_many(articles, extractor.nlp))
    except Exception as error:  # the layer's own figures still count
        print(f"extractor unavailable, end-to-end run skipped: {type(error).__name__}: {error}")
    built = {name: build_cases(extractions) for name, extractions in runs.items()}
    if "extractor" in runs:
        runs["store"], built["store"] = runs["extractor"], _cases_through_store(gold)
    for name, extractions in runs.items():
        report = score_cases(gold, [list(x.events) for x in extractions], built[name])
        figures[name] = report.to_json()
        clustering, timelines, named = report.clustering, report.timelines, report.named_timelines
        rows.append(
            [
                name,
                clustering.precision,
                clustering.recall,
                clustering.f1,
                f"{clustering.items}/{report.named_events}",
                timelines.precision,
                timelines.recall,
                timelines.f1,
                named.f1,
                report.cases,
                report.gold_people,
            ]
        )
    print(
        format_table(
            [
                "input",
                "B3 P",
                "B3 R",
                "B3 F1",
                "placed",
                "timeline P",
                "timeline R",
                "timeline F1",
                "named F1",
                "cases",
                "gold people",
            ],
            rows,
        )
    )
    print("B3: person clustering over named gold events placed by a matching prediction;")
    print("timeline: merged case events against gold merged across articles; named: proper names;")
    print("store: `casefile ingest` into a new SQLite store, then `Store.cases()`")
    return figures


def _cases_through_store(gold: Sequence[GoldArticle]) -> list[Any]:
    """The cases `casefile ingest` + `casefile cases` give, in a throwaway SQLite store."""
    import tempfile

    from casefile.pipeline import ingest_items
    from casefile.store import Store

    with (
        tempfile.TemporaryDirectory() as folder,
        Store.open(f"sqlite:///{folder}/bench.db") as store,
    ):
        ingest_items([record.to_article() for record in gold], store)
        return store.cases()


def caseupdate_section(bench: Bench) -> Figures:
    """Incremental resolution and materialised case files (bench/caselayer.py)."""
    from caselayer import update_section

    return update_section(bench.full)


def caselist_section(bench: Bench) -> Figures:
    """The case list served from materialised case files (bench/caselayer.py)."""
    from caselayer import serve_section

    return serve_section(bench.full)


def classifier_section(bench: Bench) -> Figures:
    """The event-type classifier on and off (bench/classifier.py says how it is kept honest)."""
    from classifier import measure

    figures: Figures = measure(bench.eval_dir, bench.extractor().nlp, bench.repeat, _best_time)
    return figures


SECTIONS: dict[str, tuple[str, Callable[[Bench], Figures]]] = {
    "seed": ("a. Seed article", seed_section),
    "dev": ("b. Dev set", dev_section),
    "dev-b": ("b2. Dev-b set (fourteen other cases)", dev_b_section),
    "corpus": ("b3. The project's own corpus (fictional articles)", corpus_section),
    "wikievents": ("c. WikiEvents dev (six Justice types)", wikievents_section),
    "speed": ("d. Speed", speed_section),
    "timex": ("e. Time expressions", timex_section),
    "html": ("f. HTML main text (article-extraction, 181 pages)", html_section),
    "cases": ("g. Case files (dev, dev-b: people across articles, timelines)", cases_section),
    "caseupdate": ("h. Case layer: adding one article to growing stores", caseupdate_section),
    "caselist": ("i. /cases.json under 8 clients, idle and during ingest", caselist_section),
    "scale": ("j. Scale (Dask workers, a growing store, command-line start-up)", scale_section),
    "classifier": ("k. Statistical layer, on unseen sets (issue 11)", classifier_section),
}


# --- helpers -----------------------------------------------------------------------


def _summary_table(report: Report) -> str:
    dates = report.dates
    return format_table(
        ["articles", "P", "R", "F1", "matched", "predicted", "gold", "date acc", "dated"],
        [
            [
                report.articles,
                report.precision,
                report.recall,
                report.f1,
                report.overall.matched,
                report.overall.predicted,
                report.overall.gold,
                dates.value,
                dates.total,
            ]
        ],
    )


def _prf_table(report: Report) -> str:
    overall = report.overall
    return format_table(
        ["articles", "P", "R", "F1", "matched", "predicted", "gold"],
        [
            [
                report.articles,
                overall.precision,
                overall.recall,
                overall.f1,
                overall.matched,
                overall.predicted,
                overall.gold,
            ]
        ],
    )


def _summary_figures(report: Report) -> Figures:
    return {
        "articles": report.articles,
        **report.overall.to_json(),
        "date_accuracy": report.dates.value,
        "dated": report.dates.total,
    }


def _print_errors(bench: Bench, report: Report) -> None:
    if bench.verbose:
        print()
        print(format_report(report, verbose=True))


def _bare_pipeline(nlp: Any) -> Any:
    """A fresh copy of the model the extractor uses, with nothing the extractor added."""
    import spacy

    return spacy.load(f"{nlp.meta['lang']}_{nlp.meta['name']}")


def _news_stream(eval_dir: Path) -> list[Article]:
    """The article-extraction benchmark's main texts: ordinary news, mostly without events."""
    pages = json.loads(
        (eval_dir / "article-extraction" / "ground-truth.json").read_text(encoding="utf-8")
    )
    return [
        Article(text=page["articleBody"], url=page.get("url"), source_id=page_id)
        for page_id, page in pages.items()
    ]


def _measure(extractor: Extractor, bare: Any, articles: list[Article], repeat: int) -> Figures:
    """Warm both pipelines up on a few texts, then time each over all of them."""
    texts = [article.text for article in articles]
    list(extractor.extract_many(articles[:WARMUP_TEXTS], extractor.nlp))
    list(bare.pipe(texts[:WARMUP_TEXTS]))
    extract_seconds = _best_time(
        lambda: list(extractor.extract_many(articles, extractor.nlp)), repeat
    )
    bare_seconds = _best_time(lambda: list(bare.pipe(texts)), repeat)
    return {
        "articles": len(texts),
        "words": sum(len(text.split()) for text in texts),
        "extract_seconds": extract_seconds,
        "bare_seconds": bare_seconds,
        "ratio": extract_seconds / bare_seconds,
    }


def _best_time(run: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def _round(value: object) -> object:
    """Rates are shown as whole numbers, the ratio to two places."""
    if isinstance(value, float) and value >= 10:
        return round(value)
    if isinstance(value, float):
        return f"{value:.2f}"
    return value


def run(names: Sequence[str], bench: Bench) -> dict[str, Figures]:
    """Run the named sections in order; a failing section is reported and skipped."""
    figures: dict[str, Figures] = {}
    for name in names:
        title, section = SECTIONS[name]
        print(f"\n== {title} ==")
        try:
            figures[name] = section(bench)
        except Exception as error:
            print(f"section {name} failed: {type(error).__name__}: {error}")
            if bench.verbose:
                traceback.print_exc(file=sys.stdout)
            figures[name] = {"error": f"{type(error).__name__}: {error}"}
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--section",
        action="append",
        choices=list(SECTIONS),
        help="run only this section (repeatable); default all",
    )
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the figures here")
    parser.add_argument("--verbose", action="store_true", help="list false positives and misses")
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    parser.add_argument(
        "--repeat", type=int, default=SPEED_REPEAT, help="speed runs to take the best of"
    )
    parser.add_argument(
        "--full",
        action="store_true",
        help="case-layer and scale sections at full size (10,000 articles; most of an hour)",
    )
    args = parser.parse_args(argv)
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(line_buffering=True)  # each figure shows as soon as it is known

    bench = Bench(args.eval_dir, args.verbose, max(1, args.repeat))
    bench.full = args.full
    names = [name for name in SECTIONS if not args.section or name in args.section]
    figures = run(names, bench)
    print(f"\nextractor: {bench.extractor_version or 'not loaded'}")
    if args.json:
        meta = {
            "extractor": bench.extractor_version,
            "python": platform.python_version(),
            "when": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        args.json.write_text(
            json.dumps({"meta": meta, **figures}, indent=2, ensure_ascii=False) + "\n",
            encoding="utf-8",
        )
        print(f"\nfigures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
