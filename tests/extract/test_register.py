"""Sports pages borrow the law's words; casefile reads no events from them (extract/register.py)."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from casefile.extract import extract
from casefile.extract.register import borrowed_register
from casefile.model import Article

MATCH_REPORT = (
    "Riverside striker 'sentenced' to the bench as club appeals red card\n\n"
    "Riverside manager Tom Hale has sentenced top scorer Jack Brennan to the bench for "
    "Saturday's derby after the striker was sent off in the 2-2 draw with Eastfield, and "
    "the club has lodged an appeal against the red card with the league. Hale said the "
    "decision was about the squad, not one player. Winger Sam Price, deported back to his "
    "parent club at the end of his loan, will watch from the stands. The referee's report "
    "is expected on Monday; the appeal will be heard before the derby, the club said. Fans "
    "have packed the stadium all season as the club chases promotion."
)

CHESS_REPORT = (
    "Young grandmaster exiled to board four as the national team opens its Olympiad "
    "campaign. The coach said the move was tactical. The squad, seeded ninth in the "
    "tournament, meets the hosts in round two; the captain called the first match a "
    "draw the team could have won, and the championship favourites wait in the semi-final."
)

PLAYER_JAILED = (
    "Former national team striker Reza Karimi was sentenced to six years in prison on "
    "Tuesday for supporting protesters, his lawyer said. The club he captained for a "
    "season condemned the verdict; fans chanted his name at the derby. Human rights groups "
    "call him a political prisoner of the regime's crackdown on the protest movement."
)


@pytest.mark.parametrize("text", [MATCH_REPORT, CHESS_REPORT])
def test_a_sports_page_gives_no_events(nlp: Language, text: str) -> None:
    assert borrowed_register(text) == "sport"
    assert extract(Article(text=text, published=date(2025, 3, 7)), nlp).events == ()


def test_an_athlete_jailed_for_a_protest_keeps_his_sentence(nlp: Language) -> None:
    assert borrowed_register(PLAYER_JAILED) is None
    events = extract(Article(text=PLAYER_JAILED, published=date(2025, 3, 7)), nlp).events
    assert ("sentence", "Reza Karimi") in {(e.type, e.subject) for e in events}


def test_a_passing_mention_of_sport_is_no_register() -> None:
    text = (
        "The blogger, a former football coach, was detained at the airport on Monday, "
        "his lawyer said. Police accused him of insulting the president."
    )
    assert borrowed_register(text) is None
