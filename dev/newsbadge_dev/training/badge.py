"""Derive the badge's cut points from data: server/newsbadge/data/badge_calibration.json.

Ordinary news is the reference: PolNeAR train (840 articles of seven US outlets, as plain text)
for what the article says, and the scrapinghub pages (181 real article pages, as HTML) for what
a page around an article interrupts it with (PolNeAR's texts have no page around them).
- framing: from the median of the sensational score on PolNeAR train to its 95th percentile;
- thin sourcing: from the median of attributions per 1,000 words on PolNeAR train down to its
  5th percentile;
- unnamed sourcing: from the 90th percentile of the anonymous share of sourced attributions on
  PolNeAR train to its 99th;
- interruptions: from the median of the contamination score on the scrapinghub pages to its
  95th percentile;
- levels: good from the 25th percentile of the badge number on PolNeAR train (its reporting and
  opinion articles, with the ramps above), poor below its 5th.
Run after the scorers' own trainers: the cuts depend on what the scorers find.
Usage: python -m newsbadge_dev.training.badge   (NEWSBADGE_DATA defaults to ../shared/data)
"""

from __future__ import annotations

import sys

import numpy as np

from newsbadge import analyze, badge, datafiles
from newsbadge_dev import extraction_sets, genre_sets
from newsbadge_dev.training.output import write_json

OUT = datafiles.path("newsbadge", "badge_calibration.json")
# (ramp, collection, value of a report, percentile where the penalty starts, where it is full)
RAMP_SOURCES = [
    ("framing", "polnear_train", lambda r: r["sensational"]["score"], 50, 95),
    ("thin_sourcing", "polnear_train", lambda r: r["sourcing"]["per_1000_words"], 50, 5),
    ("unnamed_sourcing", "polnear_train", lambda r: badge.anonymous_share(r["sourcing"]), 90, 99),
    ("interruptions", "scrapinghub", lambda r: r["contamination"]["score"], 50, 95),
]
GOOD_PERCENTILE, POOR_PERCENTILE = 25, 5


def reports() -> dict[str, list[dict]]:
    return {"polnear_train": [analyze({"text": t.text}) for t in genre_sets.polnear("train")],
            "scrapinghub": [analyze({"html": p.html}) for p in extraction_sets.scrapinghub()]}


def derive(collections: dict[str, list[dict]]) -> dict:
    ramps, notes = {}, {}
    for name, collection, value, start, end in RAMP_SOURCES:
        values = [v for v in map(value, collections[collection]) if v is not None]
        ramps[name] = {"start": round(float(np.percentile(values, start)), 3),
                       "end": round(float(np.percentile(values, end)), 3)}
        notes[name] = (f"{collection} ({len(values)} graded): percentile {start} to "
                       f"percentile {end}")
    news = [r for r in collections["polnear_train"]
            if r["genre"].get("kind") in ("reporting", "opinion") and r["sensational"]["score"]
            is not None]
    numbers = [badge.points_left(badge.reasons(r["sensational"], r["contamination"],
                                               r["sourcing"], ramps)) for r in news]
    levels = {"good_from": int(np.percentile(numbers, GOOD_PERCENTILE)),
              "mixed_from": int(np.percentile(numbers, POOR_PERCENTILE))}
    notes["levels"] = (f"polnear_train ({len(numbers)} reporting and opinion articles): good "
                       f"from percentile {GOOD_PERCENTILE} of the badge number, poor below "
                       f"percentile {POOR_PERCENTILE}")
    return {"ramps": ramps, "levels": levels}, {
        "written_by": "python -m newsbadge_dev.training.badge", **notes}


def main() -> int:
    absent = genre_sets.missing() or extraction_sets.available()
    if absent:
        print(f"SKIPPED: badge calibration: {absent} not found (set NEWSBADGE_DATA)")
        return 0
    calibration, provenance = derive(reports())
    write_json(OUT, provenance, calibration)
    print(f"badge: ramps {calibration['ramps']}, levels {calibration['levels']}; wrote {OUT}")
    band = 100 - calibration["levels"]["good_from"]
    weak = [name for name, weight in badge.WEIGHTS.items() if weight <= band]
    if weak:
        print(f"WARNING: at their worst, {weak} leave a page green (weight <= {band}): raise "
              "badge.WEIGHTS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
