"""Train the event-type classifier of `casefile/extract/classify.py` on gold files.

    .venv/bin/python scripts/train_event_classifier.py TRAIN.jsonl [TRAIN2.jsonl ...]
        [--out src/casefile/data/event_classifier.json] [--l2 0.001] [--threshold 0.5]
        [--measure HELDOUT.jsonl] [--disabled]

Labels: a sentence of an article is positive for type T when a gold event of
type T (optional or not) gives that sentence as its evidence; every other
sentence is negative for T. The sentences are spaCy's, as the extractor sees
them (boilerplate cut as at ingestion); a gold evidence is matched to the
sentences it covers.

The model is one logistic regression per type over the binary features of
`classify.sentence_features`, with an L2 penalty, fitted by full-batch Adam in
numpy (the loss is convex; the script prints it at the end so a run that has
not converged shows). Features seen in fewer than `--min-count` training
sentences are left out, and weights closer to zero than `--prune` are not
written, which keeps the file small without changing a score measurably.

`--measure` prints the sentence-level average precision per type on a gold
file the model was not trained on: the quick check before the end-to-end
`casefile eval` with `CASEFILE_EVENT_CLASSIFIER=PATH`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from casefile.evaluate.events import GoldArticle, load_gold
from casefile.extract import classify
from casefile.extract.nlp import load_nlp
from casefile.model import EVENT_TYPES

Sentence = tuple[list[str], set[str]]  # features, types told


def labelled_sentences(gold: list[GoldArticle]) -> tuple[list[Sentence], int]:
    """Every sentence of every article with its features and the types its evidence gives."""
    nlp = load_nlp()
    texts = [article.to_article().text for article in gold]
    found: list[Sentence] = []
    unmatched = 0
    for article, doc in zip(gold, nlp.pipe(texts, batch_size=16), strict=True):
        spans = []
        for event in article.events:
            start = doc.text.find(event.evidence.strip()) if event.evidence.strip() else -1
            if start < 0:
                unmatched += 1
                continue
            spans.append((start, start + len(event.evidence.strip()), event.type))
        for sentence in doc.sents:
            features = [f for _, owned in classify.sentence_features(sentence) for f in owned]
            told = {
                event_type
                for start, end, event_type in spans
                if _covers(start, end, sentence.start_char, sentence.end_char)
            }
            found.append((features, told))
    return found, unmatched


def _covers(start: int, end: int, sentence_start: int, sentence_end: int) -> bool:
    """Does an evidence span hold this sentence (or most of it, when the parser split it)?"""
    overlap = min(end, sentence_end) - max(start, sentence_start)
    return overlap > 0 and (
        overlap >= 0.5 * (sentence_end - sentence_start) or overlap >= 0.5 * (end - start)
    )


class Matrix:
    """Binary sparse rows (compressed), with the two products the gradient needs."""

    def __init__(self, rows: list[list[int]], width: int) -> None:
        self.width = width
        self.lengths = np.array([len(r) for r in rows])
        self.indices = np.array([i for r in rows for i in r], dtype=np.int64)
        self.row_of = np.repeat(np.arange(len(rows)), self.lengths)

    def times(self, weights: np.ndarray) -> np.ndarray:
        out = np.zeros((len(self.lengths), weights.shape[1]))
        np.add.at(out, self.row_of, weights[self.indices])
        return out

    def transposed_times(self, residual: np.ndarray) -> np.ndarray:
        out = np.zeros((self.width, residual.shape[1]))
        np.add.at(out, self.indices, residual[self.row_of])
        return out


def fit(
    matrix: Matrix, labels: np.ndarray, l2: float, steps: int = 400, rate: float = 0.05
) -> tuple[np.ndarray, np.ndarray, float]:
    """Weights and biases minimising the mean log loss + l2/2 |W|^2, by full-batch Adam."""
    count, types = labels.shape
    weights = np.zeros((matrix.width, types))
    bias = np.log((labels.mean(axis=0) + 1e-4) / (1 - labels.mean(axis=0) + 1e-4))
    moments = [np.zeros_like(weights), np.zeros_like(weights), np.zeros(types), np.zeros(types)]
    loss = 0.0
    for step in range(1, steps + 1):
        logits = matrix.times(weights) + bias
        probability = 1 / (1 + np.exp(-logits))
        residual = (probability - labels) / count
        grad_w = matrix.transposed_times(residual) + l2 * weights
        grad_b = residual.sum(axis=0)
        for (first, second), grad, param in (
            (moments[0:2], grad_w, weights),
            (moments[2:4], grad_b, bias),
        ):
            first *= 0.9
            first += 0.1 * grad
            second *= 0.999
            second += 0.001 * grad**2
            param -= rate * (first / (1 - 0.9**step)) / (np.sqrt(second / (1 - 0.999**step)) + 1e-8)
        if step == steps:
            eps = 1e-12
            loss = float(
                -np.mean(
                    labels * np.log(probability + eps)
                    + (1 - labels) * np.log(1 - probability + eps)
                )
                * types
                + l2 / 2 * np.sum(weights**2)
            )
    return weights, bias, loss


def average_precision(scores: np.ndarray, truth: np.ndarray) -> float:
    order = np.argsort(-scores)
    hits = truth[order]
    if hits.sum() == 0:
        return float("nan")
    precision_at = np.cumsum(hits) / np.arange(1, len(hits) + 1)
    return float((precision_at * hits).sum() / hits.sum())


def train(
    sentences: list[Sentence],
    l2: float = 0.001,
    steps: int = 300,
    min_count: int = 2,
    prune: float = 0.05,
    threshold: float = 0.5,
) -> dict[str, Any]:
    """The weights file's content (see `classify.model_from_json`) for labelled sentences."""
    types = list(EVENT_TYPES)
    seen = Counter(f for features, _ in sentences for f in set(features))
    vocabulary = sorted(f for f, n in seen.items() if n >= min_count)
    index = {f: i for i, f in enumerate(vocabulary)}
    matrix = Matrix(
        [sorted({index[f] for f in fs if f in index}) for fs, _ in sentences], len(index)
    )
    labels = np.array([[t in told for t in types] for _, told in sentences], dtype=float)
    print(
        f"{len(sentences)} sentences, {len(vocabulary)} features, "
        f"{int(labels.sum())} positive sentence-type pairs",
        file=sys.stderr,
    )
    weights, bias, loss = fit(matrix, labels, l2, steps)
    print(f"final loss {loss:.4f}", file=sys.stderr)
    pairs: dict[str, list[list[float]]] = {}
    for feature, row in zip(vocabulary, weights, strict=True):
        kept = [[i, round(float(w), 4)] for i, w in enumerate(row) if abs(w) >= prune]
        if kept:
            pairs[feature] = kept
    return {
        "l2": l2,
        "enabled": True,
        "threshold": threshold,
        "types": types,
        "bias": [round(float(b), 4) for b in bias],
        "weights": pairs,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("train", nargs="+", type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--l2", type=float, default=0.001)
    parser.add_argument("--steps", type=int, default=300)
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--prune", type=float, default=0.05)
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--measure", type=Path, action="append", default=[])
    parser.add_argument("--disabled", action="store_true", help="ship off by default")
    parser.add_argument("--note", default="", help="a sentence on the figures, kept in the file")
    args = parser.parse_args(argv)

    sentences: list[Sentence] = []
    for path in args.train:
        found, unmatched = labelled_sentences(load_gold(path))
        sentences += found
        print(f"{path}: {len(found)} sentences, {unmatched} evidences not found", file=sys.stderr)
    data = {
        "trained_on": [path.name for path in args.train],
        "note": args.note,
        **train(sentences, args.l2, args.steps, args.min_count, args.prune, args.threshold),
    }
    data["enabled"] = not args.disabled
    types = list(EVENT_TYPES)
    model = classify.model_from_json(data)
    for path in args.measure:
        held, _ = labelled_sentences(load_gold(path))
        scores = np.array([model.scores(fs) for fs, _ in held])
        truth = np.array([[t in told for t in types] for _, told in held], dtype=float)
        per_type = {
            t: average_precision(scores[:, i], truth[:, i])
            for i, t in enumerate(types)
            if truth[:, i].sum() > 0
        }
        micro = average_precision(scores.ravel(), truth.ravel())
        print(f"{path.name}: micro average precision {micro:.3f}", file=sys.stderr)
        for t, value in sorted(per_type.items(), key=lambda kv: -kv[1]):
            print(
                f"  {t:22} AP {value:.3f}  ({int(truth[:, types.index(t)].sum())})", file=sys.stderr
            )
    if args.out:
        args.out.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
