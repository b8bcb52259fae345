"""Hedges and unverified framing ("reportedly", "has yet to be verified"), from data/hedges.txt."""

from __future__ import annotations

import re

from .. import datafiles
from ..sections import evidence_span
from ..text import Span


def _hedge_patterns() -> dict[str, re.Pattern]:
    """First word of a hedge (as written, lower-case or capitalised) -> one regex of the hedges
    that can start with it. A hedge is tried only where such a word stands: a set lookup per
    word, then a short regex, instead of the engine trying every hedge at every position."""
    by_word: dict[str, list[str]] = {}
    for line in datafiles.lines(__package__, "hedges.txt"):
        group = line[3:line.index(")")].split("|") if line.startswith("(?:") else [line]
        for first in {alternative.split(" ")[0] for alternative in group}:
            for form in (first, first.capitalize()):
                by_word.setdefault(form, []).append(line)
    return {form: re.compile("(?:" + "|".join(lines) + r")\b", re.I)
            for form, lines in by_word.items()}


HEDGES = _hedge_patterns()


def find_hedges(text: str, spans: list[Span], strings: list[str]) -> list[dict]:
    """Hedges starting at the given words (`strings` the words of `spans`, in order)."""
    hedges = []
    for (start, _), pattern in zip(spans, map(HEDGES.get, strings), strict=True):
        m = pattern.match(text, start) if pattern else None
        if m:
            hedges.append(evidence_span(text, *m.span()))
    return hedges
