"""Phrase rules: which category of page furniture a line's wording names.

The phrases live in data/phrases.json (syntax and provenance there). Matching works on the line's
lower-cased word tokens through a dict keyed by each phrase's first token, so one line costs one
dict lookup per word however many phrases there are (a regex alternation of them all would try
every phrase at every character).
"""

from __future__ import annotations

import re

from .. import datafiles

TOKEN_RE = re.compile(r"\w+")
# Punctuation that sticks to the edges of words in news prose ("said," "“There" "(AP)"); none of
# it is a word character, so stripping it from a piece of text leaves the piece's \w+ run.
WORD_EDGE_PUNCTUATION = ".,;:!?\"'“”‘’()[]…–—-/"
NUM, MONTH = "<num>", "<month>"

SPEC = datafiles.json_file(__package__, "phrases.json")
CATEGORIES: tuple[str, ...] = tuple(SPEC["categories"])
# Languages whose page furniture the phrases name.
LANGUAGES = frozenset(SPEC["languages"])
MONTHS = frozenset(SPEC["months"].split())
TEASER_HEADERS = frozenset(SPEC["teaser_headers"])
TEASER_HEADER_OPENERS = frozenset(tuple(opener.split()) for opener in SPEC["teaser_header_openers"])
OPENER_LENGTHS = sorted({len(opener) for opener in TEASER_HEADER_OPENERS})
# A header is short: "More from the Gazette" has 4 words, the longest of teaser_headers 4. Longer
# lines are not looked up (most lines of a page are prose).
TEASER_HEADER_MAX_WORDS = 8


def tokens(text: str) -> list[str]:
    """TOKEN_RE.findall(text), in about 60% of its time on prose.

    Word characters are never whitespace, so the \\w+ runs are those of the whitespace-separated
    pieces; most pieces are one word, bare or with punctuation at its edges, which str methods
    recognise faster than one regex match. Other pieces ("100,000", "isn’t") go to the regex."""
    found = []
    for piece in text.split():
        if not piece.isalnum():
            word = piece.strip(WORD_EDGE_PUNCTUATION)
            if not word.isalnum():
                found += TOKEN_RE.findall(piece)
                continue
            piece = word
        found.append(piece)
    return found


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
NUMBER_PHRASES = INDEX.get(NUM, [])


def token_class(token: str) -> str:
    """The token as phrases see it: digits become <num>, month names <month>."""
    if token.isdigit():
        return NUM
    return MONTH if token in MONTHS else token


def _matches(tokens: list[str], i: int, phrase) -> bool:
    """Whether `phrase` matches at tokens[i], whose first word it matches already (the index
    found it by that word, or by the word's class)."""
    words, start, end, _ = phrase
    stop = i + len(words)
    if (start and i) or stop > len(tokens) or (end and stop != len(tokens)):
        return False
    for k in range(i + 1, stop):
        token, options = tokens[k], words[k - i]
        if token not in options and token_class(token) not in options:
            return False
    return True


def category(tokens: list[str]) -> str | None:
    """The category named by the first phrase found in a line's lower-cased tokens, if any."""
    numbers = any(map(str.isdigit, tokens))
    for i, token in enumerate(tokens):
        phrases = INDEX.get(token)
        if numbers and token.isdigit():
            phrases = (phrases or []) + NUMBER_PHRASES
        if phrases:
            for phrase in phrases:
                if _matches(tokens, i, phrase):
                    return phrase[3]
    return None



def teaser_header(tokens: list[str]) -> bool:
    """Whether a line's lower-cased tokens are a teaser list's header ("Related", "More from X")."""
    if len(tokens) > TEASER_HEADER_MAX_WORDS:
        return False
    return " ".join(tokens) in TEASER_HEADERS or any(
        tuple(tokens[:k]) in TEASER_HEADER_OPENERS for k in OPENER_LENGTHS)
