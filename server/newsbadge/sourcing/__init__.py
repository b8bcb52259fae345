"""Sourcing density: first version (reporting verbs and hedges)."""

from __future__ import annotations

import re

from ..document import Document
from ..sections import TOO_SHORT, UNSUPPORTED_LANGUAGE, evidence_span, insufficient

LANGUAGES = frozenset({"en"})
MIN_WORDS = 80
CUE_RE = re.compile(
    r"\b(?:said|says|told|according to|claimed|asserted|noted|cites|wrote|tweeted|reported)\b", re.I
)
HEDGE_RE = re.compile(r"\b(?:reportedly|allegedly|has yet to be verified|unconfirmed)\b", re.I)
EMPTY = {"per_1000_words": None, "attributions": [], "sources": [], "hedges": []}


def analyze(doc: Document) -> dict:
    if doc.language not in LANGUAGES:
        return insufficient(UNSUPPORTED_LANGUAGE, **EMPTY)
    if len(doc.article_words) < MIN_WORDS:
        return insufficient(TOO_SHORT, **EMPTY)
    judged = [m for m in CUE_RE.finditer(doc.text) if not doc.boilerplate.overlaps(*m.span())]
    attributions = [
        {"start": m.start(), "end": m.end(), "cue": evidence_span(doc.text, *m.span()),
         "source": None, "quote": False}
        for m in judged
    ]
    hedges = [evidence_span(doc.text, *m.span()) for m in HEDGE_RE.finditer(doc.text)]
    per_1000 = round(len(attributions) * 1000 / len(doc.article_words), 1)
    score = round(min(100.0, per_1000 * 100 / 40), 1)
    level = "thin" if per_1000 < 10 else "moderate" if per_1000 < 25 else "well_sourced"
    return {"score": score, "level": level, "per_1000_words": per_1000,
            "attributions": attributions, "sources": [], "hedges": hedges}
