"""Tables of the web workspace: accounts, login sessions and login attempts.

Kept apart from `schema.py` (same `Base`, so one metadata and one migration
history). Design points:

- `users.password_hash` is an argon2id hash; the password itself is never stored.
- `web_sessions.token_hash` is the sha256 of the session token: the cookie
  (or API token) is the only copy of the token, so a copy of the database
  cannot be used to log in. Ending a session sets `revoked_at`; a session
  is valid while not revoked and not expired.
- `login_attempts` feeds the login rate limit (per user name and per IP),
  so the limit holds across processes and restarts.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from casefile.store.schema import HASH, Base

ROLES: tuple[str, ...] = ("viewer", "editor", "admin")


class UserRow(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    role: Mapped[str] = mapped_column(String(20))  # viewer | editor | admin
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool]
    created_at: Mapped[datetime]


class SessionRow(Base):
    __tablename__ = "web_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(HASH), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(10))  # web | api
    csrf_token: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]


class LoginAttemptRow(Base):
    __tablename__ = "login_attempts"
    __table_args__ = (
        Index("ix_login_attempts_name_at", "name", "at"),
        Index("ix_login_attempts_ip_at", "ip", "at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    ip: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime]
    ok: Mapped[bool]
