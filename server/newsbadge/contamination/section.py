"""The contamination section of the report from the judged lines: spans, shares and level.

`score` is what interrupts the article: the words of boilerplate lines between its first and
last paragraph (upsells, ads, newsletter and social boxes, related-story inserts), as % of the
article's words. The page's furniture around the article (menus, footers, cookie bars) is
`furniture_share` (% of the page's words) and is listed, but does not make a page heavy;
`page_share` is all boilerplate, % of the page's words (report/1's `score`).
"""

from __future__ import annotations

import unicodedata

from ..sections import Scale, evidence_span
from .classify import INSIDE, MIN_WORDS

# Levels by the interruption score (% of the article's words), from its distribution on the HTML
# path (out-of-fold, bench/eval_contamination.py prints it) over scrapinghub's 181 news pages:
# p50 0.0, p75 1.6, p90 6.0 (issue 14's fourth round, which keeps lists and headings inside the
# story and short stories apart from their comment threads; p75 4.0 and p90 11.8 before, 5.8 and
# 15.9 before the region pass). A page is clean below the 75th percentile and heavy from the 90th
# (rounded): the most interrupted tenth of real news pages. (wcxb dev's 790 graded article pages,
# blogs and vendors' pages among them, run higher: p75 3.7, p90 10.5.)
CLEAN_BELOW, SOME_BELOW = 2.0, 6.0
SCALE = Scale(cuts=(("clean", CLEAN_BELOW), ("some", SOME_BELOW)), top="heavy", optimum=0.0)


def _invisible(text: str) -> bool:
    """True for text a reader cannot see or check: no letter, digit or symbol, only spaces and
    zero-width or format characters (WordPress pages have lines of a lone U+200B)."""
    return not any(c.isprintable() and not c.isspace() and unicodedata.category(c) != "Cf"
                   for c in text)


def merged_spans(text: str, lines) -> list[dict]:
    """Adjacent boilerplate lines of one category and placement become one span; a line with
    nothing visible is no span and does not part the lines around it."""
    spans: list[dict] = []
    for start, end, category, confidence, _, placement in lines:
        if _invisible(text[start:end]):
            continue
        last = spans[-1] if spans else None
        if (last and (last["category"], last["placement"]) == (category, placement)
                and _invisible(text[last["end"]:start])):
            last["end"], last["confidence"] = end, min(last["confidence"], confidence)
        else:
            spans.append({"start": start, "end": end, "category": category,
                          "confidence": confidence, "placement": placement})
    return [evidence_span(text, s.pop("start"), s.pop("end"), **s) for s in spans]


def shares(lines, words: int) -> tuple[float | None, dict]:
    """The score (interruptions, % of the article's words; None when the article has fewer than
    MIN_WORDS words) and the furniture and page shares (% of the page's words)."""
    inside = sum(line[4] for line in lines if line[5] == INSIDE)
    boilerplate = sum(line[4] for line in lines)
    article = words - boilerplate
    score = round(min(100.0, 100.0 * inside / article), 1) if article >= MIN_WORDS else None
    return score, {"furniture_share": round(100.0 * (boilerplate - inside) / words, 1),
                   "page_share": round(100.0 * boilerplate / words, 1)}
