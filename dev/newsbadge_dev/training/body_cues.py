"""Learn the body cues' weights from span-annotated news, and measure them across collections.

Data: SemEval-2023 task 3, English (spans of Loaded_Language, Exaggeration-Minimisation,
Appeal_to_Fear-Prejudice, Name_Calling-Labeling), and BASIL (lexical-bias spans), read by
newsbadge_dev.framing_sets. Every word of every article is one example: is it inside such a span?
A penalised logistic regression explains that by the article's collection (its base rate, not
shipped), the word's kind in the hand lexicons (cues_en.tsv, VADER's strong words and boosters),
its VADER valence, and the word itself. A word's weight is its log-odds of being inside a span
above the collection's base rate: kind + valence + word terms. The word term is penalised more
than the kind terms (KIND_SCALE), so a word seen a few times moves little from its kind, and a
word no collection has seen keeps its kind's weight: the hand lexicons are the prior, the data
decides. Words whose weight reaches THRESHOLD are the cues shipped in data/learned_cues_en.tsv;
phrases get their kind's weight, and the kinds that are no single word (scare quotes, alarms,
shouting, "-iest") the log-odds of their span overlapping a framing span, above a word's base
rate (data/cue_weights_en.json). Words that no lexicon lists get no cue of their own, however
the data weighs them: on these collections, those found were topic words ("road", "winter",
"car", "hundreds"), not framing.

Not examples: function words, numbers and capitalised words inside a sentence (names, which the
finder never reports either: newsbadge.sensational.cues._in_a_name).

The other languages of SemEval-2023 (fr, de, it, pl, ru: SPAN_LANGUAGES): the same regression, over
the language's train split, with the kinds of its hand lexicon where it has one (cues_LANG.tsv,
fr/de/it: intensifiers, hyperbole, superlatives, strong evaluative words; a listed word is a cue
from weight SPAN_THRESHOLD on, unless its own uses say otherwise: _judged_no_cue). Any other word
is a cue when the data alone supports it: its Snowball stem (its kind) seen in MIN_ARTICLES
articles or more and inside framing spans OWN_RATE times as often as a typical word (a German noun:
NOUN_RATE times, in NOUN_INSIDE_ARTICLES articles), the word itself too when training saw it, and
of weight SPAN_THRESHOLD or more; a cue stem's forms that training never saw come from wordfreq's
vocabulary of the language, weighed by the stem. Their "function words" are the words in
COMMON_SHARE of the language's articles or more (no cue is that common), hand-listed words
excepted. Each language is measured in FOLDS article folds (article i of the sorted ids in fold i %
FOLDS; the cues, stems and weights of a fold are learned on the other folds' articles only), and
its body thresholds come from the out-of-fold densities: "moderate" from the MODERATE_PERCENTILE of
its `reporting` articles (the genre label of subtask 1: the language's own ordinary news, 14-43
articles), "high" from the HIGH_PERCENTILE of all its articles (reports, opinion and satire).
Files: learned_cues_LANG.tsv, cue_weights_LANG.json.

Run: .venv/bin/python -m newsbadge_dev.training.body_cues   (or `make train`)
"""

from __future__ import annotations

import functools
import sys
from collections import Counter
from dataclasses import dataclass

from newsbadge import datafiles
from newsbadge.document import Document
from newsbadge.sensational import cues
from newsbadge.sensational.lexicon import (
    DATA,
    FUNCTION_WORDS,
    NEUTRAL,
    PHRASES,
    VALENCE,
    build_anchors,
    hand_kinds,
    hand_phrases,
    literal_phrases,
)
from newsbadge.text import lowered, sentence_spans
from newsbadge_dev import framing_sets
from newsbadge_dev.paths import data_dir
from newsbadge_dev.training.output import write_json

# L2 strength (scikit-learn's C) of the word terms. Kind and valence features enter multiplied by
# KIND_SCALE, which divides their penalty by KIND_SCALE^2: a kind pools hundreds of uses, a word a
# few. Chosen on the leave-one-collection-out figures (C 0.3/1/3, scale 3/5: C 1 and scale 3
# give the best sentence AUC at equal cue precision).
C = 1.0
KIND_SCALE = 3.0
# Words seen fewer times than this in training get no term of their own (their kind decides).
MIN_SEEN = 2
# A kind seen fewer than MIN_KIND_USES times in training keeps the threshold's weight (the data
# cannot tell), in the other languages. In English a kind is a cue when its learned weight
# reaches THRESHOLD, however few its uses (the regression and SPAN_PRIOR shrink a rare kind
# towards no weight): with the rule, body "clickbait" phrases (1 use in BASIL) and shouting were
# shown in held-out SemEval at 9% and 12% precision. Held-out SemEval (emotive from 2.5):
# 0.607 / 0.465 / 0.455 with the rule, 0.610 / 0.498 / 0.477 without.
MIN_KIND_USES = 30
# English span kinds (scare quotes, alarms, shouting, "-iest"): their rate of overlapping a
# framing span is smoothed towards their collection's base rate, as if seen SPAN_PRIOR more times
# at that rate. The other languages keep (hits + 1) / (uses + 2), which pulls a kind seen a few
# times towards 0.5, far above a base rate of 0.05-0.17: shouting, 4 uses in BASIL, weighed 3.8.
# Held-out SemEval article Spearman (emotive from 2.0): (hits + 1) / (uses + 2) 0.460; prior 2,
# 10, 30: 0.478, 0.477, 0.472 (emotive from 2.5; BASIL 0.152, 0.155, 0.159).
SPAN_PRIOR = 10

# Weight (log-odds above the base rate) from which a word is a cue. At 1.0, about 45% of the
# cues fall inside a technique span of held-out SemEval articles (a random word: 17%); lower
# thresholds add cues the data barely supports.
THRESHOLD = 1.0
# Kinds that are not single words of a lexicon; they get their kind's learned weight.
OTHER_KINDS = ("superlative", "scare_quote", "alarm", "shouting")
FOLDS = 5
# A word used this often in training is judged by its own uses: inside framing spans less often
# than a typical word means it is no cue, whatever its kind's weight lends it ("best": 1 of 52
# uses inside a span, against 17% of all words; it names what a guide ranks).
MIN_JUDGED = 10


# SemEval-2023 languages with span data and no hand lexicon: ISO code -> the data's folder.
SPAN_LANGUAGES = {"fr": "fr", "de": "ge", "it": "it", "pl": "po", "ru": "ru"}
# Those whose cues ship: the others are measured only (make eval). In 5 article folds, sentence
# AUC / cue precision / random word's precision (OWN_RATE 1): pl 0.659 / 0.303 / 0.242, ru 0.604
# / 0.442 / 0.362: cues barely more often inside a span than any word.
SHIPPED = ("fr", "de", "it")
# Their cues. A word's kind is its stem (stem_of: Snowball's), which its inflections share and
# pool their evidence in; a stem is a cue when its uses support it (_supported), and then so are
# its forms: those seen in training whose own uses agree (_own_uses_agree), and the inflections
# of the language's vocabulary (VOCABULARY) that the training never saw. A stem seen in fewer
# than MIN_ARTICLES training articles is no cue (one article's topic), nor a word in
# COMMON_SHARE of them or more (grammar), nor one of fewer than MIN_LETTERS letters ("s", "e":
# elision leftovers), nor one below SPAN_THRESHOLD. Chosen in 5 article folds before stems were
# Snowball's (fr / it sentence AUC, cue precision): without stems, weight from 0.5, 0.618 /
# 0.560 and 0.653 / 0.475; stems of 5 letters 0.675 / 0.551 and 0.690 / 0.442, of 6 0.672 /
# 0.548; MIN_ARTICLES 2 against 3 adds 0.007 of AUC; weight from 0.3 adds 0.006 and costs 0.02
# of precision, from 0.8 loses 0.01-0.02 of AUC. Stricter rules (each word inside 3 spans or
# more) give AUC 0.60-0.63, and still list everyday words ("weitere", "zudem", "Unternehmen").
MIN_ARTICLES = 2
COMMON_SHARE = 0.25
SPAN_THRESHOLD = 0.5
MIN_LETTERS = 3
STEM_LETTERS = 5
# Snowball stemmers (NLTK's, which textstat already brings; training only) by language; the
# others' stem is their first STEM_LETTERS letters. Against 5-letter prefixes, with the rules
# below as at 7e42ba6 (fr, de, it sentence AUC / cue precision): 0.637 / 0.602, 0.649 / 0.596,
# 0.673 / 0.507 -> 0.645 / 0.606, 0.646 / 0.596, 0.692 / 0.512 (with VOCABULARY).
SNOWBALL = {"fr": "french", "de": "german", "it": "italian", "ru": "russian"}
# A cue stem's unseen forms are looked for among wordfreq's commonest words of the language, this
# many (down to a Zipf frequency of about 1.5: rarer forms are seldom printed).
VOCABULARY = 200_000
# A stem is inside framing spans in this many training articles at least. At 2 (a stem of one
# article's spans is its topic) fr 0.617 / 0.621, de 0.596 / 0.615, it 0.676 / 0.535: it costs
# 0.02-0.05 of AUC, as many sound cues of one article go ("ungerechtfertigt" stays, at 3).
MIN_INSIDE_ARTICLES = 1
# A German noun (a form or stem capitalised in most of its uses) is a cue only when the data
# shows it loaded with high precision: inside framing spans in this many articles, and its uses
# NOUN_RATE times as often as a typical word's (German: 0.45 of them against 0.15). Noun topics
# of the partisan articles ("Sektor", "Krieg", "Bürger", "Frankreich", "Ökonomen") go, loaded
# nouns stay ("Propaganda" 14 of 22 uses, "Regime" 15 of 19, "Eliten"). German sentence AUC /
# cue precision: no noun rule 0.646 / 0.596; articles 2, rate 2: 0.627 / 0.601; 2 and 3: 0.617
# / 0.606; 3 and 3: 0.610 / 0.607.
NOUN_INSIDE_ARTICLES = 2
NOUN_RATE = 3.0
# A stem's uses, and those of each of its forms seen in training, must fall inside framing spans
# at least this many times as often as a typical word's: its stem alone does not make a word a
# cue ("neuen" 6 of 29, "Stadt" 1 of 4 took their weight from their stems and marked a calm
# German council report ten times; "retraites" 1 of 4, "deboli" 1 of 5 from "retrait",
# "debole"). Before stems were Snowball's, a word's own rate (fr, de, it sentence AUC / cue
# precision): at 1 (just above a typical word) 0.683 / 0.558, 0.681 / 0.530, 0.699 / 0.445; at
# 2 0.666 / 0.567, 0.662 / 0.567, 0.692 / 0.477; at 3 (de, fr) 0.633 / 0.597, 0.627 / 0.598.
# With Snowball stems and the noun rule, stems judged only: 0.645 / 0.606, 0.617 / 0.606, 0.692 /
# 0.512; their seen forms judged too: 0.634 / 0.615, 0.604 / 0.619, 0.682 / 0.525.
OWN_RATE = 2.0
# Nor is a word the language uses everywhere, whatever the span data says: a Zipf frequency (log10
# of uses per billion words, wordfreq's general-language lists) above this is about the
# language's 2,000 commonest words. The partisan articles put "bekommen" (5.42), "Bürger" (4.97),
# "entwickelt" (4.92), "vera" (5.16) inside spans; "Schande" (4.16), "honte" (4.60), "disastro"
# (4.44) stay. Sentence AUC / cue precision, fr, de, it: without the cut 0.666 / 0.567,
# 0.662 / 0.567, 0.692 / 0.477; at 5.0 0.654 / 0.570, 0.660 / 0.582, 0.685 / 0.489 (and
# "Bürger", "conseguenze", "tardi" back on the fixture pages); at 4.6 0.637 / 0.602,
# 0.649 / 0.596, 0.673 / 0.507: less AUC, cues a reader accepts.
EVERYDAY_ZIPF = 4.6
# Affix rules (data/affixes_LANG.tsv: absolute superlatives such as "-issimo", German loaded
# compounds such as "Lügen-", "-hetze") mark the words of the language's VOCABULARY of
# AFFIX_MIN_LETTERS letters or more that begin or end with them as hand-listed words of their
# kind ("gravissimo", "pochissimi", "richissime"). In the Italian train split 32 of the 66 uses
# of "-issimo" words sit inside a framing span (a typical word's: 0.16); French has 5 uses.
AFFIX_MIN_LETTERS = 8
# Body thresholds of those languages: percentiles of their articles' densities, as English's of
# PolNeAR's (newsbadge_dev.training.sensational): moderate of the reporting articles, high of all
# (the reports alone are too few for a 97th percentile: 14 in German).
MODERATE_PERCENTILE = 85
HIGH_PERCENTILE = 97


@dataclass
class Collection:
    name: str
    articles: list
    framing: frozenset[str]
    language: str = "en"


def collections() -> list[Collection]:
    return [Collection("semeval2023/en", framing_sets.read_semeval("en"),
                       framing_sets.FRAMING_TECHNIQUES),
            Collection("basil", framing_sets.read_basil(),
                       frozenset({framing_sets.BASIL_LEXICAL}))]


def span_collection(language: str) -> Collection:
    """One SPAN_LANGUAGES language's SemEval-2023 train split."""
    folder = SPAN_LANGUAGES[language]
    return Collection(f"semeval2023/{folder}", framing_sets.read_semeval(folder),
                      framing_sets.FRAMING_TECHNIQUES, language)


def all_kinds(language: str = "en") -> set[str]:
    if language != "en":
        return set(OTHER_KINDS) - {"superlative"} | set(hand_phrases(language).values())
    return set(hand_kinds().values()) | set(PHRASES.values()) | set(OTHER_KINDS)


@functools.cache
def hand_lexicon(language: str) -> tuple[dict, dict[str, float]]:
    """A language's hand cues (lexicon.hand_kinds and hand_phrases) as the finder's lookup
    table, every kind of weight 1, and those kinds: what training labels each word's kind with.
    English labels its non-word kinds too; a language of none (pl, ru) labels nothing."""
    phrases = hand_phrases(language)
    words = listed_kinds(language)
    kinds = dict.fromkeys(all_kinds() if language == "en"
                          else set(phrases.values()) | set(words.values()), 1.0)
    return build_anchors({w: (k, 1.0) for w, k in words.items()}, kinds, phrases), kinds


@functools.cache
def listed_kinds(language: str) -> dict[str, str]:
    """Each hand-listed single word's kind: lexicon.hand_kinds, and in a language of affix rules
    (affixes) its vocabulary's words of such an affix, of the rule's kind."""
    rules = affixes(language)
    if not rules:
        return hand_kinds(language)
    from wordfreq import top_n_list

    return {**{w: kind for w in top_n_list(language, VOCABULARY)
               if w.isalpha() and len(w) >= AFFIX_MIN_LETTERS
               for kind in [_affix_kind(w, rules)] if kind},
            **hand_kinds(language)}


def affixes(language: str) -> list[tuple[str, str, str]]:
    """A language's affix rules (data/affixes_LANG.tsv: prefix or suffix, its letters, kind)."""
    name = f"affixes_{language}.tsv"
    return [tuple(r) for r in datafiles.rows(DATA, name)] if (DATA / name).exists() else []


def _affix_kind(word: str, rules: list[tuple[str, str, str]]) -> str:
    """The kind of the first rule whose affix begins (prefix) or ends (suffix) the word; "" if
    none fits, or the first that fits is of kind "none" (an exception)."""
    for where, affix, kind in rules:
        if word.startswith(affix) if where == "prefix" else word.endswith(affix):
            return "" if kind == "none" else kind
    return ""


HAND_WORD_KINDS = hand_kinds()
HAND_ANCHORS, HAND_KINDS = hand_lexicon("en")


def _covered(spans, start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def common_words(articles: list, language: str) -> frozenset[str]:
    """Words in COMMON_SHARE of the articles or more: a language's function words, as its data
    shows them."""
    in_articles = Counter(w for a in articles for w in set(_words(Document(a.text, language))[1]))
    return frozenset(w for w, n in in_articles.items() if n >= COMMON_SHARE * len(articles))


def neutral_words(language: str) -> frozenset[str]:
    """The hand list of a language's words that are no cue (data/neutral_LANG.txt), if any."""
    path = DATA / f"neutral_{language}.txt"
    return frozenset(datafiles.words(DATA, path.name)) if path.exists() else frozenset()


def examples(collection: Collection, articles=None) -> list[tuple]:
    """(collection, word, hand kind, |valence|, inside a framing span, article) for every
    eligible word."""
    articles = collection.articles if articles is None else articles
    english = collection.language == "en"
    function_words = FUNCTION_WORDS if english else (
        common_words(articles, collection.language) | neutral_words(collection.language))
    rows = []
    for article in articles:
        doc = Document(article.text, collection.language)
        kinds = {e["start"]: e["cue"]
                 for e in cues.find(doc, *hand_lexicon(collection.language))}
        framing = [(s, e) for s, e, t in article.spans if t in collection.framing]
        for (start, end), word in zip(*_words(doc), strict=True):
            hand = kinds.get(start, "")
            kind = hand if english or hand else stem_of(word, collection.language)
            if not hand and (word in function_words or not word.isalpha()
                             or cues._in_a_name(article.text, start, end, collection.language)):
                continue
            valence = 0.0 if word in NEUTRAL or not english else abs(VALENCE.get(word, 0.0)) / 4
            rows.append((collection.name, word, kind, valence, _covered(framing, start, end),
                         article.name, article.text[start].isupper()))
    return rows


def _words(doc: Document) -> tuple[list, list]:
    """The document's word spans and lowered strings as the cue finder reads them."""
    if doc.language in cues.ELIDING:
        return cues.unelided(doc.words, doc.article_lower)
    return doc.words, doc.article_lower


def span_examples(collection: Collection, articles=None) -> list[tuple]:
    """(collection, kind, overlaps a framing span) for each cue of a kind that is no word."""
    anchors = HAND_ANCHORS if collection.language == "en" else {}
    rows = []
    for article in collection.articles if articles is None else articles:
        framing = [(s, e) for s, e, t in article.spans if t in collection.framing]
        for e in cues.find(Document(article.text, collection.language), anchors, HAND_KINDS):
            if e["cue"] in OTHER_KINDS and lowered(e["text"]) not in HAND_WORD_KINDS:
                rows.append((collection.name, e["cue"], _covered(framing, e["start"], e["end"])))
    return rows


def _smoothed_rate(hits: int, uses: int, base: float, language: str) -> float:
    """A span kind's rate of overlapping framing spans, smoothed (see SPAN_PRIOR)."""
    if language == "en":
        return (hits + SPAN_PRIOR * base) / (uses + SPAN_PRIOR)
    return (hits + 1) / (uses + 2)


def span_weights(rows: list[tuple], span_rows: list[tuple],
                 language: str = "en") -> tuple[dict, Counter]:
    """Per kind of `span_rows`, the log-odds of overlapping a framing span above the base rate
    of a word of the same collection, smoothed (_smoothed_rate), averaged over the collections
    by uses."""
    import math

    logit = lambda p: math.log(p / (1 - p))  # noqa: E731
    base = {c: sum(r[4] for r in rows if r[0] == c) / max(sum(r[0] == c for r in rows), 1)
            for c in {r[0] for r in rows}}
    uses, total = Counter(), Counter()
    for coll, kind in {(r[0], r[1]) for r in span_rows}:
        n = sum(1 for r in span_rows if r[0] == coll and r[1] == kind)
        hits = sum(1 for r in span_rows if r[0] == coll and r[1] == kind and r[2])
        total[kind] += n * (logit(_smoothed_rate(hits, n, base[coll], language))
                            - logit(base[coll]))
        uses[kind] += n
    return {k: total[k] / uses[k] for k in uses}, uses


def fit(rows: list[tuple], span_rows: list[tuple], language: str = "en") -> dict:
    """The logistic regression's terms: per kind, for valence, per word; and the weights of the
    kinds that are no single word, from `span_rows` (see span_examples)."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    spans, span_uses = span_weights(rows, span_rows, language)
    seen = Counter(r[1] for r in rows)
    names: dict[str, int] = {}
    r_idx, c_idx, values = [], [], []
    for i, (coll, word, kind, valence, *_) in enumerate(rows):
        features = {f"collection={coll}": 1.0}
        if kind:
            features[f"kind={kind}"] = KIND_SCALE
        if valence:
            features["valence"] = KIND_SCALE * valence
        if seen[word] >= MIN_SEEN:
            features[f"word={word}"] = 1.0
        for name, value in features.items():
            r_idx.append(i)
            c_idx.append(names.setdefault(name, len(names)))
            values.append(value)
    x = csr_matrix((values, (r_idx, c_idx)), shape=(len(rows), len(names)))
    y = np.array([r[4] for r in rows])
    regression = LogisticRegression(C=C, max_iter=3000).fit(x, y)
    terms = {name: float(regression.coef_[0][j]) for name, j in names.items()}
    inside = Counter(r[1] for r in rows if r[4])
    offset = _typical_word_offset(rows, terms, float(regression.intercept_[0])) if (
        language == "en") else 0.0
    kinds = {k[5:]: v * KIND_SCALE + offset for k, v in terms.items() if k.startswith("kind=")}
    kinds.update(spans)
    return {
        "kinds": kinds, "kind_uses": Counter(r[2] for r in rows) + span_uses,
        "valence": terms.get("valence", 0.0) * KIND_SCALE,
        "words": {k[5:]: v for k, v in terms.items() if k.startswith("word=")},
        "seen": seen, "inside": inside,
        "stem_articles": Counter(k for k, _ in {(r[2], r[5]) for r in rows}),
        "stem_inside": Counter(r[2] for r in rows if r[4]),
        "stem_inside_articles": Counter(k for k, _ in {(r[2], r[5]) for r in rows if r[4]}),
        "capitalised": Counter(r[2] for r in rows if r[6]),
        "capitalised_words": Counter(r[1] for r in rows if r[6]),
    }


def _typical_word_offset(rows: list[tuple], terms: dict[str, float], intercept: float) -> float:
    """How far the log-odds of a word of no kind (the regression's intercept and collection
    term) lie from those of a typical word (the collection's base rate), averaged over the
    collections by their words. Added to the kinds' terms, it makes a weight the log-odds above
    a typical word's, as the span kinds' are (span_weights), whatever share of the words the
    hand lexicons give a kind. Without it a new kind, taking its in-span words out of the words
    of no kind, lowered their log-odds and raised every other kind with it: round 4's kinds
    lifted the intercept gap by 0.04 (SemEval) and 0.09 (BASIL), and 130 more of VADER's words
    over the weight floor in the model of both ("destroy", "badly", "arguing")."""
    import math

    words, inside = Counter(r[0] for r in rows), Counter(r[0] for r in rows if r[4])
    gap = 0.0
    for coll, n in words.items():
        rate = inside[coll] / n
        gap += n * (intercept + terms[f"collection={coll}"] - math.log(rate / (1 - rate)))
    return gap / sum(words.values())


def lexicon(model: dict, language: str = "en"
            ) -> tuple[dict[str, tuple[str, float, int, int]], dict[str, float]]:
    """Single-word cues (word -> kind, weight, seen, inside) and the weight of every kind."""
    kinds = {}
    for kind in all_kinds(language):
        weight, uses = model["kinds"].get(kind, 0.0), model["kind_uses"][kind]
        if weight >= THRESHOLD or language != "en" and uses < MIN_KIND_USES:
            kinds[kind] = max(weight, THRESHOLD)
    seen, inside = model["seen"], model["inside"]
    base_rate = sum(inside.values()) / max(sum(seen.values()), 1)
    if language != "en":
        hand = _hand_words(model, base_rate, language)
        stems = _span_only_words(model, base_rate, language)
        return {w: v for w, v in stems.items() if w not in listed_kinds(language)} | hand, kinds
    kinds_by_word = HAND_WORD_KINDS
    words = {}
    for word in kinds_by_word:
        # Only the words of a hand kind (VADER's from lexicon.EMOTIVE_MIN_VALENCE on): VADER's
        # milder words ("opportunities", "create", "concern") are no cues however the valence
        # term weighs them: on real pages they read as ordinary words.
        kind = kinds_by_word[word]
        valence = 0.0 if word in NEUTRAL else abs(VALENCE.get(word, 0.0)) / 4
        if kind == "emotive" and VALENCE.get(word, 0.0) > 0:
            # Nor is VADER's praise, unless a hand lexicon names it ("inspiration", "joy",
            # "perfect"): on guides and company pages it is the subject, not sensational framing.
            continue
        if _judged_no_cue(seen[word], inside[word], base_rate):
            continue
        weight = (model["kinds"].get(kind, 0.0) + model["valence"] * valence
                  + model["words"].get(word, 0.0))
        if weight >= THRESHOLD and word not in FUNCTION_WORDS:
            words[word] = (kind, weight, model["seen"][word], model["inside"][word])
    return words, kinds


def _judged_no_cue(seen: int, inside: int, base_rate: float) -> bool:
    """Whether a hand word's own uses, MIN_JUDGED or more, fall inside framing spans less often
    than a typical word's: then its kind's weight does not make it a cue."""
    return seen >= MIN_JUDGED and inside < base_rate * seen


def _hand_words(model: dict, base_rate: float,
                language: str) -> dict[str, tuple[str, float, int, int]]:
    """The words of a language's hand lexicon (listed_kinds) that its data supports: weight
    (kind + word terms) SPAN_THRESHOLD or more, their own uses not against them
    (_judged_no_cue). Everyday words are not excluded: the hand list is what a reader accepts."""
    words = {}
    for word, kind in listed_kinds(language).items():
        seen, inside = model["seen"][word], model["inside"][word]
        weight = model["kinds"].get(kind, 0.0) + model["words"].get(word, 0.0)
        if weight >= SPAN_THRESHOLD and not _judged_no_cue(seen, inside, base_rate):
            words[word] = (kind, weight, seen, inside)
    return words


def stem_of(word: str, language: str) -> str:
    """The kind of a word of a language without hand lexicons: its Snowball stem (NLTK's), which
    its inflections share ("catastrophe", "catastrophes"); its first STEM_LETTERS letters in a
    language Snowball has no stemmer for."""
    return "stem:" + _stemmer(language)(word)


@functools.cache
def _stemmer(language: str):
    from nltk.stem.snowball import SnowballStemmer

    name = SNOWBALL.get(language)
    return SnowballStemmer(name).stem if name else lambda word: word[:STEM_LETTERS]


@functools.cache
def vocabulary(language: str) -> dict[str, list[str]]:
    """The language's words (wordfreq's VOCABULARY commonest, alphabetic, MIN_LETTERS or more,
    none everyday: EVERYDAY_ZIPF) by stem: a cue stem's inflections the training never saw."""
    from wordfreq import top_n_list, zipf_frequency

    forms: dict[str, list[str]] = {}
    for word in top_n_list(language, VOCABULARY):
        if (word.isalpha() and len(word) >= MIN_LETTERS
                and zipf_frequency(word, language) <= EVERYDAY_ZIPF):
            forms.setdefault(stem_of(word, language), []).append(word)
    return forms


def _span_only_words(model: dict, base_rate: float,
                     language: str) -> dict[str, tuple[str, float, int, int]]:
    """A language without hand lexicons: the words of the stems the data alone supports (see the
    module's docstring), all of kind `loaded`: the stem's forms seen in training and those of the
    language's vocabulary, less its everyday words (EVERYDAY_ZIPF)."""
    from wordfreq import zipf_frequency

    seen_forms: dict[str, set[str]] = {}
    for word in model["seen"]:
        seen_forms.setdefault(stem_of(word, language), set()).add(word)
    neutral, forms = neutral_words(language), vocabulary(language)
    words = {}
    for stem, seen in seen_forms.items():
        if not _supported(model, stem, base_rate, language):
            continue
        for word in seen | set(forms.get(stem, ())):
            weight = model["kinds"].get(stem, 0.0) + model["words"].get(word, 0.0)
            if (weight >= SPAN_THRESHOLD and len(word) >= MIN_LETTERS and word not in neutral
                    and _own_uses_agree(model, word, base_rate, language)
                    and zipf_frequency(word, language) <= EVERYDAY_ZIPF):
                words[word] = ("loaded", weight, model["seen"][word], model["inside"][word])
    return words


def _own_uses_agree(model: dict, word: str, base_rate: float, language: str) -> bool:
    """Whether a form seen in training falls inside framing spans OWN_RATE times as often as a
    typical word (NOUN_RATE for a noun of a language that capitalises nouns): its stem does not
    make it a cue ("retraites", 1 of 4 uses inside a span, took its weight from "retrait")."""
    return _inside_often(model["inside"][word], model["seen"][word],
                         _is_noun(model["capitalised_words"][word], model["seen"][word], language),
                         base_rate)


def _is_noun(capitalised: int, uses: int, language: str) -> bool:
    """A noun of a language that capitalises nouns: capitalised in most of its uses."""
    return language in cues.NOUNS_CAPITALISED and 2 * capitalised > uses


def _inside_often(inside: int, uses: int, noun: bool, base_rate: float) -> bool:
    """Whether `inside` of `uses` fall in framing spans OWN_RATE times as often as a typical
    word's (NOUN_RATE times for a noun)."""
    return inside >= (NOUN_RATE if noun else OWN_RATE) * base_rate * uses


def _supported(model: dict, stem: str, base_rate: float, language: str) -> bool:
    """Whether a stem's uses in training make it a cue: seen in MIN_ARTICLES articles, inside
    framing spans in MIN_INSIDE_ARTICLES (a noun of a language that capitalises nouns, in
    NOUN_INSIDE_ARTICLES), and OWN_RATE times as often as a typical word."""
    uses = model["kind_uses"][stem]
    noun = _is_noun(model["capitalised"][stem], uses, language)
    return (model["stem_articles"][stem] >= MIN_ARTICLES
            and model["stem_inside_articles"][stem] >= (
                NOUN_INSIDE_ARTICLES if noun else MIN_INSIDE_ARTICLES)
            and _inside_often(model["stem_inside"][stem], uses, noun, base_rate))


def anchors_of(words: dict, kinds: dict, language: str = "en") -> dict:
    return build_anchors({w: (k, round(wt, 3)) for w, (k, wt, *_) in words.items()}, kinds,
                         hand_phrases(language), literal_phrases(language))


def measure(collection: Collection, anchors: dict, kinds: dict, articles=None,
            densities_by_article: dict | None = None) -> dict:
    """Sentence ROC AUC of the cue weight against "holds a framing span", cue precision (share
    of cues inside any annotated span), the share of all words inside one (a random word's
    precision), and the Spearman between an article's cue density and its span density. Each
    article's density goes into `densities_by_article` when one is given."""
    from scipy.stats import spearmanr
    from sklearn.metrics import roc_auc_score

    labels, scores, hits, words_inside = [], [], [], []
    densities, span_densities = [], []
    for article in collection.articles if articles is None else articles:
        doc = Document(article.text, collection.language)
        evidence = cues.find(doc, anchors, kinds)
        framing = [(s, e) for s, e, t in article.spans if t in collection.framing]
        annotated = [(s, e) for s, e, _ in article.spans]
        for start, end in article.sentences or sentence_spans(article.text):
            labels.append(_covered(framing, start, end))
            scores.append(sum(e["weight"] for e in evidence if start <= e["start"] < end))
        hits += [_covered(annotated, e["start"], e["end"]) for e in evidence]
        words_inside += [_covered(annotated, s, e) for s, e in doc.words]
        densities.append(cues.density(evidence, cues.judged_words(doc)))
        span_densities.append(100 * len(framing) / max(len(doc.words), 1))
        if densities_by_article is not None:
            densities_by_article[article.name] = densities[-1]
    return {"sentence_auc": round(float(roc_auc_score(labels, scores)), 3),
            "cue_precision": round(sum(hits) / max(len(hits), 1), 3),
            "cues": len(hits),
            "random_word": round(sum(words_inside) / len(words_inside), 3),
            "article_spearman": round(float(spearmanr(densities, span_densities)[0]), 3)}


def held_out(sets: list[Collection]) -> dict[str, dict]:
    """Each collection measured with weights learned on the others only."""
    figures = {}
    for held in sets:
        rows = [r for c in sets if c is not held for r in examples(c)]
        spans = [r for c in sets if c is not held for r in span_examples(c)]
        figures[held.name] = measure(held, *_weights(fit(rows, spans)))
    return figures


def cross_validated(sets: list[Collection], densities: dict | None = None) -> dict[str, dict]:
    """Each collection in FOLDS article folds (article i of the sorted ids in fold i % FOLDS),
    each fold measured with weights learned on the other collections and the collection's other
    folds: how a collection of the same kind as one trained on would fare. Each article's
    out-of-fold density goes into `densities` when one is given."""
    other_rows = {c.name: examples(c) for c in sets}
    other_spans = {c.name: span_examples(c) for c in sets}
    figures = {}
    for held in sets:
        fold_figures = []
        for fold in range(FOLDS):
            train = [a for i, a in enumerate(held.articles) if i % FOLDS != fold]
            test = [a for i, a in enumerate(held.articles) if i % FOLDS == fold]
            rows = examples(held, train) + [r for c in sets if c is not held
                                            for r in other_rows[c.name]]
            spans = span_examples(held, train) + [r for c in sets if c is not held
                                                  for r in other_spans[c.name]]
            model = fit(rows, spans, held.language)
            fold_figures.append(measure(held, *_weights(model, held.language), test, densities))
        figures[held.name] = {k: round(sum(f[k] for f in fold_figures) / FOLDS, 3)
                              for k in fold_figures[0]}
    return figures


def _weights(model: dict, language: str = "en") -> tuple[dict, dict]:
    words, kinds = lexicon(model, language)
    return anchors_of(words, kinds, language), kinds


def write(model: dict, figures: dict, sets: list[Collection], language: str = "en") -> None:
    words, kinds = lexicon(model, language)
    sources = ", ".join(c.name for c in sets)
    header = (
        f"# Single-word framing cues learned by newsbadge_dev.training.body_cues from {sources}\n"
        "# ($NEWSBADGE_DATA; derived counts and weights only). weight = log-odds of the word\n"
        "# being inside a framing span, above the collection's base rate (kind + valence + word\n"
        "# terms of a penalised logistic regression); words from weight "
        f"{THRESHOLD if language == 'en' else SPAN_THRESHOLD} on.\n"
        + ("# kind: the hand lexicon's (emotive: VADER's negative words, EMOTIVE_MIN_VALENCE on).\n"
           if language == "en" else
           "# kind: that of cues_LANG.tsv (hand list), else loaded: the forms of Snowball stems "
           f"(NLTK) of\n# {MIN_ARTICLES} articles or more, inside "
           f"framing spans {OWN_RATE:g} times as often as a typical word. Forms of\n"
           "# seen 0 are the stem's inflections in wordfreq's word list "
           "(CC BY-SA 4.0 data), weighed by the stem.\n")
        + "# seen / inside: uses in the training articles, and inside a framing span.\n"
        "# word\tkind\tweight\tseen\tinside\n")
    rows = sorted(words.items(), key=lambda item: (-item[1][1], item[0]))
    (DATA / f"learned_cues_{language}.tsv").write_text(
        header + "".join(f"{w}\t{k}\t{wt:.3f}\t{n}\t{i}\n" for w, (k, wt, n, i) in rows),
        encoding="utf-8")
    content = {
        "about": f"Kind weights of the body cues, learned by newsbadge_dev.training.body_cues "
                 f"from {sources} (log-odds above the base rate; phrases and non-word kinds at "
                 f"least the threshold). held_out: each collection measured with weights learned "
                 f"on the other; cross_validated: {FOLDS} article folds, the other collection "
                 "in training too"
                 + ("." if language == "en" else
                    f"; thresholds: the {MODERATE_PERCENTILE}th percentile of the out-of-fold "
                    f"body density of the reporting articles, and the {HIGH_PERCENTILE}th of "
                    "all articles."),
        "threshold": THRESHOLD, "C": C,
        **({"kind_scale": KIND_SCALE, "valence": round(model["valence"], 4)}
           if language == "en" else {}),
        "kinds": {k: round(v, 4) for k, v in sorted(kinds.items())},
        **figures,
    }
    write_json(DATA / f"cue_weights_{language}.json", content.pop("about"), content)
    print(f"wrote {len(words)} cues to {DATA / f'learned_cues_{language}.tsv'} and "
          f"{DATA / f'cue_weights_{language}.json'}")


def main() -> int:
    root = data_dir()
    if not (root / "semeval2023" / "en").is_dir() or not (root / "basil").is_dir():
        print(f"SKIPPED: body cue training: {root}/semeval2023/en or /basil not found")
        return 0
    sets = collections()
    figures = {"held_out": held_out(sets)}
    print(f"held out: {figures['held_out']}")
    model = fit([r for c in sets for r in examples(c)],
                [r for c in sets for r in span_examples(c)])
    write(model, figures, sets)
    for language in SHIPPED:
        if (root / "semeval2023" / SPAN_LANGUAGES[language]).is_dir():
            train_language(language)
        else:
            print(f"SKIPPED: body cues of {language}: {root}/semeval2023/"
                  f"{SPAN_LANGUAGES[language]} not found")
    return 0


def train_language(language: str) -> None:
    """A SPAN_LANGUAGES language: its figures in article folds, its body thresholds from the
    out-of-fold densities of its reporting articles, and its cues learned on all its articles."""
    import numpy as np

    held = span_collection(language)
    densities: dict[str, float] = {}
    figures = {"cross_validated": cross_validated([held], densities)}
    reporting = [densities[a.name] for a in held.articles if a.genre == "reporting"]
    percentiles = lambda values: {str(q): round(float(np.percentile(values, q)), 3)  # noqa: E731
                                  for q in (25, 50, 75, 85, 90, 97)}
    figures["percentiles"] = {"reporting": percentiles(reporting),
                              "all": percentiles(list(densities.values()))}
    figures["thresholds"] = {
        "moderate": round(float(np.percentile(reporting, MODERATE_PERCENTILE)), 3),
        "high": round(float(np.percentile(list(densities.values()), HIGH_PERCENTILE)), 3)}
    figures["reporting_articles"] = len(reporting)
    print(f"{language}: {figures}")
    write(fit(examples(held), span_examples(held), language), figures, [held], language)


if __name__ == "__main__":
    sys.exit(main())
