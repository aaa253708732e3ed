"""Events from a parsed article: triggers from the lexicon, arguments from the parse.

For each sentence, every word the lexicon knows (a verb, a noun, a phrase, a
decision verb about extradition or asylum) proposes an event; the parse then
says whom it happened to, when, where, by whose hand, and whether the
sentence asserts it at all (negations, fears, demands and conditions give
nothing). Each event keeps its sentence, its character span and the rule that
fired. Merging mentions of one event is `merge.py`'s job.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from casefile.extract import syntax
from casefile.extract.lexicon import Lexicon, TriggerRule
from casefile.extract.people import People, people_words
from casefile.extract.places import country_of
from casefile.extract.timex import find_timexes, resolve
from casefile.model import Event, TimeExpression

PERSON_OBJECT_PREPS = ("of", "on", "against", "for")


@dataclass(frozen=True)
class Candidate:
    """A trigger that fired, before its arguments are read."""

    type: str
    trigger: Token
    rule: str
    person_role: str = "object"  # "object", "subject", "organization", "noun"
    outcome: str | None = None
    flags: frozenset[str] = frozenset()


@dataclass
class SentenceTimes:
    sentence: Span
    timexes: list[TimeExpression]

    def on(self, tokens: list[Token]) -> list[TimeExpression]:
        """Calendar dates whose words are among `tokens` (durations and vague ones left out)."""
        chars = {t.idx - self.sentence.start_char for t in tokens}
        found = []
        for timex in self.timexes:
            if timex.date is None or timex.type not in ("DATE", "TIME"):
                continue
            if any(timex.start <= c < timex.end for c in chars):
                found.append(timex)
        return found


def find_events(doc: Doc, people: People, published: date | None, lexicon: Lexicon) -> list[Event]:
    events: list[Event] = []
    for sentence in doc.sents:
        times = SentenceTimes(sentence, find_timexes(sentence.text, published))
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
        elif token.pos_ in ("NOUN", "PROPN"):
            rules = lexicon.noun_rules(lemma)
        else:
            rules = []
        for rule in rules:
            if _fits(token, rule, sentence):
                role = "noun" if rule.kind == "noun" else rule.person
                if "organizations" in rule.flags:
                    role = "organization"
                found.append(Candidate(rule.type, token, rule.rule_id, role, flags=rule.flags))
    found += _phrase_candidates(sentence, lexicon)
    found += _international_candidates(sentence, lexicon)
    return found


def _near_lemmas(token: Token) -> set[str]:
    """Words of the trigger's phrase: a noun's whole subtree ("request to extradite X"), a verb's clause."""
    scope = list(token.subtree) if token.pos_ in ("NOUN", "PROPN") else syntax.clause_tokens(token)
    near = {syntax.lemma(t) for t in scope} | {t.lower_ for t in scope}
    near.add(syntax.lemma(token.head))
    return near


def _fits(token: Token, rule: TriggerRule, sentence: Span) -> bool:
    if token.dep_ == "amod" and rule.kind != "adjective":
        return False  # "a jailed critic" describes a state, it does not report an event
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
        if head not in rule.governed_by and (verb is None or syntax.lemma(verb) not in rule.governed_by):
            return False
    if "requires_past" in rule.flags and token.tag_ not in ("VBD", "VBN"):
        return False
    return True


def _decision(token: Token, lexicon: Lexicon) -> Candidate | None:
    """A decision verb about extradition or asylum: "granted Russia's request to extradite"."""
    if token.pos_ not in ("VERB",):
        return None
    outcome = lexicon.decision_verbs.get(syntax.lemma(token))
    if outcome is None:
        return None
    scope = [
        t
        for c in token.children
        if c.dep_ in ("dobj", "nsubjpass", "prep", "xcomp", "ccomp")
        for t in c.subtree
    ]
    topics = [lexicon.decision_topics[syntax.lemma(t)] for t in scope if syntax.lemma(t) in lexicon.decision_topics]
    if not topics:
        return None
    event_type = topics[0]
    if event_type == "asylum_decision":
        outcome = lexicon.asylum_outcomes.get(outcome, outcome)
    return Candidate(event_type, token, f"{event_type}/decision-verb", "decision", outcome)


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
            if token.idx - sentence.start_char >= position and token.pos_ == "VERB":
                if syntax.lemma(token) in lexicon.international_verbs:
                    return [Candidate("international_action", token, "international_action/agent-verb", "international")]
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
    if candidate.person_role not in ("decision", "international"):
        if syntax.is_negated(token) or syntax.is_hypothetical(token, context):
            return []
    elif syntax.is_negated(token) and candidate.person_role == "decision":
        return []
    if syntax.is_infinitive(token) and syntax.lemma(token.head) not in context.realized_infinitive_heads:
        if candidate.person_role != "decision":
            return []
    if token.dep_ == "acl" and token.head.lemma_.lower() in ("request", "decision", "bid", "attempt"):
        return []

    subject, agent_token = _subject(candidate, people)
    if subject is None:
        return []
    if candidate.type == "appeal" and subject[1] is not None and people.is_counsel(subject[1]):
        counsel = people.name(subject[1])
        if people.main is None or people.main == subject[1]:
            return []
        subject = (people.name(people.main), people.main)
        agent_text: str | None = counsel
    else:
        agent_text = syntax.phrase_text(agent_token) if agent_token is not None else None

    anchor = token if candidate.person_role not in ("noun", "phrase") else (syntax.governing_verb(token) or token)
    scope = syntax.clause_tokens(token)
    if anchor != token:
        scope = sorted(set(scope) | set(syntax.clause_tokens(anchor)), key=lambda t: t.i)
    status = _status(token, anchor, lexicon)
    dates = times.on(scope)
    if not dates and token.dep_ == "conj":
        dates = times.on(syntax.clause_tokens(token.head))
    if not dates and anchor.dep_ == "conj":
        dates = times.on(syntax.clause_tokens(anchor.head))
    if candidate.type == "hearing" and status in ("scheduled", "occurred") and dates:
        moved = _postponed(anchor, dates, times, lexicon)
        if moved is not None:
            return [_event(candidate, subject[0], agent_text, d, s, times, published, scope, hedged)
                    for d, s in moved]

    if status == "occurred" and dates and published and dates[0].date and dates[0].date > published.isoformat()[: len(dates[0].date)]:
        status = "scheduled"
    if "only_occurred" in candidate.flags and status != "occurred":
        return []
    timex = dates[0] if dates else None
    if timex is not None and status == "scheduled" and published is not None:
        timex = resolve(timex.text, published, tense="future") or timex
        timex = replace(timex, start=dates[0].start, end=dates[0].end)
    event = _event(candidate, subject[0], agent_text, timex, status, times, published, scope, hedged)
    if event.country is None and token.dep_ == "conj":
        event = replace(event, country=_country(candidate, syntax.clause_tokens(token.head)))
    return [event]


def _event(
    candidate: Candidate,
    subject: str,
    agent: str | None,
    timex: TimeExpression | None,
    status: str,
    times: SentenceTimes,
    published: date | None,
    scope: list[Token],
    hedged: bool,
) -> Event:
    sentence = times.sentence
    return Event(
        type=candidate.type,
        subject=subject,
        evidence=sentence.text.strip(),
        span=(sentence.start_char, sentence.end_char),
        date=timex.date if timex else None,
        date_text=timex.text if timex else None,
        status=status,  # type: ignore[arg-type]
        outcome=candidate.outcome,
        country=_country(candidate, scope),
        agent=agent,
        certainty="reported" if hedged else "asserted",
        rule=candidate.rule,
    )


def _subject(candidate: Candidate, people: People) -> tuple[tuple[str, int | None] | None, Token | None]:
    """Whom the event happened to (name, person index), and the token of who did it."""
    token = candidate.trigger
    role = candidate.person_role
    agent: Token | None = None
    target: Token | None = None
    if role == "organization":
        target = syntax.child(token, "dobj", "nsubjpass")
        agent = syntax.agent_of(token)
        name = _organization_name(token)
        return ((name, None) if name else None), agent
    if role == "subject":
        target = syntax.subject_of(token)
    elif role == "object":
        target = syntax.object_of(token)
        agent = syntax.agent_of(token)
        if target is None and token.dep_ in ("acl",) and token.head.pos_ in ("NOUN", "PROPN"):
            target = token.head
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
    person = _person_at(target, people) if target is not None else None
    if person is None and role in ("decision", "noun", "international", "phrase"):
        person = _sentence_person(token, people, exclude=agent)
        if person is None and role == "decision" and not _names_anyone(token.sent, people):
            person = people.main
    if person is None:
        return None, agent
    return (people.name(person), person), agent


def _person_at(token: Token, people: People) -> int | None:
    """The person a token stands for: a name, a pronoun, or a description of the main person."""
    found = people.of(token)
    if found is not None:
        return found
    for t in token.subtree:
        if t.dep_ in ("compound", "poss", "appos", "flat") or t == token:
            found = people.of(t)
            if found is not None and t.head == token:
                return found
    if token.lemma_.lower() in people_words().descriptors and people.main is not None:
        return people.main
    return None


def _first_person(candidates: list[Token | None], people: People) -> Token | None:
    """The first candidate that stands for a person; else the first candidate at all."""
    present = [c for c in candidates if c is not None]
    for candidate in present:
        if _person_at(candidate, people) is not None:
            return candidate
    return None


def _noun_person(noun: Token, people: People) -> Token | None:
    """"his detention", "the arrest of X", "a hearing on X's refugee status", "the request to extradite X"."""
    candidates: list[Token | None] = []
    candidates += [c for c in noun.children if c.dep_ == "poss"]
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in PERSON_OBJECT_PREPS:
            obj = syntax.child(c, "pobj")
            if obj is not None:
                candidates += [syntax.child(obj, "poss"), obj]
    candidates += [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
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
        if t.dep_ == "poss" and t.head.lemma_.lower() in ("request", "extradition", "application", "claim", "status", "bid"):
            candidates.append(t)
        if syntax.lemma(t) == "extradite":
            candidates.append(syntax.child(t, "dobj"))
        if t.lower_ == "of" and t.head.lemma_.lower() in ("extradition", "deportation"):
            candidates.append(syntax.child(t, "pobj"))
    candidates.append(syntax.child(verb, "nsubjpass"))
    return _first_person(candidates, people)


def _names_anyone(sentence: Span, people: People) -> bool:
    return any(people.of(t) is not None for t in sentence)


def _sentence_person(token: Token, people: People, exclude: Token | None) -> int | None:
    """The one person the sentence names as a main participant (not inside another phrase)."""
    excluded = {t.i for t in exclude.subtree} if exclude is not None else set()
    named = {
        people.of(t)
        for t in token.sent
        if people.of(t) is not None and t.i not in excluded and t.dep_ in ("nsubj", "nsubjpass", "dobj", "poss", "appos")
    }
    named.discard(None)
    if len(named) == 1:
        return named.pop()
    return None


def _organization_name(verb: Token) -> str | None:
    """The organisation a designation verb labels: the first proper name after the verb."""
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
        if lemma in context.postpone_verbs:
            return "postponed"
        if lemma in context.cancel_verbs:
            return "cancelled"
        if lemma in context.schedule_verbs and candidate != token:
            return "scheduled"
        if syntax.is_future(candidate, context):
            return "scheduled"
    return "occurred"


def _postponed(
    verb: Token, dates: list[TimeExpression], times: SentenceTimes, lexicon: Lexicon
) -> list[tuple[TimeExpression | None, str]] | None:
    """"The Feb. 11 hearing was postponed to Feb. 26": the old date postponed, the new one scheduled."""
    if syntax.lemma(verb) not in lexicon.context.postpone_verbs:
        return None
    new = [t for t in verb.children if t.dep_ == "prep" and t.lower_ in ("to", "until", "till")]
    new_dates = [d for p in new for d in times.on(list(p.subtree))]
    old_dates = [d for d in dates if d not in new_dates]
    result: list[tuple[TimeExpression | None, str]] = [(old_dates[0] if old_dates else None, "postponed")]
    if new_dates:
        result.append((new_dates[0], "scheduled"))
    return result


def _country(candidate: Candidate, scope: list[Token]) -> str | None:
    """Where it happened: a place or demonym in the event's own clause ("a Kazakh court")."""
    preferred: list[str] = []
    others: list[str] = []
    for token in scope:
        if token.ent_type_ not in ("GPE", "NORP", "LOC") and token.pos_ not in ("PROPN", "ADJ"):
            continue
        code = country_of(_entity_text(token))
        if code is None:
            continue
        if candidate.type == "flight" and (token.dep_ == "dobj" or token.head.lower_ == "from"):
            continue  # where someone fled from is not where the flight ends
        if candidate.type in ("flight", "extradition") and token.head.lower_ in ("to", "into"):
            preferred.append(code)
        elif candidate.type == "deportation" and token.head.lower_ == "from":
            preferred.append(code)
        else:
            others.append(code)
    found = preferred or others
    return found[0] if found else None


def _entity_text(token: Token) -> str:
    if token.ent_type_ and token.ent_iob_ in ("B", "I"):
        for entity in token.doc.ents:
            if entity.start <= token.i < entity.end:
                return entity.text
    return token.text
