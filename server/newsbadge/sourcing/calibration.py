"""Where a page's attribution density stands: its score (percentile) and level among PolNeAR train
articles as this detector counts them (data/calibration.json, written by
newsbadge_dev.training.sourcing)."""

from __future__ import annotations

import bisect

from .. import datafiles

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


def level(per_1000: float) -> str:
    if per_1000 < CALIBRATION["thin_below"]:
        return "thin"
    return "well_sourced" if per_1000 >= CALIBRATION["well_sourced_from"] else "moderate"
