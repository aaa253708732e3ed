"""Screenshots of the web workspace's main pages, for the README.

    .venv/bin/python scripts/screenshots.py [OUT_DIR]

Ingests examples/ into a temporary store, serves the workspace on a free
local port, logs in with headless Debian Chromium (Playwright, the browser
at /usr/bin/chromium; nothing is downloaded) and saves PNGs of the cases
list, a case (merged events with every source), an article, the review form
and the upcoming dates to docs/screenshots/.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # for tests.web.browser: the same launch as the browser tests

from tests.web.browser import open_chromium  # noqa: E402

from casefile import pipeline  # noqa: E402 - after the path is set
from casefile.store import Store  # noqa: E402
from casefile.web import WebSettings, create_app  # noqa: E402
from casefile.web.server import running  # noqa: E402

TODAY = date(2026, 11, 10)  # the example articles' own autumn
CASE = "Shokhrukh Davlatov"  # two outlets, two spellings


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        with Store.open(f"sqlite:///{folder / 'demo.db'}") as store:
            examples = sorted((ROOT / "examples").glob("*.txt"))
            pipeline.ingest([*examples, *(ROOT / "examples").glob("*.html")], store)
            store.add_user("demo", "editor", "demo-password")
            person = store.find_person(CASE)
            events = store.person_events(person.id)
            article = max(
                {item.article_id for item in events},
                key=lambda ident: sum(1 for item in events if item.article_id == ident),
            )
            review = next(item for item in events if item.event.type == "extradition_decision")
            app = create_app(store, WebSettings(today=TODAY))
            with running(app) as url, sync_playwright() as playwright:
                browser = open_chromium(playwright, folder / "profile")
                page = browser.new_page()
                page.goto(f"{url}/login")
                page.fill("#name", "demo")
                page.fill("#password", "demo-password")
                page.click("button:has-text('Log in')")
                page.wait_for_url(f"{url}/cases")
                shots = {
                    "cases.png": "/cases",
                    "case.png": f"/cases/{person.id}",
                    "article.png": f"/articles/{article}",
                    "review.png": f"/events/{review.id}",
                    "upcoming.png": "/upcoming",
                }
                for name, path in shots.items():
                    # A case is taller: down to its first events told by both outlets.
                    height = 1900 if name == "case.png" else 900
                    page.set_viewport_size({"width": 1280, "height": height})
                    page.goto(f"{url}{path}")
                    page.screenshot(path=str(out / name))
                    print(out / name)
                browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
