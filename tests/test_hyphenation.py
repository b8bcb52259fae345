"""The compact tables that keep the server small give the libraries' own answers."""

from __future__ import annotations

import pyphen
import pytest
from langdetect import detector_factory
from langdetect.detector_factory import DetectorFactory

from newsbadge import language
from newsbadge.hyphenation import CompactHyphDict, hyphenator
from newsbadge.readability import READABILITY_LANGUAGES


@pytest.mark.parametrize("lang", sorted(READABILITY_LANGUAGES))
def test_compact_dictionary_is_pyphens_entry_for_entry(lang):
    path = pyphen.LANGUAGES[pyphen.language_fallback(lang)]
    compact, original = CompactHyphDict(path), pyphen.HyphDict(path)
    assert compact.patterns == original.patterns
    assert list(compact.patterns) == list(original.patterns)
    assert compact.maxlen == original.maxlen
    for word in ["international", "Wahrscheinlichkeit", "responsabilità", "anticonstitution"]:
        assert compact.positions(word) == original.positions(word)


def test_hyphenator_hyphenates_as_pyphen_does():
    words = ["Geschwindigkeitsbegrenzung", "extraordinary", "incomprehensible"]
    ours, theirs = hyphenator("de_DE"), pyphen.Pyphen(lang="de_DE")
    assert [ours.inserted(w) for w in words] == [theirs.inserted(w) for w in words]


def test_sparse_profiles_hold_langdetects_probabilities():
    reference = DetectorFactory()
    reference.load_profile(detector_factory.PROFILES_DIRECTORY)
    ours = detector_factory._factory
    assert ours.langlist == reference.langlist
    assert set(ours.word_lang_prob_map) == set(reference.word_lang_prob_map)
    for word in list(reference.word_lang_prob_map)[::97]:
        assert ours.word_lang_prob_map[word] == reference.word_lang_prob_map[word]
    assert isinstance(ours.word_lang_prob_map, language.SparseProbabilities)
