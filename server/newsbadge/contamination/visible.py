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
HIDDEN_XPATH = ".//*[@hidden or @type='hidden' or @style]"
# Characters libxml2 refuses (C0 controls but tab/newline/return, lone surrogates, U+FFFE/FFFF).
UNPARSABLE_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def parse(html: str) -> lxml.html.HtmlElement | None:
    """The HTML parsed leniently (malformed markup is repaired), or None when nothing parses.

    Characters libxml2 refuses are replaced first: some parse, and then no text of the tree can
    be rewritten (lxml refuses to set a text holding them), which the rendering does."""
    if not html.strip():
        return None
    if UNPARSABLE_RE.search(html):
        html = UNPARSABLE_RE.sub("\ufffd", html)
    try:
        return lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None


def _hidden(element) -> bool:
    style = element.get("style")
    hidden = element.get("hidden") is not None and not REACT_STREAMED_RE.match(
        element.get("id") or "")
    return (hidden or element.get("type") == "hidden"
            or (bool(style) and HIDDEN_STYLE_RE.search(style) is not None))


def _holds_blocks(element) -> bool:
    return next(element.iter(*BLOCK_TAGS), None) is not None


def visible_text(tree) -> str:
    """The rendered text of a parsed page: one line per block, no blank lines.

    Works in place, in C where it can: unseen elements are dropped from the tree (their tails
    stay) and line breaks are written into the text around block elements, then libxml2 serialises
    the text. The tree stays fit for extraction (only white space was added)."""
    if tree is None:
        return ""
    root = tree.find("body")
    if root is None:
        root = tree
    unseen = [e for e in root.iter(*SKIPPED_TAGS)]
    unseen += [e for e in root.iter(*WIDGET_TAGS) if not _holds_blocks(e)]
    unseen += [e for e in root.xpath(HIDDEN_XPATH) if _hidden(e)]
    for element in unseen:
        if element is not root and element.getparent() is not None:
            element.drop_tree()
    for pre in root.iter("pre"):
        for element in pre.iter():
            if element.text:
                element.text = element.text.replace("\n", LINE_BREAK)
            if element.tail and element is not pre:
                element.tail = element.tail.replace("\n", LINE_BREAK)
    for element in root.iter(*BLOCK_TAGS, "br"):
        if element.tag != "br":
            element.text = LINE_BREAK + (element.text or "")
        element.tail = LINE_BREAK + (element.tail or "")
    for element in root.iter("td", "th"):
        element.tail = " " + (element.tail or "")
    rendered = etree.tostring(root, method="text", encoding="unicode")
    # Collapse white space inside each line (str.split in C), drop blank lines.
    return "\n".join(filter(None, (" ".join(line.split()) for line in rendered.split(LINE_BREAK))))
