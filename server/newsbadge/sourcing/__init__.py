"""Sourcing density: who is cited, how, and what is hedged (the report's `sourcing` section).

Cues come from a lexicon learned on PolNeAR train (see cues.py and newsbadge_dev.training.sourcing);
each cue's attribution is its sentence, stretched to the end of a quotation that runs past it;
sources are found next to the cue and merged (sources.py). Density is attributions per 1,000
article words; score and level place it in the detector's own distribution on PolNeAR train
(data/calibration.json). Text overlapping boilerplate is not judged.
"""

from __future__ import annotations

from itertools import compress

from ..document import Document
from ..sections import TOO_SHORT, UNSUPPORTED_LANGUAGE, insufficient
from . import cues, sources
from .attribution import attribute, cited_outlets
from .calibration import CALIBRATION, SCALE, score
from .hedges import HEDGES, find_hedges

LANGUAGES = frozenset({"en"})
# Below this many article words one quote more or less swings the density by 10+ per 1,000.
MIN_WORDS = 80
CUE_WORDS = cues.cue_words(cues.learned_scores(), cues.reporting_forms(),
                           CALIBRATION["cue_threshold"])
# Attributions past this many are counted but not listed: it bounds the time of hostile inputs.
MAX_LISTED = 1000
# Cue words as written in running text, at the start of a sentence and in capitals: a word in
# another case ("SaId") is no cue.
CUE_FORMS = frozenset(f for w in CUE_WORDS for f in (w, w.capitalize(), w.upper()))
# Every surface form worth a second look: cue forms and the first words of hedges. One set lookup
# per word (in C, over the Document's word strings) finds both.
TRIGGERS = CUE_FORMS | HEDGES.keys()
EMPTY = {"per_1000_words": None, "attributions": [], "sources": [], "hedges": []}


def analyze(doc: Document) -> dict:
    if doc.language not in LANGUAGES:
        return insufficient(UNSUPPORTED_LANGUAGE, SCALE, **EMPTY)
    if len(doc.article_words) < MIN_WORDS:
        return insufficient(TOO_SHORT, SCALE, **EMPTY)
    text = doc.text
    is_trigger = list(map(TRIGGERS.__contains__, doc.article_strings))
    hits = list(compress(doc.article_words, is_trigger))
    hit_strings = list(compress(doc.article_strings, is_trigger))
    # Only cue forms go to find_cues: another word there would just end a run of cue words, which
    # the text between the two words (not blank) does anyway.
    found = cues.find_cues(text, compress(hits, map(CUE_FORMS.__contains__, hit_strings)),
                           CUE_WORDS)
    if doc.boilerplate:
        found = [c for c in found if not doc.boilerplate.overlaps(*c)]
    listed = found[:MAX_LISTED]
    article = sources.SourceFinder(text, doc.words, doc.word_strings)
    attributions, registry = attribute(text, listed, doc.sentences, article)
    for outlet in cited_outlets(text, attributions):
        registry.count(outlet, cited=False)
    per_1000 = round(len(found) * 1000 / len(doc.article_words), 1)
    graded = score(per_1000)
    section = {"score": graded, "level": SCALE.level(graded), "scale": SCALE.report(),
               "per_1000_words": per_1000, "attributions": attributions,
               "sources": registry.listing(),
               "hedges": find_hedges(text, hits, hit_strings),
               "thresholds": {"thin_below": CALIBRATION["thin_below"],
                              "well_sourced_from": CALIBRATION["well_sourced_from"]}}
    if len(found) > len(listed):
        section["attributions_not_listed"] = len(found) - len(listed)
    return section


