"""Posts the article quotes by embedding them (a tweet, an Instagram post): part of the story.

An article about what people posted quotes the posts as embeds, and the page prints each as its
text and then a byline: "— Dianna E. Anderson (@diannaeanderson) November 18, 2019" (Twitter's
embed), "A post shared by Jane Doe (@janedoe) on Nov 18, 2019 at 9:41am PST" (Instagram's). The
line classifier sees short lines with links and handles, and took them for a related-story list:
on the scrapinghub page that quotes six tweets, 47% of the article read as "ads and inserts".
The reference extractions keep them (17 such bylines on 9 of scrapinghub's 181 pages are in their
article text), and so does newsbadge: the byline and the post's lines just above it are article.
"""

from __future__ import annotations

import re

from .features import Line

MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
BYLINE_RE = re.compile(
    r"^(?:[—–-]\s*|A post shared by\s+).{0,80}\(@\w{1,30}\)\s+(?:on\s+)?" + MONTH
    + r"\s+\d{1,2},\s+\d{4}\b.{0,30}$")
# Lines of a post's text above its byline: a tweet holds at most 280 characters, which pages
# print on one to three lines; a fourth would be the article's own paragraph.
MAX_POST_LINES = 3
MAX_POST_CHARACTERS = 300


def embedded_post_lines(lines: list[Line]) -> set[int]:
    """Indices of the lines that are quoted posts: each byline, and above it up to
    MAX_POST_LINES lines of at most MAX_POST_CHARACTERS together that are no phrase-rule
    boilerplate ("Advertisement") and no other post's byline."""
    found: set[int] = set()
    for i, line in enumerate(lines):
        if len(line.text) > 200 or not BYLINE_RE.match(line.text.strip()):
            continue
        found.add(i)
        characters = 0
        for j in range(i - 1, max(-1, i - 1 - MAX_POST_LINES), -1):
            characters += len(lines[j].text)
            if j in found or lines[j].category or characters > MAX_POST_CHARACTERS:
                break
            found.add(j)
    return found
