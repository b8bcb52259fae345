"""Measure the sensational scorer on the shared labeled data (`make eval`).

1. Headlines, $NEWSBADGE_DATA/clickbait: ROC AUC and accuracy of the headline score. The model
   is trained on this set, so the figures are 5-fold cross-validated (features and fitting as in
   newsbadge_dev.training.sensational; the accuracy threshold is chosen on each training fold). The
   shipped model's in-sample figures at the product's threshold are printed beside them.
2. Out of the training domain, $NEWSBADGE_DATA/polnear: the headlines and article bodies of seven
   US publishers (no framing labels): the share of each level per publisher, as a sanity check of
   the thresholds (ordinary news should be mostly "low") and of their spread between outlets.
"""

from __future__ import annotations

import csv
import statistics
import sys
from collections import defaultdict

from newsbadge_dev.paths import data_dir

DATA_DIR = data_dir()


def eval_headlines() -> None:
    import numpy as np
    from sklearn.metrics import roc_auc_score

    from newsbadge import sensational
    from newsbadge_dev.training.sensational import cross_validate, read_headlines

    titles, labels = read_headlines()
    cv = cross_validate(titles, labels)
    shipped = np.array([sensational.headline_score(t) for t in titles])
    y = np.array(labels)
    cut = sensational.HEADLINE_THRESHOLDS["moderate"]
    print(f"sensational headline, {DATA_DIR / 'clickbait'} ({len(y)} headlines, "
          f"{int(y.sum())} clickbait)")
    print("| model | ROC AUC | accuracy |")
    print("| --- | --- | --- |")
    print(f"| {cv['folds']}-fold cross-validated | {cv['roc_auc']:.4f} | {cv['accuracy']:.4f} |")
    print(f"| shipped model, in-sample, threshold {cut:.1f} | "
          f"{roc_auc_score(y, shipped):.4f} | {np.mean((shipped >= cut) == y):.4f} |")
    lexicon = np.array([sensational.sentence_score(t) for t in titles])
    print(f"| body cue lexicons alone (untrained; sentence_score) | "
          f"{roc_auc_score(y, lexicon):.4f} | {np.mean((lexicon > 0) == y):.4f} (any cue) |")


def eval_polnear() -> None:
    from newsbadge import sensational
    from newsbadge.document import Document

    rows = list(csv.DictReader((DATA_DIR / "polnear" / "metadata.tsv").open(encoding="utf-8"),
                               delimiter="\t"))
    by_publisher: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        path = DATA_DIR / "polnear" / row["compartment"] / "text" / f"{row['filename']}.txt"
        if not path.exists():
            continue
        section = sensational.analyze(Document(path.read_text(encoding="utf-8"), "en"),
                                      row["title"])
        by_publisher[row["publisher"]].append(section)
    print(f"\nsensational on PolNeAR (train+dev, {sum(map(len, by_publisher.values()))} articles; "
          "no framing labels: levels' shares per publisher)")
    print("| publisher | articles | headline median | headline moderate+ | body per 100 words "
          "(median) | body moderate+ | body high | section moderate+ |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for publisher, sections in sorted(by_publisher.items()):
        graded = [s for s in sections if s["score"] is not None]
        heads = [s["headline"]["score"] for s in sections if s["headline"]]
        head_flagged = sum(s["headline"]["level"] != "low" for s in sections if s["headline"])
        print(f"| {publisher} | {len(sections)} | {statistics.median(heads):.1f} | "
              f"{head_flagged / max(len(heads), 1):.0%} | "
              f"{statistics.median(s['per_100_words'] for s in graded):.2f} | "
              f"{sum(s['body_level'] != 'low' for s in graded) / len(graded):.0%} | "
              f"{sum(s['body_level'] == 'high' for s in graded) / len(graded):.0%} | "
              f"{sum(s['level'] != 'low' for s in graded) / len(graded):.0%} |")


def main() -> int:
    if not (DATA_DIR / "clickbait").is_dir():
        print(f"SKIPPED: sensational eval: {DATA_DIR / 'clickbait'} not found")
        return 0
    eval_headlines()
    if (DATA_DIR / "polnear").is_dir():
        eval_polnear()
    else:
        print(f"SKIPPED: sensational PolNeAR check: {DATA_DIR / 'polnear'} not found")
    return 0


if __name__ == "__main__":
    sys.exit(main())
