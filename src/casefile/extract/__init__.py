"""Article -> Extraction: people, time expressions and sourced events.

The only package that touches spaCy. `extract(article, nlp)` is the whole
stage; `extract_many` runs spaCy's batched `nlp.pipe` over many articles.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from casefile.extract.dating import date_from_context
from casefile.extract.events import find_events
from casefile.extract.lexicon import lexicon_version, load_lexicon
from casefile.extract.merge import LEAD_SENTENCES, merge_events
from casefile.extract.nlp import load_nlp
from casefile.extract.people import find_people
from casefile.extract.prefilter import could_hold_events
from casefile.extract.timex import find_timexes
from casefile.extract.when import sentence_times
from casefile.model import Article, Extraction

# The rules' version and the hash of the data files the rules read: editing
# events.yaml, people.yaml, countries.yaml or timex.yaml makes a new extractor,
# and `casefile reextract` brings stored articles up to it. Bump the "v2" when
# the rules in Python change what they extract.
EXTRACTOR_VERSION = f"casefile.events.v2+{lexicon_version()}"

__all__ = ["EXTRACTOR_VERSION", "extract", "extract_doc", "extract_many", "load_nlp"]


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
    return Extraction(
        article=article,
        people=people.to_people(),
        events=tuple(events),
        timexes=tuple(timexes),
        extractor=EXTRACTOR_VERSION,
    )


def extract(article: Article, nlp: Language | None = None) -> Extraction:
    nlp = nlp or load_nlp()
    return extract_doc(article, nlp(article.text))


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

    With `prefilter`, articles that cannot hold an event (`prefilter.py`) are not parsed.
    """
    nlp = nlp or load_nlp()
    marked = ((article, not prefilter or could_hold_events(article.text)) for article in articles)
    pairs = ((article.text if parse else "", (article, parse)) for article, parse in marked)
    for doc, (article, parse) in nlp.pipe(pairs, as_tuples=True, batch_size=32):
        yield extract_doc(article, doc) if parse else unparsed(article)
