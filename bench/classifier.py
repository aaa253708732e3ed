"""`make bench` section "classifier": the statistical layer on and off, on unseen text only.

The shipped weights (`casefile/data/event_classifier.json`) were trained on
dev + the project's corpus, so dev-b is the set they never saw: the layer is
measured there with them. For dev, weights are trained here, the same way,
on dev-b + corpus (`scripts/train_event_classifier.py`), into a temporary
file. Each set is parsed once; the extractor's rules then run on the parsed
documents (those the prefilter lets through, as `casefile eval` does) with
the layer off and at three thresholds. Last, its cost: the time the layer
adds per 1,000 sentences, and full extraction of dev-b with and without it
against a bare `nlp.pipe` pass (target: within 1.5x).

    python bench/run.py --section classifier
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from casefile.evaluate.events import format_table, load_gold, score
from casefile.extract import classify, extract_doc, extract_many
from casefile.extract.prefilter import could_hold_events

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "articles.jsonl"
THRESHOLDS = ("0.3", "0.5", "0.7")


@contextmanager
def layer(setting: str, threshold: str = "") -> Iterator[None]:
    """The classifier's settings for a while (the extractor reads them at each sentence)."""
    saved = {name: os.environ.get(name) for name in (classify.SETTING, classify.THRESHOLD_SETTING)}
    os.environ[classify.SETTING] = setting
    os.environ[classify.THRESHOLD_SETTING] = threshold
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


Timer = Callable[[Callable[[], object], int], float]  # run.py's best-of-n timer


def measure(eval_dir: Path, nlp: Any, repeat: int, best: Timer) -> dict[str, Any]:
    dev, dev_b = eval_dir / "dev" / "dev.jsonl", eval_dir / "dev" / "dev-b.jsonl"
    shipped = json.loads(
        (ROOT / "src" / "casefile" / "data" / classify.WEIGHTS_FILE).read_text(encoding="utf-8")
    )
    print(
        f"shipped weights: trained on {', '.join(shipped['trained_on'])}; "
        f"threshold {shipped['threshold']}, on by default: {shipped['enabled']}"
    )
    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as folder:
        crossed = Path(folder) / "weights.json"
        _train([dev_b, *([CORPUS] if CORPUS.exists() else [])], crossed)
        rows = []
        for name, path, weights, trained in (
            ("dev-b", dev_b, "on", "dev + corpus (shipped)"),
            ("dev", dev, str(crossed), "dev-b + corpus"),
        ):
            gold = load_gold(path)
            articles = [record.to_article() for record in gold]
            docs = list(nlp.pipe([article.text for article in articles], batch_size=32))
            for label, setting, threshold in (
                ("off", "off", ""),
                *((f"on, p >= {t}", weights, t) for t in THRESHOLDS),
            ):
                with layer(setting, threshold):
                    predicted = [
                        list(extract_doc(a, d).events) if could_hold_events(a.text) else []
                        for a, d in zip(articles, docs, strict=True)
                    ]
                overall = score(gold, predicted).overall
                figures[f"{name} {label}"] = overall.to_json()
                rows.append(
                    [
                        name,
                        trained,
                        label,
                        overall.precision,
                        overall.recall,
                        overall.f1,
                        overall.matched,
                        overall.predicted,
                    ]
                )
        print(
            format_table(
                ["set", "weights trained on", "layer", "P", "R", "F1", "matched", "predicted"],
                [[_cell(v) for v in row] for row in rows],
            )
        )
    figures["cost"] = _cost(dev_b, nlp, repeat, best)
    return figures


def _train(paths: list[Path], out: Path) -> None:
    script = ROOT / "scripts" / "train_event_classifier.py"
    spec = importlib.util.spec_from_file_location("casefile_train_event_classifier", script)
    if spec is None or spec.loader is None:
        raise RuntimeError(f"cannot import {script}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main([*map(str, paths), "--out", str(out), "--prune", "0.05", "--threshold", "0.5"])


def _cost(path: Path, nlp: Any, repeat: int, best: Timer) -> dict[str, Any]:
    import spacy

    articles = [record.to_article() for record in load_gold(path)]
    texts = [article.text for article in articles]
    docs = list(nlp.pipe(texts, batch_size=32))
    sentences = [sentence for doc in docs for sentence in doc.sents]
    model = classify._load(None)
    layer_seconds = best(lambda: [classify.propose(s, model) for s in sentences], repeat)
    bare = spacy.load(f"{nlp.meta['lang']}_{nlp.meta['name']}")
    bare_seconds = best(lambda: list(bare.pipe(texts, batch_size=32)), repeat)
    timed = {}
    for label, setting in (("off", "off"), ("on", "on")):
        with layer(setting):
            timed[label] = best(lambda: list(extract_many(articles, nlp)), repeat)
    per_thousand = layer_seconds / len(sentences) * 1000
    print(
        f"\ncost on dev-b ({len(sentences)} sentences, best of {repeat}): the layer's scoring "
        f"{per_thousand:.2f} s per 1,000 sentences"
    )
    print(
        format_table(
            ["dev-b", "seconds", "ratio to bare nlp.pipe"],
            [
                ["bare nlp.pipe", f"{bare_seconds:.2f}", "1.00"],
                [
                    "extraction, layer off",
                    f"{timed['off']:.2f}",
                    f"{timed['off'] / bare_seconds:.2f}",
                ],
                ["extraction, layer on", f"{timed['on']:.2f}", f"{timed['on'] / bare_seconds:.2f}"],
            ],
        )
    )
    return {
        "sentences": len(sentences),
        "layer_seconds_per_1000_sentences": per_thousand,
        "bare_seconds": bare_seconds,
        "ratio_off": timed["off"] / bare_seconds,
        "ratio_on": timed["on"] / bare_seconds,
    }


def _cell(value: object) -> object:
    return f"{value:.3f}" if isinstance(value, float) else value


if __name__ == "__main__":
    sys.exit("run it as: python bench/run.py --section classifier")
