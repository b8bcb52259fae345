"""The structured path: the extension's blocks move each line's article probability.

A block is one rendered element (text, tag, link density, whether Readability.js kept it, words
of its class and id attributes). Its signals shift the line classifier's log-odds for the lines it
covers, and its class words or tag can name the category. The shifts are set by hand (no labeled
block data yet): each is about the size of one strong line feature in data/line_model.json, so
the signals combine with the text's evidence rather than overrule it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .. import datafiles
from ..logistic import logistic, logit

_SPEC = datafiles.json_file(__package__, "class_words.json")
BOILERPLATE_WORDS: dict[str, str] = _SPEC["boilerplate"]
ARTICLE_WORDS = frozenset(_SPEC["article"])
BOILERPLATE_TAGS: dict[str, str] = _SPEC["boilerplate_tags"]
SPLIT_RE = re.compile(r"[-_\s]+")

READABILITY_SHIFT = 1.5  # kept by Readability.js: +; left out: -
BOILERPLATE_CLASS_SHIFT = -1.5
ARTICLE_CLASS_SHIFT = 0.5
BOILERPLATE_TAG_SHIFT = -1.0
LINK_DENSITY_FREE = 0.25  # prose links little; above this share of linked characters ...
LINK_DENSITY_SHIFT = -4.0  # ... each unit of link density costs this much log-odds
# How far past the previous block to look for the next block's text in the page text.
SEARCH_SLACK = 10_000


def _class_signal(words: list[str]) -> tuple[float, str | None]:
    parts = [p for w in words for p in SPLIT_RE.split(w.lower()) if p]
    for part in parts:
        if part in BOILERPLATE_WORDS:
            return BOILERPLATE_CLASS_SHIFT, BOILERPLATE_WORDS[part]
    return (ARTICLE_CLASS_SHIFT if any(p in ARTICLE_WORDS for p in parts) else 0.0), None


def block_shift(block) -> tuple[float, str | None]:
    """The block's shift of log-odds (towards article when positive) and its category hint."""
    shift, hint = _class_signal(block.class_words)
    if block.readability_kept is not None:
        shift += READABILITY_SHIFT if block.readability_kept else -READABILITY_SHIFT
    if block.link_density is not None and block.link_density > LINK_DENSITY_FREE:
        shift += LINK_DENSITY_SHIFT * (block.link_density - LINK_DENSITY_FREE)
    tag = (block.tag or "").lower()
    if tag in BOILERPLATE_TAGS:
        shift += BOILERPLATE_TAG_SHIFT
        hint = hint or BOILERPLATE_TAGS[tag]
    return shift, hint


def adjust(text: str, spans, p_article: list[float], blocks) -> tuple[list[float], list]:
    """Shifted probabilities and category hints for the lines (`spans`) that blocks cover.

    Blocks are found in the text in order; a block whose text is not found is skipped."""
    p = list(p_article)
    hints: list[str | None] = [None] * len(spans)
    starts = [s for s, _ in spans]
    cursor = 0
    for block in blocks:
        needle = block.text.strip()
        if not needle:
            continue
        at = text.find(needle, cursor, cursor + len(needle) + SEARCH_SLACK)
        if at < 0:
            continue
        cursor = at + len(needle)
        shift, hint = block_shift(block)
        first = max(bisect_right(starts, at) - 1, 0)
        for i in range(first, bisect_left(starts, cursor)):
            if spans[i][1] > at:
                p[i] = logistic(logit(p_article[i]) + shift)
                hints[i] = hints[i] or hint
    return p, hints
