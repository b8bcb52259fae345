"""The article's headline: the page's title as the extension finds it, and the line that is it.

The extension sends Readability.js's title (the page's `<meta>` titles, og:title first among the
usual ones, else `<title>` cut at its site-name separator) and else `document.title`, else the
first `<h1>`; `html_title` takes the same from the HTML, so that a page sent as HTML is judged
with the title the extension would have sent. The line of the page that reads the same as the
title (lower-cased words) is the headline, which is article whatever its shape: short,
unpunctuated and often linked, it looks like a teaser or a menu item to the line classifier.
"""

from __future__ import annotations

import re

from .phrases import tokens

# Readability.js's order of <meta> titles (_getArticleMetadata), after JSON-LD, which is not read.
META_TITLE_KEYS = ("dc:title", "dcterm:title", "og:title", "weibo:article:title",
                   "weibo:webpage:title", "title", "twitter:title", "parsely-title")
# Readability.js's patterns for the <meta> attributes it reads.
META_PROPERTY_RE = re.compile(
    r"\s*(article|dc|dcterm|og|twitter)\s*:\s*(author|creator|description|published_time|title"
    r"|site_name)\s*", re.I)
META_NAME_RE = re.compile(
    r"^\s*(?:(dc|dcterm|og|twitter|parsely|weibo:(article|webpage))\s*[-.:]\s*)?"
    r"(author|creator|pub-date|description|title|site_name)\s*$", re.I)
# Readability.js's separators between a headline and a site name in <title>.
SEPARATOR_RE = re.compile(r" [|\-\\/>»] ")
HIERARCHICAL_RE = re.compile(r" [\\/>»] ")
LEADING_PART_RE = re.compile(r"^[^|\-\\/>»]*[|\-\\/>»]")
SEPARATOR_CHARS_RE = re.compile(r"[|\-\\/>»]+")
# Readability.js's word counts under which a cut title is too short to be the headline.
MIN_CUT_WORDS = 3
MAX_SHORT_TITLE_WORDS = 4
MAX_WORDS_BEFORE_COLON = 5
# <title> lengths (characters) outside which the single <h1> is taken instead.
SHORT_TITLE_CHARS, LONG_TITLE_CHARS = 15, 150
# A title's part between separators ("Headline | Site") is matched when it has this many words.
MIN_PART_WORDS = 3
PART_SEPARATOR_RE = re.compile(r"\s[|\-–—\\/>»:]\s|:\s")


def _word_count(text: str) -> int:
    return len(re.split(r"\s+", text))


def _text(element) -> str:
    return " ".join(element.text_content().split())


def _meta_title(tree) -> str | None:
    values: dict[str, str] = {}
    for meta in tree.iter("meta"):
        content = (meta.get("content") or "").strip()
        if not content:
            continue
        prop, name = meta.get("property"), meta.get("name")
        if prop and (found := META_PROPERTY_RE.search(prop)):
            values[re.sub(r"\s", "", found.group(0).lower())] = content
        elif name and META_NAME_RE.search(name):
            values[re.sub(r"\s", "", name.lower()).replace(".", ":")] = content
    return next((values[k] for k in META_TITLE_KEYS if values.get(k)), None)


def _cut_title(title: str, tree) -> str:
    """Readability.js's _getArticleTitle: <title> without its site name."""
    cut, hierarchical = title, False
    if SEPARATOR_RE.search(title):
        hierarchical = HIERARCHICAL_RE.search(title) is not None
        cut = title[:list(SEPARATOR_RE.finditer(title))[-1].start()]
        if _word_count(cut) < MIN_CUT_WORDS:
            cut = LEADING_PART_RE.sub("", title, count=1)
    elif ": " in title:
        if not any(_text(h) == title for h in tree.iter("h1", "h2")):
            cut = title[title.rfind(":") + 1:]
            if _word_count(cut) < MIN_CUT_WORDS:
                cut = title[title.find(":") + 1:]
            elif _word_count(title[:title.find(":")]) > MAX_WORDS_BEFORE_COLON:
                cut = title
    elif not SHORT_TITLE_CHARS <= len(title) <= LONG_TITLE_CHARS:
        h1s = list(tree.iter("h1"))
        if len(h1s) == 1:
            cut = _text(h1s[0])
    cut = " ".join(cut.split())
    words = _word_count(cut)
    if words <= MAX_SHORT_TITLE_WORDS and (
            not hierarchical or words != _word_count(SEPARATOR_CHARS_RE.sub("", title)) - 1):
        cut = title
    return cut


def html_title(tree) -> str | None:
    """The title the extension would send for this page (see the module's docstring)."""
    if tree is None:
        return None
    title_element = tree.find(".//title")
    title = _text(title_element) if title_element is not None else ""
    found = _meta_title(tree) or (_cut_title(title, tree) if title else "") or title
    if not found:
        h1 = next(tree.iter("h1"), None)
        found = _text(h1) if h1 is not None else ""
    return found or None


def _variants(title: str) -> list[list[str]]:
    """The title's words, and those of each part of it between separators long enough to be the
    headline itself ("Headline | Site", "Opinion: Headline")."""
    whole = tokens(title.lower())
    parts = [tokens(part.lower()) for part in PART_SEPARATOR_RE.split(title)]
    return [whole] + [p for p in parts if len(p) >= MIN_PART_WORDS and p != whole]


def headline_line(lines: list[list[str]], title: str | None,
                  p_article: list[float]) -> int | None:
    """The index of the line that is the headline (`lines` as lower-cased words): of those that
    read as the title or a part of it, the one likeliest to be article; None when none does."""
    if not title:
        return None
    variants = _variants(title)
    matches = [i for i, words in enumerate(lines) if words and words in variants]
    return max(matches, key=lambda i: p_article[i], default=None)
