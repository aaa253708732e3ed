"""Accounts of the web workspace: users, revocable login sessions, the login rate limit.

    store.add_user("ana", "editor", password)
    user = store.authenticate("ana", password, ip="127.0.0.1")   # or AuthError
    token, login = store.open_session(user)                      # token goes in the cookie
    store.session_for(token)                                     # -> LoginSession | None
    store.revoke_user("ana")                                     # every session ends

`UserAccounts` is mixed into `Store`; the functions below it take a
SQLAlchemy session, like the rest of the package. Passwords are hashed with
argon2id (argon2-cffi's defaults); tokens are 256-bit random strings of
which only a sha256 is stored.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from casefile.errors import CasefileError, NotFoundError
from casefile.store.schema import utcnow
from casefile.store.users_schema import ROLES, LoginAttemptRow, SessionRow, UserRow

if TYPE_CHECKING:
    from argon2 import PasswordHasher
MIN_PASSWORD = 8


@lru_cache(maxsize=1)
def _hasher() -> PasswordHasher:
    """argon2 (a C extension) is loaded by the first account operation: every `Store` has
    these methods, and `casefile upcoming` or `people` should not pay for them."""
    from argon2 import PasswordHasher

    return PasswordHasher()


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    """Verified against when the user name is unknown, so both cases take the same time.

    Made on first use rather than at import: hashing takes a third of a second
    that every command, not only logins, would otherwise pay at start-up.
    """
    return _hasher().hash(secrets.token_urlsafe(16))


class AuthError(CasefileError):
    """A login that failed: wrong name or password, a disabled account, a bad new account."""


class LoginThrottled(AuthError):
    """Too many failed logins for this user name or from this address: wait, then retry."""


@dataclass(frozen=True)
class User:
    id: int
    name: str
    role: str
    active: bool = True

    def can(self, role: str) -> bool:
        """Whether this user has `role` or a stronger one (viewer < editor < admin)."""
        return ROLES.index(self.role) >= ROLES.index(role)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "role": self.role, "active": self.active}


@dataclass(frozen=True)
class LoginSession:
    """A valid session: whose it is, its CSRF token, when it ends."""

    id: int
    user: User
    kind: str
    csrf_token: str
    expires_at: datetime


@dataclass(frozen=True)
class FeedToken:
    """A calendar feed token as listed: never the token itself, which is not kept."""

    id: int
    created_at: datetime
    expires_at: datetime
    revoked_at: datetime | None


@dataclass(frozen=True)
class LoginLimits:
    """The login rate limit: at most this many failures in the window, per name and per IP."""

    per_user: int = 5
    per_ip: int = 20
    window: timedelta = timedelta(minutes=15)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class UserAccounts:
    """Store methods for accounts and sessions (mixed into `Store`)."""

    _session: sessionmaker[Session]

    def add_user(self, name: str, role: str, password: str) -> User:
        """Create an account; the name must be new, the role known, the password long enough."""
        check_new_user(name, role, password)
        try:
            with self._session.begin() as session:
                row = UserRow(
                    name=name,
                    role=role,
                    password_hash=_hasher().hash(password),
                    active=True,
                    created_at=utcnow(),
                )
                session.add(row)
                session.flush()
                return _user(row)
        except IntegrityError:
            raise AuthError(f"a user named {name!r} already exists: pick another name") from None

    def users(self) -> list[User]:
        with self._session() as session:
            return [_user(row) for row in session.scalars(select(UserRow).order_by(UserRow.name))]

    def revoke_user(self, name: str, disable: bool = False) -> int:
        """End every session and API token of a user (and block new logins if `disable`)."""
        with self._session.begin() as session:
            row = _user_row(session, name)
            if disable:
                row.active = False
            result = session.execute(
                update(SessionRow)
                .where(SessionRow.user_id == row.id, SessionRow.revoked_at.is_(None))
                .values(revoked_at=utcnow())
            )
            return int(getattr(result, "rowcount", 0) or 0)

    def authenticate(
        self, name: str, password: str, ip: str, limits: LoginLimits | None = None
    ) -> User:
        """The user whose password this is; AuthError otherwise, LoginThrottled when rate-limited.

        Every attempt is recorded; failures count towards the limit for the
        name and for the address. A throttled attempt checks no password.
        """
        limits = limits or LoginLimits()
        now = utcnow()
        with self._session.begin() as session:
            since = now - limits.window
            if failures(session, name=name, since=since) >= limits.per_user:
                raise LoginThrottled(_throttled(limits, "for this user"))
            if failures(session, ip=ip, since=since) >= limits.per_ip:
                raise LoginThrottled(_throttled(limits, "from this address"))
            dummy = _dummy_hash()  # made before the lookup: a first unknown name is no slower
            row = session.scalar(select(UserRow).where(UserRow.name == name))
            matches = _verify(row.password_hash if row else dummy, password)
            ok = matches and row is not None and row.active
            session.add(LoginAttemptRow(name=name[:200], ip=ip[:100], at=now, ok=ok))
            if row is not None and ok and _hasher().check_needs_rehash(row.password_hash):
                row.password_hash = _hasher().hash(password)
            user = _user(row) if row is not None and ok else None
        if user is None:
            raise AuthError("wrong user name or password")
        return user

    def open_session(
        self, user: User, kind: str = "web", lifetime: timedelta = timedelta(hours=12)
    ) -> tuple[str, LoginSession]:
        """A new session for `user`: its token (for the client only, not kept) and its state."""
        token = secrets.token_urlsafe(32)
        now = utcnow()
        with self._session.begin() as session:
            row = SessionRow(
                token_hash=token_hash(token),
                user_id=user.id,
                kind=kind,
                csrf_token=secrets.token_urlsafe(32),
                created_at=now,
                expires_at=now + lifetime,
                revoked_at=None,
            )
            session.add(row)
            session.flush()
            return token, LoginSession(row.id, user, kind, row.csrf_token, row.expires_at)

    def session_for(
        self, token: str, kinds: tuple[str, ...] = ("web", "api")
    ) -> LoginSession | None:
        """The live session of a token; None if unknown, revoked, expired or its user disabled.

        Only sessions of `kinds` count: a calendar feed token (kind "feed")
        opens nothing but the feed (`feed_session`).
        """
        if not token:
            return None
        with self._session() as session:
            found = session.execute(
                select(SessionRow, UserRow)
                .join(UserRow, UserRow.id == SessionRow.user_id)
                .where(SessionRow.token_hash == token_hash(token))
            ).first()
        if found is None:
            return None
        row, user = found
        if row.revoked_at is not None or row.expires_at <= utcnow() or not user.active:
            return None
        if row.kind not in kinds:
            return None
        return LoginSession(row.id, _user(user), row.kind, row.csrf_token, row.expires_at)

    # Calendar feed tokens: calendar apps cannot send a header, so the token is in the URL.
    # They are sessions of kind "feed": read-only, for /upcoming.ics alone, revocable one by one.

    def feed_token(self, name: str, lifetime: timedelta = timedelta(days=365)) -> str:
        """A new calendar feed token for a user (only its hash is kept)."""
        with self._session() as session:
            user = _user(_user_row(session, name))
        token, _ = self.open_session(user, "feed", lifetime)
        return token

    def feed_session(self, token: str) -> LoginSession | None:
        """The live feed token `token`; None for any other token (an API token included)."""
        return self.session_for(token, kinds=("feed",))

    def feed_tokens(self, name: str) -> list[FeedToken]:
        """A user's calendar feed tokens, newest first, revoked and expired ones included."""
        with self._session() as session:
            user = _user_row(session, name)
            rows = session.scalars(
                select(SessionRow)
                .where(SessionRow.user_id == user.id, SessionRow.kind == "feed")
                .order_by(SessionRow.id.desc())
            )
            return [
                FeedToken(row.id, row.created_at, row.expires_at, row.revoked_at) for row in rows
            ]

    def revoke_feed_token(self, name: str, token_id: int) -> None:
        """End one calendar feed token of a user (by the id `feed_tokens` lists)."""
        with self._session.begin() as session:
            user = _user_row(session, name)
            row = session.get(SessionRow, token_id)
            if row is None or row.user_id != user.id or row.kind != "feed":
                raise NotFoundError(
                    f"{name} has no feed token #{token_id}: `casefile user feeds {name}` lists them"
                )
            row.revoked_at = row.revoked_at or utcnow()

    def close_session(self, token: str) -> None:
        """Log out: the token stops working at once."""
        with self._session.begin() as session:
            session.execute(
                update(SessionRow)
                .where(SessionRow.token_hash == token_hash(token), SessionRow.revoked_at.is_(None))
                .values(revoked_at=utcnow())
            )


def check_new_user(name: str, role: str, password: str) -> None:
    if not name or not name.strip() or name != name.strip() or len(name) > 200:
        raise AuthError("a user name must be 1-200 characters without surrounding spaces")
    if role not in ROLES:
        raise AuthError(f"role {role!r} is not one of {', '.join(ROLES)}")
    if len(password) < MIN_PASSWORD:
        raise AuthError(f"a password needs at least {MIN_PASSWORD} characters")


def failures(
    session: Session, since: datetime, name: str | None = None, ip: str | None = None
) -> int:
    """Failed logins since `since` for a user name or from an address."""
    query = select(func.count(LoginAttemptRow.id)).where(
        LoginAttemptRow.at >= since, LoginAttemptRow.ok.is_(False)
    )
    if name is not None:
        query = query.where(LoginAttemptRow.name == name)
    if ip is not None:
        query = query.where(LoginAttemptRow.ip == ip)
    return int(session.scalar(query) or 0)


def _verify(password_hash: str, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return _hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _throttled(limits: LoginLimits, where: str) -> str:
    minutes = int(limits.window.total_seconds() // 60)
    return f"too many failed logins {where}: wait {minutes} minutes, then try again"


def _user(row: UserRow) -> User:
    return User(row.id, row.name, row.role, row.active)


def _user_row(session: Session, name: str) -> UserRow:
    row = session.scalar(select(UserRow).where(UserRow.name == name))
    if row is None:
        raise NotFoundError(f"no user {name!r}: `casefile user list` shows them")
    return row
