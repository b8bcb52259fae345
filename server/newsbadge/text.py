"""Offsets-preserving text primitives shared by every scorer.

All offsets are Python string indices (code points) into the text the request sent, as the report
schema promises. Nothing here copies or rewrites the text: scorers work on spans of it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate, islice
from operator import itemgetter

Span = tuple[int, int]

# A word character: \w itself (a-z is in \w), written so that the regex engine tries the ASCII
# lower-case range before \w's Unicode category, which costs it a table lookup a character; most
# characters of a page are such letters. WORD_SPLIT_RE on the seed page 160 -> 123 us, the same
# split of every character up to U+3000 and of 320 real pages.
WORD_CHAR = r"[a-z\w]"
# A word: letters or digits, with inner apostrophes and hyphens ("isn't", "Q-and-A", "100,000").
# Possessive runs (nothing after them could use a shorter one) and one class for the separators,
# with "." and "," checked for a digit after them: 25% faster than the plain alternation.
WORD_RE = re.compile(rf"{WORD_CHAR}++(?:[-'’.,](?:(?<=[-'’])|(?=\d)){WORD_CHAR}++)*+")
# The same, captured: re.split then returns the gaps and the words in turn.
WORD_SPLIT_RE = re.compile(f"({WORD_RE.pattern})")

# A line from its first visible character to its end: runs of blank lines and leading blanks are
# skipped by the regex engine's scan, not by a Python loop.
LINE_RE = re.compile(r"\S[^\n]*")

# Sentence ends: terminal punctuation, optional closing quotes or brackets, then whitespace; or a
# line break (news text keeps one paragraph per line). Abbreviations such as "U.S." followed by a
# capital are rare enough in news for a first split; the sourcing scorer relies on lines anyway.
# A match starts only where a run of terminal punctuation starts (the lookbehind), and takes the
# run whole (possessive): a page of a million dots is scanned once, not once per dot. Both kinds
# of end open with one character class, which lets the engine skip to candidates: twice as fast
# as the same two ends written as an alternation.
SENTENCE_END_RE = re.compile(
    r"[.!?…\r\n](?:(?<=[\r\n])[\r\n]*|(?<![.!?…]{2})[.!?…]*+[\"'”’)\]]*+(?=\s))")


def word_spans(text: str) -> list[Span]:
    """Every word of `text` as a (start, end) span."""
    return words(text)[0]


def words(text: str) -> tuple[list[Span], list[str]]:
    """Every word of `text`: its span, and the word itself (parallel lists).

    One regex pass and no Python loop: re.split gives gap, word, gap, word, ..., gap; the running
    sum of their lengths is every word's start and end in turn. On a 550-word page this takes
    half the time of building a span per match object, and the words come free."""
    pieces = WORD_SPLIT_RE.split(text)
    offsets = accumulate(map(len, pieces))
    # Zipped with itself, the running sums pair up (start, end) in turn, with no list of them
    # all; one more gap than words: the last sum (the end of the text) is left unpaired.
    return list(zip(offsets, offsets, strict=False)), pieces[1::2]


def lowered(text: str) -> str:
    """The text in lower case with straight apostrophes, as lexicons spell words, with every
    offset unchanged."""
    lower = text.lower()
    if len(lower) != len(text):  # a few characters lower-case to two: keep offsets exact
        lower = "".join(ch.lower()[0] for ch in text)
    return lower.replace("\u2019", "'")


def line_spans(text: str, limit: int | None = None) -> list[Span]:
    """The non-blank lines of `text` (the first `limit` of them), stripped of surrounding
    whitespace, as spans."""
    spans = []
    for line in islice(LINE_RE.finditer(text), limit):
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


# A span's start and end: the keys spans sorted in text order are binary-searched by.
START, END = itemgetter(0), itemgetter(1)


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
        """The spans that overlap no range (`spans` as for `kept_runs`)."""
        kept: list[Span] = []
        for first, past in self.kept_runs(spans):
            kept += spans[first:past]
        return kept

    def kept_runs(self, spans: list[Span]) -> list[tuple[int, int]]:
        """Index runs [first, past) of the spans that overlap no range. `spans` must be sorted
        by start and by end (disjoint spans in text order are): two binary searches per range,
        so a page's words are never visited one by one."""
        runs, cursor = [], 0
        for start, end in self.spans:
            # Spans ending at or before the range's start are kept; so are those starting at
            # or after its end; those between overlap it.
            first = bisect.bisect_right(spans, start, lo=cursor, key=END)
            if first > cursor:
                runs.append((cursor, first))
            cursor = bisect.bisect_left(spans, end, lo=first, key=START)
        if cursor < len(spans):
            runs.append((cursor, len(spans)))
        return runs

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
