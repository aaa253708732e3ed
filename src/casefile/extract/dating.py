"""Undated events take the time of the scene or the story that tells them.

Reporters date a scene once and tell the rest of it without dates: "On
October 16 eight masked men broke into his flat. They pushed him into a car
and drove off." The second sentence happened on October 16 too. A reader carries
that date forward until a new scene starts: a new paragraph, a question
heading ("What does he say?"), or a sentence with a date of its own. This is
the "reference time" of narrative (Reichenbach), and stamping each clause with
the last date told before it is the classic baseline for dating news events
(Filatova and Hovy, 2001).

A wire report's lead often tells the news with no date at all ("Kazakhstan
has deported an engineer"), because the date is the story's: the most recent
day the report tells of, when something happened rather than when someone
spoke about it. Such an event takes that day's month, the precision the
story supports.

Before either, an event told twice takes the date of its other telling:
what happens once to a person (an abduction, a death), or a verdict, which
co-defendants hear the same day. Some events keep no date on purpose: the
habitual ("beaten every night"), what a speaker tells in the first person
(a quotation has its own time), and recaps ("he had previously been jailed").

Each date found this way says where it came from (`Event.date_from`):
"context" for another telling or the scene, "story" for the report's time,
so that an analyst sees which dates were read and which inferred.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from casefile.extract import syntax
from casefile.extract.lexicon import Context, load_lexicon
from casefile.extract.merge import compatible_dates
from casefile.extract.people import People
from casefile.extract.when import SentenceTimes
from casefile.model import Event, TimeExpression

# How many sentences back a scene's date still holds.
SCENE_SENTENCES = 2
# The sentences of the lead, after the dateline: where a report tells its news.
LEAD_SENTENCES = 2
# How old a report's own news can be: older dates are background.
STORY_DAYS = 62
# Words that say a sentence goes on with the scene before it ("There he was detained").
GOES_ON = ("there", "then")
# "six hours after", "40 minutes later": a span of hours counted from an event.
HOURS_AFTER = re.compile(r"\s+(?:after|later)\b")
# The time a live blog stamps an entry with: "10:52 —", "12:30 Update:".
CLOCK_STAMP = re.compile(r"[ \t]*\d{1,2}[:.]\d{2}(?:\s*(?:GMT|UTC|local))?\s*(?:[—–-]|[Uu]pdate\b)")
SAME_SCENE = (
    "at the scene",
    "on the spot",
    "the same day",
    "that same day",
    "moments later",
    "hours later",
    "minutes later",
    "later that day",
    "the same morning",
    "the same afternoon",
    "the same evening",
    "the same night",
    "that evening",
    "that night",
)


def date_from_context(
    events: list[Event],
    tellings: list[Event],
    people: People,
    doc: Doc,
    sentences: list[SentenceTimes],
    published: date | None,
    context: Context,
) -> list[Event]:
    """Give each undated event that happened the date of its telling elsewhere, its scene or story.

    Events are dated in the order they are told, so that a date inferred for
    one ("he was seized", the abduction dated in the lead) carries on to the
    next sentence of the scene ("they tied him up and beat him").
    `tellings` are the events before mentions were merged: where each was told.
    """
    dated: list[Event] = []
    for event in sorted(events, key=lambda e: e.span[0]):
        index = _sentence_index(sentences, event.span[0])
        if event.date is not None or event.status != "occurred" or index < 0:
            dated.append(event)
            continue
        if any(t.type == "SET" for t in sentences[index].timexes) or _quotes(
            sentences[index]
        ):  # "beaten every night": no one day; a quotation keeps its speaker's own time
            dated.append(event)
            continue
        retold = (
            _told_elsewhere(event, events)
            or _read_out(event, doc, sentences, published, context)
            or _hours_after(event, sentences[index], tellings, events)
        )
        scene = next(
            (
                found
                for where in _told_in(event, tellings, sentences, index)
                if (found := scene_date(doc, sentences, where, dated, tellings, published, context))
            ),
            None,
        )  # "about whose abduction it became known" ... "They put him into a car": its scene
        if retold is not None and not (scene is not None and scene.startswith(retold)):
            dated.append(replace(event, date=retold, date_from="context"))
        elif (day := _posted_on(sentences, index, published)) is not None:
            dated.append(replace(event, date=day, date_from="context"))
        elif scene is not None:
            dated.append(replace(event, date=scene, date_from="context"))
        elif (
            story := _story_here(event, index, events, people, doc, sentences, published, context)
        ) is not None:
            dated.append(replace(event, date=story[:7], date_from="story"))
        else:
            dated.append(event)
    return dated


def _posted_on(sentences: list[SentenceTimes], index: int, published: date | None) -> str | None:
    """The day of a live blog's entry ("14:32 — The court gives him 14 years"): the
    report's own, for what the entry tells as news, not as background with dates of its
    own ("14:05 — Background: he flew to Istanbul on 9 October 2020. He was drugged ...")."""
    sentence = sentences[index].sentence
    text = sentence.doc.text
    line_start = text.rfind("\n", 0, sentence.start_char) + 1
    if published is None or not CLOCK_STAMP.match(text, line_start):
        return None
    entry = [t for t in sentences[: index + 1] if t.sentence.end_char > line_start]
    if any(_background(t) or any(x.date for x in t.timexes) for t in entry):
        return None  # "11:48 — Worth recalling: he had been granted bail in 2024"
    return published.isoformat()


def _story_here(
    event: Event,
    index: int,
    events: list[Event],
    people: People,
    doc: Doc,
    sentences: list[SentenceTimes],
    published: date | None,
    context: Context,
) -> str | None:
    """The story's date, for an event in the lead or in a body sentence with no date of its
    own that is no recap."""
    if index >= LEAD_SENTENCES and (
        _told_dates(doc, sentences[index], published, context) or _background(sentences[index])
    ):
        return None
    return story_date(event.subject, events, people, sentences, published, context)


def _told_in(
    event: Event, tellings: list[Event], sentences: list[SentenceTimes], index: int
) -> list[int]:
    """The sentences that tell an undated event, its own first: a merged event keeps
    one sentence as evidence, but each of its tellings has its own scene."""
    others = [
        _sentence_index(sentences, t.span[0])
        for t in tellings
        if (t.type, t.subject) == (event.type, event.subject) and t.date is None
    ]
    return [index, *sorted({i for i in others if i >= 0 and i != index})]


def _told_elsewhere(event: Event, events: list[Event]) -> str | None:
    """The one date another telling gives ("was abducted" and "vanished on Monday").

    A verdict takes the date of the story's other verdicts: "sentenced Hrydzin
    on June 10 ... The third defendant was acquitted."
    """
    story = load_lexicon().story
    if event.type in story.told_once:
        told = [e for e in events if (e.type, e.subject) == (event.type, event.subject)]
    elif event.type in story.verdicts:
        told = [e for e in events if e.type in story.verdicts]
    else:
        return None
    dates = {e.date for e in told if e.date is not None and e.status == "occurred"}
    return dates.pop() if len(dates) == 1 else None


def _hours_after(
    event: Event, times: SentenceTimes, tellings: list[Event], events: list[Event]
) -> str | None:
    """ "was freed five hours after he had been snatched": the day of the event counted from,
    told in the same sentence of the same person; else the one day the person's story
    has ("freed 40 minutes after the abduction")."""
    text = times.sentence.doc.text
    if not any(
        (t.value or "").startswith("PT") and HOURS_AFTER.match(text, t.end) for t in times.timexes
    ):
        return None
    sentence = times.sentence
    counted_from = {
        (t.type, t.subject)
        for t in tellings
        if sentence.start_char <= t.span[0] < sentence.end_char
        and t.subject == event.subject
        and t.type != event.type
    }
    days = {
        e.date
        for e in events
        if ((e.type, e.subject) in counted_from or not counted_from)
        and e.subject == event.subject
        and e.date
        and len(e.date) == 10
    }  # "freed 40 minutes after the abduction": the one day the person's story has
    return days.pop() if len(days) == 1 else None


def _read_out(
    event: Event,
    doc: Doc,
    sentences: list[SentenceTimes],
    published: date | None,
    context: Context,
) -> str | None:
    """A verdict no other telling dates was read out at the one sitting the story dates:
    "the trial was held on 19 November" ... "the court sentenced him to nine
    years". Two sittings dated (a trial and its appeal), or none: no date from them."""
    if event.type not in load_lexicon().story.verdicts:
        return None
    days = {
        timex.date
        for times in sentences
        if any(syntax.lemma(t) in context.session_nouns for t in times.sentence)
        for timex in _told_dates(doc, times, published, context)
        if timex.date and len(timex.date) == 10
    }
    return days.pop() if len(days) == 1 else None


def scene_date(
    doc: Doc,
    sentences: list[SentenceTimes],
    index: int,
    dated: list[Event],
    tellings: list[Event],
    published: date | None,
    context: Context,
) -> str | None:
    """The date of the scene the sentence at `index` goes on with, if it goes on with one.

    A sentence with a date of its own starts a scene of its own, unless it
    says it goes on ("There he was detained", "the same day"); so do a
    paragraph break and a question heading, unless the sentence says it goes
    on. A scene's date is told by a time expression (of the main clause, if it
    has one) or by an event of the sentences before that has been dated
    already. Carried over plain sentences it must be a day: "moved to Vilnius
    in 2019" is background, not a scene.
    """
    sentence = sentences[index].sentence
    lowered = sentence.text.lower()
    goes_on = sentence[0].lower_ in GOES_ON or any(p in lowered for p in SAME_SCENE)
    if not goes_on and _told_dates(doc, sentences[index], published, context):
        return None
    for back in range(index - 1, max(index - 1 - SCENE_SENTENCES, -1), -1):
        earlier = sentences[back]
        if _new_scene(doc, earlier, sentences[back + 1]) and not goes_on:
            return None  # "the same evening" goes on across a paragraph break
        told = _told_dates(doc, earlier, published, context)
        if told:
            main = {t.idx for t in syntax.clause_tokens(earlier.sentence.root)}
            own = [t for t in told if t.start in main] or told  # not "who was shot on 6 May"
            day = own[-1].date or ""
            return day if goes_on or len(day) == 10 else None
        told_there = [
            e
            for e in tellings
            if earlier.sentence.start_char <= e.span[0] < earlier.sentence.end_char
        ]
        for telling in reversed(told_there):
            for event in dated:
                if (
                    (event.type, event.subject) == (telling.type, telling.subject)
                    and event.date
                    and event.date_from != "story"
                    and event.status == "occurred"
                    and compatible_dates(event.date, telling.date)
                ):
                    return event.date
    return None


def story_date(
    subject: str,
    events: list[Event],
    people: People,
    sentences: list[SentenceTimes],
    published: date | None,
    context: Context,
) -> str | None:
    """The most recent day or month that the story of `subject` tells of.

    That is its events' dates and the days told in sentences that name it
    (by name or pronoun); the whole report's, for a subject no sentence
    names ("three men"). When someone spoke or published ("said on Tuesday",
    "a report published on Friday") is not told: the lexicon's speech verbs
    rule those dates out. Another person's news in the same report ("on
    Thursday judges rejected Korobov's application") is not this story's.
    """
    today = published.isoformat() if published else "9999"
    happened = [
        e.date
        for e in events
        if e.subject == subject
        and e.date
        and len(e.date) >= 7
        and e.status == "occurred"
        and e.date <= today
    ]
    person = people.index_of(subject)
    naming = [
        times
        for times in sentences
        if person is None or any(people.of(t) == person for t in times.sentence)
    ]
    days = [
        timex.date
        for times in naming
        for timex in _told_dates(times.sentence.doc, times, published, context)
        if timex.date and len(timex.date) == 10
    ]
    latest = max(happened + days, default=None)
    if latest is None or published is None:
        return None  # without the report's date, no telling whether its dates are its news
    recent = (published - timedelta(days=STORY_DAYS)).isoformat()[: len(latest)]
    return latest if latest >= recent else None  # older news is background, not this story


def _told_dates(
    doc: Doc,
    times: SentenceTimes,
    published: date | None,
    context: Context,
) -> list[TimeExpression]:
    """Calendar dates of things that happened, in order, leaving out when someone spoke."""
    today = published.isoformat() if published else "9999"
    told = []
    for timex in times.timexes:
        if timex.date is None:  # spans and sets have none; "a day later" (P1D) has one
            continue
        if timex.date > today[: len(timex.date)]:
            continue
        if _when_said(doc, timex, context):
            continue
        told.append(timex)
    return told


def _when_said(doc: Doc, timex: TimeExpression, context: Context) -> bool:
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None:
        return False
    verb: Token | None = span.root if span.root.pos_ in ("VERB", "AUX") else None
    verb = verb or syntax.governing_verb(span.root)
    return verb is not None and syntax.lemma(verb) in context.speech_verbs


def _new_scene(doc: Doc, earlier: SentenceTimes, later: SentenceTimes) -> bool:
    """A paragraph break or a question heading between two sentences starts a new scene."""
    between = doc[earlier.sentence.start : later.sentence.start].text_with_ws  # not doc.text:
    # spaCy builds the whole text again at each call
    return "\n\n" in between or earlier.sentence.text.rstrip().endswith("?")


BACKGROUND = {"previously", "earlier", "formerly"}


def _background(times: SentenceTimes) -> bool:
    """ "He had previously been jailed": a recap, not the story's news.

    The adverb says so; a past perfect alone does not, since news tells its
    own sequence in it too ("investigators realised the man had crossed
    into Laos").
    """
    return any(t.lower_ in BACKGROUND for t in times.sentence)


def _quotes(times: SentenceTimes) -> bool:
    """A quotation in the first person ("They beat me," he said) tells its speaker's time."""
    sentence = times.sentence
    return any(mark in sentence.text for mark in '"“”') and any(
        t.lower_ in ("i", "me", "my", "we", "us", "our") for t in sentence
    )


def _sentence_index(sentences: list[SentenceTimes], offset: int) -> int:
    for index, times in enumerate(sentences):
        if times.sentence.start_char <= offset < times.sentence.end_char:
            return index
    return -1
