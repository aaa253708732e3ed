"""Publisher boilerplate is cut and recorded; news copy that mentions the same words is kept."""

import pytest

from casefile.sources.boilerplate import cut_boilerplate

NEWS = (
    "Police in Istanbul detained the Tajik blogger Farrukh Sattorov on Monday, his lawyer said.\n\n"
    "Tajikistan has asked Turkey to extradite him on charges of extremism."
)


def test_text_without_boilerplate_comes_back_unchanged():
    assert cut_boilerplate(NEWS) == (NEWS, ())


def test_a_trailing_donation_appeal_is_cut_and_recorded():
    appeal = (
        "A message from The Pamir Herald:\n"
        "Dear readers,\n"
        "The authorities have labelled us an extremist outlet. Please support us today.\n"
        "Remind me later."
    )
    text = NEWS + "\n\n" + appeal

    clean, cuts = cut_boilerplate(text)

    assert clean == NEWS
    assert [cut.kind for cut in cuts] == ["donation_appeal"]
    assert cuts[0].text == appeal
    assert text[cuts[0].start : cuts[0].end] == appeal


def test_article_text_after_a_closed_appeal_is_kept():
    text = (
        "First paragraph of the report.\n\n"
        "Dear readers,\nPlease support us.\nRemind me later.\n\n"
        "The hearing was adjourned until Friday."
    )

    clean, cuts = cut_boilerplate(text)

    assert clean == "First paragraph of the report.\n\nThe hearing was adjourned until Friday."
    assert cuts[0].text.endswith("Remind me later.")


def test_an_appeal_folded_into_one_paragraph_is_cut():
    text = NEWS + (
        "\n\nOur work depends on readers like you and people like you. "
        "A small monthly gift keeps us independent. Donate today."
    )

    clean, cuts = cut_boilerplate(text)

    assert clean == NEWS
    assert cuts[0].kind == "donation_appeal"


def test_a_read_also_list_is_cut_up_to_the_next_paragraph():
    text = (
        "Police detained him on Monday.\n\n"
        "Read also:\n"
        "– Tajik exile freed in Vilnius after two weeks\n"
        "– How Interpol notices are misused\n\n"
        "His lawyer said he would appeal the ruling."
    )

    clean, cuts = cut_boilerplate(text)

    assert clean == "Police detained him on Monday.\n\nHis lawyer said he would appeal the ruling."
    assert cuts[0].kind == "read_also"
    assert cuts[0].text.startswith("Read also:")
    assert cuts[0].text.endswith("How Interpol notices are misused")
    assert text[cuts[0].start : cuts[0].end] == cuts[0].text


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Read more: Belarusian activist detained in Warsaw", "read_also"),
        ("Related: Kazakhstan refuses asylum to Chechen exile", "read_also"),
        ("© 2026 Caspian Wire. All rights reserved.", "copyright"),
        ("Copyright 2026 Example News", "copyright"),
        ("Sign up for our daily newsletter", "newsletter"),
        ("Share this article: Facebook, Telegram, Email", "share"),
    ],
)
def test_boilerplate_lines(line, kind):
    clean, cuts = cut_boilerplate(NEWS + "\n\n" + line)

    assert clean == NEWS
    assert [(cut.kind, cut.text) for cut in cuts] == [(kind, line)]


@pytest.mark.parametrize(
    "paragraph",
    [
        "Supporters gathered outside the court, and his mother thanked everyone for their support.",
        "The group said it would publish the ruling in its newsletter on Friday.",
        "Related charges were brought against two co-defendants in May.",
        "Read the full statement, he said, and you will see the case is political.",
        "Dear friends and relatives who came to support him were barred from the courtroom.",
        "Copyright lawyers were not involved in the case.",
        "He was sentenced in absentia. Supporters were urged to donate to his legal fund.",
    ],
)
def test_news_that_mentions_the_same_words_is_kept(paragraph):
    text = NEWS + "\n\n" + paragraph

    assert cut_boilerplate(text) == (text, ())
