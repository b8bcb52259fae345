"""The cue lexicons, read once at import from the data files beside this module.

English has hand lexicons (VADER, cues_en.tsv) as the prior of its learned cues; French, German
and Italian a small hand list each (cues_LANG.tsv: its words' weights and its phrases' kinds
learned from span data), and cues the span data alone supports (learned_cues_LANG.tsv). Every
file carries its provenance in its header comments (lines starting with "#").
"""

from __future__ import annotations

from .. import datafiles

DATA = datafiles.folder(__package__)  # where the trainers write

# VADER rates words from -4 (most negative) to +4; entries at or beyond this magnitude are of
# the hand kind "emotive" (the trainer weighs the kind; its praise is no cue). 1.6 is the
# trainer's floor for VADER words (body_cues.MIN_VALENCE): "hostile" -1.6, "nonsense" -1.7,
# "disgusting" -2.4 and "horrific" -3.4 in, mild evaluation ("concern" -1.1) out. At 2.5 the
# words from -1.6 to -2.4 had no kind, and those training never saw ("disgusting") fell below
# the weight floor. Held-out sentence AUC, SemEval / BASIL: 2.5 0.646 / 0.585; 1.6 0.653 / 0.601.
EMOTIVE_MIN_VALENCE = 1.6


def is_superlative(word: str) -> bool:
    """A lower-case "-iest" adjective of seven letters or more ("craziest", "deadliest"), except
    "earliest", which dates rather than judges. Shared by the headline features and the body
    cues."""
    return len(word) > 6 and word.endswith("iest") and word != "earliest"


def _apostrophe_forms(phrase: str) -> set[str]:
    """A phrase as written and with the typographic apostrophe that news pages mostly use."""
    return {phrase, phrase.replace("'", "\u2019")}


def hand_phrases(language: str = "en") -> dict[tuple[str, ...], str]:
    """A language's hand cues (cues_LANG.tsv), words and phrases, by their words; none if it has
    no such file."""
    if not (DATA / f"cues_{language}.tsv").exists():
        return {}
    phrases = {}
    for phrase, kind in datafiles.rows(__package__, f"cues_{language}.tsv"):
        for form in _apostrophe_forms(phrase):
            phrases[tuple(form.split())] = kind
    return phrases


# The kind of a phrase in which a cue word is meant literally ("color scheme", "upset win",
# "historic district", literal_LANG.txt): it covers its words, so no cue is found inside it.
LITERAL = "literal"


def literal_phrases(language: str = "en") -> tuple[tuple[str, ...], ...]:
    """A language's phrases of literal_LANG.txt (none if it has no such file)."""
    if not (DATA / f"literal_{language}.txt").exists():
        return ()
    return tuple(tuple(line.split()) for line in datafiles.lines(__package__,
                                                                 f"literal_{language}.txt"))


VALENCE: dict[str, float] = {word: float(v)
                              for word, v in datafiles.rows(__package__, "vader_en.tsv")}
BOOSTERS = frozenset(w for (w,) in datafiles.rows(__package__, "vader_boosters_en.txt"))
NEUTRAL = frozenset(w for (w,) in datafiles.rows(__package__, "neutral_en.txt"))
NEGATORS = frozenset(
    form for (w,) in datafiles.rows(__package__, "negators_en.txt")
    for form in _apostrophe_forms(w)
)
FUNCTION_WORDS = frozenset(w for (w,) in datafiles.rows(__package__, "function_words_en.txt"))
PHRASES = hand_phrases()

# Phrase = its words; Anchored = a phrase, the position of its anchor word in it, its kind and
# weight; Entry = a word's own (kind, weight) as a single-word cue (or None) and the phrases
# anchored on it, longest first, so that "worst ever" wins over "worst".
Phrase = tuple[str, ...]
Anchored = tuple[Phrase, int, str, float]
Entry = tuple[tuple[str, float] | None, tuple[Anchored, ...]]


def _anchor(phrase: Phrase) -> int:
    """The position of a phrase's longest word, by which it is looked up: the rarest word in
    practice, so that "in the cards" is tried at "cards", not at every "in" and "the"."""
    return max(range(len(phrase)), key=lambda k: len(phrase[k]))


def hand_kinds(language: str = "en") -> dict[str, str]:
    """Each single word's kind by the hand-written lexicons: VADER's strong words are `emotive`
    and its boosters `intensifier`, unless cues_en.tsv gives a more specific kind or the word is
    an everyday news word (neutral_en.txt); in other languages, the words of cues_LANG.tsv. The
    trainer learns a weight from these kinds."""
    if language != "en":
        return {phrase[0]: kind for phrase, kind in hand_phrases(language).items()
                if len(phrase) == 1}
    single = {w: "emotive" for w, v in VALENCE.items() if abs(v) >= EMOTIVE_MIN_VALENCE}
    single.update({w: "intensifier" for w in BOOSTERS})
    for word in NEUTRAL:
        single.pop(word, None)
    single.update({phrase[0]: kind for phrase, kind in PHRASES.items() if len(phrase) == 1})
    return single


def build_anchors(single: dict[str, tuple[str, float]], kind_weights: dict[str, float],
                  phrases: dict[Phrase, str] = PHRASES,
                  literal: tuple[Phrase, ...] = ()) -> dict[str, Entry]:
    """The lookup table of `cues`: single-word cues with their weights, the multi-word
    `phrases` (English: cues_en.tsv) weighted by their kind (kinds missing from `kind_weights`
    are no cues), and the `literal` phrases (kind LITERAL, weight 0), which the finder matches
    like cues and then drops."""
    anchored: dict[str, list[Anchored]] = {}
    weighted = [(p, kind, kind_weights[kind]) for p, kind in phrases.items()
                if kind in kind_weights]
    for phrase, kind, weight in [*weighted, *((p, LITERAL, 0.0) for p in literal)]:
        if len(phrase) > 1:
            k = _anchor(phrase)
            anchored.setdefault(phrase[k], []).append((phrase, k, kind, weight))
    return {
        word: (single.get(word), tuple(sorted(anchored.get(word, []), key=lambda a: -len(a[0]))))
        for word in set(anchored) | set(single)
    }


def _learned(language: str) -> tuple[dict[str, tuple[str, float]], dict]:
    """A language's trained single-word cues (learned_cues_LANG.tsv) and kind weights
    (cue_weights_LANG.json)."""
    weights = datafiles.json_file(__package__, f"cue_weights_{language}.json")
    words = {}
    for word, kind, weight, *_ in datafiles.rows(__package__, f"learned_cues_{language}.tsv"):
        for form in _apostrophe_forms(word):
            words[form] = (kind, float(weight))
    return words, weights


# Languages with body cues: those the trainer wrote learned cues for.
BODY_LANGUAGES = tuple(sorted(p.stem.removeprefix("learned_cues_")
                              for p in DATA.glob("learned_cues_*.tsv")))
LEARNED = {language: _learned(language) for language in BODY_LANGUAGES}
# Per language: its cues' lookup table and the weights of its kinds that are no single word.
# Phrases come from cues_LANG.tsv, where a language has one.
PHRASES_OF = {language: hand_phrases(language) for language in BODY_LANGUAGES}
BODY_CUES: dict[str, tuple[dict[str, Entry], dict[str, float]]] = {
    language: (build_anchors(words, weights["kinds"], PHRASES_OF[language],
                             literal_phrases(language)), weights["kinds"])
    for language, (words, weights) in LEARNED.items()
}
ANCHORS, KIND_WEIGHTS = BODY_CUES["en"]
