"""Analysts' corrections stay in force when extraction is re-run.

The real pipeline (spaCy and the lexicon) reads a fictional report; an
editor corrects it through the web API; then the article is extracted again
by a new extractor version with a changed lexicon (a copy of events.yaml
with one more trigger), exactly as `casefile reextract` does after the
lexicon is edited. Every correction must still show.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
import yaml
from fastapi.testclient import TestClient

from casefile import pipeline
from casefile.extract.lexicon import Lexicon, parse_lexicon
from casefile.store import Store
from casefile.web import create_app
from casefile.web.settings import WebSettings
from tests.web.conftest import REPORT, TODAY, log_in, person_id

NEW_VERSION = "casefile.events.v2+webtest"


def changed_lexicon() -> Lexicon:
    """events.yaml with "nab" added to the arrest verbs (the report says "nabbed")."""
    text = resources.files("casefile.data").joinpath("events.yaml").read_text()
    data = yaml.safe_load(text)
    data["arrest"]["verbs"].append({"lemmas": ["nab"]})
    return parse_lexicon(data)


def use_new_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    """What editing events.yaml or upgrading casefile does: new rules, new version."""
    lexicon = changed_lexicon()
    monkeypatch.setattr("casefile.extract.load_lexicon", lambda: lexicon)
    monkeypatch.setattr("casefile.extract.EXTRACTOR_VERSION", NEW_VERSION)
    monkeypatch.setattr("casefile.pipeline.EXTRACTOR_VERSION", NEW_VERSION)


def ingest_report(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "nazarov.txt"
    path.write_text(REPORT, encoding="utf-8")
    report = pipeline.ingest([path], store)
    assert report.extracted == 1


def correct_through_the_web(client: TestClient, store: Store) -> dict[str, int]:
    """An editor's review: edit the arrest, reject the charge, confirm the hearing, add a flight."""
    csrf = log_in(client, "ana")
    nazarov = person_id(client, "Rustam Nazarov")
    events = {e["event"]["type"]: e for e in client.get(f"/cases/{nazarov}.json").json()["events"]}
    assert {"arrest", "charge", "hearing"} <= set(events)
    post = {"csrf": csrf}
    client.post(f"/events/{events['arrest']['id']}/edit", data={**post, "date": "2026-02-26"})
    client.post(f"/events/{events['charge']['id']}/reject", data=post)
    client.post(f"/events/{events['hearing']['id']}/confirm", data=post)
    article = store.articles()[0]
    sentence = "Nazarov fled Uzbekistan in 2021 after he was charged with insulting the president."
    start = article.text.index(sentence)
    added = client.post(
        f"/articles/{article.id}/events",
        data={**post, "start": start, "end": start + len(sentence), "type": "flight",
              "subject": "Rustam Nazarov", "date": "2021", "country": "UZ"},
    )  # fmt: skip
    assert added.status_code == 200, added.text
    return {"nazarov": nazarov}


def assert_corrections_in_force(client: TestClient, nazarov: int) -> None:
    data = client.get(f"/cases/{nazarov}.json").json()
    shown = {e["event"]["type"]: e for e in data["events"]}
    assert shown["arrest"]["event"]["date"] == "2026-02-26"
    assert shown["arrest"]["state"] == "edited"
    assert shown["arrest"]["as_read"]["date"] == "2026-02-27"
    assert shown["charge"]["state"] == "rejected"
    assert shown["hearing"]["state"] == "confirmed"
    flights = [e for e in data["events"] if e["event"]["type"] == "flight"]
    # The analyst's flight stays, whether or not the extractor also reads one
    # in that sentence (then both are listed, in an order the row ids decide).
    assert ("analyst", "2021") in {(e["origin"], e["event"]["date"]) for e in flights}
    assert "charge" not in data["case"]["stage"]
    history = client.get(f"/events/{shown['arrest']['id']}.json").json()["history"]
    assert [(h["who"], h["action"]) for h in history] == [("ana", "edit_event")]


def test_corrections_survive_a_new_extractor_and_a_changed_lexicon(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(f"sqlite:///{tmp_path / 'web.db'}") as store:
        store.add_user("ana", "editor", "ana-password-1")
        ingest_report(store, tmp_path)
        client = TestClient(create_app(store, WebSettings(today=TODAY)))
        nazarov = correct_through_the_web(client, store)["nazarov"]
        assert_corrections_in_force(client, nazarov)
        article = store.articles()[0]
        before = {item.event.type for item in store.article_events(article.id)}
        assert "arrest" in before

        use_new_extractor(monkeypatch)
        assert pipeline.reextract(store) == 1

        assert store.has_extraction(article.id, NEW_VERSION)
        after = store.article_events(article.id)
        machine = [item for item in after if item.origin == "machine"]
        assert machine and all(item.extractor == NEW_VERSION for item in machine)
        # The changed lexicon took effect: "nabbed" is now an arrest (of the cousin).
        cousins = [i for i in machine if i.event.type == "arrest" and "nabbed" in i.event.evidence]
        assert cousins, [(i.event.type, i.event.evidence) for i in machine]
        assert_corrections_in_force(client, nazarov)


def test_corrections_survive_re_running_the_same_extractor(tmp_path: Path) -> None:
    with Store.open(f"sqlite:///{tmp_path / 'web.db'}") as store:
        store.add_user("ana", "editor", "ana-password-1")
        ingest_report(store, tmp_path)
        client = TestClient(create_app(store, WebSettings(today=TODAY)))
        nazarov = correct_through_the_web(client, store)["nazarov"]
        assert pipeline.reextract(store, everything=True) == 1
        assert_corrections_in_force(client, nazarov)
