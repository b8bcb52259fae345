"""Features of one line of page text and of its neighbours, for the line classifier.

Every feature is named, so the learned weights (data/line_model.json) read as a table. The signals
are those that separate article prose from page furniture across sites (after jusText and the
boilerpipe shallow-text features): length, stopword density, capitalisation, sentence punctuation,
digits and currency, repetition on the page, call-to-action openings, phrase-rule matches, and
where the line sits relative to the page's prose.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate
from operator import add, itemgetter

from .. import datafiles
from . import phrases
from .phrases import CATEGORIES

STOPWORDS = frozenset(datafiles.words(__package__, "stopwords_en.txt"))
END_PUNCT_RE = re.compile(r"[.!?…:;][\"'”’)\]]*$")
SENTENCE_RE = re.compile(r"[.!?…][\"'”’)\]]*(?:\s|$)")
DIGITS = "0123456789"
CURRENCY_SYMBOLS = "$€£¥₹"
SEPARATORS = "|•·»›«‹"
LINK_RE = re.compile(r"https?:|www\.|@|#|\.com\b")
# Every LINK_RE match contains one of these; most pages contain none, and str.find tells so
# several times faster than the regex's search (the regex then runs on the lines that have one).
LINK_MARKS = ("http", "www.", "@", "#", ".com")
CTA_WORDS = frozenset(phrases.SPEC["cta_openers"].split())
PHRASE_SCAN_TOKENS = 16
# Word-initial capitals, each with the rest of its word as group 1 when the word is all capital
# (ASCII, two letters or more): one pass counts both. The letter comes first and the word boundary
# is a lookbehind, so the engine can skip ahead to capitals instead of testing \b everywhere.
CAPITALISED_RE = re.compile(r"[A-ZÀ-ÖØ-Þ](?<=\b[A-ZÀ-ÖØ-Þ])((?<=[A-Z])[A-Z]+\b)?")
# A prose line: long enough and closed by sentence punctuation (anchors the position features).
PROSE_MIN_WORDS = 12
NEIGHBOUR_OFFSETS = (-2, -1, 1, 2)
# The base features a line lends the rows of its neighbours.
LENT_TO_NEIGHBOURS = ("log_words", "end_punct", "stop_ratio")
WINDOWS = (2, 5)

BASE = ("log_words", "chars_per_word", "stop_ratio", "cap_ratio", "upper_ratio", "end_punct",
        "log_sentences", "digit_ratio", "currency", "comma_rate", "separators", "link_like",
        "cta_start", "repeated", "short", "words_4_9", "words_10_19", "prose",
        *(f"rule_{c}" for c in CATEGORIES))
CONTEXT = ("pos", "pos_mid", "before_prose", "after_prose", "rel_len", "in_main_run",
           "log_dist_main_run",
           *(f"{name}@{k}" for k in NEIGHBOUR_OFFSETS for name in LENT_TO_NEIGHBOURS),
           *(f"prose_share_w{w}" for w in WINDOWS))
NAMES = BASE + CONTEXT
# The rule_* features of a line, by its phrase category (None: no phrase matched).
RULE_FEATURES = {found: tuple(float(found == c) for c in CATEGORIES)
                 for found in (None, *CATEGORIES)}
LENT = itemgetter(*map(BASE.index, LENT_TO_NEIGHBOURS))
# What a line past either end of the page lends; the page is padded with REACH of them each side.
NO_NEIGHBOUR = (0.0,) * len(LENT_TO_NEIGHBOURS)
REACH = max(map(abs, NEIGHBOUR_OFFSETS))


@dataclass(slots=True)
class Line:
    """One line of the page with what both the features and the categories need."""

    text: str
    tokens: list[str]  # lower-cased word tokens
    category: str | None  # the phrase rules' category of its opening tokens
    ends_sentence: bool


def describe(lines: list[str]) -> list[Line]:
    out = []
    for line in lines:
        tokens = phrases.tokens(line.lower())
        # Cues sit at the start of furniture lines; past PHRASE_SCAN_TOKENS a line is prose.
        out.append(Line(line, tokens, phrases.category(tokens[:PHRASE_SCAN_TOKENS]),
                        END_PUNCT_RE.search(line[-4:]) is not None))
    return out


def _containing(page: str, starts: list[int], marks) -> list[bool]:
    """Which lines contain one of `marks`: `page` joins the lines, `starts` are their offsets in
    it. str.find skips from one line with a mark to the next (most pages have none at all)."""
    found = [False] * len(starts)
    for mark in marks:
        at = page.find(mark)
        while at >= 0:
            line = bisect_right(starts, at) - 1
            found[line] = True
            at = page.find(mark, starts[line + 1]) if line + 1 < len(starts) else -1
    return found


def _digit_counts(page: str, texts: list[str]) -> list[int]:
    """The ASCII digits in each of `texts`, counted by str.count (a regex scan costs ten times
    more per character) for the digits that `page`, joining the texts, has at all."""
    present = [d for d in DIGITS if d in page]
    return [sum(map(text.count, present)) if any(map(text.__contains__, present)) else 0
            for text in texts]


def _base(info: Line, repeated: bool, digits: int, currency: bool, separators: bool,
          link: bool) -> list[float]:
    """The BASE features of one line, given what searches of the whole page found in it."""
    line, lower, end = info.text, info.tokens, info.ends_sentence
    n = len(lower) or 1
    capitals = CAPITALISED_RE.findall(line)
    return [
        math.log1p(len(lower)),
        (len(line) - line.count(" ")) / n,
        sum(map(STOPWORDS.__contains__, lower)) / n,
        len(capitals) / n,
        (len(capitals) - capitals.count("")) / n,
        float(end),
        math.log1p(len(SENTENCE_RE.findall(line))),
        digits / (len(line) or 1),
        float(currency),
        line.count(",") / n,
        float(separators),
        float(link),
        float(bool(lower) and lower[0] in CTA_WORDS),
        float(repeated),
        float(len(lower) <= 3),
        float(4 <= len(lower) <= 9),
        float(10 <= len(lower) <= 19),
        float(len(lower) >= PROSE_MIN_WORDS and end),
        *RULE_FEATURES[info.category],
    ]


def _base_features(lines: list[Line]) -> list[list[float]]:
    """The BASE features of each line. Digits, currency, separators and links are searched for
    in the whole page at once: most lines have none."""
    texts = [line.text for line in lines]
    page = "\n".join(texts)
    # Where each line starts in `page`: the lengths of the lines before it, plus a newline each.
    starts = list(map(add, accumulate(map(len, texts), initial=0), range(len(texts))))
    counts = Counter(texts)
    links = [marked and LINK_RE.search(text) is not None
             for marked, text in zip(_containing(page, starts, LINK_MARKS), texts, strict=True)]
    return list(map(_base, lines, [counts[text] > 1 for text in texts],
                    _digit_counts(page, texts), _containing(page, starts, CURRENCY_SYMBOLS),
                    _containing(page, starts, SEPARATORS), links))


def line_features(lines: list[Line]) -> list[list[float]]:
    """One feature vector per line (in NAMES order), given all the page's lines in order."""
    rows = _base_features(lines)  # each line's BASE features, extended below by its CONTEXT
    count = len(lines)
    n_words = [len(line.tokens) for line in lines]
    prose = [n if n >= PROSE_MIN_WORDS and line.ends_sentence else 0
             for n, line in zip(n_words, lines, strict=True)]
    total = sum(n_words) or 1
    longest = max(n_words, default=0) or 1
    prose_lines = [i for i, p in enumerate(prose) if p]
    first = prose_lines[0] if prose_lines else count
    last = prose_lines[-1] if prose_lines else -1
    # Prefix sums give each window's word and prose-word counts in O(1).
    cum_words = list(accumulate(n_words, initial=0))
    cum_prose = list(accumulate(prose, initial=0))
    run_start, run_end = _main_run(n_words, prose)
    neighbours = [NO_NEIGHBOUR] * REACH + list(map(LENT, rows)) + [NO_NEIGHBOUR] * REACH
    for i, row in enumerate(rows):
        pos = (cum_words[i] + n_words[i] / 2) / total
        # Distance to the main run, and windows clipped to the page, by conditionals: min() and
        # max() calls cost more.
        outside = run_start - i if i < run_start else i - run_end if i > run_end else 0
        row += (pos, 4 * pos * (1 - pos), float(i < first), float(i > last),
                n_words[i] / longest, float(not outside), math.log1p(outside))
        for k in NEIGHBOUR_OFFSETS:
            row += neighbours[REACH + i + k]
        for w in WINDOWS:
            lo = i - w if i > w else 0
            hi = i + w + 1 if i + w < count else count
            words = cum_words[hi] - cum_words[lo]
            row.append((cum_prose[hi] - cum_prose[lo]) / words if words else 0.0)
    return rows


def _main_run(n_words: list[int], prose: list[int]) -> tuple[int, int]:
    """The run of lines richest in prose (a maximum-sum subarray, after boilerpipe's
    largest-block idea): prose lines add their words, other lines subtract half theirs plus one."""
    best, best_span, total, start = 0.0, (0, -1), 0.0, 0
    for i, (n, p) in enumerate(zip(n_words, prose, strict=True)):
        if total <= 0:
            total, start = 0.0, i
        total += p if p else -0.5 * n - 1
        if total > best:
            best, best_span = total, (start, i)
    return best_span
