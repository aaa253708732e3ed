"""Whether two spellings name the same person, across articles and alphabets.

Outlets spell one name many ways: "Mansur Movlayev", "Movlaev", "Мовлаев",
"M. Movlayev". Grouping them is what turns scattered reports into one case
file; grouping two different people is worse than missing a variant (a
stranger's extradition on someone's file), so every rule here is
conservative:

1. equal keys (transliterated, lowercased, punctuation stripped);
2. one name inside the other, in order, with the same surname
   ("Movlayev" joins "Mansur Movlayev"; a bare first name "Mansur" does not);
3. surnames within a small edit distance after folding common
   transliteration variants (Movlayev ~ Movlaev, Yemelyanova ~ Emelyanova),
   and only when the given names do not conflict ("Anna Petrova" and
   "Maria Petrova" stay apart; "Aleksandr" and "Alexander" agree);
4. the same three or more words in another order, after folding ("Ahmed
   Jaffar Ali" ~ "Ali Ahmed Jaafar": outlets order Arabic and Chinese names
   differently; two words are too few to tell a reordering from two people);
5. a chain name cut after the father's name: "Salma Ahmed" is "Salma Ahmed
   Fahd al-Rashidi" when its last word is a known given name
   (`data/names.yaml`): Arabic outlets name a person by given name and
   father's name, and leave out the family name.

Descriptions written without a capital ("opposition politicians", "three
men") are not names: two of them match only when their keys are equal.

Feminine and masculine forms of a surname (Petrov/Petrova) are never
treated as spelling variants: they are usually two relatives.

Weaker relations are not matches by themselves; person resolution
(`cases.resolve`) uses them only where the context of the articles agrees:
`swapped` (two words in the other order: "Lim Kimya" / "Kimya Lim", which
may be one name written in two orders or two people), `acronym_of`
("CNRP" for "Cambodia National Rescue Party") and `relative_of` ("Ng's
father" for "Ng Chun-kit": a relative an article names only through someone
else). A Western given name and a Chinese name written surname first ("Tommy
Ng", "Ng Wai-lok") are not related here: tried on dev-b, the context joined a
father to his daughter's Western name as often as it found the right pair.

Pure functions, no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from anyascii import anyascii
from rapidfuzz.distance import Levenshtein

_NOT_WORD = re.compile(r"[^a-z0-9\s-]+")
_SEPARATORS = re.compile(r"[\s-]+")
_DOUBLED = re.compile(r"(.)\1+")

# Spelling variants of one sound across transliteration systems (Russian,
# Kazakh, Tajik, Uyghur names written by English, French, German outlets).
# Applied in order, to both names, only when comparing surnames and given
# names; the stored key keeps the spelling as written.
_FOLDS: tuple[tuple[str, str], ...] = (
    ("dzh", "j"),
    ("kh", "h"),
    ("ck", "k"),
    ("ph", "f"),
    ("x", "ks"),
    ("q", "k"),
    ("w", "v"),
    ("ou", "u"),
    ("j", "y"),
    ("y", "i"),
)


@lru_cache(maxsize=1 << 16)  # called for every pair compared; names repeat
def name_key(name: str) -> str:
    """The comparable form of a name: ASCII, lowercase, words only.

    "Мовлаев" -> "movlaev", "O’Brien" -> "obrien", "Jean-Luc  Picard" ->
    "jean luc picard". Apostrophes vanish (they are often transliterated soft
    signs: "Dar'ya"), hyphens separate words.
    """
    ascii_name = anyascii(name).lower()
    words = _NOT_WORD.sub("", ascii_name)
    return " ".join(token for token in _SEPARATORS.split(words) if token)


def name_tokens(name: str) -> list[str]:
    """The words of a name's key, in order: the last one is taken as the surname."""
    return name_key(name).split()


@dataclass(frozen=True)
class NameForms:
    """`data/names.yaml`, loaded: particles, joined given names, transliteration pairs."""

    joined: frozenset[str]  # words joined to the next one ("al", "abdel")
    variant_of: dict[str, str]  # a given name's spelling -> the one compared
    given: frozenset[str]  # given names, as compared ("muhammad"): a father's name in a chain
    kin: frozenset[str]  # "father", "wife": "Anna Ng's father" is a relative
    group_first: frozenset[str]  # "Three activists"
    organization_last: frozenset[str]  # "The Pahonia Rights Centre"


@lru_cache(maxsize=1)
def name_forms() -> NameForms:
    text = resources.files("casefile.data").joinpath("names.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    variant_of = {spelling: group[0] for group in data["given_name_variants"] for spelling in group}
    return NameForms(
        frozenset(data["particles"]) | frozenset(data["joined_given_names"]),
        variant_of,
        frozenset(variant_of.values()) | frozenset(data["father_names"]),
        frozenset(data["kin_words"]),
        frozenset(data["group_first_words"]),
        frozenset(data["organization_last_words"]),
    )


@lru_cache(maxsize=1 << 16)  # asked of every subject of every article a resolution reads
def kind_of_name(name: str) -> str | None:
    """ "group" for "Three activists", "organization" for "The Pahonia Rights Centre",
    else None (the name says nothing: a person's, most likely)."""
    tokens = name_tokens(name)
    if not tokens or relative_named(name) is not None:  # "the son of the late Okoro": one person
        return None
    forms = name_forms()
    if tokens[0] in forms.group_first or is_description(name):
        return "group"
    if len(tokens) > 1 and tokens[-1] in forms.organization_last:
        return "organization"
    return None


@lru_cache(maxsize=1 << 16)
def comparable_tokens(name: str) -> list[str]:
    """A name's words as compared: "al-Qunun", "AlQunun" and "Al Qunun" give "alqunun";
    "Abdel Karim" and "Abdelkarim" give "abdelkarim"; "Mohamed" gives "muhammad"
    (`data/names.yaml`). The stored key (`name_key`) keeps the spelling as written."""
    forms = name_forms()
    tokens = name_tokens(name)
    found: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token in forms.joined and i + 1 < len(tokens):
            token, i = token + tokens[i + 1], i + 1
        found.append(forms.variant_of.get(token, token))
        i += 1
    return found


@lru_cache(maxsize=1 << 16)
def fold(token: str) -> str:
    """A token with transliteration variants folded together (for fuzzy comparison only).

    "yemelyanova" and "emelyanova" -> "emelianova"; "alexander" ->
    "aleksander"; "yuriy", "yurii", "yury" -> "iuri".
    """
    if token.startswith(("ye", "ie")):
        token = token[1:]
    for old, new in _FOLDS:
        token = token.replace(old, new)
    return _DOUBLED.sub(r"\1", token)


def _allowed_distance(a: str, b: str) -> int:
    """Edits tolerated between two folded tokens: none for short ones, more for long ones."""
    shorter = min(len(a), len(b))
    if shorter <= 4:
        return 0
    if shorter <= 7:
        return 1
    return 2


def _gender_pair(a: str, b: str) -> bool:
    """True for a masculine/feminine pair like petrov/petrova, aleksandr/aleksandra."""
    return a.endswith("a") != b.endswith("a") and abs(len(a) - len(b)) <= 3


def similar_tokens(a: str, b: str) -> bool:
    """Whether two name tokens are spelling variants of one another."""
    if a == b:
        return True
    folded_a, folded_b = fold(a), fold(b)
    if folded_a == folded_b:
        return True
    if _gender_pair(folded_a, folded_b):
        return False
    distance = Levenshtein.distance(folded_a, folded_b)
    return distance <= _allowed_distance(folded_a, folded_b)


def _given_names_compatible(a: str, b: str) -> bool:
    """Given names agree: equal, variants, or one is the other's initial ("M." and "Mansur")."""
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return similar_tokens(a, b)


def _contains(smaller: list[str], larger: list[str]) -> bool:
    """The smaller name is the larger one with words left out, in order, surname kept.

    "Movlayev" and "Mansur Movlayev" are in "Mansur Aliyevich Movlayev", and
    "Mohamed Ali" in "Ahmed Jaffar Mohammed Ali" (spelling variants folded);
    "Mohamed Ali" is not in "Ali Ahmed Jaafar Mohamed" (a reordering is
    `_reordered`'s question, and needs every word).
    """
    smaller, larger = [fold(t) for t in smaller], [fold(t) for t in larger]
    if len(smaller) >= len(larger) or smaller[-1] != larger[-1]:
        return False
    words = iter(larger)
    return all(token in words for token in smaller)


def _chain_prefix(smaller: list[str], larger: list[str]) -> bool:
    """The smaller name is the start of the larger one and ends in a given name (a father's):
    "Salma Ahmed" in "Salma Ahmed Fahd al-Rashidi", not "Salma Rashidi" in it (`_contains`'s)."""
    if len(smaller) < 2 or len(larger) <= len(smaller) or smaller[-1] not in name_forms().given:
        return False
    return [fold(t) for t in smaller] == [fold(t) for t in larger[: len(smaller)]]


def chain_start(a: str, b: str) -> bool:
    """One name is the other cut after the father's name ("Salma Ahmed", "Salma Ahmed Fahd
    al-Rashidi"): `same_person`, but resolution wants the context to agree, since a two-word
    "Mohamed Ali" is many people."""
    tokens_a, tokens_b = comparable_tokens(a), comparable_tokens(b)
    return _chain_prefix(tokens_a, tokens_b) or _chain_prefix(tokens_b, tokens_a)


def _is_description(name: str) -> bool:
    """Written without any capital: a description of a group, not a name."""
    ascii_name = anyascii(name)
    return ascii_name == ascii_name.lower()


def _reordered(a: list[str], b: list[str]) -> bool:
    """The same three or more words, in another order, spelling variants folded."""
    return len(a) == len(b) >= 3 and sorted(map(fold, a)) == sorted(map(fold, b))


@lru_cache(maxsize=1 << 18)  # resolution asks it of the same names (a lawyer's) many times
def same_person(a: str, b: str) -> bool:
    """Whether two names, as written, refer to the same person. Precision before recall."""
    tokens_a, tokens_b = comparable_tokens(a), comparable_tokens(b)
    if not tokens_a or not tokens_b:
        return False
    if tokens_a == tokens_b:
        return True
    if (relative_named(a) is None) != (relative_named(b) is None):
        return False  # "the son of the late Femi Okoro" holds a name, but not his own
    if _is_description(a) and _is_description(b):
        return False
    if _contains(tokens_a, tokens_b) or _contains(tokens_b, tokens_a):
        return True
    if _reordered(tokens_a, tokens_b):
        return True
    if _chain_prefix(tokens_a, tokens_b) or _chain_prefix(tokens_b, tokens_a):
        return True
    if not similar_tokens(tokens_a[-1], tokens_b[-1]):
        return False
    if len(tokens_a) == 1 or len(tokens_b) == 1:
        return True
    return _given_names_compatible(tokens_a[0], tokens_b[0])


def names_conflict(a: str, b: str) -> bool:
    """Two full names with the same surname but different given names: two relatives.

    "Aslan Movlayev" conflicts with "Mansur Movlayev", so a person known by
    that name must not take him in even though "Movlayev" alone would match.
    """
    tokens_a, tokens_b = comparable_tokens(a), comparable_tokens(b)
    if len(tokens_a) < 2 or len(tokens_b) < 2 or same_person(a, b):
        return False
    if relative_named(a) is not None or relative_named(b) is not None:
        return False  # "the son of the late Femi Okoro" is no Okoro's given name
    first_a, first_b = surname_first(a), surname_first(b)
    if first_a is not None and first_b is not None:  # "Ng Wai-lok", "Ng Mei-ling"
        return similar_tokens(first_a, first_b)
    return similar_tokens(tokens_a[-1], tokens_b[-1])


def match_strength(a: str, b: str) -> int:
    """How strongly two names match: 3 equal keys, 2 one contains the other, 1 variant, 0 none.

    Used to choose between several people a name could join: an exact
    spelling beats a variant.
    """
    tokens_a, tokens_b = comparable_tokens(a), comparable_tokens(b)
    if not tokens_a or not tokens_b:
        return 0
    if tokens_a == tokens_b:
        return 3
    if _contains(tokens_a, tokens_b) or _contains(tokens_b, tokens_a):
        return 2
    return 1 if same_person(a, b) else 0


# Small words an acronym leaves out ("Committee for the Protection of ...").
_ACRONYM_SKIPS = frozenset({"of", "the", "for", "and", "in", "on", "de", "du", "des", "la", "le"})


def acronym_of(short: str, long: str) -> bool:
    """Whether `short`, written in capitals, is the initials of `long` ("CNRP").

    Three letters at least and three words at least: "KGB" may stand for
    many things, but not for a two-word name.
    """
    letters = short.strip().replace(".", "")
    if len(letters) < 3 or not letters.isalpha() or not letters.isupper():
        return False
    words = [w for w in name_tokens(long) if w not in _ACRONYM_SKIPS]
    return len(words) >= 3 and "".join(w[0] for w in words) == letters.lower()


def swapped(a: str, b: str) -> bool:
    """Two two-word names with their words in the other order, variants folded."""
    tokens_a, tokens_b = comparable_tokens(a), comparable_tokens(b)
    if len(tokens_a) != 2 or len(tokens_b) != 2 or _is_description(a) or _is_description(b):
        return False
    return similar_tokens(tokens_a[0], tokens_b[1]) and similar_tokens(tokens_a[1], tokens_b[0])


_SURNAME_FIRST = re.compile(r"^(\S+)\s+[A-Z][a-z]+-[a-z]+$")
_RELATIVE = re.compile(r"^(?P<anchor>.+?)['’]s?\s+(?:[\w-]+\s+){0,2}?(?P<kin>[\w-]+)$")
_RELATIVE_OF = re.compile(
    r"^(?:(?:the|a|an|his|her|their)\s+)?(?:[\w-]+\s+){0,2}?(?P<kin>[\w-]+)\s+of\s+"
    r"(?:the\s+late\s+|late\s+)?(?P<anchor>[A-Z\u00c0-\uffff].*)$"
)


@lru_cache(maxsize=1 << 16)
def surname_first(name: str) -> str | None:
    """The surname of a name written surname first with a hyphenated given name ("Ng" of
    "Ng Wai-lok", as Hong Kong and Korean names are romanised), else None."""
    found = _SURNAME_FIRST.match(anyascii(name).strip())
    return name_key(found.group(1)) if found and name_key(found.group(1)) else None


def surname(name: str) -> str:
    """The family name as compared: the first word of a surname-first name, else the last."""
    first = surname_first(name)
    tokens = comparable_tokens(name)
    return first if first is not None else (tokens[-1] if tokens else "")


@lru_cache(maxsize=1 << 16)
def relative_named(name: str) -> tuple[str, str] | None:
    """("Anna Ng", "father") for "Anna Ng's father", ("Okoro", "son") for "Okoro's teenage
    son" or "the son of the late Okoro": a person named only as someone's relative
    (`data/names.yaml` kin words)."""
    found = _RELATIVE.match(name.strip()) or _RELATIVE_OF.match(name.strip())
    if not found or found.group("kin").lower() not in name_forms().kin:
        return None
    anchor = found.group("anchor")
    return (anchor, found.group("kin").lower()) if name_key(anchor) else None


def relative_of(description: str, name: str) -> bool:
    """A relative named through someone ("Okoro's son") and a full name ("Chidi Okoro") of
    the anchor's family: same surname (or its feminine form), and not the anchor. Never a
    match alone: which relative it is, only the context can tell."""
    found = relative_named(description)
    if found is None or relative_named(name) is not None or is_partial(name):
        return False
    anchor = found[0]
    if _is_description(name) or (not is_partial(anchor) and same_person(anchor, name)):
        return False
    ours, theirs = fold(surname(anchor)), fold(surname(name))
    return bool(ours and theirs) and (similar_tokens(ours, theirs) or _gender_pair(ours, theirs))


@lru_cache(maxsize=1 << 16)
def is_partial(name: str) -> bool:
    """A surname alone or with initials ("Movlayev", "M. Movlayev"): it could be several people."""
    tokens = name_tokens(name)
    return len(tokens) == 1 or all(len(token) == 1 for token in tokens[:-1])


def is_description(name: str) -> bool:
    """A description of a group, not a name: no capital at all ("three men"), a lowercase
    first word or a number ("over 300 Uighurs", "three Russian activists").
    """
    stripped = anyascii(name).strip()
    return _is_description(name) or stripped[:1].islower() or any(c.isdigit() for c in stripped)
