"""HTML to the text a reader sees, laid out in lines as a browser's `innerText` would.

Block elements start and end lines, `<br>` breaks one, runs of white space inside a line collapse
to one space, and what a reader never sees (script, style, noscript, template, head, and elements
marked hidden) is dropped. Controls and embedded content (buttons, form fields, svg, iframes) are
dropped too, since their own text is a widget's, unless they hold a block element: the parser's
repairs put whole articles inside them (a header's `<button>` left open before `<main>` takes the
page with it), and no element type may lose the article.
"""

from __future__ import annotations

import re
from itertools import accumulate

import lxml.html
from lxml import etree

# Elements whose content is never rendered as text (a browser parses noscript's as raw text).
SKIPPED_TAGS = frozenset({
    "script", "style", "noscript", "template", "head", "title", "meta", "link",
})
# Controls and embedded content: dropped unless they hold a block element (see above).
WIDGET_TAGS = frozenset({
    "svg", "math", "iframe", "object", "embed", "canvas", "select", "option", "datalist",
    "button", "input", "textarea",
})
# Elements rendered as blocks (HTML's default `display`), so they begin and end a line.
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li",
    "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
    "tfoot", "thead", "tr", "ul",
})
# What the rendering writes where a line ends: a noncharacter, which no page's text holds, so that
# the source's own line breaks (text wrapped in the HTML file) collapse to spaces as a browser's
# do, and only blocks, <br> and <pre>'s line breaks end lines.
LINE_BREAK = "\ufdd0"
HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# React's streamed server rendering sends a page's content in `<div hidden id="S:0">` and moves
# it into place with an inline script: what a reader sees (wcxb dev 0155 renders nothing else).
REACT_STREAMED_RE = re.compile(r"S:\d+$")
# A browser's parser reads on past `</body>` and `</html>` (content after them goes back into the
# body); libxml2 stops there, and a page with an early `</html>` lost what followed it (wcxb dev
# 0310: the whole article). Removed before parsing, as they change nothing else.
END_OF_DOCUMENT_RE = re.compile(r"</(?:body|html)\s*>", re.I)
HIDDEN_XPATH = ".//*[@hidden or @type='hidden' or @style]"
# Characters libxml2 refuses (C0 controls but tab/newline/return, lone surrogates, U+FFFE/FFFF).
UNPARSABLE_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# Pre-parse bounds on markup (issue 16), checked on the HTML string before libxml2 reads it.
# libxml2 compares each attribute of a tag with those before it: 8,000 distinct attributes in one
# tag take 0.18 s, 32,000 take 4.2 s, 64,000 about 20 s. What is bounded is that work, the sum over
# tags of attributes squared (1e8 is about 0.27 s); tags of fewer than ATTRIBUTES_COUNTED_FROM are
# not counted (a 2 MB page of them parses in 0.2 s). Real pages stay far below: the most over
# 1,678 scrapinghub and WCXB pages is one tag of 1,682 (an SVG path libxml2 reads as attributes),
# 2.8e6. A tag's length costs nothing (one attribute of 1.9 MB parses in 7 ms) and real pages
# carry tags of 1.26 MB (WCXB dev 0632), so length is not a bound.
MAX_ATTRIBUTE_WORK = 10_000 ** 2
ATTRIBUTES_COUNTED_FROM = 64
_ATTRIBUTE = r"""(?>\s++[^\s<>="'/]++(?:\s*+=\s*+(?:"[^"<>]*+"|'[^'<>]*+'|[^\s<>"']++))?)"""
ATTRIBUTE_RE = re.compile(_ATTRIBUTE)
MANY_ATTRIBUTES_RE = re.compile(
    rf"<[A-Za-z][^\s<>/]*+((?:{_ATTRIBUTE}){{{ATTRIBUTES_COUNTED_FROM}}}{_ATTRIBUTE}*+)")
# Nesting depth, counted over the containers pages close (an unclosed <p> or <li> is closed by
# the parser, so those are not counted). The deepest of the 1,678 pages above counts 242.
MAX_DEPTH = 1_000
CONTAINER_RE = re.compile(
    r"<(/?)(?:div|section|article|aside|nav|header|footer|main|table|ul|ol|dl|blockquote|span|"
    r"form|figure)(?=[\s/>])", re.I)
DEPTH_STEP = {"": 1, "/": -1}


def markup_over_limits(html: str) -> str | None:
    """What makes `html` too costly to parse, in words for an error message, or None."""
    work, widest = 0, 0
    for tag in MANY_ATTRIBUTES_RE.finditer(html):
        count = len(ATTRIBUTE_RE.findall(tag.group(1)))
        work, widest = work + count * count, max(widest, count)
    if work > MAX_ATTRIBUTE_WORK:
        return (f"tags with too many attributes (the widest has {widest}; the sum of their "
                f"squares may be at most {MAX_ATTRIBUTE_WORK:,})")
    steps = CONTAINER_RE.findall(html)
    depth = max(accumulate(map(DEPTH_STEP.__getitem__, steps)), default=0)
    if depth > MAX_DEPTH:
        return f"elements nested {depth} deep (at most {MAX_DEPTH})"
    return None

# What parse() writes for them: HTML's white space (form feed; vertical tab, which browsers show
# as one) becomes a space, the rest U+FFFD, as lxml's own replacement below does.
UNPARSABLE_CHARACTERS = {
    **dict.fromkeys([*range(0x00, 0x09), *range(0x0E, 0x20), *range(0xD800, 0xE000), 0xFFFE,
                     0xFFFF], "\ufffd"),
    0x0B: " ", 0x0C: " "}

# Comments and processing instructions are no text: left out at parse time (as trafilatura's own
# parser does), they cost neither the rendering nor the extractor a node.
PARSER = lxml.html.HTMLParser(collect_ids=False, remove_comments=True, remove_pis=True)


def parse(html: str) -> lxml.html.HtmlElement | None:
    """The HTML parsed leniently (malformed markup is repaired), or None when nothing parses.

    Characters libxml2 refuses are replaced first (UNPARSABLE_CHARACTERS), so that no page fails
    on them; a search finds none on most pages, which are then not copied."""
    if UNPARSABLE_RE.search(html):
        html = html.translate(UNPARSABLE_CHARACTERS)
    if not html.strip():
        return None
    html = END_OF_DOCUMENT_RE.sub("", html)
    try:
        return lxml.html.document_fromstring(html, parser=PARSER)
    except (etree.ParserError, ValueError):
        return None


def _set_text(element, text: str) -> None:
    try:
        element.text = text
    except ValueError:  # a character the parser let through that lxml will not write back
        element.text = UNPARSABLE_RE.sub("\ufffd", text)


def _set_tail(element, tail: str) -> None:
    try:
        element.tail = tail
    except ValueError:
        element.tail = UNPARSABLE_RE.sub("\ufffd", tail)


def _hidden(element) -> bool:
    style = element.get("style")
    hidden = element.get("hidden") is not None and not REACT_STREAMED_RE.match(
        element.get("id") or "")
    return (hidden or element.get("type") == "hidden"
            or (bool(style) and HIDDEN_STYLE_RE.search(style) is not None))


def _holds_blocks(element) -> bool:
    # A walk that stops at the first block: most widgets are an icon's few nodes (element.iter
    # with BLOCK_TAGS builds a matcher of 45 tags per call, three times slower here).
    return len(element) > 0 and any(e.tag in BLOCK_TAGS for e in element.iterdescendants())


def _mark_lines(root) -> None:
    """LINE_BREAK where lines end: <pre>'s own line breaks, around blocks, after <br>."""
    for pre in root.iter("pre"):
        for element in pre.iter():
            if element.text:
                _set_text(element, element.text.replace("\n", LINE_BREAK))
            if element.tail and element is not pre:
                _set_tail(element, element.tail.replace("\n", LINE_BREAK))
    for element in root.iter(*BLOCK_TAGS, "br"):
        if element.tag != "br":
            _set_text(element, LINE_BREAK + (element.text or ""))
        _set_tail(element, LINE_BREAK + (element.tail or ""))
    for element in root.iter("td", "th"):
        _set_tail(element, " " + (element.tail or ""))


def visible_text(tree) -> str:
    """The rendered text of a parsed page: one line per block, no blank lines.

    Works in place, in C where it can: unseen elements are dropped from the tree (their tails
    stay) and line breaks are written into the text around block elements, then libxml2 serialises
    the text. The tree stays fit for extraction (only white space and line marks were added)."""
    if tree is None:
        return ""
    root = tree.find("body")
    if root is None:
        root = tree
    unseen = [e for e in root.iter(*SKIPPED_TAGS, *WIDGET_TAGS)
              if e.tag in SKIPPED_TAGS or not _holds_blocks(e)]
    unseen += [e for e in root.xpath(HIDDEN_XPATH) if _hidden(e)]
    for element in unseen:
        if element is not root and element.getparent() is not None:
            element.drop_tree()
    _mark_lines(root)
    rendered = etree.tostring(root, method="text", encoding="unicode")
    # Collapse white space inside each line (str.split in C), drop blank lines.
    return "\n".join(filter(None, (" ".join(line.split()) for line in rendered.split(LINE_BREAK))))
