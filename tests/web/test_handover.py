"""A case file to hand over: the compact timeline, the time axis drawn to scale, the
handover document as a print page and as a PDF whose text is read back with pypdf."""

from __future__ import annotations

import io
import re
from datetime import date

from fastapi.testclient import TestClient
from pypdf import PdfReader

from casefile.web.axis import Mark, axis, period
from tests.web.conftest import log_in, person_id


def test_a_date_means_the_whole_period_it_names() -> None:
    assert period("2025") == (date(2025, 1, 1), date(2025, 12, 31))
    assert period("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    assert period("2026-03-20") == (date(2026, 3, 20), date(2026, 3, 20))
    assert period("2026-02-30") is None and period(None) is None


def test_the_axis_is_drawn_to_scale() -> None:
    marks = [
        Mark(1, "flight", date(2021, 1, 1), date(2021, 12, 31), "occurred"),
        Mark(2, "arrest", date(2026, 2, 12), date(2026, 2, 12), "occurred"),
        Mark(3, "hearing", date(2026, 2, 13), date(2026, 2, 13), "scheduled"),
    ]

    drawn = axis(marks, today=date(2026, 3, 2))
    assert drawn is not None
    flight, arrest, hearing = sorted(drawn["shapes"], key=lambda shape: shape["number"])

    year = flight["width"]
    assert not flight["point"] and arrest["point"] and hearing["point"]
    assert arrest["x"] - flight["x"] > 5 * year * 0.99  # 2021 -> 2026 is five years long
    assert 0 < hearing["x"] - arrest["x"] < year / 100  # the next day is a step, not a year
    assert [tick["label"] for tick in drawn["ticks"]] == [str(y) for y in range(2021, 2027)]
    assert arrest["y"] != hearing["y"]  # a label never covers the next mark: another lane
    assert axis([], date(2026, 3, 2)) is None


def test_the_case_page_has_a_compact_table_and_an_svg_axis(client: TestClient) -> None:
    log_in(client, "vic")
    saidov = person_id(client, "Timur Saidov")

    data = client.get(f"/cases/{saidov}.json").json()
    table = client.get(f"/cases/{saidov}?view=table").text

    assert [
        (row["date"], row["label"], row["country"], row["sources"]) for row in data["compact"]
    ] == [
        ("2024", "charge", "TJ", 1),
        ("2026-02-12", "arrest", "KZ", 1),
        ("2026-03-20", "hearing", "KZ", 1),
    ]
    assert data["compact"][1]["agent"] == "Police"
    assert '<table class="list compact">' in table and '<ol class="timeline">' not in table
    assert "<svg viewBox=" in table and "<script" not in table
    assert len(re.findall(r"<g class=\"mark\">", table)) == 3
    assert "today 2026-03-02" in table
    assert client.get(f"/cases/{saidov}?view=poster").status_code == 400


def test_the_handover_document_says_everything_a_lawyer_needs(client: TestClient) -> None:
    csrf = log_in(client, "ana")
    saidov = person_id(client, "Timur Saidov")
    case = client.get(f"/cases/{saidov}.json").json()
    arrest = next(e for e in case["events"] if e["event"]["type"] == "arrest")
    client.post(f"/events/{arrest['id']}/confirm", data={"csrf": csrf, "reason": "lawyer called"})
    client.post(f"/cases/{saidov}/notes", data={"csrf": csrf, "text": "Held at the Almaty SIZO-1."})

    data = client.get(f"/cases/{saidov}/handover.json").json()
    page = client.get(f"/cases/{saidov}/handover")

    assert data["case"]["next_date"] == "2026-03-20"
    assert [note["text"] for note in data["notes"]] == ["Held at the Almaty SIZO-1."]
    assert [(r["who"], r["verb"], r["reason"]) for r in data["reviews"]] == [
        ("ana", "confirmed", "lawyer called")
    ]
    assert page.status_code == 200 and 'href="/static/print.css"' in page.text
    for text in ("Stage:", "Next date:", "Overdue dates", "Open conflicts:", "Olga Bekova",
                 "Police in Almaty detained Timur Saidov", "Held at the Almaty SIZO-1.",
                 "ana</strong> confirmed arrest of Timur Saidov"):  # fmt: skip
        assert text in page.text, text


def test_the_handover_pdf_is_a_real_pdf_with_the_case_in_it(client: TestClient) -> None:
    log_in(client, "vic")
    saidov = person_id(client, "Timur Saidov")

    answer = client.get(f"/cases/{saidov}/handover.pdf")

    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/pdf"
    assert answer.content.startswith(b"%PDF-")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(answer.content)).pages)
    text = " ".join(text.split())
    for expected in ("Timur Saidov", "Stage:", "Next date: 2026-03-20", "Kazakhstan",
                     "Police in Almaty detained Timur Saidov, a journalist from Tajikistan",
                     "Prosecutors in Dushanbe charged Saidov with extremism in 2024.",
                     "Steppe Courier", "Olga Bekova", "Who reviewed what"):  # fmt: skip
        assert expected in text, expected


def test_the_pdf_needs_a_login(client: TestClient) -> None:
    assert client.get("/cases/1/handover.pdf").status_code == 401
