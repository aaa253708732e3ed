"""Events from a parsed article: triggers from the lexicon, arguments from the parse.

For each sentence, every word the lexicon knows (a verb, a noun, a phrase, a
decision verb about extradition or asylum) proposes an event; the parse then
says whom it happened to, when, where, by whose hand, and whether the
sentence asserts it at all (negations, fears, demands and conditions give
nothing). Each event keeps its sentence, its character span and the rule that
fired. Merging mentions of one event is `merge.py`'s job.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from casefile.extract import syntax
from casefile.extract.lexicon import Lexicon, TriggerRule, load_lexicon
from casefile.extract.people import People, people_words
from casefile.extract.places import country_of
from casefile.extract.timex import find_timexes, resolve
from casefile.model import Event, TimeExpression

PERSON_OBJECT_PREPS = ("of", "on", "against", "for")
CASE_NOUNS = {"case", "status", "trial", "appeal", "complaint", "matter"}
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Candidate:
    """A trigger that fired, before its arguments are read."""

    type: str
    trigger: Token
    rule: str
    person_role: str = "object"  # "object", "subject", "organization", "noun"
    outcome: str | None = None
    flags: frozenset[str] = frozenset()


# "YEREVAN, March 6 (Caspian Wire) —": the dateline's date is when the story was filed.
DATELINE = re.compile(r"^[A-Z][A-Z .'’-]+(?:,[^—–(]{0,40})?(?:\([^)]{1,60}\))?\s*[—–-]{1,2}\s")


@dataclass
class SentenceTimes:
    """The time expressions of one sentence; offsets are into the whole text, as spaCy's are."""

    sentence: Span
    timexes: list[TimeExpression]

    def on(self, tokens: list[Token], near: Token | None = None) -> list[TimeExpression]:
        """Calendar dates whose words are among `tokens`, nearest to `near` first.

        Durations and vague references ("more than a year", "recently") name
        no calendar date and are left out.
        """
        chars = {t.idx for t in tokens}
        found = []
        for timex in self.timexes:
            if timex.date is None or timex.type not in ("DATE", "TIME"):
                continue
            if any(timex.start <= c < timex.end for c in chars):
                found.append(timex)
        if near is not None:
            found.sort(key=lambda t: abs(t.start - near.idx))
        return found


def _sentence_times(doc: Doc, timexes: list[TimeExpression]) -> Iterator[SentenceTimes]:
    for number, sentence in enumerate(doc.sents):
        inside = [t for t in timexes if sentence.start_char <= t.start < sentence.end_char]
        if number == 0:
            dateline = DATELINE.match(sentence.text)
            if dateline:
                inside = [t for t in inside if t.start >= sentence.start_char + dateline.end()]
        yield SentenceTimes(sentence, inside)


def find_events(
    doc: Doc,
    people: People,
    published: date | None,
    lexicon: Lexicon,
    timexes: list[TimeExpression] | None = None,
) -> list[Event]:
    """Every event the article's sentences assert, before mentions are merged.

    `timexes` are the article's time expressions, found once over the whole
    text so that "the next day" can lean on the date mentioned before it.
    """
    if timexes is None:
        timexes = find_timexes(doc.text, published)
    events: list[Event] = []
    for times in _sentence_times(doc, timexes):
        sentence = times.sentence
        hedged = _is_hedged(sentence, lexicon)
        for candidate in _candidates(sentence, lexicon):
            for event in _build(candidate, people, times, published, hedged, lexicon):
                events.append(event)
    return events


# --- triggers ---------------------------------------------------------------


def _candidates(sentence: Span, lexicon: Lexicon) -> list[Candidate]:
    found: list[Candidate] = []
    decided: set[int] = set()
    for token in sentence:
        decision = _decision(token, lexicon)
        if decision is not None:
            found.append(decision)
            decided.add(token.i)
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
            if _fits(token, rule, sentence):
                role = "noun" if rule.kind == "noun" else rule.person
                if "organizations" in rule.flags:
                    role = "organization"
                if "fallback_main" in rule.flags:
                    role = "phrase"  # "a court will hear the case": the case of the story's person
                found.append(Candidate(rule.type, token, rule.rule_id, role, flags=rule.flags))
    found += _phrase_candidates(sentence, lexicon)
    found += _international_candidates(sentence, lexicon)
    return found


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
    near.add(syntax.lemma(token.head))
    verb = syntax.governing_verb(token)
    if verb is not None and token.pos_ in ("NOUN", "PROPN"):
        near.add(syntax.lemma(verb))
    return near


def _fits(token: Token, rule: TriggerRule, sentence: Span) -> bool:
    if token.dep_ == "amod" and rule.kind != "adjective":
        return False  # "a jailed critic" describes a state, it does not report an event
    if rule.kind == "noun" and _is_time_reference(token):
        return False  # "since his arrest", "after a trial": a reference point, not a report
    if token.tag_ == "VB" and not any(c.dep_ in ("aux", "auxpass") for c in token.children):
        return False  # an imperative or bare infinitive ("suspend the extraditions of ...")
    near = _near_lemmas(token)
    if "with_context" in rule.flags:
        sentence_lemmas = {syntax.lemma(t) for t in sentence}
        if not rule.with_any & sentence_lemmas:
            return False
    elif rule.with_any and not rule.with_any & near:
        return False
    text = sentence.text.lower()
    for word in rule.without:
        if (" " in word and word in text) or word in near:
            return False
    if rule.governed_by:
        verb = syntax.governing_verb(token)
        head = syntax.lemma(token.head)
        if head not in rule.governed_by and (
            verb is None or syntax.lemma(verb) not in rule.governed_by
        ):
            return False
    return "requires_past" not in rule.flags or token.tag_ in ("VBD", "VBN")


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
    if noun.dep_ == "pobj" and head.lower_ in TIME_PREPOSITIONS:
        return True
    return noun.dep_ == "dobj" and syntax.lemma(head) in (
        "await",
        "face",
        "fear",
        "resist",
        "fight",
    )


def _decision(token: Token, lexicon: Lexicon) -> Candidate | None:
    """A decision verb about extradition or asylum: "granted Russia's request to extradite"."""
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
        for t in c.subtree
        if _hops(t, token) <= 4 and not any(a.dep_ == "relcl" for a in _path(t, token))
    ]
    topics = [
        lexicon.decision_topics[syntax.lemma(t)]
        for t in scope
        if syntax.lemma(t) in lexicon.decision_topics
    ]
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
    for rule in lexicon.phrase_rules():
        size = len(rule.phrase)
        for i in range(len(words) - size + 1):
            window = list(zip(words[i : i + size], lemmas[i : i + size], strict=True))
            if all(part in pair for part, pair in zip(rule.phrase, window, strict=True)):
                token = sentence[i + size - 1]
                found.append(Candidate(rule.type, token, rule.rule_id, "phrase"))
    return found


def _international_candidates(sentence: Span, lexicon: Lexicon) -> list[Candidate]:
    text = sentence.text
    for agent in lexicon.international_agents:
        needle = " ".join(agent)
        position = text.find(needle)
        if position < 0:
            continue
        for token in sentence:
            if (
                token.idx - sentence.start_char >= position
                and token.pos_ == "VERB"
                and syntax.lemma(token) in lexicon.international_verbs
            ):
                return [
                    Candidate(
                        "international_action",
                        token,
                        "international_action/agent-verb",
                        "international",
                    )
                ]
    return []


# --- arguments --------------------------------------------------------------


def _build(
    candidate: Candidate,
    people: People,
    times: SentenceTimes,
    published: date | None,
    hedged: bool,
    lexicon: Lexicon,
) -> list[Event]:
    token = candidate.trigger
    context = lexicon.context
    if syntax.is_negated(token):
        return _drop(candidate, "negated")
    if candidate.person_role != "international" and syntax.is_hypothetical(token, context):
        return _drop(candidate, "hypothetical: a fear, demand, intention or condition")
    if (
        syntax.is_infinitive(token)
        and syntax.lemma(token.head) not in context.realized_infinitive_heads
    ):
        return _drop(candidate, "infinitive")
    if token.dep_ == "acl" and token.head.lemma_.lower() in (
        "request",
        "decision",
        "bid",
        "attempt",
    ):
        return _drop(candidate, "part of a request or decision")

    subjects, agent_token = _subject(candidate, people)
    if not subjects:
        return _drop(candidate, "no subject")
    return [
        event
        for subject in subjects
        for event in _build_for(
            candidate, subject, agent_token, people, times, published, hedged, lexicon
        )
    ]


def _build_for(
    candidate: Candidate,
    subject: tuple[str, int | None],
    agent_token: Token | None,
    people: People,
    times: SentenceTimes,
    published: date | None,
    hedged: bool,
    lexicon: Lexicon,
) -> list[Event]:
    token = candidate.trigger
    context = lexicon.context
    if candidate.type == "appeal" and subject[1] is not None and people.is_counsel(subject[1]):
        counsel = people.name(subject[1])
        if people.main is None or people.main == subject[1]:
            return _drop(candidate, "appeal by counsel with no client")
        subject = (people.name(people.main), people.main)
        agent_text: str | None = counsel
    else:
        agent_text = syntax.phrase_text(agent_token) if agent_token is not None else None

    anchor = (
        token
        if candidate.person_role not in ("noun", "phrase")
        else (syntax.governing_verb(token) or token)
    )
    scope = syntax.clause_tokens(token)
    if candidate.person_role == "noun":  # "the hearing, set for March 11, ..."
        scope += [t for c in token.children if c.dep_ == "acl" for t in c.subtree]
    if candidate.person_role in ("decision", "international"):  # "... to extradite him on May 4"
        scope += [t for verb in _infinitives(token) for t in _date_phrases(verb)]
    if anchor != token and not _under_decision(token, lexicon):
        scope = sorted(set(scope) | set(syntax.clause_tokens(anchor)), key=lambda t: t.i)
    status = _status(token, anchor, lexicon)
    dates = times.on(scope, near=token)
    if not dates and anchor.dep_ == "relcl":
        dates = times.on([anchor.head], near=token)  # "since Dec. 26, when Turkey deported him"
    if (
        not dates
        and anchor.dep_ in ("relcl", "advcl")
        and any(c.lower_ in ("where", "when", "while", "as") for c in anchor.children)
    ):  # "put him on a plane to Moscow late last month, where he was arrested"
        outer = syntax.governing_verb(anchor)
        if outer is not None:
            dates = times.on(syntax.clause_tokens(outer), near=token)
    for head_of in (token, anchor):
        if dates:
            break
        if head_of.dep_ in ("conj", "xcomp") or (
            head_of.dep_ == "ccomp" and syntax.lemma(head_of.head) not in context.speech_verbs
        ):
            dates = times.on(syntax.clause_tokens(head_of.head), near=token)
    if candidate.type == "hearing" and status == "postponed":
        moved = _postponed(anchor, dates, times, lexicon, published)
        if moved is not None:
            return [
                _event(candidate, subject[0], agent_text, d, s, times, scope, hedged)
                for d, s in moved
            ]

    if (
        status == "occurred"
        and dates
        and published
        and dates[0].date
        and dates[0].date > published.isoformat()[: len(dates[0].date)]
    ):
        status = "scheduled"
    if status == "scheduled" and candidate.type not in SCHEDULABLE:
        return _drop(candidate, "future, and not something that is scheduled")
    if (
        status == "scheduled"
        and candidate.type == "hearing"
        and dates
        and published
        and not re.search(r"\d{4}", dates[0].text)
    ):
        # "has set a hearing for April 21": the next April 21, whatever tense came before
        ahead = resolve(dates[0].text, published, tense="future")
        if ahead is not None and ahead.date:
            dates = [replace(dates[0], date=ahead.date, value=ahead.value), *dates[1:]]
    if "only_occurred" in candidate.flags and status != "occurred":
        return _drop(candidate, "not yet happened")
    if "needs_place" in candidate.flags and not _names_a_country(scope):
        return _drop(candidate, "no place")
    if (
        candidate.person_role == "noun"
        and not dates
        and not _names_its_person(token)
        and not _rule_links_person(candidate, lexicon)
    ):
        return _drop(candidate, "a reference, not a report")  # "a political trial", "the expulsion"
    events = [
        _event(candidate, subject[0], agent_text, timex, status, times, scope, hedged)
        for timex in (_repeated(dates, token) or dates[:1] or [None])
    ]
    if token.dep_ == "conj":
        country = _country(candidate, syntax.clause_tokens(token.head))
        events = [e if e.country else replace(e, country=country) for e in events]
    return events


REPEAT_WORDS = {"twice", "again", "both", "repeatedly", "thrice"}


def _repeated(dates: list[TimeExpression], token: Token) -> list[TimeExpression]:
    """ "sentenced twice, in 2013 and again in 2015": one event per date."""
    if len({d.date for d in dates}) < 2 or not any(t.lower_ in REPEAT_WORDS for t in token.sent):
        return []
    return sorted({d.date: d for d in dates}.values(), key=lambda d: d.start)


def _infinitives(verb: Token) -> list[Token]:
    """ "asked X not to extradite him", "granted the request to extradite him"."""
    found = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
    for obj in verb.children:
        if obj.dep_ == "dobj":
            found += [c for c in obj.children if c.dep_ == "acl" and c.pos_ == "VERB"]
    return found


def _date_phrases(verb: Token) -> list[Token]:
    """The verb's own time phrases ("on May 4"), not dates inside its object's description."""
    return [
        t
        for c in verb.children
        if c.dep_ in ("prep", "npadvmod") and c.i > verb.i
        for t in c.subtree
    ]


def _under_decision(noun: Token, lexicon: Lexicon) -> bool:
    """ "granted Russia's request": the decision's date is not the request's."""
    verb = syntax.governing_verb(noun)
    return verb is not None and syntax.lemma(verb) in lexicon.decision_verbs


# Events that can be announced for a date ahead; other types in the future
# tense ("he will disappear into a prison") are speculation, not events.
SCHEDULABLE = {
    "hearing",
    "deportation",
    "extradition",
    "appeal",
    "extradition_request",
    "release",
    "sentence",
    "asylum_application",
    "international_action",
}


def _stripped_span(sentence: Span) -> tuple[int, int]:
    """Character offsets of the sentence without surrounding white space: text[span] == evidence."""
    text = sentence.text
    start = sentence.start_char + len(text) - len(text.lstrip())
    return start, start + len(text.strip())


def _drop(candidate: Candidate, reason: str) -> list[Event]:
    """No event: say why, for whoever debugs the lexicon (`--log-level debug`)."""
    log.debug(
        "%s at %r (%s): %s",
        candidate.rule,
        candidate.trigger.text,
        candidate.trigger.sent.text[:80],
        reason,
    )
    return []


def _event(
    candidate: Candidate,
    subject: str,
    agent: str | None,
    timex: TimeExpression | None,
    status: str,
    times: SentenceTimes,
    scope: list[Token],
    hedged: bool,
) -> Event:
    sentence = times.sentence
    return Event(
        type=candidate.type,
        subject=subject,
        evidence=sentence.text.strip(),
        span=_stripped_span(sentence),
        date=timex.date if timex else None,
        date_text=timex.text if timex else None,
        status=status,  # type: ignore[arg-type]
        outcome=candidate.outcome,
        country=_country(candidate, scope),
        agent=agent,
        certainty="reported" if hedged else "asserted",
        rule=candidate.rule,
    )


def _subject(
    candidate: Candidate, people: People
) -> tuple[list[tuple[str, int | None]], Token | None]:
    """Whom the event happened to (names, person indexes), and the token of who did it.

    Coordinated subjects ("Jeyranov and Bayramli were detained") each get the event.
    """
    token = candidate.trigger
    role = candidate.person_role
    agent: Token | None = None
    target: Token | None = None
    if role == "organization":
        target = syntax.child(token, "dobj", "nsubjpass")
        agent = syntax.agent_of(token)
        name = _organization_name(token)
        return ([(name, None)] if name else []), agent
    if role == "subject":
        target = syntax.subject_of(token)
    elif role == "object":
        target = syntax.object_of(token)
        agent = syntax.agent_of(token)
        if target is None and token.dep_ in ("acl",) and token.head.pos_ in ("NOUN", "PROPN"):
            target = token.head
        if target is not None and _person_at(target, people) is None:
            # "imposed sanctions on X", "a case against X was opened",
            # "requested the extradition of X", "requested X's extradition"
            for c in [*token.children, *target.children]:
                if c.dep_ == "prep" and (
                    c.lower_ in ("on", "against") or (c.lower_ == "of" and c.head == target)
                ):
                    target = syntax.child(c, "pobj") or target
                    break
                if (
                    c.dep_ == "poss"
                    and c.head == target
                    and target.lemma_.lower() in load_lexicon().possessed(candidate.type)
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
        if role == "phrase" and verb is not None:
            target = target or syntax.object_of(verb) or syntax.subject_of(verb)
        if verb is not None and role == "noun":
            agent = syntax.agent_of(verb)
            if agent is not None and people.of(agent) is not None:
                agent = None
    elif role == "international":
        target = syntax.child(token, "dobj")
        agent = syntax.subject_of(token)
    found: list[int] = []
    groups: list[str] = []
    if target is not None and target.lower_ in PAIR_PRONOUNS:
        found = _previous_pair(target, people)  # "Both were detained": the two just named
    for each in syntax.coordinated(target) if target is not None and not found else []:
        person = _person_at(each, people)
        if person is not None and person not in found:
            found.append(person)
        elif person is None and (group := _group(each)) is not None:
            groups.append(group)
    if groups and not found:
        return [(group, None) for group in groups], agent
    if not found and role in ("decision", "noun", "international", "phrase"):
        person = _sentence_person(token, people, exclude=agent)
        if person is None and not _names_anyone(token.sent, people) and not _other_people(target):
            person = people.main
        if person is not None:
            found.append(person)
    return [(people.name(p), p) for p in found], agent


PAIR_PRONOUNS = {"both", "they", "them"}


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


ROLE_SUBJECTS = {"suspect", "attacker", "gunman", "assailant", "killer"}


GROUP_NOUNS = {
    "man",
    "woman",
    "people",
    "activist",
    "member",
    "blogger",
    "journalist",
    "uyghur",
    "uighur",
    "refugee",
    "asylum-seeker",
    "dissident",
    "student",
    "worker",
    "migrant",
    "defendant",
    "protester",
    "demonstrator",
    "national",
    "citizen",
    "opponent",
}


def _group(token: Token) -> str | None:
    """A group as a short noun phrase ("three Russian political activists", "Uyghur men").

    Pronouns "they"/"them" stand for the nearest such group before them.
    """
    if token.lower_ in ("they", "them"):
        return _previous_group(token)
    if _is_suspect(token) and token.tag_ == "NN":
        return "suspect"  # GUIDELINES: groups and unnamed people as short noun phrases
    if token.tag_ not in ("NNS", "NNPS") or token.lemma_.lower() not in GROUP_NOUNS:
        return None
    words = [c for c in token.children if c.dep_ in ("nummod", "amod", "compound", "quantmod")]
    words += [
        c for c in token.children if c.dep_ == "det" and c.lower_ not in ("the", "these", "those")
    ]
    start = min([w.left_edge.i for w in words] + [token.i])
    end = token.i + 1
    for c in token.children:  # "activists from his association"
        if c.dep_ == "prep" and c.lower_ in ("from", "of") and c.i == end:
            end = c.right_edge.i + 1
    return token.doc[start:end].text


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
    found = people.of(token)
    if found is not None:
        return found
    for c in token.children:
        if c.dep_ in ("compound", "appos", "flat"):
            found = people.of(c)
            if found is None and c.dep_ == "appos":
                found = _person_at(c, people)
            if found is not None:
                return found
    if _is_unknown_name(token):
        start = min(
            [c.i for c in token.children if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN"]
            + [token.i]
        )
        return people.add(token.doc[start : token.i + 1].text, token)
    if _is_suspect(token):
        return None
    if _describes_main_person(token):
        if any(c.lower_ == "the" for c in token.children):
            return people.recent(token) or people.main  # "the Chechen activist": the one just named
        return people.main  # "a jailed critic of ...": the story's person before the name comes
    return None


def _is_unknown_name(token: Token) -> bool:
    """A capitalised proper noun in a person's slot that no model tagged as one: still a name.

    The slot decides: organisations are not detained or deported, so a two-word
    name the model called ORG is taken as a person there.
    """
    mistaken_for_place_or_organisation = (
        token.ent_type_ in ("ORG", "GPE")
        and country_of(_entity_text(token)) is None
        and any(c.dep_ in ("compound", "flat") and c.pos_ == "PROPN" for c in token.children)
        and token.dep_ in ("dobj", "nsubjpass", "pobj", "dative", "compound")
    )
    return (
        token.pos_ == "PROPN"
        and token.text[:1].isupper()
        and (token.ent_type_ in ("", "PERSON") or mistaken_for_place_or_organisation)
        and country_of(token.text) is None
        and not token.text.isupper()
    )


def _is_suspect(token: Token) -> bool:
    """ "a suspect", "a Thai man suspected of shooting X": not the story's person."""
    return token.lemma_.lower() in ROLE_SUBJECTS or any(
        c.dep_ == "acl" and c.lemma_.lower() in ("suspect", "accuse") for c in token.children
    )


def _describes_main_person(token: Token) -> bool:
    """ "the activist", "a jailed critic of X": one unnamed person, so the one the story is about.

    Plurals, kin ("his brother") and "another/other" point at someone else.
    """
    if token.lemma_.lower() not in people_words().descriptors or token.tag_ in ("NNS", "NNPS"):
        return False
    return not any(
        c.lower_ in ("other", "another", "second", "third", "fellow") or c.dep_ == "nummod"
        for c in token.children
    )


def _rule_links_person(candidate: Candidate, lexicon: Lexicon) -> bool:
    """Nouns tied by rule to a verb ("remanded on treason charges") find their person there."""
    return any(
        r.governed_by
        for r in lexicon.noun_rules(syntax.lemma(candidate.trigger))
        if r.type == candidate.type
    )


def _names_its_person(noun: Token) -> bool:
    """Does the noun's own phrase say whose it is ("his detention", "the trial of X")?"""
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
    return False


def _first_person(candidates: list[Token | None], people: People) -> Token | None:
    """The first candidate that stands for a person; else the first candidate at all."""
    present = [c for c in candidates if c is not None]
    for candidate in present:
        if _person_at(candidate, people) is not None:
            return candidate
    return None


def _noun_person(noun: Token, people: People) -> Token | None:
    """Whose event a noun names: "his detention", "the arrest of X", "a hearing on X's
    refugee status", "the request to extradite X"."""
    candidates: list[Token | None] = []
    candidates += [c for c in noun.children if c.dep_ == "poss"]
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in (*PERSON_OBJECT_PREPS, "in"):
            obj = syntax.child(c, "pobj")
            if obj is not None:
                candidates += [syntax.child(obj, "poss"), obj]
                if obj.lemma_.lower() in CASE_NOUNS:  # "a hearing in the case of X"
                    of = next((g for g in obj.children if g.lower_ == "of"), None)
                    candidates.append(syntax.child(of, "pobj") if of is not None else None)
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
            candidates.append(syntax.subject_of(verb))
        candidates += [syntax.object_of(verb), syntax.subject_of(verb)]
    return _first_person(candidates, people)


def _decision_person(verb: Token, people: People) -> Token | None:
    candidates: list[Token | None] = []
    for t in verb.subtree:
        if t.dep_ == "poss" and t.head.lemma_.lower() in (
            "request",
            "extradition",
            "application",
            "claim",
            "status",
            "bid",
        ):
            candidates.append(t)
        if syntax.lemma(t) == "extradite":
            candidates.append(syntax.child(t, "dobj"))
        if t.lower_ == "of" and t.head.lemma_.lower() in (
            "extradition",
            "deportation",
            "request",
            "application",
            "claim",
            "bid",
            "status",
        ):
            candidates.append(syntax.child(t, "pobj"))
    candidates += [syntax.child(verb, "dative"), syntax.child(verb, "nsubjpass")]
    obj = syntax.child(verb, "dobj")
    if obj is not None:  # "granted Kamol Yusupov asylum", parsed as a compound
        candidates += [c for c in obj.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return _first_person(candidates, people)


def _names_anyone(sentence: Span, people: People) -> bool:
    return any(people.of(t) is not None for t in sentence)


def _sentence_person(token: Token, people: People, exclude: Token | None) -> int | None:
    """The one person the sentence names as a main participant (not inside another phrase)."""
    excluded = {t.i for t in exclude.subtree} if exclude is not None else set()
    named = {
        people.of(t)
        for t in token.sent
        if people.of(t) is not None
        and t.i not in excluded
        and t.dep_ in ("nsubj", "nsubjpass", "dobj", "poss", "appos")
    }
    named.discard(None)
    clients = {n for n in named if n is not None and not people.is_counsel(n)}
    if len(clients) == 1:
        return clients.pop()
    return None


def _organization_name(verb: Token) -> str | None:
    """The organisation a designation verb labels: the first proper name after the verb.

    In a relative clause ("Pamir Dialogue, a movement that the court banned")
    it is the name the clause describes.
    """
    if verb.dep_ == "relcl":
        noun = verb.head.head if verb.head.dep_ == "appos" else verb.head
        if noun.pos_ == "PROPN":
            return _entity_text(noun) if noun.ent_type_ else _proper_chain(noun)
    for t in verb.sent:
        if t.i <= verb.i:
            continue
        if t.ent_type_ in ("ORG", "PERSON", "NORP") or (t.pos_ == "PROPN"):
            if t.ent_iob_ in ("B", "I") and t.ent_type_:
                entity = next(e for e in t.doc.ents if e.start <= t.i < e.end)
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


# --- qualities -------------------------------------------------------------


def _is_hedged(sentence: Span, lexicon: Lexicon) -> bool:
    text = sentence.text.lower()
    return any(hedge in text for hedge in lexicon.context.hedges)


def _status(token: Token, anchor: Token, lexicon: Lexicon) -> str:
    context = lexicon.context
    for candidate in (token, anchor):
        lemma = syntax.lemma(candidate)
        if lemma in context.postpone_verbs and candidate != token:
            return "postponed"  # "the hearing was postponed"; not "he moved to Tbilisi"
        if lemma in context.cancel_verbs and candidate != token:
            return "cancelled"
        if lemma in context.schedule_verbs and candidate != token:
            return "scheduled"
        if syntax.is_future(candidate, context):
            return "scheduled"
    return "occurred"


WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)


def _as_past(timex: TimeExpression, published: date | None) -> TimeExpression:
    """The date a hearing was due on before it was moved: not ahead of the report."""
    if published is None or not WEEKDAY.search(timex.text):
        return timex
    past = resolve(timex.text, published, tense="past")
    return replace(timex, date=past.date, value=past.value) if past and past.date else timex


def _postponed(
    verb: Token,
    dates: list[TimeExpression],
    times: SentenceTimes,
    lexicon: Lexicon,
    published: date | None,
) -> list[tuple[TimeExpression | None, str]] | None:
    """ "The Feb. 11 hearing was postponed to Feb. 26": old date postponed, new one scheduled."""
    if syntax.lemma(verb) not in lexicon.context.postpone_verbs:
        return None
    new = [t for t in verb.children if t.dep_ == "prep" and t.lower_ in ("to", "until", "till")]
    new_dates = [d for p in new for d in times.on(list(p.subtree))]
    old_dates = [_as_past(d, published) for d in dates if d not in new_dates]
    result: list[tuple[TimeExpression | None, str]] = [
        (old_dates[0] if old_dates else None, "postponed")
    ]
    if new_dates:
        result.append((new_dates[0], "scheduled"))
    return result


def _country(candidate: Candidate, scope: list[Token]) -> str | None:
    """Where it happened, from the event's own clause.

    A place the clause puts it in ("detained in Almaty", "deported from
    Kyrgyzstan", a flight's destination) comes first, then the country of
    whoever acted ("a Kazakh court", "Turkey extradited him"), then any other
    place word. A nationality describing the person ("the Uzbek blogger") says
    where they are from, not where it happened.
    """
    patient = _patient_phrase(candidate)
    ranked: list[tuple[int, str]] = []
    for token in scope:
        if token.ent_type_ not in ("GPE", "NORP", "LOC") and token.pos_ not in ("PROPN", "ADJ"):
            continue
        if token.i in patient:
            continue
        code = country_of(_entity_text(token))
        if code is None:
            continue
        ranked.append((_place_rank(candidate.type, token), code))
    best = min(ranked) if ranked else None
    return best[1] if best is not None and best[0] < NOT_THE_PLACE else None


NOT_THE_PLACE = 9


def _place_rank(event_type: str, token: Token) -> int:
    preposition = token.head.lower_ if token.dep_ == "pobj" else ""
    if event_type == "extradition_request":  # the requesting state: "Russia's request"
        return 0 if token.dep_ in ("poss", "nsubj") or preposition == "from" else 2
    if event_type == "flight":
        if token.dep_ == "dobj" or preposition == "from":
            return NOT_THE_PLACE  # where someone fled from is not where the flight ends
        return 0 if preposition in ("to", "into", "for") else 3
    if event_type in ("deportation", "extradition") and preposition == "from":
        return 0
    if event_type in ("deportation", "extradition") and token.dep_ in ("nsubj", "poss", "compound"):
        return 1  # "Turkey extradited him": the state handing over
    if preposition in ("to", "into") and event_type in ("deportation", "extradition"):
        return 8
    if preposition in ("in", "at"):
        return 1
    return 2


def _patient_phrase(candidate: Candidate) -> set[int]:
    """Token positions of the person's own noun phrase ("the Uzbek blogger Aziz Karimov")."""
    token = candidate.trigger
    target = syntax.object_of(token) if candidate.person_role == "object" else None
    if target is None and candidate.person_role == "subject":
        target = syntax.subject_of(token)
    return {t.i for t in target.subtree} if target is not None else set()


def _proper_chain(token: Token) -> str:
    start = min([c.i for c in token.children if c.dep_ in ("compound", "flat")] + [token.i])
    return token.doc[start : token.i + 1].text


PLACE_WORDS = {"country", "abroad", "homeland", "exile", "border"}


def _names_a_country(scope: list[Token]) -> bool:
    """A country, region or city by name ("left Belarus", "fled to Central Asia"), not a demonym."""
    return any(
        t.lower_ in PLACE_WORDS
        or t.ent_type_ in ("GPE", "LOC")
        or (t.pos_ == "PROPN" and country_of(_entity_text(t)) is not None and t.ent_type_ != "NORP")
        for t in scope
    )


def _entity_text(token: Token) -> str:
    if token.ent_type_ and token.ent_iob_ in ("B", "I"):
        for entity in token.doc.ents:
            if entity.start <= token.i < entity.end:
                return entity.text
    return token.text
