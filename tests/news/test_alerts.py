"""Sending alerts: to a webhook on a real HTTP server, by mail to a real SMTP server (127.0.0.1)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from casefile.errors import CasefileError
from casefile.model import Article, Event, Extraction, Person
from casefile.news import watchlist as watched
from casefile.news.alerts import Channels, alert_line, deliver, raise_alerts, smtp_address
from casefile.sources.fetch import Fetcher, FetchPolicy
from casefile.store import Store
from tests.httpservers import LocalServer, Page, free_port, serving

TEXT = (
    "A court in Bishkek sentenced the Tajik activist Lola Nazarova to three years in prison "
    "on Tuesday. Her appeal will be heard on March 20."
)


def nazarova() -> Extraction:
    article = Article(TEXT, date(2026, 3, 3), outlet="Steppe Ledger", url="https://l.invalid/n")
    sentence, hearing = TEXT.split(". ")
    events = (
        Event("sentence", "Lola Nazarova", sentence + ".", (0, len(sentence) + 1),
              date="2026-03-03", country="KG"),
        Event("hearing", "Lola Nazarova", hearing, (len(sentence) + 2, len(TEXT)),
              date="2026-03-20", status="scheduled", country="KG"),
    )  # fmt: skip
    return Extraction(article, (Person("Lola Nazarova", ("Nazarova",)),), events, (), "test.v1")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(f"sqlite:///{tmp_path / 'alerts.db'}") as opened:
        watched.add_watch(opened, "person", "Nazarova")
        opened.save_extraction(nazarova())
        yield opened


class Inbox:
    """An aiosmtpd handler that keeps what it receives."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], str]] = []

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        content = envelope.content.decode("utf-8", "replace")  # type: ignore[attr-defined]
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), content))  # type: ignore[attr-defined]
        return "250 OK"


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield inbox, controller.port
    finally:
        controller.stop()


@pytest.fixture
def hook() -> Iterator[LocalServer]:
    with serving() as server:
        server.routes["/hook"] = Page(b"{}", headers={"Content-Type": "application/json"})
        yield server


def test_alerts_are_one_line_each(store: Store) -> None:
    raised = raise_alerts(store, date(2026, 3, 10), 14)
    lines = sorted(alert_line(alert) for alert in raised)
    assert lines == [
        "coming up: Lola Nazarova: hearing [scheduled], 2026-03-20 — Steppe Ledger",
        "new event: Lola Nazarova: hearing [scheduled], 2026-03-20 — Steppe Ledger",
        "new event: Lola Nazarova: sentence, 2026-03-03 — Steppe Ledger",
    ]


def test_the_webhook_gets_the_alerts_as_json(store: Store, hook: LocalServer) -> None:
    raise_alerts(store, date(2026, 3, 10), 14)
    with Fetcher(FetchPolicy(allow_private=True)) as fetcher:
        sent = deliver(store, Channels(webhook=hook.url("/hook")), fetcher)
    assert (sent.sent, sent.errors) == (3, [])
    (posted,) = hook.posted
    payload = json.loads(posted)
    assert {alert["person"] for alert in payload["alerts"]} == {"Lola Nazarova"}
    assert {alert["reason"] for alert in payload["alerts"]} == {"new", "upcoming"}
    assert watched.undelivered(store) == []
    with Fetcher(FetchPolicy(allow_private=True)) as fetcher:
        assert deliver(store, Channels(webhook=hook.url("/hook")), fetcher).sent == 0


def test_a_private_webhook_is_refused_without_allow_private(
    store: Store, hook: LocalServer
) -> None:
    raise_alerts(store, date(2026, 3, 10), 14)
    with Fetcher() as fetcher:
        result = deliver(store, Channels(webhook=hook.url("/hook")), fetcher)
    assert result.sent == 0
    assert "refused: 127.0.0.1 is a loopback address" in result.errors[0]
    assert hook.connections == 0
    assert len(watched.undelivered(store)) == 3  # kept for the next delivery


def test_alerts_are_mailed_through_smtp(store: Store, smtp: tuple[Inbox, int]) -> None:
    inbox, port = smtp
    raise_alerts(store, date(2026, 3, 10), 14)
    channels = Channels(smtp=f"127.0.0.1:{port}", mail_to=("desk@ngo.invalid",))
    assert deliver(store, channels).sent == 3
    ((sender, recipients, content),) = inbox.messages
    assert (sender, recipients) == ("casefile@localhost", ["desk@ngo.invalid"])
    assert "Subject: casefile: 3 alert(s) on watched cases" in content
    assert "new event: Lola Nazarova: sentence, 2026-03-03" in content


def test_an_unreachable_mail_server_is_an_error_and_the_alerts_wait(store: Store) -> None:
    raise_alerts(store, date(2026, 3, 10), 14)
    channels = Channels(smtp=f"127.0.0.1:{free_port()}", mail_to=("desk@ngo.invalid",))
    result = deliver(store, channels)
    assert result.sent == 0 and result.errors[0].startswith("smtp 127.0.0.1:")
    assert len(watched.undelivered(store)) == 3


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"smtp": "127.0.0.1:25"}, "--smtp needs --mail-to"),
        ({"mail_to": ("a@b.invalid",)}, "--mail-to needs --smtp"),
        ({"smtp": "mail:port", "mail_to": ("a@b.invalid",)}, "HOST:PORT"),
    ],
)
def test_channels_say_what_is_missing(fields: dict[str, object], message: str) -> None:
    with pytest.raises(CasefileError, match=message):
        Channels(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "pair"),
    [("127.0.0.1:2525", ("127.0.0.1", 2525)), ("mail.invalid", ("mail.invalid", 25)),
     ("[::1]:25", ("::1", 25))],
)  # fmt: skip
def test_smtp_addresses(value: str, pair: tuple[str, int]) -> None:
    assert smtp_address(value) == pair
