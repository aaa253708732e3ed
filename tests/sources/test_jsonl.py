"""JSON Lines archives: one article per line, bad lines skipped by number, order kept."""

import json
from datetime import date

from casefile.model import Article, Skipped
from casefile.sources.jsonl import read_jsonl


def write_lines(tmp_path, lines):
    path = tmp_path / "archive.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def record(**fields):
    return json.dumps(fields, ensure_ascii=False)


def test_each_line_is_an_article_in_order(tmp_path):
    path = write_lines(
        tmp_path,
        [
            record(
                id="a1",
                text="Police detained Dilshod Karimov on Monday.",
                published="2026-04-02",
                url="https://example.org/a1",
                title="Uzbek blogger detained",
                outlet="Fergana Wire",
                events=[{"type": "arrest"}],  # gold events: ignored by the reader
            ),
            record(id=2, text="A court in Almaty released him on bail."),
        ],
    )

    articles = list(read_jsonl(path))

    assert [article.source_id for article in articles] == ["a1", "2"]
    first = articles[0]
    assert first.text == "Police detained Dilshod Karimov on Monday."
    assert first.published == date(2026, 4, 2)
    assert (first.url, first.title, first.outlet) == (
        "https://example.org/a1",
        "Uzbek blogger detained",
        "Fergana Wire",
    )
    assert articles[1].published is None


def test_a_bad_line_is_skipped_by_number_and_the_rest_goes_on(tmp_path):
    path = write_lines(
        tmp_path,
        [
            record(id="a1", text="First report."),
            '{"id": "a2", "text": "unterminated',
            record(id="a3", title="A headline and no text"),
            "",
            '["not", "an", "object"]',
            record(id="a6", text="Last report."),
        ],
    )

    results = list(read_jsonl(path))

    assert [type(result) for result in results] == [Article, Skipped, Skipped, Skipped, Article]
    assert results[1].source == f"{path}:2"  # the line is named once, in the source
    assert results[1].reason.startswith("not valid JSON")
    assert (results[2].source, results[2].reason) == (f"{path}:3", "no text")
    assert (results[3].source, results[3].reason) == (
        f"{path}:5",
        "expected a JSON object, got list",
    )
    assert results[4].source_id == "a6"


def test_an_iso_datetime_is_a_publication_date(tmp_path):
    path = write_lines(tmp_path, [record(id="a", text="Report.", published="2026-04-02T23:10:00Z")])

    assert next(read_jsonl(path)).published == date(2026, 4, 2)


def test_the_line_date_wins_over_the_argument_which_fills_in(tmp_path):
    path = write_lines(
        tmp_path,
        [
            record(id="dated", text="Report.", published="2026-04-02"),
            record(id="undated", text="Report two."),
        ],
    )

    dated, undated = read_jsonl(path, published=date(2026, 5, 1))

    assert dated.published == date(2026, 4, 2)
    assert undated.published == date(2026, 5, 1)


def test_a_line_separator_inside_a_string_does_not_split_the_line(tmp_path):
    path = write_lines(tmp_path, [record(id="a", text="First sentence.\u2028Second sentence.")])

    (article,) = read_jsonl(path)

    assert article.text == "First sentence.\u2028Second sentence."


def test_boilerplate_is_cut_from_each_line(tmp_path):
    text = (
        "The court postponed the hearing to May 12.\n\n"
        "A message from Fergana Wire:\nDear readers, please support our work."
    )
    path = write_lines(tmp_path, [record(id="a", text=text)])

    (article,) = read_jsonl(path)

    assert article.text == "The court postponed the hearing to May 12."
    assert article.cuts[0].kind == "donation_appeal"
