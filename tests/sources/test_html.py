"""HTML pages: main text without the page furniture, title, outlet, and the original date."""

import gzip
import socket
from datetime import date

import pytest

from casefile.model import Article, Skipped
from casefile.sources.html import article_from_html, read_html

PARAGRAPHS = [
    "Police in Tbilisi detained the Azerbaijani journalist Emin Qasimov on Thursday "
    "at the request of Baku, which accuses him of smuggling, his lawyer said.",
    "Qasimov, who has lived in Georgia since 2023, denies the charge and says it is "
    "retaliation for his reporting on corruption in the Azerbaijani customs service.",
    "A court in Tbilisi is due to decide on Monday whether to place him under "
    "extradition arrest. Georgian prosecutors declined to comment on the case.",
]

PAGE = f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Azerbaijani journalist detained in Tbilisi | Caucasus Ledger</title>
  <meta property="og:title" content="Azerbaijani journalist detained in Tbilisi">
  <meta property="og:site_name" content="Caucasus Ledger">
  <meta property="article:published_time" content="2026-05-07T18:20:00+04:00">
  <meta property="article:modified_time" content="2026-06-01T09:00:00+04:00">
</head>
<body>
  <nav><ul>
    <li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li>
    <li><a href="/sport">Sport</a></li><li><a href="/weather">Weather in Tbilisi</a></li>
  </ul></nav>
  <header><a href="/subscribe">Subscribe</a> <a href="/login">Log in</a></header>
  <main>
    <article>
      <h1>Azerbaijani journalist detained in Tbilisi</h1>
      <p class="byline">By Nino Beridze</p>
      {"".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS)}
    </article>
    <aside><h3>Most read</h3><ul>
      <li><a href="/a">Fuel prices climb again across the region</a></li>
      <li><a href="/b">Five restaurants to try in Batumi this summer</a></li>
    </ul></aside>
  </main>
  <footer>
    <p>About us | Contact | Advertise with us | Privacy policy</p>
    <p>© 2026 Caucasus Ledger. All rights reserved.</p>
  </footer>
</body>
</html>"""


def test_main_text_title_outlet_and_date_from_a_news_page():
    article = article_from_html(PAGE)

    assert isinstance(article, Article)
    assert article.text == "\n".join(PARAGRAPHS)
    assert article.title == "Azerbaijani journalist detained in Tbilisi"
    assert article.outlet == "Caucasus Ledger"
    assert article.published == date(2026, 5, 7)  # published, not modified


def test_a_kicker_above_the_headline_goes_with_it():
    page = PAGE.replace("<h1>", "<p class='kicker'>Press freedom</p><h1>")

    assert article_from_html(page).text == "\n".join(PARAGRAPHS)


@pytest.mark.parametrize("clutter", ["Weather in Tbilisi", "Most read", "Privacy policy", "©"])
def test_page_furniture_is_not_in_the_text(clutter):
    assert clutter not in article_from_html(PAGE).text


def test_a_known_date_wins_over_the_pages():
    assert article_from_html(PAGE, published=date(2026, 5, 8)).published == date(2026, 5, 8)


def test_the_url_is_kept_and_never_fetched(monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("the HTML reader must not open a connection")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)

    article = article_from_html(PAGE.encode("utf-8"), url="https://ledger.example/2026/05/qasimov")

    assert article.url == "https://ledger.example/2026/05/qasimov"


def test_boilerplate_left_in_the_article_body_is_cut():
    page = PAGE.replace(
        "</article>",
        "<p>Read also: Georgia refuses to extradite Russian deserter</p></article>",
    )

    article = article_from_html(page)

    assert "Read also" not in article.text
    assert [cut.kind for cut in article.cuts] == ["read_also"]


def test_a_page_without_text_is_skipped():
    result = article_from_html("<html><head><title>Home</title></head><body></body></html>")

    assert result == Skipped("<html>", "no main text found in the HTML")


def test_an_empty_page_is_skipped():
    assert article_from_html(b"  ").reason == "empty"


def test_a_gzipped_page_is_read(tmp_path):
    path = tmp_path / "qasimov.html.gz"
    path.write_bytes(gzip.compress(PAGE.encode("utf-8")))

    article = read_html(path)

    assert article.published == date(2026, 5, 7)
    assert article.source_id == "qasimov.html.gz"


def test_a_broken_gzip_file_is_skipped(tmp_path):
    path = tmp_path / "broken.html.gz"
    path.write_bytes(b"\x1f\x8b\x08 not really gzip")

    assert read_html(path).reason.startswith("not a readable gzip file")
