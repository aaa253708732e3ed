"""The workspace under a real uvicorn server: what the client's address is taken to be.

The per-address login limit is only as good as the address: uvicorn by
default believes `X-Forwarded-For` from 127.0.0.1, so a local client could
name any address it liked. These tests lock an address out over real HTTP
and try to get back in with a forged header.
"""

from __future__ import annotations

import httpx

from casefile.store import Store
from casefile.web import create_app
from casefile.web.server import running
from casefile.web.settings import WebSettings
from tests.web.conftest import ACCOUNTS, TODAY
from tests.web.test_app import try_login

LIMIT = 3  # failed logins allowed per address in these tests


def lock_out(http: httpx.Client, forwarded: str | None = None) -> None:
    """Fail LIMIT logins under distinct names, so only the address limit is reached."""
    headers = {"x-forwarded-for": forwarded} if forwarded else {}
    http.headers.update(headers)
    for number in range(LIMIT):
        assert try_login(http, f"nobody{number}", "guess").status_code == 401  # type: ignore[arg-type]
    http.headers.pop("x-forwarded-for", None)


def log_in_from(http: httpx.Client, forwarded: str) -> int:
    http.headers["x-forwarded-for"] = forwarded
    return try_login(http, "ana", ACCOUNTS["ana"][1]).status_code  # type: ignore[arg-type]


def test_a_forged_forwarded_for_does_not_lift_an_address_lockout(store: Store) -> None:
    settings = WebSettings(today=TODAY, login_max_failures_ip=LIMIT)
    with running(create_app(store, settings)) as url, httpx.Client(base_url=url) as http:
        lock_out(http)
        assert log_in_from(http, "1.2.3.4") == 429
        assert log_in_from(http, "::1, 1.2.3.4") == 429


def test_a_named_proxy_is_believed(store: Store) -> None:
    settings = WebSettings(
        today=TODAY, login_max_failures_ip=LIMIT, trusted_proxies="10.0.0.9, 127.0.0.1"
    )
    with running(create_app(store, settings)) as url, httpx.Client(base_url=url) as http:
        lock_out(http, forwarded="1.2.3.4")  # a client behind the proxy is locked out ...
        assert log_in_from(http, "1.2.3.4") == 429
        assert log_in_from(http, "5.6.7.8") == 303  # ... another one is not


def test_no_proxy_is_trusted_unless_named() -> None:
    assert WebSettings().server_options() == {"proxy_headers": False, "forwarded_allow_ips": ""}
    named = WebSettings.from_env({"CASEFILE_TRUSTED_PROXIES": "10.0.0.9, 10.0.0.10"})
    assert named.server_options() == {
        "proxy_headers": True,
        "forwarded_allow_ips": ["10.0.0.9", "10.0.0.10"],
    }
