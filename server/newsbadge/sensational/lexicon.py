"""The English cue lexicons, read once at import from the data files beside this module.

Every file carries its provenance in its header comments (lines starting with "#").
"""

from __future__ import annotations

from .. import datafiles

# VADER rates words from -4 (most negative) to +4; entries at or beyond this magnitude count as
# emotive cues in article text. 2.0 keeps VADER's "strong" half (e.g. "horrific" -3.4,
# "brilliant" 2.8) and leaves mild evaluation ("concern" -1.1, "fine" 0.8) alone.
EMOTIVE_MIN_VALENCE = 2.5


def is_superlative(word: str) -> bool:
    """A lower-case "-iest" adjective of seven letters or more ("craziest", "deadliest"), except
    "earliest", which dates rather than judges. Shared by the headline features and the body
    cues."""
    return len(word) > 6 and word.endswith("iest") and word != "earliest"


def _apostrophe_forms(phrase: str) -> set[str]:
    """A phrase as written and with the typographic apostrophe that news pages mostly use."""
    return {phrase, phrase.replace("'", "\u2019")}


def _phrases() -> dict[tuple[str, ...], str]:
    phrases = {}
    for phrase, kind in datafiles.rows(__package__, "cues_en.tsv"):
        for form in _apostrophe_forms(phrase):
            phrases[tuple(form.split())] = kind
    return phrases


VALENCE: dict[str, float] = {
    word: float(v) for word, v in datafiles.rows(__package__, "vader_en.tsv")}
BOOSTERS = frozenset(w for (w,) in datafiles.rows(__package__, "vader_boosters_en.txt"))
NEUTRAL = frozenset(w for (w,) in datafiles.rows(__package__, "neutral_en.txt"))
NEGATORS = frozenset(
    form for (w,) in datafiles.rows(__package__, "negators_en.txt") for form in _apostrophe_forms(w)
)
FUNCTION_WORDS = frozenset(row[0] for row in datafiles.rows(__package__, "function_words_en.txt"))
FUNCTION_FEATURES = frozenset(
    row[0] for row in datafiles.rows(__package__, "function_words_en.txt") if row[1:] == ["*"]
)
PHRASES = _phrases()

# Phrase = its words; Anchored = a phrase, the position of its anchor word in it, and its kind.
Phrase = tuple[str, ...]
Anchored = tuple[Phrase, int, str]


def _anchor(phrase: Phrase) -> int:
    """The position of a phrase's longest word, by which it is looked up: the rarest word in
    practice, so that "in the cards" is tried at "cards", not at every "in" and "the"."""
    return max(range(len(phrase)), key=lambda k: len(phrase[k]))


def _build_anchors() -> dict[str, tuple[str | None, tuple[Anchored, ...]]]:
    """One entry per word that can anchor a cue: its own kind as a single word (or None) and the
    longer phrases anchored on it, longest first, so that "worst ever" wins over "worst".
    Emotive words come from VADER unless a more specific kind claims them or they are everyday
    news words (neutral_en.txt)."""
    anchored: dict[str, list[Anchored]] = {}
    for phrase, kind in PHRASES.items():
        if len(phrase) > 1:
            k = _anchor(phrase)
            anchored.setdefault(phrase[k], []).append((phrase, k, kind))
    single = {w: "emotive" for w, v in VALENCE.items() if abs(v) >= EMOTIVE_MIN_VALENCE}
    single.update({w: "intensifier" for w in BOOSTERS})
    for word in NEUTRAL:
        single.pop(word, None)
    single.update({phrase[0]: kind for phrase, kind in PHRASES.items() if len(phrase) == 1})
    return {
        word: (single.get(word), tuple(sorted(anchored.get(word, []), key=lambda a: -len(a[0]))))
        for word in set(anchored) | set(single)
    }


ANCHORS = _build_anchors()
