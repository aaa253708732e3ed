"""Events from a parsed article: triggers from the lexicon, arguments from the parse.

For each sentence, every word the lexicon knows (a verb, a noun, a phrase, a
decision verb about extradition or asylum) proposes an event; the parse then
says whom it happened to, when, where, by whose hand, and whether the
sentence asserts it at all (negations, fears, demands and conditions give
nothing). Each event keeps its sentence, its character span and the rule that
fired. Merging mentions of one event is `merge.py`'s job.

The parts: `triggers.py` proposes candidates, `subjects.py` says whom they
happened to, `when.py` when and `where.py` where; this module puts them
together and decides the status.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from casefile.extract import agents, syntax
from casefile.extract.lexicon import Context, Lexicon
from casefile.extract.people import People, people_words
from casefile.extract.subjects import (
    ORDER_NOUNS,
    find_subjects,
    names_its_person,
    rule_links_person,
)
from casefile.extract.timex import find_timexes
from casefile.extract.triggers import Candidate, find_candidates
from casefile.extract.when import (
    BULLETS,
    SentenceTimes,
    as_future,
    as_past,
    event_dates,
    is_ahead,
    nearest,
    postponed,
    repeated,
    sentence_times,
    set_ahead,
)
from casefile.extract.where import event_country, names_a_country
from casefile.model import Event, TimeExpression

log = logging.getLogger(__name__)


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
    for times in sentence_times(doc, timexes):
        sentence = times.sentence
        if sentence.text.rstrip().endswith("?"):
            continue  # "Who has taken up his case?": a question asserts nothing
        hedged = _is_hedged(sentence, lexicon)
        demanded = _demanded_item(sentence, lexicon)
        told = [
            (candidate.trigger.i, event)
            for candidate in find_candidates(sentence, lexicon)
            # "urges Kenya to:" then "- refrain from deporting them;": the acts asked for
            # are no events; a thing the item names ("to refuse Belarus's request") still is
            if not (demanded and _asked_act(candidate.trigger))
            for event in _build(candidate, people, times, published, hedged, lexicon)
        ]
        events += _without_doubled_international_acts(told, lexicon)
    return events


def _asked_act(trigger: Token) -> bool:
    return trigger.pos_ == "VERB" or trigger.dep_ == "ROOT"


def _without_doubled_international_acts(
    told: list[tuple[int, Event]], lexicon: Lexicon
) -> list[Event]:
    """An international body's act that its word also tells as an event of its own type
    ("the UN refugee agency recognised her as a refugee") is that event only."""
    typed = {
        (trigger, event.subject)
        for trigger, event in told
        if event.type in lexicon.story.international_acts
    }
    return [
        event
        for trigger, event in told
        if event.type != "international_action" or (trigger, event.subject) not in typed
    ]


def _demanded_item(sentence: Span, lexicon: Lexicon) -> bool:
    """An item of a list of demands: the lines after "We urge the authorities to:" or
    "The coalition calls on Kenya to:" ask for acts; they do not report them."""
    doc = sentence.doc
    start = sentence.start
    while start > 0:
        before = doc[start - 1].sent
        text = before.text.strip()
        if not text or text in BULLETS:
            start = before.start
            continue
        if text.endswith(":"):
            words = [t for t in before if not t.is_punct and not t.is_space]
            return bool(words) and (
                words[-1].lower_ == "to"
                or any(syntax.lemma(t) in lexicon.context.blockers for t in words)
            )
        if not _list_item_line(before):
            return False
        start = before.start
    return False


def _list_item_line(sentence: Span) -> bool:
    """A line of a bulleted list: it starts with a bullet or in lower case."""
    first = next((t for t in sentence if not t.is_space), None)
    return first is not None and (first.text in BULLETS or first.text[:1].islower())


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
    if syntax.is_negated(token) and "negated_only" not in candidate.flags:
        return _drop(candidate, "negated")  # ("not allowed to leave" is a negated_only rule's)
    attempts = "attempts_count" in candidate.flags
    if (
        candidate.person_role != "international"
        and not _attended(token, context)
        and not _planned_session(candidate, context)
        and syntax.is_hypothetical(token, context, attempts)
    ):
        return _drop(candidate, "hypothetical: a fear, demand, intention or condition")
    if syntax.is_infinitive(token) and syntax.lemma(token.head) in lexicon.decision_verbs:
        return _drop(candidate, "what a decision orders, not yet done")  # "decided to extradite"
    if (
        syntax.is_infinitive(token)
        and syntax.lemma(token.head) not in context.realized_infinitive_heads
        and not syntax.is_to_be_done(token)
        and not (
            attempts
            and syntax.lemma(token.head) in syntax.ATTEMPTS
            and token.head.tag_ in ("VBD", "VBN")
        )
    ):
        return _drop(candidate, "infinitive")
    if (
        token.dep_ == "acl"
        and token.head.lemma_.lower() in ("request", "decision", "bid", "attempt")
        and (token.tag_ != "VBG" or candidate.type == "extradition")
    ):  # "a decision to extradite him"; but "a decision refusing him entry" is the refusal
        return _drop(candidate, "part of a request or decision")

    stopped = lexicon.decision_verbs.get(syntax.lemma(token.head))
    if (
        candidate.person_role == "noun"
        and token.dep_ == "dobj"
        and stopped not in (None, "granted")
        and candidate.type not in lexicon.story.asked_for
    ):  # "the court suspended the deportation"; but "refused Russia's request" was made
        return _drop(candidate, "what a decision stopped")
    if candidate.type == "extradition_request" and syntax.lemma(token) == "ask":
        asked = syntax.child(token, "xcomp")
        if asked is None or syntax.is_negated(asked):
            return _drop(candidate, "asked not to extradite: a plea, not a request")
    subjects, agent_token = find_subjects(candidate, people, lexicon)
    agent_token = agents.acting(agent_token)  # never the dateline; "which" is what it follows
    if not subjects:
        return _drop(candidate, "no subject")
    if "authority_agent" in candidate.flags and _private_accuser(agent_token, people):
        return _drop(candidate, "an accusation by a private person, not a charge")
    if "authority_only" in candidate.flags and not _an_authority(agent_token):
        return _drop(candidate, "not done by an authority")
    if "animate_agent" in candidate.flags and not _someone(agent_token, people):
        return _drop(candidate, "no one does it: a prospect, not a threat")
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
    if (
        candidate.type in lexicon.story.for_the_client
        and subject[1] is not None
        and people.is_counsel(subject[1])
    ):
        counsel = people.name(subject[1])
        client = people.main_at(token)
        if client is None or client == subject[1]:
            return _drop(candidate, "appeal by counsel with no client")
        subject = (people.name(client), client)
        agent_text: str | None = counsel
    else:
        agent_text = agents.agent_text(agent_token) if agent_token is not None else None

    if candidate.type == "ill_treatment" and _claimed_by(token.sent, subject[1], people, lexicon):
        hedged = True  # abuse claimed only by the victim is reported (GUIDELINES)
    anchor = token
    if candidate.person_role in ("noun", "phrase"):
        verb = syntax.governing_verb(token)
        said = (
            verb is not None
            and token.head == verb
            and token.dep_ in ("dobj", "nsubjpass")
            and syntax.lemma(verb) in lexicon.context.speech_verbs
        )
        if verb is not None and not said and "state" not in candidate.flags:
            anchor = verb  # "was deported on Friday"; not "confirmed his deportation on
            # Monday": the day something was said is not the day of the event (GUIDELINES)
    if candidate.rule.endswith("/adjective") and syntax.lemma(token.head) in LINKING_VERBS:
        anchor = token.head  # "went missing in Kazan on Feb. 3": the verb's time
    scope = _scope(candidate, anchor, lexicon)
    status = _status(token, anchor, lexicon)
    dates = event_dates(
        token,
        anchor,
        scope,
        times,
        lexicon.context,
        through_speech="attempts_count" in candidate.flags and token.pos_ == "VERB",
    )
    if candidate.person_role in ("noun", "phrase"):
        dates = times.on(_made_when(token), near=token) or dates
    if candidate.type == "hearing" and status == "postponed":
        moved = postponed(anchor, times, lexicon, published)
        if moved is not None:
            return [
                _event(candidate, subject[0], agent_text, d, s, times, scope, hedged)
                for d, s in moved
            ]

    planned = status == "occurred" and _planned_session(candidate, lexicon.context)
    if planned:  # "said the court would hear the case on March 3": the day nearest the report
        status = "scheduled"
        dates = [nearest(dates[0], published), *dates[1:]] if dates else dates
    if status == "occurred" and dates and is_ahead(dates[0], published) and _past_tense(anchor):
        # "flew to Istanbul on Jan. 5" in a November report: last January, not next
        dates = [as_past(dates[0], published), *dates[1:]]
    if status == "occurred" and dates and is_ahead(dates[0], published):
        status = "scheduled"
    if status == "scheduled" and candidate.type not in SCHEDULABLE:
        return _drop(candidate, "future, and not something that is scheduled")
    if (
        status == "scheduled"
        and candidate.type == "hearing"
        and dates
        and not planned
        and not _told_as_past(anchor)
    ):
        # "has set a hearing for April 21": the next April 21, whatever tense came before
        dates = [as_future(dates[0], published), *dates[1:]]
    elif status == "scheduled" and candidate.type == "hearing" and dates and not planned:
        # "was due to hear the case on 12 April", told after: the last 12 April
        dates = [as_past(dates[0], published), *dates[1:]]
    if "dated_only" in candidate.flags and not dates:
        return _drop(candidate, "no date of its own: the same custody as the detention")
    if "only_occurred" in candidate.flags and status != "occurred":
        return _drop(candidate, "not yet happened")
    if "fatal_only" in candidate.flags and not _fatal(token):
        return _drop(candidate, "not told as fatal")  # "was shot in the head and survived"
    if "needs_place" in candidate.flags and not names_a_country(token):
        return _drop(candidate, "no place")
    if (
        candidate.person_role == "noun"
        and not dates
        and not names_its_person(token)
        and not rule_links_person(candidate, lexicon)
    ):
        return _drop(candidate, "a reference, not a report")  # "a political trial", "the expulsion"
    timexes: list[TimeExpression | None] = [*(repeated(dates, token) or dates[:1])] or [None]
    events = [
        _event(candidate, subject[0], agent_text, timex, status, times, scope, hedged)
        for timex in timexes
    ]
    if token.dep_ == "conj":
        country = event_country(candidate, syntax.clause_tokens(token.head))
        events = [e if e.country else replace(e, country=country) for e in events]
    if agent_token is not None and (token.pos_ == "VERB" or token.head == agent_token.head):
        country = agents.agent_country(agent_token)  # "Azerbaijan, which has charged him"
        events = [e if e.country else replace(e, country=country) for e in events]
    return events


def _scope(candidate: Candidate, anchor: Token, lexicon: Lexicon) -> list[Token]:
    """The event's own words, where its dates and places are looked for."""
    token = candidate.trigger
    scope = syntax.clause_tokens(token)
    if candidate.person_role == "noun":  # "the hearing, set for March 11, ..."
        scope += [t for c in token.children if c.dep_ == "acl" for t in c.subtree]
        scope += [  # "his trial, which opened in February": when the event itself ran
            t for c in _relative_clauses(token) if syntax.lemma(c) in UNFOLDING for t in c.subtree
        ]
        if token.dep_ == "compound" and token.head.lemma_.lower() in ORDER_NOUNS:
            # "the expulsion order served on him last Friday": the order's date
            scope += [t for c in token.head.children if c.dep_ == "acl" for t in c.subtree]
    if candidate.person_role in ("decision", "international"):  # "... to extradite him on May 4"
        scope += [t for verb in _infinitives(token) for t in _date_phrases(verb)]
    if candidate.person_role == "decision":
        # "upheld the city court's ruling of 3 March": that date is the ruling's, not the
        # upholding's
        upheld = [
            t
            for c in token.children
            if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in RULING_NOUNS
            for p in c.children
            if p.dep_ == "prep" and p.lower_ == "of"
            for t in p.subtree
        ]
        scope = [t for t in scope if t not in upheld]
    if anchor != token and (
        not _under_decision(token, lexicon) or candidate.type == "deportation"
    ):  # "a day later, a court approved her deportation": the order is dated by the approval
        scope = sorted(set(scope) | set(syntax.clause_tokens(anchor)), key=lambda t: t.i)
    return scope


def _fatal(verb: Token) -> bool:
    """Did the act kill? "shot dead", "fatally shot", "killed"; not "shot in the head and
    survived", "shot in the leg"."""
    beside = [c for c in verb.children if c.dep_ == "conj"] + [verb.head]
    if any(syntax.lemma(v) == "survive" for v in beside):
        return False
    if syntax.lemma(verb) in INHERENTLY_FATAL:
        return True
    return any(t.lower_ in FATAL_WORDS for t in syntax.clause_tokens(verb))


# Acts that kill by their meaning; "shoot" kills only when the text says so.
INHERENTLY_FATAL = frozenset({"kill", "murder", "assassinate", "execute"})
FATAL_WORDS = frozenset({"dead", "fatally", "mortally", "death", "killing", "killed"})

# Verbs an adjective trigger states through ("went missing", "was wanted", "remains missing").
LINKING_VERBS = frozenset({"go", "be", "become", "remain", "fall", "turn"})


def _made_when(noun: Token) -> list[Token]:
    """The words that tell when the thing a noun names was made: "a red notice issued in
    2019", "charges brought against him in 2023", "a warrant that Minsk obtained in 2022".

    Such a thing is older than the clause that mentions it ("was detained in June on a red
    notice issued in 2019"); its own date is the event's.
    """
    described = [noun] + [  # "charges of treason brought in 2022": hung on "treason"
        o for p in noun.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"
    ]
    clauses = [
        c
        for word in described
        for c in word.children
        if (c.dep_ == "acl" and c.tag_ == "VBN") or c.dep_ == "relcl"
    ]
    return [
        t
        for clause in clauses
        if syntax.lemma(clause) in syntax.CREATING | MAKING
        for t in _date_phrases(clause)
    ]


# Verbs, beside those that create a charge or a warrant, that tell when one was made.
MAKING = frozenset({"obtain", "circulate", "publish", "post", "announce", "put", "level"})

# Decisions a court upholds or quashes, which carry their own date ("the ruling of 3 March").
RULING_NOUNS = {"ruling", "decision", "judgment", "judgement", "verdict", "order"}

# Verbs a relative clause tells an event's own course with ("the trial, which opened on").
UNFOLDING = {"open", "begin", "start", "end", "close", "resume", "conclude", "hold", "take"}


def _relative_clauses(noun: Token) -> list[Token]:
    """The noun's relative clauses, and a "which" clause the parser hung on its "of" object
    ("the trial of X, which opened in February": "which" is not a person)."""
    clauses = [c for c in noun.children if c.dep_ == "relcl"]
    for of in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (o for o in of.children if o.dep_ == "pobj"):
            clauses += [
                c
                for c in obj.children
                if c.dep_ == "relcl" and any(w.lower_ in ("which", "that") for w in c.children)
            ]
    return clauses


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
    """ "granted Russia's request": the decision's date is not the request's; nor is
    the plea's the charge's ("pleaded guilty in November to conspiracy charges")."""
    verb = syntax.governing_verb(noun)
    return verb is not None and (
        syntax.lemma(verb) in lexicon.decision_verbs or syntax.lemma(verb) == "plead"
    )


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


ATTACKERS = {"man", "gunman", "assailant"}


def _someone(agent: Token | None, people: People) -> bool:
    """A person, pronoun or group of people as the doer, not an abstraction."""
    if agent is None:
        return False
    words = people_words()
    return (
        agent.pos_ in ("PRON", "PROPN")
        or people.of(agent) is not None
        or agent.lemma_.lower()
        in words.authorities | ATTACKERS | words.descriptors | set(words.roles)
    )


def _attended(token: Token, context: Context) -> bool:
    """ "calls on diplomats to attend the hearing on Jan. 20": being there is asked for, the
    session is set whatever the call; what frames the attending does not frame the session."""
    return (
        token.pos_ == "NOUN"
        and token.dep_ == "dobj"
        and syntax.lemma(token.head) in context.attending_verbs
    )


def _planned_session(candidate: Candidate, context: Context) -> bool:
    """ "a spokesman said the court would open the hearing on July 15": a hearing set."""
    return candidate.type == "hearing" and syntax.future_in_past(candidate.trigger, context)


def _past_tense(verb: Token) -> bool:
    """ "flew", "was detained", "had fled": told as past."""
    return verb.tag_ == "VBD" or any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in ("was", "were", "had", "did")
        for c in verb.children
    )


def _told_as_past(verb: Token) -> bool:
    """ "was scheduled", "had been set": a plan told from after its date."""
    return any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in ("was", "were", "had") for c in verb.children
    )


def _an_authority(agent: Token | None) -> bool:
    """ "led away by security officers", "taken off by the police": an authority acts."""
    authorities = people_words().authorities
    return agent is not None and any(t.lemma_.lower() in authorities for t in agent.subtree)


def _private_accuser(agent: Token | None, people: People) -> bool:
    return agent is not None and (
        people.of(agent) is not None or agent.lower_ in ("he", "she", "i", "we", "they")
    )


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
        country=event_country(candidate, scope),
        agent=agent,
        certainty="reported" if hedged else "asserted",
        rule=candidate.rule,
    )


def _claimed_by(sentence: Span, person: int | None, people: People, lexicon: Lexicon) -> bool:
    """Does the person the event happened to say so in the sentence ("I was beaten," he said)?"""
    return person is not None and any(
        syntax.lemma(verb) in lexicon.context.speech_verbs
        and any(c.dep_ == "nsubj" and people.of(c) == person for c in verb.children)
        for verb in sentence
    )


def _is_hedged(sentence: Span, lexicon: Lexicon) -> bool:
    text = sentence.text.lower()
    return any(hedge in text for hedge in lexicon.context.hedges)


# "granted Vietnam's request to extradite him": a request granted was made, it is no order.
ASKING_NOUNS = frozenset({"request", "application", "demand", "bid", "petition"})


def _status(token: Token, anchor: Token, lexicon: Lexicon) -> str:
    context = lexicon.context
    if token.dep_ == "xcomp" and syntax.lemma(token.head) in context.schedule_verbs:
        return "scheduled"  # "a court is due to decide on the request next week"
    if token.dep_ == "compound" and token.head.lemma_.lower() == "order":
        return "scheduled"  # a deportation order: the removal is still to come (GUIDELINES)
    if (
        token.dep_ == "pobj"
        and token.head.lower_ in ("for", "of", "on")
        and token.head.head.lemma_.lower() == "order"
    ):
        return "scheduled"  # "an order for his deportation", "an order of expulsion"
    if (
        token.pos_ == "NOUN"
        and token.dep_ == "dobj"
        and lexicon.decision_verbs.get(syntax.lemma(token.head)) == "granted"
        and syntax.lemma(token) not in ASKING_NOUNS
        and not (syntax.lemma(token) in RULING_NOUNS and syntax.lemma(token.head) == "uphold")
    ):
        return "scheduled"  # "a court approved her deportation": ordered, still to come
    if token.pos_ == "NOUN" and set_ahead(token, context):
        return "scheduled"  # "the trial of X, which resumes on 12 January"
    for candidate in (token, anchor):
        lemma = syntax.lemma(candidate)
        postpones = lemma in context.postpone_verbs
        if (postpones or syntax.phrasal_lemma(candidate) in context.postpone_verbs) and (
            candidate != token
        ):
            return "postponed"  # "the hearing was postponed"; not "he moved to Tbilisi"
        if lemma in context.cancel_verbs and candidate != token:
            return "cancelled"
        if lemma in context.schedule_verbs and candidate != token:
            return "scheduled"
        if syntax.is_future(candidate, context):
            return "scheduled"
    return "occurred"
