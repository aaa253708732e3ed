"""The web workspace's settings, in one table (as datasette's SETTINGS).

Each setting has a name, a default and a help text; `CASEFILE_<NAME>` in the
environment overrides the default, and `create_app` takes the result. A test
checks that every setting is documented in the README.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from datetime import date, timedelta
from typing import Any

from casefile.errors import CasefileError
from casefile.store.users import LoginLimits


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("session_hours", 12, "How long a login lasts, in hours."),
    Setting("login_max_failures", 5, "Failed logins allowed per user name in the window."),
    Setting("login_max_failures_ip", 20, "Failed logins allowed per IP address in the window."),
    Setting("login_window_minutes", 15, "The login rate limit's window, in minutes."),
    Setting("secure_cookies", False, "Send cookies over HTTPS only (set it behind TLS)."),
    Setting("upcoming_days", 60, "How many days ahead the upcoming page and feed look."),
    Setting("changes_days", 7, "How many days back the recent-changes page looks by default."),
    Setting("today", None, "Count upcoming dates from this day (YYYY-MM-DD) instead of today."),
    Setting(
        "trusted_proxies",
        "",
        "Addresses of the reverse proxies whose X-Forwarded-For is believed (comma-separated); "
        "none by default, so every client is known by the address it connects from.",
    ),
)


@dataclass(frozen=True)
class WebSettings:
    session_hours: int = 12
    login_max_failures: int = 5
    login_max_failures_ip: int = 20
    login_window_minutes: int = 15
    secure_cookies: bool = False
    upcoming_days: int = 60
    changes_days: int = 7
    today: date | None = None
    trusted_proxies: str = ""

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> WebSettings:
        """Defaults, overridden by any CASEFILE_<NAME> set in the environment."""
        environ = dict(os.environ if environ is None else environ)
        settings = cls()
        for field in fields(cls):
            raw = environ.get(f"CASEFILE_{field.name.upper()}")
            if raw is not None:
                settings = replace(settings, **{field.name: _parse(field.name, raw)})
        return settings

    @property
    def session_lifetime(self) -> timedelta:
        return timedelta(hours=self.session_hours)

    @property
    def login_limits(self) -> LoginLimits:
        return LoginLimits(
            per_user=self.login_max_failures,
            per_ip=self.login_max_failures_ip,
            window=timedelta(minutes=self.login_window_minutes),
        )

    def current_date(self) -> date:
        return self.today or date.today()

    def server_options(self) -> dict[str, Any]:
        """uvicorn's proxy options: forwarded headers are read only from the named proxies.

        uvicorn's own default believes X-Forwarded-For from 127.0.0.1, so any
        local program could claim any address and walk past the per-address
        login limit; here nothing is believed unless `trusted_proxies` says so.
        """
        proxies = [part.strip() for part in self.trusted_proxies.split(",") if part.strip()]
        return {"proxy_headers": bool(proxies), "forwarded_allow_ips": proxies or ""}


def _parse(name: str, raw: str) -> Any:
    default = next(setting.default for setting in SETTINGS if setting.name == name)
    try:
        if name == "today":
            return date.fromisoformat(raw) if raw else None
        if isinstance(default, str):
            return raw.strip()
        if isinstance(default, bool):
            return raw.strip().lower() in ("1", "true", "yes", "on")
        return int(raw)
    except ValueError:
        raise CasefileError(f"CASEFILE_{name.upper()}={raw!r} is not a valid value") from None
