"""Sessions told by what the court is to decide or read (issue 11).

"A court will decide on his detention tomorrow" sets a session on the matter;
"postponed the reading of the verdict" moves one (GUIDELINES: a ruling on
anything but extradition or asylum, or a session without an outcome, is a
hearing). A decision on extradition stays the decisions table's; deciding on
something outside a court is no session.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from casefile.extract import extract
from casefile.model import Article

PUBLISHED = date(2025, 11, 14)
INTRO = "The Uyghur engineer Memet Tursun has lived in Dubai since 2015. "
WHO = "Memet Tursun"


def found(nlp: Language, text: str) -> set[tuple[str, str, str]]:
    events = extract(Article(text=INTRO + text, published=PUBLISHED), nlp).events
    return {(event.type, event.subject, event.status) for event in events}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # wire: the court's next step, set for a day
        ("A Dubai court will decide on his pre-trial detention tomorrow.", "scheduled"),
        ("The appeals court will rule on the bail request of Tursun on Monday.", "scheduled"),
        # court report and translated press: the reading of the verdict moved
        (
            "On 16 October the court postponed the reading of the verdict in Tursun's case.",
            "postponed",
        ),
    ],
)
def test_sessions_told_by_the_ruling(nlp: Language, text: str, status: str) -> None:
    assert ("hearing", WHO, status) in found(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        # a decision on extradition is a decision, not a session
        "The court decided on Tursun's extradition on 3 March.",
        # deciding outside a court
        "Tursun will decide on a new lawyer tomorrow.",
        "The city council will rule on the budget request on Monday.",
    ],
)
def test_no_session(nlp: Language, text: str) -> None:
    assert not {e for e in found(nlp, text) if e[0] == "hearing"}
