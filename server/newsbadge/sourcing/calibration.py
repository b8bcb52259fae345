"""Where a page's attribution density stands: its score (percentile) and level among PolNeAR train
articles as this detector counts them (data/calibration.json, written by
newsbadge_dev.training.sourcing)."""

from __future__ import annotations

import bisect

from .. import datafiles
from ..sections import Scale

CALIBRATION = datafiles.json_file(__package__, "calibration.json")


def score(per_1000: float) -> float:
    """Percentile of the density among PolNeAR train articles (as this detector counts them)."""
    quantiles = CALIBRATION["per_1000_quantiles"]
    i = bisect.bisect_right(quantiles, per_1000)
    if i == 0:
        return 0.0
    if i == len(quantiles):
        return 100.0
    low, high = quantiles[i - 1], quantiles[i]
    fraction = (per_1000 - low) / (high - low) if high > low else 0.0
    return round(100 * (i - 1 + fraction) / (len(quantiles) - 1), 1)


# Levels on the score scale: they change where the scores of the calibration's density cuts (its
# 10th percentile and median) fall.
SCALE = Scale(cuts=(("thin", score(CALIBRATION["thin_below"])),
                    ("moderate", score(CALIBRATION["well_sourced_from"]))),
              top="well_sourced", optimum=100.0)
