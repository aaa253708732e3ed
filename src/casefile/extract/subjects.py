"""Whom an event happened to, and who did it.

Read from the trigger's slots in the parse (its object or subject, a noun's
possessor or "of" phrase, the request a decision grants), then from the
people the sentence names: names, pronouns, descriptions of the story's
person ("the activist"), groups ("three Uyghur men"), pairs ("both were
detained") and the organisations a court designates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Span, Token

from casefile.extract import syntax
from casefile.extract.groups import (
    group_in_phrase,
    group_size,
    is_group,
    is_whole,
    listed_after,
    named_members,
    partitive,
    partitive_phrase,
)
from casefile.extract.kin import is_kin, owner_token
from casefile.extract.lexicon import Lexicon, load_lexicon
from casefile.extract.people import CALENDAR_WORDS, People, people_words, quoted_source
from casefile.extract.places import country_of
from casefile.extract.triggers import Candidate
from casefile.extract.when import dateline_end
from casefile.extract.where import entity_text


def find_subjects(
    candidate: Candidate, people: People, lexicon: Lexicon
) -> tuple[list[tuple[str, int | None]], Token | None]:
    """Whom the event happened to (names, person indexes), and the token of who did it.

    Coordinated subjects ("Jeyranov and Bayramli were detained") each get the event.
    """
    token = candidate.trigger
    role = candidate.person_role
    agent: Token | None = None
    target: Token | None = None
    if role == "organization":
        target = syntax.child(token, "dobj", "nsubjpass", "dative")
        agent = syntax.agent_of(token)
        person = _person_at(target, people) if target is not None else None
        if person is not None and target is not None:  # "added him to its register of ..."
            listed = [person]  # "included the poet A, the historian B and the lawyer C"
            for t in target.subtree:
                other = people.of(t) if t.pos_ == "PROPN" else None
                if other is not None and other not in listed:
                    listed.append(other)
            return [(people.name(p), p) for p in listed], agent
        name = _organization_name(token)
        return ([(name, None)] if name else []), agent
    if role == "subject":
        target = syntax.subject_of(token)
        if (
            candidate.type == "appeal"
            and target is not None
            and people_words().roles.get(target.lemma_.lower()) == "counsel"
            and (main := people.main_at(token)) is not None
        ):  # "His lawyers appealed": the client's appeal, filed by counsel
            owner = next((people.of(c) for c in target.children if c.dep_ == "poss"), None)
            client = owner if owner is not None else main
            return [(people.name(client), client)], target
    elif role == "object":
        target = syntax.object_of(token)
        agent = syntax.agent_of(token)
        if target is None and token.dep_ in ("acl",) and token.head.pos_ in ("NOUN", "PROPN"):
            target = token.head
        said = syntax.child(token, "nsubj")
        if (
            target is None
            and said is not None
            and said.lemma_.lower() in lexicon.possessed(candidate.type) - {"case"}
        ):  # "Passports of six activists cancelled": a headline's passive, no doer
            target, agent = said, None
        asked = syntax.child(token, "xcomp")
        if (
            target is not None
            and target.ent_type_ == "GPE"
            and asked is not None
            and asked.pos_ == "VERB"
            and syntax.object_of(asked) is not None
        ):
            target = syntax.object_of(asked)  # "asked Turkey to extradite her": her
        if target is not None and _person_at(target, people) is None:
            # "imposed sanctions on X", "a case against X was opened",
            # "requested the extradition of X", "requested X's extradition"
            measures = lexicon.measures
            for c in [*target.children, *token.children]:
                if c.dep_ == "prep" and (syntax.child(c, "pobj") or c).ent_type_ in (
                    "DATE",
                    "TIME",
                ):
                    continue  # "On January 28, police recorded offences against him"
                if c.dep_ == "prep" and (
                    (c.lower_ in ("on", "against") and target.lemma_.lower() in measures)
                    or (c.lower_ == "to" and target.lemma_.lower() in PENALTIES)
                    or (
                        c.lower_ == "to"
                        and target.lemma_.lower() in GRANTED_TO
                        and (syntax.child(c, "pobj") or c).ent_type_ not in ("GPE", "LOC")
                    )
                    or (
                        c.lower_ == "of"
                        and c.head == target
                        and not _names_a_person(target)
                        and partitive(target) is None
                    )
                ):
                    target = syntax.child(c, "pobj") or target
                    break
                if (
                    c.dep_ == "poss"
                    and c.head == target
                    and target.lemma_.lower() in lexicon.possessed(candidate.type)
                    and people.of(c) is not None
                ):
                    target = c
                    break
    elif role == "decision":
        target = _decision_person(token, people)
        agent = syntax.agent_of(token)
    elif role in ("noun", "phrase"):
        target = _noun_person(token, people)
        verb = syntax.governing_verb(token)
        filed_for = _client_of_filer(token, verb, people, lexicon)
        if target is None and filed_for is not None:
            return [(people.name(filed_for), filed_for)], syntax.subject_of(verb) if verb else None
        if target is None and candidate.type == "appeal" and _filed_by_another(verb, people):
            return [], None  # "the ruling party lodged a complaint": not the person's appeal
        if target is None and verb is not None and syntax.lemma(verb) == "be":
            target = syntax.subject_of(verb)  # "All three are defendants in criminal cases"
            target = target if target is not None and _counted_back(target) else None
        if role == "phrase" and verb is not None:
            target = target or syntax.object_of(verb) or _not_in_office(verb, people)
            if target is not None and candidate.type == "hearing" and target.pos_ == "NOUN":
                target = _noun_person(target, people) or target  # "consider the extradition of X"
            possessor = syntax.child(target, "poss") if target is not None else None
            if (
                possessor is not None
                and target is not None
                and target.lemma_.lower() in lexicon.possessed(candidate.type)
            ):
                target = possessor  # "put her name on a search list": her
        if verb is not None and role == "noun":
            agent = syntax.agent_of(verb)
            if agent is not None and people.of(agent) is not None:
                agent = None
    elif role == "international":
        target = syntax.child(token, "dobj")
        agent = syntax.subject_of(token)
        if target is not None and target.pos_ == "NOUN" and _person_at(target, people) is None:
            target = _noun_person(target, people) or target  # "raised the case of X"
        asked = syntax.child(token, "xcomp")
        if (
            target is not None
            and target.ent_type_ == "GPE"
            and asked is not None
            and syntax.object_of(asked) is not None
        ):
            target = syntax.object_of(asked)  # "asked the UAE not to extradite his father"
    whole = partitive(target) if target is not None else None
    if target is not None and whole is not None:
        if not is_whole(target):
            return [(partitive_phrase(target), None)], agent  # "Three of the seven were freed"
        target = whole  # "all of them", "both of the men": the group itself
    found: list[int] = []
    groups: list[str] = []
    counted = target is not None and (is_group(target) or _counted_with_list(target))
    told_of = target if counted else group_in_phrase(token)
    if told_of is not None and (_person_at(told_of, people) is None or _counted_with_list(told_of)):
        listed = named_members(told_of, people)  # "warrants for the eight ... Those named were"
        if listed:
            return [(people.name(p), p) for p in listed], agent
    if role == "noun" and target is None and told_of is None:
        listed = listed_after(token, people)  # "Six more bounties, including A, B and C"
        if listed:
            return [(people.name(p), p) for p in listed], agent
    if target is not None and target.lower_ in PAIR_PRONOUNS:
        found = _previous_pair(target, people)  # "Both were detained": the two just named
    elif (
        target is not None
        and target.lower_ in PAIR_NOUNS
        and any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in target.children)
    ):  # "The pair were moved to house arrest": the two told of just before
        found = _previous_pair(target, people) or _last_two_told(target, people)
    elif (
        target is not None
        and target.tag_ in ("NNS", "NNPS")
        and group_size(target) == 2
        and any(c.lower_ in ("both", "the", "these", "those") for c in target.children)
    ):
        # "asked Latvia to extradite both men": the two told of just before
        found = _previous_pair(target, people) or _last_two_told(target, people)
    if target is not None and _counted_back(target):
        told = _the_counted(target, people)  # "All three are defendants"
        if told:
            return told, agent
    members = syntax.coordinated(target) if target is not None and not found else []
    if target is not None and target.tag_ in ("NNS", "NNPS"):
        for named in (c for c in target.children if c.dep_ == "appos"):
            members += syntax.coordinated(named)  # "Two others, Jeyranov and Bayramli, were"
    for each in members:
        person = _person_at(each, people)
        if person is not None and person not in found:
            found.append(person)
        elif (
            person is None
            and (group := _group(each, people, candidate.type in lexicon.story.crowds)) is not None
        ):
            groups.append(group)
    if role in ("subject", "object"):
        for gapped in _gapped(token, people):  # "sentenced to 12 years, and Saidov to 10"
            if gapped not in found and (found or target is not None):
                found.append(gapped)
    if not found and target is not None and target.tag_ in ("NNS", "NNPS"):
        found = _included(target, token, people)  # "activists were arrested, including A and B"
    if groups and not found:  # "14 people, nine men and five women": one group, told twice
        return [(groups[0], None)], agent
    if (
        not found
        and role in ("object", "subject")
        and (target is None or (_person_at(target, people) is None and not is_group(target)))
        and _timeline_entry(token)
    ):
        main = people.main_at(token)  # "May 21, 2018: detained by the security service."
        if main is not None:
            found.append(main)
    if not found and role in ("decision", "noun", "international", "phrase"):
        person = _sentence_person(token, people, exclude=agent)
        if person is None and not _names_anyone(token.sent, people) and not _other_people(target):
            person = people.main_at(token)
        if person is not None:
            found.append(person)
    return [(people.name(p), p) for p in found], agent


def _counted_with_list(group: Token) -> bool:
    """ "Four colleagues ...: A, B, C and D": a counted group whose list hangs on it as
    an apposition; its first name is one member, not the group."""
    return (
        group.tag_ in ("NNS", "NNPS")
        and group_size(group) is not None
        and any(c.dep_ == "appos" for c in group.children)
    )


def _filed_by_another(verb: Token | None, people: People) -> bool:
    """A complaint lodged by a party, a ministry or a company is not an appeal of the
    story's person; theirs is filed by them, their counsel or their family."""
    filer = syntax.subject_of(verb) if verb is not None else None
    return (
        filer is not None
        and filer.pos_ in ("NOUN", "PROPN")
        and _person_at(filer, people) is None
        and people_words().roles.get(filer.lemma_.lower()) is None
    )


def _client_of_filer(
    noun: Token, verb: Token | None, people: People, lexicon: Lexicon
) -> int | None:
    """ "His family filed a cassation complaint", "her lawyers lodged an appeal": what
    counsel or relatives file is the client's (events.yaml, story: for_the_client)."""
    filer = syntax.subject_of(verb) if verb is not None else None
    if filer is None or people_words().roles.get(filer.lemma_.lower()) not in ("counsel", "family"):
        return None
    rules = lexicon.noun_rules(noun.lemma_.lower())
    if not any(rule.type in lexicon.story.for_the_client for rule in rules):
        return None
    owner = next((people.of(c) for c in filer.children if c.dep_ == "poss"), None)
    return owner if owner is not None else people.main_at(noun)


def _timeline_entry(verb: Token) -> bool:
    """A dated line of a timeline or a bullet, written without its subject: "August 1,
    2018: convicted and given a suspended sentence", "- 2009: detained after the protests".
    Such lines tell the story's person's life."""
    head = verb
    while head.dep_ == "conj" and head.head != head:
        head = head.head
    subject = syntax.subject_of(head)
    if subject is not None and subject.ent_type_ != "DATE":
        return False  # a date parsed as the subject ("June 3: leaves Almaty") is none
    words = [t for t in verb.sent if not t.is_space]
    colon = next((i for i, t in enumerate(words[:8]) if t.text == ":"), None)
    if colon is not None and colon > 0:
        return all(t.ent_type_ == "DATE" or t.is_punct for t in words[:colon])
    return bool(words) and words[0].text in ("-", "•", "*", "–", "—")


def _included(group: Token, trigger: Token, people: People) -> list[int]:
    """The people an "including" list names after a group."""
    found: list[int] = []
    for head in (group, trigger):
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in ("including", "among"):
                for t in c.subtree:
                    person = people.of(t)
                    if (
                        person is not None
                        and person not in found
                        and t.pos_ == "PROPN"
                        and not _of_modifier(t)
                    ):  # "Eva Forest, wife of the playwright Alfonso Sastre": not Sastre
                        found.append(person)
    return found


def _of_modifier(token: Token) -> bool:
    head = token
    while head.dep_ in ("compound", "flat") and head.head != head:
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ == "of"


PAIR_PRONOUNS = {"both", "they", "them"}
PAIR_NOUNS = {"pair", "couple", "duo"}
# A penalty handed "to" someone is theirs: "handed down a nine-year term to X".
PENALTIES = {"term", "sentence", "penalty", "punishment"}
# What is refused or granted "to" someone: "refused entry to two journalists, A and B".
GRANTED_TO = {"entry", "admission", "access"}


def _counted_back(token: Token) -> bool:
    """ "All three", "the three": a number standing for people counted before."""
    return token.pos_ == "NUM" and any(c.lower_ in ("all", "the") for c in token.children)


def _the_counted(number: Token, people: People) -> list[tuple[str, int | None]]:
    """ "Two other activists were detained ... All three are defendants": the group just
    told, and the person it was told beside ("two other", "Gorin among them")."""
    doc = number.doc
    first = doc[max(0, number.sent.start - 1)].sent.start
    for i in range(number.sent.start - 1, first - 1, -1):
        token = doc[i]
        if token.tag_ not in ("NNS", "NNPS") or token.dep_ not in ("nsubj", "nsubjpass"):
            continue
        group = _group(token, people)
        if group is None:
            continue
        beside = {people.of(t) for t in token.sent if t.pos_ == "PROPN"} - {None}
        if not beside and "other" in group.lower().split():
            beside = {people.main_at(number)} - {None}
        return [(group, None)] + [(people.name(p), p) for p in beside if p is not None]
    return []


def _previous_pair(token: Token, people: People) -> list[int]:
    """The people last named together ("Jeyranov and Bayramli"), for "both" or "they"."""
    doc = token.doc
    first = doc[max(0, token.sent.start - 1)].sent.start
    for i in range(token.i - 1, first - 1, -1):
        person = people.of(doc[i])
        if person is None or doc[i].dep_ != "conj":
            continue
        head = doc[i].head
        while head.dep_ == "conj" and people.of(head) is None:
            head = head.head
        pair = [p for p in (people.of(head), person) if p is not None]
        if len(set(pair)) == 2:
            return pair
    return []


PAIR_REACH = 2  # sentences back where "both men" finds the two people told of


def _last_two_told(group: Token, people: People) -> list[int]:
    """ "Police detained A in Riga. B was detained in Vilnius. Minsk asked Latvia to
    extradite both men": the last two people the story told events of, as subjects or
    objects, in the sentences just before."""
    sentences = syntax.sentences(group.doc)
    here = syntax.sentence_index(group)
    told: list[int] = []
    for sentence in reversed(sentences[max(0, here - PAIR_REACH) : here]):
        for token in reversed(list(sentence)):
            if token.dep_ not in ("nsubj", "nsubjpass", "dobj", "appos", "conj"):
                continue
            person = _person_at(token, people)
            if person is not None and person not in told:
                told.append(person)
        if len(told) >= 2:
            return list(reversed(told[:2]))
    return []


def _gapped(verb: Token, people: People) -> list[int]:
    """A second clause that leaves its verb out: "X was sentenced to 12 years, and his
    colleague Y to 10", "jailed X for six years and Y for four". The person of the
    remnant (a noun coordinated with the verb, followed by its own "to"/"for" phrase)
    shares the event."""
    found: list[int] = []
    for c in verb.children:
        if c.dep_ != "conj" or c.pos_ not in ("NOUN", "PROPN"):
            continue
        if not any(p.dep_ == "prep" for p in c.children) and not any(
            p.dep_ == "prep" and p.i > c.i for p in verb.children
        ):
            continue
        remnant = [t for t in c.subtree] + [
            t for p in verb.children if p.i > c.i for t in p.subtree
        ]
        if any(_a_point_in_time(t) for t in remnant):
            continue  # "..., and Y in raids in December": its own date, which the verb's is not
        person = _person_at(c, people)
        if person is None:
            named = next((a for a in c.children if a.dep_ == "appos"), None)
            person = _person_at(named, people) if named is not None else None
        if person is not None:
            found.append(person)
    return found


def _a_point_in_time(token: Token) -> bool:
    """A month, weekday or year ("in December 2020"), not a term ("to 10 years")."""
    return token.ent_type_ in ("DATE", "TIME") and (
        token.lower_ in CALENDAR_WORDS
        or (token.shape_ == "dddd" and token.text[:2] in ("19", "20"))
    )


ROLE_SUBJECTS = {"suspect", "attacker", "gunman", "assailant", "killer"}


def _group(token: Token, people: People | None = None, crowds: bool = False) -> str | None:
    """A group as a short noun phrase ("three Russian political activists", "Uyghur men").

    Pronouns "they"/"them" stand for the nearest such group before them; given the
    article's people, "the man" after an unnamed suspect is "suspect". With `crowds`
    (an event a crowd undergoes, such as an arrest), a counted crowd is a group too
    ("Sixty-eight people were detained"); not a count of the dead or wounded.
    """
    if token.lower_ in ("they", "them"):
        return _previous_group(token)
    suspect_again = people is not None and _the_suspect_again(token, people)
    if (_is_suspect(token) or suspect_again) and token.tag_ == "NN":
        return "suspect"  # GUIDELINES: groups and unnamed people as short noun phrases
    if (
        token.tag_ == "NN"
        and _someone_new(token)
        and token.lemma_.lower() in people_words().descriptors
    ):
        return token.lemma_.lower()  # "briefly detained a journalist working for ...": "journalist"
    words = [c for c in token.children if c.dep_ in ("nummod", "amod", "compound", "quantmod")]
    lemma = token.lemma_.lower()
    countable = people_words().counted_nouns | (people_words().crowd_nouns if crowds else set())
    counted = lemma in countable and any(c.dep_ == "nummod" for c in words)
    if token.tag_ not in ("NNS", "NNPS") or not (lemma in people_words().group_nouns or counted):
        return None
    words += [
        c for c in token.children if c.dep_ == "det" and c.lower_ not in ("the", "these", "those")
    ]
    start = min([w.left_edge.i for w in words] + [token.i])
    end = token.i + 1
    for c in token.children:  # "activists from his association"
        if c.dep_ == "prep" and c.lower_ in ("from", "of") and c.i == end:
            end = c.right_edge.i + 1
    joined = next((c for c in token.children if c.dep_ == "conj" and c.i > token.i), None)
    if (
        joined is not None
        and joined.tag_ in ("NNS", "NNPS")
        and joined.i - end <= 3
        and any(t.dep_ == "cc" and t.lower_ == "and" for t in token.doc[end : joined.i])
        and is_group(joined)
    ):
        end = joined.i + 1  # "lawyers and activists", "critics and opposition supporters"
    return token.doc[start:end].text


def _told_by_relative(token: Token, people: People) -> int | None:
    """ "The wife of X told reporters that her husband had been taken": "her" is the
    unnamed wife the sentence opens with, so her husband is X (the converse relation)."""
    words = people_words().kin_converse
    if not is_kin(token, words):
        return None
    poss = syntax.child(token, "poss")
    if poss is None or poss.pos_ != "PRON":
        return None
    kin = token.lemma_.lower()
    for earlier in token.sent:
        if earlier.i >= token.i:
            break
        if (
            is_kin(earlier, words)
            and kin in words[earlier.lemma_.lower()]
            and not any(c.dep_ == "appos" for c in earlier.children)
            and (owner := owner_token(earlier)) is not None
            and owner.pos_ != "PRON"
        ):
            return _person_at(owner, people)
    return None


def _named_owner(kin: Token) -> bool:
    """ "Nasser's father", "the father of Nasser": the owner written out, not a pronoun
    ("his father" may be the speaker's father, and so the story's person)."""
    owner = owner_token(kin)
    return owner is not None and owner.pos_ != "PRON"


def _kin_owner(token: Token, people: People) -> int | None:
    """Whose relative a kin word names ("Nasser's father", "the blogger's mother")."""
    if not is_kin(token, people_words().kin_converse):
        return None
    owner = owner_token(token)
    return _person_at(owner, people) if owner is not None else None


def _previous_group(pronoun: Token) -> str | None:
    doc = pronoun.doc
    first = doc[max(0, pronoun.sent.start - 1)].sent.start
    for i in range(pronoun.i - 1, first - 1, -1):
        if doc[i].tag_ in ("NNS", "NNPS") and doc[i].dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
            group = _group(doc[i])
            if group is not None:
                return group
    return None


def _other_people(target: Token | None) -> bool:
    """Is the slot filled by someone who is not the story's person ("three men", "the suspects")?"""
    return target is not None and (
        target.tag_ in ("NNS", "NNPS") or target.lower_ in ("they", "them")
    )


def _person_at(token: Token, people: People) -> int | None:
    """The person a token stands for: a name, a pronoun, or a description of the main person."""
    token = syntax.relative_antecedent(token)
    found = people.of(token)
    if found is not None:
        return found
    member = _one_of(token)
    if member is not None and people.of(member) is not None:
        return people.of(member)  # "X was one of scores of politicians banned from ..."
    if token.dep_ == "appos" and people.of(token.head) is not None:
        return people.of(token.head)  # "Ruslan Dzhabrailov, another Chechen whose ..."
    if token.lemma_.lower() in people_words().titles:
        for c in token.children:  # "the head of the SIA Aleksandar Petrov": Petrov
            name = syntax.child(c, "pobj") if c.dep_ == "prep" and c.lower_ == "of" else None
            if name is not None and name.pos_ != "PROPN":  # "of the agency, Aleksandar Petrov"
                name = next((a for a in name.children if a.dep_ == "appos"), None)
            if name is not None and name.pos_ == "PROPN":
                return _person_at(name, people)
    for c in token.children:
        if c.dep_ in ("compound", "appos", "flat"):
            found = people.of(c)
            if found is None and c.dep_ == "appos" and not _is_suspect(token):
                # "a suspect, a Thai national": still a suspect; "a fourth man, a local
                # businessman" is someone unnamed unless the apposition names him
                if any(o.lower_ in OTHERS for o in token.children):
                    found = next(
                        (people.of(t) for t in c.subtree if people.of(t) is not None), None
                    )
                else:
                    found = _person_at(c, people)
            if found is not None:
                return found
    told_by = _told_by_relative(token, people)
    if told_by is not None:  # "The wife of X said her husband was taken": X
        return told_by
    owner = _kin_owner(token, people)
    linked = people.kin.get((owner, token.lemma_.lower())) if owner is not None else None
    if linked is not None:  # "Nasser's wife": the wife the article names
        return linked
    if owner is not None and _named_owner(token):
        return None  # "Nasser's father was released": never Nasser
    if _only_honorifics(token):  # "Lok Srey was arrested": a calque of "Madam", no name
        return people.recent(token) or people.main_at(token)
    if _is_unknown_name(token):
        start = min(
            [
                c.i
                for c in token.children
                if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN" and not c.text.isupper()
            ]
            + [token.i]
        )  # "the SIA Aleksandar Petrov": the agency's acronym is no part of his name
        return people.add(token.doc[start : token.i + 1].text, token)
    if _is_suspect(token) or _the_suspect_again(token, people):
        return None
    if _describes_main_person(token):
        if any(c.lower_ == "the" for c in token.children):
            recent = people.recent(token)
            if recent is not None and recent == _clause_subject_person(token, people):
                recent = None  # "Judge Aliev found the blogger guilty": not the judge
            return recent if recent is not None else people.main_at(token)
        return people.main_at(token)  # "a jailed critic of ...": before the name comes
    return None


def _clause_subject_person(token: Token, people: People) -> int | None:
    """The person who is the subject of the clause a description sits in."""
    verb = token.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    subject = syntax.subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
    if subject is None or subject == token:
        return None
    return people.of(subject)


def _only_honorifics(token: Token) -> bool:
    """A proper noun whose words are all honorifics ("Lok Srey", "Madame"): the translated
    form of a polite reference to someone named before."""
    words = [c for c in token.children if c.dep_ in ("compound", "flat")] + [token]
    honorifics = people_words().honorifics
    return token.pos_ == "PROPN" and all(w.lower_.strip(".") in honorifics for w in words)


def _one_of(group: Token) -> Token | None:
    """The person a sentence places in a group: "X was one of (or among) the politicians"."""
    if group.dep_ != "pobj" or group.head.lower_ not in ("of", "among"):
        return None
    head = group.head.head
    while head.dep_ == "pobj" and head.head.lower_ == "of":  # "one of scores of politicians"
        head = head.head.head
    if head.lower_ == "one" or head.lower_ == "of":
        head = head.head
    if head.lemma_.lower() == "be" or head.dep_ == "attr":
        verb = head if head.lemma_.lower() == "be" else head.head
        return syntax.child(verb, "nsubj")
    return None


def _is_unknown_name(token: Token) -> bool:
    """A capitalised proper noun in a person's slot that no model tagged as one: still a name.

    The slot decides: organisations are not detained or deported, so a two-word
    name the model called ORG is taken as a person there.
    """
    mistaken_for_place_or_organisation = (
        token.ent_type_ in ("ORG", "GPE", "LOC", "NORP")
        and country_of(entity_text(token)) is None
        and any(c.dep_ in ("compound", "flat") and c.pos_ == "PROPN" for c in token.children)
        and token.dep_ in ("dobj", "nsubjpass", "pobj", "dative", "compound")
        and not any(t.lower_ in people_words().organization_words for t in _entity(token))
    )  # "police blamed the Communist Party of Spain": an organisation after all
    return (
        token.pos_ == "PROPN"
        and token.idx >= dateline_end(token.sent)  # "(Bosphorus Wire) —": the outlet
        and token.text[:1].isupper()
        and token.lower_ not in people_words().organization_words  # "... Solidarity Network"
        and (token.ent_type_ in ("", "PERSON") or mistaken_for_place_or_organisation)
        and country_of(token.text) is None
        and not token.text.isupper()
        and token.lower_.rstrip(".") not in CALENDAR_WORDS  # "30 Apr 2025: ... arrested"
    )


def _entity(token: Token) -> Span:
    doc = token.doc
    return next((e for e in doc.ents if e.start <= token.i < e.end), doc[token.i : token.i + 1])


# Nouns for people besides the lexicon's: after them "of" names someone else.
RELATION_NOUNS = {
    "friend",
    "associate",
    "acquaintance",
    "ally",
    "companion",
    "partner",
    "neighbour",
    "neighbor",
    "follower",
    "commander",
    "one",
}


def _names_a_person(noun: Token) -> bool:
    """ "a friend of Tsarnaev", "one of the men": the "of" phrase is someone else, or a group.

    After an event or a quantity ("the arrest of X", "thousands of followers")
    "of" says whom it is about; after a word for a person it does not.
    """
    words = people_words()
    lemma = noun.lemma_.lower()
    return (
        lemma in words.roles
        or lemma in words.descriptors
        or lemma in words.gendered
        or lemma in words.group_nouns
        or lemma in RELATION_NOUNS
        or noun.lower_ in RELATION_NOUNS
    )


def _is_suspect(token: Token) -> bool:
    """ "a suspect", "a Thai man suspected of shooting X": not the story's person."""
    return token.lemma_.lower() in ROLE_SUBJECTS or any(
        c.dep_ == "acl" and c.lemma_.lower() in ("suspect", "accuse") for c in token.children
    )


def _the_suspect_again(token: Token, people: People) -> bool:
    """ "The suspect was found after a search ... the man had crossed into Laos": a
    definite "the man" after an unnamed suspect, with no one named in between, is him."""
    if token.lemma_.lower() not in people_words().descriptors or not any(
        c.lower_ == "the" for c in token.children
    ):
        return False
    doc = token.doc
    first = doc[token.sent.start - 1].sent.start if token.sent.start > 0 else 0
    for earlier in reversed(doc[first : token.i]):
        if _is_suspect(earlier):
            return True
        if (
            earlier.pos_ == "PROPN"
            and people.of(earlier) is not None
            and not quoted_source(earlier)  # "..., police chief Sayam Boonsom said"
        ):
            return False
    return False


# Words that make a description someone else: "another activist", "a fourth man".
OTHERS = {"other", "another", "second", "third", "fourth", "fifth", "sixth", "fellow", "further"}


def _describes_main_person(token: Token) -> bool:
    """ "the activist", "a jailed critic of X": one unnamed person, so the one the story is about.

    Plurals, kin ("his brother") and "another/other" point at someone else.
    """
    if token.lemma_.lower() not in people_words().descriptors or token.tag_ in ("NNS", "NNPS"):
        return False
    return not any(
        c.lower_ in OTHERS or c.dep_ == "nummod" for c in token.children
    ) and not _someone_new(token)


def _someone_new(token: Token) -> bool:
    """ "a journalist working for an agency": an unnamed person the clause introduces.

    Not the subject of a report's first sentence: "A Yemeni poet held in
    Croatia since March wants asylum" is the wire lead's way of introducing
    the person the story is about, named in the next sentence.
    """
    if token.sent.start == 0 and token.dep_ in ("nsubj", "nsubjpass"):
        return False
    if (
        token.sent.start == 0
        and token.dep_ == "dobj"
        and not any(
            t.ent_type_ == "PERSON" and t.idx >= dateline_end(token.sent) for t in token.sent
        )
    ):
        return False  # "Turkish police have detained a Kazakh blogger who fled ...", unnamed
    indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children)
    return indefinite and any(c.dep_ in ("acl", "relcl") for c in token.children)


def rule_links_person(candidate: Candidate, lexicon: Lexicon) -> bool:
    """Nouns tied by rule to a verb ("remanded on treason charges") find their person there."""
    return any(
        r.governed_by
        for r in lexicon.noun_rules(syntax.lemma(candidate.trigger))
        if r.type == candidate.type
    )


PERSON_OBJECT_PREPS = ("of", "on", "against", "for", "about", "concerning", "regarding")


def names_its_person(noun: Token) -> bool:
    """Does the noun's own phrase say whose it is ("his detention", "the trial of X")?"""
    if syntax.list_after(noun) is not None:
        return True  # "Four more bounties, including A, B and C"
    if noun.dep_ == "attr" and syntax.lemma(noun.head) == "be":
        return syntax.subject_of(noun.head) is not None  # "The four were registered refugees"
    if noun.dep_ == "compound" and noun.head.lemma_.lower() in ORDER_NOUNS:
        return True  # "served him with a deportation order", "an order issued against him"
    if _defendant(noun) is not None:
        return True
    if (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "to"
        and noun.head.head.lemma_.lower() == "subject"
    ):
        return True  # "he was subjected to torture"
    if (
        noun.dep_ == "pobj"
        and noun.head.lower_ in ("at", "during")
        and noun.head.head.pos_ == "VERB"
    ):
        subject = syntax.child(noun.head.head, "nsubj")
        if subject is not None and subject.pos_ in ("PROPN", "PRON"):
            return True  # "At a previous appeal hearing, Orlov told the court ..."
    if noun.dep_ in ("nsubjpass", "dobj") and noun.head.pos_ == "VERB":
        for c in noun.head.children:  # "a warrant was issued for his arrest"
            obj = (
                syntax.child(c, "pobj")
                if c.dep_ == "prep" and c.lower_ in ("for", "against")
                else None
            )
            if obj is not None and (obj.pos_ in ("PRON", "PROPN") or syntax.child(obj, "poss")):
                return True
    for c in noun.children:
        if c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN"):
            return True
        if (
            c.dep_ == "prep"
            and c.lower_ in PERSON_OBJECT_PREPS
            and syntax.child(c, "pobj") is not None
        ):
            return True
        if c.dep_ in ("acl", "relcl") and syntax.object_of(c) is not None:
            return True
        if c.dep_ == "relcl" and any(
            g.dep_ == "nsubj" and g.pos_ in ("PRON", "PROPN") for g in c.children
        ):
            return True  # "the asylum application he tried to submit"
        if c.dep_ == "amod" and country_of(c.text) is not None:
            return True  # "the Belarusian extradition request": a state's own
        if (
            c.dep_ == "conj"
            and c.pos_ == "NOUN"
            and any(
                p.dep_ == "prep" and p.lower_ == "of" and syntax.child(p, "pobj") is not None
                for p in c.children
            )
        ):
            return True  # "the arrest in Osh and removal to Russia of X"
    return False


def _first_person(candidates: list[Token | None], people: People) -> Token | None:
    """The first candidate that stands for a person; else the first that names a group."""
    present = [c for c in candidates if c is not None]
    for candidate in present:
        if _person_at(candidate, people) is not None:
            return candidate
    for candidate in present:  # "the request for their extradition": the list told before
        if is_group(candidate) and named_members(candidate, people):
            return candidate
    return next((c for c in present if _group(c, people) is not None), None)


ORDER_NOUNS = {"order", "decision", "ruling", "warrant", "notice"}
CASE_NOUNS = {
    "case", "status", "trial", "appeal", "complaint", "matter", "extradition", "deportation",
    "request", "expulsion",
}  # fmt: skip


def _noun_person(noun: Token, people: People) -> Token | None:
    """Whose event a noun names: "his detention", "the arrest of X", "a hearing on X's
    refugee status", "the request to extradite X"."""
    candidates: list[Token | None] = [_defendant(noun)]
    candidates += [c for c in noun.children if c.dep_ == "poss"]
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in (*PERSON_OBJECT_PREPS, "in"):
            obj = syntax.child(c, "pobj")
            if obj is not None:
                candidates += [syntax.child(obj, "poss"), obj]
                if obj.lemma_.lower() in CASE_NOUNS:  # "a hearing in the case of X"
                    of = next((g for g in obj.children if g.lower_ == "of"), None)
                    candidates.append(syntax.child(of, "pobj") if of is not None else None)
                if obj.lemma_.lower() in ORDER_NOUNS:  # "the deletion of the notice against X"
                    against = next((g for g in obj.children if g.lower_ == "against"), None)
                    candidates.append(syntax.child(against, "pobj") if against else None)
    candidates += [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if noun.dep_ == "compound":  # "a deportation order against his client"
        for c in noun.head.children:
            if c.dep_ == "prep" and c.lower_ in ("against", "for", "of"):
                candidates.append(syntax.child(c, "pobj"))
    for c in noun.children:
        if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB":
            candidates.append(syntax.object_of(c))
    verb = syntax.governing_verb(noun)
    if verb is not None:
        if noun.dep_ == "dobj" and noun.head == verb:
            candidates.append(_not_in_office(verb, people))
        candidates += [syntax.object_of(verb), _not_in_office(verb, people)]
        if noun.dep_ == "pobj" and noun.head.lower_ in SETTING_PREPS and noun.head.head == verb:
            candidates += _whose_matter(verb)
    return _first_person(candidates, people)


# "At a hearing on Nov. 30 the court extended his detention": the session is the setting
# of what the court did, and its person is the one that act was about.
SETTING_PREPS = ("at", "during")


def _whose_matter(verb: Token) -> list[Token | None]:
    """Whom a court's act at a session was about: the owner of what it acted on ("extended
    the detention of X", "his detention") or of the case it names ("in the case of X")."""
    found: list[Token | None] = []
    for t in verb.subtree:
        if t.pos_ != "NOUN" or t == verb:
            continue
        if t == syntax.object_of(verb) or t.lemma_.lower() in CASE_NOUNS:
            found.append(syntax.child(t, "poss"))
            of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            found.append(syntax.child(of, "pobj") if of is not None else None)
    return found


def _not_in_office(verb: Token, people: People) -> Token | None:
    """The verb's subject, unless it is an official: "the magistrate adjourned the case",
    "the minister confirmed the return" tell of someone else. (What counsel says or files
    is the client's: events.py hands it over.)"""
    subject = syntax.subject_of(verb)
    if subject is None:
        return None
    named = [subject, *(c for c in subject.children if c.dep_ in ("appos", "compound", "flat"))]
    if any((p := people.of(t)) is not None and people.in_office(p) for t in named):
        return None  # (people.of, not _person_at: asking must not make a name a person)
    return subject


def _defendant(noun: Token) -> Token | None:
    """ "a court list naming Gorin as a defendant in a hearing", "he is a defendant in a trial"."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "in":
        return None
    defendant = noun.head.head
    if defendant.lemma_.lower() not in ("defendant", "accused"):
        return None
    if defendant.dep_ == "pobj" and defendant.head.lower_ == "as":  # "naming X as a defendant"
        return syntax.child(defendant.head.head, "dobj")
    if defendant.dep_ == "attr":  # "X is a defendant"
        return syntax.child(defendant.head, "nsubj")
    return None


def _decision_person(verb: Token, people: People) -> Token | None:
    candidates: list[Token | None] = []
    for t in verb.subtree:
        if t.dep_ == "poss" and t.head.lemma_.lower() in (
            "request",
            "extradition",
            "handover",
            "surrender",
            "application",
            "claim",
            "status",
            "bid",
        ):
            candidates.append(t)
        if syntax.lemma(t) == "extradite":
            candidates.append(syntax.child(t, "dobj"))
        if t.dep_ == "dative" and t.head != verb:  # "upheld the refusal to grant X refugee status"
            candidates.append(t)
        if t.lower_ == "of" and t.head.lemma_.lower() in (
            "extradition",
            "handover",
            "surrender",
            "deportation",
            "request",
            "application",
            "claim",
            "bid",
            "status",
        ):
            candidates.append(_of_whom(t))
    candidates += [syntax.child(verb, "dative"), syntax.child(verb, "nsubjpass")]
    obj = syntax.child(verb, "dobj")
    if obj is not None:  # "granted Kamol Yusupov asylum", parsed as a compound
        candidates += [
            c for c in obj.children if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"
        ]
        candidates.append(obj)  # "gave Nazarov political asylum", the name parsed as the object
    return _first_person(candidates, people)


def _of_whom(of: Token) -> Token | None:
    """The person after "of": "the extradition of X"; not the kind a status is, as
    translated reporting writes it ("granted the status of refugee")."""
    obj = syntax.child(of, "pobj")
    if obj is not None and of.head.lemma_.lower() == "status" and obj.pos_ == "NOUN":
        return None
    return obj


def _names_anyone(sentence: Span, people: People) -> bool:
    """Does the sentence name someone the event could be about? Not an official acting
    on the case ("Chief Magistrate X adjourned the case"): the story's person then."""
    return any((p := people.of(t)) is not None and not people.in_office(p) for t in sentence)


def _sentence_person(token: Token, people: People, exclude: Token | None) -> int | None:
    """The one person the sentence names as a main participant (not inside another phrase)."""
    report = _reported_clause(token, people)
    if report is not None:
        reported = _one_client(report, people, exclude)
        if reported is not None:
            return reported
    speaker = _speaker_of(token)
    if exclude is None and speaker is not None:
        exclude = speaker  # "X said the court would open the hearing on July 15": not X's
    return _one_client(token.sent, people, exclude)


def _speaker_of(token: Token) -> Token | None:
    """Who says the report the trigger sits in ("X said [the court would open ...]")."""
    speech_verbs = load_lexicon().context.speech_verbs
    for ancestor in token.ancestors:
        if ancestor.dep_ == "ccomp" and syntax.lemma(ancestor.head) in speech_verbs:
            return syntax.subject_of(ancestor.head)
    return None


def _one_client(scope: Iterable[Token], people: People, exclude: Token | None) -> int | None:
    excluded = {t.i for t in exclude.subtree} if exclude is not None else set()
    named = {
        people.of(t)
        for t in scope
        if people.of(t) is not None
        and t.i not in excluded
        and t.dep_ in ("nsubj", "nsubjpass", "dobj", "poss", "appos")
    }
    named.discard(None)
    clients = {n for n in named if n is not None and not people.acts_on_cases(n)}
    if len(clients) == 1:
        return clients.pop()
    return None


def _reported_clause(token: Token, people: People) -> list[Token] | None:
    """ "X, the shelter's director, said she has received death threats": what a speaker
    reports is about the people inside the report, not the speaker. The report's
    tokens, when the trigger sits in one that names a person; else None."""
    speech_verbs = load_lexicon().context.speech_verbs
    for ancestor in token.ancestors:
        if ancestor.dep_ == "ccomp" and syntax.lemma(ancestor.head) in speech_verbs:
            clause = list(ancestor.subtree)
            if any(people.of(t) is not None for t in clause):
                return clause
            return None
    return None


def _organization_name(verb: Token) -> str | None:
    """The organisation a designation verb labels, spelled out where the story defines it."""
    name = _named_organization(verb)
    return _spelled_out(_whole_name(name, verb.sent.text), verb.doc.text) if name else None


# The rest of an organisation's name the model left out: "Voices [for Freedom]",
# "Group [24]", "Committee [for the Protection of Journalists]".
_NAME_REST = re.compile(
    r"(?:\s+(?:for|of|against|and)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*|\s+\d{1,4}\b)*"
)


def _whole_name(name: str, sentence: str) -> str:
    """The organisation's name as the sentence writes it, without a leading "the"."""
    name = re.sub(r"^the\s+", "", name)
    found = re.search(r"\b" + re.escape(name), sentence)
    if found is None:
        return name
    rest = _NAME_REST.match(sentence, found.end())
    return name + (rest.group(0) if rest else "")


ORGANIZATION_NOUNS = {
    "party",
    "movement",
    "group",
    "organisation",
    "organization",
    "foundation",
    "network",
    "union",
    "association",
    "centre",
    "center",
    "channel",
}


def _the_organization(verb: Token) -> str | None:
    """ "The Supreme Court dissolved the party": the party the story named before."""
    held = syntax.child(verb, "dobj", "nsubjpass")
    if held is None or held.lemma_.lower() not in ORGANIZATION_NOUNS:
        # "declared the movement extremist": the small clause, parsed as one noun or a clause
        held = next(
            (
                g
                for c in verb.children
                if c.dep_ in ("ccomp", "oprd", "dobj")
                for g in (c, *c.children)
                if g.dep_ in ("nsubj", "compound") and g.lemma_.lower() in ORGANIZATION_NOUNS
            ),
            held,
        )
    if held is None or held.pos_ != "NOUN" or held.lemma_.lower() not in ORGANIZATION_NOUNS:
        return None
    if not any(
        c.dep_ == "det" and c.lower_ == "the" for c in (*held.children, *held.head.children)
    ):
        return None
    named = [
        e
        for e in verb.doc.ents
        if e.end <= held.i and e.label_ == "ORG" and e[-1].lemma_.lower() == held.lemma_.lower()
    ]
    if not named:  # "the exile movement Ozod Soz ... declared the movement extremist"
        for noun in reversed(verb.doc[: held.i]):
            name = next((c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
            if noun.lemma_.lower() == held.lemma_.lower() and name is not None:
                return _proper_chain(name)
    # "Group 24" where the story named it, though the model cut the number off
    return _whole_name(named[-1].text, named[-1].sent.text) if named else None


def _pronoun_owner(pronoun: Token) -> str | None:
    """The surname a possessive pronoun's sentence gives it ("Turkey blames Gulen ... his")."""
    for t in pronoun.sent:
        if t.i < pronoun.i and t.pos_ == "PROPN" and t.ent_type_ == "PERSON":
            return t.text
    return None


def _spelled_out(name: str, text: str) -> str:
    """ "CNRP" -> "Cambodia National Rescue Party" when the text says "... Party (CNRP)"."""
    if not (name.isupper() and 2 <= len(name) <= 8):
        return name
    words = r"((?:[A-Z][\w'’-]*\s+(?:of\s+|for\s+|the\s+|and\s+)?){1,8}[A-Z][\w'’-]*)"
    found = re.search(words + r"\s*\(\s*" + re.escape(name) + r"\s*\)", text)
    if found is None:
        found = re.search(re.escape(name) + r"\s*\(\s*" + words + r"\s*\)", text)
    if found is None:
        return name
    full = found.group(1).strip()
    initials = "".join(w[0] for w in re.split(r"[\s-]+", full) if w[:1].isupper())
    return full if initials.endswith(name) or initials == name else name


def _named_organization(verb: Token) -> str | None:
    """The organisation a designation verb labels: the first proper name after the verb.

    In a relative clause ("Pamir Dialogue, a movement that the court banned")
    it is the name the clause describes.
    """
    if verb.dep_ == "relcl":
        noun = verb.head.head if verb.head.dep_ == "appos" else verb.head
        if noun.pos_ == "PROPN":
            return entity_text(noun) if noun.ent_type_ else _proper_chain(noun)
    named_before = _the_organization(verb)
    if named_before is not None:
        return named_before
    labelled = syntax.child(verb, "nsubjpass")  # "Pahonia Rights Centre was declared extremist"
    held = syntax.child(verb, "dobj")
    owner = syntax.child(held, "poss") if held is not None and held.pos_ == "NOUN" else None
    if held is not None and owner is not None and owner.pos_ == "PRON":  # "regards his movement"
        person = _pronoun_owner(owner)
        if person is not None:
            return f"{person} {held.text}"
    if labelled is not None and labelled.pos_ == "PROPN":
        return entity_text(labelled) if labelled.ent_type_ else _proper_chain(labelled)
    for t in verb.sent:
        if t.i <= verb.i or t.ent_type_ in ("DATE", "TIME"):
            continue  # "declared the movement extremist in November 2025": no name
        if t.ent_type_ in ("ORG", "PERSON", "NORP") or (t.pos_ == "PROPN"):
            if t.ent_iob_ in ("B", "I") and t.ent_type_:
                entity = next(e for e in t.doc.ents if e.start <= t.i < e.end)
                head = entity.root.head
                if entity.root.dep_ == "compound" and head.pos_ == "NOUN" and head.i == entity.end:
                    return t.doc[entity.start : head.i + 1].text  # "the Gulen movement"
                return entity.text
            start = t.i
            end = t.i + 1
            while end < len(t.doc) and t.doc[end].pos_ == "PROPN":
                end += 1
            last = t.doc[end - 1]
            if last.dep_ == "compound" and last.head.pos_ == "NOUN" and last.head.i == end:
                end += 1  # "the Gulen movement"
            return t.doc[start:end].text
        if t.dep_ in ("oprd", "xcomp") or t.lower_ in ("as", "an", "a"):
            break
    return None


def _proper_chain(token: Token) -> str:
    start = min([c.i for c in token.children if c.dep_ in ("compound", "flat")] + [token.i])
    return token.doc[start : token.i + 1].text
