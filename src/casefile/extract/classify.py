"""A statistical event-type classifier: candidates for wording the lexicon does not know.

The lexicon (`triggers.py`) is precise on the wording it lists and blind to the
rest: on reporting its rules were not written against, most misses are
sentences no trigger covers ("the migration service declined to recognise him
as a refugee", calques of translated reporting). This module reads the parse
spaCy has already made and scores each sentence for every event type; where a
type scores above the threshold and the rules proposed nothing of that type in
the sentence, it names the word that carried the score as the trigger, and the
rules then attach the person, date and place and apply their filters
(negation, fears and demands, infinitives, questions) exactly as for a
lexicon trigger. A proposal the rules cannot attach to anyone is dropped.

Why this design:

- Sentence-level, multi-label logistic regression (one-vs-rest, one weight
  vector per type): the gold sets say which sentence tells which type (the
  evidence), not which word, so a sentence is the unit the labels support;
  a sentence may tell several types.
- Sparse features from the parse spaCy already made (lemmas of content
  words, lemma + dependency, a verb or noun with each of its arguments,
  prepositions with their objects, names reduced to their entity type, the
  sentence's negation and modal cues): no second model, no vectors to
  download, and scoring is a few dictionary look-ups per word.
- Every feature belongs to one word, so a type's score splits over the
  sentence's words and the word that contributes most is the trigger: the
  proposal is as explainable as a lexicon rule (`<type>/classifier`).
- Weights in a small JSON file under `casefile/data/` (`event_classifier.json`),
  scored in plain Python; training (`scripts/train_event_classifier.py`) uses
  numpy only, which spaCy already installs.

The shipped weights were trained on `../shared/eval/dev/dev.jsonl` and
`corpus/articles.jsonl` (90 articles) and on nothing else, so dev-b stays
their unseen measure; the weights file says so (`trained_on`) and the README
("Statistical layer") gives the figures with and without the layer: on dev-b
F1 0.468 -> 0.472 at the default threshold 0.5, a small gain.

`CASEFILE_EVENT_CLASSIFIER` chooses: unset uses the shipped weights as their
file says (`enabled`), `off` disables the layer, `on` forces it, a path loads
other weights (for measuring a model trained on one set against another);
`CASEFILE_EVENT_CLASSIFIER_THRESHOLD` overrides the probability threshold.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from spacy.tokens import Span, Token

from casefile.extract import syntax

WEIGHTS_FILE = "event_classifier.json"
SETTING = "CASEFILE_EVENT_CLASSIFIER"
THRESHOLD_SETTING = "CASEFILE_EVENT_CLASSIFIER_THRESHOLD"

# Words whose features are read: content words. Auxiliaries and names carry no event.
CONTENT_POS = frozenset({"VERB", "NOUN", "ADJ"})
# The words that can be a trigger: what the rules know how to attach arguments to.
TRIGGER_POS = frozenset({"VERB", "NOUN"})
# A word's arguments, paired with it ("detain|dobj|PERSON", "flee|prep:to|GPE").
ARGUMENT_DEPS = frozenset(
    {
        "nsubj",
        "nsubjpass",
        "dobj",
        "dative",
        "attr",
        "oprd",
        "acomp",
        "xcomp",
        "prt",
        "agent",
        "compound",
        "amod",
        "poss",
    }
)
# Names stand for their kind: "deported PERSON to GPE" generalises, "deported Ali" does not.
ENTITY_KINDS = frozenset({"PERSON", "GPE", "NORP", "ORG", "DATE", "LOC", "FAC", "CARDINAL"})


@dataclass(frozen=True)
class Proposal:
    """A type the classifier reads in a sentence, and the word that carried it."""

    type: str
    trigger: Token
    probability: float


@dataclass(frozen=True)
class Model:
    """Trained weights: per feature, the (type index, weight) pairs that are not zero."""

    types: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[tuple[int, float], ...]]
    threshold: float
    enabled: bool = True

    def scores(self, features: Iterable[str]) -> list[float]:
        """The logit of every type for a bag of features (each counted once)."""
        total = list(self.bias)
        for feature in set(features):
            for index, weight in self.weights.get(feature, ()):
                total[index] += weight
        return total


def word(token: Token) -> str:
    """How a token appears inside a feature: a name by its kind, a number as a number."""
    if token.ent_type_ in ENTITY_KINDS and token.pos_ in ("PROPN", "NUM"):
        return token.ent_type_
    if token.pos_ == "PROPN":
        return "PROPN"
    if token.pos_ == "PRON":
        return "PRON"
    if token.like_num:
        return "NUM"
    return syntax.lemma(token)


def token_features(token: Token) -> list[str]:
    """The features a content word owns: itself, its role, its arguments and its head."""
    if token.pos_ not in CONTENT_POS:
        return []
    lemma = syntax.lemma(token)
    found = [f"w:{lemma}", f"d:{lemma}|{token.dep_}"]
    if token.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in token.children):
        found.append(f"v:{lemma}|passive")
    for child in token.children:
        if child.dep_ in ARGUMENT_DEPS:
            found.append(f"a:{lemma}|{child.dep_}|{word(child)}")
        elif child.dep_ == "prep":
            found.append(f"p:{lemma}|{child.lower_}")
            objects = [c for c in child.children if c.dep_ == "pobj"]
            found += [f"p:{lemma}|{child.lower_}|{word(o)}" for o in objects]
    head = token.head
    if head != token:
        if head.dep_ == "prep" and token.dep_ == "pobj" and head.head != head:
            found.append(f"h:{lemma}|{head.lower_}|{word(head.head)}")  # "sentence to years"
        elif head.pos_ in CONTENT_POS:
            found.append(f"h:{lemma}|{token.dep_}|{word(head)}")
    return found


def sentence_cues(sentence: Span) -> list[str]:
    """Features of the whole sentence that no word owns: negation, modals, a question."""
    cues = []
    for token in sentence:
        if token.dep_ == "neg":
            cues.append("s:negation")
        elif token.tag_ == "MD":
            cues.append(f"s:modal|{token.lower_}")
    if sentence.text.rstrip().endswith("?"):
        cues.append("s:question")
    return cues


def sentence_features(sentence: Span) -> Iterator[tuple[Token | None, list[str]]]:
    """Every content word with its features, then the sentence's cues (owned by no word)."""
    for token in sentence:
        features = token_features(token)
        if features:
            yield token, features
    yield None, sentence_cues(sentence)


def sigmoid(value: float) -> float:
    if value >= 0:
        return 1.0 / (1.0 + math.exp(-value))
    exp = math.exp(value)
    return exp / (1.0 + exp)


def propose(sentence: Span, model: Model, skip: frozenset[str] = frozenset()) -> list[Proposal]:
    """The types above the threshold (except those in `skip`), each with its trigger word."""
    owned = list(sentence_features(sentence))
    scores = model.scores(f for _, features in owned for f in features)
    proposals = []
    for index, score in enumerate(scores):
        event_type = model.types[index]
        probability = sigmoid(score)
        if probability < model.threshold or event_type in skip:
            continue
        trigger = _strongest_word(owned, model, index)
        if trigger is not None and trigger.dep_ == "pobj" and trigger.head.head.pos_ == "VERB":
            trigger = trigger.head.head  # "was thrown behind bars": the verb tells the event
        if trigger is not None:
            proposals.append(Proposal(event_type, trigger, probability))
    return proposals


def _strongest_word(
    owned: list[tuple[Token | None, list[str]]], model: Model, index: int
) -> Token | None:
    """The verb or noun whose own features add most to the type's score (if anything)."""
    best: Token | None = None
    best_share = 0.0
    for token, features in owned:
        if token is None or token.pos_ not in TRIGGER_POS:
            continue
        share = sum(
            weight
            for feature in set(features)
            for i, weight in model.weights.get(feature, ())
            if i == index
        )
        if share > best_share:
            best, best_share = token, share
    return best


def model_from_json(data: dict[str, object]) -> Model:
    """Weights as the training script writes them (see `scripts/train_event_classifier.py`)."""
    types = tuple(str(t) for t in data["types"])  # type: ignore[attr-defined]
    weights: dict[str, tuple[tuple[int, float], ...]] = {
        feature: tuple((int(i), float(w)) for i, w in pairs)
        for feature, pairs in data["weights"].items()  # type: ignore[attr-defined]
    }
    return Model(
        types=types,
        bias=tuple(float(b) for b in data["bias"]),  # type: ignore[attr-defined]
        weights=weights,
        threshold=float(data["threshold"]),  # type: ignore[arg-type]
        enabled=bool(data.get("enabled", True)),  # type: ignore[attr-defined]
    )


@lru_cache(maxsize=4)
def _load(path: str | None) -> Model:
    if path is None:
        text = resources.files("casefile.data").joinpath(WEIGHTS_FILE).read_text()
    else:
        text = Path(path).read_text(encoding="utf-8")
    return model_from_json(json.loads(text))


def active_model() -> Model | None:
    """The model the extractor uses now, or None when the layer is off (see the docstring)."""
    return _active(os.environ.get(SETTING, "").strip(), os.environ.get(THRESHOLD_SETTING, ""))


@lru_cache(maxsize=4)
def _active(setting: str, threshold: str) -> Model | None:
    if setting.lower() == "off":
        return None
    forced = setting.lower() == "on"
    model = _load(setting if setting and not forced else None)
    if not (model.enabled or forced or setting):
        return None
    if threshold.strip():
        return Model(model.types, model.bias, model.weights, float(threshold), model.enabled)
    return model
