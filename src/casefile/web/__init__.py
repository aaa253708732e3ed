"""The web workspace: a team reviews and corrects case files (`casefile serve`).

    from casefile.web import create_app, WebSettings
    app = create_app(Store.open(url), WebSettings.from_env())

Server-rendered pages (FastAPI + Jinja2, no script at all), each with a JSON
twin that is the API; review actions; accounts with roles. Modules:
`routes` (the declared list), `views` and `review` (dicts in, dicts out),
`render` (HTML, JSON, CSV), `auth` (sessions, CSRF, roles), `cases` (the
store's case layer paired with each report's review state), `text` (sentences and highlights).
"""

from casefile.web.app import create_app
from casefile.web.settings import SETTINGS, WebSettings

__all__ = ["SETTINGS", "WebSettings", "create_app"]
