"""Sourcing density: who is cited, how, and what is hedged (the report's `sourcing` section).

Cues come from a lexicon learned on PolNeAR train (see cues.py and newsbadge_dev.training.sourcing);
each cue's attribution is its sentence, stretched to the end of a quotation that runs past it, and
its kind: `reporting` (said, told, according to, a statement) or `belief` (wants, hopes, thinks).
Reporting attributions get a source, found next to the cue and merged (sources.py); beliefs are
listed and counted but are not sourcing. Density is reporting attributions per 1,000 article
words, an unnamed source counting ANONYMOUS_WEIGHT of a named one and the writer's own first
person not at all; score and level place it in the detector's own distribution on PolNeAR train
(data/calibration.json). Text overlapping boilerplate is not judged.
"""

from __future__ import annotations

from itertools import compress
from typing import NamedTuple

from .. import datafiles
from ..document import Document
from ..sections import TOO_SHORT, UNSUPPORTED_LANGUAGE, evidence_span, insufficient
from . import cues, sources
from .attribution import attribute, cited_outlets
from .calibration import CALIBRATION, SCALE, score
from .hedges import HEDGES, find_hedges

LANGUAGES = frozenset({"en"})
# Below this many article words one quote more or less swings the density by 10+ per 1,000.
MIN_WORDS = 80
# Attributions past this many are counted but not listed: it bounds the time of hostile inputs.
MAX_LISTED = 1000
# What an attribution to an unnamed source ("sources say", "officials familiar with the matter")
# adds to the density, against 1 for a named one. A judgement, not a measurement: no labeled
# data rates how much less a reader should trust unnamed sources, only that it is less.
ANONYMOUS_WEIGHT = 0.5
EMPTY = {"per_1000_words": None, "attributions": [], "sources": [], "hedges": []}
# Languages whose reporting cues ("selon", "laut", "secondo", "según", and verbs of saying) are
# listed but not graded: no labeled attribution data measures them, and source finding is
# English's (data/reporting_cues_other.tsv).
CUES_ONLY = {language: frozenset(words.split())
             for language, words in datafiles.rows(__package__, "reporting_cues_other.tsv")}


class Vocabulary(NamedTuple):
    """A cue lexicon as the page's words are looked up in it."""

    lexicon: cues.Lexicon
    # Cue words as written in running text, at the start of a sentence and in capitals: a word
    # in another case ("SaId") is no cue.
    forms: frozenset
    # Every surface form worth a second look: cue forms and the first words of hedges. One set
    # lookup per word (in C, over the Document's word strings) finds both.
    triggers: frozenset

    @classmethod
    def of(cls, lexicon: cues.Lexicon) -> Vocabulary:
        forms = frozenset(f for w in lexicon.cues for f in (w, w.capitalize(), w.upper()))
        return cls(lexicon, forms, forms | HEDGES.keys())


VOCABULARY = Vocabulary.of(cues.Lexicon.of(cues.learned_lexicon(), CALIBRATION["cue_threshold"]))


def analyze(doc: Document, vocabulary: Vocabulary = VOCABULARY) -> dict:
    """The sourcing section of `doc` (another vocabulary only for training and evaluation)."""
    if len(doc.article_words) < MIN_WORDS:  # first: a few words are too few in any language
        return insufficient(TOO_SHORT, SCALE, **EMPTY)
    if doc.language in CUES_ONLY:
        return insufficient(UNSUPPORTED_LANGUAGE, SCALE,
                            **{**EMPTY, "attributions": listed_cues(doc, CUES_ONLY[doc.language])})
    if doc.language not in LANGUAGES:
        return insufficient(UNSUPPORTED_LANGUAGE, SCALE, **EMPTY)
    text = doc.text
    is_trigger = list(map(vocabulary.triggers.__contains__, doc.article_strings))
    hits = list(compress(doc.article_words, is_trigger))
    hit_strings = list(compress(doc.article_strings, is_trigger))
    # Only cue forms go to find_cues: another word there would just end a run of cue words, which
    # the text between the two words (not blank) does anyway.
    found = cues.find_cues(text, compress(hits, map(vocabulary.forms.__contains__, hit_strings)),
                           vocabulary.lexicon.cues)
    if doc.boilerplate:
        found = [c for c in found if not doc.boilerplate.overlaps(*c)]
    listed = found[:MAX_LISTED]
    article = sources.SourceFinder(text, doc.words, doc.word_strings, doc.boilerplate)
    attributions, registry = attribute(text, listed, doc.sentences, article, vocabulary.lexicon)
    for outlet, cue in cited_outlets(text, attributions):
        registry.count(outlet, cue, cited=False)
    tally = Tally.of(attributions)
    unlisted = sum(vocabulary.lexicon.kind(text, *c) == cues.REPORTING for c in found[MAX_LISTED:])
    per_1000 = round(tally.weight(unlisted) * 1000 / len(doc.article_words), 1)
    tally_fields = tally.fields()
    graded = score(per_1000)
    if tally_fields["mostly_anonymous"]:
        # Mostly unnamed sources: never "well sourced", and the score stays below that cut.
        graded = min(graded, SCALE.cuts[-1][1] - 1)
    section = {"score": graded, "level": SCALE.level(graded), "scale": SCALE.report(),
               "per_1000_words": per_1000, "attributions": attributions,
               "sources": registry.listing(),
               "hedges": find_hedges(text, hits, hit_strings),
               "thresholds": {"thin_below": CALIBRATION["thin_below"],
                              "well_sourced_from": CALIBRATION["well_sourced_from"]},
               **tally_fields}
    if len(found) > len(listed):
        section["attributions_not_listed"] = len(found) - len(listed)
    return section


def listed_cues(doc: Document, cue_words: frozenset[str]) -> list[dict]:
    """Each reporting cue of a CUES_ONLY language as an attribution of its sentence, with no
    source (none is looked for), at most MAX_LISTED."""
    found = []
    sentences = doc.article_sentences
    at = 0
    for (start, end), word in zip(doc.article_words, doc.article_lower, strict=True):
        if word not in cue_words:
            continue
        while at < len(sentences) - 1 and sentences[at][1] <= start:
            at += 1
        first, last = sentences[at] if sentences else (start, end)
        found.append({**evidence_span(doc.text, first, last),
                      "cue": evidence_span(doc.text, start, end), "source": None,
                      "quote": False, "kind": cues.REPORTING})
        if len(found) == MAX_LISTED:
            break
    return found


class Tally(NamedTuple):
    """The attributions counted by what stands behind them."""

    named: int         # reporting, with a person, organisation, outlet or document as source
    anonymous: int     # reporting, with an unnamed source ("sources", "officials familiar with")
    unattributed: int  # reporting, no source found
    first_person: int  # the writer's own "I said", "we asked": not sourcing
    beliefs: int       # "wants", "hopes", "thinks": not sourcing

    @classmethod
    def of(cls, attributions: list[dict]) -> Tally:
        named = anonymous = unattributed = first_person = beliefs = 0
        for a in attributions:
            if a["kind"] == cues.BELIEF:
                beliefs += 1
            elif a.get("first_person"):
                first_person += 1
            elif a["source"] is None:
                unattributed += 1
            elif a["source"]["kind"] == "anonymous":
                anonymous += 1
            else:
                named += 1
        return cls(named, anonymous, unattributed, first_person, beliefs)

    def weight(self, unlisted: int = 0) -> float:
        """What the reporting attributions add to the density (`unlisted`: reporting cues past
        MAX_LISTED, whose sources were not looked for, each counted as one)."""
        return self.named + self.unattributed + ANONYMOUS_WEIGHT * self.anonymous + unlisted

    def fields(self) -> dict:
        reporting = self.named + self.anonymous + self.unattributed
        return {
            "reporting": reporting,
            "beliefs": self.beliefs,
            "first_person": self.first_person,
            "unattributed": self.unattributed,
            "named_share": round(self.named / reporting, 3) if reporting else None,
            "anonymous_share": round(self.anonymous / reporting, 3) if reporting else None,
            "mostly_anonymous": self.anonymous > self.named,
        }
