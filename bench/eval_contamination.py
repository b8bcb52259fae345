"""Contamination quality on the labeled extraction sets ($NEWSBADGE_DATA), one table per set:

rows: the plain-text path (visible text rendered from the HTML, lines only), the HTML path,
trafilatura alone (favor_precision) and keep-everything; on scrapinghub (181 news pages) and the
article pages of wcxb dev (793): word F1 (bags of lowercased words, mean over pages), the
article-extraction-benchmark's shingle F1 (scrapinghub), the share of wcxb's `without`
boilerplate snippets that leak into what is kept, and the share of pages that keep under half of
their article (word recall < 0.5). The line classifier's probabilities are out-of-fold
(page-grouped 5-fold CV, as in training), so no page is scored by a model that saw it; the
plain-text path's page-level pass (region.py) takes the cuts of REGION_GRID chosen on the other
four folds' pages (the most scrapinghub + wcxb mean word F1 with wcxb's leak at most LEAK_BAR),
and prints the cuts the same choice makes on every page (classify.REGION_CUTS).

    .venv/bin/python bench/eval_contamination.py     (about 5-8 minutes on 2 cores)
"""

from __future__ import annotations

import itertools
import statistics
import sys
import time
from dataclasses import dataclass

import numpy as np
import trafilatura
from sklearn.model_selection import GroupKFold

from newsbadge.contamination import features, model, region
from newsbadge.contamination.classify import (
    REGION_CUTS,
    Page,
    classify_lines,
    extractor_kept,
    extractor_missed,
)
from newsbadge.contamination.headline import html_title
from newsbadge.contamination.section import shares
from newsbadge.contamination.visible import parse, visible_text
from newsbadge.text import line_spans
from newsbadge_dev import extraction_sets
from newsbadge_dev.training import contamination as training


def kept_text(text: str, boilerplate_lines) -> str:
    """What a path keeps: the page's lines outside its boilerplate lines."""
    dropped = {(s, e) for s, e, *_ in boilerplate_lines}
    return "\n".join(text[s:e] for s, e in line_spans(text) if (s, e) not in dropped)


# A page "keeps under half its article" when its word recall is below this.
HALF = 0.5
# Scrapinghub's ids are 64-character hashes; this many characters tell its pages apart.
ID_CHARS = 8
PLAIN_ROW = "plain-text path (line classifier, CV)"
HTML_ROW = "HTML path (trafilatura + line classifier, CV)"
# Percentiles of the interruption score printed to calibrate its level cuts (section.py).
PERCENTILES = (50, 75, 90, 95, 99)
# The page-level pass's candidate cuts (region.Cuts fields in order): the run's zero around the
# line threshold; outside the run and after a comment header, only the classifier's surest
# article lines (after the header never none: a "12 Comments" link inside a story must not cut
# it); a header closes the story after a paragraph or after several.
REGION_GRID = [region.Cuts(*c) for c in itertools.product(
    (0.5, 0.6, 0.7), (0.3,), (model.threshold(), 0.9), (0.9, 0.95), (15.0, 60.0))]
# The bar on the plain-text path's leak (% of wcxb's `without` snippets kept).
LEAK_BAR = 6.0


def row(name: str, pages, outputs, collection: str) -> str:
    chosen = [(p, o) for p, o in zip(pages, outputs, strict=True) if p.set == collection]
    words = [extraction_sets.word_prf(o, p.article) for p, o in chosen]
    cells = [f"{statistics.mean(f for *_, f in words):.3f}"]
    if collection == "scrapinghub":
        shingles = [extraction_sets.shingle_prf(o, p.article)[2] for p, o in chosen]
        cells.append(f"{statistics.mean(shingles):.3f}")
    else:
        leaks = [extraction_sets.leaked(o, p.without) for p, o in chosen]
        cells.append(f"{100 * sum(n for n, _ in leaks) / max(sum(t for _, t in leaks), 1):.1f}%")
    cells.append(f"{100 * sum(r < HALF for _, r, _ in words) / len(words):.1f}%")
    return f"| {name} | " + " | ".join(cells) + " |"


def under_half(pages, outputs, collection: str) -> list[str]:
    """The ids of the collection's pages whose output keeps under HALF of their article (page ids
    only: the sets' text never leaves $NEWSBADGE_DATA), for reading why they miss."""
    return [p.id[:ID_CHARS] for p, o in zip(pages, outputs, strict=True)
            if p.set == collection and extraction_sets.word_prf(o, p.article)[1] < HALF]


def table(collection: str, rows: dict, pages) -> None:
    second = "shingle F1" if collection == "scrapinghub" else "leak"
    n = sum(p.set == collection for p in pages)
    print(f"\n{collection} ({n} pages)\n")
    print(f"| path | word F1 | {second} | pages under half their article |")
    print("| --- | --- | --- | --- |")
    for name, outputs in rows.items():
        print(row(name, pages, outputs, collection))


@dataclass
class Rendered:
    """One page as the paths see it, with out-of-fold line probabilities."""

    text: str
    title: str | None
    kept: list[bool] | None  # the lines trafilatura kept
    p_plain: list[float]  # article probability of each line, the page's lines as one text
    p_html: list[float]  # ... of the kept lines as one text (0 for the others)
    fold: int  # the cross-validation fold that held the page out


def rendered(pages) -> list[Rendered]:
    """Each page rendered, its extractor's choice and its lines' out-of-fold probabilities."""
    texts, titles, kept = [], [], []
    for page in pages:
        tree = parse(page.html)
        titles.append(html_title(tree))
        texts.append(visible_text(tree))
        lines = [extraction_sets.tokens(line) for line in texts[-1].split("\n")]
        kept.append(extractor_kept(tree, lines) if texts[-1] else None)
    X, y, w, group, full, sizes = training.design(
        [(p, t.split("\n")) for p, t in zip(pages, texts, strict=True)])
    # The HTML path classifies the lines the extractor kept, as one text of their own.
    extra_rows, extra_group, extra_sizes = [], [], []
    for i, (text, chosen) in enumerate(zip(texts, kept, strict=True)):
        lines = [line for line, k in zip(text.split("\n"), chosen or [], strict=False) if k]
        extra_rows += features.line_features(features.describe(lines))
        extra_group += [i] * len(lines)
        extra_sizes.append(len(lines))
    extra = (np.array(extra_rows).reshape(len(extra_rows), X.shape[1]), np.array(extra_group),
             extra_sizes)
    _, p2, p2_kept = training.cross_validated(X, y, w, group, sizes, extra)
    folds = _page_folds(X, y, group, len(pages))
    out, start = [], 0
    for text, title, p, chosen, fold in zip(
            texts, titles, training.per_page(p2, group, full, len(pages)), kept, folds,
            strict=True):
        p_html = [0.0] * len(p)
        for i in (i for i, k in enumerate(chosen or []) if k):
            p_html[i] = float(p2_kept[start])
            start += 1
        # Without the extractor's choice (none, or one that missed the article, judged with the
        # page's out-of-fold probabilities) the HTML path is the plain-text path.
        if chosen is None or extractor_missed(features.describe(text.split("\n")), chosen,
                                              p.tolist()):
            chosen, p_html = None, p.tolist()
        out.append(Rendered(text, title, chosen, p.tolist(), p_html, fold))
    return out


def _page_folds(X, y, group, n_pages: int) -> list[int]:
    """The fold of each page, as training.cross_validated splits them."""
    folds = [0] * n_pages
    for k, (_, test) in enumerate(GroupKFold(training.FOLDS).split(X, y, group)):
        for i in np.unique(group[test]).tolist():
            folds[i] = k
    return folds


def _plain(r: Rendered, cuts: region.Cuts) -> str:
    return kept_text(r.text, classify_lines(Page(r.text, title=r.title), r.p_plain,
                                            cuts=cuts)[0])


def _chosen(pages, outputs: dict, among) -> region.Cuts:
    """The cuts with the most scrapinghub + wcxb mean word F1 over the pages `among`, of those
    whose wcxb leak is at most LEAK_BAR (of all, when none is)."""
    def scores(cuts):
        f1 = {"scrapinghub": [], "wcxb": []}
        leaks = [0, 0]
        for i in among:
            f1[pages[i].set].append(extraction_sets.word_prf(outputs[cuts][i], pages[i].article)[2])
            if pages[i].set == "wcxb":
                leaks = list(map(sum, zip(leaks, extraction_sets.leaked(
                    outputs[cuts][i], pages[i].without), strict=True)))
        within = 100 * leaks[0] <= LEAK_BAR * max(leaks[1], 1)
        return within, sum(statistics.mean(v) for v in f1.values() if v)
    return max(REGION_GRID, key=scores)


def held_out_cuts(pages, pages_rendered: list[Rendered]) -> tuple[list[str], list]:
    """The plain-text path's output of each page and the cuts it took: those chosen on the
    other folds."""
    outputs = {c: [_plain(r, c) for r in pages_rendered] for c in REGION_GRID}
    folds = sorted({r.fold for r in pages_rendered})
    chosen = {k: _chosen(pages, outputs, [i for i, r in enumerate(pages_rendered)
                                          if r.fold != k]) for k in folds}
    print(f"page-level pass, cuts chosen on the other folds: {chosen}; on every page: "
          f"{_chosen(pages, outputs, range(len(pages)))} (shipped: {REGION_CUTS})")
    return ([outputs[chosen[r.fold]][i] for i, r in enumerate(pages_rendered)],
            [chosen[r.fold] for r in pages_rendered])


def report(pages, pages_rendered: list[Rendered]) -> None:
    """The tables and the interruption score's percentiles."""
    plain, cuts = held_out_cuts(pages, pages_rendered)
    html, scores = [], []
    for r, c in zip(pages_rendered, cuts, strict=True):
        # Without the extractor's choice the HTML path is the plain-text path, cuts and all.
        lines, words = classify_lines(Page(r.text, title=r.title), r.p_html, r.kept, c,
                                     r.p_plain)
        html.append(kept_text(r.text, lines))
        scores.append(shares(lines, words)[0] if words else None)
    extractor = [trafilatura.extract(p.html, favor_precision=True, include_comments=False) or ""
                 for p in pages]
    rows = {PLAIN_ROW: plain, HTML_ROW: html,
            "trafilatura alone (favor_precision)": extractor,
            "keep everything": [r.text for r in pages_rendered]}
    for collection in ("scrapinghub", "wcxb"):
        table(collection, rows, pages)
        graded = sorted(x for x, p in zip(scores, pages, strict=True)
                        if p.set == collection and x is not None)
        for name in (PLAIN_ROW, HTML_ROW):
            print(f"\n{name}, pages under half their article: "
                  + (", ".join(under_half(pages, rows[name], collection)) or "none"))
        print(f"\nHTML path's interruption score (% of article words), {len(graded)} graded "
              "pages: " + ", ".join(f"p{q} {graded[len(graded) * q // 100]}" for q in PERCENTILES))


def main() -> int:
    missing = extraction_sets.available()
    if missing:
        print(f"SKIPPED: contamination eval data not found ({missing})")
        return 0
    t0 = time.time()
    pages = extraction_sets.scrapinghub() + extraction_sets.wcxb_articles()
    pages_rendered = rendered(pages)
    print(f"(features, extraction and cross-validation: {time.time() - t0:.0f} s)",
          file=sys.stderr)
    report(pages, pages_rendered)
    print(f"\n({time.time() - t0:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
