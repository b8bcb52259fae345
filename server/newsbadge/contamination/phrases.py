"""Phrase rules: which category of page furniture a line's wording names.

The phrases live in data/phrases.json (syntax and provenance there). Matching works on the line's
lower-cased word tokens through a dict keyed by each phrase's first token, so one line costs one
dict lookup per word however many phrases there are (a regex alternation of them all would try
every phrase at every character).
"""

from __future__ import annotations

import json
import re
from importlib import resources

TOKEN_RE = re.compile(r"\w+")
NUM, MONTH = "<num>", "<month>"

SPEC = json.loads((resources.files(__package__) / "data" / "phrases.json").read_text("utf-8"))
CATEGORIES: tuple[str, ...] = tuple(SPEC["categories"])
MONTHS = frozenset(SPEC["months"].split())


def _compile(phrase: str, category: str) -> tuple[tuple[frozenset[str], ...], bool, bool, str]:
    start = phrase.startswith("^")
    end = phrase.endswith("$")
    words = phrase.strip("^$").split()
    return tuple(frozenset(w.split("|")) for w in words), start, end, category


def _index() -> dict[str, list]:
    index: dict[str, list] = {}
    for category, phrases in SPEC["categories"].items():
        for phrase in phrases:
            compiled = _compile(phrase, category)
            # Month names are indexed one by one, so lookups need no token classes.
            for first in compiled[0][0]:
                for key in (MONTHS if first == MONTH else (first,)):
                    index.setdefault(key, []).append(compiled)
    return index


INDEX = _index()


def token_class(token: str) -> str:
    """The token as phrases see it: digits become <num>, month names <month>."""
    if token.isdigit():
        return NUM
    return MONTH if token in MONTHS else token


def _matches(tokens: list[str], i: int, phrase) -> bool:
    words, start, end, _ = phrase
    if (start and i) or i + len(words) > len(tokens) or (end and i + len(words) != len(tokens)):
        return False
    return all(tokens[i + k] in options or token_class(tokens[i + k]) in options
               for k, options in enumerate(words))


def category(tokens: list[str]) -> str | None:
    """The category named by the first phrase found in a line's lower-cased tokens, if any."""
    for i, token in enumerate(tokens):
        phrases = INDEX.get(token)
        if token.isdigit():
            phrases = (phrases or []) + INDEX.get(NUM, [])
        for phrase in phrases or ():
            if _matches(tokens, i, phrase):
                return phrase[3]
    return None


def line_category(line: str) -> str | None:
    return category(TOKEN_RE.findall(line.lower()))
