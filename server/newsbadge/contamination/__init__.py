"""Contamination: which parts of a page are not the article, and what they are.

Three inputs, one output. Plain text (what the extension and scripts send) goes through a learned
line classifier (model.py) plus phrase rules (phrases.py). HTML is rendered to its visible text
(visible.py, which the report's offsets then index); trafilatura picks the main text from the same
parsed tree, the lines it dropped are boilerplate, and the line classifier still runs over the
lines it kept, since teasers, bios and newsletter boxes slip through every extractor. Blocks from
the extension (the structured path) move each line's score by the block's own signals (blocks.py).
Lines judged boilerplate become spans with a category, a confidence and a placement: inside the
article (an interruption, which the score counts) or around it (page furniture).

This module composes: classify.py judges the lines, section.py makes the report's section of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..sections import NO_ARTICLE, TOO_SHORT, insufficient
from ..text import Ranges
from .classify import MAX_LINES, MIN_WORDS, Page, classify_lines, page_text, prepare
from .phrases import LANGUAGES
from .section import SCALE, merged_spans, shares

__all__ = ["LANGUAGES", "Page", "Result", "analyze", "page_text", "prepare"]


@dataclass
class Result:
    text: str
    section: dict
    boilerplate: Ranges


def analyze(page: Page | str, language: str | None = None) -> Result:
    """The contamination section of the report and the ranges other scorers must skip.

    `page` comes from `prepare`; a plain string is taken as the text of a plain-text request.
    `language` is accepted for the interface: the line features are tuned on English pages and
    the phrase rules know the languages of LANGUAGES."""
    page = Page(page) if isinstance(page, str) else page
    text = page.text
    lines, words = classify_lines(page)
    if words < MIN_WORDS:
        return Result(text, insufficient(TOO_SHORT, SCALE, spans=[]), Ranges())
    spans = merged_spans(text, lines)
    boilerplate = Ranges.of((s["start"], s["end"]) for s in spans)
    score, figures = shares(lines, words)
    if score is None:
        section = insufficient(NO_ARTICLE, SCALE, **figures, spans=spans)
    else:
        section = {"score": score, "level": SCALE.level(score), "scale": SCALE.report(),
                   **figures, "spans": spans}
    if page.truncated:
        section["lines_judged"] = MAX_LINES
    return Result(text, section, boilerplate)
