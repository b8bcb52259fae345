"""Language identification: a function-word shortcut for clear English, langdetect for the rest.

langdetect (a port of Google's language-detection library) is the detector. Two of its habits
matter to a server: its answers are random unless seeded, and its first call loads 55 language
profiles (~0.4 s). Importing this module seeds it and loads the profiles, so a preloading server
pays once at start-up, into a sparse table (`SparseProbabilities`: the same probabilities in a
sixth of langdetect's memory); and it reads a bounded sample, since its cost grows with the text.

Even bounded, langdetect costs 1.5-2 ms a page, the largest single stage of a report. Most pages
sent to us are plainly English, and English prose is a third function words ("the", "of", "was")
that other languages do not use: where they make up a large share of the sample, we answer "en"
without running langdetect (see FAST_PATH_SHARE for how the cut was measured).
"""

from __future__ import annotations

import json
import os
import re
import struct
from pathlib import Path

from langdetect import DetectorFactory, detector_factory
from langdetect.lang_detect_exception import LangDetectException

from . import datafiles, tablecache
from .text import WORD_CHAR

# The sample's size and the number of trials bound langdetect's cost. Measured on the seed page:
# 8 ms over the whole text with its default 7 trials; 2.5 ms over 500 characters (about 85 words,
# plenty for one language); 1.5 ms with 3 trials, with the same answer at probability > 0.9999.
SAMPLE_CHARS = 500
TRIALS = 3
# Below this many letters langdetect guesses; we report "und" (undetermined) instead.
MIN_LETTERS = 12
# Seed for langdetect's random sampling, so the same text always gets the same answer.
SEED = 0

# Share of a sample's words that must be English function words (data/function_words_en.txt) for
# the shortcut. Over the 840 English articles of PolNeAR train the share has median 0.31 and 1st
# percentile 0.15; in our French, German, Italian, Portuguese, Dutch and Spanish news fixtures it
# is 0.0 (the list leaves out words those languages share with English). At 0.20, 808 of the 840
# PolNeAR articles (96%) take the shortcut, langdetect agrees on all 808, and the rest go to it.
FAST_PATH_SHARE = 0.20
# A shortcut sample needs this many words for its share to mean something.
FAST_PATH_MIN_WORDS = 30
# Short texts (titles, teasers: fewer than FAST_PATH_MIN_WORDS words) take the shortcut from this
# many words on, at the same share, when written in ASCII; and where langdetect hesitates on such
# a text it is English when English is among its candidates (probability >= 0.1): langdetect alone
# read "How was your weekend running?" as Afrikaans. Measured on short texts of the shared data
# (3,000 English headlines of clickbait and webis17, 2,100 Spanish teasers of ta1c, the titles and
# short lines of SemEval-2023 fr/ge/it/po/ru), share identified correctly, langdetect alone ->
# with both rules: en 0.958 -> 0.977, es 0.984 -> 0.984, fr 0.929 -> 0.923, de 0.947 -> 0.944,
# it 0.884 -> 0.884, pl 0.866 -> 0.864, ru 0.956 -> 0.956 (what the rules cost elsewhere: texts
# wrongly called English, fr 2.2% -> 3.0%, de 0.6% -> 0.9%, it 2.6% -> 2.9%).
SHORT_MIN_WORDS = 3
# Reported as the shortcut's probability: not a posterior, a floor on its measured precision
# (no false "en" among the fixtures above nor among langdetect's own answers on PolNeAR train).
FAST_PATH_PROBABILITY = 0.99

# \w+ over the lower-cased sample, ASCII letters tried first (as text.WORD_CHAR).
WORD_RE = re.compile(rf"{WORD_CHAR}+")
ENGLISH_FUNCTION_WORDS = frozenset(datafiles.words(__package__, "function_words_en.txt"))


# One non-zero probability of an n-gram: its language's index (one byte: 55 languages) and the
# probability as a C double (a Python float's own value), packed without padding.
PAIR = struct.Struct("=Bd")


class SparseProbabilities(dict):
    """langdetect's n-gram -> per-language probabilities, stored sparse, read dense.

    langdetect keeps a list of 55 floats for each of its 87,598 n-grams (58 MB), though an n-gram
    has 2.1 non-zero probabilities on average. Here each keeps its (language index, probability)
    pairs packed in one bytes object (`PAIR`), and the detector's lookup
    (`Detector._update_lang_prob` reads `map[word][i]` for every language) gets the same 55
    floats, built for it. Membership (`word in map`) is the dict's own.

    One object per n-gram, not a tuple of ints and floats: a forked server worker that reads an
    n-gram writes to its objects' reference counts, so the kernel copies the pages they are on
    out of the master's; the fewer and smaller the objects, the fewer pages (bench_speed.py).
    """

    def __init__(self, languages: int):
        super().__init__()
        self.languages = languages

    def __getitem__(self, word: str) -> list[float]:
        dense = [0.0] * self.languages
        for index, probability in PAIR.iter_unpack(dict.__getitem__(self, word)):
            dense[index] = probability
        return dense


def _load_profiles(factory: DetectorFactory) -> None:
    """`factory.load_profile(PROFILES_DIRECTORY)` as langdetect does it, into a
    SparseProbabilities; the table is kept between starts (newsbadge.tablecache)."""
    directory = Path(detector_factory.PROFILES_DIRECTORY)
    languages, langlist, pairs = tablecache.cached(
        "langdetect-profiles", sorted(directory.iterdir()), lambda: _profile_pairs(directory))
    factory.langlist.extend(langlist)
    table = SparseProbabilities(languages)
    dict.update(table, pairs)
    factory.word_lang_prob_map = table


def _profile_pairs(directory: Path) -> tuple[int, list[str], dict[str, bytes]]:
    """(langdetect's language count, its languages, n-gram -> packed pairs) as
    `load_profile` reads the profiles: the same files in the same order, the same arithmetic
    for each probability."""
    names = os.listdir(directory)
    langlist: list[str] = []
    sparse: dict[str, list] = {}
    for name in names:
        path = directory / name
        if name.startswith(".") or not path.is_file():
            continue
        profile = json.loads(path.read_text(encoding="utf-8"))
        index = len(langlist)
        langlist.append(profile["name"])
        for word, count in profile["freq"].items():
            pairs = sparse.setdefault(word, [])
            if 1 <= len(word) <= 3:
                pairs.append(PAIR.pack(index, 1.0 * count / profile["n_words"][len(word) - 1]))
    return len(names), langlist, {word: b"".join(pairs) for word, pairs in sparse.items()}


DetectorFactory.seed = SEED
detector_factory._factory = DetectorFactory()
_load_profiles(detector_factory._factory)


def detect(text: str) -> dict:
    """ISO 639-1 code, its probability, and the method that decided (`function_words` or
    `langdetect`); "und" where there is too little text to tell."""
    sample = _sample(text)
    if sum(map(str.isalpha, sample)) < MIN_LETTERS:
        return _section("und", 0.0, "none")
    words = WORD_RE.findall(sample.lower())
    short = len(words) < FAST_PATH_MIN_WORDS and sample.isascii()
    if _clearly_english(words, SHORT_MIN_WORDS if short else FAST_PATH_MIN_WORDS):
        return _section("en", FAST_PATH_PROBABILITY, "function_words")
    detector = detector_factory._factory.create()
    detector.n_trial = TRIALS
    detector.append(sample)
    try:
        candidates = detector.get_probabilities()
    except LangDetectException:
        return _section("und", 0.0, "none")
    best = next((c for c in candidates if c.lang == "en"), candidates[0]) if short else (
        candidates[0])
    return _section(best.lang, round(best.prob, 3), "langdetect")


def declared(code: str) -> dict:
    """The language section when the request names its language."""
    code = code.strip().lower().split("-")[0].split("_")[0]
    return _section(code, 1.0, "declared")


def _section(code: str, probability: float, method: str) -> dict:
    return {"code": code, "probability": probability, "method": method}


def _clearly_english(words: list[str], min_words: int) -> bool:
    if len(words) < min_words:
        return False
    hits = sum(map(ENGLISH_FUNCTION_WORDS.__contains__, words))
    return hits >= FAST_PATH_SHARE * len(words)


def _sample(text: str) -> str:
    """The middle of the text, where the article is, rather than the menus at its top."""
    if len(text) <= SAMPLE_CHARS:
        return text
    start = (len(text) - SAMPLE_CHARS) // 2
    return text[start : start + SAMPLE_CHARS]
