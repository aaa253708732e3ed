"""Fixtures of the web workspace tests: a store with fictional reports and accounts,
the app in-process (FastAPI's TestClient), and helpers to log in.

Everything here is invented: people, outlets, courts' wording.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from casefile.model import Article, Cut, Event, Extraction, Person
from casefile.store import Store
from casefile.web import WebSettings, create_app

TODAY = date(2026, 3, 2)
ACCOUNTS = {
    "ada": ("admin", "ada-password-1"),
    "ana": ("editor", "ana-password-1"),
    "vic": ("viewer", "vic-password-1"),
}

# A report in the house style of examples/: header, blank line, body.
REPORT = """Title: Exiled blogger held in Tbilisi
Outlet: Kura Gazette
Date: 2026-03-02

Police in Georgia detained Rustam Nazarov, an exiled Uzbek blogger, in Tbilisi on Feb. 27. \
Nazarov fled Uzbekistan in 2021 after he was charged with insulting the president. \
The Tbilisi City Court will hold a hearing on his extradition on March 20. \
His lawyer said the court released him on bail on Saturday. \
Officers also nabbed his cousin Farrukh Nazarov at the border.
"""

HOSTILE = (
    "Activist Zarina Tokhtarova was detained in Bishkek on Jan. 5. "
    '<script>window.__xss=1</script> Her lawyer said <img src=x onerror="window.__xss=2"> '
    'the hearing is set for March 10. =HYPERLINK("http://example.invalid","x") was posted.'
)

BODY = (
    "Police in Almaty detained Timur Saidov, a journalist from Tajikistan, on Feb. 12. "
    "A court will hear his extradition case on March 20. "
    "Prosecutors in Dushanbe charged Saidov with extremism in 2024. "
    "Police also detained his colleague Olga Bekova."
)


def sentence_event(text: str, sentence: str, type_: str, subject: str, **fields: object) -> Event:
    start = text.index(sentence)
    return Event(
        type=type_,
        subject=subject,
        evidence=sentence,
        span=(start, start + len(sentence)),
        rule=f"{type_}/test",
        **fields,  # type: ignore[arg-type]
    )


def saidov_extraction(extractor: str = "casefile.events.test") -> Extraction:
    """A hand-written extraction: fast, no spaCy."""
    article = Article(
        text=BODY,
        published=date(2026, 2, 14),
        title="Tajik journalist detained in Almaty",
        outlet="Steppe Courier",
        url="https://example.org/saidov",
        cuts=(Cut("donation_appeal", "Support independent journalism: donate today.", 400, 446),),
    )
    saidov = Person("Timur Saidov", ("Timur Saidov", "Saidov", "his"))
    bekova = Person("Olga Bekova", ("Olga Bekova",))
    events = (
        sentence_event(BODY, "Police in Almaty detained Timur Saidov, a journalist from "
                       "Tajikistan, on Feb. 12.", "arrest", "Timur Saidov",
                       date="2026-02-12", date_text="Feb. 12", country="KZ", agent="Police"),
        sentence_event(BODY, "A court will hear his extradition case on March 20.", "hearing",
                       "Timur Saidov", date="2026-03-20", status="scheduled", country="KZ"),
        sentence_event(BODY, "Prosecutors in Dushanbe charged Saidov with extremism in 2024.",
                       "charge", "Timur Saidov", date="2024", country="TJ"),
        sentence_event(BODY, "Police also detained his colleague Olga Bekova.", "arrest",
                       "Olga Bekova", country="KZ"),
    )  # fmt: skip
    return Extraction(article=article, people=(saidov, bekova), events=events, extractor=extractor)


def hostile_extraction() -> Extraction:
    article = Article(text=HOSTILE, published=date(2026, 1, 6), title="<b>Bishkek</b> report",
                      outlet="<script>alert(1)</script> Weekly")  # fmt: skip
    person = Person("Zarina Tokhtarova", ("Zarina Tokhtarova",))
    events = (
        sentence_event(HOSTILE, "Activist Zarina Tokhtarova was detained in Bishkek on Jan. 5.",
                       "arrest", "Zarina Tokhtarova", date="2026-01-05", country="KG"),
        sentence_event(HOSTILE, HOSTILE[HOSTILE.index("<script>"):HOSTILE.index(" was posted")],
                       "hearing", "Zarina Tokhtarova", date="2026-03-10", status="scheduled"),
    )  # fmt: skip
    return Extraction(article=article, people=(person,), events=events, extractor="test")


def add_accounts(store: Store) -> None:
    for name, (role, password) in ACCOUNTS.items():
        store.add_user(name, role, password)


@pytest.fixture
def store_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'web.db'}"


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with Store.open(store_url) as opened:
        add_accounts(opened)
        opened.save_extraction(saidov_extraction())
        yield opened


@pytest.fixture
def settings() -> WebSettings:
    return WebSettings(today=TODAY)


@pytest.fixture
def client(store: Store, settings: WebSettings) -> Iterator[TestClient]:
    with TestClient(create_app(store, settings), base_url="http://testserver") as opened:
        yield opened


def log_in(client: TestClient, name: str, password: str | None = None) -> str:
    """Log in through the form; returns the session's CSRF token (read from a page)."""
    form = client.get("/login")
    token = re.search(r'name="csrf" value="([^"]+)"', form.text)
    assert token, form.text
    answer = client.post(
        "/login",
        data={"name": name, "password": password or ACCOUNTS[name][1], "csrf": token.group(1)},
        follow_redirects=False,
    )
    assert answer.status_code == 303, answer.text
    page = client.get("/cases")
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert csrf, page.text
    return csrf.group(1)


def person_id(client: TestClient, name: str) -> int:
    for case in client.get("/cases.json").json()["cases"]:
        if case["name"] == name:
            return int(case["id"])
    raise AssertionError(f"no case {name}")
