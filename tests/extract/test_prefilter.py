"""The prefilter turns away text that cannot hold an event, and nothing that can."""

import pytest

from casefile.extract.prefilter import could_hold_events, load_prefilter


@pytest.mark.parametrize(
    "text",
    [
        "Police in Almaty detained the blogger Rustam Nazarov on Monday.",
        "Kyrgyzstan deported him to Tashkent.",
        "A court refused his asylum application.",
        "The journalist went missing in Istanbul last week, his wife said.",
    ],
)
def test_a_short_report_with_one_anchor_is_parsed(text):
    assert could_hold_events(text)


@pytest.mark.parametrize(
    "text",
    [
        "The new phone charges from empty to 80 percent in eighteen minutes.",
        "Shares of the retailer rose four percent after the quarterly results.",
        "The striker was benched for the second half after a row with the coach.",
    ],
)
def test_ordinary_news_is_not_parsed(text):
    assert not could_hold_events(text)


def test_a_long_text_needs_more_than_one_passing_mention():
    filler = "The council discussed the budget for the coming year at length. " * 30
    one_mention = filler + "A former mayor was jailed in 2019. " + filler

    assert load_prefilter().needed(one_mention) == 2
    assert not could_hold_events(one_mention)
    assert could_hold_events(one_mention + " He was detained again last week.")
