"""The trigger lexicon (`data/events.yaml`) read into typed rules.

The YAML is for people; these classes are for the extractor. Each trigger
rule names the event type it makes and the rule id reported on every event
(`arrest/verb`, `hearing/noun`), so an analyst can see why an event exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

import yaml

from casefile.model import EVENT_TYPES


@dataclass(frozen=True)
class TriggerRule:
    type: str
    kind: Literal["verb", "noun", "phrase", "adjective"]
    lemmas: frozenset[str]
    phrase: tuple[str, ...] = ()
    with_any: frozenset[str] = frozenset()  # one of these must be near the trigger
    without: frozenset[str] = frozenset()  # none of these may be near the trigger
    required: frozenset[str] = frozenset()  # all of these must be near the trigger
    governed_by: frozenset[str] = frozenset()  # the noun's governing verb must be one of these
    # a noun named only as what these penalties would be for ("faces ten years on the
    # charge") is implied by the penalty, not reported (GUIDELINES: implied is optional)
    not_reason_for: frozenset[str] = frozenset()
    person: Literal["object", "subject"] = "object"
    flags: frozenset[str] = frozenset()
    outcome: str | None = None  # for decisions a noun states ("had asylum-seeker status")

    @property
    def rule_id(self) -> str:
        return f"{self.type}/{self.kind}"


@dataclass(frozen=True)
class Context:
    hedges: tuple[str, ...]
    blockers: frozenset[str]
    verb_blockers: frozenset[str]
    modals: frozenset[str]
    future: frozenset[str]
    schedule_verbs: frozenset[str]
    postpone_verbs: frozenset[str]
    cancel_verbs: frozenset[str]
    realized_infinitive_heads: frozenset[str]
    speech_verbs: frozenset[str]
    institutions: frozenset[str] = frozenset()
    attending_verbs: frozenset[str] = frozenset()
    session_verbs: frozenset[str] = frozenset()
    session_nouns: frozenset[str] = frozenset()


@dataclass(frozen=True)
class StoryRules:
    """How event types behave across one story (the `story` table of events.yaml)."""

    once_per_story: frozenset[str] = frozenset()
    told_once: frozenset[str] = frozenset()
    verdicts: frozenset[str] = frozenset()
    for_the_client: frozenset[str] = frozenset()
    asked_for: frozenset[str] = frozenset()
    international_acts: frozenset[str] = frozenset()
    raids: frozenset[str] = frozenset()
    crowds: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Lexicon:
    rules: tuple[TriggerRule, ...]
    decision_verbs: dict[str, str]  # verb lemma -> outcome
    decision_topics: dict[str, str]  # topic lemma -> event type
    asylum_outcomes: dict[str, str]
    decision_nouns: dict[str, str]
    international_agents: tuple[tuple[str, ...], ...]
    international_verbs: frozenset[str]
    context: Context
    possessed_objects: dict[str, frozenset[str]]
    measures: frozenset[str]
    story: StoryRules = StoryRules()
    # Nouns a topic word may modify without the decision being about anyone's case
    # ("suspended their extradition treaties").
    decision_not_about: frozenset[str] = frozenset()
    # Nouns that, with "the", stand for an international body named just before
    # ("the Court", "the agency", "the Committee").
    international_anaphors: frozenset[str] = frozenset()
    # Nouns of a body's acts, the body named in them ("a request from UN experts",
    # "mediation by the EU Monitoring Mission", "the Court's interim measure").
    international_acts: frozenset[str] = frozenset()

    def possessed(self, event_type: str) -> frozenset[str]:
        """Nouns whose possessor is the event's subject ("revoked her licence")."""
        return self.possessed_objects.get("any", frozenset()) | self.possessed_objects.get(
            event_type, frozenset()
        )

    def verb_rules(self, lemma: str) -> list[TriggerRule]:
        return [r for r in self.rules if r.kind in ("verb", "adjective") and lemma in r.lemmas]

    def noun_rules(self, lemma: str) -> list[TriggerRule]:
        return [r for r in self.rules if r.kind == "noun" and lemma in r.lemmas]

    def verb_person(self, event_type: str) -> str:
        """Whether a type's verbs mostly take their person as subject ("fled") or object."""
        verbs = [r.person for r in self.rules if r.type == event_type and r.kind == "verb"]
        return "subject" if verbs.count("subject") > verbs.count("object") else "object"

    def phrase_rules(self) -> list[TriggerRule]:
        return [r for r in self.rules if r.kind == "phrase"]


_FLAG_KEYS = (
    "dated_only",
    "not_describing",
    "only_occurred",
    "requires_past",
    "fatal_only",
    "organizations",
    "needs_place",
    "agents_required",
    "fallback_main",
    "authority_agent",
    "animate_agent",
    "attempts_count",
    "not_a_plea",
    "state",
    "by_a_state",
    "authority_only",
    "active_only",
    "done_to",
    "negated_only",
)


def _words(values: Any) -> frozenset[str]:
    return frozenset(_word(v).lower() for v in (values or ()))


def _story_rules(table: dict[str, Any]) -> StoryRules:
    known = set(StoryRules.__dataclass_fields__)
    unknown = set(table) - known
    if unknown:
        raise ValueError(f"events.yaml: story: unknown key {sorted(unknown)[0]!r}")
    return StoryRules(**{key: _types(values) for key, values in table.items()})


def _types(values: Any) -> frozenset[str]:
    """Event type names, each one casefile knows: a typo would silently change nothing."""
    types = _words(values)
    unknown = types - set(EVENT_TYPES)
    if unknown:
        raise ValueError(f"events.yaml: {sorted(unknown)[0]!r} is not an event type")
    return types


def _word(value: Any) -> str:
    """YAML reads a bare on/off/yes/no as a boolean; in a word list that is a typo to report."""
    if not isinstance(value, str):
        raise ValueError(f'events.yaml: {value!r} is not a word; quote it ("on", "no")')
    return value


# The keys a rule may have besides its flags: anything else is a typo to report.
_RULE_KEYS = {
    "lemmas",
    "with",
    "with_context",
    "not_with",
    "requires_all",
    "governed_by",
    "not_reason_for",
    "person",
    "outcome",
}


def _rule(event_type: str, kind: str, entry: dict[str, Any]) -> TriggerRule:
    unknown = set(entry) - _RULE_KEYS - set(_FLAG_KEYS)
    if unknown:
        raise ValueError(f"events.yaml: {event_type} {kind}: unknown key {sorted(unknown)[0]!r}")
    flags = {key for key in _FLAG_KEYS if entry.get(key)}
    if entry.get("with_context"):
        flags.add("with_context")
    return TriggerRule(
        type=event_type,
        kind=kind,  # type: ignore[arg-type]
        lemmas=_words(entry.get("lemmas")),
        with_any=_words(entry.get("with")) | _words(entry.get("with_context")),
        without=_words(entry.get("not_with")),
        required=_words(entry.get("requires_all")),
        governed_by=_words(entry.get("governed_by")),
        not_reason_for=_words(entry.get("not_reason_for")),
        person="subject" if entry.get("person") == "subject" else "object",
        flags=frozenset(flags),
        outcome=entry.get("outcome"),
    )


def parse_lexicon(data: dict[str, Any]) -> Lexicon:
    """Build the rules from the YAML structure (separate from loading, for tests)."""
    rules: list[TriggerRule] = []
    international_agents: tuple[tuple[str, ...], ...] = ()
    international_verbs: frozenset[str] = frozenset()
    international_anaphors: frozenset[str] = frozenset()
    international_acts: frozenset[str] = frozenset()
    for event_type in EVENT_TYPES:
        spec = data.get(event_type) or {}
        if event_type == "international_action":
            international_agents = tuple(
                tuple(_word(word) for word in agent) for agent in spec.get("agents", ())
            )
            international_verbs = frozenset(
                lemma for entry in spec.get("verbs", ()) for lemma in entry["lemmas"]
            )
            international_anaphors = _words(spec.get("anaphors"))
            international_acts = _words(spec.get("act_nouns"))
            for kind, key in (("verb", "object_verbs"), ("noun", "nouns")):
                rules += [_rule(event_type, kind, entry) for entry in spec.get(key, ())]
            for words in spec.get("phrases", ()):
                rules.append(
                    TriggerRule(
                        event_type, "phrase", frozenset(), phrase=tuple(w.lower() for w in words)
                    )
                )
            continue
        for kind, key in (("verb", "verbs"), ("noun", "nouns"), ("adjective", "adjectives")):
            rules += [_rule(event_type, kind, entry) for entry in spec.get(key, ())]
        for words in spec.get("phrases", ()):
            rules.append(
                TriggerRule(
                    event_type, "phrase", frozenset(), phrase=tuple(w.lower() for w in words)
                )
            )
    decisions = data["decisions"]
    context = data["context"]
    return Lexicon(
        rules=tuple(rules),
        decision_verbs=dict(decisions["verbs"]),
        decision_topics=dict(decisions["topics"]),
        asylum_outcomes=dict(decisions.get("asylum_outcomes", {})),
        decision_nouns=dict(decisions.get("nouns", {})),
        decision_not_about=_words(decisions.get("not_about")),
        international_agents=international_agents,
        international_verbs=international_verbs,
        international_anaphors=international_anaphors,
        international_acts=international_acts,
        measures=_words(data.get("measures")),
        story=_story_rules(data.get("story") or {}),
        possessed_objects={
            key: _words(values) for key, values in (data.get("possessed_objects") or {}).items()
        },
        context=Context(
            hedges=tuple(h.lower() for h in context["hedges"]),
            blockers=_words(context["blockers"]),
            verb_blockers=_words(context["verb_blockers"]),
            modals=_words(context["modals"]),
            future=_words(context["future"]),
            schedule_verbs=_words(context["schedule_verbs"]),
            postpone_verbs=_words(context["postpone_verbs"]),
            cancel_verbs=_words(context["cancel_verbs"]),
            realized_infinitive_heads=_words(context["realized_infinitive_heads"]),
            speech_verbs=_words(context["speech_verbs"]),
            institutions=_words(context.get("institutions")),
            attending_verbs=_words(context.get("attending_verbs")),
            session_verbs=_words(context.get("session_verbs")),
            session_nouns=_words(context.get("session_nouns")),
        ),
    )


@lru_cache(maxsize=1)
def events_data() -> dict[str, Any]:
    """`data/events.yaml` as parsed YAML, read once for the lexicon and the prefilter."""
    return yaml.safe_load(resources.files("casefile.data").joinpath("events.yaml").read_text())


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    return parse_lexicon(events_data())


# The data files the extractor reads: editing any of them changes what it extracts.
EXTRACTOR_DATA = (
    "events.yaml",
    "people.yaml",
    "countries.yaml",
    "timex.yaml",
    "event_classifier.json",
)


def lexicon_version() -> str:
    """A short hash of the extractor's data files: re-extraction records which rules
    produced an event, and an edit to any of them makes stored extractions stale."""
    import hashlib

    digest = hashlib.sha256()
    for name in EXTRACTOR_DATA:
        digest.update(resources.files("casefile.data").joinpath(name).read_bytes())
    return digest.hexdigest()[:8]
