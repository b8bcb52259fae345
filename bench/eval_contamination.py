"""Contamination quality on the labeled extraction sets ($NEWSBADGE_DATA), one table:

rows: the plain-text path (visible text rendered from the HTML, lines only), the HTML path,
trafilatura alone (favor_precision) and keep-everything; columns: scrapinghub shingle P/R/F1 (the
article-extraction-benchmark metric, mean over 181 pages), wcxb dev article pages' word F1 (mean
over 793 pages) and the share of their `without` boilerplate snippets that leak into what is kept.
The line classifier's probabilities are out-of-fold (page-grouped 5-fold CV, as in training), so
no page is scored by a model that saw it.

    .venv/bin/python bench/eval_contamination.py     (about 5-8 minutes on 2 cores)
"""

from __future__ import annotations

import statistics
import sys
import time

import numpy as np
import trafilatura

from newsbadge.contamination import features
from newsbadge.contamination.classify import Page, classify_lines, extractor_kept
from newsbadge.contamination.visible import parse, visible_text
from newsbadge.text import line_spans
from newsbadge_dev import extraction_sets
from newsbadge_dev.training import contamination as training


def kept_text(text: str, boilerplate_lines) -> str:
    """What a path keeps: the page's lines outside its boilerplate lines."""
    dropped = {(s, e) for s, e, *_ in boilerplate_lines}
    return "\n".join(text[s:e] for s, e in line_spans(text) if (s, e) not in dropped)


def row(name: str, pages, outputs) -> str:
    sh = [extraction_sets.shingle_prf(o, p.article) for p, o in zip(pages, outputs, strict=True)
          if p.set == "scrapinghub"]
    wc = [(extraction_sets.word_prf(o, p.article)[2], extraction_sets.leaked(o, p.without))
          for p, o in zip(pages, outputs, strict=True) if p.set == "wcxb"]
    leaks = sum(n for _, (n, _) in wc) / max(sum(t for _, (_, t) in wc), 1)
    return (f"| {name} | {statistics.mean(x[0] for x in sh):.3f} | "
            f"{statistics.mean(x[1] for x in sh):.3f} | {statistics.mean(x[2] for x in sh):.3f} | "
            f"{statistics.mean(f for f, _ in wc):.3f} | {100 * leaks:.1f}% |")


def main() -> int:
    missing = extraction_sets.available()
    if missing:
        print(f"SKIPPED: contamination eval data not found ({missing})")
        return 0
    t0 = time.time()
    pages = extraction_sets.scrapinghub() + extraction_sets.wcxb_articles()
    texts, kept = [], []
    for page in pages:
        tree = parse(page.html)
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
    print(f"(features, extraction and cross-validation: {time.time() - t0:.0f} s)",
          file=sys.stderr)

    plain, html, start = [], [], 0
    for text, p, chosen in zip(texts, training.per_page(p2, group, full, len(pages)), kept,
                               strict=True):
        plain.append(kept_text(text, classify_lines(Page(text), p.tolist())[0]))
        p_html = [0.0] * len(p)
        for i in (i for i, k in enumerate(chosen or []) if k):
            p_html[i] = float(p2_kept[start])
            start += 1
        html.append(kept_text(text, classify_lines(Page(text), p_html, chosen)[0]))
    extractor = [trafilatura.extract(p.html, favor_precision=True, include_comments=False) or ""
                 for p in pages]
    print("| path | scrapinghub shingle P | R | F1 | wcxb articles word F1 | wcxb leak |")
    print("| --- | --- | --- | --- | --- | --- |")
    print(row("plain-text path (line classifier, CV)", pages, plain))
    print(row("HTML path (trafilatura + line classifier, CV)", pages, html))
    print(row("trafilatura alone (favor_precision)", pages, extractor))
    print(row("keep everything", pages, texts))
    print(f"(181 scrapinghub pages, {sum(p.set == 'wcxb' for p in pages)} wcxb dev article pages;"
          f" {time.time() - t0:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
