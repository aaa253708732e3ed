"""Plain-text articles: header block, decoding, and the inputs that give no article."""

from datetime import date

import pytest

from casefile.model import Article, Skipped
from casefile.sources.text import article_from_text, parse_date, read_text

BODY = "Police in Vilnius detained the Belarusian activist Ales Kavalenka on Tuesday."


def write(tmp_path, content, name="report.txt"):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def test_header_block_gives_metadata_and_is_not_part_of_the_text(tmp_path):
    path = write(
        tmp_path,
        "Title: Belarusian activist detained in Vilnius\n"
        "Outlet: Baltic Ledger\n"
        "Date: 2026-03-14\n"
        "URL: https://baltic-ledger.example/kavalenka\n"
        "\n" + BODY + "\n",
    )

    article = read_text(path)

    assert isinstance(article, Article)
    assert article.text == BODY
    assert article.title == "Belarusian activist detained in Vilnius"
    assert article.outlet == "Baltic Ledger"
    assert article.published == date(2026, 3, 14)
    assert article.url == "https://baltic-ledger.example/kavalenka"
    assert article.source_id == "report.txt"


def test_the_files_own_date_wins_and_the_argument_fills_in_when_there_is_none(tmp_path):
    dated = write(tmp_path, "Date: 2026-03-14\n\n" + BODY, "dated.txt")
    undated = write(tmp_path, BODY, "undated.txt")

    assert read_text(dated, published=date(2026, 1, 1)).published == date(2026, 3, 14)
    assert read_text(undated, published=date(2026, 1, 1)).published == date(2026, 1, 1)


def test_a_missing_date_still_gives_an_article(tmp_path):
    article = read_text(write(tmp_path, BODY))

    assert isinstance(article, Article)
    assert article.published is None


def test_a_body_that_opens_with_a_colon_is_not_a_header():
    text = "Minsk: a court sentenced the blogger to five years.\n\nHe denies the charges."

    article = article_from_text(text)

    assert article.text == text


@pytest.mark.parametrize("content", [b"", b"   \n\n\t  \n"])
def test_an_empty_file_is_skipped(tmp_path, content):
    assert read_text(write(tmp_path, content)) == Skipped(str(tmp_path / "report.txt"), "empty")


def test_a_header_without_a_body_is_empty():
    assert article_from_text("Title: Nothing here\nDate: 2026-03-14\n\n\n") == Skipped(
        "<text>", "empty"
    )


def test_binary_junk_is_skipped(tmp_path):
    junk = bytes(range(256)) * 20

    assert read_text(write(tmp_path, junk, "photo.txt")).reason == "binary file"


def test_control_characters_without_nul_are_binary_too():
    junk = bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17, 18, 19]) * 50

    assert article_from_text(junk).reason == "binary file"


def test_latin1_bytes_are_detected_and_decoded():
    text = (
        "Der Aktivist Jürgen Müller wurde in Zürich festgenommen. "
        "Señor Núñez, sein Anwalt, sagte, die Behörden hätten ihn nicht informiert."
    )

    article = article_from_text(text.encode("latin-1"))

    assert article.text == text


def test_cp1251_bytes_are_detected_and_decoded():
    text = "Активиста Рустама Назарова задержали в Стамбуле, сообщил его адвокат."

    assert article_from_text(text.encode("cp1251")).text == text


def test_a_broken_utf8_sequence_is_replaced_and_the_rest_kept():
    data = (
        "Nazarov’s lawyer – “a political case” – said".encode()
        + b" \xe2\x80 "
        + b"he would appeal."
    )

    article = article_from_text(data)

    assert article.text == "Nazarov’s lawyer – “a political case” – said \ufffd he would appeal."


def test_a_bom_is_dropped_and_the_header_still_read():
    data = b"\xef\xbb\xbf" + ("Date: 2026-02-03\n\n" + BODY).encode()

    article = article_from_text(data)

    assert article.text == BODY
    assert article.published == date(2026, 2, 3)


def test_windows_newlines_become_plain_newlines():
    article = article_from_text(b"Date: 2026-02-03\r\n\r\nFirst.\r\n\r\nSecond.")

    assert article.text == "First.\n\nSecond."
    assert article.published == date(2026, 2, 3)


def test_boilerplate_is_cut_from_text_files():
    article = article_from_text(
        BODY + "\n\nRead also:\nLithuania refuses to hand over Belarusian exile\n\n"
        "A message from Baltic Ledger:\nDear readers, please support us."
    )

    assert article.text == BODY
    assert [cut.kind for cut in article.cuts] == ["read_also", "donation_appeal"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-03-14", date(2026, 3, 14)),
        ("2026-03-14T09:30:00+03:00", date(2026, 3, 14)),
        ("2026-03-14T09:30:00Z", date(2026, 3, 14)),
        ("14 March 2026", date(2026, 3, 14)),
        ("March 14, 2026", date(2026, 3, 14)),
        ("March 2026", None),
        ("yesterday", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected
