"""Daily casework through the web and the JSON API: what a new user hits first.

Bad dates, filters and search that must find what the CLI finds, the review
activity and confirmation messages, article pages, sorting and paging.
"""

from __future__ import annotations

import csv
import io

from fastapi.testclient import TestClient

from casefile.store import Store
from casefile.store.schema import CorrectionRow, EventRow, utcnow
from tests.web.conftest import log_in, person_id


def _event(client: TestClient, name: str, type_: str) -> dict:
    case = client.get(f"/cases/{person_id(client, name)}.json").json()
    return next(item for item in case["events"] if item["event"]["type"] == type_)


# Dates


def test_an_impossible_date_is_refused_on_input(client: TestClient) -> None:
    csrf = log_in(client, "ana")
    arrest = _event(client, "Timur Saidov", "arrest")

    answer = client.post(f"/events/{arrest['id']}/edit", data={"csrf": csrf, "date": "2026-02-30"})

    assert answer.status_code == 400
    assert "not a date of the calendar" in answer.text
    assert _event(client, "Timur Saidov", "arrest")["event"]["date"] == "2026-02-12"


def test_one_bad_stored_date_never_breaks_the_list(client: TestClient, store: Store) -> None:
    log_in(client, "vic")
    arrest = _event(client, "Timur Saidov", "arrest")
    with store._session.begin() as session:  # as a store written before dates were checked
        row = session.get(EventRow, arrest["id"])
        assert row is not None
        session.add(
            CorrectionRow(event_key=row.key, article_id=row.article_id, action="edit",
                          changes={"date": "2026-02-30"}, who="old", at=utcnow())
        )  # fmt: skip

    listed = client.get("/cases.json", params={"date_from": "2026-02", "date_to": "2026-02"})

    assert listed.status_code == 200
    assert [case["name"] for case in listed.json()["cases"]] == ["Timur Saidov"]
    assert client.get("/cases?date_from=2026-01").status_code == 200
    assert _event(client, "Timur Saidov", "arrest")["event"]["date"] == "2026-02-12"


# Filters and search


def test_review_rejected_finds_the_case_holding_a_rejected_report(client: TestClient) -> None:
    csrf = log_in(client, "ana")
    assert client.get("/cases.json", params={"review": "rejected"}).json()["cases"] == []
    charge = _event(client, "Timur Saidov", "charge")
    client.post(f"/events/{charge['id']}/reject", data={"csrf": csrf})

    found = client.get("/cases.json", params={"review": "rejected"}).json()["cases"]

    assert [case["name"] for case in found] == ["Timur Saidov"]


def test_search_folds_scripts_and_transliterations_as_the_cli_does(client: TestClient) -> None:
    log_in(client, "vic")

    def names(q: str) -> list[str]:
        return [case["name"] for case in client.get("/cases.json", params={"q": q}).json()["cases"]]

    assert names("Саидов") == ["Timur Saidov"]  # Cyrillic spelling of a Latin name
    assert names("Saidow") == ["Timur Saidov"]  # a German-style transliteration
    assert names("Бекова") == ["Olga Bekova"]
    assert names("душанбе") == ["Timur Saidov"]  # a place, in another script, in the evidence
    assert names("extremism") == ["Timur Saidov"]
    assert names("Петрова") == []


# What the workspace says after a change


def test_review_activity_says_what_changed_and_links_to_it(client: TestClient) -> None:
    csrf = log_in(client, "ana")
    arrest = _event(client, "Timur Saidov", "arrest")
    saidov = person_id(client, "Timur Saidov")
    client.post(f"/events/{arrest['id']}/edit", data={"csrf": csrf, "agent": "Almaty police"})

    [line] = client.get("/changes.json").json()["activity"]
    page = client.get("/changes").text

    assert line["verb"] == "corrected"
    assert line["what"] == "arrest of Timur Saidov, 2026-02-12"
    assert line["changes"] == ["agent → Almaty police"]
    assert (line["event_id"], line["person_id"]) == (arrest["id"], saidov)
    assert f'href="/events/{arrest["id"]}">arrest of Timur Saidov, 2026-02-12</a>' in page
    assert f'href="/cases/{saidov}">case</a>' in page
    assert "agent → Almaty police" in page


def test_a_correction_keeps_its_reason_in_the_history(client: TestClient) -> None:
    csrf = log_in(client, "ana")
    arrest = _event(client, "Timur Saidov", "arrest")
    reason = "The court's letter of 2026-02-20 gives the 11th"

    client.post(
        f"/events/{arrest['id']}/edit", data={"csrf": csrf, "date": "2026-02-11", "reason": reason}
    )
    client.post(f"/events/{arrest['id']}/confirm", data={"csrf": csrf, "reason": "lawyer called"})

    history = client.get(f"/events/{arrest['id']}.json").json()["history"]
    assert [(e["action"], e["details"].get("reason")) for e in history] == [
        ("confirm_event", "lawyer called"),
        ("edit_event", reason),
    ]
    assert f"Reason: {reason}".replace("'", "&#39;") in client.get(f"/events/{arrest['id']}").text
    assert client.get("/changes.json").json()["activity"][1]["reason"] == reason


def test_a_confirmation_message_follows_every_review_action(client: TestClient) -> None:
    csrf = log_in(client, "ana")
    arrest = _event(client, "Timur Saidov", "arrest")
    back = f"/cases/{person_id(client, 'Timur Saidov')}#event-{arrest['id']}"

    for action, data, words in (
        ("confirm", {}, "Confirmed"),
        ("edit", {"agent": "Almaty police"}, "Correction saved"),
        ("reject", {}, "Rejected: the event left the case"),
    ):
        answer = client.post(
            f"/events/{arrest['id']}/{action}", data={"csrf": csrf, "back": back, **data}
        )
        assert answer.status_code == 200
        assert f'<p class="message notice" role="status">{words}' in answer.text


def test_a_notice_shows_only_fixed_sentences(client: TestClient) -> None:
    log_in(client, "vic")
    page = client.get("/cases", params={"done": "<script>alert(1)</script>"}).text
    assert "message notice" not in page and "alert(1)" not in page


# Articles


def test_an_article_page_shows_its_whole_id_and_labels_each_highlight(
    client: TestClient, store: Store
) -> None:
    log_in(client, "vic")
    [article] = store.articles()

    data = client.get(f"/articles/{article.id}.json").json()
    page = client.get(f"/articles/{article.id}").text

    starts = [item["event"]["span"][0] for item in data["events"]]
    assert starts == sorted(starts)  # text order
    assert f"id {article.label}</p>" in page
    labels = sorted(data["marks"].values())
    assert labels == ["arrest: Olga Bekova", "arrest: Timur Saidov", "charge: Timur Saidov",
                      "hearing: Timur Saidov"]  # fmt: skip
    assert 'class="hl-tag" href="#item-' in page
    assert "hearing: Timur Saidov</a>" in page


# Lists: sorting, paging, countries


def test_cases_sort_and_page_the_same_in_html_json_and_csv(client: TestClient) -> None:
    log_in(client, "vic")

    def names(sort: str, **more: object) -> list[str]:
        answer = client.get("/cases.json", params={"sort": sort, **more}).json()
        return [case["name"] for case in answer["cases"]]

    assert names("name") == ["Olga Bekova", "Timur Saidov"]
    assert names("-name") == ["Timur Saidov", "Olga Bekova"]
    assert names("next_date") == ["Timur Saidov", "Olga Bekova"]  # no next date: last
    assert names("-next_date") == ["Timur Saidov", "Olga Bekova"]
    assert names("name", limit=1, offset=1) == ["Timur Saidov"]
    page = client.get("/cases.json", params={"sort": "name", "limit": 1}).json()["page"]
    assert page == {"offset": 0, "limit": 1, "count": 1, "matched": 2, "previous_offset": None,
                    "next_offset": 1}  # fmt: skip
    rows = list(csv.DictReader(io.StringIO(client.get("/cases.csv?sort=-name&limit=1").text)))
    assert [row["name"] for row in rows] == ["Timur Saidov"]
    html = client.get("/cases?sort=name&limit=1").text
    assert (
        "1–1 of 2 cases" in html
        and 'rel="next" href="/cases?sort=name&amp;limit=1&amp;offset=1"' in html
    )
    assert client.get("/cases.json?sort=height").status_code == 400
    assert client.get("/cases.json?limit=0&offset=-1").status_code == 400


def test_countries_are_shown_by_name_beside_the_code(client: TestClient) -> None:
    log_in(client, "vic")
    saidov = next(
        c for c in client.get("/cases.json").json()["cases"] if c["name"] == "Timur Saidov"
    )

    assert (saidov["country"], saidov["country_name"]) == ("KZ", "Kazakhstan")
    assert '<span class="country">KZ</span> <span class="country-name">Kazakhstan</span>' in (
        client.get("/cases").text
    )
    assert '<option value="TJ">Tajikistan</option>' in client.get("/cases").text


def test_every_list_pages(client: TestClient) -> None:
    log_in(client, "vic")
    for path in ("/people", "/articles", "/upcoming", "/changes"):
        data = client.get(f"{path}.json", params={"limit": 1}).json()
        assert data["page"]["limit"] == 1 and data["page"]["count"] <= 1, path
    people = client.get("/people.json", params={"sort": "-events", "limit": 1}).json()["people"]
    assert [person["name"] for person in people] == ["Timur Saidov"]
    assert client.get("/articles.csv").text.startswith("id,label,published")


# An analyst's own knowledge


def test_case_notes_are_kept_with_author_and_time_and_audited(client: TestClient) -> None:
    csrf = log_in(client, "ana")
    saidov = person_id(client, "Timur Saidov")

    page = client.post(
        f"/cases/{saidov}/notes", data={"csrf": csrf, "text": "Lawyer: +7 700 000 00 00"}
    )

    assert "Note added to the case." in page.text and "Lawyer: +7 700 000 00 00" in page.text
    [note] = client.get(f"/cases/{saidov}.json").json()["notes"]
    assert (note["who"], note["text"]) == ("ana", "Lawyer: +7 700 000 00 00")
    [line] = client.get("/changes.json").json()["activity"]
    assert (line["who"], line["verb"], line["person_id"]) == ("ana", "noted on", saidov)
    assert (
        client.post(f"/cases/{saidov}/notes", data={"csrf": csrf, "text": " "}).status_code == 400
    )
    client.cookies.clear()
    viewer = log_in(client, "vic")
    refused = client.post(f"/cases/{saidov}/notes", data={"csrf": viewer, "text": "x"})
    assert refused.status_code == 403


def test_an_event_without_an_article_is_sourced_and_marked_analyst_entered(
    client: TestClient, store: Store
) -> None:
    csrf = log_in(client, "ana")
    saidov = person_id(client, "Timur Saidov")
    form = client.get(f"/cases/{saidov}/add").text
    assert f'<option value="{saidov}" selected>Timur Saidov' in form

    client.post(
        f"/cases/{saidov}/events",
        data={"csrf": csrf, "type": "hearing", "date": "2026-03-27", "status": "scheduled",
              "country": "kz", "person": saidov,
              "source_note": "Phone call with his lawyer on 2026-03-01: appeal heard on 27 March."},
    )  # fmt: skip

    case = client.get(f"/cases/{saidov}.json").json()
    added = next(e for e in case["events"] if e["event"]["date"] == "2026-03-27")
    assert added["origin"] == "analyst"
    [source] = added["sources"]
    assert source["outlet"] == "analyst-entered"
    assert source["evidence"].startswith("Phone call with his lawyer")
    assert [row["origin"] for row in case["compact"] if row["date"] == "2026-03-27"] == ["analyst"]
    rows = list(csv.DictReader(io.StringIO(client.get(f"/cases/{saidov}.csv").text)))
    assert [r["origin"] for r in rows if r["date"] == "2026-03-27"] == ["analyst-entered"]
    assert "analyst-entered" in client.get(f"/cases/{saidov}").text
    assert "analyst-entered" in client.get(f"/cases/{saidov}/handover").text
    # the note is a source of its own, never read by the extractor
    notes = [article for article in store.articles() if article.analyst_entered]
    assert [article.text for article in notes] == [source["evidence"]]


def test_an_added_event_needs_a_person_already_in_the_store(client: TestClient) -> None:
    csrf = log_in(client, "ana")
    article = client.get("/articles.json").json()["articles"][0]
    span = {"start": 0, "end": 81}

    path = f"/articles/{article['id']}/events"

    typo = client.post(
        path, data={"csrf": csrf, "type": "arrest", "subject": "Timur Saidof", **span}
    )
    assert typo.status_code == 400 and "pick one from the list" in typo.text
    assert len(client.get("/cases.json").json()["cases"]) == 2

    known = client.post(path, data={"csrf": csrf, "type": "release", "subject": "Saidov", **span})
    new = client.post(
        path, data={"csrf": csrf, "type": "arrest", "new_person": "Anvar Rakhimov", **span}
    )
    assert known.status_code == 200 and new.status_code == 200
    names = {case["name"] for case in client.get("/cases.json").json()["cases"]}
    assert names == {"Timur Saidov", "Olga Bekova", "Anvar Rakhimov"}
