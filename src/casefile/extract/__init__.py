"""Article -> Extraction: people, time expressions and sourced events.

The only package that touches spaCy. `extract(article, nlp)` is the whole
stage; `extract_many` runs spaCy's batched `nlp.pipe` over many articles.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import groupby

from spacy.language import Language
from spacy.tokens import Doc

from casefile.extract.dating import date_from_context
from casefile.extract.events import find_events
from casefile.extract.lexicon import lexicon_version, load_lexicon
from casefile.extract.limits import MAX_ANALYSED_CHARS, analysed_length, parts, tokenizable
from casefile.extract.merge import LEAD_SENTENCES, merge_events
from casefile.extract.nlp import load_nlp
from casefile.extract.people import find_people
from casefile.extract.prefilter import could_hold_events
from casefile.extract.register import borrowed_register
from casefile.extract.timex import find_timexes
from casefile.extract.when import sentence_times
from casefile.model import Article, Extraction, Person, Skipped

# The rules' version and the hash of the data files the rules read: editing
# events.yaml, people.yaml, countries.yaml or timex.yaml makes a new extractor,
# and `casefile reextract` brings stored articles up to it. Bump the "v2" when
# the rules in Python change what they extract.
EXTRACTOR_VERSION = f"casefile.events.v3+{lexicon_version()}"

__all__ = [
    "EXTRACTOR_VERSION",
    "MAX_ANALYSED_CHARS",
    "extract",
    "extract_doc",
    "extract_many",
    "extract_or_skip",
    "load_nlp",
]

log = logging.getLogger(__name__)


def extract_doc(article: Article, doc: Doc) -> Extraction:
    """Read an already parsed article."""
    lexicon = load_lexicon()
    people = find_people(doc, article.title)
    sentences = list(doc.sents)
    lead_end = sentences[min(LEAD_SENTENCES, len(sentences)) - 1].end_char if sentences else 0
    timexes = find_timexes(article.text, article.published)
    tellings = find_events(doc, people, article.published, lexicon, timexes)
    events = merge_events(tellings, lead_end, retold=False)
    times = list(sentence_times(doc, timexes))
    events = date_from_context(
        events, tellings, people, doc, times, article.published, lexicon.context
    )
    events = merge_events(events, lead_end)  # tellings that the dates show are one
    if borrowed_register(article.text) is not None:
        events = []  # "sentenced to the bench", "deported back to his parent club"
    return Extraction(
        article=article,
        people=people.to_people(),
        events=tuple(events),
        timexes=tuple(timexes),
        extractor=EXTRACTOR_VERSION,
    )


def extract(article: Article, nlp: Language | None = None) -> Extraction:
    return next(extract_many([article], nlp, prefilter=False))


def unparsed(article: Article) -> Extraction:
    """What an article the prefilter turned away gives: its dates, no people, no events."""
    return Extraction(
        article=article,
        people=(),
        events=(),
        timexes=tuple(find_timexes(article.text, article.published)),
        extractor=EXTRACTOR_VERSION,
    )


def extract_many(
    articles: Iterable[Article], nlp: Language | None = None, prefilter: bool = True
) -> Iterator[Extraction]:
    """Extract in input order, parsing in batches (much faster than one call per article).

    With `prefilter`, articles (or parts of long ones) that cannot hold an
    event (`prefilter.py`) are not parsed. Raises what the rules raise; the
    pipeline uses `extract_or_skip`, which turns a failure into a Skipped.
    """
    for result in _extractions(articles, nlp or load_nlp(), prefilter, safe=False):
        assert isinstance(result, Extraction)
        yield result


def extract_or_skip(
    articles: Iterable[Article], nlp: Language | None = None
) -> Iterator[Extraction | Skipped]:
    """`extract_many`, but an article the rules fail on is a Skipped and the rest go on."""
    return _extractions(articles, nlp or load_nlp(), prefilter=True, safe=True)


def _extractions(
    articles: Iterable[Article], nlp: Language, prefilter: bool, safe: bool
) -> Iterator[Extraction | Skipped]:
    """Each article's analysed text in parts (`limits.py`), parsed in batches, read, joined."""
    pieces = (
        (part, (number, article, offset))
        for number, article in enumerate(articles)
        for offset, part in parts(article.text[: analysed_length(article.text)])
    )
    marked = (
        (tokenizable(part) if not prefilter or could_hold_events(part) else "", (part, where))
        for part, where in pieces
    )
    parsed = nlp.pipe(marked, as_tuples=True, batch_size=32)
    for _, group in groupby(parsed, key=lambda pair: pair[1][1][0]):
        read = [(doc, part, offset, article) for doc, (part, (_, article, offset)) in group]
        article = read[0][3]
        try:
            yield _joined(
                article, [(offset, _read_part(article, part, doc)) for doc, part, offset, _ in read]
            )
        except Exception as error:  # one article the rules cannot read never stops a batch
            if not safe:
                raise
            log.exception("extraction of %s failed", article.label)
            yield Skipped(
                article.label, f"could not be extracted ({type(error).__name__}: {error})"
            )


def _read_part(article: Article, part: str, doc: Doc) -> Extraction:
    """One part of an article: parsed into `doc`, or turned away by the prefilter (empty `doc`).

    A date past the calendar's edge ("next year" in a story dated
    9999-12-31) fails the date arithmetic; the part is then read again with
    no publication date to anchor relative dates to, so it keeps its events.
    """
    piece = replace(article, text=doc.text or part)
    try:
        return extract_doc(piece, doc) if doc.text else unparsed(piece)
    except (OverflowError, ValueError):
        if piece.published is None:
            raise
        log.warning("%s: a date beyond the calendar; relative dates left unresolved", article.label)
        piece = replace(piece, published=None)
        return extract_doc(piece, doc) if doc.text else unparsed(piece)


def _joined(article: Article, read: list[tuple[int, Extraction]]) -> Extraction:
    """The parts' extractions as one, their offsets moved back into the whole text."""
    if len(read) == 1:  # nearly every report: exactly as read
        return replace(read[0][1], article=article)
    people: dict[str, Person] = {}
    for _, part in read:
        for person in part.people:
            known = people.get(person.name)
            mentions = (*known.mentions, *person.mentions) if known else person.mentions
            people[person.name] = replace(known or person, mentions=tuple(dict.fromkeys(mentions)))
    return Extraction(
        article=article,
        people=tuple(people.values()),
        events=tuple(
            replace(event, span=(event.span[0] + offset, event.span[1] + offset))
            for offset, part in read
            for event in part.events
        ),
        timexes=tuple(
            replace(timex, start=timex.start + offset, end=timex.end + offset)
            for offset, part in read
            for timex in part.timexes
        ),
        extractor=EXTRACTOR_VERSION,
    )
