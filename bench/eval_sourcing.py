"""Measure the sourcing scorer on PolNeAR (dev; train too, where only the cue lexicon was fit).

Metrics (see ../shared/data/README.md): sentence-level precision, recall and F1 (a sentence is
positive when it holds a gold Cue; predicted positive when it holds a detected cue), cue-span
precision (detected cues overlapping a gold Cue), and Spearman between detected attributions and
gold Cues per article; source precision: of the detected sources whose cue hits a gold Cue,
the share overlapping a gold Source span. Sentences are newsbadge.text.sentence_spans; articles
with several annotators use the first one listed in metadata.tsv. Bars (issue 5): F1 >= 0.80,
Spearman >= 0.88 on dev. Usage: python bench/eval_sourcing.py [--split dev|train|both]
"""

from __future__ import annotations

import argparse
import sys

from scipy.stats import spearmanr

from newsbadge import sourcing
from newsbadge.document import Document
from newsbadge.text import sentence_spans
from newsbadge_dev import polnear

BARS = {"sentence_f1": 0.80, "spearman": 0.88}


def overlaps(spans, start: int, end: int) -> bool:
    return any(s < end and e > start for s, e in spans)


def measure(articles) -> dict:
    tp = fp = fn = 0
    cue_hits = cue_total = source_hits = source_total = 0
    detected, gold = [], []
    for article in articles:
        section = sourcing.analyze(Document(article.text, "en"))
        found = [(a["cue"]["start"], a["cue"]["end"]) for a in section["attributions"]]
        for start, end in sentence_spans(article.text):
            is_gold = overlaps(article.cues, start, end)
            is_found = overlaps(found, start, end)
            tp += is_gold and is_found
            fp += is_found and not is_gold
            fn += is_gold and not is_found
        cue_hits += sum(overlaps(article.cues, s, e) for s, e in found)
        for a in section["attributions"]:
            if a["source"] and overlaps(article.cues, a["cue"]["start"], a["cue"]["end"]):
                source_total += 1
                source_hits += overlaps(article.sources, a["source"]["start"], a["source"]["end"])
        cue_total += len(found)
        detected.append(len(found))
        gold.append(len(article.cues))
    precision, recall = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return {
        "articles": len(articles),
        "sentence_precision": precision,
        "sentence_recall": recall,
        "sentence_f1": 2 * precision * recall / max(1e-9, precision + recall),
        "cue_span_precision": cue_hits / max(1, cue_total),
        "spearman": float(spearmanr(detected, gold)[0]),
        "source_precision": source_hits / max(1, source_total),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "train", "both"], default="both")
    args = parser.parse_args()
    root = polnear.data_root()
    if not (root / "dev").is_dir():
        print(f"SKIPPED: PolNeAR not found at {root} (set NEWSBADGE_DATA)")
        return 0
    splits = ["dev", "train"] if args.split == "both" else [args.split]
    print("sourcing on PolNeAR (train: the cue lexicon was fit there, so it is in-sample)")
    print(f"{'split':6} {'articles':>8} {'sent_P':>7} {'sent_R':>7} {'sent_F1':>7} "
          f"{'cue_P':>7} {'spearman':>8} {'src_P':>7}")
    for split in splits:
        m = measure(polnear.load(split, root))
        print(f"{split:6} {m['articles']:8d} {m['sentence_precision']:7.3f} "
              f"{m['sentence_recall']:7.3f} {m['sentence_f1']:7.3f} "
              f"{m['cue_span_precision']:7.3f} {m['spearman']:8.3f} {m['source_precision']:7.3f}")
        if split == "dev":
            misses = [k for k, bar in BARS.items() if m[k] < bar]
            print("dev bars " + ("met" if not misses else "MISSED: " + ", ".join(misses)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
