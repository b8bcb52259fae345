"""Headline framing: named features of a title and its word 1-2-grams, and a logistic model.

Named features describe framing, not topics: forward reference ("this", "here"), the reader
addressed ("you"), a listicle number, a question opener and superlatives, the five forms of
clickbait that hold across collections (newsbadge_dev.training.sensational.NAMED_FEATURES;
valence, contractions, shouting and function words learnt one collection's style). Question marks
are no feature: the clickbait set's collectors stripped nearly all of them from the clickbait
side, so a model would learn "?" as a sign of news. Nor is the title's length, which depends on
the medium (print, web, social posts) more than on framing. Beside them, the word 1-2-grams as an
L2-normalised TF-IDF vector: alone on one collection n-grams memorise its publishers, so they are
trained on two (clickbait and Webis-17) and measured on each when trained on the other only.
The weights (and the n-grams' idf) are learned by newsbadge_dev.training.sensational and read
from data/headline_model.json; the arithmetic at request time is a sum of products.
"""

from __future__ import annotations

import math
import re

from .. import datafiles
from ..logistic import logistic
from ..text import WORD_RE
from .lexicon import (
    FUNCTION_WORDS,
    PHRASES,
    is_superlative,
)

MODEL = datafiles.json_file(__package__, "headline_model.json")
# Per language, its headline model: English's named features and n-grams, and Spanish n-grams
# alone (trained on TA1C: newsbadge_dev.training.sensational.train_spanish_headline).
MODELS = {"en": MODEL, "es": datafiles.json_file(__package__, "headline_model_es.json")}
# Headlines run to about 100 characters, rarely 300; a "title" beyond this is not one, and reading
# all of a 2 MB one would blow the time budget. Offsets into the title stay exact (a prefix).
MAX_TITLE_CHARS = 500

# The n-grams' tokens: runs of letters, digits and apostrophes (as the trainer splits them).
NGRAM_TOKEN_RE = re.compile(r"[\w']+")
DIGITS_RE = re.compile(r"\d+")
# Word pairs adding this much or more to the log-odds are shown as cues ("won't believe", "21
# things"), unless both are function words: single words are not (with the NBSVM scale the
# strongest were topics as often as forms: "guess", but "DIY", "wore", "celebrity", "horror"),
# nor is "of the". About a named feature's weight (question_opener 0.53).
NGRAM_CUE_MIN = 0.5

WORD_CLASSES = {row[0]: frozenset(row[1:])
                for row in datafiles.rows(__package__, "headline_words_en.txt")}
NUMBER_WORDS = WORD_CLASSES["number_words"]
YEAR_RE = re.compile(r"(?:19|20)\d\d")
SECOND_PERSON = WORD_CLASSES["second_person"]
FORWARD_REFERENCE = WORD_CLASSES["forward_reference"]
QUESTION_OPENERS = WORD_CLASSES["question_openers"]
UNAPOSTROPHED = WORD_CLASSES["unapostrophed"]
# Multi-word phrases of the lexicon start with one of these words; other words are looked up alone.
PHRASE_STARTS = frozenset(phrase[0] for phrase in PHRASES if len(phrase) > 1)
MAX_PHRASE_WORDS = max(map(len, PHRASES))


def tokens(title: str) -> list[tuple[int, int, str]]:
    """Word spans of the title with their lower-cased, apostrophe-normalised text."""
    return [
        (m.start(), m.end(), restored(m.group().lower().replace("\u2019", "'")))
        for m in WORD_RE.finditer(title)
    ]


def restored(word: str) -> str:
    """A contraction written without its apostrophe (UNAPOSTROPHED: "dont", "youre", "heres")
    with it; any other word as it is."""
    if word not in UNAPOSTROPHED:
        return word
    if word.endswith("nt"):
        return word[:-2] + "n't"
    cut = -2 if word.endswith(("re", "ll", "ve")) else -1
    return word[:cut] + "'" + word[cut:]


def features(title: str) -> tuple[dict[str, float], dict[str, list[tuple[int, int]]]]:
    """The headline's named features, each with its count and the title spans that fired it."""
    toks = tokens(title)
    spans: dict[str, list[tuple[int, int]]] = {}

    def mark(name: str, predicate) -> None:
        spans[name] = [(s, e) for s, e, w in toks if predicate(w)]

    mark("second_person", SECOND_PERSON.__contains__)
    mark("forward_reference", FORWARD_REFERENCE.__contains__)
    spans["listicle_number"] = [(s, e) for s, e, w in toks[:1] if _is_number(w)]
    spans["question_opener"] = [(s, e) for s, e, w in toks[:1] if _opens_question(toks)]
    spans["superlative"] = _superlative_spans(toks)
    return {name: float(len(found)) for name, found in spans.items()}, spans


def ngram_spans(title: str) -> list[tuple[str, int, int]]:
    """The title's word 1-2-grams as the model spells them (lower case, typographic apostrophes
    straight, digit runs as "0") with the span each covers."""
    toks = [(m.start(), m.end(), restored(DIGITS_RE.sub("0", m.group().lower())))
            for m in NGRAM_TOKEN_RE.finditer(title.replace("\u2019", "'"))]
    grams = [(w, s, e) for s, e, w in toks]
    grams += [(f"{a[2]} {b[2]}", a[0], b[1]) for a, b in zip(toks, toks[1:], strict=False)]
    return grams


def ngrams(title: str) -> list[str]:
    return [g for g, _, _ in ngram_spans(title)]


def logit(title: str, model: dict = MODEL) -> tuple[float, list[dict]]:
    """The model's log-odds for the title, and the cues pushing it up: the named features'
    spans, and the word pairs whose share of the log-odds is NGRAM_CUE_MIN or more (kind
    `phrasing`). The n-grams weigh as an L2-normalised TF-IDF vector (ngram_values)."""
    values, spans = features(title)
    weights, grams = model["weights"], model["ngrams"]
    total = model["intercept"] + sum(weights.get(k, 0.0) * v for k, v in values.items() if v)
    cues = [
        {"start": s, "end": e, "text": title[s:e], "cue": name, "weight": round(weights[name], 2)}
        for name, found in spans.items()
        if weights.get(name, 0.0) > 0
        for s, e in found
    ]
    for gram, (s, e), value in ngram_values(title, model):
        share = grams[gram] * value
        total += share
        pair = gram.split()
        if share >= NGRAM_CUE_MIN and len(pair) == 2 and not FUNCTION_WORDS.issuperset(pair):
            cues.append({"start": s, "end": e, "text": title[s:e], "cue": "phrasing",
                         "weight": round(share, 2)})
    cues.sort(key=lambda c: (c["start"], c["end"]))
    return total, cues


def ngram_values(title: str, model: dict) -> list[tuple[str, tuple[int, int], float]]:
    """The title's n-grams of the model's table, each once (at its first place), with its
    feature value: its idf over the L2 norm of the idfs of all the title's distinct n-grams
    (those outside the table at `idf_unseen`, the idf of a training n-gram too rare to keep)."""
    first: dict[str, tuple[int, int]] = {}
    for gram, s, e in ngram_spans(title):
        first.setdefault(gram, (s, e))
    values = tfidf_values(first, model["idf"], model["idf_unseen"])
    return [(g, span, values[g]) for g, span in first.items() if g in values]


def tfidf_values(grams, idf: dict[str, float], unseen: float) -> dict[str, float]:
    """Each of the distinct `grams` that `idf` holds, with its idf over the L2 norm of the idfs
    of all of them (those outside `idf` at `unseen`): the vector the model weighs, computed
    alike by the service and its trainer."""
    norm = math.sqrt(sum(idf.get(g, unseen) ** 2 for g in grams)) or 1.0
    return {g: idf[g] / norm for g in grams if g in idf}


def score(title: str, language: str = "en") -> tuple[float, list[dict]]:
    """The probability (0-100) that the title is clickbait-framed, and the spans pushing it up,
    by the model of the title's language (MODELS). Only the first MAX_TITLE_CHARS characters are
    read."""
    total, cues = logit(title[:MAX_TITLE_CHARS], MODELS[language])
    return 100 * logistic(total), cues


def _is_number(word: str) -> bool:
    """A listicle's count: digits ("10 things") or a number word; not a year ("2019 Honda Civic
    review") nor a measure joined to its unit ("16-inch MacBook Pro review"), which a reader
    would not call a list."""
    return (word.isdigit() and not YEAR_RE.fullmatch(word)) or word in NUMBER_WORDS


def _opens_question(toks: list[tuple[int, int, str]]) -> bool:
    """A question opener first ("Why", "What", "How"), but not a guide's "How to" ("How to
    Install Solar Panels"), which asks nothing."""
    return bool(toks) and toks[0][2] in QUESTION_OPENERS and not (
        toks[0][2] == "how" and len(toks) > 1 and toks[1][2] == "to")


def _superlative_spans(toks: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Spans of the lexicon's superlative phrases ("most important"), longest match first, and
    of words of superlative form (lexicon.is_superlative)."""
    found = []
    words = [w for _, _, w in toks]
    i = 0
    while i < len(words):
        longest = min(MAX_PHRASE_WORDS, len(words) - i) if words[i] in PHRASE_STARTS else 1
        for length in range(longest, 0, -1):
            kind = PHRASES.get(tuple(words[i : i + length]))
            if kind == "superlative" or (kind is None and length == 1
                                         and is_superlative(words[i])):
                found.append((toks[i][0], toks[i + length - 1][1]))
                i += length - 1
                break
            if kind is not None:
                i += length - 1
                break
        i += 1
    return found
