"""Measure the genre scorer and the badge on the shared collections (`make eval`).

1. Genre on SemEval-2023 subtask-1 labels: accuracy (reporting, opinion, satire; `other` counts
   as wrong) and reporting-vs-opinion macro-F1 (on the articles labelled reporting or opinion; a
   prediction of satire or other counts against the article's class):
   - held out by language: models trained on the other five languages (and on PolNeAR and WCXB,
     which have no genre labels), tested on the sixth;
   - held out by article, English: 5 stratified folds, each predicted by models trained on the
     other languages and the other English folds; the folds of seed 0 (the docs' tables), then
     the mean and spread over ENGLISH_SEEDS shuffles of the folds (one English article moves
     the figure by 0.01-0.02), and the ranking's ceiling: the AUC of the held-out probabilities
     of opinion and the macro-F1 of the best single cut chosen on those test articles
     themselves (a bound for this ranking, not a result).
   Bar (issue 15): reporting-vs-opinion macro-F1 >= 0.75 on English news, checked on the mean
   over the shuffles.
2. PolNeAR (political news of seven US outlets, all reporting or opinion), shipped model: the
   share called `other` or `satire`. Train was seen by the other model (as news) and sets the
   cuts; dev is held out. Bar: at most 3%. BASIL, which no model saw: genre by outlet.
3. Web pages, held out by halves (even rows predicted by models fit without them, and the odd
   ones likewise): the share of the scrapinghub article bodies (news) called other; WCXB dev,
   page type against genre.
4. The badge's levels per collection (shipped models, as `analyze` reports them): PolNeAR dev
   and train, SemEval English, BASIL (text), scrapinghub and WCXB articles (their HTML).
Usage: python bench/eval_genre.py [--no-badge]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

import numpy as np
from sklearn.metrics import roc_auc_score

from newsbadge import analyze, genre
from newsbadge_dev import extraction_sets, genre_sets
from newsbadge_dev.training import genre as training

BARS = {"english_macro_f1": 0.75, "polnear_not_news": 0.03}
KINDS = ["reporting", "opinion", "satire", "other"]
LEVELS = ["good", "mixed", "poor", "unknown"]
# Shuffles of the English folds the by-article figure is averaged over (ten: the spread over
# seeds 0-9 was 0.018 in round 5, more than the gain of most signals tried).
ENGLISH_SEEDS = range(10)


def accuracy(gold, predicted) -> float:
    return float(np.mean([g == p for g, p in zip(gold, predicted, strict=True)]))


def eval_semeval(data, c: float) -> float:
    print(f"genre on SemEval-2023 subtask-1 labels (C={c}; `other` and satire count as wrong "
          "in the reporting-vs-opinion F1)")
    print("| held out | articles | accuracy | reporting-vs-opinion macro-F1 |")
    print("| --- | --- | --- | --- |")
    f1s = []
    for language, (gold, predicted) in training.held_out_by_language(data, c).items():
        f1s.append(training.macro_f1(gold, predicted))
        print(f"| language {language} | {len(gold)} | {accuracy(gold, predicted):.3f} | "
              f"{f1s[-1]:.3f} |")
    print(f"| mean over languages | | | {np.mean(f1s):.3f} |")
    held = training.held_out_english_articles(data, c)
    english = training.macro_f1(held.gold, held.predicted)
    print(f"| English by article (5 folds) | {len(held.gold)} | "
          f"{accuracy(held.gold, held.predicted):.3f} | {english:.3f} |")
    confusion = Counter(zip(held.gold, held.predicted, strict=True))
    print("English by article, gold (rows) against predicted:",
          {g: {p: confusion[(g, p)] for p in KINDS if confusion[(g, p)]} for g in KINDS[:3]})
    repeats = [english] + [training.macro_f1(h.gold, h.predicted) for h in
                           (training.held_out_english_articles(data, c, seed)
                            for seed in ENGLISH_SEEDS[1:])]
    print(f"English by article over fold seeds {ENGLISH_SEEDS[0]}-{ENGLISH_SEEDS[-1]}: mean "
          f"{np.mean(repeats):.3f}, sd {np.std(repeats):.3f}, {min(repeats):.3f}-"
          f"{max(repeats):.3f}")
    auc, ceiling = ranking(held)
    print(f"English by article, seed 0: AUC of the probability of opinion {auc:.3f}; macro-F1 of "
          f"the best single cut chosen on the test articles themselves {ceiling:.3f} (a bound)")
    return float(np.mean(repeats))


def ranking(held: training.HeldOut) -> tuple[float, float]:
    """The AUC of the held-out reporting and opinion articles' probabilities of opinion, and
    the best macro-F1 any single cut on them gives."""
    pairs = [(g, p) for g, p in zip(held.gold, held.opinion, strict=True)
             if g in ("reporting", "opinion")]
    gold = [g for g, _ in pairs]
    probabilities = [p for _, p in pairs]
    best = max(training.macro_f1(gold, ["opinion" if p >= cut else "reporting"
                                        for p in probabilities]) for cut in probabilities)
    return float(roc_auc_score([g == "opinion" for g in gold], probabilities)), best


def eval_polnear(data) -> float:
    worst = 0.0
    model = shipped(data)
    for split in ("train", "dev"):
        kinds = Counter(training.kinds(model, data[f"polnear_{split}"]))
        share = (kinds["other"] + kinds["satire"]) / max(1, sum(kinds.values()))
        worst = max(worst, share) if split == "dev" else worst
        note = "held out" if split == "dev" else "seen as news by the other model, sets the cuts"
        print(f"PolNeAR {split} ({note}): {dict(kinds)}; called other or satire: {share:.1%}")
    return worst


def eval_basil(data) -> None:
    """BASIL, a collection no model saw: mainstream US news of three outlets on the same events,
    without genre labels (reporting-heavy; the outlets also print analysis)."""
    model = shipped(data)
    basil = training.rows(genre_sets.basil())
    print("BASIL (never seen; no genre labels), genre by outlet:")
    for outlet in sorted({r.label.upper() for r in basil}):  # BASIL spells some "fox", some "FOX"
        rows_ = [r for r in basil if r.label.upper() == outlet]
        kinds = Counter(training.kinds(model, rows_))
        print(f"  {outlet} ({len(rows_)}): " + ", ".join(f"{k} {kinds[k]}" for k in KINDS))


def shipped(data) -> training.Model:
    """The shipped models as a training.Model, refit from the same rows (same result as
    genre_model.json; the evaluation compares like with like)."""
    return training.fit(data, data["semeval"], genre.MODEL["c"])


def held_out_halves(data, key: str) -> dict[str, str]:
    """Genre of each row of `data[key]`, by models fit without its half (even and odd rows)."""
    predicted: dict[str, str] = {}
    for parity in (0, 1):
        held = [r for i, r in enumerate(data[key]) if i % 2 == parity]
        rest = {**data, key: [r for i, r in enumerate(data[key]) if i % 2 != parity]}
        model = training.fit(rest, data["semeval"], genre.MODEL["c"])
        predicted.update(zip((r.id for r in held), training.kinds(model, held),
                             strict=True))
    return predicted


def eval_web_pages(data) -> None:
    news = Counter(held_out_halves(data, "scrapinghub").values())
    print(f"\nscrapinghub article bodies (real news pages; held out by halves): {dict(news)}; "
          f"called other: {news['other'] / max(1, sum(news.values())):.1%}")
    pages = data["wcxb"]
    predicted = held_out_halves(data, "wcxb")
    print(f"WCXB dev page type against genre (held out by halves; {len(pages)} pages with "
          f"{genre.MIN_WORDS}+ words; 'article' holds company blogs and guides beside news)")
    print("| page type | pages | " + " | ".join(KINDS) + " | other share |")
    print("| --- | --- |" + " --- |" * (len(KINDS) + 1))
    for page_type in sorted({r.label for r in pages}):
        counts = Counter(predicted[r.id] for r in pages if r.label == page_type)
        total = sum(counts.values())
        print(f"| {page_type} | {total} | " + " | ".join(str(counts[k]) for k in KINDS)
              + f" | {counts['other'] / total:.0%} |")


def badge_collections() -> dict[str, list[dict]]:
    """Requests per collection, as the badge distribution reads them."""
    semeval_en = [t for t in genre_sets.semeval() if t.language == "en"]
    return {
        "polnear dev (text)": [{"text": t.text} for t in genre_sets.polnear("dev")],
        "polnear train (text)": [{"text": t.text} for t in genre_sets.polnear("train")],
        "semeval en (text)": [{"text": t.text} for t in semeval_en],
        "basil (text)": [{"text": t.text} for t in genre_sets.basil()],
        "scrapinghub (html)": [{"html": p.html} for p in extraction_sets.scrapinghub()],
        "wcxb articles (html)": [{"html": p.html} for p in extraction_sets.wcxb_articles()],
    }


def eval_badges() -> None:
    print("\nbadge levels per collection (n/a: genre `other`, not a news article)")
    print("| collection | pages | " + " | ".join(LEVELS) + " | of which n/a | median |")
    print("| --- | --- |" + " --- |" * (len(LEVELS) + 2))
    for name, requests in badge_collections().items():
        badges = [analyze(r)["badge"] for r in requests]
        levels = Counter(b["level"] for b in badges)
        numbers = [int(b["text"]) for b in badges if b["text"].isdigit()]
        print(f"| {name} | {len(badges)} | "
              + " | ".join(f"{levels[k]} ({levels[k] / len(badges):.0%})" for k in LEVELS)
              + f" | {sum(b['genre'] == 'other' for b in badges)} | "
              f"{np.median(numbers) if numbers else float('nan'):.0f} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-badge", action="store_true", help="skip the badge distribution")
    args = parser.parse_args()
    absent = genre_sets.missing()
    if absent:
        print(f"SKIPPED: genre eval: {absent} not found (set NEWSBADGE_DATA)")
        return 0
    data = training.load_rows()
    english = eval_semeval(data, genre.MODEL["c"])
    not_news = eval_polnear(data)
    eval_basil(data)
    eval_web_pages(data)
    misses = [name for name, missed in (("english_macro_f1", english < BARS["english_macro_f1"]),
                                        ("polnear_not_news", not_news > BARS["polnear_not_news"]))
              if missed]
    print("bars " + ("met" if not misses else "MISSED: " + ", ".join(misses))
          + f" (English reporting-vs-opinion macro-F1 >= {BARS['english_macro_f1']}, "
          f"PolNeAR dev other or satire <= {BARS['polnear_not_news']:.0%})")
    if not args.no_badge and not extraction_sets.available():
        eval_badges()
    return 0


if __name__ == "__main__":
    sys.exit(main())
