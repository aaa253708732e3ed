"""The trigger lexicon is data: it must load, and its typos must be caught, not swallowed."""

import pytest
import yaml

from casefile.extract.lexicon import load_lexicon, parse_lexicon
from casefile.model import EVENT_TYPES


def test_the_shipped_lexicon_has_triggers_for_every_event_type():
    lexicon = load_lexicon()
    covered = {rule.type for rule in lexicon.rules} | {"international_action"}
    covered |= set(lexicon.decision_topics.values())

    assert covered == set(EVENT_TYPES)


def test_a_bare_yaml_boolean_in_a_word_list_is_reported():
    # YAML reads a bare `on` as True; a lexicon that silently matched "true" would lose the rule.
    data = yaml.safe_load(
        """
        wanted:
          adjectives:
            - lemmas: [wanted]
              with: [on, in]
        decisions: {verbs: {}, topics: {}}
        context: {hedges: [], blockers: [], verb_blockers: [], modals: [], future: [],
                  schedule_verbs: [], postpone_verbs: [], cancel_verbs: [],
                  realized_infinitive_heads: [], speech_verbs: []}
        """
    )

    with pytest.raises(ValueError, match="quote it"):
        parse_lexicon(data)


def test_an_unknown_key_in_a_rule_is_reported():
    # A misspelt condition ("requires_al") would otherwise be ignored and the rule fire freely.
    data = yaml.safe_load(
        """
        wanted:
          verbs:
            - lemmas: [put]
              with: [list]
              requires_al: [wanted]
        decisions: {verbs: {}, topics: {}}
        context: {hedges: [], blockers: [], verb_blockers: [], modals: [], future: [],
                  schedule_verbs: [], postpone_verbs: [], cancel_verbs: [],
                  realized_infinitive_heads: [], speech_verbs: []}
        """
    )

    with pytest.raises(ValueError, match="unknown key 'requires_al'"):
        parse_lexicon(data)


def test_an_unknown_event_type_in_the_story_table_is_reported():
    data = yaml.safe_load(
        """
        story:
          told_once: [abduction, deaht]
        decisions: {verbs: {}, topics: {}}
        context: {hedges: [], blockers: [], verb_blockers: [], modals: [], future: [],
                  schedule_verbs: [], postpone_verbs: [], cancel_verbs: [],
                  realized_infinitive_heads: [], speech_verbs: []}
        """
    )

    with pytest.raises(ValueError, match="'deaht' is not an event type"):
        parse_lexicon(data)


def test_the_shipped_story_table_reads_as_the_rules_expect():
    story = load_lexicon().story

    assert "abduction" in story.told_once
    assert {"sentence", "acquittal"} <= story.verdicts
    assert "hearing" in story.for_the_client
