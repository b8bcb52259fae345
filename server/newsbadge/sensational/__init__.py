"""Sensational framing: how much a page works its reader up, and the words that do it.

Two parts, each explained by its evidence:
- the headline: a logistic model over named framing features (headline.py, weights trained on
  the clickbait set by newsbadge_dev.training.sensational), scored 0-100;
- the body: framing cues found in the article text (cues.py, lexicons in data/), as a density of
  cue weight per 100 article words, so that long and short articles compare. English cues have
  hand lexicons as their prior; French, German and Italian ones are learned from span data alone
  (lexicon.BODY_LANGUAGES: the languages with a learned_cues file), each with its own thresholds.

Both are mapped onto one 0-100 scale on which each part's data-derived thresholds sit at the
same points (MODERATE_AT, HIGH_AT); the section's score is the body's, raised by a third of the
gap when the headline is more sensational.
"""

from __future__ import annotations

import math

from .. import datafiles
from ..document import Document
from ..sections import TOO_SHORT, UNSUPPORTED_LANGUAGE, Scale, insufficient
from . import cues, headline
from .lexicon import BODY_LANGUAGES, LEARNED

# Languages whose article bodies are graded, and those whose headlines are.
LANGUAGES = frozenset(BODY_LANGUAGES)
HEADLINE_LANGUAGES = frozenset(headline.MODELS)
# Fewer article words than this and the density is noise (one loaded word in 20 is 5 per 100).
MIN_WORDS = 50
# Where the data-derived "moderate" and "high" thresholds sit on the 0-100 scale. Display choices:
# the thresholds themselves come from data/headline_model.json and data/body_thresholds.json.
MODERATE_AT = 40.0
HIGH_AT = 70.0
# The section's, the body's and the headline's levels; a calm page scores 0.
SCALE = Scale(cuts=(("low", MODERATE_AT), ("moderate", HIGH_AT)), top="high", optimum=0.0)
# How far a headline more sensational than its body raises the section's score, as a share of the
# gap (a calmer headline never lowers it: the body's evidence stands). The body is most of what a
# reader reads; the headline is what every reader reads. On PolNeAR's news headlines (not the
# training set), 14-45% per publisher score "moderate" or more, so a headline alone must not grade
# a calm page: a headline at 100 lifts a body of 10 or more to "moderate" (40); one at the "high"
# mark (70) needs a body of 25.
HEADLINE_SHARE = 1 / 3
# Evidence listed in a report, at most (the density counts every cue).
MAX_EVIDENCE = 300

HEADLINE_THRESHOLDS = {language: model["thresholds"] for language, model in headline.MODELS.items()}
# Per language: English's from PolNeAR (body_thresholds.json), the others' from their own
# reporting articles (cue_weights_LANG.json).
BODY_THRESHOLDS = {
    language: datafiles.json_file(__package__, "body_thresholds.json")["thresholds"]
    if language == "en" else weights["thresholds"]
    for language, (_, weights) in LEARNED.items()
}


def analyze(doc: Document, title: str | None) -> dict:
    """The `sensational` section of the report for an article and its title."""
    head = _headline(title, doc.language) if title and title.strip() else None
    supported = doc.language in LANGUAGES
    # Too short comes first: a few words say too little to grade, whatever language they are in.
    if len(doc.article_words) < MIN_WORDS:
        # Too short for a density, but the loaded words are there all the same: show them.
        evidence = cues.find(doc)[:MAX_EVIDENCE] if supported else []
        return insufficient(TOO_SHORT, SCALE, headline=head, evidence=evidence)
    if not supported:
        return insufficient(UNSUPPORTED_LANGUAGE, SCALE, headline=head, evidence=[])
    evidence = cues.find(doc)
    judged = cues.judged_words(doc)
    density = cues.density(evidence, judged)
    thresholds = BODY_THRESHOLDS[doc.language]
    body_score = _scale(density, thresholds["moderate"], thresholds["high"],
                        2 * thresholds["high"])
    score = body_score
    if head and head["scaled"] is not None:
        score += HEADLINE_SHARE * max(0.0, head["scaled"] - body_score)
    score, body_score = round(score, 1), round(body_score, 1)
    kinds: dict[str, int] = {}
    for e in evidence:
        kinds[e["cue"]] = kinds.get(e["cue"], 0) + 1
    return {
        "score": score,
        "level": SCALE.level(score),
        "scale": SCALE.report(),
        "headline": head,
        "evidence": evidence[:MAX_EVIDENCE],
        "body_score": body_score,
        "body_level": SCALE.level(body_score),
        "per_100_words": round(density, 2),
        "cue_counts": kinds,
        "evidence_total": len(evidence),
        "words_judged": judged,
    }


def headline_score(title: str, language: str = "en") -> float:
    """The headline's clickbait framing, 0-100 (the model's probability, in percent)."""
    if language not in HEADLINE_LANGUAGES:
        raise ValueError(f"no headline model for language {language!r}")
    return headline.score(title, language)[0]


def sentence_score(text: str, language: str = "en") -> float:
    """Framing of a short text such as one sentence, 0-100: 100 * (1 - e^-w) for its total cue
    weight w. Not a density: in a sentence, each loaded word counts on its own."""
    weight = sum(e["weight"] for e in cues.find(Document(text, language)))
    return 100 * (1 - math.exp(-weight))


def _headline(title: str, language: str | None) -> dict:
    """The headline part. A title alone is often too short for language detection ("und"):
    it is scored unless it was detected as a language we have no model for."""
    if language not in HEADLINE_LANGUAGES and language not in (None, "und"):
        return {"text": title, "score": None, "level": "insufficient", "scaled": None,
                "reason": UNSUPPORTED_LANGUAGE, "cues": []}
    model = language if language in HEADLINE_LANGUAGES else "en"
    probability, found = headline.score(title, model)
    thresholds = HEADLINE_THRESHOLDS[model]
    scaled = round(_scale(probability, thresholds["moderate"], thresholds["high"], 100), 1)
    return {"text": title, "score": round(probability, 1), "level": SCALE.level(scaled),
            "scaled": scaled, "cues": found}


def _scale(value: float, moderate: float, high: float, top: float) -> float:
    """Piecewise-linear map putting `moderate` at MODERATE_AT, `high` at HIGH_AT, `top` at 100."""
    if value < moderate:
        return MODERATE_AT * value / moderate
    if value < high:
        return MODERATE_AT + (HIGH_AT - MODERATE_AT) * (value - moderate) / (high - moderate)
    return min(100.0, HIGH_AT + (100 - HIGH_AT) * (value - high) / max(top - high, 1e-9))
