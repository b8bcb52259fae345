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
from dataclasses import dataclass
from importlib import resources

from . import phrases
from .phrases import CATEGORIES, TOKEN_RE

_DATA = resources.files(__package__) / "data"
_STOPWORD_LINES = _DATA.joinpath("stopwords_en.txt").read_text("utf-8").split()
STOPWORDS = frozenset(w for w in _STOPWORD_LINES if not w.startswith("#"))
END_PUNCT_RE = re.compile(r"[.!?…:;][\"'”’)\]]*$")
SENTENCE_RE = re.compile(r"[.!?…][\"'”’)\]]*(?:\s|$)")
CURRENCY_RE = re.compile(r"[$€£¥₹]")
SEPARATOR_RE = re.compile(r"[|•·»›«‹]")
LINK_RE = re.compile(r"https?:|www\.|@|#|\.com\b")
CTA_WORDS = frozenset(phrases.SPEC["cta_openers"].split())
# A prose line: long enough and closed by sentence punctuation (anchors the position features).
DIGITS = "0123456789"
PHRASE_SCAN_TOKENS = 16
# Word-initial capitals and all-capital words. The letter comes first and the word boundary is a
# lookbehind, so the engine can skip ahead to capitals instead of testing \b everywhere.
CAPITALISED_RE = re.compile(r"[A-ZÀ-ÖØ-Þ](?<=\b[A-ZÀ-ÖØ-Þ])")
ALL_CAPS_RE = re.compile(r"[A-Z](?<=\b[A-Z])[A-Z]+\b")
PROSE_MIN_WORDS = 12
NEIGHBOUR_OFFSETS = (-2, -1, 1, 2)
WINDOWS = (2, 5)

BASE = ("log_words", "chars_per_word", "stop_ratio", "cap_ratio", "upper_ratio", "end_punct",
        "log_sentences", "digit_ratio", "currency", "comma_rate", "separators", "link_like",
        "cta_start", "repeated", "short", "words_4_9", "words_10_19", "prose",
        *(f"rule_{c}" for c in CATEGORIES))
CONTEXT = ("pos", "pos_mid", "before_prose", "after_prose", "rel_len", "in_main_run",
           "log_dist_main_run",
           *(f"{name}@{k}" for k in NEIGHBOUR_OFFSETS
             for name in ("log_words", "end_punct", "stop_ratio")),
           *(f"prose_share_w{w}" for w in WINDOWS))
NAMES = BASE + CONTEXT


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
        tokens = TOKEN_RE.findall(line.lower())
        # Cues sit at the start of furniture lines; past PHRASE_SCAN_TOKENS a line is prose.
        out.append(Line(line, tokens, phrases.category(tokens[:PHRASE_SCAN_TOKENS]),
                        END_PUNCT_RE.search(line[-4:]) is not None))
    return out


def _base(info: Line, repeated: bool) -> list[float]:
    line, lower, category, end = info.text, info.tokens, info.category, info.ends_sentence
    n = len(lower) or 1
    return [
        math.log1p(len(lower)),
        (len(line) - line.count(" ")) / n,
        sum(map(STOPWORDS.__contains__, lower)) / n,
        len(CAPITALISED_RE.findall(line)) / n,
        len(ALL_CAPS_RE.findall(line)) / n,
        float(end),
        math.log1p(len(SENTENCE_RE.findall(line))),
        sum(map(line.count, DIGITS)) / max(len(line), 1),
        float(CURRENCY_RE.search(line) is not None),
        line.count(",") / n,
        float(SEPARATOR_RE.search(line) is not None),
        float(LINK_RE.search(line) is not None),
        float(bool(lower) and lower[0] in CTA_WORDS),
        float(repeated),
        float(len(lower) <= 3),
        float(4 <= len(lower) <= 9),
        float(10 <= len(lower) <= 19),
        float(len(lower) >= PROSE_MIN_WORDS and end),
        *(float(category == c) for c in CATEGORIES),
    ]


def line_features(lines: list[Line]) -> list[list[float]]:
    """One feature vector per line (in NAMES order), given all the page's lines in order."""
    counts: dict[str, int] = {}
    for line in lines:
        counts[line.text] = counts.get(line.text, 0) + 1
    base, n_words, prose = [], [], []
    for line in lines:
        base.append(_base(line, counts[line.text] > 1))
        n = len(line.tokens)
        n_words.append(n)
        prose.append(n if n >= PROSE_MIN_WORDS and line.ends_sentence else 0)
    total = sum(n_words) or 1
    longest = max(n_words, default=0) or 1
    prose_lines = [i for i, p in enumerate(prose) if p]
    first = prose_lines[0] if prose_lines else len(lines)
    last = prose_lines[-1] if prose_lines else -1
    # Prefix sums give each window's word and prose-word counts in O(1).
    cum_words, cum_prose = [0], [0]
    for n, p in zip(n_words, prose, strict=True):
        cum_words.append(cum_words[-1] + n)
        cum_prose.append(cum_prose[-1] + p)
    run_start, run_end = _main_run(n_words, prose)
    stop_idx, end_idx = BASE.index("stop_ratio"), BASE.index("end_punct")
    rows = []
    for i, vec in enumerate(base):
        pos = (cum_words[i] + n_words[i] / 2) / total
        row = vec + [pos, 4 * pos * (1 - pos), float(i < first), float(i > last),
                     n_words[i] / longest, float(run_start <= i <= run_end),
                     math.log1p(max(run_start - i, i - run_end, 0))]
        for k in NEIGHBOUR_OFFSETS:
            j = i + k
            if 0 <= j < len(lines):
                row += [base[j][0], base[j][end_idx], base[j][stop_idx]]
            else:
                row += [0.0, 0.0, 0.0]
        for w in WINDOWS:
            lo, hi = max(i - w, 0), min(i + w + 1, len(lines))
            words = cum_words[hi] - cum_words[lo]
            row.append((cum_prose[hi] - cum_prose[lo]) / words if words else 0.0)
        rows.append(row)
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
