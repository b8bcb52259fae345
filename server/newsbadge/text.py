"""Offsets-preserving text primitives shared by every scorer.

All offsets are Python string indices (code points) into the text the request sent, as the report
schema promises. Nothing here copies or rewrites the text: scorers work on spans of it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

Span = tuple[int, int]

# A word: letters or digits, with inner apostrophes and hyphens ("isn't", "Q-and-A", "100,000").
WORD_RE = re.compile(r"\w+(?:(?:['’\-]|[.,](?=\d))\w+)*")

# A line from its first visible character to its end: runs of blank lines and leading blanks are
# skipped by the regex engine's scan, not by a Python loop.
LINE_RE = re.compile(r"\S[^\n]*")

# Sentence ends: terminal punctuation, optional closing quotes or brackets, then whitespace; or a
# line break (news text keeps one paragraph per line). Abbreviations such as "U.S." followed by a
# capital are rare enough in news for a first split; the sourcing scorer relies on lines anyway.
# A match starts only where a run of terminal punctuation starts (the lookbehind), and takes the
# run whole (possessive): a page of a million dots is scanned once, not once per dot.
SENTENCE_END_RE = re.compile(r"[.!?…](?<![.!?…]{2})[.!?…]*+[\"'”’)\]]*+(?=\s)|[\r\n]+")


def word_spans(text: str) -> list[Span]:
    """Every word of `text` as a (start, end) span."""
    return [m.span() for m in WORD_RE.finditer(text)]


def line_spans(text: str) -> list[Span]:
    """Every non-blank line of `text`, stripped of surrounding whitespace, as a span."""
    spans = []
    for line in LINE_RE.finditer(text):
        start, end = line.span()
        spans.append((start, start + len(line.group().rstrip())))
    return spans


def sentence_spans(text: str) -> list[Span]:
    """Sentences of `text` as spans, stripped of surrounding whitespace, never empty."""
    spans = []
    start = 0
    for boundary in SENTENCE_END_RE.finditer(text):
        _append_stripped(spans, text, start, boundary.end())
        start = boundary.end()
    _append_stripped(spans, text, start, len(text))
    return spans


def _append_stripped(spans: list[Span], text: str, start: int, end: int) -> None:
    """Append text[start:end] without its surrounding whitespace, unless nothing is left."""
    segment = text[start:end]
    stripped = segment.strip()
    if stripped:
        start += len(segment) - len(segment.lstrip())
        spans.append((start, start + len(stripped)))


@dataclass(frozen=True)
class Ranges:
    """A sorted set of disjoint half-open ranges, for "is this offset inside boilerplate?"."""

    spans: tuple[Span, ...] = ()

    @classmethod
    def of(cls, spans: Iterable[Span]) -> Ranges:
        merged: list[list[int]] = []
        for start, end in sorted(s for s in spans if s[0] < s[1]):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        return cls(tuple((s, e) for s, e in merged))

    def __bool__(self) -> bool:
        return bool(self.spans)

    def overlaps(self, start: int, end: int) -> bool:
        """True when [start, end) shares at least one position with a range."""
        i = bisect.bisect_right(self.spans, (start, float("inf"))) - 1
        if i >= 0 and self.spans[i][1] > start:
            return True
        return i + 1 < len(self.spans) and self.spans[i + 1][0] < end

    def outside(self, spans: list[Span]) -> list[Span]:
        """The spans (sorted by start) that overlap no range: one merge pass, no search per span."""
        kept, ranges, i = [], self.spans, 0
        for start, end in spans:
            while i < len(ranges) and ranges[i][1] <= start:
                i += 1
            if i == len(ranges) or ranges[i][0] >= end:
                kept.append((start, end))
        return kept

    def complement(self, length: int) -> list[Span]:
        """The parts of [0, length) outside every range."""
        gaps, cursor = [], 0
        for start, end in self.spans:
            if start > cursor:
                gaps.append((cursor, start))
            cursor = max(cursor, end)
        if cursor < length:
            gaps.append((cursor, length))
        return gaps
