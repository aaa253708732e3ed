"""Where an event happened: the country of a place in the event's own clause.

Reads tokens of the parse; the table of place names is `places.py`, which
knows nothing of spaCy.
"""

from __future__ import annotations

from spacy.tokens import Token

from casefile.extract import syntax
from casefile.extract.people import people_words
from casefile.extract.places import country_of
from casefile.extract.triggers import Candidate
from casefile.extract.when import dateline_end


def event_country(candidate: Candidate, scope: list[Token]) -> str | None:
    """Where it happened, from the event's own clause.

    A place the clause puts it in ("detained in Almaty", "deported from
    Kyrgyzstan", a flight's destination) comes first, then the country of
    whoever acted ("a Kazakh court", "Turkey extradited him"), then any other
    place word. A nationality describing the person ("the Uzbek blogger") says
    where they are from, not where it happened.
    """
    patient = _patient_phrase(candidate)
    dateline = dateline_end(candidate.trigger.sent)  # "GROZNY — ...": where it was filed
    ranked: list[tuple[int, int, str]] = []  # (rank, position, code): earlier wins a tie
    for token in scope:
        if token.ent_type_ not in ("GPE", "NORP", "LOC") and token.pos_ not in ("PROPN", "ADJ"):
            continue
        if token.i in patient or token.idx < dateline or _nationality(token):
            continue
        code = country_of(entity_text(token)) or country_of(token.text)  # "the Istanbul court"
        if code is None:
            continue
        ranked.append((_place_rank(candidate, token), token.i, code))
    best = min(ranked) if ranked else None
    return best[2] if best is not None and best[0] < NOT_THE_PLACE else None


NOT_THE_PLACE = 9


def _nationality(token: Token) -> bool:
    """ "a Turkmen video blogger", "the Chechen activist": where a person is from."""
    if token.dep_ not in ("amod", "compound") or token.ent_type_ not in ("NORP", ""):
        return False
    head = token.head
    words = people_words()
    if head.lemma_.lower() in words.authorities:
        return False  # "Serbian border officers": the state that acted, so where it happened
    return head.lemma_.lower() in words.descriptors | set(words.roles) or head.ent_type_ == "PERSON"


def _place_rank(candidate: Candidate, token: Token) -> int:
    event_type = candidate.type
    preposition = token.head.lower_ if token.dep_ == "pobj" else ""
    if event_type == "extradition_request":  # the requesting state: "Russia's request"
        trigger = candidate.trigger
        requester = (
            (token.dep_ == "poss" and token.head == trigger)
            or (token.dep_ == "nsubj" and token.head == trigger.head)
            or (trigger in token.ancestors and trigger.lower_ == "of")  # "at the request of Russia"
        )
        return 0 if requester or preposition == "from" else 2
    if preposition == "of" and _in_passing(candidate, token):
        return NOT_THE_PLACE  # "fled after the invasion of Ukraine": a country named in passing
    if event_type == "flight":
        if token.dep_ == "dobj" or preposition == "from":
            return NOT_THE_PLACE  # where someone fled from is not where the flight ends
        return 0 if preposition in ("to", "into", "for") else 3
    if event_type in ("deportation", "extradition") and preposition == "from":
        return 0
    if event_type in ("deportation", "extradition") and token.dep_ in ("nsubj", "poss", "compound"):
        return 1  # "Turkey extradited him": the state handing over
    if preposition in ("to", "into") and event_type in ("deportation", "extradition"):
        return NOT_THE_PLACE  # where they were sent is not where it happened
    if preposition in ("in", "at"):
        return 1
    if preposition in ("to", "into"):
        return 4  # "a hearing on his deportation to Turkmenistan" is heard in Turkey
    if preposition == "from":
        return 5  # "flew from Istanbul to Belgrade and was arrested on landing": not Istanbul
    return 2


# Prepositions of a time or a cause: "fled after the invasion of Ukraine", "amid the war in
# ...": a country in their phrase is named in passing, not where the act happened.
IN_PASSING = {"after", "before", "since", "during", "amid", "following", "despite", "over"}


def _in_passing(candidate: Candidate, token: Token) -> bool:
    """ "fled Russia after the invasion of Ukraine": the country of a time or cause phrase."""
    owner = token.head.head
    return owner != candidate.trigger and owner.dep_ == "pobj" and owner.head.lower_ in IN_PASSING


def _patient_phrase(candidate: Candidate) -> set[int]:
    """Token positions of the person's own noun phrase ("the Uzbek blogger Aziz Karimov")."""
    token = candidate.trigger
    target = syntax.object_of(token) if candidate.person_role == "object" else None
    if target is None and candidate.person_role == "subject":
        target = syntax.subject_of(token)
    if target is None:
        return set()
    phrase = {t.i for t in target.subtree}
    if token.i in phrase:  # "the blogger X, who was detained in Baku": the event's own clause
        phrase -= {t.i for t in token.subtree}
    return phrase


PLACE_WORDS = {"country", "abroad", "overseas", "homeland", "exile", "border"}


def names_a_country(trigger: Token) -> bool:
    """The movement's own object or destination is a country, region or city by name
    ("left Belarus", "fled to Central Asia", "moved on to Armenia"), not a demonym, and not
    a place mentioned elsewhere in the clause ("entered the field in the 70th minute")."""
    places = [c for c in trigger.children if c.dep_ in ("dobj", "advmod")]
    for prep in (c for c in trigger.children if c.dep_ in ("prep", "prt")):
        places += [g for g in prep.children if g.dep_ == "pobj"]
        places += [
            g for p in prep.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"
        ]
    return any(_is_place(t) for place in places for t in place.subtree) or any(
        _foreign_authority(place) for place in places
    )


def _foreign_authority(noun: Token) -> bool:
    """ "handed over to Uzbek security officers": a state's officers stand for the state."""
    if noun.lemma_.lower() not in people_words().authorities:
        return False
    return any(
        country_of(c.text) is not None for c in noun.children if c.dep_ in ("amod", "compound")
    )


def _is_place(t: Token) -> bool:
    return (
        t.lower_ in PLACE_WORDS
        or t.ent_type_ in ("GPE", "LOC")
        or (t.pos_ == "PROPN" and country_of(entity_text(t)) is not None and t.ent_type_ != "NORP")
        # "fled Tajikistan": a country the model took for a nationality, in a noun's slot
        or (t.tag_ == "NNP" and t.dep_ in ("dobj", "pobj") and country_of(t.text) is not None)
    )


def entity_text(token: Token) -> str:
    if token.ent_type_ and token.ent_iob_ in ("B", "I"):
        for entity in token.doc.ents:
            if entity.start <= token.i < entity.end:
                return entity.text
    return token.text
