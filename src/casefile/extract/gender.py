"""Whether "he" or "she" can stand for a person: what the article itself says of them.

A pronoun must agree with its antecedent, so a person's gender, where the
text makes it plain, keeps "she" off the man standing next to a woman in a
sentence (her lawyer, a head of government). Only words tied to the
person's own mentions count: a title or a gendered noun beside the name
("Mr", "the 41-year-old woman"), a spouse named as theirs ("his wife X", "X's
husband"), a reflexive or possessive pronoun inside a clause the person is
the subject of ("X barricaded herself", "X left his home"). A pronoun that
the salience model only guessed for the person is no evidence: a wrong
guess would then spread to every later pronoun. Without such words gender
stays unknown and any pronoun may stand for the person.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from casefile.extract import syntax

PRONOUN_GENDER = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}
REFLEXIVES = {"himself", "herself"}
# A spouse's word says the other spouse's gender: "Zam's wife" is a man's wife.
SPOUSES = {"wife": "m", "husband": "f", "widow": "m", "widower": "f"}


@dataclass(frozen=True)
class GenderWords:
    """people.yaml's words: gendered nouns and titles, and surname endings."""

    gendered: dict[str, str]
    surname_endings: tuple[tuple[str, str], ...]


def person_gender(
    doc: Doc, mentions: list[int], surname: str, words: GenderWords, in_office: bool = False
) -> str | None:
    """ "f", "m", or None: the person's gender from the cues beside `mentions` (token
    indexes of their names), else from a near-certain surname ending; conflicting
    cues leave it unknown. Someone `in_office` acts on others' things ("the
    secretary cancelled her passport"), so their clause's pronouns say nothing."""
    votes: Counter[str] = Counter()
    for i in mentions:
        own = None if in_office else _own_pronoun(doc[i], mentions)
        cue = _title_or_noun(doc[i], words) or _spouse(doc[i]) or own
        if cue is not None:
            votes[cue] += 1
    if len(votes) == 1:
        return next(iter(votes))
    if votes:
        return None
    for ending, gender in words.surname_endings:
        if len(surname) > len(ending) + 2 and surname.endswith(ending):
            return gender
    return None


def _title_or_noun(token: Token, words: GenderWords) -> str | None:
    """ "Mrs Ruiz", "Ruiz, a 41-year-old woman", "the businessman Ruiz"."""
    doc = token.doc
    neighbours = [doc[token.i - 1]] if token.i > 0 else []
    neighbours += [c for c in token.children if c.dep_ in ("appos", "compound")]
    if token.dep_ == "appos":
        neighbours.append(token.head)
    for word in neighbours:
        gender = words.gendered.get(word.lower_.strip("."))
        if gender:
            return gender
    return None


def _spouse(token: Token) -> str | None:
    """ "Zam's wife", "the husband of Ruiz", "Ruiz and his wife": the spouse's opposite."""
    head = syntax.name_head(token)
    if head.dep_ == "poss" and head.head.lower_ in SPOUSES:
        return SPOUSES[head.head.lower_]
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in SPOUSES:
        return SPOUSES[head.head.head.lower_]
    for partner in (c for c in head.children if c.dep_ == "conj" and c.lower_ in SPOUSES):
        owner = syntax.child(partner, "poss")
        if owner is not None and owner.lower_ in PRONOUN_GENDER:
            return PRONOUN_GENDER[owner.lower_]  # "Ruiz and her husband"
    return None


def _own_pronoun(token: Token, mentions: list[int]) -> str | None:
    """ "Ruiz barricaded herself in", "Ruiz sold his flat": a reflexive or possessive
    pronoun in the clause whose subject the person is, no other name between."""
    head = syntax.name_head(token)
    if head.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = head.head
    for word in verb.children:
        if word.dep_ in ("dobj", "dative") and word.lower_ in REFLEXIVES:
            return PRONOUN_GENDER[word.lower_]
        held = word
        if word.dep_ == "prep":
            held = syntax.child(word, "pobj") or word
        elif word.dep_ != "dobj":
            continue
        owner = syntax.child(held, "poss")
        if owner is None or owner.lower_ not in PRONOUN_GENDER:
            if held.lower_ in REFLEXIVES:
                return PRONOUN_GENDER[held.lower_]
            continue
        between = range(min(token.i, owner.i) + 1, max(token.i, owner.i))
        if any(token.doc[i].ent_type_ == "PERSON" and i not in mentions for i in between):
            continue
        return PRONOUN_GENDER[owner.lower_]
    return None
