"""The learned line classifier: two logistic-regression stages, weights in data/line_model.json.

Stage 1 scores each line from its own and its neighbours' features; stage 2 adds stage 1's scores
of the lines around it, so a short line inside a run of prose is kept and a long line inside a run
of menus is not. Pure Python: pages have hundreds of lines, not millions.
"""

from __future__ import annotations

import operator

from .. import datafiles
from ..logistic import logistic
from . import features

# Windows (in lines) over which stage 2 averages stage 1's article probability.
CONTEXT_WINDOWS = (1, 3, 8)
CONTEXT_NAMES = ("p_prev", "p_next", *(f"p_mean_w{w}" for w in CONTEXT_WINDOWS))


def context_of(probabilities: list[float]) -> list[list[float]]:
    """Stage-2 extra features of each line: stage 1's probabilities of the lines around it."""
    n = len(probabilities)
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
        rows.append(row)
    return rows


def _load() -> dict | None:
    try:
        spec = datafiles.json_file(__package__, "line_model.json")
    except FileNotFoundError:
        return None
    return spec if spec["features"] == list(features.NAMES) else None


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
    for row, context in zip(rows, context_of(_stage_probabilities(first, rows)), strict=True):
        row += context
    return _stage_probabilities(second, rows)


def threshold() -> float:
    return SPEC["threshold"]
