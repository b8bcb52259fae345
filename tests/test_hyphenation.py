"""The compact tables that keep the server small give the libraries' own answers."""

from __future__ import annotations

import pyphen
import pytest
from langdetect import detector_factory
from langdetect.detector_factory import DetectorFactory

from newsbadge import hyphenation, language
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


def test_word_cache_is_bounded_and_answers_the_same(monkeypatch):
    monkeypatch.setattr(hyphenation, "MAX_CACHED_WORDS", 3)
    path = pyphen.LANGUAGES[pyphen.language_fallback("en")]
    compact, original = CompactHyphDict(path), pyphen.HyphDict(path)
    words = ["international", "hyphenation", "dictionary", "wonderful", "international"] * 2
    assert [compact.positions(w) for w in words] == [original.positions(w) for w in words]
    assert 1 <= len(compact.cache) <= 3


def test_shared_stoplist_is_the_one_justext_would_build_for_trafilatura(monkeypatch):
    from justext import core
    from trafilatura import external

    from newsbadge.contamination import stoplist

    stoplist.share()
    shared = core.define_stoplist.shared
    assert external.JT_STOPLIST is shared and core.define_stoplist(shared) is shared
    monkeypatch.setattr(external, "JT_STOPLIST", shared)  # jt_stoplist_init replaces it
    # justext.core.define_stoplist's own body, on trafilatura's own union of the stoplists
    assert shared == frozenset(word.lower() for word in external.jt_stoplist_init())
    assert core.define_stoplist(("The", "OF")) == frozenset({"the", "of"})
