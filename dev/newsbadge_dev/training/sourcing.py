"""Derive the sourcing scorer's cue lexicon, cue threshold and density levels from PolNeAR train.

Writes, under server/newsbadge/sourcing/data/:
- cue_lexicon.tsv: for each word form seen at least MIN_SEEN times in train, its smoothed share of
  occurrences inside a gold Cue (forms under MIN_KEPT left out unless reporting_verbs.txt or
  belief_verbs.txt lists them: a listed form the corpus saw keeps its measured score), and its
  kind. A listed form has its list's kind; PolNeAR does not label kinds, so another form reports
  when the data says it introduces speech: at least MIN_KIND_EVIDENCE of its occurrences inside
  gold Cues, a score of at least REPORTING_SCORE, and at least QUOTED_SHARE of those gold
  attributions quoting (a quotation mark in their Content: "said" 0.54, "told" 0.60, "added"
  0.66, against "wants" 0.03, "believe" 0.02, "endorsed" 0.00); `belief` otherwise.
- common_words.txt: the word forms PolNeAR train writes in lower case at least MIN_LOWER times and
  at least as often as capitalised inside a sentence ("pocket", "paid", "highly"): a single
  capitalised word of these is no name (source finding drops it).
- calibration.json: the cue threshold that maximises sentence-level F1 over 5-fold cross-validation
  on train (lexicon rebuilt without the held-out fold), and the distribution of the sourcing
  section's density (reporting attributions per 1,000 words, as newsbadge.sourcing weighs them)
  over the held-out folds (score = percentile in it; levels cut at its 10th percentile and its
  median, as the gold counts were described).

Only train is read; dev stays held out for bench/eval_sourcing.py.
Usage: python -m newsbadge_dev.training.sourcing   (NEWSBADGE_DATA defaults to ../shared/data)
"""

from __future__ import annotations

import bisect
import sys
from collections import Counter

from newsbadge import datafiles, sourcing
from newsbadge.document import Document
from newsbadge.sourcing import cues
from newsbadge.text import sentence_spans, word_spans, words
from newsbadge_dev import polnear
from newsbadge_dev.training.output import write_json, write_lines, write_table

OUT = datafiles.folder("newsbadge.sourcing")
MIN_SEEN = 2          # a form seen once says nothing about its habits
SMOOTHING = 2.0       # add-2 in the denominator: a form seen twice as a cue scores 0.5, not 1.0
MIN_KEPT = 0.05       # forms scoring below this are left out of the file (never near a threshold)
FOLDS = 5
THRESHOLDS = [round(0.10 + 0.025 * i, 3) for i in range(21)]  # 0.10 .. 0.60
QUANTILES = [q / 20 for q in range(21)]                        # every 5th percentile
# When a form the hand lists do not name counts as reporting (see the module's docstring).
# Hand-set: 5 gold occurrences before a share means anything; "more often a cue than not"; a
# quarter quoting sits between the saying verbs (0.4-0.7) and the believing ones (0-0.1).
MIN_KIND_EVIDENCE = 5
REPORTING_SCORE = 0.5
QUOTED_SHARE = 0.25
MIN_LOWER = 2  # a form written in lower case once may be a typo


def covered(spans: list, start: int, end: int) -> bool:
    """True when a span of the sorted, mostly disjoint `spans` overlaps [start, end)."""
    i = bisect.bisect_left(spans, (end,))
    return any(s < end and e > start for s, e in spans[max(0, i - 3):i])


def form_counts(articles) -> tuple[Counter, Counter, Counter]:
    """Per lower-cased form: times seen, times inside a gold Cue, times inside a quoting one."""
    seen, as_cue, quoted = Counter(), Counter(), Counter()
    for article in articles:
        for start, end in word_spans(article.text):
            form = article.text[start:end].lower()
            seen[form] += 1
            as_cue[form] += covered(article.cues, start, end)
            quoted[form] += covered(article.quoted, start, end)
    return seen, as_cue, quoted


def kind(form: str, score: float, as_cue: int, quoted: int, listed: dict[str, str]) -> str:
    if form in listed:
        return listed[form]
    if as_cue >= MIN_KIND_EVIDENCE and score >= REPORTING_SCORE and quoted >= QUOTED_SHARE * as_cue:
        return cues.REPORTING
    return cues.BELIEF


def lexicon(counts, listed: dict[str, str]) -> dict[str, cues.Learned]:
    """Smoothed cue share and kind of every form seen MIN_SEEN times: those scoring MIN_KEPT or
    more, and every hand-listed form the corpus saw (so a low score overrules the hand list)."""
    seen, as_cue, quoted = counts
    learned = {}
    for form, n in seen.items():
        score = round(as_cue[form] / (n + SMOOTHING), 4)
        if n >= MIN_SEEN and (score >= MIN_KEPT or form in listed):
            learned[form] = cues.Learned(score, kind(form, score, as_cue[form], quoted[form],
                                                     listed))
    return learned


def sentence_outcome(article, vocabulary: frozenset) -> list[tuple[bool, bool]]:
    """(gold, detected) per sentence."""
    found = cues.find_cues(article.text, word_spans(article.text), vocabulary)
    return [(covered(article.cues, s, e), covered(found, s, e))
            for s, e in sentence_spans(article.text)]


def f1(pairs) -> float:
    tp = sum(g and d for g, d in pairs)
    fp = sum(d and not g for g, d in pairs)
    fn = sum(g and not d for g, d in pairs)
    return 2 * tp / max(1, 2 * tp + fp + fn)


def folds(articles, listed):
    """(held-out articles, lexicon of the other folds), per fold."""
    for fold in range(FOLDS):
        rest = [a for i, a in enumerate(articles) if i % FOLDS != fold]
        yield articles[fold::FOLDS], lexicon(form_counts(rest), listed)


def cross_validate(articles, listed) -> tuple[dict[float, float], list[float]]:
    """threshold -> held-out sentence F1; and at the best threshold, the held-out sourcing
    densities (per 1,000 words, one per article)."""
    pairs = {t: [] for t in THRESHOLDS}
    split = list(folds(articles, listed))
    for held, learned in split:
        for t in THRESHOLDS:
            vocabulary = cues.Lexicon.of(learned, t).cues
            for article in held:
                pairs[t].extend(sentence_outcome(article, vocabulary))
    scores = {t: f1(pairs[t]) for t in THRESHOLDS}
    best = max(scores, key=scores.get)
    rates = []
    for held, learned in split:
        vocabulary = sourcing.Vocabulary.of(cues.Lexicon.of(learned, best))
        rates += [density(article.text, vocabulary) for article in held]
    return scores, rates


def density(text: str, vocabulary) -> float:
    """The section's per_1000_words of a text, short ones included (the section declines those:
    their density still counts towards the distribution, as it did before levels existed)."""
    doc = Document(text, "en")
    if len(doc.article_words) >= sourcing.MIN_WORDS:
        return sourcing.analyze(doc, vocabulary)["per_1000_words"]
    return 0.0


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
    listed = cues.hand_kinds()
    results, rates = cross_validate(articles, listed)
    for t, score in results.items():
        print(f"threshold {t:.3f}: held-out sentence F1 {score:.3f}")
    threshold = max(results, key=results.get)
    counts = form_counts(articles)
    write_lexicon(lexicon(counts, listed), counts)
    write_common_words(articles)
    calibration = {
        "cue_threshold": threshold,
        "held_out_sentence_f1": round(results[threshold], 4),
        "per_1000_quantiles": [round(quantile(rates, q), 2) for q in QUANTILES],
        "thin_below": round(quantile(rates, 0.10), 2),
        "well_sourced_from": round(quantile(rates, 0.50), 2),
    }
    write_json(OUT / "calibration.json", f"newsbadge_dev.training.sourcing on PolNeAR train, "
               f"{FOLDS}-fold held-out detections", calibration)
    print(f"chosen threshold {threshold} (F1 {results[threshold]:.3f}); "
          f"per 1,000 words: 10th pct {calibration['thin_below']}, "
          f"median {calibration['well_sourced_from']}")
    return 0


def common_words(articles) -> list[str]:
    """Forms written in lower case MIN_LOWER times or more, and at least as often as they are
    capitalised inside a sentence (at a sentence's start a capital says nothing)."""
    lower, capital = Counter(), Counter()
    for article in articles:
        starts = {start for start, _ in sentence_spans(article.text)}
        spans, strings = words(article.text)
        for (start, _), word in zip(spans, strings, strict=True):
            if word[0].islower():
                lower[word] += 1
            elif word[0].isupper() and start not in starts:
                capital[word.lower()] += 1
    return sorted(w for w, n in lower.items() if n >= MIN_LOWER and n >= capital[w]
                  and w.replace("’", "").replace("'", "").isalpha())


def write_common_words(articles) -> None:
    forms = common_words(articles)
    write_lines(OUT / "common_words.txt",
                f"Made by newsbadge_dev.training.sourcing from PolNeAR train ({len(articles)} "
                "articles): word forms\n"
                f"written in lower case at least {MIN_LOWER} times and at least as often as "
                "capitalised\n"
                "inside a sentence. A single capitalised word of these is no name. Derived "
                "counts only.",
                (" ".join(forms[start:start + 12]) for start in range(0, len(forms), 12)))


def write_lexicon(learned: dict[str, cues.Learned], counts) -> None:
    seen, as_cue, quoted = counts
    write_table(
        OUT / "cue_lexicon.tsv",
        "Made by newsbadge_dev.training.sourcing from PolNeAR train (840 articles, first\n"
        "annotator of each): score = times inside a gold Cue / (times seen + 2);\n"
        "quoted = times inside a gold Cue whose Content quotes; kind as the trainer's\n"
        "docstring says. Derived counts only.",
        ("form", "score", "seen", "as_cue", "kind", "quoted"),
        ((form, row.score, seen[form], as_cue[form], row.kind, quoted[form])
         for form, row in sorted(learned.items(), key=lambda item: (-item[1].score, item[0]))))


if __name__ == "__main__":
    sys.exit(main())
