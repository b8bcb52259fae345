"""The logistic function and its inverse, clamped so that `math.exp` never overflows and a
probability of 0 or 1 still has a log-odds. Used by every learned part (the line classifier, the
block signals, the headline model): plain arithmetic over weights from data files."""

from __future__ import annotations

import math

# Log-odds are clipped to +-LOGIT_LIMIT: past it the probability is 1.0 (or below 5e-18) either
# way, and math.exp cannot overflow.
LOGIT_LIMIT = 40.0
# Probabilities are read as at least this far from 0 and 1 before taking their log-odds (+-13.8):
# a line the classifier is certain of can still be moved by the page's block signals.
PROBABILITY_FLOOR = 1e-6


def logistic(z: float) -> float:
    """1 / (1 + e^-z), with z clipped to +-LOGIT_LIMIT (by conditionals: min() and max() calls
    cost more in the per-line loop)."""
    if not -LOGIT_LIMIT <= z <= LOGIT_LIMIT:
        z = LOGIT_LIMIT if z > 0 else -LOGIT_LIMIT
    return 1.0 / (1.0 + math.exp(-z))


def logit(p: float) -> float:
    """log(p / (1 - p)), with p kept PROBABILITY_FLOOR away from 0 and 1."""
    p = min(max(p, PROBABILITY_FLOOR), 1 - PROBABILITY_FLOOR)
    return math.log(p / (1 - p))
