"""Who acted: the agent of an event as a reader names it, and the state it stands for.

The parse sometimes takes a story's dateline ("TBILISI, Dec 16 (Caspian
Wire) —") for the subject of the first sentence's verb: the dateline says
where the story was filed, so it is never the agent; the verb's other
subject, after the dateline, is. A relative pronoun ("Azerbaijan, which has
charged him") stands for the noun it follows. An agent that is a state, or a
body named by its state or city ("Azerbaijan", "a Kyrgyz court", "the
Bishkek police"), says where the act happened when the event's clause names
no place of its own.
"""

from __future__ import annotations

from spacy.tokens import Token

from casefile.extract import syntax
from casefile.extract.places import country_of
from casefile.extract.when import dateline_end
from casefile.extract.where import entity_text


def acting(agent: Token | None) -> Token | None:
    """The agent token, with a dateline replaced by the verb's real subject, a relative
    pronoun by its antecedent."""
    if agent is None:
        return None
    if agent.idx < dateline_end(agent.sent):
        others = [
            c
            for c in agent.head.children
            if c.dep_ == agent.dep_ and c.idx >= dateline_end(agent.sent)
        ]
        return others[0] if others else None
    return syntax.relative_antecedent(agent)


def agent_text(agent: Token) -> str:
    """The agent's words: a name as named ("Kuspan, who won her release" is Abzal Kuspan);
    after a dateline, no part of it nor a date hanging on the agent ("DUBAI, Dec 12 (GNS) –
    Iran on Saturday" is Iran)."""
    if agent.ent_type_ == "PERSON":
        return entity_text(agent)
    start = dateline_end(agent.sent)
    if agent.left_edge.idx >= start and not any(_is_date_phrase(c) for c in agent.children):
        return syntax.phrase_text(agent)
    words = [t for t in _own_words(agent) if t.idx >= start]
    return agent.doc[words[0].i : words[-1].i + 1].text.strip(" ,") if words else ""


def _is_date_phrase(token: Token) -> bool:
    """ "on Friday" hanging on the agent, where the parse put it."""
    return token.dep_ == "prep" and any(t.ent_type_ in ("DATE", "TIME") for t in token.subtree)


def _own_words(token: Token) -> list[Token]:
    """A phrase without its clauses and dates."""
    kept = [token]
    for child in token.children:
        if child.dep_ in ("relcl", "acl", "advcl", "ccomp", "punct", "appos"):
            continue
        if _is_date_phrase(child):
            continue
        kept += _own_words(child)
    return sorted(kept, key=lambda t: t.i)


def agent_country(agent: Token | None) -> str | None:
    """The state an agent is or is named by: "Azerbaijan", "Kyrgyz police", "a Bishkek court"."""
    if agent is None:
        return None
    code = country_of(entity_text(agent))
    if code is not None:
        return code
    for word in agent.children:
        if word.dep_ in ("amod", "compound", "poss") and word.pos_ != "DET":
            code = country_of(entity_text(word)) or country_of(word.text)
            if code is not None:
                return code
    for preposition in (c for c in agent.children if c.dep_ == "prep" and c.lower_ in ("in", "of")):
        place = syntax.child(preposition, "pobj")  # "a court in Tbilisi", "the police of Osh"
        if place is not None and (code := country_of(entity_text(place))) is not None:
            return code
    return None
