"""Contamination: first version (phrase rules on whole lines of plain text)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import Ranges, line_spans, word_spans
from ..sections import TOO_SHORT, evidence_span, insufficient

MIN_WORDS = 20
LINE_RULES = [
    (re.compile(r"\b(?:ad-free|premium|trial|subscribe)\b", re.I), "subscription"),
    (re.compile(r"\bjoin our\b|\bfollow us\b|\bshare\b", re.I), "social"),
    (re.compile(r"^\d+\s*comments?\b", re.I), "comments"),
    (re.compile(r"^updated\b", re.I), "metadata"),
]


@dataclass
class Result:
    text: str
    section: dict
    boilerplate: Ranges


def page_text(text: str | None, html: str | None) -> str:
    """The text the report's offsets index: the request's text, else the HTML's visible text."""
    if text is not None:
        return text
    if html is not None:
        return re.sub(r"<[^>]*>", " ", html)
    return ""


def analyze(text: str, language: str, html: str | None = None, blocks=None) -> Result:
    words = word_spans(text)
    if len(words) < MIN_WORDS:
        return Result(text, insufficient(TOO_SHORT, spans=[]), Ranges())
    spans = []
    for start, end in line_spans(text):
        line = text[start:end]
        for regex, category in LINE_RULES:
            if len(line.split()) <= 12 and regex.search(line):
                spans.append(evidence_span(text, start, end, category=category, confidence=0.6))
                break
    boilerplate = Ranges.of((s["start"], s["end"]) for s in spans)
    share = sum(1 for w in words if boilerplate.overlaps(*w)) * 100 / len(words)
    level = "clean" if share < 10 else "some" if share < 30 else "heavy"
    return Result(text, {"score": round(share, 1), "level": level, "spans": spans}, boilerplate)
