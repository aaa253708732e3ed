"""The statistical layer: types the lexicon misses are proposed, and the rules still judge them.

A small model is trained here, with the project's training script, on short
articles of our own in which people are "put behind bars", "ended up behind
bars" and so on; it must then read an arrest in "was thrown behind bars", a
wording neither it nor the lexicon has seen, while the rules' filters still
turn away the same wording negated or feared. The people are invented.
"""

from __future__ import annotations

import importlib.util
import json
from datetime import date
from importlib import resources
from pathlib import Path
from types import ModuleType

import pytest
from spacy.language import Language

from casefile.evaluate.events import GoldArticle, GoldEvent
from casefile.extract import classify, extract, load_nlp
from casefile.extract.lexicon import load_lexicon
from casefile.extract.triggers import find_candidates
from casefile.model import EVENT_TYPES, Article

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "train_event_classifier.py"
PUBLISHED = date(2026, 3, 6)

ARRESTS = [
    ("Police put the blogger Aidar Sultanov behind bars in Bishkek on Tuesday.", "Aidar Sultanov"),
    ("The reporter Kamila Nurova ended up behind bars in Tashkent last week.", "Kamila Nurova"),
    ("Security officers put the poet Rustam Aliev behind bars in Dushanbe.", "Rustam Aliev"),
    ("The activist Dilnoza Karimova landed behind bars in Almaty on Monday.", "Dilnoza Karimova"),
    ("The lawyer Bakyt Osmonov was put behind bars in Osh in May.", "Bakyt Osmonov"),
    ("The imam Farid Yusupov went behind bars in Khujand in April.", "Farid Yusupov"),
]
OTHER_NEWS = [
    "The singer Aidar Sultanov gave a concert in Bishkek on Tuesday.",
    "The bar on Lenin Street reopened in Tashkent last week after repairs.",
    "The poet Rustam Aliev read his verses at a library in Dushanbe.",
    "The activist Dilnoza Karimova opened a bakery in Almaty on Monday.",
    "Fans put flowers behind the stage in Osh in May.",
    "The imam Farid Yusupov went to Khujand in April to visit his mother.",
]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture(scope="module")
def script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("train_event_classifier", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def weights(script: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A model trained on the articles above, written where the setting can name it."""
    gold = [
        GoldArticle(id=f"a{i}", text=text, events=(GoldEvent("arrest", name, evidence=text),))
        for i, (text, name) in enumerate(ARRESTS)
    ] + [GoldArticle(id=f"n{i}", text=text) for i, text in enumerate(OTHER_NEWS)]
    sentences, unmatched = script.labelled_sentences(gold)
    assert unmatched == 0
    assert sum("arrest" in told for _, told in sentences) == len(ARRESTS)
    data = script.train(sentences, l2=0.001, steps=300, min_count=1, threshold=0.5)
    path = tmp_path_factory.mktemp("classifier") / "weights.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.fixture
def trained(weights: Path, monkeypatch: pytest.MonkeyPatch) -> classify.Model:
    monkeypatch.setenv(classify.SETTING, str(weights))
    model = classify.active_model()
    assert model is not None
    return model


def test_proposes_an_arrest_in_wording_it_never_saw(nlp: Language, trained: classify.Model) -> None:
    sentence = next(nlp("The poet Ilyas Omarov was thrown behind bars in Osh on Monday.").sents)
    proposals = classify.propose(sentence, trained)
    assert [(p.type, p.trigger.text) for p in proposals] == [("arrest", "thrown")]
    assert proposals[0].probability >= trained.threshold


def test_the_rules_attach_the_person_and_date(nlp: Language, trained: classify.Model) -> None:
    text = "The poet Ilyas Omarov was thrown behind bars in Osh on Monday."
    sentence = next(nlp(text).sents)
    rules = {c.rule for c in find_candidates(sentence, load_lexicon())}
    assert rules == {"arrest/classifier"}  # the lexicon alone proposes nothing here
    found = extract(Article(text=text, published=PUBLISHED), nlp).events
    assert [(e.type, e.subject, e.date, e.rule) for e in found] == [
        ("arrest", "Ilyas Omarov", "2026-03-02", "arrest/classifier")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The poet Ilyas Omarov was not thrown behind bars in Osh on Monday.",
        "His family fears the poet Ilyas Omarov could be thrown behind bars in Osh.",
        "Rights groups urged Kyrgyzstan not to throw the poet Ilyas Omarov behind bars.",
    ],
    ids=["negated", "feared", "demanded"],
)
def test_the_rules_still_reject_what_is_not_asserted(
    nlp: Language, trained: classify.Model, text: str
) -> None:
    proposed = [p.type for s in nlp(text).sents for p in classify.propose(s, trained)]
    assert proposed == ["arrest"]  # the model reads the wording; the rules judge the sentence
    assert extract(Article(text=text, published=PUBLISHED), nlp).events == ()


def test_a_type_the_rules_already_proposed_is_left_to_them(
    nlp: Language, trained: classify.Model
) -> None:
    text = "Police detained the poet Ilyas Omarov and put him behind bars in Osh on Monday."
    sentence = next(nlp(text).sents)
    rules = [c.rule for c in find_candidates(sentence, load_lexicon()) if c.type == "arrest"]
    assert rules == ["arrest/verb"]


def test_off_means_off(nlp: Language, weights: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(classify.SETTING, "off")
    assert classify.active_model() is None
    sentence = next(nlp("The poet Ilyas Omarov was thrown behind bars in Osh on Monday.").sents)
    assert find_candidates(sentence, load_lexicon()) == []


def test_threshold_setting_overrides_the_file(
    nlp: Language, weights: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(classify.SETTING, str(weights))
    monkeypatch.setenv(classify.THRESHOLD_SETTING, "0.999")
    model = classify.active_model()
    assert model is not None and model.threshold == 0.999
    sentence = next(nlp("The poet Ilyas Omarov was thrown behind bars in Osh on Monday.").sents)
    assert classify.propose(sentence, model) == []


def test_the_shipped_weights_say_what_they_were_trained_on() -> None:
    data = json.loads(resources.files("casefile.data").joinpath(classify.WEIGHTS_FILE).read_text())
    model = classify.model_from_json(data)
    assert data["trained_on"] and "dev-b.jsonl" not in data["trained_on"]
    assert model.types == EVENT_TYPES
    assert 0 < model.threshold < 1 and len(model.bias) == len(model.types)
