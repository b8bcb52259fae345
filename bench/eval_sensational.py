"""Measure the sensational scorer on the shared labeled data (`make eval`), every figure on a
collection the weights were not learned from (leave-one-collection-out), beside the previous
scorer's (commit cda74a5: hand lexicons, headline features trained on clickbait alone).

1. Headlines, $NEWSBADGE_DATA/clickbait and webis17: ROC AUC of the headline score on each
   collection, trained on the other (newsbadge_dev.training.sensational), and its Spearman
   against Webis-17's graded truth_mean.
2. Article bodies, $NEWSBADGE_DATA/semeval2023/en and basil: sentence ROC AUC of the cue weight
   against "the sentence holds a framing span", cue precision (share of cues inside any annotated
   span; beside it, the share of all words inside one), and the Spearman between an article's cue
   density and its density of framing spans; weights learned on the other collection, and in
   article folds with the other collection in training too (newsbadge_dev.training.body_cues).
3. Other languages, $NEWSBADGE_DATA/semeval2023/{fr,ge,it,po,ru} (train splits): the same
   figures in 5 article folds (article i of the sorted ids in fold i % 5), each fold measured
   with cues learned on the language's other four; fr, de and it ship, pl and ru do not. The
   spans of articles whose offsets count CRLF line breaks are read onto the text as it is
   (newsbadge_dev.framing_sets.line_break_read).
4. Out of the training domain, $NEWSBADGE_DATA/polnear: the headlines and article bodies of seven
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
# The previous scorer's figures, measured with the same functions on commit cda74a5.
BEFORE_HEADLINE = {"clickbait": "0.9652 (5-fold CV, in-collection)", "webis17": "0.7357"}
BEFORE_BODY = {
    "semeval2023/en": {"sentence_auc": 0.612, "cue_precision": 0.390, "article_spearman": 0.385},
    "basil": {"sentence_auc": 0.588, "cue_precision": 0.229, "article_spearman": 0.156},
}


def eval_headlines() -> None:
    from newsbadge_dev.training.sensational import headline_collections, held_out

    sets = headline_collections()
    print("sensational headline, each collection held out (trained on the other)")
    print("| held out | headlines | clickbait | ROC AUC before | ROC AUC | Spearman vs grade |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, figures in held_out(sets).items():
        print(f"| {name} | {len(sets[name])} | {sum(h.label for h in sets[name])} | "
              f"{BEFORE_HEADLINE[name]} | {figures['roc_auc']:.4f} | "
              f"{figures['spearman_grade']:.4f} |")


def eval_bodies() -> None:
    from newsbadge_dev.training.body_cues import collections, cross_validated, held_out

    sets = collections()
    print("\nsensational body cues (sentence AUC, cue precision, article Spearman)")
    print("| collection | before | held out (other collection only) | article folds (+ other "
          "collection) | random word's precision |")
    print("| --- | --- | --- | --- | --- |")
    held, folds = held_out(sets), cross_validated(sets)
    triple = lambda f: (f"{f['sentence_auc']:.3f} / {f['cue_precision']:.3f} / "  # noqa: E731
                        f"{f['article_spearman']:.3f}")
    for c in sets:
        print(f"| {c.name} | {triple(BEFORE_BODY[c.name])} | {triple(held[c.name])} | "
              f"{triple(folds[c.name])} | {held[c.name]['random_word']:.3f} |")


def eval_languages() -> None:
    from newsbadge_dev.training.body_cues import (
        SHIPPED,
        SPAN_LANGUAGES,
        cross_validated,
        span_collection,
    )

    print("\nsensational body cues in other languages, 5 article folds (sentence AUC, cue "
          "precision, article Spearman)")
    print("| language | articles | cues per fold | sentence AUC | cue precision | random word's "
          "precision | article Spearman | shipped |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for language, folder in SPAN_LANGUAGES.items():
        if not (DATA_DIR / "semeval2023" / folder).is_dir():
            print(f"SKIPPED: {language}: {DATA_DIR}/semeval2023/{folder} not found")
            continue
        held = span_collection(language)
        f = cross_validated([held])[held.name]
        print(f"| {language} | {len(held.articles)} | {f['cues']:.0f} | {f['sentence_auc']:.3f} | "
              f"{f['cue_precision']:.3f} | {f['random_word']:.3f} | {f['article_spearman']:.3f} | "
              f"{'yes' if language in SHIPPED else 'no'} |")


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
    if not (DATA_DIR / "clickbait").is_dir() or not (DATA_DIR / "webis17").is_dir():
        print(f"SKIPPED: sensational headline eval: {DATA_DIR}/clickbait or /webis17 not found")
    else:
        eval_headlines()
    if not (DATA_DIR / "semeval2023" / "en").is_dir() or not (DATA_DIR / "basil").is_dir():
        print(f"SKIPPED: sensational body eval: {DATA_DIR}/semeval2023/en or /basil not found")
    else:
        eval_bodies()
    eval_languages()
    if (DATA_DIR / "polnear").is_dir():
        eval_polnear()
    else:
        print(f"SKIPPED: sensational PolNeAR check: {DATA_DIR / 'polnear'} not found")
    return 0


if __name__ == "__main__":
    sys.exit(main())
