"""`create_app(store, settings)`: the workspace as an ASGI application (FastAPI).

Routes come from the declared list in `routes.py`. Each is wrapped once
here with the same steps: who is asking (session cookie or API token),
whether their role allows it, the CSRF token for changes made with the
cookie, the view, then the renderer of the asked format. Every response
carries a strict Content-Security-Policy: the pages run no script at all.
"""

from __future__ import annotations

import gc
import inspect
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import FastAPI, Form
from fastapi.exceptions import RequestValidationError
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.staticfiles import StaticFiles

from casefile.errors import CasefileError, NotFoundError
from casefile.store import Store
from casefile.store.users import AuthError, LoginThrottled
from casefile.web import auth
from casefile.web.render import STATIC, Renderer, csv_response, json_response
from casefile.web.review import local_path, with_notice
from casefile.web.routes import ROUTES, Action, Export, Page
from casefile.web.settings import WebSettings
from casefile.web.views import Ctx

CSP = (
    "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
}
DESCRIPTION = (
    "The JSON API of the casefile workspace: every page's `.json` twin, CSV twins of the "
    "lists, an iCalendar feed, and the review actions (form-encoded POSTs). Authenticate "
    "with `Authorization: Bearer TOKEN` (`casefile user token NAME`) or the session cookie; "
    "changes made with the cookie need the session's CSRF token in the `csrf` field."
)


@asynccontextmanager
async def settled(app: FastAPI) -> AsyncIterator[None]:
    """Once the server has started, leave what it has loaded out of garbage collection.

    The server process holds some 120,000 long-lived objects (FastAPI,
    SQLAlchemy, Jinja2, the app's routes); a full collection walks all of
    them and holds every request thread while it does. Requests allocate
    enough for one to come every 10-15 s: under 8 clients reading
    `/cases.json` on the loaded 2-core machine each took 140-280 ms and
    stalled every request in flight, the whole of the list's p99 above
    300 ms (`make bench` section caselist). `gc.freeze()` moves what exists
    at start-up to a generation collections skip (a full collection then
    takes about 3 ms); objects made by requests are collected as before.
    """
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()  # an app stopped in a process that goes on (tests) is collected again


def create_app(store: Store, settings: WebSettings | None = None) -> FastAPI:
    """The workspace over `store`; nothing is module-global, so tests make as many as they like."""
    settings = settings or WebSettings()
    app = FastAPI(
        lifespan=settled,
        title="casefile",
        version="0.1.0",
        description=DESCRIPTION,
        docs_url=None,  # Swagger UI needs inline and third-party script: not with this CSP
        redoc_url=None,
        openapi_url=None,  # served below, behind the login like everything else
    )
    app.state.store = store
    app.state.settings = settings
    renderer = Renderer()

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if not request.url.path.startswith("/static/"):
            response.headers.setdefault("cache-control", "no-store")
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> Response:
        login, _ = auth.login_of(request, store)
        fmt = _format_of(request.url.path)
        if login is None:
            return _unauthorized(request, fmt)
        try:  # who may ask comes before what was asked: a viewer learns nothing of a form
            auth.require_role(login, _role_of(request))
        except auth.Denied as denied:
            return renderer.error(request, fmt, denied.status, denied.message, login)
        problems = "; ".join(
            f"{'.'.join(str(part) for part in problem['loc'][1:])}: {problem['msg']}"
            for problem in error.errors()
        )
        return renderer.error(request, fmt, 400, f"invalid request: {problems}", login)

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for route in ROUTES:
        _add(app, route, renderer)
    _add_login(app, renderer)

    @app.get("/", include_in_schema=False)
    def home() -> RedirectResponse:
        return RedirectResponse("/cases", status_code=303)

    @app.get("/openapi.json", include_in_schema=False)
    def openapi(request: Request) -> Response:
        login, _ = auth.login_of(request, store)
        if login is None:
            return _unauthorized(request, "json")
        return JSONResponse(_openapi(app))

    return app


# Building the routes


def _add(app: FastAPI, route: Page | Action | Export, renderer: Renderer) -> None:
    if isinstance(route, Page):
        formats = ["json", *(["csv"] if route.csv else [])]
        for fmt in formats:  # the twins first: /x/{id} would also match /x/12.json
            app.add_api_route(
                f"{route.path}.{fmt}",
                _endpoint(route, fmt, renderer),
                methods=["GET"],
                name=f"{route.name}_{fmt}",
                summary=_summary(route.view) + ("" if fmt == "json" else f" ({fmt.upper()})"),
                description=inspect.getdoc(route.view) or "",
                tags=[fmt],
            )
        app.add_api_route(
            route.path,
            _endpoint(route, "html", renderer),
            methods=["GET"],
            name=route.name,
            include_in_schema=False,
        )
    elif isinstance(route, Export):
        app.add_api_route(
            route.path,
            _endpoint(route, "file", renderer),
            methods=["GET"],
            name=route.name,
            summary=_summary(route.view),
            tags=["exports"],
        )
    else:
        app.add_api_route(
            route.path,
            _endpoint(route, "action", renderer),
            methods=["POST"],
            name=route.name,
            summary=_summary(route.view),
            description=inspect.getdoc(route.view) or "",
            tags=["review"],
        )


def _endpoint(
    route: Page | Action | Export, fmt: str, renderer: Renderer
) -> Callable[..., Response]:
    """A FastAPI endpoint for one route and format, with the view's parameters as its own.

    Path and query parameters come from the view's signature (so FastAPI
    validates them and documents them in the OpenAPI schema); an action's
    other parameters are form fields, plus the `csrf` field.
    """
    parameters = list(inspect.signature(route.view, eval_str=True).parameters.values())[1:]
    path_names = {part.strip("{}") for part in route.path.split("/") if part.startswith("{")}
    own = []
    for parameter in parameters:
        parameter = parameter.replace(kind=inspect.Parameter.KEYWORD_ONLY)
        if isinstance(route, Action) and parameter.name not in path_names:
            parameter = parameter.replace(annotation=Annotated[parameter.annotation, Form()])
        own.append(parameter)
    if isinstance(route, Action):
        own.append(
            inspect.Parameter(
                "csrf",
                inspect.Parameter.KEYWORD_ONLY,
                annotation=Annotated[str, Form()],
                default="",
            )
        )

    def endpoint(request: Request, **values: Any) -> Response:
        return _handle(request, route, fmt, values, renderer)

    endpoint.role = route.role  # type: ignore[attr-defined]  # read by `_role_of`

    request_parameter = inspect.Parameter(
        "request", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Request
    )
    endpoint.__signature__ = inspect.Signature([request_parameter, *own])  # type: ignore[attr-defined]
    endpoint.__name__ = f"{route.name}_{fmt}"
    endpoint.__doc__ = route.view.__doc__
    return endpoint


def _handle(
    request: Request,
    route: Page | Action | Export,
    fmt: str,
    values: dict[str, Any],
    renderer: Renderer,
) -> Response:
    store: Store = request.app.state.store
    settings: WebSettings = request.app.state.settings
    shown = "html" if fmt == "html" else "json"
    login, by_cookie = auth.login_of(request, store)
    feed_token = values.pop("token", "") if isinstance(route, Export) else ""
    if login is None and feed_token:
        login = store.feed_session(feed_token)  # read-only: accepted by the feed alone
    if login is None:
        return _unauthorized(request, shown)
    csrf = values.pop("csrf", "")
    try:
        auth.require_role(login, route.role)
        if isinstance(route, Action) and by_cookie:
            auth.check_csrf(request, login, csrf)
        ctx = Ctx(store, settings, login.user, base_url=str(request.base_url))
        result: Any = route.view(ctx, **values)
    except auth.Denied as denied:
        return renderer.error(request, _reply_format(request, route, shown), denied.status,
                              denied.message, login)  # fmt: skip
    except NotFoundError as error:
        return renderer.error(request, _reply_format(request, route, shown), 404, str(error), login)
    except CasefileError as error:
        return renderer.error(request, _reply_format(request, route, shown), 400, str(error), login)
    if isinstance(route, Export):
        return Response(result, media_type=route.media_type)
    data: dict[str, Any] = result
    if isinstance(route, Action):
        if _reply_format(request, route, shown) == "json":
            return json_response(data)
        target = with_notice(data.get("next") or "/cases", str(data.get("done", "")))
        return RedirectResponse(target, status_code=303)
    if fmt == "json":
        return json_response(data)
    if fmt == "csv" and route.csv is not None:
        return csv_response(route.csv(data), route.name.removesuffix("_page"))
    twins = ("json", "csv") if route.csv else ("json",)
    return renderer.html(request, route.template, data, login, twins=twins)


def _role_of(request: Request) -> str:
    """The role the matched route needs (its parameters may not have been validated yet)."""
    endpoint = getattr(request.scope.get("route"), "endpoint", None)
    return str(getattr(endpoint, "role", "viewer"))


def _reply_format(request: Request, route: Page | Action | Export, shown: str) -> str:
    """Actions answer JSON to API clients (bearer token, or JSON asked for), HTML to browsers."""
    if not isinstance(route, Action):
        return shown
    accept = request.headers.get("accept", "")
    asks_json = "application/json" in accept and "text/html" not in accept
    return "json" if asks_json or request.headers.get("authorization") else "html"


def _unauthorized(request: Request, fmt: str) -> Response:
    if fmt == "html" and request.method == "GET":
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={quote(target)}", status_code=303)
    return JSONResponse(
        {"error": "log in first, or send Authorization: Bearer TOKEN", "status": 401},
        status_code=401,
        headers={"www-authenticate": 'Bearer realm="casefile"'},
    )


def _format_of(path: str) -> str:
    return "html" if not path.endswith((".json", ".csv", ".ics")) else "json"


def _summary(view: Callable[..., Any]) -> str:
    return (inspect.getdoc(view) or view.__name__).splitlines()[0].rstrip(".")


def _openapi(app: FastAPI) -> dict[str, Any]:
    schema = app.openapi()
    components = schema.setdefault("components", {})
    components["securitySchemes"] = {
        "token": {"type": "http", "scheme": "bearer"},
        "session": {"type": "apiKey", "in": "cookie", "name": auth.COOKIE},
    }
    schema["security"] = [{"token": []}, {"session": []}]
    return schema


# Logging in and out


def _add_login(app: FastAPI, renderer: Renderer) -> None:
    @app.get("/login", include_in_schema=False)
    def login_form(request: Request, next: str = "") -> Response:
        store: Store = request.app.state.store
        login, _ = auth.login_of(request, store)
        if login is not None:
            return RedirectResponse(local_path(next) or "/cases", status_code=303)
        return _login_page(request, renderer, next, "", 200)

    @app.post("/login", include_in_schema=False)
    def log_in(
        request: Request,
        name: Annotated[str, Form()] = "",
        password: Annotated[str, Form()] = "",
        csrf: Annotated[str, Form()] = "",
        next: Annotated[str, Form()] = "",
    ) -> Response:
        store: Store = request.app.state.store
        settings: WebSettings = request.app.state.settings
        try:
            auth.check_login_token(request, csrf)
            user = store.authenticate(
                name, password, auth.client_ip(request), settings.login_limits
            )
        except auth.Denied as denied:
            return _login_page(request, renderer, next, denied.message, denied.status)
        except LoginThrottled as error:
            return _login_page(request, renderer, next, str(error), 429)
        except AuthError as error:
            return _login_page(request, renderer, next, str(error), 401)
        token, _ = store.open_session(user, "web", settings.session_lifetime)
        response = RedirectResponse(local_path(next) or "/cases", status_code=303)
        auth.set_session_cookie(response, token, settings)
        response.delete_cookie(auth.LOGIN_COOKIE, path="/login")
        return response

    @app.post("/logout", include_in_schema=False)
    def log_out(request: Request, csrf: Annotated[str, Form()] = "") -> Response:
        store: Store = request.app.state.store
        settings: WebSettings = request.app.state.settings
        login, by_cookie = auth.login_of(request, store)
        if login is not None and by_cookie:
            try:
                auth.check_csrf(request, login, csrf)
            except auth.Denied as denied:
                return renderer.error(request, "html", denied.status, denied.message, login)
            store.close_session(request.cookies.get(auth.COOKIE, ""))
        response = RedirectResponse("/login", status_code=303)
        auth.clear_session_cookie(response, settings)
        return response


def _login_page(
    request: Request, renderer: Renderer, next_path: str, message: str, status: int
) -> Response:
    settings: WebSettings = request.app.state.settings
    token = secrets.token_urlsafe(24)
    data = {"title": "Log in", "message": message, "next": local_path(next_path), "token": token}
    response = renderer.html(request, "login.html", data, None, status=status)
    auth.set_login_cookie(response, token, settings)
    return response
