"""The workspace in a real browser: headless Debian Chromium, driven by Playwright,
against the real app under uvicorn on a free port of 127.0.0.1.

These fail (never skip) when /usr/bin/chromium is missing: `.ci/run` installs it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect, sync_playwright

from casefile import pipeline
from casefile.store import Store
from casefile.web import create_app
from casefile.web.server import running
from casefile.web.settings import WebSettings
from tests.web.browser import open_chromium
from tests.web.conftest import ACCOUNTS, REPORT, TODAY, add_accounts, hostile_extraction
from tests.web.test_reextraction import use_new_extractor


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[str, Store]]:
    """A store with the Nazarov report (real extraction) and a hostile article, served."""
    with Store.open(f"sqlite:///{tmp_path / 'web.db'}") as store:
        add_accounts(store)
        report = tmp_path / "nazarov.txt"
        report.write_text(REPORT, encoding="utf-8")
        pipeline.ingest([report], store)
        store.save_extraction(hostile_extraction())
        with running(create_app(store, WebSettings(today=TODAY))) as url:
            yield url, store


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[BrowserContext]:
    with sync_playwright() as playwright:
        context = open_chromium(playwright, tmp_path / "profile")
        try:
            yield context
        finally:
            context.close()


def log_in(page: Page, url: str, name: str) -> None:
    page.goto(f"{url}/cases")
    expect(page).to_have_url(f"{url}/login?next=/cases")
    page.fill("#name", name)
    page.fill("#password", ACCOUNTS[name][1])
    page.click("button:has-text('Log in')")
    expect(page).to_have_url(f"{url}/cases")


def test_an_editor_corrects_an_event_and_it_survives_re_extraction(
    site: tuple[str, Store], browser: BrowserContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    url, store = site
    page = browser.new_page()
    log_in(page, url, "ana")
    page.click("text=Rustam Nazarov")
    expect(page.locator("h1")).to_have_text("Rustam Nazarov")
    arrest = page.locator("li.tl", has=page.locator(".etype", has_text="arrest"))
    expect(arrest.locator(".state")).to_have_text("unreviewed")
    arrest.locator("a.button", has_text="Edit").click()

    page.fill("#f-date", "2026-02-26")
    page.fill("#f-agent", "Georgian police")
    page.click("button:has-text('Save the correction')")
    expect(page.locator(".history")).to_contain_text("ana edit event")

    use_new_extractor(monkeypatch)
    assert pipeline.reextract(store) >= 1

    page.goto(f"{url}/cases")
    page.click("text=Rustam Nazarov")
    arrest = page.locator("li.tl", has=page.locator(".etype", has_text="arrest"))
    expect(arrest.locator(".tl-date")).to_have_text("2026-02-26")
    expect(arrest.locator(".state")).to_have_text("edited")
    expect(arrest).to_contain_text("by Georgian police")
    expect(arrest.locator("mark")).to_contain_text("Police in Georgia detained Rustam Nazarov")


def test_hostile_article_text_never_runs(site: tuple[str, Store], browser: BrowserContext) -> None:
    url, store = site
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    log_in(page, url, "ana")
    article = next(a for a in store.articles() if "Tokhtarova" in a.text)
    person = next(p for p in store.people() if p.name == "Zarina Tokhtarova")
    for path in (f"/articles/{article.id}", f"/cases/{person.id}", "/articles",
                 f"/events/{store.person_events(person.id)[-1].id}", "/upcoming"):  # fmt: skip
        answer = page.goto(f"{url}{path}")
        assert answer is not None and answer.status == 200
        assert "script-src 'none'" in answer.headers["content-security-policy"]
        page.wait_for_load_state("load")
        assert page.evaluate("window.__xss") is None, path
        assert page.locator("script").count() == 0, path
    page.goto(f"{url}/articles/{article.id}")
    expect(page.locator("article.text")).to_contain_text("<script>window.__xss=1</script>")
    expect(page.locator("article.text")).to_contain_text('<img src=x onerror="window.__xss=2">')
    assert page.locator("article.text img").count() == 0
    assert dialogs == []


def test_a_viewer_can_read_but_not_edit(site: tuple[str, Store], browser: BrowserContext) -> None:
    url, store = site
    page = browser.new_page()
    log_in(page, url, "vic")
    page.click("text=Rustam Nazarov")
    expect(page.locator("li.tl").first).to_be_visible()
    assert page.locator("button:has-text('Confirm')").count() == 0
    event = store.person_events(store.find_person("Rustam Nazarov").id)[0]
    page.goto(f"{url}/events/{event.id}")
    assert page.locator("form.edit").count() == 0
    csrf = page.locator("input[name=csrf]").first.get_attribute("value")
    answer = browser.request.post(
        f"{url}/events/{event.id}/reject", form={"csrf": csrf or ""}, max_redirects=0
    )
    assert answer.status == 403
    assert store.reviewed_event(event.id).state == "unreviewed"


def test_a_day_of_casework_in_the_browser(site: tuple[str, Store], browser: BrowserContext) -> None:
    """Sort the cases, open the compact view and its time axis, confirm with a reason and
    see the message, leave a note, add an event from a phone call, open the handover."""
    url, _ = site
    page = browser.new_page()
    page.set_viewport_size({"width": 1400, "height": 900})
    log_in(page, url, "ana")

    page.click("a.sort:has-text('Person')")  # already by name: a second click reverses it
    expect(page).to_have_url(f"{url}/cases?sort=-name")
    names = page.locator("table.cases tbody tr td:first-child a").all_inner_texts()
    assert names == sorted(names, reverse=True)
    date_cell = page.locator("table.cases td.nowrap").nth(1)
    box = date_cell.bounding_box()
    assert box is not None and box["height"] < 40  # the next date does not wrap at 1400 px
    page.fill("input[name=q]", "Назаров")  # the Cyrillic spelling finds the case
    page.click("button:has-text('Filter')")
    expect(page.locator("table.cases tbody tr").first).to_contain_text("Rustam Nazarov")
    expect(page.locator("table.cases")).not_to_contain_text("Tokhtarova")

    page.click("text=Rustam Nazarov")
    expect(page.locator("figure.axis svg")).to_be_visible()
    assert page.locator("figure.axis g.mark").count() >= 2
    page.click("text=compact table")
    expect(page.locator("table.compact")).to_be_visible()
    expect(page.locator("table.compact")).to_contain_text("GE Georgia")
    page.click("text=cards")

    arrest = page.locator("li.tl", has=page.locator(".etype", has_text="arrest")).first
    arrest.locator("a.button", has_text="Edit").click()
    page.locator("input[name=reason]").first.fill("Seen in the court's list")
    page.locator("button:has-text('Confirm')").first.click()
    expect(page.locator(".message.notice")).to_contain_text("Confirmed")
    expect(page.locator(".history")).to_contain_text("Reason: Seen in the court's list")

    page.locator("a", has_text="Rustam Nazarov").first.click()
    page.fill("textarea[name=text]", "Held in the Tbilisi isolator no. 1; lawyer visits Mondays.")
    page.click("button:has-text('Add the note')")
    expect(page.locator(".message.notice")).to_contain_text("Note added")
    expect(page.locator("ul.notes")).to_contain_text("lawyer visits Mondays")

    page.click("text=+ Add an event no article reports")
    page.fill("#f-source_note", "Call with the lawyer: the appeal is heard on 2026-04-02.")
    page.select_option("#f-type", "hearing")
    page.fill("#f-date", "2026-04-02")
    page.select_option("#f-status", "scheduled")
    page.click("button:has-text('Add the event')")
    expect(page.locator(".message.notice")).to_contain_text("Event added")
    added = page.locator("li.tl", has=page.locator(".tl-date", has_text="2026-04-02"))
    expect(added).to_contain_text("analyst-entered")

    page.click("text=handover document (print)")
    expect(page.locator("h1")).to_have_text("Rustam Nazarov")
    expect(page.locator("body")).to_contain_text("Call with the lawyer")
    expect(page.locator("body")).to_contain_text("ana confirmed arrest of Rustam Nazarov")
    pdf = browser.request.get(page.url + ".pdf")
    assert pdf.status == 200 and pdf.body().startswith(b"%PDF-")
