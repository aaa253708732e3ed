"""Benchmark the time-expression tagger on TempEval-3 platinum and on TimeBank.

    python bench/timex.py [--errors] [--eval-dir ../shared/eval] [--corpus FOLDER ...]
                          [--half a|b] [--repeat N]

For each corpus (by default the platinum test set `tempeval3/` and the
183 TimeBank documents `timebank/`, then each fixed half of TimeBank, see
`--half`) prints strict and relaxed extent F1,
type and value F1 (TempEval-3 definitions, see casefile.evaluate.timex),
with P and R; HeidelTime's and SUTime's published platinum figures beside;
and the wall time of tagging the 20 platinum documents in this process
(reading files and importing excluded, best of `--repeat`).

`--half a` or `--half b` keeps one of two fixed halves of each corpus (split
by a hash of the file name), so that a rule written while reading one half's
`--errors` can be checked on the half that was not read.
"""

from __future__ import annotations

import argparse
import time
import zlib
from pathlib import Path
from typing import Any

from casefile.evaluate.timex import TimeMLDocument, list_errors, read_corpus, score, tag_corpus

DEFAULT_EVAL_DIR = Path(__file__).resolve().parents[2] / "shared" / "eval"
CORPORA = {"platinum": "tempeval3", "TimeBank": "timebank"}
MEASURES = ("value", "type", "strict", "relaxed")

# Published results on the platinum set (UzZaman et al., 2013), F1 in percent.
PUBLISHED = {
    "HeidelTime": {"strict": 81.34, "relaxed": 90.30, "value": 77.61},
    "SUTime": {"value": 67.38},
}


def half_of(name: str) -> str:
    """Which fixed half ("a" or "b") a document belongs to: a hash of its name, not its content."""
    return "ab"[zlib.crc32(name.encode("utf-8")) % 2]


def best_time(documents: list[TimeMLDocument], repeat: int) -> float:
    """Seconds to tag `documents` once, the least disturbed of `repeat` runs."""
    tag_corpus(documents[:1])  # warm-up: first-call costs
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        tag_corpus(documents)
        best = min(best, time.perf_counter() - started)
    return best


def report(name: str, documents: list[TimeMLDocument], *, errors: bool) -> dict[str, Any]:
    """Score one corpus, print its table, return its F1 figures."""
    predictions = tag_corpus(documents)
    figures = score(documents, predictions)
    counts = figures["counts"]
    print(
        f"{name}: {len(documents)} documents, {int(counts['gold'])} gold, "
        f"{int(counts['predicted'])} predicted"
    )
    print(f"  {'':8} {'P':>7} {'R':>7} {'F1':>7}   HeidelTime F1 (platinum)   SUTime F1")
    for measure in MEASURES:
        row = figures[measure]
        heidel = PUBLISHED["HeidelTime"].get(measure)
        sutime = PUBLISHED["SUTime"].get(measure)
        print(
            f"  {measure:8} {100 * row['precision']:7.2f} {100 * row['recall']:7.2f} "
            f"{100 * row['f1']:7.2f}   {f'{heidel:.2f}' if heidel else '':>24}"
            f"   {f'{sutime:.2f}' if sutime else '':>9}"
        )
    if errors:
        for error in list_errors(documents, predictions):
            print(error.describe())
    return {measure: round(figures[measure]["f1"], 4) for measure in MEASURES}


def main() -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    parser.add_argument(
        "--corpus", type=Path, action="append", help="score these folders instead of the two"
    )
    parser.add_argument("--half", choices=("a", "b"), help="keep one fixed half of each corpus")
    parser.add_argument("--errors", action="store_true", help="list every disagreement")
    parser.add_argument("--repeat", type=int, default=5, help="timing runs; the best is shown")
    args = parser.parse_args()

    folders = (
        {folder.name: folder for folder in args.corpus}
        if args.corpus
        else {name: args.eval_dir / sub for name, sub in CORPORA.items()}
    )
    result: dict[str, Any] = {}
    for name, folder in folders.items():
        documents = read_corpus(folder)
        if not documents:
            print(f"{name}: no .tml files in {folder}: skipped")
            continue
        if args.half:
            documents = [d for d in documents if half_of(d.name) == args.half]
            name = f"{name} (half {args.half})"
        result[name] = report(name, documents, errors=args.errors)
        if name == "TimeBank" and not args.corpus:
            for half in "ab":  # the half whose errors were read, and the half kept for checking
                part = [d for d in documents if half_of(d.name) == half]
                result[f"{name} half {half}"] = report(
                    f"{name} half {half}", part, errors=args.errors
                )
    platinum = args.eval_dir / CORPORA["platinum"]
    documents = read_corpus(platinum)
    if documents and args.repeat > 0:
        seconds = best_time(documents, args.repeat)
        print(
            f"tagging time: {seconds:.3f} s for the {len(documents)} platinum documents "
            f"(one process, start-up excluded, best of {args.repeat}; HeidelTime: 49 s)"
        )
        result["platinum seconds"] = round(seconds, 4)
    return result


if __name__ == "__main__":
    main()
