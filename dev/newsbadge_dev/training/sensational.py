"""Train the sensational scorer's data files from the shared labeled data.

1. data/vader_en.tsv, vader_boosters_en.txt, negators_en.txt: derived from the VADER lexicon
   (vaderSentiment, MIT) when that package is installed; otherwise the committed files are kept.
2. data/headline_model.json: a logistic regression over the named headline features of
   newsbadge.sensational.headline, fitted on $NEWSBADGE_DATA/clickbait (all of it, after 5-fold
   cross-validation whose figures are stored beside the weights), with the headline thresholds:
   "moderate" at the accuracy-maximising cut, "high" where 97% of the news headlines score below.
3. data/body_thresholds.json: percentiles of the body density over the PolNeAR train articles
   (ordinary political news): "moderate" above the 85th, "high" above the 97th.

Run: .venv/bin/python -m newsbadge_dev.training.sensational   (or `make train`)
"""

from __future__ import annotations

import sys
from pathlib import Path

from newsbadge import datafiles
from newsbadge_dev.paths import data_dir
from newsbadge_dev.training.output import write_json, write_lines

OUT = datafiles.folder("newsbadge.sensational")

DATA_DIR = data_dir()
SEED = 0
FOLDS = 5
# L2 strength of the logistic regression (scikit-learn's C). 1.0 is its default; with ~80
# standardised features and 32,000 headlines the fit is not sensitive to it (0.1-10 move the
# cross-validated AUC by less than 0.001).
C = 1.0
MODERATE_PERCENTILE = 85
HIGH_PERCENTILE = 97

VADER_NOTE = (
    "Derived from VADER's lexicon (vaderSentiment 3.3.2, C.J. Hutto, MIT licence;\n"
    "Hutto and Gilbert, ICWSM 2014) by newsbadge_dev.training.sensational: {what}.\n"
    "MIT licence: Copyright (c) 2016 C.J. Hutto. Permission is hereby granted, free of\n"
    "charge, to any person obtaining a copy of this software ... subject to the condition\n"
    "that the above copyright notice and this permission notice shall be included in all\n"
    "copies or substantial portions of the Software."
)


def derive_vader() -> None:
    try:
        import vaderSentiment.vaderSentiment as vader
    except ImportError:
        print("vaderSentiment not installed: keeping the committed VADER-derived files")
        return
    lexicon = Path(vader.__file__).with_name("vader_lexicon.txt").read_text(encoding="utf-8")
    rows = []
    for line in lexicon.splitlines():
        word, valence = line.split("\t")[:2]
        if word.replace("-", "").replace("'", "").isalpha() and word.islower():
            rows.append(f"{word}\t{float(valence):.1f}")
    write_lines(OUT / "vader_en.tsv", VADER_NOTE.format(
        what="its word entries (no emoticons) with their mean valence, -4..4"), rows)
    boosters = sorted(w for w, v in vader.BOOSTER_DICT.items() if v > 0 and " " not in w)
    write_lines(OUT / "vader_boosters_en.txt",
                VADER_NOTE.format(what="the intensifying entries of its BOOSTER_DICT"), boosters)
    negators = sorted(set(vader.NEGATE) | {"no", "nor", "without", "hardly", "cannot"})
    write_lines(OUT / "negators_en.txt",
                VADER_NOTE.format(what="its NEGATE list, plus no, nor, without, hardly"), negators)
    print(f"VADER: {len(rows)} words, {len(boosters)} boosters, {len(negators)} negators")


def read_headlines() -> tuple[list[str], list[int]]:
    titles, labels = [], []
    for name, label in (("clickbait_data", 1), ("non_clickbait_data", 0)):
        for line in (DATA_DIR / "clickbait" / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                titles.append(line.strip())
                labels.append(label)
    return titles, labels


def accuracy_cut(scores, labels) -> tuple[float, float]:
    """The threshold (score >= cut means clickbait) with the highest accuracy, and that accuracy."""
    import numpy as np

    order = np.argsort(-scores, kind="stable")
    s, y = scores[order], labels[order]
    correct = np.cumsum(y) + (len(y) - np.sum(y)) - np.cumsum(1 - y)  # predict top k positive
    last_of_tie = np.r_[s[1:] != s[:-1], True]
    best = int(np.argmax(np.where(last_of_tie, correct, -1)))
    return float(s[best]), float(correct[best] / len(y))


def _matrix(titles: list[str]):
    import numpy as np

    from newsbadge.sensational.headline import FEATURE_NAMES, features

    rows = [features(t)[0] for t in titles]
    return list(FEATURE_NAMES), np.array([[r.get(n, 0.0) for n in FEATURE_NAMES] for r in rows])


def _model():
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    return make_pipeline(StandardScaler(), LogisticRegression(C=C, max_iter=2000))


def cross_validate(titles: list[str], labels: list[int]) -> dict:
    """Stratified k-fold ROC AUC and accuracy; each fold's threshold is chosen on its training
    part (accuracy-maximising), so neither figure has seen its test headlines."""
    import numpy as np
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import StratifiedKFold

    _, x = _matrix(titles)
    y = np.array(labels)
    cv_scores = np.zeros(len(y))
    fold_acc = []
    for train, test in StratifiedKFold(FOLDS, shuffle=True, random_state=SEED).split(x, y):
        fitted = _model().fit(x[train], y[train])
        cut, _ = accuracy_cut(fitted.decision_function(x[train]), y[train])
        cv_scores[test] = fitted.decision_function(x[test])
        fold_acc.append(float(np.mean((cv_scores[test] >= cut) == y[test])))
    return {"folds": FOLDS, "roc_auc": round(float(roc_auc_score(y, cv_scores)), 4),
            "accuracy": round(float(np.mean(fold_acc)), 4)}


def train_headline() -> tuple[str, dict]:
    """The headline model's provenance and content."""
    import numpy as np

    titles, labels = read_headlines()
    cv = cross_validate(titles, labels)
    names, x = _matrix(titles)
    y = np.array(labels)
    fitted = _model().fit(x, y)
    scaler, logistic = fitted[0], fitted[1]
    weights = logistic.coef_[0] / scaler.scale_
    intercept = float(logistic.intercept_[0] - np.sum(weights * scaler.mean_))
    logits = x @ weights + intercept
    cut, accuracy = accuracy_cut(logits, y)
    high = float(np.percentile(logits[y == 0], HIGH_PERCENTILE))
    to_score = lambda z: round(100 / (1 + np.exp(-z)), 2)  # noqa: E731
    provenance = (
        "Logistic regression over newsbadge.sensational.headline features; weights are "
        "per unit of each raw feature (standardisation folded in). Trained by "
        "newsbadge_dev.training.sensational on $NEWSBADGE_DATA/clickbait "
        f"(Chakraborty et al. 2016, all {len(y)} headlines). cv: stratified "
        f"{FOLDS}-fold, seed {SEED}, "
        "threshold chosen on each training fold. thresholds (0-100 scores): moderate = "
        "accuracy-maximising cut on the full set; high = 97th percentile of the news "
        "(non-clickbait) headlines' scores.")
    return provenance, {
        "cv": cv,
        "train_accuracy_at_moderate": round(accuracy, 4),
        "thresholds": {"moderate": float(to_score(cut)), "high": float(to_score(max(high, cut)))},
        "intercept": round(intercept, 4),
        "weights": {n: round(float(w), 4) for n, w in zip(names, weights, strict=True)},
    }


def train_body() -> tuple[str, dict]:
    """The body thresholds' provenance and content."""
    import numpy as np

    from newsbadge.document import Document
    from newsbadge.sensational.cues import body_density

    paths = sorted((DATA_DIR / "polnear" / "train" / "text").glob("*.txt"))
    densities = np.array([body_density(Document(p.read_text(encoding="utf-8"), "en"))
                          for p in paths])
    provenance = (
        "Body density (cue weight per 100 article words, newsbadge.sensational.cues) "
        f"over the {len(paths)} PolNeAR train articles "
        "($NEWSBADGE_DATA/polnear/train/text), ordinary US political news of 2015-2016, "
        "computed by newsbadge_dev.training.sensational."
        f" moderate = {MODERATE_PERCENTILE}th percentile, high = {HIGH_PERCENTILE}th.")
    return provenance, {
        "percentiles": {str(q): round(float(np.percentile(densities, q)), 3)
                        for q in (25, 50, 75, 85, 90, 97, 99)},
        "thresholds": {
            "moderate": round(float(np.percentile(densities, MODERATE_PERCENTILE)), 3),
            "high": round(float(np.percentile(densities, HIGH_PERCENTILE)), 3),
        },
    }


def main() -> int:
    derive_vader()
    if not (DATA_DIR / "clickbait").is_dir() or not (DATA_DIR / "polnear").is_dir():
        print(f"SKIPPED: sensational training: {DATA_DIR}/clickbait or /polnear not found")
        return 0
    provenance, headline = train_headline()
    write_json(OUT / "headline_model.json", provenance, headline)
    print(f"headline: {FOLDS}-fold CV {headline['cv']}, thresholds {headline['thresholds']}")
    provenance, body = train_body()
    write_json(OUT / "body_thresholds.json", provenance, body)
    print(f"body: percentiles {body['percentiles']}, thresholds {body['thresholds']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
