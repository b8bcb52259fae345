"""Which lines of a page are not the article, and what they are.

Plain text goes through the learned line classifier (model.py) and the phrase rules (phrases.py);
HTML is first rendered to its visible text (visible.py) and trafilatura's choice of main text from
the same tree decides alongside the classifier; blocks from the extension move each line's score
(blocks.py). The line that is the page's title is the headline, never boilerplate (headline.py),
nor are the posts the article quotes by embedding them (embedded.py).
Each boilerplate line is placed inside the article (between its first and last paragraph: an
interruption) or around it (page furniture).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import accumulate

import trafilatura
from trafilatura.meta import reset_caches

from ..text import line_spans
from . import blocks as block_signals
from . import model, phrases, region, stoplist
from .align import contained
from .embedded import embedded_post_lines
from .features import SENTENCE_RE, Line, describe
from .headline import headline_line, html_title
from .visible import parse, visible_text

stoplist.share()

MIN_WORDS = 20
# A phrase-rule cue on a line this short that does not end like a sentence is boilerplate whatever
# the classifier says: such lines ("Join Our Community", "0 Comments") are calls to action.
RULE_MAX_WORDS = 20
# ... or that does, when it is this short ("© 2026 Gazette. All rights reserved.").
RULE_MAX_WORDS_SENTENCE = 8
RULE_CONFIDENCE = 0.9
# On the HTML path, lines trafilatura kept are dropped only when the classifier is this sure they
# are not article (probability of article below it). Scrapinghub shingle F1 of the HTML path with
# the shipped model (in-sample for the classifier) at 0 / 0.05 / 0.15 / 0.3: 0.9487 / 0.9488 /
# 0.9475 / 0.941; the best, and it still drops the furniture the classifier is surest of.
KEPT_ARTICLE_BELOW = 0.05
# Lines trafilatura dropped between the article's first and last paragraph are article when the
# plain-text path, judging the whole page, keeps them with at least this probability (its
# precision mode drops list items, headings and table rows from inside stories: a website-builder
# review kept 0.43 of its words). Chosen on the even half of each set's pages (in id order) of
# never / 0.6 / 0.7 / 0.8 / 0.9: the fewest pages under half their article, then the most
# scrapinghub + wcxb word F1; see docs/contamination.md for the odd half.
RESTORED_FROM = 0.8
# Lines trafilatura dropped, and the classifier too, get the higher of the two confidences.
EXTRACTOR_CONFIDENCE = 0.8
# Uncategorised boilerplate lines: up to this many words and no sentence end look like links of a
# menu; longer ones like teaser headlines.
NAV_MAX_WORDS = 6
# The article runs from its first to its last paragraph: a kept line that ends like a sentence and
# has at least this many words (the seed page's shortest paragraph has 29; its furniture lines
# that end like a sentence, 1-4; captions and one-line standfirsts rarely reach it).
PARAGRAPH_MIN_WORDS = 12
INSIDE, AROUND = "inside", "around"
# When the lines trafilatura kept hold less than this share of the page's paragraph words, it
# missed the article (a teaser, a comment, a caption instead of the story) and the line classifier
# judges the page alone. Out-of-fold, at 0.2 / 0.3 / 0.4 / 0.5 / 0.6 (and never): pages keeping
# under half their article, scrapinghub 2.2 / 2.2 / 1.7 / 0.6 / 1.1% (2.8%), wcxb dev articles
# 3.2 / 2.8 / 2.6 / 2.0 / 1.9% (5.9%); word F1 scrapinghub 0.936 / 0.932 / 0.929 / 0.931 / 0.920
# (0.947), wcxb 0.923 / 0.924 / 0.923 / 0.925 / 0.924 (0.906).
# The same share of the paragraph words of the plain-text pass's article run is asked too (a
# short story above a long comment thread: 7 scrapinghub pages whose trafilatura choice had word
# F1 0.88-1.00 fell back and kept their threads, precision 0.07-0.40). Out-of-fold, shipped cuts,
# before -> after: HTML path word F1 scrapinghub 0.936 -> 0.944, wcxb 0.942 -> 0.946, under half
# 1 -> 1 and 7 -> 7 pages, wcxb leak 3.9% -> 3.7%.
EXTRACTOR_MISSED_BELOW = 0.5
# A teaser list (plain-text path): a header of phrases.json's teaser_headers, or TEASER_RUN lines
# in a row of TEASER_WORDS words in title case (TITLE_CASE_SHARE of the words of at least
# TITLE_CASE_MIN_CHARS characters capitalised) without a sentence end or a list mark; the issue's
# shape of a related-stories list, set by hand. It ends the story (as a comment header does) when
# at most TEASER_TAIL_SHARE as many paragraph words follow it as precede it: of 0.1 / 0.25 / 0.5 /
# 1.0 on every page's out-of-fold probabilities (shipped cuts), scrapinghub word F1 0.897 ->
# 0.900 / 0.900 / 0.901 / 0.902, wcxb 0.924 -> 0.925 / 0.925 / 0.925 / 0.920 (no guard: 0.898).
TEASER_TAIL_SHARE = 0.25
TEASER_WORDS = (4, 15)
TEASER_RUN = 3
TITLE_CASE_MIN_CHARS = 4
TITLE_CASE_SHARE = 0.75
# A list item's opening: "1.", "2)", a bullet or a dash.
LIST_MARK_RE = re.compile(r"\s*(?:\d{1,3}[.)]|[-•*–·])\s")
# A line of prose this long with no phrase cue is article on the plain-text path (a story that
# arrives as one line: the classifier gave one of 84 words p 0.30). Of 60 / 80 / 120 / 300 words,
# the most scrapinghub + wcxb word F1 (wcxb leak <= 6%) on four of the five page-grouped folds'
# pages, out-of-fold probabilities: 80 on four of the five choices, 300 on the other.
LONG_PROSE_WORDS = 80
# ... or that holds this many sentences without ending like one (an e-mail newsletter's story in
# one table cell, closed by "Read in browser »": wcxb dev's classifier gave its 557 words p 0.03,
# on both paths); a line of that length with three sentence ends is no menu or teaser.
LONG_PROSE_SENTENCES = 3
# The plain-text path's page-level pass (region.py), chosen by bench/eval_contamination.py on the
# out-of-fold probabilities of scrapinghub's and wcxb dev's pages (sum of their mean word F1,
# wcxb leak at most 6%); the same cuts on four of the five folds. Held out (chosen on four
# page-grouped folds, scored on the fifth): word F1 scrapinghub 0.884 -> 0.899, wcxb 0.917 ->
# 0.925; under half 2.8% -> 2.8%, 2.3% -> 2.5%; wcxb leak 3.6% -> 4.9%.
REGION_CUTS = region.Cuts(run_from=0.6, inside_below=0.3, outside_from=0.9, after_from=0.95,
                          close_after=15.0)


# Work bounds, so that any 2 MB input is judged in about a second. Real pages stay far below
# both: scrapinghub's largest has 629 lines and 1,709 elements.
MAX_LINES = 5_000  # lines past this are not judged (the section says how many were)
# Above this many elements trafilatura slows to seconds (its link-density passes are quadratic in
# the worst case: 10,000 list items take 1.8 s); the line classifier then judges alone.
MAX_EXTRACTOR_ELEMENTS = 6_000


@dataclass
class Page:
    """The text the report's offsets index, and the structure that came with it."""

    text: str
    tree: object = None  # the parsed HTML, when the request had some
    title: str | None = None  # the request's, else the HTML's (headline.html_title)
    blocks: list = field(default_factory=list)
    truncated: bool = False  # set by classify_lines: more than MAX_LINES lines
    # Set by classify_lines: the text's non-blank lines (text.line_spans), unless truncated.
    lines: list | None = None


def prepare(text: str | None, html: str | None, blocks=None, title: str | None = None) -> Page:
    """Parse once: the request's text (else the HTML's visible text, else the blocks' text), and
    the request's title (else the HTML's)."""
    tree = parse(html) if html else None
    title = title or html_title(tree)
    if text is None:
        text = visible_text(tree) if tree is not None else (
            "\n".join(b.text for b in blocks) if blocks else "")
    return Page(text, tree, title, list(blocks or []))


def page_text(text: str | None, html: str | None) -> str:
    """The text the report's offsets index: the request's text, else the HTML's visible text."""
    return prepare(text, html).text


def extractor_kept(tree, lines: list[list[str]]) -> list[bool] | None:
    """Which lines (as lower-cased tokens) trafilatura's main text (favor_precision) contains;
    None when it found none."""
    try:
        main = trafilatura.extract(tree, favor_precision=True, include_comments=False)
    except (ValueError, TypeError, RecursionError):
        main = None
    finally:
        # trafilatura (and the libraries it calls) keep each page's strings in LRU caches: about
        # 29 MB per 1.5 MB page, 1.4 GB of a worker after 50 (issue 16). Its own reset (which
        # ends with a gc.collect) costs 0.15 ms a page once the server's heap is frozen. It also
        # drops jusText's 30 MB stoplist, so a worker no longer keeps one of its own after the
        # first page that falls back to jusText (rare: 1 of 48 fixture and scrapinghub pages).
        # Its stoplist itself is shared from the master (stoplist.py).
        reset_caches()
    return contained(lines, main) if main else None


def _category(line: Line, hint: str | None) -> str:
    if line.category:
        return line.category
    if hint:
        return hint
    if len(line.tokens) <= NAV_MAX_WORDS and not line.ends_sentence:
        return "navigation"
    return "other" if line.ends_sentence else "related"


def _rule_says_boilerplate(line: Line) -> bool:
    """A phrase cue on a short line that does not read as a sentence of prose."""
    n = len(line.tokens)
    return bool(line.category) and n <= RULE_MAX_WORDS and (
        not line.ends_sentence or n <= RULE_MAX_WORDS_SENTENCE)


def _comment_header(line: Line) -> bool:
    """A comment section's header ("Comments", "Leave a reply", "12 Comments")."""
    return line.category == "comments" and _rule_says_boilerplate(line)


def _teaser_shaped(line: Line) -> bool:
    """A headline of another story: 4-15 words in title case, no sentence end, no list mark."""
    if line.ends_sentence or not TEASER_WORDS[0] <= len(line.tokens) <= TEASER_WORDS[1] or (
            LIST_MARK_RE.match(line.text)):
        return False
    long_words = [w for w in line.text.split() if len(w) >= TITLE_CASE_MIN_CHARS]
    return sum(w[0].isupper() for w in long_words) >= TITLE_CASE_SHARE * len(long_words)


def _teaser_starts(lines: list[Line]) -> list[int]:
    """Where a teaser list may start: a teaser header ("Related", "More from the Gazette"), or
    the first of TEASER_RUN teaser-shaped lines in a row."""
    starts, run = [], 0
    for i, line in enumerate(lines):
        run = run + 1 if _teaser_shaped(line) else 0
        if phrases.teaser_header(line.tokens) or run == TEASER_RUN:
            starts.append(i - run + 1 if run == TEASER_RUN else i)
    return starts


def _story_ends(lines: list[Line]) -> set[int]:
    """The lines after which the story does not go on: comment headers, and teaser lists'
    starts followed by at most TEASER_TAIL_SHARE as many paragraph words as precede them."""
    ends = {i for i, line in enumerate(lines) if _comment_header(line)}
    paragraph_words = list(accumulate(
        (len(line.tokens) if _is_paragraph(line) else 0 for line in lines), initial=0))
    total = paragraph_words[-1]
    return ends | {i for i in _teaser_starts(lines) if total - paragraph_words[i + 1] <= (
        TEASER_TAIL_SHARE * paragraph_words[i])}


def _long_prose(line: Line) -> bool:
    """At least LONG_PROSE_WORDS words of sentences and no phrase cue: it ends like a sentence,
    or holds LONG_PROSE_SENTENCES of them (a story whose last words are a link's)."""
    return len(line.tokens) >= LONG_PROSE_WORDS and not line.category and (
        line.ends_sentence or len(SENTENCE_RE.findall(line.text)) >= LONG_PROSE_SENTENCES)


def _long_prose_lifted(lines: list[Line], p_article: list[float]) -> list[float]:
    """The probabilities with each line of long prose taken for article (the classifier doubts
    a story that arrives as one long line)."""
    return [1.0 if _long_prose(line) else p for line, p in zip(lines, p_article, strict=True)]


def _doubted(lines: list[Line], p_article: list[float], cuts: region.Cuts) -> list[bool]:
    """Which lines the plain-text path's page-level pass calls boilerplate (region.py)."""
    ends = _story_ends(lines)
    return region.boilerplate(p_article, [len(line.tokens) for line in lines], ends, cuts,
                              model.threshold())


def _elements(tree) -> int:
    return int(tree.xpath("count(//*)"))


def _probabilities(lines: list[Line], kept: list[bool] | None) -> list[float]:
    """The classifier's article probabilities; where an extractor chose lines, of those alone, as
    one article-only text (the model also learned from pages cropped to their article), since
    the lines it dropped are boilerplate whatever the classifier says."""
    if kept is None:
        return model.article_probabilities(lines)
    chosen = [i for i, k in enumerate(kept) if k]
    p = [0.0] * len(lines)
    for i, pi in zip(chosen, model.article_probabilities([lines[i] for i in chosen]),
                     strict=True):
        p[i] = pi
    return p


def _is_paragraph(line: Line) -> bool:
    return line.ends_sentence and len(line.tokens) >= PARAGRAPH_MIN_WORDS


def _short_of(words: list[int], kept: list[bool], lo: int, hi: int) -> bool:
    """Whether the kept lines of lines lo..hi hold under EXTRACTOR_MISSED_BELOW of their
    paragraph words (False when they have none)."""
    total = sum(words[lo:hi + 1])
    return total > 0 and sum(w for w, k in zip(words[lo:hi + 1], kept[lo:hi + 1], strict=True)
                             if k) < EXTRACTOR_MISSED_BELOW * total


def extractor_missed(lines: list[Line], kept: list[bool], p_page: list[float] | None = None,
                     cuts: region.Cuts = REGION_CUTS) -> bool:
    """Whether the extractor's lines hold under EXTRACTOR_MISSED_BELOW of the page's paragraph
    words and of those of the plain-text pass's article run (`p_page`: the classifier's
    probabilities over the whole page, computed when not given). A short story above a long
    comment thread or a column of teasers holds a small share of the page's prose, but most of
    the run's, which ends at the thread's header."""
    words = [len(line.tokens) if _is_paragraph(line) else 0 for line in lines]
    if not _short_of(words, kept, 0, len(lines) - 1):
        return False
    p = _long_prose_lifted(lines, p_page or model.article_probabilities(lines))
    first, last, _ = region.article_run(p, [len(line.tokens) for line in lines],
                                        _story_ends(lines), cuts)
    return first > last or _short_of(words, kept, first, last)


def _article_extent(lines: list[Line], boilerplate: set[int]) -> tuple[int, int]:
    """The indices of the article's first and last paragraph (of its first and last kept line
    when none is a paragraph; (0, -1) when every line is boilerplate)."""
    kept = [i for i in range(len(lines)) if i not in boilerplate]
    paragraphs = [i for i in kept if _is_paragraph(lines[i])]
    chosen = paragraphs or kept
    return (chosen[0], chosen[-1]) if chosen else (0, -1)


def _restored(lines: list[Line], kept: list[bool], boilerplate: set[int],
              p_page: list[float] | None, cuts: region.Cuts) -> set[int]:
    """The lines trafilatura left out between the article's first and last paragraph that the
    plain-text path, judging the whole page, keeps with p(article) >= RESTORED_FROM: the list
    items, headings and table rows its precision mode drops from inside a story."""
    first, last = _article_extent(lines, boilerplate)
    dropped = [i for i in range(first + 1, last) if not kept[i]]
    if not dropped:
        return set()
    p = _long_prose_lifted(lines, p_page or model.article_probabilities(lines))
    doubted = _doubted(lines, p, cuts)
    return {i for i in dropped if p[i] >= RESTORED_FROM and not doubted[i]
            and not _rule_says_boilerplate(lines[i])}


def classify_lines(page: Page, p_article: list[float] | None = None,
                   kept: list[bool] | None = None,
                   cuts: region.Cuts = REGION_CUTS,
                   p_page: list[float] | None = None) -> tuple[list, int]:
    """The boilerplate lines of the page, (start, end, category, confidence, words, placement)
    each, and the page's word count (\\w+ runs, as the features count them). Placement is INSIDE
    for lines between the article's first and last paragraph, AROUND for the others.

    `p_article` replaces the classifier's line probabilities and `kept` the extractor's choice of
    lines (the eval passes out-of-fold probabilities and a choice made once), and `cuts` the
    page-level pass's constants (the eval chooses them on training folds); `p_page` the
    classifier's probabilities over the whole page on the HTML path (for `_restored`)."""
    text = page.text
    spans = line_spans(text, MAX_LINES + 1)  # one more tells whether there were more
    page.truncated = len(spans) > MAX_LINES
    page.lines = None if page.truncated else spans
    spans = spans[:MAX_LINES]
    lines = describe([text[s:e] for s, e in spans])
    words = sum(len(line.tokens) for line in lines)
    if words < MIN_WORDS:
        return [], words
    if kept is None and page.tree is not None and _elements(page.tree) <= MAX_EXTRACTOR_ELEMENTS:
        kept = extractor_kept(page.tree, [line.tokens for line in lines])
        if kept is not None and extractor_missed(lines, kept, p_page, cuts):
            kept = None
    if p_article is None:
        # One line is no page: the model judges a line by its neighbours and its place among
        # them, and a text sent as one paragraph has neither (it called whole articles sent
        # without line breaks 100% boilerplate). Only the phrase rules judge such a text.
        p_article = [1.0] if len(lines) == 1 else _probabilities(lines, kept)
    hints = [None] * len(lines)
    if page.blocks:
        p_article, hints = block_signals.adjust(text, spans, p_article, page.blocks)
    p_article = _long_prose_lifted(lines, p_article)
    doubted = _doubted(lines, p_article, cuts) if kept is None else None
    headline = headline_line([line.tokens for line in lines], page.title, p_article)
    quoted_posts = embedded_post_lines(lines)
    judged = []
    for i, ((start, end), line, p) in enumerate(zip(spans, lines, p_article, strict=True)):
        if i == headline or i in quoted_posts:
            continue
        confidence = 1.0 - p
        if _rule_says_boilerplate(line):
            confidence = max(confidence, RULE_CONFIDENCE)
        elif kept is not None:
            if kept[i] and p >= KEPT_ARTICLE_BELOW:
                continue
            if not kept[i]:
                confidence = max(confidence, EXTRACTOR_CONFIDENCE)
        elif not doubted[i]:
            continue
        judged.append((i, start, end, _category(line, hints[i]), round(confidence, 2),
                       len(line.tokens)))
    if kept is not None:
        restored = _restored(lines, kept, {j[0] for j in judged}, p_page, cuts)
        judged = [j for j in judged if j[0] not in restored]
    first, last = _article_extent(lines, {j[0] for j in judged})
    return [(*j[1:], INSIDE if first < j[0] < last else AROUND) for j in judged], words
