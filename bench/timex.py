"""Benchmark the time-expression tagger on the TempEval-3 platinum set.

    python bench/timex.py [--errors] [--corpus ../shared/eval/tempeval3]

Prints strict and relaxed extent P/R/F1, type and value F1 (TempEval-3
definitions, see casefile.evaluate_timex) beside the published figures of
HeidelTime and SUTime, and the wall time of tagging the whole set in this
process (reading files and importing excluded).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from casefile.evaluate_timex import list_errors, read_corpus, score, tag_corpus

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "eval" / "tempeval3"

# Published results on this set (UzZaman et al., 2013), F1 in percent.
PUBLISHED = {
    "HeidelTime": {"strict": 81.34, "relaxed": 90.30, "value": 77.61},
    "SUTime": {"value": 67.38},
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--errors", action="store_true", help="list every disagreement")
    parser.add_argument("--repeat", type=int, default=5, help="timing runs; the best is shown")
    args = parser.parse_args()

    documents = read_corpus(args.corpus)
    tag_corpus(documents[:1])  # warm-up: regex compilation and first-call costs
    best = float("inf")
    for _ in range(args.repeat):
        started = time.perf_counter()
        predictions = tag_corpus(documents)
        best = min(best, time.perf_counter() - started)
    figures = score(documents, predictions)

    counts = figures["counts"]
    print(
        f"TempEval-3 platinum: {len(documents)} documents, {int(counts['gold'])} gold, "
        f"{int(counts['predicted'])} predicted"
    )
    print(f"{'':10} {'P':>7} {'R':>7} {'F1':>7}   HeidelTime F1   SUTime F1")
    for name in ("strict", "relaxed", "type", "value"):
        row = figures[name]
        heidel = PUBLISHED["HeidelTime"].get(name)
        sutime = PUBLISHED["SUTime"].get(name)
        print(
            f"{name:10} {100 * row['precision']:7.2f} {100 * row['recall']:7.2f} "
            f"{100 * row['f1']:7.2f}   {heidel or '':>13}   {sutime or '':>9}"
        )
    print(f"tagging time: {1000 * best:.1f} ms for the whole set (best of {args.repeat})")
    if args.errors:
        for error in list_errors(documents, predictions):
            print(error.describe())


if __name__ == "__main__":
    main()
