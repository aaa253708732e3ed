"""People within one article: who each name, surname and pronoun stands for.

Reporters name a person in full once ("Mansur Movlayev"), then by surname
("Movlayev"), pronoun ("he") or description ("the activist"). Events must be
filed under the fullest name, so every such mention is mapped to one person.
This is deliberately simple, explainable coreference: name containment,
nearest-antecedent pronouns, and descriptions standing for the article's main
person. Cross-article resolution is a different stage (`cases/`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml
from anyascii import anyascii
from spacy.tokens import Doc, Span, Token

from casefile.extract import syntax
from casefile.extract.gender import PRONOUN_GENDER, GenderWords, person_gender
from casefile.extract.kin import link_kin
from casefile.extract.lexicon import load_lexicon
from casefile.extract.places import country_of
from casefile.extract.timex_lexicon import MONTHS, WEEKDAYS
from casefile.extract.when import dateline_end
from casefile.model import Person

PRONOUNS = set(PRONOUN_GENDER)


@dataclass(frozen=True)
class PeopleWords:
    roles: dict[str, str]  # role lemma -> role group ("counsel", "family", "other")
    honorifics: frozenset[str]
    descriptors: frozenset[str]
    organization_words: frozenset[str]
    gendered: dict[str, str]
    surname_endings: tuple[tuple[str, str], ...]
    authorities: frozenset[str]
    titles: frozenset[str]
    place_nouns: frozenset[str]
    officials: frozenset[str]
    group_nouns: frozenset[str]
    kin_converse: dict[str, tuple[str, ...]]  # kin word -> what the relative calls the owner
    counted_nouns: frozenset[str] = frozenset()
    crowd_nouns: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def people_words() -> PeopleWords:
    data = yaml.safe_load(resources.files("casefile.data").joinpath("people.yaml").read_text())
    roles = {lemma: group for group, lemmas in data["roles"].items() for lemma in lemmas}
    return PeopleWords(
        roles,
        frozenset(data["honorifics"]),
        frozenset(data["descriptors"]),
        frozenset(data["organization_words"]),
        {word: gender for gender, words in data["gendered"].items() for word in words},
        tuple(
            (ending, gender)
            for gender, endings in data["surname_endings"].items()
            for ending in endings
        ),
        frozenset(data["authorities"]),
        frozenset(data["titles"]),
        frozenset(data["place_nouns"]),
        frozenset(data["officials"]),
        frozenset(data["group_nouns"]),
        {word: tuple(other) for word, other in data["kin_converse"].items()},
        frozenset(data.get("counted_nouns") or ()),
        frozenset(data.get("crowd_nouns") or ()),
    )


@dataclass
class PersonRecord:
    name: str
    key_tokens: tuple[str, ...]
    mentions: list[str] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)
    first_token: int = 0
    mention_count: int = 0
    gender: str | None = None  # "f", "m" or unknown: keeps "she" off a man
    relative: bool = False  # named as someone's relative ("the son of X"): X is not the subject


@dataclass
class People:
    """The people of one article, and which token stands for whom."""

    records: list[PersonRecord]
    token_person: dict[int, int]  # token index -> index into records
    main: int | None
    # (first token, person) of each section a name heading opens ("Ruslan Dzhabrailov.")
    sections: list[tuple[int, int]] = field(default_factory=list)
    # (person, kin word) -> the relative named so ("his wife, Leila Haddad"): extract/kin.py
    kin: dict[tuple[int, str], int] = field(default_factory=dict)

    def of(self, token: Token) -> int | None:
        return self.token_person.get(token.i)

    def main_at(self, token: Token) -> int | None:
        """The person the story is about where `token` is: its section's, else the article's."""
        return _section_person(self.sections, token.i, self.main)

    def recent(self, token: Token, sentences: int = 2) -> int | None:
        """The person last named before `token`, within a couple of sentences ("the activist")."""
        doc = token.doc
        first_sentence = token.sent
        for _ in range(sentences):
            if first_sentence.start == 0:
                break
            first_sentence = doc[first_sentence.start - 1].sent
        for i in range(token.i - 1, first_sentence.start - 1, -1):
            person = self.token_person.get(i)
            if person is not None and not self.acts_on_cases(person) and doc[i].pos_ == "PROPN":
                return person
        return None

    def name(self, index: int) -> str:
        return self.records[index].name

    def index_of(self, name: str) -> int | None:
        """The person an event's subject names, or None for a group or organisation."""
        return next((i for i, r in enumerate(self.records) if r.name == name), None)

    def is_counsel(self, index: int) -> bool:
        return "counsel" in self.records[index].roles

    def in_office(self, index: int) -> bool:
        return "official" in self.records[index].roles

    def acts_on_cases(self, index: int) -> bool:
        """Counsel or an official: someone who acts on a case more often than undergoes it."""
        return bool(self.records[index].roles & {"counsel", "official"})

    def add(self, name: str, token: Token) -> int:
        """A person the model missed but the grammar shows ("his brother Begench was detained")."""
        key_tokens = tuple(_key(part) for part in name.split())
        index = _matching_record(self.records, key_tokens)
        if index is None:
            self.records.append(PersonRecord(name, key_tokens, [name], first_token=token.i))
            index = len(self.records) - 1
        self.token_person[token.i] = index
        return index

    def to_people(self) -> tuple[Person, ...]:
        return tuple(Person(r.name, tuple(r.mentions)) for r in self.records)


def _key(text: str) -> str:
    return anyascii(text).lower().strip(".’'")


# Months and weekdays and their abbreviations (data/timex.yaml): a date's words, never a name.
CALENDAR_WORDS = {word.lower() for word in (*MONTHS, *WEEKDAYS)}


def _clean_name(span: Span) -> Span | None:
    """Trim a name span to its proper-noun core: no honorifics, roles or possessive marks."""
    words = people_words()
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (
        doc[start].pos_ not in ("PROPN",)
        or _key(doc[start].text) in words.honorifics
        or doc[start].lower_ in words.roles
    ):
        start += 1
    while end > start and (doc[end - 1].pos_ == "PART" or doc[end - 1].is_punct):
        end -= 1
    if any(t.like_num for t in doc[start:end]):
        return None  # "Articles 3 and 34": no name holds a number
    if all(t.lower_.rstrip(".") in CALENDAR_WORDS for t in doc[start:end]):
        return None  # "30 Apr 2025: ...": a date's words
    if start >= end or doc[end - 1].lower_ in words.organization_words:
        return None  # "Russian Exile Solidarity Network": an organisation
    return doc[start:end]


def _role_named_spans(doc: Doc) -> list[Span]:
    """Names that a role word introduces ("lawyer Murat Adam"), whatever NER called them."""
    words = people_words()
    spans = []
    for token in doc:
        if token.lower_ not in words.roles or token.pos_ != "NOUN":
            continue
        i = token.i + 1
        while i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper():
            i += 1
        if i - token.i >= 2:
            spans.append(doc[token.i + 1 : i])
    return spans


def _described_names(doc: Doc) -> list[Span]:
    """Names that an apposition describes as a person ("Rauf Aliyev, a Georgian
    reporter", "Davlatov, 34,"), whatever the statistical model called them."""
    words = people_words()
    person_nouns = words.descriptors | set(words.roles)
    spans = []
    for token in doc:
        if token.pos_ != "PROPN" or not token.text[:1].isupper() or token.dep_ == "compound":
            continue
        described = any(
            c.dep_ == "appos"
            and (c.lemma_.lower() in person_nouns or (c.like_num and c.i == token.i + 2))
            for c in token.children
        )
        if not described:
            continue
        start = min([c.i for c in token.children if c.dep_ in ("compound", "flat")] + [token.i])
        span = doc[start : token.i + 1]
        if all(t.pos_ == "PROPN" for t in span) and country_of(span.text) is None:
            spans.append(span)
    return spans


def _recurring_names(doc: Doc) -> list[Span]:
    """Two-word names the model called organisations, whose surname then acts alone as a
    person does ("Rauf Aliyev" ... "Aliyev had lunch with a colleague")."""
    acting = {
        t.text
        for t in doc
        if t.pos_ == "PROPN"
        and t.dep_ in ("nsubj", "nsubjpass")
        and not any(c.dep_ in ("compound", "flat") for c in t.children)
    }
    spans = []
    for entity in _names_tagged_otherwise(doc, longest=3):
        if not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in entity):
            continue
        root = entity.root
        if entity[-1].text in acting or (
            root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in HUMAN_VERBS
        ):
            spans.append(entity)
    return spans


def _listed_with_people(doc: Doc) -> list[Span]:
    """Names the model called organisations or places, listed with people: people too.

    A list joins things of a kind: "Ana Ruiz, Marta del Valle and Luis Soto
    were arrested" names three people, whatever the model called the second.
    """
    spans = []
    for entity in _names_tagged_otherwise(doc, longest=4):
        if any(
            t.ent_type_ == "PERSON" and t.pos_ == "PROPN" for t in _list_of(entity.root)
        ) or _named_among_people(entity):
            spans.append(entity)
    return spans


def _named_among_people(entity: Span) -> bool:
    """ "Six reporters were detained, including Daniyar Serikov": a name given as one of
    a group of people is a person's."""
    sentence = entity.sent
    before = entity.doc[max(sentence.start, entity.start - 3) : entity.start]
    opener = next((t for t in before if t.lower_ in ("including", "among")), None)
    if opener is None:
        return False
    words = people_words()
    return any(
        t.tag_ == "NNS"
        and (t.lemma_.lower() in words.descriptors or t.lemma_.lower() in words.roles)
        for t in entity.doc[sentence.start : opener.i]
    )


def _list_of(name: Token) -> list[Token]:
    """The other names of the list `name` is in: "A, B and C" parses as a chain of
    conjuncts or appositions, so the whole chain is followed, not the next link."""
    seen = {name.i}
    todo = [name]
    while todo:
        token = todo.pop()
        links = [c for c in token.children if c.dep_ in ("conj", "appos")]
        if token.dep_ in ("conj", "appos"):
            links.append(token.head)
        for link in links:
            if link.i not in seen and link.pos_ == "PROPN":
                seen.add(link.i)
                todo.append(link)
    return [name.doc[i] for i in sorted(seen) if i != name.i]


def _untagged_in_lists(doc: Doc) -> list[Span]:
    """Names no model tagged, listed with people: "custody: Lui Tak, Cheung Po and Lam Wai"
    names three people, the first no less than the others."""
    words = people_words()
    spans = []
    for token in doc:
        if not (
            token.pos_ == "PROPN"
            and token.text[:1].isupper()
            and not token.text.isupper()
            and token.ent_type_ == ""
            and token.dep_ in ("conj", "appos")
        ):
            continue
        linked = [c for c in token.children if c.dep_ in ("conj", "appos")] + [token.head]
        if not any(t.ent_type_ == "PERSON" and t.pos_ in ("PROPN", "NOUN") for t in linked):
            continue
        start = token.i
        while (
            start > 0
            and doc[start - 1].dep_ == "compound"
            and doc[start - 1].head == token
            and doc[start - 1].pos_ == "PROPN"
            and doc[start - 1].ent_type_ == ""
            and doc[start - 1].text[:1].isupper()
        ):
            start -= 1
        span = doc[start : token.i + 1]
        if (
            len(span) >= 2
            and not any(t.lower_ in words.organization_words for t in span)
            and country_of(span.text) is None
        ):
            spans.append(span)
    return spans


def _names_tagged_otherwise(doc: Doc, longest: int) -> list[Span]:
    """Entities the model called organisations or places that look like a person's name:
    two to `longest` words from one capitalised proper noun to another, no organisation
    word among them and no country at the end."""
    words = people_words()
    return [
        entity
        for entity in doc.ents
        if entity.label_ in ("ORG", "GPE", "NORP", "FAC", "PRODUCT", "WORK_OF_ART")
        and 2 <= len(entity) <= longest
        and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in (entity[0], entity[-1]))
        and not any(t.lower_ in words.organization_words for t in entity)
        and country_of(entity[-1].text) is None
    ]


# What only a person does: an organisation is not said to have tried, fled or told.
HUMAN_VERBS = {
    "face",
    "remain",
    "plead",
    "try",
    "flee",
    "tell",
    "say",
    "live",
    "work",
    "write",
    "die",
    "hope",
    "fear",
    "travel",
    "arrive",
    "return",
    "move",
    "leave",
    "escape",
    "marry",
    "study",
    "plan",
    "want",
    "wish",
    "complain",
    "deny",
    "insist",
    "recall",
    "spend",
    "grow",
    "settle",
}


def _roles_of(span: Span) -> set[str]:
    words = people_words()
    roles = set()
    before = span.doc[span.start - 1] if span.start > 0 else None
    candidates = [before] if before is not None else []
    root = span.root
    if root.dep_ == "appos":
        candidates.append(root.head)
    candidates += [c for c in root.children if c.dep_ in ("appos", "compound")]
    if root.head.dep_ == "appos" and root.head.head == root:
        candidates.append(root.head)
    if root.dep_ == "appos" and root.head.dep_ == "pobj" and root.head.head.lower_ == "of":
        candidates.append(root.head.head.head)  # "The lawyer of Nilsen, Goran Petrovic,"
    for candidate in candidates:
        if candidate is not None and candidate.lower_ in words.roles:
            roles.add(words.roles[candidate.lower_])
        if candidate is not None and candidate.lower_.strip(".") in words.officials:
            roles.add("official")
    return roles


def find_people(doc: Doc, title: str | None = None) -> People:
    """Group the article's name mentions into people and resolve pronouns to them.

    The title, when there is one, says whom the story is about: a person it names
    is the main person ("Tajik rights advocate Amon jailed for nine years").
    """
    introduced = _role_named_spans(doc)  # "the blogger Murat Kerimov": the whole name
    spans: list[Span] = [
        e
        for e in _joined_persons(doc)
        if _could_be_person(e)
        and not any(r.start <= e.start and e.end <= r.end and len(r) > len(e) for r in introduced)
    ]
    taken = {t.i for s in spans for t in s}
    spans += [s for s in introduced if not any(t.i in taken for t in s)]
    taken = {t.i for s in spans for t in s}
    spans += [s for s in _names_in_full(doc, spans) if not any(t.i in taken for t in s)]
    taken = {t.i for s in spans for t in s}
    spans += [s for s in _described_names(doc) if not any(t.i in taken for t in s)]
    taken = {t.i for s in spans for t in s}
    spans += [s for s in _recurring_names(doc) if not any(t.i in taken for t in s)]
    taken = {t.i for s in spans for t in s}
    spans += [s for s in _listed_with_people(doc) if not any(t.i in taken for t in s)]
    taken = {t.i for s in spans for t in s}
    spans += [s for s in _untagged_in_lists(doc) if not any(t.i in taken for t in s)]
    filed = _dateline_end(doc)  # "ISTANBUL, March 14 (Bosphorus Wire) —": the outlet
    outlets = set(re.findall(r"\(([^)]{1,60})\)", doc.text[:filed]))
    cleaned = [
        c
        for c in (_clean_name(s) for s in spans)
        if c is not None and c.start_char >= filed and c.text not in outlets
    ]
    cleaned.sort(key=lambda s: (-len(s), s.start))

    records: list[PersonRecord] = []
    token_person: dict[int, int] = {}
    for span in cleaned:
        tokens = tuple(_key(t.text) for t in span if not t.is_punct)
        index = _matching_record(records, tokens)
        if index is None:
            records.append(PersonRecord(span.text, tokens, first_token=span.start))
            index = len(records) - 1
        record = records[index]
        if span.text not in record.mentions:
            record.mentions.append(span.text)
        record.roles |= _roles_of(span)
        record.relative = record.relative or _named_as_relative(span)
        record.mention_count += 1
        record.first_token = min(record.first_token, span.start)
        for token in span:
            token_person[token.i] = index

    _drop_lone_names(doc, records, token_person)
    _map_bare_surnames(doc, records, token_person)
    _drop_lone_names(doc, records, token_person)  # a place shows itself in a bare mention too
    _honorific_gender(doc, records, token_person)
    for index, record in enumerate(records):
        record.gender = _gender(doc, index, record, token_person)
    main = _main_person(records, _only_speaking(doc, records, token_person), title)
    sections = _name_headings(doc, token_person)
    speaking = {
        i: speaker
        for start, end, speaker in _quote_speakers(doc, token_person)
        for i in range(start, end + 1)
    }  # "'I don't know what he eats,' Angela said": "he" is not Angela
    _resolve_pronouns(doc, records, token_person, main, sections, speaking)
    _resolve_quoted_speakers(doc, token_person)
    keys = [r.key_tokens for r in records]
    kin = link_kin(doc, token_person, people_words().kin_converse, keys)
    return People(records, token_person, main, sections, kin)


FIRST_PERSON = {"i", "me", "my", "myself", "mine"}
QUOTES = '"“”'


def _resolve_quoted_speakers(doc: Doc, token_person: dict[int, int]) -> None:
    """ "'I was beaten every night,' Zhanuzak told reporters": the "I" of a quote is its speaker."""
    for start, end, speaker in _quote_speakers(doc, token_person):
        for token in doc[start : end + 1]:
            if token.lower_ in FIRST_PERSON:
                token_person[token.i] = speaker


def _quote_speakers(doc: Doc, token_person: dict[int, int]) -> list[tuple[int, int, int]]:
    """(opening, closing, speaker) of each quotation whose speaker the text shows.

    The speaker is the one person who says, tells or writes in the sentences
    the quotation opens or closes in, or in the sentence right after it.
    """
    speech_verbs = load_lexicon().context.speech_verbs
    found = []
    for start, end in _quotations(doc):
        around = {doc[start].sent.start, doc[end].sent.start}
        if doc[end].sent.end < len(doc):
            around.add(doc[end].sent.end)  # '"I was beaten," / he told reporters.'
        speakers = {
            token_person[c.i]
            for sentence_start in around
            for verb in doc[sentence_start].sent
            if not start <= verb.i <= end and syntax.lemma(verb) in speech_verbs
            for c in verb.children
            if c.dep_ == "nsubj" and c.i in token_person
        }
        if len(speakers) == 1:
            found.append((start, end, speakers.pop()))
    return found


def _quotations(doc: Doc) -> list[tuple[int, int]]:
    """(opening, closing) token indexes of each quotation."""
    spans, opening = [], None
    for token in doc:
        if token.text in QUOTES or token.text in ("``", "''"):
            if opening is None:
                opening = token.i
            else:
                spans.append((opening, token.i))
                opening = None
    return spans


def _dateline_end(doc: Doc) -> int:
    first = next(iter(doc.sents), None)
    return dateline_end(first) if first is not None else 0


def _name_headings(doc: Doc, token_person: dict[int, int]) -> list[tuple[int, int]]:
    """Sentences that are only a name: a release's heading over one person's case.

    "Ruslan Dzhabrailov. The Chechen campaigner was denied asylum. In March
    the prosecutor approved Moscow's demand to extradite him." Under such a
    heading, "him" and "the Chechen campaigner" are the heading's person.
    """
    sections: list[tuple[int, int]] = []
    for sentence in doc.sents:
        words = [t for t in sentence if not (t.is_punct or t.is_space)]
        people = {token_person.get(t.i) for t in words}
        if len(words) >= 2 and len(people) == 1 and (person := people.pop()) is not None:
            sections.append((sentence.start, person))
    return sections if len(sections) >= 2 else []


def _section_person(sections: list[tuple[int, int]], i: int, main: int | None) -> int | None:
    person = main
    for start, heading_person in sections:
        if start > i:
            break
        person = heading_person
    return person


def _gender(doc: Doc, index: int, record: PersonRecord, token_person: dict[int, int]) -> str | None:
    words = people_words()
    mentions = sorted(i for i, person in token_person.items() if person == index)
    return person_gender(
        doc,
        mentions,
        record.key_tokens[-1],
        GenderWords(words.gendered, words.surname_endings),
        in_office="official" in record.roles,
    )


def _drop_lone_names(doc: Doc, records: list[PersonRecord], token_person: dict[int, int]) -> None:
    """A one-word "name" never given in full, with no role, is more often a company or a
    place the model mistook ("Larchmont") than a person: news introduces people in full.

    So is a name that modifies a word for a place or an institution ("the Ismoili
    Somoni district court", "the Kampong Speu prison") or ends in one ("Amad News"):
    a place or an organisation the model took for a person.
    """
    placed = {
        token_person[i]
        for i in token_person
        if not records[token_person[i]].roles and _names_a_place(doc[i])
    }
    keep = [
        i for i, r in enumerate(records) if (len(r.key_tokens) > 1 or r.roles) and i not in placed
    ]
    if len(keep) == len(records):
        return
    renumber = {old: new for new, old in enumerate(keep)}
    records[:] = [records[i] for i in keep]
    for token, old in list(token_person.items()):
        if old in renumber:
            token_person[token] = renumber[old]
        else:
            del token_person[token]


def _names_a_place(token: Token) -> bool:
    words = people_words()
    last = token
    while last.dep_ in ("compound", "flat") and last.head.i > last.i and last.head.pos_ == "PROPN":
        last = last.head
    if last.pos_ == "PROPN" and last.lower_ in words.organization_words | {"news"}:
        return True  # "Amad News"
    return (
        last.dep_ in ("compound", "nmod")
        and last.head.pos_ == "NOUN"
        and last.head.lemma_.lower() in words.place_nouns
    )


def _map_bare_surnames(doc: Doc, records: list[PersonRecord], token_person: dict[int, int]) -> None:
    """A known name the statistical model missed ("Movlayev's" tagged ORG) is still that person.

    The tagger sometimes reads a foreign surname opening a sentence as a
    common noun ("Orlin and fellow activist Temirov"): capitalised, it counts.
    """
    by_token: dict[str, int] = {}
    for index in sorted(range(len(records)), key=lambda i: _as_relative(records[i])):
        for key in records[index].key_tokens[1:] or records[index].key_tokens:
            by_token.setdefault(key, index)  # of two Davudovs, the one not named as a relative
    for token in doc:
        if (
            token.i in token_person
            or token.pos_ not in ("PROPN", "NOUN")
            or not token.text[:1].isupper()
        ):
            continue
        known = by_token.get(_key(token.text))
        if known is not None:
            token_person[token.i] = known
            records[known].mention_count += 1


def _honorific_gender(doc: Doc, records: list[PersonRecord], token_person: dict[int, int]) -> None:
    """ "Mrs Tasci" in a story naming Alparslan Tasci and his wife Saadet Tasci is Saadet: a
    gendered honorific ("Mrs", "Mr", "Madame") before a surname several people share takes
    the one of them whose other mentions give that gender."""
    words = people_words()
    wanted: dict[int, str] = {}
    for i in token_person:
        key = _key(doc[i - 1].text) if i > 0 else ""
        if key in words.honorifics and key in words.gendered:
            wanted[i] = words.gendered[key]
    if not wanted:
        return
    others = {i: person for i, person in token_person.items() if i not in wanted}
    genders: dict[int, str | None] = {}
    for i, gender in wanted.items():
        surname = _key(doc[i].text)
        sharing = [j for j, record in enumerate(records) if surname in record.key_tokens]
        if len(sharing) < 2:
            continue
        for j in sharing:
            if j not in genders:
                genders[j] = _gender(doc, j, records[j], others)
        fits = [j for j in sharing if genders[j] == gender]
        if len(fits) == 1:
            token_person[i] = fits[0]


def _could_be_person(span: Span) -> bool:
    """The model's PERSON label, minus places and organisations its context gives away."""
    if country_of(span.text) is not None:
        return False
    before = span.doc[span.start - 1] if span.start > 0 else None
    return before is None or before.lower_ not in people_words().organization_words


def _matching_record(records: list[PersonRecord], tokens: tuple[str, ...]) -> int | None:
    """A shorter mention joins the person whose full name contains all its tokens.

    Of several ("Zam" in a story naming Rouhollah Zam and his father
    Mohammad-Ali Zam), the one written that way, else the one named first
    that no family word introduces ("his father, Mohammad-Ali Zam", "the son of
    Mohammad-Ali Zam"): a story tells of its subject by surname, and of a relative
    by relation.
    """
    found = [
        index
        for index, record in enumerate(records)
        if tokens == record.key_tokens or set(tokens) <= set(record.key_tokens)
    ]
    if len(found) <= 1:
        return found[0] if found else None
    exact = [index for index in found if records[index].key_tokens == tokens]
    return exact[0] if exact else min(found, key=lambda i: _as_relative(records[i]))


def _as_relative(record: PersonRecord) -> tuple[bool, int]:
    """How likely a person is a relative rather than the one a surname stands for."""
    return (record.relative or "family" in record.roles, record.first_token)


def _named_as_relative(span: Span) -> bool:
    """ "the son of the late Yusuf Okoro": Okoro is named as the parent of someone else
    (a word of one relation, not "the family of", which names the one the story is about)."""
    root = span.root
    if root.dep_ != "pobj" or root.head.lower_ != "of":
        return False
    kin = root.head.head.lower_
    return people_words().roles.get(kin) == "family" and kin not in ("family", "relative")


def _resolve_pronouns(
    doc: Doc,
    records: list[PersonRecord],
    token_person: dict[int, int],
    main: int | None,
    sections: list[tuple[int, int]],
    speaking: dict[int, int],
) -> None:
    """A personal pronoun stands for the most salient person at that point of the story.

    Salience in the manner of Lappin and Leass: every mention adds weight by
    its grammatical role (subject above object above anything else), weights
    halve at each sentence boundary, the story's main person carries a
    constant bonus, and speakers ("Adam said"), lawyers and names tucked
    inside another phrase count for little. Within its own sentence the
    nearest preceding name still wins, as a reader would read it. Under a
    name heading, the heading's person takes the main person's bonus. Inside a
    quotation, "he" or "she" is never the quotation's speaker (`speaking`).
    """
    salience: dict[int, float] = {}
    if main is not None:
        salience[main] = 0.0
    topic: int | None = None  # whom the sentence before was about
    named_before: set[int] = set()  # who the sentence before named
    for sentence in doc.sents:
        for someone in salience:
            salience[someone] /= 2
        main_here = _section_person(sections, sentence.start, main)
        named = set(named_before)
        for token in sentence:
            person = token_person.get(token.i)
            if person is not None and token.pos_ == "PROPN":
                named.add(person)
            if token.lower_ in PRONOUNS and person is None:
                gender = PRONOUN_GENDER[token.lower_]
                barred = speaking.get(token.i)
                antecedent = _nearest_in_sentence(token, token_person, records, gender, barred)
                if (
                    antecedent is None
                    and topic is not None
                    and topic != barred
                    and _in_main_clause(token)
                    and records[topic].gender in (None, gender)
                ):
                    antecedent = topic  # "Aliev's claim was turned down. His lawyers appealed"
                if antecedent is None:
                    antecedent = _most_salient(salience, main_here, records, gender, barred)
                if antecedent is None:
                    continue
                token_person[token.i] = antecedent
                record = records[antecedent]
                if named == {antecedent} and not record.roles & {"counsel", "official"}:
                    record.gender = record.gender or gender  # no one else it could be
                record.mention_count += 1
                if token.lower_ not in (m.lower() for m in record.mentions):
                    record.mentions.append(token.lower_)
                person = antecedent
            if person is not None:
                salience[person] = salience.get(person, 0.0) + _weight(token, records[person])
        topic = _sentence_topic(sentence, token_person, records)
        named_before = {
            p for t in sentence if (p := token_person.get(t.i)) is not None and t.pos_ == "PROPN"
        }


def _subject_phrase(token: Token) -> bool:
    """Is the token the sentence's subject, or its possessor ("Aliev's application")?"""
    head = syntax.name_head(token)
    if head.dep_ == "poss":
        head = head.head
    return head.dep_ in ("nsubj", "nsubjpass") and _main_verb(head.head)


def _in_main_clause(pronoun: Token) -> bool:
    """Not inside a subordinate clause ("the friend assumed that he ..."); what someone
    said is the sentence's content ("the authorities have said he died")."""
    token = pronoun
    while token.head != token:
        if token.dep_ in ("ccomp", "parataxis") and _main_verb(token):
            return True
        if token.dep_ in ("ccomp", "advcl", "relcl", "csubj", "parataxis"):
            return False
        token = token.head
    return True


def _sentence_topic(
    sentence: Span, token_person: dict[int, int], records: list[PersonRecord]
) -> int | None:
    """The person a sentence is about: its subject, or its subject's owner; not a speaker.

    With no person as subject ("Armed men took his cousin, Islam Khazimov"),
    the person its main verb acts on.
    """
    for is_topic in (_subject_phrase, _object_phrase):
        for token in sentence:
            person = token_person.get(token.i)
            if person is not None and is_topic(token) and not _is_speaker(token, records[person]):
                return person
    return None


def _object_phrase(token: Token) -> bool:
    """Is the token (not a possessor inside it) the main verb's object?"""
    head = syntax.name_head(token)
    return head.dep_ == "dobj" and _main_verb(head.head)


def _main_verb(verb: Token) -> bool:
    """The sentence's main verb, or what it reports ("Armed men took him, relatives said")."""
    if verb.dep_ == "ROOT":
        return True
    return (
        verb.dep_ in ("ccomp", "parataxis")
        and verb.head.dep_ == "ROOT"
        and verb.head.lemma_.lower() in load_lexicon().context.speech_verbs
    )


def _weight(token: Token, record: PersonRecord) -> float:
    if _is_speaker(token, record) or _inside_noun_phrase(token):
        return 5.0
    head = syntax.name_head(token)
    if head.dep_ in ("nsubj", "nsubjpass"):
        return 80.0
    if head.dep_ == "poss" and head.head.dep_ in ("nsubj", "nsubjpass"):
        return 80.0  # "Aliev's application was turned down": the sentence is about him
    if head.dep_ in ("dobj", "dative", "poss"):
        return 50.0
    return 30.0


MAIN_PERSON_BONUS = 80.0


def _most_salient(
    salience: dict[int, float],
    main: int | None,
    records: list[PersonRecord],
    gender: str,
    barred: int | None = None,
) -> int | None:
    fitting = [
        p
        for p in salience
        if p != barred
        and (
            records[p].gender == gender
            or (records[p].gender is None and "official" not in records[p].roles)
        )
    ]  # an official's own pronoun is one the text shows agreeing with them
    if not fitting:
        return None
    return max(fitting, key=lambda p: salience[p] + (MAIN_PERSON_BONUS if p == main else 0.0))


def _is_speaker(token: Token, record: PersonRecord) -> bool:
    """Someone quoted ("Adam said", "his lawyer told reporters") is rarely who "he" means next."""
    in_office = bool(record.roles & {"counsel", "official"})
    return in_office or _according_to(token) or quoted_source(token)


def quoted_source(token: Token) -> bool:
    """ "..., police chief Sayam Boonsom said": a name that is a source of words."""
    head = syntax.name_head(token)
    return head.dep_ == "nsubj" and syntax.lemma(head.head) in load_lexicon().context.speech_verbs


def _according_to(token: Token) -> bool:
    """ "According to his brother Turpal, guards refused him entry": a source, not "him"."""
    head = syntax.name_head(token)
    return head.dep_ == "pobj" and head.head.lower_ == "to" and head.head.head.lower_ == "according"


def _nearest_in_sentence(
    pronoun: Token,
    token_person: dict[int, int],
    records: list[PersonRecord],
    gender: str,
    barred: int | None = None,
) -> int | None:
    """The nearest earlier name in the sentence that is not tucked inside another noun phrase.

    In "a critic of Chechen leader Ramzan Kadyrov ... denied his request", the
    "his" is the critic's, not Kadyrov's: names under "of" modify a noun and
    are rarely what a later pronoun picks up.
    """
    doc = pronoun.doc
    own = _clause_subject(pronoun)
    if pronoun.dep_ == "poss" and own is not None and own.i in token_person and own.i < pronoun.i:
        person = token_person[own.i]
        agrees = records[person].gender == gender or (
            records[person].gender is None and "official" not in records[person].roles
        )  # "the security chief X cancelled her passport": someone else's, unless shown his
        if agrees and person != barred:
            return person  # "the lawyer Volha Barysevich had her licence revoked": her own
    # "Lukashenko had pardoned him": an object pronoun is never its own clause's subject
    bound = token_person.get(own.i) if own is not None and pronoun.dep_ != "poss" else None
    for i in range(pronoun.i - 1, pronoun.sent.start - 1, -1):
        if (
            i in token_person
            and token_person[i] not in (bound, barred)
            and PRONOUN_GENDER.get(doc[i].lower_, gender) == gender  # "told her he": not her
            and not _inside_noun_phrase(doc[i])
            and not _is_counsel_mention(doc[i])
            and not records[token_person[i]].roles & {"counsel", "official"}
            and not _according_to(doc[i])
            and records[token_person[i]].gender in (None, gender)
        ):
            return token_person[i]
    return None


def _is_counsel_mention(token: Token) -> bool:
    """Lawyers speak about their clients: "Adam said he has appealed" is the client's appeal."""
    words = people_words()
    neighbours = [token.head, *token.children]
    if token.i > 0:
        neighbours.append(token.doc[token.i - 1])
    return any(words.roles.get(n.lower_) == "counsel" for n in neighbours)


def _clause_subject(pronoun: Token) -> Token | None:
    """The subject of the clause a possessive or object pronoun sits in."""
    if pronoun.dep_ not in ("poss", "dobj", "dative", "pobj"):
        return None
    verb = pronoun.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            name = child
            for c in child.children:  # "the lawyer, Volha Barysevich": the named apposition
                if c.dep_ == "appos" and c.pos_ == "PROPN":
                    name = c
            return name
    return None


def _inside_noun_phrase(token: Token) -> bool:
    head = syntax.name_head(token)
    return head.dep_ == "pobj" and head.head.head.pos_ in ("NOUN", "PROPN")


def _joined_persons(doc: Doc) -> list[Span]:
    """PERSON entities, with two that touch read as one name ("Ahmed Yousif" "Mohamed Ali")."""
    joined: list[Span] = []
    for entity in (_given_name_too(e) for e in doc.ents if e.label_ == "PERSON"):
        if joined and joined[-1].end == entity.start:
            joined[-1] = doc[joined[-1].start : entity.end]
        else:
            joined.append(entity)
    return joined


def _names_in_full(doc: Doc, names: list[Span]) -> list[Span]:
    """The full form of a surname the model tagged alone: "... the woman from China
    Sairagul Sauytbay" where only a later "Sauytbay" was called a person. The
    capitalised proper nouns right before another mention of the surname, that no
    entity claims, are the given names."""
    surnames = {span[-1].text for span in names if span[-1].text[:1].isupper()}
    found = []
    for token in doc:
        if token.text not in surnames or token.ent_type_ == "PERSON" or token.i == 0:
            continue
        given = _given_name_too(doc[token.i : token.i + 1])
        if len(given) > 1:
            found.append(given)
    return found


def _given_name_too(entity: Span) -> Span:
    """A name the model began a word late ("Noor [Hamad Al-Mansour]"): the capitalised
    proper noun before it that the parse joins to the name and no entity claims."""
    words = people_words()
    doc = entity.doc
    start = entity.start
    while start > 0:
        before = doc[start - 1]
        if not (
            before.pos_ == "PROPN"
            and before.text[:1].isupper()
            and not (before.text.isupper() and len(before.text) > 1)  # "Y Quynh Bdap", no acronym
            and before.ent_type_ == ""
            and before.i > before.sent.start  # "Qualifier Amina Zhakupova beat ...": a noun
            and not doc[before.i - 1].is_punct
            and before.dep_ == "compound"
            and entity.start <= before.head.i < entity.end
            and _key(before.text) not in words.honorifics
            and before.lower_ not in words.roles
            and before.lower_ not in words.officials
            and before.lower_ not in words.organization_words
            and country_of(before.text) is None
        ):
            break
        start -= 1
    return doc[start : entity.end]


def _only_speaking(doc: Doc, records: list[PersonRecord], token_person: dict[int, int]) -> set[int]:
    """People named only as sources ("BART spokesman Ed Alvarez says ..."), never as actors."""
    acting: set[int] = set()
    named: set[int] = set()
    for i, person in token_person.items():
        named.add(person)
        if not _is_speaker(doc[i], records[person]):
            acting.add(person)
    return named - acting


def _main_person(
    records: list[PersonRecord],
    sources: frozenset[int] | set[int] = frozenset(),
    title: str | None = None,
) -> int | None:
    """The person the article is about: the one its title names, else the most mentioned;
    not counsel, family or a mere source of quotes; earliest on ties."""
    titled = {_key(word) for word in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", title or "")}
    named = [i for i, r in enumerate(records) if r.key_tokens[-1] in titled]
    if len(named) == 1:
        return named[0]  # "Izzat Amon's son on a second prison term": the father, though kin
    if not named:  # "the girl Rahaf": a title may call the person by the given name
        named = [i for i, r in enumerate(records) if titled & set(r.key_tokens)]
        if len(named) == 1:
            return named[0]
    candidates = [
        i
        for i, r in enumerate(records)
        if not r.roles & {"counsel", "family", "official"} and i not in sources
    ] or [i for i, r in enumerate(records) if "official" not in r.roles]
    if not candidates:
        return None
    return max(candidates, key=lambda i: (records[i].mention_count, -records[i].first_token))
