"""Derive the sourcing scorer's cue lexicon, cue threshold and density levels from PolNeAR train.

Writes, under server/newsbadge/sourcing/data/:
- cue_lexicon.tsv: for each word form seen at least MIN_SEEN times in train, its smoothed share of
  occurrences inside a gold Cue (forms under MIN_KEPT left out unless reporting_verbs.txt lists
  them: a listed form the corpus saw keeps its measured score).
- calibration.json: the cue threshold that maximises sentence-level F1 over 5-fold cross-validation
  on train (lexicon rebuilt without the held-out fold), and the distribution of the detector's
  attributions per 1,000 words over the held-out folds (score = percentile in it; levels cut at
  its 10th percentile and its median, as the gold counts were described).

Only train is read; dev stays held out for bench/eval_sourcing.py.
Usage: python -m newsbadge_dev.training.sourcing   (NEWSBADGE_DATA defaults to ../shared/data)
"""

from __future__ import annotations

import bisect
import sys
from collections import Counter

from newsbadge import datafiles
from newsbadge.sourcing import cues
from newsbadge.text import sentence_spans, word_spans
from newsbadge_dev import polnear
from newsbadge_dev.training.output import write_json, write_table

OUT = datafiles.folder("newsbadge.sourcing")
MIN_SEEN = 2          # a form seen once says nothing about its habits
SMOOTHING = 2.0       # add-2 in the denominator: a form seen twice as a cue scores 0.5, not 1.0
MIN_KEPT = 0.05       # forms scoring below this are left out of the file (never near a threshold)
FOLDS = 5
THRESHOLDS = [round(0.10 + 0.025 * i, 3) for i in range(21)]  # 0.10 .. 0.60
QUANTILES = [q / 20 for q in range(21)]                        # every 5th percentile


def covered(spans: list, start: int, end: int) -> bool:
    """True when a span of the sorted, mostly disjoint `spans` overlaps [start, end)."""
    i = bisect.bisect_left(spans, (end,))
    return any(s < end and e > start for s, e in spans[max(0, i - 3):i])


def form_counts(articles) -> tuple[Counter, Counter]:
    seen, as_cue = Counter(), Counter()
    for article in articles:
        for start, end in word_spans(article.text):
            form = article.text[start:end].lower()
            seen[form] += 1
            as_cue[form] += covered(article.cues, start, end)
    return seen, as_cue


def lexicon(articles, backstop: set[str]) -> dict[str, float]:
    """Smoothed cue share of every form seen MIN_SEEN times: those scoring MIN_KEPT or more, and
    every backstop form the corpus saw (so a low score overrules the hand list)."""
    seen, as_cue = form_counts(articles)
    scores = {f: as_cue[f] / (seen[f] + SMOOTHING) for f in seen if seen[f] >= MIN_SEEN}
    return {f: round(s, 4) for f, s in scores.items() if s >= MIN_KEPT or f in backstop}


def article_outcome(article, vocabulary) -> tuple[list[tuple[bool, bool]], int]:
    """(gold, detected) per sentence, and the number of detected cues."""
    found = cues.find_cues(article.text, word_spans(article.text), vocabulary)
    sentences = [(covered(article.cues, s, e), covered(found, s, e))
                 for s, e in sentence_spans(article.text)]
    return sentences, len(found)


def f1(pairs) -> float:
    tp = sum(g and d for g, d in pairs)
    fp = sum(d and not g for g, d in pairs)
    fn = sum(g and not d for g, d in pairs)
    return 2 * tp / max(1, 2 * tp + fp + fn)


def cross_validate(articles, backstop) -> dict[float, tuple[float, list[float]]]:
    """threshold -> (held-out sentence F1, held-out attributions per 1,000 words per article)."""
    pairs = {t: [] for t in THRESHOLDS}
    rates = {t: [] for t in THRESHOLDS}
    for fold in range(FOLDS):
        held = articles[fold::FOLDS]
        rest = [a for i, a in enumerate(articles) if i % FOLDS != fold]
        scores = lexicon(rest, backstop)
        for t in THRESHOLDS:
            vocabulary = cues.cue_words(scores, backstop, t)
            for article in held:
                sentences, n = article_outcome(article, vocabulary)
                pairs[t].extend(sentences)
                rates[t].append(1000 * n / max(1, len(word_spans(article.text))))
    return {t: (f1(pairs[t]), rates[t]) for t in THRESHOLDS}


def quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    position = q * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def main() -> int:
    root = polnear.data_root()
    if not (root / "train").is_dir():
        print(f"SKIPPED: PolNeAR train not found at {root}")
        return 0
    articles = polnear.load("train", root)
    backstop = cues.reporting_forms()
    results = cross_validate(articles, backstop)
    for t, (score, _) in results.items():
        print(f"threshold {t:.3f}: held-out sentence F1 {score:.3f}")
    threshold = max(results, key=lambda t: results[t][0])
    rates = results[threshold][1]

    scores = lexicon(articles, backstop)
    seen, as_cue = form_counts(articles)
    write_table(
        OUT / "cue_lexicon.tsv",
        f"Made by newsbadge_dev.training.sourcing from PolNeAR train ({len(articles)} articles, "
        "first\nannotator of each): score = times inside a gold Cue / (times seen + 2).\n"
        "Derived counts only.",
        ("form", "score", "seen", "as_cue"),
        ((form, scores[form], seen[form], as_cue[form])
         for form in sorted(scores, key=lambda w: (-scores[w], w))))
    calibration = {
        "cue_threshold": threshold,
        "held_out_sentence_f1": round(results[threshold][0], 4),
        "per_1000_quantiles": [round(quantile(rates, q), 2) for q in QUANTILES],
        "thin_below": round(quantile(rates, 0.10), 2),
        "well_sourced_from": round(quantile(rates, 0.50), 2),
    }
    provenance = (f"newsbadge_dev.training.sourcing on PolNeAR train, {FOLDS}-fold held-out "
                  "detections")
    write_json(OUT / "calibration.json", provenance, calibration)
    print(f"chosen threshold {threshold} (F1 {results[threshold][0]:.3f}); "
          f"{len(scores)} forms; per 1,000 words: 10th pct {calibration['thin_below']}, "
          f"median {calibration['well_sourced_from']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
