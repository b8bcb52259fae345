"""HTML to the text a reader sees, laid out in lines as a browser's `innerText` would.

Block elements start and end lines, `<br>` breaks one, runs of white space inside a line collapse
to one space, and what a reader never sees (script, style, noscript, template, head, and elements
marked hidden) is dropped.
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
HIDDEN_XPATH = ".//*[@hidden or @type='hidden' or @style]"
# Characters libxml2 refuses (C0 controls but tab/newline/return, lone surrogates, U+FFFE/FFFF).
UNPARSABLE_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def parse(html: str) -> lxml.html.HtmlElement | None:
    """The HTML parsed leniently (malformed markup is repaired), or None when nothing parses.

    Characters libxml2 refuses are replaced only when the first attempt fails on them, so clean
    pages are not scanned twice."""
    if not html.strip():
        return None
    for attempt in (html, UNPARSABLE_RE.sub("\ufffd", html)):
        try:
            return lxml.html.document_fromstring(attempt)
        except etree.ParserError:
            return None
        except ValueError:  # NUL, control characters, lone surrogates
            continue
    return None


def _hidden(element) -> bool:
    style = element.get("style")
    return (element.get("hidden") is not None or element.get("type") == "hidden"
            or (bool(style) and HIDDEN_STYLE_RE.search(style) is not None))


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
    unseen += [e for e in root.xpath(HIDDEN_XPATH) if _hidden(e)]
    for element in unseen:
        if element is not root and element.getparent() is not None:
            element.drop_tree()
    for element in root.iter(*BLOCK_TAGS, "br"):
        if element.tag != "br":
            element.text = "\n" + (element.text or "")
        element.tail = "\n" + (element.tail or "")
    for element in root.iter("td", "th"):
        element.tail = " " + (element.tail or "")
    rendered = etree.tostring(root, method="text", encoding="unicode")
    # Collapse white space inside each line (str.split in C), drop blank lines.
    return "\n".join(filter(None, (" ".join(line.split()) for line in rendered.split("\n"))))
