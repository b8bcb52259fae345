"""Sensational framing: first version (a short hyperbole list and alarm punctuation)."""

from __future__ import annotations

import re

from ..document import Document
from ..sections import TOO_SHORT, UNSUPPORTED_LANGUAGE, evidence_span, insufficient

LANGUAGES = frozenset({"en"})
MIN_WORDS = 50
HYPERBOLE_RE = re.compile(
    r"\b(?:unprecedented|stunning|shocking|worst ever|devastating|upended|slammed|glowingly)\b", re.I
)
ALARM_RE = re.compile(r"[!?]*![!?]+")


def analyze(doc: Document, title: str | None) -> dict:
    headline = _headline(title) if title else None
    if doc.language not in LANGUAGES:
        return insufficient(UNSUPPORTED_LANGUAGE, headline=headline, evidence=[])
    if len(doc.article_words) < MIN_WORDS:
        return insufficient(TOO_SHORT, headline=headline, evidence=[])
    evidence = [
        evidence_span(doc.text, *m.span(), cue=cue, weight=weight)
        for regex, cue, weight in ((HYPERBOLE_RE, "hyperbole", 0.6), (ALARM_RE, "alarm", 0.5))
        for m in regex.finditer(doc.text)
        if not doc.boilerplate.overlaps(*m.span())
    ]
    density = sum(e["weight"] for e in evidence) * 1000 / len(doc.article_words)
    score = round(min(100.0, density * 10), 1)
    level = "low" if score < 25 else "moderate" if score < 60 else "high"
    return {"score": score, "level": level, "headline": headline, "evidence": evidence}


def _headline(title: str) -> dict:
    hits = len(HYPERBOLE_RE.findall(title)) + len(ALARM_RE.findall(title))
    return {"text": title, "score": min(100.0, 40.0 * hits)}
