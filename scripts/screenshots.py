"""Screenshots of the web workspace's main pages, for the README.

    .venv/bin/python scripts/screenshots.py [OUT_DIR]

Ingests examples/ into a temporary store, serves the workspace on a free
local port, logs in with headless Debian Chromium (Playwright, the browser
at /usr/bin/chromium; nothing is downloaded) and saves PNGs of the cases
list, a case (merged events with every source), the compact case view with
its time axis, an article, the review form and the upcoming dates to
docs/screenshots/; and the first page of the case's handover PDF as a PNG,
made with `pdftoppm` (Debian's poppler-utils: `apt-get install poppler-utils`).
"""

from __future__ import annotations

import shutil
import subprocess
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
                    "case-compact.png": f"/cases/{person.id}?view=table",
                    "article.png": f"/articles/{article}",
                    "review.png": f"/events/{review.id}",
                    "upcoming.png": "/upcoming",
                }
                for name, path in shots.items():
                    # A case is taller: down to its first events told by both outlets.
                    height = {"case.png": 1900, "case-compact.png": 1100}.get(name, 900)
                    page.set_viewport_size({"width": 1400, "height": height})
                    page.goto(f"{url}{path}")
                    page.screenshot(path=str(out / name))
                    print(out / name)
                pdf = browser.request.get(f"{url}/cases/{person.id}/handover.pdf")
                (folder / "handover.pdf").write_bytes(pdf.body())
                browser.close()
            pdf_page_png(folder / "handover.pdf", out / "handover-pdf.png")
            print(out / "handover-pdf.png")


def pdf_page_png(pdf: Path, png: Path) -> None:
    """The PDF's first page as a PNG, by poppler's pdftoppm."""
    if shutil.which("pdftoppm") is None:
        raise SystemExit("pdftoppm is missing: apt-get install poppler-utils")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf),
         str(png.with_suffix(""))],
        check=True,
    )  # fmt: skip


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
