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
from pathlib import Path

import trafilatura

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training"))

import train_contamination as training  # noqa: E402

from newsbadge.contamination import Page, benchmark, classify_lines  # noqa: E402
from newsbadge.contamination.render import parse, visible_text  # noqa: E402
from newsbadge.text import line_spans  # noqa: E402


def kept_text(text: str, boilerplate_lines) -> str:
    """What a path keeps: the page's lines outside its boilerplate lines."""
    dropped = {(s, e) for s, e, *_ in boilerplate_lines}
    return "\n".join(text[s:e] for s, e in line_spans(text) if (s, e) not in dropped)


def row(name: str, pages, outputs) -> str:
    sh = [benchmark.shingle_prf(o, p.article) for p, o in zip(pages, outputs, strict=True)
          if p.set == "scrapinghub"]
    wc = [(benchmark.word_prf(o, p.article)[2], benchmark.leaked(o, p.without))
          for p, o in zip(pages, outputs, strict=True) if p.set == "wcxb"]
    leaks = sum(n for _, (n, _) in wc) / max(sum(t for _, (_, t) in wc), 1)
    return (f"| {name} | {statistics.mean(x[0] for x in sh):.3f} | "
            f"{statistics.mean(x[1] for x in sh):.3f} | {statistics.mean(x[2] for x in sh):.3f} | "
            f"{statistics.mean(f for f, _ in wc):.3f} | {100 * leaks:.1f}% |")


def main() -> int:
    missing = benchmark.available()
    if missing:
        print(f"SKIPPED: contamination eval data not found ({missing})")
        return 0
    t0 = time.time()
    pages = [p for p, _ in training.load_pages()]
    texts = [visible_text(parse(p.html)) for p in pages]
    X, y, w, group, full, sizes = training.design(
        [(p, t.split("\n")) for p, t in zip(pages, texts, strict=True)])
    _, p2 = training.cross_validated(X, y, w, group, sizes)
    probabilities = [p.tolist() for p in training.per_page(p2, group, full, len(pages))]
    print(f"(features and cross-validation: {time.time() - t0:.0f} s)", file=sys.stderr)

    plain = [kept_text(t, classify_lines(Page(t), p)[0]) for t, p in zip(texts, probabilities,
                                                                       strict=True)]
    html = []
    for page, text, p in zip(pages, texts, probabilities, strict=True):
        html.append(kept_text(text, classify_lines(Page(text, parse(page.html)), p)[0]))
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
