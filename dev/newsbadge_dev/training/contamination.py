"""Train contamination's line classifier: logistic regression over named line features.

Reads scrapinghub (181 news pages) and the article pages of wcxb dev (793) from $NEWSBADGE_DATA,
renders each page's visible text as a browser's innerText would, labels each line article (most of
its word trigrams occur in the ground truth) or boilerplate, and fits a two-stage model:
stage 1 sees a line and its neighbours' features; stage 2 adds stage 1's probabilities of the
neighbouring lines (out-of-fold, so it learns from honest ones). Page-grouped 5-fold
cross-validation picks the threshold and reports the benchmark metrics; the final weights, fitted
on every page, go to server/newsbadge/contamination/data/line_model.json.

    .venv/bin/python -m newsbadge_dev.training.contamination
"""

from __future__ import annotations

import random
import statistics
import sys
import time

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from newsbadge import datafiles
from newsbadge.contamination import features, model
from newsbadge.contamination.visible import parse, visible_text
from newsbadge_dev import extraction_sets
from newsbadge_dev.training.output import write_json

OUT = datafiles.path("newsbadge.contamination", "line_model.json")
FOLDS = 5
C = 1.0  # inverse L2 strength; 0.1-10 changed CV F1 by under 0.005
THRESHOLDS = [round(t, 2) for t in np.arange(0.30, 0.86, 0.05)]


def load_pages() -> list[tuple[extraction_sets.Page, list[str]]]:
    pages = extraction_sets.scrapinghub() + extraction_sets.wcxb_articles()
    return [(p, visible_text(parse(p.html)).split("\n")) for p in pages]


def _crop(lines: list[str], labels: list[int], seed: int) -> slice | None:
    """A window from just before the first article line to just after the last one: the text of
    an article-only request (the extension's reader view, a script's paste), so that the model
    does not learn that a page always opens with furniture."""
    inside = [i for i, label in enumerate(labels) if label]
    if not inside:
        return None
    rng = random.Random(seed)
    window = slice(max(inside[0] - rng.randint(0, 3), 0), inside[-1] + 1 + rng.randint(0, 3))
    return window if (window.start, min(window.stop, len(lines))) != (0, len(lines)) else None


def design(pages, augment: bool = True):
    """Stage-1 matrix, labels, sample weights, page index of each row, whether the row belongs
    to a whole page (not a cropped copy), and the row count of each document in order."""
    X, y, w, group, full, sizes = [], [], [], [], [], []
    for i, (page, lines) in enumerate(pages):
        labels = extraction_sets.line_labels(lines, page.article)
        crop = _crop(lines, labels, i) if augment else None
        docs = [(lines, labels, True)] + ([(lines[crop], labels[crop], False)] if crop else [])
        for doc_lines, doc_labels, whole in docs:
            X += features.line_features(features.describe(doc_lines))
            y += doc_labels
            # Lines weigh by their words: the metrics count words (shingles), not lines.
            w += [1.0 + len(extraction_sets.tokens(line)) for line in doc_lines]
            group += [i] * len(doc_lines)
            full += [whole] * len(doc_lines)
            sizes.append(len(doc_lines))
    return (np.array(X), np.array(y), np.array(w), np.array(group), np.array(full, dtype=bool),
            sizes)


def per_page(p: np.ndarray, group: np.ndarray, full: np.ndarray, n_pages: int) -> list:
    """The probabilities of each whole page's lines, page by page."""
    return [p[(group == i) & full] for i in range(n_pages)]


def fit(X, y, w) -> dict:
    mean, scale = X.mean(axis=0), X.std(axis=0)
    scale[scale == 0] = 1.0
    clf = LogisticRegression(C=C, max_iter=2000)
    clf.fit((X - mean) / scale, y, sample_weight=w)
    return {"mean": mean.tolist(), "scale": scale.tolist(), "coef": clf.coef_[0].tolist(),
            "intercept": float(clf.intercept_[0])}


def predict(stage: dict, X) -> np.ndarray:
    z = ((X - np.array(stage["mean"])) / np.array(stage["scale"])) @ np.array(stage["coef"])
    return 1 / (1 + np.exp(-(z + stage["intercept"])))


def stacked(X, p_article, sizes) -> np.ndarray:
    """Stage-2 matrix: stage 1's features plus its probabilities around each line."""
    # Each line's word count, back from its log_words feature (log1p of the count).
    n_words = np.rint(np.expm1(X[:, features.NAMES.index("log_words")])).astype(int).tolist()
    out, start = [], 0
    for n in sizes:
        out += model.context_of(p_article[start:start + n].tolist(), n_words[start:start + n])
        start += n
    return np.hstack([X, np.array(out)])


def cross_validated(X, y, w, group, sizes, extra=None):
    """Out-of-fold article probabilities of every line from stage 1 and stage 2. Stage 2 trains
    on stage 1's out-of-fold probabilities, as it will meet unseen pages' probabilities.

    `extra` = (X, group, sizes) of other documents made from the same pages (the lines an
    extractor kept): each is scored by the models of the fold that held its page out. Returns
    (p1, p2, p2 of extra or None)."""
    folds = list(GroupKFold(FOLDS).split(X, y, group))
    p1, p2 = np.zeros(len(y)), np.zeros(len(y))
    firsts = []
    for train, test in folds:
        firsts.append(fit(X[train], y[train], w[train]))
        p1[test] = predict(firsts[-1], X[test])
    X2 = stacked(X, p1, sizes)
    seconds = []
    for train, test in folds:
        seconds.append(fit(X2[train], y[train], w[train]))
        p2[test] = predict(seconds[-1], X2[test])
    if extra is None:
        return p1, p2, None
    Xe, ge, sizes_e = extra
    p1e = np.zeros(len(Xe))
    fold_of = {}
    for k, (_, test) in enumerate(folds):
        fold_of.update(dict.fromkeys(np.unique(group[test]).tolist(), k))
    fold_e = np.array([fold_of[g] for g in ge.tolist()], dtype=int)
    for k in range(FOLDS):
        rows = fold_e == k
        p1e[rows] = predict(firsts[k], Xe[rows])
    X2e = stacked(Xe, p1e, sizes_e)
    p2e = np.zeros(len(Xe))
    for k in range(FOLDS):
        rows = fold_e == k
        p2e[rows] = predict(seconds[k], X2e[rows])
    return p1, p2, p2e


def page_scores(pages, probabilities, threshold):
    by_set: dict[str, list] = {"scrapinghub": [], "wcxb": []}
    for (page, lines), p in zip(pages, probabilities, strict=True):
        keep = p >= threshold
        kept = "\n".join(line for line, k in zip(lines, keep, strict=True) if k)
        if page.set == "scrapinghub":
            by_set["scrapinghub"].append(extraction_sets.shingle_prf(kept, page.article))
        else:
            by_set["wcxb"].append((extraction_sets.word_prf(kept, page.article),
                                   extraction_sets.leaked(kept, page.without)))
    sh = statistics.mean(f for _, _, f in by_set["scrapinghub"])
    wc_f1 = statistics.mean(prf[2] for prf, _ in by_set["wcxb"])
    leaks = sum(n for _, (n, _) in by_set["wcxb"]) / max(sum(t for _, (_, t) in by_set["wcxb"]), 1)
    return sh, wc_f1, 100 * leaks


def main() -> int:
    missing = extraction_sets.available()
    if missing:
        print(f"SKIPPED: contamination training data not found ({missing})")
        return 0
    t0 = time.time()
    pages = load_pages()
    X, y, w, group, full, sizes = design(pages)
    print(f"{len(pages)} pages, {full.sum()} lines (+{(~full).sum()} in cropped copies), "
          f"{y[full].mean():.1%} article lines "
          f"({time.time() - t0:.0f} s)")

    p1, p2, _ = cross_validated(X, y, w, group, sizes)
    p1, p2 = (per_page(p, group, full, len(pages)) for p in (p1, p2))
    results = {t: page_scores(pages, p2, t) for t in THRESHOLDS}
    best = max(THRESHOLDS, key=lambda t: results[t][0] + results[t][1])
    stage1_at_best = page_scores(pages, p1, best)
    print(f"threshold {best} (max of scrapinghub shingle F1 + wcxb word F1 over {THRESHOLDS[0]}"
          f"-{THRESHOLDS[-1]})")
    print(f"CV stage 1: scrapinghub shingle F1 {stage1_at_best[0]:.3f}, wcxb word F1 "
          f"{stage1_at_best[1]:.3f}, leak {stage1_at_best[2]:.1f}%")
    sh, wc, leak = results[best]
    print(f"CV stage 2: scrapinghub shingle F1 {sh:.3f}, wcxb word F1 {wc:.3f}, leak {leak:.1f}%")

    final1 = fit(X, y, w)
    final2 = fit(stacked(X, predict(final1, X), sizes), y, w)
    provenance = (
        "Written by newsbadge_dev.training.contamination from $NEWSBADGE_DATA: scrapinghub "
        "(all 181 pages) and wcxb dev article pages (793), visible text rendered by "
        "visible.py, "
        "lines labeled by extraction_sets.line_labels, logistic regression "
        f"(C={C}) weighted by words per line, each page also seen cropped to its article "
        "+-0-3 lines. Threshold and figures from page-grouped "
        f"{FOLDS}-fold CV.")
    write_json(OUT, provenance, {
        "cv": {"scrapinghub_shingle_f1": round(sh, 4), "wcxb_word_f1": round(wc, 4),
               "wcxb_leak_percent": round(leak, 2)},
        "threshold": best,
        "features": list(features.NAMES),
        "context_features": list(model.CONTEXT_NAMES),
        "stages": [_rounded(final1), _rounded(final2)],
    })
    print(f"done in {time.time() - t0:.0f} s")
    return 0


def _rounded(stage: dict) -> dict:
    return {k: ([round(x, 6) for x in v] if isinstance(v, list) else round(v, 6))
            for k, v in stage.items()}


if __name__ == "__main__":
    sys.exit(main())
