"""HTML to the text a reader sees, laid out in lines as a browser's `innerText` would.

Block elements start and end lines, `<br>` breaks one, runs of white space inside a line collapse
to one space, and what a reader never sees (script, style, noscript, template, head, and elements
marked hidden) is dropped. The walk is iterative, so deeply nested markup cannot exhaust the stack.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

# Elements whose content is never rendered as text.
SKIPPED_TAGS = frozenset({
    "script", "style", "noscript", "template", "head", "title", "meta", "link", "svg", "math",
    "iframe", "object", "embed", "canvas", "select", "option", "datalist", "button", "input",
    "textarea",
})
# Elements rendered as blocks (HTML's default `display`), so they begin and end a line.
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li",
    "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
    "tfoot", "thead", "tr", "ul",
})
HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
SPACE_RE = re.compile(r"\s+")
# Characters libxml2 refuses (C0 controls but tab/newline/return, lone surrogates, U+FFFE/FFFF).
UNPARSABLE_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def parse(html: str) -> lxml.html.HtmlElement | None:
    """The HTML parsed leniently (malformed markup is repaired), or None when nothing parses."""
    cleaned = UNPARSABLE_RE.sub("\ufffd", html)
    if not cleaned.strip():
        return None
    try:
        return lxml.html.document_fromstring(cleaned)
    except (etree.ParserError, ValueError):
        return None


def _hidden(element) -> bool:
    if element.get("hidden") is not None or element.get("type") == "hidden":
        return True
    style = element.get("style")
    return bool(style) and HIDDEN_STYLE_RE.search(style) is not None


def visible_text(tree) -> str:
    """The rendered text of a parsed page: one line per block, no blank lines."""
    if tree is None:
        return ""
    root = tree.find("body")
    if root is None:
        root = tree
    pieces: list[str] = []
    stack = [(root, False)]
    while stack:
        element, closing = stack.pop()
        tag = element.tag if isinstance(element.tag, str) else None
        if not closing and (tag is None or tag in SKIPPED_TAGS or _hidden(element)):
            closing = None  # comments and unseen elements leave only their tail
        elif not closing:
            if tag in BLOCK_TAGS or tag == "br":
                pieces.append("\n")
            pieces.append(element.text or "")
            stack.append((element, True))
            stack.extend((child, False) for child in reversed(element))
            continue
        elif tag in BLOCK_TAGS:
            pieces.append("\n")
        elif tag in ("td", "th"):
            pieces.append(" ")
        if element.tail and element is not root:
            pieces.append(element.tail)
    lines = (SPACE_RE.sub(" ", line).strip() for line in "".join(pieces).split("\n"))
    return "\n".join(line for line in lines if line)
