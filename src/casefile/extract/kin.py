"""Relatives told of through someone else: "Nasser's father", "his wife", "the mother of X".

A reporter names a relative once beside a kin word ("his wife, Leila Haddad",
"Nadia Selim, the sister of Karim Selim", "Rakhimov's mother, Gulnora
Rakhimova") and afterwards by the relation alone ("Nasser's wife was
charged"). The article's kin map links each (person, kin word) to the named
relative. A kin phrase whose relative the article never names is never the
person it is told through ("Nasser's father was released": not Nasser), and
gives no event. (Tried and dropped, measured: such a relative as a subject
of its own, "Nasser's father", dev-b 0.645 -> 0.641; it brings out trigger
errors the missing subject hid, such as a relative's journey taken for a
flight.) Kin words and their converses are `kin_converse` in data/people.yaml.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from spacy.tokens import Doc, Token


def is_kin(token: Token, words: Collection[str]) -> bool:
    """A singular kin noun: "father", "wife" (not "parents", "family")."""
    return token.tag_ == "NN" and token.lemma_.lower() in words


def _person(token: Token, token_person: dict[int, int]) -> int | None:
    """The person a name's head (or a word its name hangs on) stands for."""
    found = token_person.get(token.i)
    if found is not None:
        return found
    for c in token.children:  # "the blogger Bakhtiyor Rakhimov": the name beside the role
        if c.pos_ == "PROPN" and c.dep_ not in ("poss", "prep", "pobj"):
            found = token_person.get(c.i)
            if found is not None:
                return found
    return None


def owner_token(kin: Token) -> Token | None:
    """The word for whose relative it is: "Nasser's father", "his wife", "the mother of X"."""
    for c in kin.children:
        if c.dep_ == "poss":
            return c
    for c in kin.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            return next((o for o in c.children if o.dep_ == "pobj"), None)
    return None


def _named(kin: Token, token_person: dict[int, int]) -> int | None:
    """The name set beside a kin word: "his wife, Leila Haddad"; "Nadia Selim, the sister"."""
    for c in kin.children:
        if c.dep_ == "appos":  # "her brother, the radio host Wanchai Saengthong"
            return _person(c, token_person)
    if kin.dep_ in ("appos", "compound") and kin.head.pos_ == "PROPN":
        return token_person.get(kin.head.i)
    return None


def link_kin(
    doc: Doc,
    token_person: dict[int, int],
    converse: Mapping[str, tuple[str, ...]],
    keys: Sequence[tuple[str, ...]],
) -> dict[tuple[int, str], int]:
    """(person, kin word) -> the relative the article names with that relation.

    `keys` are each person's name words. Each link gives its converse too
    ("Sezer's wife, Aylin Sezer": her husband is Sezer). A relation named for
    two different people ("his brother, A" and later "his brother, B") links
    neither: the kin word alone cannot say which.
    """
    found: list[tuple[tuple[int, str], int]] = []
    for token in doc:
        if not is_kin(token, converse):
            continue
        owner_word = owner_token(token)
        owner = _person(owner_word, token_person) if owner_word is not None else None
        if owner is None:
            continue
        named = _named(token, token_person)
        if named is None:
            named = _named_next(token, owner, token_person, keys)
        if named is None or owner == named:
            continue
        kin = token.lemma_.lower()
        found.append(((owner, kin), named))
        found += [((named, other), owner) for other in converse[kin]]
    links: dict[tuple[int, str], int] = {}
    clashing: set[tuple[int, str]] = set()
    for key, named in found:
        if links.get(key, named) != named:
            clashing.add(key)
        links[key] = named
    return {key: named for key, named in links.items() if key not in clashing}


PRONOUN_LIKE = frozenset({"he", "she", "him", "her", "his", "hers", "they", "them", "their"})


def _named_next(
    kin: Token, owner: int, token_person: dict[int, int], keys: Sequence[tuple[str, ...]]
) -> int | None:
    """ "The 70-year-old mother of X was detained ... Ho Siu-fan appeared in court": a
    relative told of as the subject of a sentence and named first, with the family's
    name, as the next sentence opens its own clause (the wire lead's way)."""
    if kin.dep_ not in ("nsubj", "nsubjpass"):
        return None
    sentence = kin.sent
    if sentence.end >= len(kin.doc):
        return None
    following = kin.doc[sentence.end].sent
    first_seen: dict[int, int] = {}
    for i, seen in sorted(token_person.items()):
        first_seen.setdefault(seen, i)
    for token in following:
        someone = token_person.get(token.i)
        if someone is None or someone == owner or token.lower_ in PRONOUN_LIKE:
            continue
        if token.head != token and token_person.get(token.head.i) == someone:
            continue  # "Ho Siu-fan": the name's head says its role
        new = first_seen[someone] >= following.start
        shared = set(keys[someone]) & set(keys[owner])
        return someone if new and shared and token.dep_ in ("nsubj", "nsubjpass") else None
    return None
