"""The named members of a group an event is told of ("the eight", "both men", "the four").

Reporters tell an event once for a group ("police issued warrants for the
eight") and name its members in a list nearby ("Those named were A, B, ...").
GUIDELINES: where the article names the members, the event is one event per
member and there is no separate group event. A list counts when it names as
many people as the group's number says ("eight", "both", "the couple"); a
group without a number takes a list only from its own or the next sentence.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from casefile.extract import syntax
from casefile.extract.people import People, people_words
from casefile.extract.timex_lexicon import number_value

PAIR_WORDS = {"both": 2, "couple": 2, "pair": 2, "duo": 2}
MAX_GAP = 6  # tokens between two names of one list ("lawyer", "unionist", "and activists")
MAX_DESCRIBED_GAP = 16  # the same, when a description set off by commas comes between
SENTENCES_AROUND = 2
PRONOUN_REACH = 3  # sentences "they" looks back for the list it stands for
FAR_LIST_SIZE = 3  # a counted group this large may find its list anywhere in the article
PLURAL_PRONOUNS = frozenset({"they", "them", "their"})  # "the request for their extradition"


def group_size(group: Token) -> int | None:
    """How many people a group phrase counts: "eight activists", "the eight", "both men"."""
    words = [group, *(c for c in group.children if c.dep_ in ("nummod", "det", "predet", "amod"))]
    for word in words:
        lower = word.lower_
        if lower in PAIR_WORDS:
            return PAIR_WORDS[lower]
        if word.like_num or word.pos_ == "NUM":
            value = number_value(lower)
            # below 1000: not a year ("In 2018 prosecutors opened ...")
            if value is not None and value == int(value) and 2 <= value < 1000:
                return int(value)
    return None


def is_group(token: Token) -> bool:
    """Words for several people ("the activists", "eight persons"), a counted number
    ("the eight") or a pair word; not "judicial personnel" or "vehicles"."""
    if token.pos_ == "NUM":
        return any(c.lower_ in ("the", "all") for c in token.children)
    if token.lower_ in PLURAL_PRONOUNS:
        return True
    if token.lower_ in PAIR_WORDS:
        return True
    words = people_words()
    lemma = token.lemma_.lower()
    return token.tag_ in ("NNS", "NNPS") and (
        lemma in words.descriptors
        or lemma in words.group_nouns
        or lemma in words.roles
        or lemma in ("people", "persons")
    )


def _definite(group: Token) -> bool:
    """ "the men", "these activists", "they": a group told before, whose members may follow."""
    return group.pos_ == "PRON" or any(
        c.dep_ in ("det", "predet") and c.lower_ in ("the", "these", "those", "all")
        for c in group.children
    )


def named_members(group: Token, people: People) -> list[int]:
    """The people a nearby list names for this group, or [] when no list fits."""
    partial = _named_among(group, people)
    if partial:
        return partial  # "six activists, among them A and B": the ones it names
    size = group_size(group) or _size_told_before(group)
    if size is None and not _definite(group):
        return []  # "Many opposition members sought refuge": no list stands for them
    doc = group.doc
    sentences = syntax.sentences(doc)
    here = syntax.sentence_index(group)
    if group.pos_ == "PRON":
        return _listed_before(sentences, here, people)
    reach = SENTENCES_AROUND if size is not None else 1
    last = here if group.pos_ == "PRON" else here + reach  # "they" looks back only
    order = sorted(
        range(max(0, here - reach), min(len(sentences), last + 1)),
        key=lambda i: (abs(i - here), i < here),  # nearest first; after the group on a tie
    )
    for index in order:
        for members in _lists(sentences[index], people):
            if size is None and len(members) >= 2:
                return members
            if size is not None and (len(members) == size or size - 1 == len(members) >= 4):
                return members  # one name of a long list may be one the model missed
    if (
        size is None
        and group.pos_ == "NOUN"
        and not any(c.dep_ in ("poss", "prep", "conj") for c in group.children)
        and people_words().roles.get(group.lemma_.lower()) != "family"
    ):
        # "The same individuals had been granted refugee status", "the men were flown
        # out": a definite group told again in other words is the last list told; not
        # one that says whose it is ("his parents", "the parents and brother of X")
        return _listed_before(sentences, here, people)
    if size is None or size < FAR_LIST_SIZE:
        return []
    return _counted_list_anywhere(sentences, here, size, people)


def _counted_list_anywhere(
    sentences: list[Span], here: int, size: int, people: People
) -> list[int]:
    """ "Gunmen seized six exiles" ... five paragraphs on, "the families identified the
    missing as A; B; ...": a list of exactly as many people as the group counts is its
    members, wherever the article gives it; the nearest such list wins."""
    order = sorted(range(len(sentences)), key=lambda i: (abs(i - here), i < here))
    for index in order:
        for members in _lists(sentences[index], people):
            if len(members) == size:
                return members
    return []


def _size_told_before(group: Token) -> int | None:
    """ "six Uzbek exiles ... The exiles had fled": a definite group without a number
    counts what the same word counted when the article told it; "an investigation
    against 65 citizens, and these persons were accused": what the group just told
    counted, whatever its word."""
    if not _definite(group) or group.pos_ != "NOUN":
        return None
    sentences = syntax.sentences(group.doc)
    here = syntax.sentence_index(group)
    near = sentences[max(0, here - 1)].start
    for token in reversed(group.doc[: group.i]):
        same_word = token.lemma_ == group.lemma_ and token.tag_ == group.tag_
        if same_word or (token.i >= near and token.tag_ in ("NNS", "NNPS") and is_group(token)):
            size = group_size(token)
            if size is not None:
                return size
    return None


def _named_among(group: Token, people: People) -> list[int]:
    """ "among them A and B", "including A, B and C" right after the group: some members,
    named; each of them had the event, whatever the group's number."""
    sentence = group.sent
    opener = next(
        (t for t in sentence[group.i - sentence.start + 1 :] if t.lower_ in ("among", "including")),
        None,
    )
    if opener is None:
        return []
    rest = group.doc[opener.i + 1 : sentence.end]
    runs = _lists(rest, people)
    if runs:
        return runs[0]
    first = next((people.of(t) for t in rest if people.of(t) is not None), None)
    return [first] if first is not None else []


def listed_after(trigger: Token, people: People) -> list[int]:
    """The people a list after the trigger's colon or "including" names ("Six more
    bounties, including A, B and C"), or [] when no list of two or more follows."""
    rest = syntax.list_after(trigger)
    if rest is None:
        return []
    runs = _lists(rest, people)
    return runs[0] if runs else []


def _listed_before(sentences: list[Span], here: int, people: People) -> list[int]:
    """ "they": the members of the last list told, unless other plural subjects came
    between ("Those named were A, B and C. All live abroad. They are accused of ...")."""
    for index in range(here, max(-1, here - PRONOUN_REACH - 1), -1):
        runs = _lists(sentences[index], people)
        if runs:
            return runs[-1]
        if index != here and _other_plural_subject(sentences[index]):
            return []
    return []


def _other_plural_subject(sentence: Span) -> bool:
    """A plural subject that is not people ("the authorities", "police"): "they" may be it."""
    return any(
        t.dep_ in ("nsubj", "nsubjpass") and t.tag_ in ("NNS", "NNPS") and not is_group(t)
        for t in sentence
    )


def _lists(sentence: Span, people: People) -> list[list[int]]:
    """Runs of people named one after another, with no verb between them."""
    runs: list[list[int]] = []
    current: list[int] = []
    last_end: int | None = None
    for token in sentence:
        person = people.of(token)
        if person is None or token.pos_ != "PROPN":
            continue
        if current and _in_brackets(token, sentence):
            last_end = token.i  # "Law Kwun-chung (Nathan Law)": one person, two spellings
            continue
        if person in current and last_end is not None and token.i - last_end <= 1:
            last_end = token.i
            continue  # the rest of the same name
        gap = sentence.doc[last_end + 1 : token.i] if last_end is not None else None
        if gap is not None and _ends_list(gap):
            runs.append(current)
            current = []
        if person not in current:
            current.append(person)
        last_end = token.i
    runs.append(current)
    return [run for run in runs if len(run) >= 2]


def _ends_list(gap: Span) -> bool:
    """Words between two names that a list does not have: a verb, or a long stretch that
    is not a description set off by commas ("A, a teacher at a village school, and his
    son B")."""
    if any(t.pos_ in ("VERB", "AUX") for t in gap):
        return True
    if len(gap) <= MAX_GAP:
        return False
    return len(gap) > MAX_DESCRIBED_GAP or not any(t.text in (",", ";") for t in gap)


def _in_brackets(token: Token, sentence: Span) -> bool:
    for before in reversed(sentence.doc[sentence.start : token.i]):
        if before.text == ")":
            return False
        if before.text == "(":
            return True
    return False


# "three of the five", "some of them": part of a group, not all of it. "all of
# them", "both of the men", "each of the four" are the whole group.
PART_WORDS = {"some", "several", "many", "most", "few", "none", "one", "two", "others"}
WHOLE_WORDS = {"all", "both", "each", "every"}


def partitive(token: Token) -> Token | None:
    """The group a quantity is taken from ("Three of the seven", "two of them"), or None."""
    if not (token.pos_ == "NUM" or token.lower_ in PART_WORDS | WHOLE_WORDS):
        return None
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    whole = syntax.child(of, "pobj") if of is not None else None
    if whole is None or not (is_group(whole) or whole.pos_ == "NUM"):
        return None
    return whole


def is_whole(token: Token) -> bool:
    """ "all of them", "both of the men": every member, unlike "three of the seven"."""
    return token.lower_ in WHOLE_WORDS


def partitive_phrase(token: Token) -> str:
    """ "Three of the seven": the group subject GUIDELINES asks for when the members
    the part stands for are not named."""
    return token.doc[token.i : token.right_edge.i + 1].text


def group_in_phrase(trigger: Token) -> Token | None:
    """The group an event noun or verb names through a preposition: "warrants for the eight"."""
    heads = [trigger]
    if trigger.dep_ in ("dobj", "nsubjpass"):
        heads.append(trigger.head)  # "issued arrest warrants for the two": on the verb
    for c in (c for head in heads for c in head.children):
        if c.dep_ == "prep" and c.lower_ in ("for", "of", "against", "on"):
            obj = syntax.child(c, "pobj")
            if obj is not None and is_group(obj):
                return obj
    return None
