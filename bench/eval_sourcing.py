"""Measure the sourcing scorer on PolNeAR (dev; train too, where only the cue lexicon was fit) and
the sources it lists on real mixed pages (WCXB dev).

PolNeAR metrics (see ../shared/data/README.md): sentence-level precision, recall and F1 (a
sentence is positive when it holds a gold Cue; predicted positive when it holds a detected cue,
of either kind: PolNeAR annotates beliefs too), cue-span precision (detected cues overlapping a
gold Cue), and Spearman between detected attributions and gold Cues per article. Source
precision, two ways: `src_P` (the earlier definition): of the detected sources whose cue hits a
gold Cue, the share overlapping a gold Source span; `span_P`: of every source span the report
names, the share overlapping a gold Source span. Sentences are newsbadge.text.sentence_spans;
articles with several annotators use the first one listed in metadata.tsv.

Junk sources on WCXB dev (no labels needed): every JUNK_SAMPLE-th page, news or not, through
newsbadge's HTML path (`analyze({"html": ...})`); of the entries of `sourcing.sources` on pages
judged English, the share that no reader would accept as a source (see `junk_reason`: a
pronoun, the writer's first person, or a single common word).

Bars (issue 13): sentence F1 >= 0.84, Spearman >= 0.90, span_P >= 0.85 on dev; junk <= 1%.
Usage: python bench/eval_sourcing.py [--split dev|train|both] [--junk-sample N]
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
from collections import Counter

from scipy.stats import spearmanr

from newsbadge import analyze, sourcing
from newsbadge.document import Document
from newsbadge.text import sentence_spans
from newsbadge_dev import polnear
from newsbadge_dev.paths import data_dir

BARS = {"sentence_f1": 0.84, "spearman": 0.90, "span_precision": 0.85}
JUNK_BAR = 0.01
JUNK_SAMPLE = 5  # every 5th WCXB dev page: about 300 pages of every type


def word_set(words: str) -> frozenset:
    return frozenset(words.split())


# What no reader accepts as a source. The eval's own lists, not the scorer's.
FIRST_PERSON = word_set("""i i’ve i've i’m i'm i’d i'd i’ll i'll me my mine we we’ve we've we’re
    we're we’d we'd we’ll we'll us our ours""")
PRONOUNS = word_set("""he she it they you him her them his its their this that these those who
    what someone somebody everyone everybody anyone one""")
# Bare nouns that describe unnamed sources: the anonymous sourcing a reader is told about
# ("sources say", "officials said"), a single common word that is accepted as what it is.
UNNAMED = word_set("""source sources official officials aide aides insider insiders spokesman
    spokeswoman spokesperson analysts experts critics observers diplomats witnesses residents
    pundits police polls surveys records documents filings figures estimates""")
WORD_RE = re.compile(r"[A-Za-z][\w’']*")


def overlaps(spans, start: int, end: int) -> bool:
    return any(s < end and e > start for s, e in spans)


def measure(articles) -> dict:
    tp = fp = fn = 0
    cue_hits = cue_total = source_hits = source_total = span_hits = span_total = 0
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
            if not a["source"]:
                continue
            on_source = overlaps(article.sources, a["source"]["start"], a["source"]["end"])
            span_total += 1
            span_hits += on_source
            if overlaps(article.cues, a["cue"]["start"], a["cue"]["end"]):
                source_total += 1
                source_hits += on_source
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
        "span_precision": span_hits / max(1, span_total),
    }


def junk_reason(name: str, kind: str, common: set[str]) -> str | None:
    """Why a listed source is no source, or None: the writer's first person ("I’ve", "My"), a
    pronoun ("It", "You"), or a single word the pages mostly write in lower case ("Paid",
    "Pocket", "data"), unless it describes unnamed sources ("officials")."""
    words = name.lower().split()
    if not words or words[0] in FIRST_PERSON:
        return "first person"
    if len(words) == 1 and words[0] in PRONOUNS:
        return "pronoun"
    if len(words) == 1 and words[0] in common and words[0] not in UNNAMED:
        return "common word"
    return None


def common_words(texts: list[str]) -> set[str]:
    """Words the texts write in lower case at least as often as capitalised."""
    lower, capital = Counter(), Counter()
    for text in texts:
        for word in WORD_RE.findall(text):
            (lower if word[0].islower() else capital)[word.lower()] += 1
    return {w for w, n in lower.items() if n >= capital[w]}


def junk_sources(reports: list[dict]) -> tuple[int, Counter]:
    """(sources listed, Counter of (reason, name, kind) for the junk among them)."""
    common = common_words([r["text"] for r in reports])
    listed, junk = 0, Counter()
    for report in reports:
        for source in report["sourcing"]["sources"]:
            listed += 1
            reason = junk_reason(source["name"], source["kind"], common)
            if reason:
                junk[reason, source["name"], source["kind"]] += 1
    return listed, junk


def wcxb_reports(every: int) -> list[dict]:
    """Reports of every `every`-th WCXB dev page judged English, from its HTML."""
    pages = sorted((data_dir() / "wcxb" / "dev" / "html").glob("*.html.gz"))[::every]
    reports = []
    for path in pages:
        with gzip.open(path, "rb") as f:
            report = analyze({"html": f.read().decode("utf-8", errors="replace")})
        if report["language"]["code"] in sourcing.LANGUAGES:
            reports.append(report)
    return reports


def print_polnear(splits: list[str]) -> None:
    print("sourcing on PolNeAR (train: the cue lexicon was fit there, so it is in-sample)")
    print(f"{'split':6} {'articles':>8} {'sent_P':>7} {'sent_R':>7} {'sent_F1':>7} "
          f"{'cue_P':>7} {'spearman':>8} {'src_P':>7} {'span_P':>7}")
    for split in splits:
        m = measure(polnear.load(split))
        print(f"{split:6} {m['articles']:8d} {m['sentence_precision']:7.3f} "
              f"{m['sentence_recall']:7.3f} {m['sentence_f1']:7.3f} "
              f"{m['cue_span_precision']:7.3f} {m['spearman']:8.3f} {m['source_precision']:7.3f} "
              f"{m['span_precision']:7.3f}")
        if split == "dev":
            misses = [k for k, bar in BARS.items() if m[k] < bar]
            print("dev bars " + ("met" if not misses else "MISSED: " + ", ".join(misses)))


def print_junk(every: int) -> None:
    if not (data_dir() / "wcxb" / "dev" / "html").is_dir():
        print(f"SKIPPED junk sources: WCXB dev not found under {data_dir()}")
        return
    reports = wcxb_reports(every)
    listed, junk = junk_sources(reports)
    share = sum(junk.values()) / max(1, listed)
    print(f"junk sources on WCXB dev (every {every}th page, {len(reports)} English pages): "
          f"{sum(junk.values())} of {listed} listed = {100 * share:.1f}% "
          f"({'met' if share <= JUNK_BAR else 'MISSED'}: bar {100 * JUNK_BAR:.0f}%)")
    for (reason, name, kind), n in junk.most_common(10):
        print(f"  {n:3d} x {name!r} ({kind}: {reason})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "train", "both"], default="both")
    parser.add_argument("--junk-sample", type=int, default=JUNK_SAMPLE, metavar="N",
                        help="judge every Nth WCXB dev page (1: all 1,497)")
    args = parser.parse_args()
    if not (polnear.data_root() / "dev").is_dir():
        print(f"SKIPPED: PolNeAR not found at {polnear.data_root()} (set NEWSBADGE_DATA)")
    else:
        print_polnear(["dev", "train"] if args.split == "both" else [args.split])
    print_junk(args.junk_sample)
    return 0


if __name__ == "__main__":
    sys.exit(main())
