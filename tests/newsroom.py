"""Pages and feeds written for the tests: invented outlets, people and events.

`article_page` builds a news page with the furniture real pages have (menu,
related links, footer), `rss` and `atom` the feeds that list such pages.
"""

from __future__ import annotations

from html import escape

KARIMOV = [
    "Police in Almaty detained the Uzbek blogger Aziz Karimov on Monday at the request "
    "of Tashkent, his lawyer said.",
    "Karimov fled Uzbekistan in 2024 after he was charged with insulting the president. "
    "A court hearing on his extradition is scheduled for March 12.",
    "Human rights groups urged Kazakhstan not to send him back, citing the risk of torture "
    "in Uzbek prisons and the fate of other critics returned in recent years.",
]

NAZAROVA = [
    "A court in Bishkek sentenced the Tajik activist Lola Nazarova to three years in prison "
    "on Tuesday for organising an unsanctioned rally, her family said.",
    "Nazarova, who has lived in Kyrgyzstan since 2022, denies the charge and says the case "
    "was brought at the request of Dushanbe.",
    "Her lawyer said she would appeal the verdict before the end of the month, and that "
    "the defence had not been allowed to call its witnesses.",
]

WEATHER = [
    "Heavy snow closed the mountain passes between Osh and Bishkek on Sunday, and the "
    "authorities advised drivers to stay at home until the roads are cleared.",
    "Forecasters expect the cold weather to last until the end of the week, with night "
    "temperatures falling well below freezing across the northern regions.",
    "Schools in several districts will stay closed on Monday, the education ministry said "
    "in a statement published on its website late on Sunday evening.",
]


def article_page(title: str, paragraphs: list[str], published: str, outlet: str) -> bytes:
    body = "".join(f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{escape(title)} | {escape(outlet)}</title>
<meta property="og:title" content="{escape(title)}">
<meta property="og:site_name" content="{escape(outlet)}">
<meta property="article:published_time" content="{published}T09:00:00+05:00">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<main><article><h1>{escape(title)}</h1><p class="byline">By Staff</p>{body}</article>
<aside><h3>Most read</h3><ul><li><a href="/x">Prices rise again at the bazaar</a></li>
<li><a href="/y">Five trails to walk this spring</a></li></ul></aside></main>
<footer><p>© 2026 {escape(outlet)}. All rights reserved.</p></footer>
</body></html>""".encode()


def rss(title: str, items: list[tuple[str, str, str]]) -> bytes:
    """An RSS 2.0 feed; items are (title, link, RFC 822 date)."""
    entries = "".join(
        f"<item><title>{escape(name)}</title><link>{escape(link)}</link>"
        f"<guid>{escape(link)}</guid><pubDate>{when}</pubDate></item>"
        for name, link, when in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        f'<rss version="2.0"><channel><title>{escape(title)}</title>'
        f"<link>http://example.invalid/</link><description>news</description>{entries}"
        "</channel></rss>"
    ).encode()


def atom(title: str, items: list[tuple[str, str, str]]) -> bytes:
    """An Atom feed; items are (title, link, ISO date)."""
    entries = "".join(
        f'<entry><title>{escape(name)}</title><link href="{escape(link)}"/>'
        f"<id>tag:test,2026:{escape(link)}</id><updated>{when}</updated></entry>"
        for name, link, when in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        f'<feed xmlns="http://www.w3.org/2005/Atom"><title>{escape(title)}</title>'
        f"<id>tag:test,2026:feed</id><updated>2026-03-02T10:00:00Z</updated>{entries}</feed>"
    ).encode()


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY a "ha">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
  <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
]>
<rss version="2.0"><channel><title>&d;</title><item><title>x</title>
<link>http://example.invalid/a</link></item></channel></rss>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>&secret;</title></channel></rss>"""

MALFORMED = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Broken
<item><title>no closing tags<link>http://example.invalid/b</link></channel>"""
