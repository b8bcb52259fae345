"""The learned line classifier: two logistic-regression stages, weights in data/line_model.json.

Stage 1 scores each line from its own and its neighbours' features; stage 2 adds stage 1's scores
of the lines around it (its neighbours, the nearest long lines either side, and whether it lies in
the run of lines stage 1 finds most article-like), so a short line inside a run of prose is kept,
a long line inside a run of menus is not, and a first paragraph that share buttons cut off from
the rest of the story stays with it. Pure Python: pages have hundreds of lines, not millions.
"""

from __future__ import annotations

import math
import operator

from .. import datafiles
from ..logistic import logistic
from . import features

# Windows (in lines) over which stage 2 averages stage 1's article probability.
CONTEXT_WINDOWS = (1, 3, 8)
CONTEXT_NAMES = ("p_prev", "p_next", *(f"p_mean_w{w}" for w in CONTEXT_WINDOWS),
                 "in_article_run", "log_dist_article_run", "p_prev_long", "p_next_long")


def _article_run(probabilities: list[float], n_words: list[int]) -> tuple[int, int]:
    """The run of lines stage 1 finds likeliest to be the article: the maximum-sum run of each
    line's (probability - 1/2) times its words plus one, so that short lines between
    paragraphs (share buttons, a caption) cost the run little and a menu's many costs it much."""
    best, best_span, total, start = 0.0, (0, -1), 0.0, 0
    for i, (p, n) in enumerate(zip(probabilities, n_words, strict=True)):
        if total <= 0:
            total, start = 0.0, i
        total += (p - 0.5) * (n + 1)
        if total > best:
            best, best_span = total, (start, i)
    return best_span


def _nearest_long(probabilities: list[float], n_words: list[int]) -> tuple[list, list]:
    """Stage 1's probability of the nearest line before and after each line that is long enough
    to be prose (0 when there is none): a paragraph's standing among paragraphs, whatever share
    buttons or captions sit between them."""
    before, after, last = [], [0.0] * len(probabilities), 0.0
    for p, n in zip(probabilities, n_words, strict=True):
        before.append(last)
        if n >= features.PROSE_MIN_WORDS:
            last = p
    last = 0.0
    for i in range(len(probabilities) - 1, -1, -1):
        after[i] = last
        if n_words[i] >= features.PROSE_MIN_WORDS:
            last = probabilities[i]
    return before, after


def context_of(probabilities: list[float], n_words: list[int]) -> list[list[float]]:
    """Stage-2 extra features of each line: stage 1's probabilities of the lines around it, and
    where the line sits relative to the run of lines stage 1 finds most article-like."""
    n = len(probabilities)
    run_start, run_end = _article_run(probabilities, n_words)
    before, after = _nearest_long(probabilities, n_words)
    cum = [0.0]
    for p in probabilities:
        cum.append(cum[-1] + p)
    rows = []
    for i, p in enumerate(probabilities):
        row = [probabilities[i - 1] if i else 0.0, probabilities[i + 1] if i + 1 < n else 0.0]
        for w in CONTEXT_WINDOWS:
            # The window clipped to the page (conditionals: min() and max() calls cost more).
            lo = i - w if i > w else 0
            hi = i + w + 1 if i + w < n else n
            row.append((cum[hi] - cum[lo] - p) / (hi - lo - 1 or 1))
        outside = run_start - i if i < run_start else i - run_end if i > run_end else 0
        row += (float(not outside), math.log1p(outside), before[i], after[i])
        rows.append(row)
    return rows


def _load() -> dict | None:
    try:
        spec = datafiles.json_file(__package__, "line_model.json")
    except FileNotFoundError:
        return None
    fresh = (spec["features"] == list(features.NAMES)
             and spec.get("context_features") == list(CONTEXT_NAMES))
    return spec if fresh else None


SPEC = _load()


def _folded(stage: dict) -> tuple[list[float], float]:
    """Weights over raw features: standardisation folded into the coefficients."""
    weights = [c / s for c, s in zip(stage["coef"], stage["scale"], strict=True)]
    return weights, stage["intercept"] - sum(w * m for w, m in zip(weights, stage["mean"],
                                                                  strict=True))


STAGES = [_folded(stage) for stage in SPEC["stages"]] if SPEC else []


def _stage_probabilities(stage: tuple[list[float], float], rows: list[list[float]]) -> list[float]:
    """The stage's probability of each row: the logistic function of its log-odds."""
    weights, bias = stage
    return [logistic(bias + sum(map(operator.mul, row, weights))) for row in rows]


def article_probabilities(lines: list[features.Line]) -> list[float]:
    """For each line, the probability that it belongs to the article."""
    if SPEC is None:
        raise RuntimeError("line_model.json missing or stale: run "
                           "`python -m newsbadge_dev.training.contamination`")
    rows = features.line_features(lines)
    first, second = STAGES
    n_words = [len(line.tokens) for line in lines]
    for row, context in zip(rows, context_of(_stage_probabilities(first, rows), n_words),
                            strict=True):
        row += context
    return _stage_probabilities(second, rows)


def threshold() -> float:
    return SPEC["threshold"]
