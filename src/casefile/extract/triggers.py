"""Which words of a sentence propose an event: the lexicon's triggers, checked against the parse.

A verb, noun, adjective or phrase the lexicon knows, or a decision verb about
extradition or asylum ("approved Minsk's demand to extradite her"), becomes a
`Candidate` when its phrase fits the rule. A noun that is only a reference
point ("since his arrest", "a hearing on the deportation of X", "an appeal for
his release") proposes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from casefile.extract import classify, syntax
from casefile.extract.lexicon import Lexicon, TriggerRule
from casefile.extract.places import country_of


@dataclass(frozen=True)
class Candidate:
    """A trigger that fired, before its arguments are read."""

    type: str
    trigger: Token
    rule: str
    person_role: str = "object"  # "object", "subject", "organization", "noun"
    outcome: str | None = None
    flags: frozenset[str] = frozenset()


def find_candidates(sentence: Span, lexicon: Lexicon) -> list[Candidate]:
    found: list[Candidate] = []
    decided: set[int] = set()
    for token in sentence:
        decision = _decision(token, lexicon)
        if decision is not None:
            found.append(decision)
            decided.add(token.i)
            upheld = _upheld_ruling(token)
            if upheld is not None:  # "upheld the city court's ruling of 3 March"
                found.append(
                    Candidate(
                        decision.type,
                        upheld,
                        f"{decision.type}/upheld-ruling",
                        "decision",
                        decision.outcome,
                    )
                )
                decided.add(upheld.i)
    for token in sentence:
        if token.i in decided:
            continue
        lemma = syntax.lemma(token)
        if token.pos_ in ("VERB", "AUX") or (token.pos_ == "ADJ" and token.tag_ == "VBN"):
            rules = lexicon.verb_rules(lemma)
        elif token.pos_ == "ADJ":
            rules = [r for r in lexicon.verb_rules(lemma) if r.kind == "adjective"]
        elif token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.is_lower):
            rules = lexicon.noun_rules(lemma)  # a capitalised "Ban" is a name, not a ban
        else:
            rules = []
        for rule in rules:
            if _fits(token, rule, sentence, lexicon.context.institutions):
                role: str = "noun" if rule.kind == "noun" else rule.person
                if "organizations" in rule.flags:
                    role = "organization"
                if "fallback_main" in rule.flags:
                    role = "phrase"  # "a court will hear the case": the case of the story's person
                found.append(
                    Candidate(rule.type, token, rule.rule_id, role, rule.outcome, rule.flags)
                )
    found += _phrase_candidates(sentence, lexicon)
    found += _international_candidates(sentence, lexicon)
    return found + _classifier_candidates(sentence, found, lexicon)


def _classifier_candidates(
    sentence: Span, found: list[Candidate], lexicon: Lexicon
) -> list[Candidate]:
    """Types the statistical layer (`classify.py`) reads where no rule of that type fired,
    on words the lexicon has not read as another type ("applied for asylum" is an application)."""
    model = classify.active_model()
    if model is None:
        return []
    read = {c.trigger.i for c in found}
    return [
        Candidate(p.type, p.trigger, f"{p.type}/classifier", _role(p.trigger, p.type, lexicon))
        for p in classify.propose(sentence, model, skip=frozenset(c.type for c in found))
        if p.trigger.i not in read
        and not (p.trigger.pos_ == "NOUN" and _is_time_reference(p.trigger))
        and p.trigger.dep_ != "amod"
    ]


def _role(trigger: Token, event_type: str, lexicon: Lexicon) -> str:
    """A noun's person is found as for a lexicon noun. A verb's is its object when it is
    passive or has one, unless the type's verbs take their subject ("appealed the ruling");
    else its subject ("he vanished")."""
    if trigger.pos_ == "NOUN":
        return "noun"
    if syntax.is_passive(trigger):
        return "object"
    if lexicon.verb_person(event_type) == "subject" or syntax.object_of(trigger) is None:
        return "subject"
    return "object"


def _near_lemmas(token: Token) -> set[str]:
    """Words of the trigger's phrase: a verb's clause; a noun's, with its infinitives and
    prepositions ("request to extradite X")."""
    scope = syntax.clause_tokens(token)
    if token.pos_ in ("NOUN", "PROPN"):
        for c in token.children:
            if c.dep_ in ("acl", "prep") and c.dep_ != "relcl":
                scope += [
                    t
                    for t in c.subtree
                    if not any(
                        a.dep_ == "relcl" for a in t.ancestors if a.i > token.i and a in c.subtree
                    )
                ]
    near = {syntax.lemma(t) for t in scope} | {t.lower_ for t in scope}
    near |= {syntax.lemma(c) for c in token.children if c.dep_ == "xcomp"}  # "refused to admit"
    near |= {  # what someone is kept from: "stopped him from boarding a flight"
        syntax.lemma(g)
        for c in token.children
        if c.dep_ == "prep" and c.lower_ == "from"
        for g in c.children
        if g.dep_ == "pcomp"
    }
    near |= {  # a purpose: "transferred to Russia to serve his term"
        syntax.lemma(c)
        for c in token.children
        if c.dep_ == "advcl" and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)
    }
    near.add(syntax.lemma(token.head))
    if token.head.pos_ == "ADP":  # "a mandate of arrest", "the case for his arrest"
        near.add(syntax.lemma(token.head.head))
    verb = syntax.governing_verb(token)
    if verb is not None and token.pos_ in ("NOUN", "PROPN"):
        near.add(syntax.lemma(verb))
        if token.head == verb and token.dep_ in ("nsubj", "nsubjpass", "dobj"):
            # "a warrant was signed for her arrest": the phrase hangs on the verb
            near |= {syntax.lemma(t) for c in verb.children if c.dep_ == "prep" for t in c.subtree}
    return near


def _fits(token: Token, rule: TriggerRule, sentence: Span, institutions: frozenset[str]) -> bool:
    if token.dep_ == "amod" and rule.kind != "adjective":
        return False  # "a jailed critic" describes a state, it does not report an event
    if token.head.lower_ == "without" and token.dep_ in ("pobj", "pcomp"):
        return False  # "held without charge", "without being charged": what did not happen
    if rule.kind == "noun" and _names_a_crime(token):
        return False  # "offences of unlawful arrest and detention": a crime charged, not done
    if rule.kind == "noun" and "state" not in rule.flags and _is_time_reference(token):
        return False  # "since his arrest", "after a trial": a reference point, not a report
    if (
        rule.kind == "noun"
        and not rule.governed_by  # "wanted on charges of ...": plural, and one event
        and token.tag_ == "NNS"
        and not _names_someone(token)
    ):
        return False  # "Arrests of activists have accelerated": a trend, not one event
    if token.tag_ == "VB" and not any(c.dep_ in ("aux", "auxpass") for c in token.children):
        return False  # an imperative or bare infinitive ("suspend the extraditions of ...")
    if (
        rule.kind == "noun"
        and token.dep_ == "compound"
        and syntax.lemma(token.head) in institutions
    ):
        return False  # "took her to a deportation centre": a place, not a deportation
    if (
        "not_describing" in rule.flags
        and token.dep_ == "acl"
        and not any(c.dep_ in ("nsubjpass", "auxpass", "aux") for c in token.children)
    ):
        return False  # "a man suspected of shooting": a description, not a report
    if "active_only" in rule.flags and syntax.is_passive(token):
        return False  # "was flown to Dushanbe", "was moved into custody": taken, not fled
    if "negated_only" in rule.flags and not syntax.is_negated(token):
        return False  # "was allowed to leave" is no ban; "was not allowed to leave" is
    if "done_to" in rule.flags and not (
        syntax.is_passive(token) or syntax.child(token, "dobj") is not None
    ):
        return False  # "he returned to Russia": his own journey, not a removal
    if "by_a_state" in rule.flags and not _asked_by_a_state(token):
        return False  # "at the security service's request": not another state's
    if "not_a_plea" in rule.flags and _is_plea(token):
        return False  # "appealed to supporters to stay calm": a plea, not a legal appeal
    near = _near_lemmas(token)
    if "with_context" in rule.flags:
        sentence_lemmas = {syntax.lemma(t) for t in sentence}
        if not rule.with_any & sentence_lemmas:
            return False
    elif rule.with_any and not rule.with_any & (near - {syntax.lemma(token), token.lower_}):
        return False
    if not rule.required <= near:
        return False
    text = sentence.text.lower()
    for word in rule.without:
        if (" " in word and word in text) or word in near:
            return False
    if rule.not_reason_for and _reason_for_penalty(token, rule.not_reason_for):
        return False  # "faces ten years on the charge": a penalty's reason, implied
    if rule.governed_by:
        verb = syntax.governing_verb(token)
        head = syntax.lemma(token.head) if token.head != token else ""  # "Pending charges"
        if head not in rule.governed_by and (
            verb is None or syntax.lemma(verb) not in rule.governed_by
        ):
            return False
    return "requires_past" not in rule.flags or token.tag_ in ("VBD", "VBN")


REASON_PREPOSITIONS = {"on", "for", "over"}


def _reason_for_penalty(noun: Token, penalties: frozenset[str]) -> bool:
    """ "faces up to ten years on the extremism charge", "risks a maximum of five years
    for the fraud charge": the noun says what a penalty the clause weighs would be for.
    The charge is known only through that penalty, as a charge known only from a
    sentence is (GUIDELINES: implied, optional); "faces charges that carry ten years"
    and "was jailed for ten years on a charge" (no penalty object) are not this."""
    chain: list[Token] = []  # the phrases the noun hangs in, up to their verb
    current = noun
    while current.head != current and current.head.pos_ in ("NOUN", "PROPN", "ADP", "NUM"):
        current = current.head
        chain.append(current)
    reason = next(
        (i for i, t in enumerate(chain) if t.pos_ == "ADP" and t.lower_ in REASON_PREPOSITIONS),
        None,
    )
    if reason is None:
        return False
    weighed = chain[reason + 1 :]  # "a sentence of life imprisonment on the charge"
    verb = current.head
    if verb.pos_ in ("VERB", "AUX"):  # the verb's object: "faces ten years ... on the charge"
        weighed += [c for c in verb.children if c.dep_ in ("dobj", "npadvmod", "attr")]
    return any(syntax.lemma(t) in penalties for t in weighed)


# "since his arrest", "in detention": a reference point or a state, not a report.
TIME_PREPOSITIONS = {
    "since",
    "after",
    "before",
    "following",
    "until",
    "upon",
    "during",
    "pending",
    "ahead",
    "prior",
    "awaiting",
    "despite",
    "in",
    "from",
    "against",
}


# Of these, the ones after which the noun, with a place or date of its own, tells a
# past event: "after deportation from Turkey", "since his arrest in May 2025".
PAST_REFERENCES = {"since", "after", "following", "upon"}


def _placed_or_dated(noun: Token) -> bool:
    return any(
        t.ent_type_ in ("GPE", "DATE") for c in noun.children if c.dep_ == "prep" for t in c.subtree
    )


def _dated(noun: Token) -> bool:
    return any(t.ent_type_ == "DATE" for c in noun.children if c.dep_ == "prep" for t in c.subtree)


TOPIC_HOLDERS = {
    "hearing",
    "appeal",
    "trial",
    "decision",
    "ruling",
    "complaint",
    "challenge",
    "case",
    "session",
    "lawsuit",
    "petition",
}


# "an urgent appeal for his release", "the case for his arrest": asked for or argued.
DEMAND_HOLDERS = {
    "appeal",
    "call",
    "demand",
    "campaign",
    "petition",
    "plea",
    "case",
    "grounds",
    "reason",
    "basis",
    "justification",
    "push",
    "bid",
}


def _ties_between_states(topic: Token, lexicon: Lexicon) -> bool:
    """ "extradition treaties", "extradition with Minsk": relations, not someone's case."""
    if (
        topic.dep_ in ("compound", "amod")
        and syntax.lemma(topic.head) in lexicon.decision_not_about
    ):
        return True
    return any(c.dep_ == "prep" and c.lower_ == "with" for c in topic.children)


def _names_a_crime(noun: Token) -> bool:
    """The crime a charge names: "offences of unlawful arrest and detention", "charged with
    kidnapping", "the crime of illegal deprivation of liberty"."""
    while noun.dep_ == "conj" and noun.head != noun:
        noun = noun.head
    head = noun.head
    return (
        noun.dep_ == "pobj"
        and head.lower_ in ("of", "with", "for")
        and syntax.lemma(head.head) in CRIME_HOLDERS
    )


# Words whose "of"/"with" names a crime rather than an event that happened to someone.
CRIME_HOLDERS = {"offence", "offense", "crime", "charge", "count", "accusation", "article"}


def _is_plea(verb: Token) -> bool:
    """ "appealed for calm", "appealed to the exiles to come home", "appealed to supporters":
    asked people for something, where a legal appeal goes to a court or an authority."""
    for c in verb.children:
        if c.dep_ in ("xcomp", "ccomp"):
            return True
        if c.dep_ == "prep" and c.lower_ == "for":
            return True
        target = syntax.child(c, "pobj") if c.dep_ == "prep" and c.lower_ == "to" else None
        if target is not None and (
            target.lemma_.lower() in PLEADED_TO or any(g.dep_ == "xcomp" for g in target.children)
        ):
            return True
    return False


# Whom a plea is made to; a legal appeal is made to a court or an authority.
PLEADED_TO = {
    "supporter",
    "public",
    "people",
    "person",
    "citizen",
    "community",
    "world",
    "follower",
    "viewer",
    "reader",
    "resident",
    "voter",
    "everyone",
    "all",
}


def _names_someone(noun: Token) -> bool:
    """Does a plural event noun say whose events they are ("the arrests of Ivanov and Petrov")?

    "He was subjected to tortures": the verb says.
    """
    if noun.dep_ == "pobj" and noun.head.lower_ == "to" and noun.head.head.lemma_ == "subject":
        return True
    if syntax.list_after(noun) is not None:
        return True  # "First eight warrants: A, B, ...", "six more bounties, including A and B"
    if noun.dep_ == "attr" and syntax.lemma(noun.head) == "be":
        return True  # "The other four were registered refugees": the subject says who
    return any(
        t.pos_ == "PROPN" or (t.dep_ == "poss" and t.pos_ == "PRON")
        for c in noun.children
        if c.dep_ in ("poss", "prep", "compound")
        for t in c.subtree
    )


def _is_time_reference(noun: Token) -> bool:
    head = noun.head
    if (
        noun.dep_ == "pobj"
        and head.lower_ in ("on", "against", "over")
        and head.head.lemma_.lower() in TOPIC_HOLDERS
    ):
        return True  # "a hearing on the deportation of X": what is heard, not a deportation
    if noun.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in DEMAND_HOLDERS:
        return True  # "an urgent appeal for his release": asked for, not done
    if head.lower_ == "in" and head.head.lemma_.lower() in ("defendant", "accused"):
        return False  # "named as a defendant in a hearing": that hearing is reported
    if noun.dep_ == "pobj" and head.lower_ in PAST_REFERENCES and _placed_or_dated(noun):
        return False  # "arrived on December 26 after deportation from Turkey": it is reported
    if noun.dep_ == "pobj" and head.lower_ == "during" and _dated(noun):
        return False  # "during the court session on 2 December, he pleaded": it is reported
    if noun.dep_ == "pobj" and head.lower_ in TIME_PREPOSITIONS:
        return True
    # "awaits extradition", "fights deportation": a prospect; "faces charges" is a charge,
    # and the rules of the nouns that "face" would make a prospect say so (`not_with: [face]`)
    return noun.dep_ == "dobj" and syntax.lemma(head) in ("await", "fear", "resist", "fight")


def _decision(token: Token, lexicon: Lexicon) -> Candidate | None:
    """A decision verb about extradition or asylum: "approved Minsk's demand to extradite"."""
    if token.pos_ not in ("VERB",):
        return None
    particle = syntax.child(token, "prt")
    phrasal = f"{syntax.lemma(token)} {particle.lower_}" if particle is not None else ""
    outcome = lexicon.decision_verbs.get(phrasal) or lexicon.decision_verbs.get(syntax.lemma(token))
    if outcome is None:
        return None
    if token.tag_ == "VB" and not any(c.dep_ in ("aux", "auxpass") for c in token.children):
        return None  # imperative: a demand, not a decision
    scope = [
        t
        for c in token.children
        if c.dep_ in ("dobj", "nsubjpass", "prep", "xcomp", "ccomp", "dative")
        or (c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children))  # "ruled to ..."
        for t in c.subtree
        if _hops(t, token) <= 4 and not any(a.dep_ == "relcl" for a in _path(t, token))
    ]
    topics = [
        lexicon.decision_topics[syntax.lemma(t)]
        for t in scope
        if syntax.lemma(t) in lexicon.decision_topics and not _ties_between_states(t, lexicon)
    ]
    if (
        not topics
        and _asylum_story(token)
        and any(
            t.dep_ in ("dobj", "nsubjpass") and syntax.lemma(t) in ("application", "claim")
            for t in scope
        )
    ):
        topics = ["asylum_decision"]  # "turned his application down", in a story about asylum
    if not topics and _state_request_in(scope, token.sent, lexicon):
        topics = ["extradition_decision"]  # "Kenya agreed to Ankara's request and returned them"
    if not topics:
        topics = _request_told_before(scope, token, lexicon)  # "... accepted this request"
    if not topics:
        return None
    event_type = topics[0]
    upheld = [
        lexicon.decision_nouns[t.lemma_.lower()]
        for t in scope
        if t.lemma_.lower() in lexicon.decision_nouns
    ]
    if upheld:
        outcome = upheld[0]
    if event_type == "asylum_decision":
        outcome = lexicon.asylum_outcomes.get(outcome, outcome)
    return Candidate(event_type, token, f"{event_type}/decision-verb", "decision", outcome)


# Verbs by which a higher court keeps a lower one's decision in force, and the decisions.
UPHOLDING = {"uphold", "confirm", "affirm"}
UPHELD_RULINGS = {"ruling", "decision", "judgment", "judgement", "order"}


def _upheld_ruling(verb: Token) -> Token | None:
    """ "the appeals court upheld the city court's ruling of 3 March that he could be
    extradited": the ruling upheld is a decision of its own, on the day its "of" names."""
    if syntax.lemma(verb) not in UPHOLDING:
        return None
    ruling = syntax.child(verb, "dobj", "nsubjpass")
    if ruling is None or ruling.lemma_.lower() not in UPHELD_RULINGS:
        return None
    dated = any(
        c.dep_ == "prep" and c.lower_ == "of" and any(t.ent_type_ == "DATE" for t in c.subtree)
        for c in ruling.children
    )
    return ruling if dated else None


REQUEST_NOUNS = {"request", "demand", "application", "bid", "petition", "motion", "claim"}
REQUEST_REACH = 2  # sentences back where "this request" finds what it was a request for


def _request_told_before(scope: list[Token], decision: Token, lexicon: Lexicon) -> list[str]:
    """ "Turkey asked Georgia to extradite him. Georgia accepted the request": a decision
    on "the/this request" is about what the request just told was for."""
    request = next(
        (
            t
            for t in scope
            if (
                (
                    t.lemma_.lower() in REQUEST_NOUNS
                    and any(
                        c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in t.children
                    )
                )
                # "dismissed his appeal against that decision": the decision told just before
                or (
                    t.lemma_.lower() in UPHELD_RULINGS
                    and any(c.dep_ == "det" and c.lower_ in ("this", "that") for c in t.children)
                )
            )
            and not any(c.dep_ in ("prep", "acl") for c in t.children)  # "request for a meeting"
        ),
        None,
    )
    if request is None:
        return []
    sentences = syntax.sentences(decision.doc)
    here = syntax.sentence_index(decision)
    for sentence in reversed(sentences[max(0, here - REQUEST_REACH) : here + 1]):
        for t in reversed([t for t in sentence if t.i < request.i]):
            topic = lexicon.decision_topics.get(syntax.lemma(t))
            if topic is not None and not _ties_between_states(t, lexicon):
                return [topic]
            if t.lemma_.lower() in REQUEST_NOUNS and _for_a_removal(t, sentence, lexicon):
                return ["extradition_decision"]  # "returned at the request of the Turkish
    return []  # government, and Kenya accepted this request"


def _for_a_removal(request: Token, sentence: Span, lexicon: Lexicon) -> bool:
    """A state's request in a sentence about sending someone back (events.yaml: the
    `by_a_state` request rule's context words)."""
    of_state = any(
        c.dep_ == "prep" and c.lower_ in ("of", "from") and _a_state(c) for c in request.children
    ) or _asked_by_a_state(request)
    context = {
        w
        for rule in lexicon.noun_rules("request")
        if "by_a_state" in rule.flags
        for w in rule.with_any
    }
    return of_state and any(syntax.lemma(t) in context for t in sentence)


def _asylum_story(token: Token) -> bool:
    """Has the story already spoken of asylum, refugee status or international protection
    ("applied for international protection, but the authority rejected his application")?"""
    before = token.doc[: token.i]
    return any(
        t.lower_ in ("asylum", "refugee")
        or (t.lower_ == "protection" and t.i > 0 and t.doc[t.i - 1].lower_ == "international")
        for t in before
    )


def _path(token: Token, top: Token) -> list[Token]:
    path = []
    current = token
    while current != top and current.head != current:
        path.append(current)
        current = current.head
    return path


def _hops(token: Token, top: Token) -> int:
    return len(_path(token, top))


def _phrase_candidates(sentence: Span, lexicon: Lexicon) -> list[Candidate]:
    found = []
    words = [t.lower_ for t in sentence]
    lemmas = [t.lemma_.lower() for t in sentence]
    present = set(words) | set(lemmas)
    for rule in lexicon.phrase_rules():
        if not present.issuperset(rule.phrase):
            continue  # a word of the phrase is not in the sentence: no window can match
        size = len(rule.phrase)
        for i in range(len(words) - size + 1):
            window = list(zip(words[i : i + size], lemmas[i : i + size], strict=True))
            if all(part in pair for part, pair in zip(rule.phrase, window, strict=True)):
                if all(t.text[:1].isupper() for t in sentence[i : i + size]) and i > 0:
                    continue  # "the Enforced Disappearance Act", "Red Notice Review": a title
                token = sentence[i + size - 1]
                if rule.type == "extradition_request" and not _a_state(token):
                    continue  # "at the request of the security agency": not another state
                found.append(Candidate(rule.type, token, rule.rule_id, "phrase"))
    return found


def _state_request_in(scope: list[Token], sentence: Span, lexicon: Lexicon) -> bool:
    """A decision on a state's request to hand someone over: the request rule reads it."""
    rules = [
        r
        for r in lexicon.noun_rules("request")
        if r.type == "extradition_request" and "by_a_state" in r.flags
    ]
    return any(
        syntax.lemma(t) in rule.lemmas and _fits(t, rule, sentence, lexicon.context.institutions)
        for rule in rules
        for t in scope
    )


def _asked_by_a_state(noun: Token) -> bool:
    """ "Ankara's request", "Tajik requests"; "at the request of the Turkish government" is
    the phrase rule's."""
    if noun.head.lower_ in ("at", "upon", "on") and any(c.lower_ == "of" for c in noun.children):
        return False
    for c in noun.children:
        if c.dep_ in ("poss", "amod", "compound") and any(
            country_of(t.text) is not None for t in c.subtree
        ):
            return True
        if c.dep_ == "prep" and c.lower_ in ("of", "from") and _a_state(c):
            return True
    return False


def _a_state(preposition: Token) -> bool:
    """ "at the request of Dushanbe", "of the Turkish government": the object names a state."""
    obj = syntax.child(preposition, "pobj")
    return obj is not None and any(country_of(t.text) is not None for t in obj.subtree)


def _acted_by(verb: Token, agent_start: int) -> bool:
    """The international body is the verb's subject, not "a search requested by Minsk";
    "the Committee, which asked ...": the relative pronoun stands for the body."""
    subject = syntax.child(verb, "nsubj") or syntax.agent_of(verb)
    if subject is None and verb.dep_ in ("conj", "xcomp"):
        subject = syntax.subject_of(verb)  # "the Committee met and asked ...", not a modified noun
    if subject is None:
        return False
    if syntax.relative_antecedent(subject) is not subject:  # "the Committee, which asked"
        name = syntax.relative_antecedent(subject)
        while name.dep_ in ("pobj", "prep", "compound", "flat") and name.head.pos_ in (
            "PROPN",
            "ADP",
        ):
            name = name.head  # "Torture" in "the Committee against Torture, which ..."
        return any(t.idx == agent_start for t in name.subtree)
    return any(t.idx == agent_start for t in subject.subtree)


# Pronouns that stand for a body the sentence named before them ("UNHCR said it had
# raised the cases", "the agency recognised her ... and it referred her file").
BODY_PRONOUNS = {"it", "she", "he", "they"}


def _told_by_pronoun(verb: Token, agent_end: int) -> bool:
    subject = syntax.child(verb, "nsubj") or syntax.agent_of(verb)
    if subject is None and verb.dep_ in ("conj", "xcomp"):
        subject = syntax.subject_of(verb)
    return subject is not None and subject.lower_ in BODY_PRONOUNS and subject.idx >= agent_end


def _international_candidates(sentence: Span, lexicon: Lexicon) -> list[Candidate]:
    text = sentence.text
    for agent in lexicon.international_agents:
        needle = " ".join(agent)
        position = text.find(needle)
        if position < 0:
            continue
        start = sentence.start_char + position
        acts = [  # each act of the body: "recognised her as a refugee and referred her to"
            Candidate(
                "international_action", token, "international_action/agent-verb", "international"
            )
            for token in sentence
            if token.idx - sentence.start_char >= position
            and _an_act(token, lexicon)
            and (_acted_by(token, start) or _told_by_pronoun(token, start + len(needle)))
        ]
        acts += [  # "despite a request from UN experts", "the Court's interim measure"
            Candidate(
                "international_action", token, "international_action/agent-noun", "international"
            )
            for token in sentence
            if token.pos_ == "NOUN"
            and syntax.lemma(token) in lexicon.international_acts
            and _named_in(token, start, start + len(needle))
        ]
        if acts:
            return acts
    return _acts_of_a_body_named_before(sentence, lexicon)


def _named_in(noun: Token, agent_start: int, agent_end: int) -> bool:
    """The body is the noun's owner or its "from"/"by"/"of" phrase: the phrase's own
    noun is in the body's name ("from UN experts"; not "from one Interpol member")."""
    return any(
        agent_start <= word.idx < agent_end
        for c in noun.children
        for word in (
            [c]
            if c.dep_ == "poss"
            else [syntax.child(c, "pobj")]
            if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in ("from", "by", "of"))
            else []
        )
        if word is not None
    )


def _an_act(token: Token, lexicon: Lexicon) -> bool:
    return token.pos_ == "VERB" and syntax.lemma(token) in lexicon.international_verbs


# How far back "the Court", "the agency", "the Committee" looks for the body it names.
BODY_REACH = 6


def _acts_of_a_body_named_before(sentence: Span, lexicon: Lexicon) -> list[Candidate]:
    """ "The European Court of Human Rights ... . On 4 February the Court indicated ...":
    a definite noun that ends the body's name stands for it, when the last time the
    article used that noun was in the body's name (not "the Belgrade court")."""
    acts = []
    for token in sentence:
        if not _an_act(token, lexicon) or token.dep_ == "relcl":
            continue  # "in breach of measures that the Court had indicated": a description
        subject = syntax.child(token, "nsubj") or syntax.agent_of(token)
        if subject is None and token.dep_ in ("conj", "xcomp"):
            subject = syntax.subject_of(token)
        if subject is None:
            continue
        subject = syntax.relative_antecedent(subject)
        if (
            subject.lemma_.lower() in lexicon.international_anaphors
            and [c.lower_ for c in subject.children] == ["the"]  # not "the Higher Court in X"
            and _body_named_before(subject, lexicon)
        ):
            acts.append(
                Candidate(
                    "international_action",
                    token,
                    "international_action/agent-verb",
                    "international",
                )
            )
    return acts


def _body_named_before(noun: Token, lexicon: Lexicon) -> bool:
    doc = noun.doc
    sentences = syntax.sentences(doc)
    here = syntax.sentence_index(noun)
    first = sentences[max(0, here - BODY_REACH)].start
    word = noun.lemma_.lower()
    last = next(
        (t for t in reversed(doc[first : noun.i]) if t.lemma_.lower() == word and t.i != noun.i),
        None,
    )
    if last is None:
        return False
    window = doc[max(0, last.i - 8) : last.i + 1].text
    end = window.rfind(last.text)
    return any(
        (position := window.find(" ".join(agent))) >= 0 and position <= end
        for agent in lexicon.international_agents
    )
