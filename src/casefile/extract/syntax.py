"""Reading a spaCy dependency parse the way the event rules need it.

Small questions about one token: which words belong to its own clause,
who its grammatical subject and object are (through passives, coordination
and participle clauses), whether it is negated, hypothetical or in the
future. Kept apart from the event rules so that each rule reads as a sentence.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from casefile.extract.lexicon import Context

# Dependents that open a clause of their own: its dates and places are its own.
CLAUSE_DEPS = {"advcl", "relcl", "ccomp", "parataxis", "csubj", "acl", "xcomp", "conj", "pcomp"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}


def sentences(doc: Doc) -> list[Span]:
    """The doc's sentences, listed once per doc (spaCy walks the whole doc for each listing)."""
    cached = doc.user_data.get("casefile_sentences")
    if cached is None:
        cached = doc.user_data["casefile_sentences"] = list(doc.sents)
    return cached


def sentence_index(token: Token) -> int:
    """Where the token's sentence stands in `sentences(token.doc)`."""
    return next(i for i, s in enumerate(sentences(token.doc)) if s.start <= token.i < s.end)


def lemma(token: Token) -> str:
    """The dictionary form, with participles the tagger left as adjectives reduced to verbs."""
    value = token.lemma_.lower()
    if (
        token.lower_ == "wanted"
        and token.tag_ == "VBN"
        and (token.dep_ != "ROOT" or any(c.dep_ == "auxpass" for c in token.children))
    ):
        return "wanted"  # "is wanted in Russia": on a wanted list, not desired
    if token.pos_ == "ADJ" and value == token.lower_ and value.endswith("ed"):
        return value[:-2] if not value.endswith("ied") else value[:-3] + "y"
    return value


def phrasal_lemma(token: Token) -> str:
    """The lemma with its particle ("put off", "push back"): what the verb means when the
    particle makes the meaning; the plain lemma for a verb without one."""
    particle = next(
        (
            c.lower_
            for c in token.children
            if c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ in PARTICLES)
        ),
        None,
    )  # "put the hearing off": the parser may read a particle after the object as advmod
    return f"{lemma(token)} {particle}" if particle else lemma(token)


PARTICLES = frozenset({"off", "back", "over", "up", "out", "down"})


def clause_tokens(token: Token) -> list[Token]:
    """The token's own phrase: its subtree minus clauses that a verb of their own heads."""
    result = []
    stack = [token]
    while stack:
        current = stack.pop()
        result.append(current)
        for child in current.children:
            if child.dep_ in CLAUSE_DEPS and child.pos_ in ("VERB", "AUX"):
                continue
            if child.dep_ == "relcl":
                continue
            stack.append(child)
    return sorted(result, key=lambda t: t.i)


def name_head(token: Token) -> Token:
    """The word a name hangs from in the sentence: "Boonsom" in "police chief Sayam
    Boonsom said", the noun a name stands in apposition to ("the lawyer, Adam")."""
    head = token
    while head.dep_ in ("compound", "flat", "appos") and head.head != head:
        head = head.head
    return head


def governing_verb(token: Token) -> Token | None:
    """The nearest verb above a noun ("hearing ... has been scheduled" -> scheduled)."""
    current = token
    while current.head != current:
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            return current
    return None


def is_passive(verb: Token) -> bool:
    """ "was detained", or a participle hung on a noun ("a man detained in Almaty").

    Not a participle with a subject or auxiliary of its own: "evidence that he
    had suspected them" is active.
    """
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    if _causative(verb):
        return True
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in ("acl", "advcl")
        and verb.head.pos_ in ("NOUN", "PROPN")  # "Nazarov, deported and later jailed"
        and not any(c.dep_ in ("nsubj", "aux") for c in verb.children)
    )


def _causative(verb: Token) -> bool:
    """ "had the men flown out", "got him deported": a participle done to the small
    clause's subject, which `object_of` returns."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "ccomp"
        and verb.head.lemma_.lower() in ("have", "get")
        and child(verb, "nsubj") is not None
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )


def _bare_participle(verb: Token) -> bool:
    """A past participle hung on a clause with no subject or auxiliary of its own: it is
    passive and said of the clause's subject ("Paroled in 2019, he left")."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBN"
        and not any(c.dep_ in ("aux", "auxpass", "nsubj", "mark") for c in verb.children)
    )


def child(token: Token, *deps: str) -> Token | None:
    for c in token.children:
        if c.dep_ in deps:
            return c
    return None


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, inherited through coordination and subjectless clauses."""
    seen = 0
    current = verb
    while seen < 6:
        seen += 1
        own = child(current, "nsubj", "nsubjpass")
        if own is not None:
            return relative_antecedent(own)
        if current.dep_ in ("acomp", "attr") and current.head != current:  # "he has been missing"
            current = current.head
            continue
        if current.dep_ in ("conj", "xcomp", "advcl", "pcomp") and current.head != current:
            current = current.head
            if current.pos_ not in ("VERB", "AUX"):
                if current.dep_ == "prep":  # "after being released": prep -> verb
                    current = current.head
                    continue
                return None
            continue
        if current.dep_ in ("acl", "relcl") and current.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return current.head
        return None
    return None


def object_of(verb: Token) -> Token | None:
    """The person a verb acts on: the passive subject, else the object, through coordination."""
    current = verb
    for _ in range(6):
        if is_passive(current):
            own = child(current, "nsubjpass") or (
                child(current, "nsubj") if _causative(current) else None
            )
            if own is not None:
                return relative_antecedent(own)
            if current.dep_ in ("acl",) and current.head.pos_ in ("NOUN", "PROPN"):
                return current.head
            if current.dep_ == "conj":  # "She landed in Riga and was arrested at once"
                return subject_of(current)
        else:
            own = child(current, "dative") or child(current, "dobj")
            if own is not None and is_time(own):
                own = None  # "pardoned and released the following day": a time, no object
            if own is not None:
                first = next(
                    (
                        c
                        for c in own.children
                        if c.dep_ == "nmod" and c.i < own.i and c.pos_ == "PRON"
                    ),
                    None,
                )  # "judged him fixed-term imprisonment": two objects parsed as one
                return relative_antecedent(first or own)  # "three men whom Bahrain executed"
            small = child(current, "ccomp")
            said_of = child(small, "nsubj") if small is not None and small.pos_ == "ADJ" else None
            if said_of is not None and said_of.pos_ in ("NOUN", "PROPN", "PRON"):
                return said_of  # "found the blogger guilty": a small clause
            if (
                current.tag_ in ("VBN", "VBD")
                and current.dep_ in ("ccomp", "xcomp")
                and lemma(current.head) in ORDERING
                and not any(c.dep_ in ("aux", "auxpass") for c in current.children)
            ):  # "the court ordered Dudaev held": whoever the participle is said of
                own = child(current, "nsubj") or child(current.head, "dobj")
                if own is not None:
                    return own
            for conj in current.children:  # "detained and questioned him": a shared object
                if _bare_participle(current):
                    break  # "was detained, stripped of his passport and put on a plane"
                if conj.dep_ == "conj" and conj.pos_ == "VERB" and child(conj, "nsubj") is None:
                    shared = child(conj, "dobj")
                    if shared is not None and not is_time(shared):
                        return shared
        if current.dep_ == "conj" and current.head.pos_ in ("VERB", "AUX"):
            current = current.head
            continue
        if current.dep_ in ("advcl", "xcomp", "pcomp") and is_passive(current):
            return subject_of(current)
        if _bare_participle(current):
            # "Paroled in 2019, he left", "was detained, deprived of his citizenship and ..."
            return subject_of(current.head)
        complement = child(current, "xcomp")  # "refused to admit him"
        if complement is not None and complement.pos_ == "VERB":
            current = complement
            continue
        return None
    return None


def is_time(token: Token) -> bool:
    """A noun phrase that names a time ("the following day", "that evening"), which the
    parser may take for a verb's object."""
    return token.ent_type_ in ("DATE", "TIME") and token.pos_ == "NOUN"


def relative_antecedent(token: Token) -> Token:
    """ "Bialiatski, who was also jailed": the relative pronoun stands for the noun it follows."""
    if token.tag_ in ("WP", "WDT", "WP$") or token.lower_ in (
        "who",
        "whom",
        "whose",
        "that",
        "which",
    ):
        verb = token.head
        if token.dep_ == "poss":  # "whose extradition": the relative sits on the object
            verb = verb.head
        if verb.dep_ == "relcl":
            return _who(token, verb.head)
    return token


def _who(relative: Token, noun: Token) -> Token:
    """ "who" stands for a person: "X, a co-founder of the group who was jailed" is X,
    though the parser hangs the clause on "group"."""
    if relative.lower_ not in ("who", "whom", "whose") or noun.pos_ in ("PROPN", "PRON"):
        return noun
    from casefile.extract.people import people_words  # people.py reads this module

    words = people_words()
    if noun.lemma_.lower() in words.descriptors or noun.lemma_.lower() in words.roles:
        return noun  # "an assistant to a lawyer who fled": the lawyer fled
    current = noun
    for _ in range(4):
        if current.dep_ in ("pobj", "prep", "appos") and current.head != current:
            current = current.head
            if current.pos_ == "PROPN":
                return current
            continue
        break
    return noun


def agent_of(verb: Token) -> Token | None:
    """Who did it: the active subject, or the passive's "by" phrase."""
    by = child(verb, "agent")
    if by is not None and child(by, "pobj") is not None:
        return child(by, "pobj")  # "taken off and led away by officers": "led" shares "were"
    if is_passive(verb):
        by = child(verb, "agent")
        return child(by, "pobj") if by is not None else None
    subject = child(verb, "nsubj")
    if subject is None and verb.dep_ in ("xcomp", "conj"):
        return agent_of(verb.head) if verb.head.pos_ in ("VERB", "AUX") else None
    return subject


def phrase_text(token: Token, limit: int = 10) -> str:
    """A noun phrase's words, without relative clauses, capped at `limit` tokens."""
    words = [t for t in token.subtree if not any(a.dep_ == "relcl" for a in _between(t, token))]
    words = [t for t in words if t.i - token.left_edge.i < limit + 8][: limit + 4]
    span = token.doc[words[0].i : words[-1].i + 1] if words else token.doc[token.i : token.i + 1]
    text = span.text.strip(" ,")
    return text


def _between(token: Token, top: Token) -> Iterator[Token]:
    current = token
    while current != top and current.head != current:
        yield current
        current = current.head


def is_negated(token: Token) -> bool:
    """ "was not detained", "no extradition", "had not filed an extradition request"."""
    above = token.head if token.dep_ in ("xcomp", "acomp", "dobj", "nsubjpass", "nsubj") else None
    for candidate in (token, above):
        if candidate is None:
            continue
        for c in candidate.children:
            if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no"):
                return True
            if c.lower_ in ("never", "neither", "nor"):
                return True
    if token.pos_ in ("VERB", "AUX") and any(_nobody(c) for c in token.children):
        return True  # "No one has been charged", "Nobody was arrested"
    return _without(token)


def _nobody(token: Token) -> bool:
    """A subject that says no one: "no suspect", "no one", "nobody", "none of them"."""
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return False
    return token.lower_ in ("nobody", "none", "noone") or any(
        c.dep_ == "det" and c.lower_ == "no" for c in token.children
    )


def _without(token: Token) -> bool:
    """ "deported without being charged", "held without charge": what "without" governs
    did not happen."""
    if token.dep_ == "pcomp" and token.head.lower_ == "without":
        return True
    return token.dep_ == "pobj" and token.head.lower_ == "without"


ATTEMPTS = frozenset({"wish", "want", "try", "attempt", "seek"})
# Verbs that order a state for someone: "ordered him held", "ruled him detained".
ORDERING = frozenset({"order", "rule", "want"})
# Verbs whose object exists only once they are done: refusing them leaves no such thing.
CREATING = frozenset(
    {"issue", "file", "open", "bring", "launch", "lodge", "impose", "sign", "order"}
)  # "declined to order his expulsion": no expulsion was ordered
# Conjunctions whose clause tells what happened, whatever the main clause hedges or
# denies ("was not tried, as he had been released"); "as soon as", "as long as" and
# "as if" are conditions, not facts (`_fact_clause`).
FACT_MARKS = frozenset({"since", "after", "before", "because", "once", "as"})


def is_hypothetical(token: Token, context: Context, attempts_count: bool = False) -> bool:
    """A fear, demand, intention or condition: "could face torture", "urged not to extradite".

    With `attempts_count`, wishing or trying to do it is doing it ("told the court he
    wished to seek asylum" is an application).
    """
    current = token
    sibling = False  # reached through "and"/"but": the head is a parallel event, not a frame
    below: Token | None = None  # the node the walk came up from
    for _ in range(8):
        for c in current.children:
            if c.dep_ in ("aux", "auxpass") and c.lower_ in context.modals:
                return True
            if c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether"):
                return True
            if c.dep_ == "advmod" and c.lower_ in GUESSES and _told_ahead(current, context):
                return True  # "will probably be released": a guess at what may come
            if c.dep_ == "advmod" and c.lower_ in ("instead", "rather") and current != token:
                return True  # "instead of being released, she was transferred"
            if c.dep_ == "neg" and current != token and current.dep_ != "ROOT" and not sibling:
                return True
        framing = current != token and not sibling
        if attempts_count and lemma(current) in ATTEMPTS and current.tag_ in ("VBD", "VBN"):
            framing = False  # "he wished to seek asylum" (told the court); not "he wants to"
        if framing and lemma(current) in context.blockers and not _pleads_to_a_charge(current):
            return True
        refused_act = (
            below is not None
            and below.dep_ == "xcomp"
            and below.pos_ == "VERB"
            and lemma(below) in CREATING  # "refused to issue a red notice": none was issued
        )
        if (
            framing
            and (token.pos_ == "VERB" or refused_act)
            and lemma(current) in context.verb_blockers
        ):
            return True  # "refused to extradite him", "refused to issue a red notice"
        if (
            below is not None
            and below.dep_ == "prep"
            and below.lower_ == "from"
            and lemma(current) in PREVENTING
        ):
            return True  # "stopped him from boarding a flight": he did not board
        if (
            below is not None
            and below.dep_ == "prep"
            and below.lower_ == "against"
            and lemma(current) in OPPOSING
        ):
            return True  # "argued against sending him back": he was not sent back
        if _is_imperative(current):
            return True  # "• suspend the extraditions of ...": a demand
        if (
            current != token
            and current.lemma_.lower() in NO_RECORD
            and any(c.dep_ == "det" and c.lower_ == "no" for c in current.children)
        ):
            return True  # "no record of his arrest", "no evidence that he was tortured"
        last_seen = lemma(current) == "see" and any(c.lower_ == "last" for c in current.children)
        if framing and last_seen:
            return True  # "was last seen leaving his flat": a disappearance, not a departure
        if current.head == current:
            break
        if (
            current.dep_ in ("acl", "relcl")
            and current.tag_ in ("VBN", "VBD")
            and current.head.pos_ in ("NOUN", "PROPN")
        ):  # "A Yemeni poet held since March wants asylum": a fact about him
            break
        if current.dep_ == "advcl" and _fact_clause(current):
            break  # "has not been heard from since men took him away": the taking happened
        sibling = current.dep_ == "conj"  # "he tried to enter ..., but the service refused him"
        below = current
        current = current.head
    return False


# Nouns that, with "no", deny what they are about: "no record of him leaving".
NO_RECORD = frozenset({"record", "evidence", "sign", "trace", "proof", "confirmation"})

# Adverbs that make a statement about the future a guess.
GUESSES = frozenset({"likely", "probably", "possibly", "perhaps", "maybe"})


def _told_ahead(verb: Token, context: Context) -> bool:
    """ "will be released": a future auxiliary of the verb's own."""
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in context.future for c in verb.children)


def _fact_clause(clause: Token) -> bool:
    """An adverbial clause of time or reason, which tells what happened: "since men took
    him away", "as they had been released"; not "as soon as he is released"."""
    marks = [c for c in clause.children if c.dep_ == "mark"]
    if not any(c.lower_ in FACT_MARKS for c in marks) or any(c.lower_ == "if" for c in marks):
        return False
    near = [clause.head, *clause.children]  # "as soon as": the clause hangs on "soon"
    return not any(t.lower_ in ("soon", "long") for t in near)


# Verbs whose "from" keeps the act from happening ("barred from leaving", "kept from
# boarding"); what they stop is no event (their own event, an exit ban, is read apart).
PREVENTING = {"stop", "bar", "block", "prevent", "keep", "ban"}
# Verbs whose "against" is a case made or decided before the act ("argued against
# deporting him", "ruled against his extradition"); not "protested against his deportation",
# said of what may have happened already.
OPPOSING = {"argue", "rule", "decide", "vote", "advise", "caution", "warn", "plead", "speak"}


def _pleads_to_a_charge(verb: Token) -> bool:
    """ "pleaded guilty to conspiracy charges": a plea in court, not a plea for something."""
    return lemma(verb) == "plead" and any(
        c.dep_ in ("acomp", "advmod", "oprd") and c.lower_ in ("guilty", "innocent")
        for c in verb.children
    )


def _is_imperative(verb: Token) -> bool:
    """ "Suspend the extraditions!": a demand; not "Let us remind that ...", "Note that ..."."""
    return (
        verb.dep_ == "ROOT"
        and verb.lemma_.lower() not in ("let", "note", "recall", "remember", "see")
        and verb.tag_ in ("VB", "VBP")
        and verb.pos_ == "VERB"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)
    )


def is_infinitive(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def future_in_past(token: Token, context: Context) -> bool:
    """ "a spokesman said the court would open the hearing on July 15": "would" under a
    past verb of saying reports a plan (future in the past), not a condition; with "if" or
    "unless" anywhere in the sentence it stays a condition."""
    if any(t.lower_ in ("if", "unless") for t in token.sent):
        return False
    for verb in [token, *token.ancestors][:4]:
        if any(c.dep_ == "aux" and c.lower_ == "would" for c in verb.children):
            return (
                verb.dep_ == "ccomp"
                and lemma(verb.head) in context.speech_verbs
                and verb.head.tag_ in ("VBD", "VBN")
            )
    return False


def is_to_be_done(token: Token) -> bool:
    """ "X is to appear before a judge", "they are to be deported": "be" + infinitive, a
    plan of the person told of (not "the aim is to deport him": a person's be)."""
    head = token.head
    if not (token.dep_ == "xcomp" and head.lemma_.lower() == "be" and is_infinitive(token)):
        return False
    subject = subject_of(head)
    return subject is not None and (
        subject.pos_ == "PROPN" or subject.lower_ in ("he", "she", "they", "we", "i")
    )


def is_future(token: Token, context: Context) -> bool:
    """ "will be extradited", "is to stand trial", "is due to be heard"."""
    if is_to_be_done(token):
        return True
    return any(_told_ahead(candidate, context) for candidate in (token, token.head))


def sentence_of(token: Token) -> Span:
    return token.sent


def coordinated(token: Token) -> list[Token]:
    """A noun and the nouns coordinated with it: "Jeyranov and Bayramli" -> both."""
    found = [token]
    for c in token.children:
        if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "PRON"):
            found += coordinated(c)
            if c.pos_ == "NOUN":  # "Orlin and fellow activist Temirov", the name hung on Orlin
                found += [
                    a
                    for a in token.children
                    if a.dep_ == "appos" and a.pos_ == "PROPN" and 0 < a.i - c.i <= 3
                ]
    found += _coordinated_inside(token)
    return found


def _coordinated_inside(token: Token) -> list[Token]:
    """ "Orlin and fellow activist Ruslan Temirov", parsed as one long name: both."""
    found = []
    for c in token.lefts:
        if c.dep_ in ("nmod", "compound"):
            if any(g.dep_ == "cc" and g.lower_ == "and" for g in c.children):
                found.append(c)
            found += _coordinated_inside(c)
    return found


LIST_OPENERS = (":", "including", "among", "–", "—")


def list_after(token: Token) -> Span | None:
    """The words after a colon or "including" that follows `token` in its sentence, where a
    list of names may stand for whom a heading-like phrase is about ("First eight warrants
    and bounties: A, B, C", "Four more bounties, including A and B")."""
    sentence = token.sent
    for word in sentence[token.i - sentence.start + 1 :]:
        if word.lower_ in LIST_OPENERS:
            rest = token.doc[word.i + 1 : sentence.end]
            return rest if sum(t.pos_ == "PROPN" for t in rest) >= 2 else None
        if word.pos_ in ("VERB", "AUX") and word.lower_ != "including":
            return None  # a clause of its own comes first: its list is its own
    return None
