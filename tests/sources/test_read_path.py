"""Dispatch by file type, folders walked in order, and bad files as results, not errors."""

import gzip
import json

import pytest

from casefile.errors import SourceError
from casefile.model import Article, Skipped
from casefile.sources import MAX_ARTICLE_BYTES, read_path, read_paths
from casefile.sources.html import MAX_PAGE_BYTES

PAGE = (
    "<html><head><meta property='article:published_time' content='2026-06-02'></head><body>"
    "<article><p>Police in Bishkek detained the Kazakh activist Arman Seitkali on Tuesday, "
    "his wife said, after Kazakhstan put him on an interstate wanted list last year.</p>"
    "<p>A court will decide on Friday whether he stays in custody pending extradition.</p>"
    "</article></body></html>"
)


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "b-reports").mkdir()
    (tmp_path / "b-reports" / "one.txt").write_text("Date: 2026-06-01\n\nFirst report.")
    (tmp_path / "b-reports" / "two.md").write_text("Second report.")
    (tmp_path / "a-page.html").write_text(PAGE)
    (tmp_path / "c-archive.jsonl").write_text(
        json.dumps({"id": "x1", "text": "Third report."}) + "\n" + "{broken\n"
    )
    (tmp_path / "d-notes.pdf").write_bytes(b"%PDF-1.7")
    (tmp_path / "e-empty.txt").write_text("")
    (tmp_path / ".hidden.txt").write_text("Not an article.")
    return tmp_path


def test_a_folder_is_walked_recursively_in_sorted_order(folder):
    results = list(read_path(folder))

    assert [(type(result).__name__, label(result)) for result in results] == [
        ("Article", "a-page.html"),
        ("Article", "one.txt"),
        ("Article", "two.md"),
        ("Article", "x1"),
        ("Skipped", "not valid JSON (Expecting property name enclosed in double quotes)"),
        ("Skipped", "unsupported file type .pdf"),
        ("Skipped", "empty"),
    ]


def label(result):
    return result.label if isinstance(result, Article) else result.reason


def test_a_single_file_is_read_by_its_suffix(folder):
    (article,) = read_path(folder / "a-page.html")

    assert article.text.startswith("Police in Bishkek detained")


def test_suffixes_are_matched_case_insensitively(tmp_path):
    path = tmp_path / "REPORT.TXT"
    path.write_text("Upper-case report.")

    assert [article.text for article in read_path(path)] == ["Upper-case report."]


def test_the_published_argument_fills_in_for_undated_files(folder):
    results = {label(result): result for result in read_path(folder, published=None)}
    assert results["two.md"].published is None

    (article,) = read_path(folder / "b-reports" / "two.md", published=results["one.txt"].published)

    assert article.published == results["one.txt"].published


def test_a_path_that_does_not_exist_raises_at_once(tmp_path):
    with pytest.raises(SourceError, match="no such file"):
        read_path(tmp_path / "missing.txt")


def test_read_paths_checks_every_path_before_reading(folder):
    with pytest.raises(SourceError, match="missing"):
        read_paths([folder / "b-reports" / "one.txt", folder / "missing"])


def test_read_paths_reads_in_the_order_given(folder):
    results = read_paths([folder / "b-reports" / "two.md", folder / "b-reports" / "one.txt"])

    assert [result.label for result in results] == ["two.md", "one.txt"]


def test_a_broken_link_in_a_folder_is_skipped(tmp_path):
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")

    (result,) = read_path(tmp_path)

    assert result == Skipped(str(tmp_path / "gone.txt"), "cannot read: No such file or directory")


def test_a_file_too_large_for_an_article_is_skipped_unread(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as out:
        out.truncate(MAX_ARTICLE_BYTES + 1)  # sparse: no disk is used

    (result,) = read_path(path)

    assert isinstance(result, Skipped)
    assert result.reason.startswith("too large")


def test_a_gzip_bomb_page_is_cut_at_the_limit(tmp_path):
    path = tmp_path / "bomb.html.gz"
    path.write_bytes(gzip.compress(b"<html><body>" + b"a" * (MAX_PAGE_BYTES + 10)))

    (result,) = read_path(path)

    assert isinstance(result, Skipped)
    assert "too large once decompressed" in result.reason
