"""Who is asking, and may they: sessions, API tokens, roles, CSRF.

- A browser logs in with a form and gets a session cookie (HttpOnly,
  SameSite=Strict, Secure behind TLS) holding a random token; the store keeps
  only its hash, and `casefile user revoke` or logging out ends it at once.
- A program sends `Authorization: Bearer TOKEN` with a token from
  `casefile user token NAME`; no cookie is involved, so no CSRF either.
- Every state-changing request made with the cookie carries the session's
  CSRF token in a form field, compared in constant time; a request whose
  Origin header names another site is refused as well.
- The login form itself is protected by a double-submit token in a cookie.
"""

from __future__ import annotations

import hmac

from starlette.requests import Request
from starlette.responses import Response

from casefile.store import Store
from casefile.store.users import LoginSession
from casefile.web.settings import WebSettings

COOKIE = "casefile_session"
LOGIN_COOKIE = "casefile_login"


class Denied(Exception):
    """A request that must be refused: `status` 401 (who are you?) or 403 (not allowed)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def login_of(request: Request, store: Store) -> tuple[LoginSession | None, bool]:
    """The session of the request, and whether it came by cookie (False: by bearer token)."""
    header = request.headers.get("authorization", "")
    if header[:7].lower() == "bearer ":
        return store.session_for(header[7:].strip()), False
    return store.session_for(request.cookies.get(COOKIE, "")), True


def check_csrf(request: Request, login: LoginSession, token: str) -> None:
    """Refuse a cookie-authenticated change that lacks the session's CSRF token."""
    check_origin(request)
    if not token or not hmac.compare_digest(token, login.csrf_token):
        raise Denied(403, "this form has expired or came from another site: reload the page")


def check_origin(request: Request) -> None:
    origin = request.headers.get("origin")
    if origin is None:  # not sent by every client; the token is the real check
        return
    expected = f"{request.url.scheme}://{request.headers.get('host', '')}"
    if origin != expected:
        raise Denied(403, "this request came from another site and was refused")


def require_role(login: LoginSession, role: str) -> None:
    if not login.user.can(role):
        raise Denied(
            403,
            f"your role ({login.user.role}) cannot do this; it needs {role}: ask an admin",
        )


def set_session_cookie(response: Response, token: str, settings: WebSettings) -> None:
    response.set_cookie(
        COOKIE,
        token,
        max_age=settings.session_hours * 3600,
        httponly=True,
        samesite="strict",
        secure=settings.secure_cookies,
        path="/",
    )


def clear_session_cookie(response: Response, settings: WebSettings) -> None:
    response.delete_cookie(
        COOKIE, httponly=True, samesite="strict", secure=settings.secure_cookies, path="/"
    )


def set_login_cookie(response: Response, token: str, settings: WebSettings) -> None:
    """The login form's token, also set as a cookie (double submit)."""
    response.set_cookie(
        LOGIN_COOKIE,
        token,
        max_age=3600,
        httponly=True,
        samesite="strict",
        secure=settings.secure_cookies,
        path="/login",
    )


def check_login_token(request: Request, token: str) -> None:
    check_origin(request)
    expected = request.cookies.get(LOGIN_COOKIE, "")
    if not token or not expected or not hmac.compare_digest(token, expected):
        raise Denied(403, "the login form has expired: reload the page and log in again")


def client_ip(request: Request) -> str:
    return request.client.host if request.client else "unknown"
