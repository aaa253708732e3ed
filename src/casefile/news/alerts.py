"""Alerts: raising them after an ingest or a poll, and sending them out.

Raising is `news.watchlist.check` (what is new, changed or coming up in a
watched case). Sending goes to the channels the user named:

- a webhook: one JSON POST `{"alerts": [...]}` per batch, through the same
  SSRF-safe `Fetcher` as every other request (a webhook URL pointing into
  the private network is refused unless --allow-private);
- e-mail over SMTP (`host:port`, plain SMTP with STARTTLS when the server
  offers it): one message per batch, one line per alert.

A batch that cannot be sent stays undelivered and is tried again by the
next delivery; the error is recorded on the alerts and returned, never
raised, so a mail server being down does not stop `casefile watch`.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
from dataclasses import dataclass, field
from datetime import date
from email.message import EmailMessage

from casefile.cases.records import dated
from casefile.errors import CasefileError
from casefile.news import watchlist as stored
from casefile.news.watchlist import Alert
from casefile.sources.fetch import Fetcher, FetchError
from casefile.store import Store

log = logging.getLogger(__name__)

DEFAULT_DAYS = 14
SMTP_TIMEOUT = 20.0
_REASONS = {"new": "new event", "changed": "changed", "upcoming": "coming up"}


@dataclass(frozen=True)
class Channels:
    """Where alerts go besides the store; nothing set means stored only."""

    webhook: str | None = None
    smtp: str | None = None  # "host:port"
    mail_to: tuple[str, ...] = ()
    mail_from: str = "casefile@localhost"

    def __post_init__(self) -> None:
        if self.smtp and not self.mail_to:
            raise CasefileError("--smtp needs --mail-to ADDRESS")
        if self.mail_to and not self.smtp:
            raise CasefileError("--mail-to needs --smtp HOST:PORT")
        if self.smtp:
            smtp_address(self.smtp)

    @property
    def any(self) -> bool:
        return bool(self.webhook or self.smtp)


@dataclass
class Delivery:
    sent: int = 0
    errors: list[str] = field(default_factory=list)


def smtp_address(value: str) -> tuple[str, int]:
    """`host:port` (or `[v6]:port`) as a pair; the port defaults to 25."""
    host, sep, port = value.rpartition(":")
    if not sep or "]" in port:
        host, port = value, "25"
    host = host.strip("[]")
    if not host or not port.isdigit():
        raise CasefileError(f"--smtp takes HOST:PORT, e.g. 127.0.0.1:25, not {value!r}")
    return host, int(port)


def alert_line(alert: Alert) -> str:
    """One line per alert, for the terminal and for mail."""
    event = alert.event
    what = event.type.replace("_", " ") + (f" ({event.outcome})" if event.outcome else "")
    when = dated(event.date, event.date_from)
    status = "" if event.status == "occurred" else f" [{event.status}]"
    source = alert.outlet or alert.url or alert.article_id[:12]
    reason = _REASONS.get(alert.reason, alert.reason)
    return f"{reason}: {alert.person}: {what}{status}, {when} — {source}"


def raise_alerts(store: Store, today: date | None = None, days: int = DEFAULT_DAYS) -> list[Alert]:
    """The new alerts of watched cases (none when the watch list is empty)."""
    return stored.check(store, today or date.today(), days)


def deliver(store: Store, channels: Channels, fetcher: Fetcher | None = None) -> Delivery:
    """Send every undelivered alert to the channels; record what was sent."""
    result = Delivery()
    if not channels.any:
        return result
    pending = stored.undelivered(store)
    if not pending:
        return result
    errors = []
    if channels.webhook:
        error = send_webhook(channels.webhook, pending, fetcher)
        if error:
            errors.append(error)
    if channels.smtp:
        error = send_mail(channels, pending)
        if error:
            errors.append(error)
    ids = [alert.id for alert in pending]
    stored.record_delivery(store, ids, "; ".join(errors) or None)
    result.errors = errors
    result.sent = 0 if errors else len(pending)
    return result


def send_webhook(url: str, alerts: list[Alert], fetcher: Fetcher | None = None) -> str | None:
    """POST the alerts as JSON; the error line, or None when the hook took them."""
    own = fetcher is None
    client = fetcher or Fetcher()
    try:
        client.post_json(url, {"alerts": [alert.to_json() for alert in alerts]})
    except FetchError as error:
        log.warning("webhook: %s", error)
        return f"webhook {error}"
    finally:
        if own:
            client.close()
    return None


def send_mail(channels: Channels, alerts: list[Alert]) -> str | None:
    """Mail the alerts in one message; the error line, or None when the server took it."""
    assert channels.smtp is not None
    host, port = smtp_address(channels.smtp)
    message = EmailMessage()
    message["Subject"] = f"casefile: {len(alerts)} alert(s) on watched cases"
    message["From"] = channels.mail_from
    message["To"] = ", ".join(channels.mail_to)
    lines = [alert_line(alert) for alert in alerts]
    details = [
        f"\n{alert_line(alert)}\n  {alert.event.evidence}\n  {alert.url or ''}" for alert in alerts
    ]
    message.set_content("\n".join(lines) + "\n\n" + "\n".join(details) + "\n")
    try:
        with smtplib.SMTP(host, port, timeout=SMTP_TIMEOUT) as smtp:
            smtp.ehlo()
            if smtp.has_extn("starttls"):
                smtp.starttls(context=ssl.create_default_context())
                smtp.ehlo()
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as error:
        log.warning("smtp %s: %s", channels.smtp, error)
        return f"smtp {channels.smtp}: {error}"
    return None
