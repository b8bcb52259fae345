"""The plain-text path's page-level pass (region.py): the article's run of lines, comment
threads after it, lists inside it. Fixtures written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsbadge.contamination import analyze, prepare, region
from newsbadge.contamination.classify import REGION_CUTS

FIXTURES = Path(__file__).parent / "fixtures" / "contamination"
ARTICLE = (FIXTURES / "article.txt").read_text(encoding="utf-8")


def _span_lines(section: dict) -> set[str]:
    return {line for s in section["spans"] for line in s["text"].splitlines()}


def test_a_comment_thread_after_the_story_is_not_article():
    thread = (FIXTURES / "comment_thread.txt").read_text(encoding="utf-8")
    text = ARTICLE + thread
    section = analyze(prepare(text, None), "en").section
    spans = _span_lines(section)
    assert set(thread.splitlines()) <= spans
    assert not spans & set(ARTICLE.splitlines())
    # The thread is around the article, not an interruption of it.
    assert section["score"] == 0.0
    assert {s["placement"] for s in section["spans"]} == {"around"}


def test_a_list_between_paragraphs_is_article_and_the_menus_around_it_are_not():
    text = (FIXTURES / "list_between_paragraphs.txt").read_text(encoding="utf-8")
    spans = _span_lines(analyze(prepare(text, None), "en").section)
    lines = text.splitlines()
    calendar = [line for line in lines if "|" in line]
    assert len(calendar) == 6 and not spans & set(calendar)
    assert {"Home", "Contact", "About us", "Terms"} <= spans


def test_lines_the_classifier_doubts_between_paragraphs_stay_in_the_run():
    p = [0.1, 0.1, 0.95, 0.45, 0.45, 0.45, 0.95, 0.1]
    n_words = [1, 1, 30, 3, 3, 3, 30, 2]
    doubted = region.boilerplate(p, n_words, set(), REGION_CUTS, fallback=0.65)
    assert doubted == [True, True, False, False, False, False, False, True]


def test_a_comment_header_ends_the_run_once_a_paragraph_precedes_it():
    p = [0.95, 0.9, 0.8, 0.8, 0.8]
    n_words = [60, 2, 20, 20, 20]
    first, last, closed = region.article_run(p, n_words, {1}, REGION_CUTS)
    assert (first, last, closed) == (0, 0, 1)
    # Before any paragraph (a comment count by the byline) it closes nothing.
    first, last, closed = region.article_run([0.9, *p], [2, *n_words], {0, 2}, REGION_CUTS)
    assert closed == 2 and (first, last) == (1, 1)


def test_no_positive_run_falls_back_to_the_classifier_threshold():
    doubted = region.boilerplate([0.5, 0.2], [3, 3], set(), REGION_CUTS, fallback=0.4)
    assert doubted == [False, True]


TEASERS = (FIXTURES / "teaser_list.txt").read_text(encoding="utf-8").splitlines()


def test_a_teaser_list_after_the_story_is_not_article():
    # With its header ("More from ...") and without it (headline-shaped lines in a row).
    for teasers in (TEASERS, TEASERS[1:]):
        text = ARTICLE + "\n".join(teasers) + "\n"
        section = analyze(prepare(text, None), "en").section
        spans = _span_lines(section)
        assert set(teasers) <= spans
        assert not spans & set(ARTICLE.splitlines())
        assert {s["placement"] for s in section["spans"]} == {"around"}


def test_a_teaser_header_before_most_of_the_story_ends_nothing():
    lines = ARTICLE.splitlines()
    text = "\n".join([lines[0], TEASERS[0], *lines[1:]]) + "\n"
    assert not _span_lines(analyze(prepare(text, None), "en").section) & set(lines)


def test_a_numbered_list_article_is_article():
    text = (FIXTURES / "numbered_list.txt").read_text(encoding="utf-8")
    spans = _span_lines(analyze(prepare(text, None), "en").section)
    items = [line for line in text.splitlines() if line[:1].isdigit()]
    assert len(items) == 6 and not spans & set(items)
    assert {"Home", "Gear", "About us", "Terms"} <= spans


def test_a_story_sent_as_one_long_line_is_article():
    text = (FIXTURES / "one_long_line.txt").read_text(encoding="utf-8")
    story = max(text.splitlines(), key=len)
    spans = _span_lines(analyze(prepare(text, None), "en").section)
    assert len(story.split()) > 80 and story not in spans
    assert {"Home", "Weather", "About us", "Terms"} <= spans


@pytest.mark.parametrize("as_html", [False, True])
def test_a_long_story_closed_by_a_link_is_article(as_html):
    """A story in one line (an e-mail newsletter's table cell) that ends with a link, not a
    sentence: its sentences make it prose, on the plain-text path and on the HTML path."""
    lines = (FIXTURES / "one_long_line.txt").read_text(encoding="utf-8").splitlines()
    at = max(range(len(lines)), key=lambda i: len(lines[i]))
    lines[at] += " Read in browser »"
    story = lines[at]
    if as_html:
        menu = "".join(f"<li><a href='/{k}'>{line}</a></li>" for k, line in enumerate(lines)
                       if k != at)
        page = prepare(None, f"<html><body><ul>{menu}</ul><table><tr><td>{story}</td></tr>"
                             "</table></body></html>")
    else:
        page = prepare("\n".join(lines), None)
    spans = _span_lines(analyze(page, "en").section)
    assert story in page.text.splitlines() and story not in spans


def test_lines_the_extractor_dropped_inside_the_story_come_back_when_the_page_pass_keeps_them():
    """HTML path: trafilatura's precision mode drops list items from inside a story; those the
    plain-text pass keeps with p >= RESTORED_FROM between the first and last paragraph return,
    and nothing outside the story, no phrase-rule line, no doubted line does."""
    from newsbadge.contamination.classify import RESTORED_FROM, _restored
    from newsbadge.contamination.features import describe

    paragraph = ARTICLE.splitlines()[0]
    texts = ["Home", paragraph, "Fast setup: a site in an hour", "Share on Facebook",
             "Clear pricing on every plan", paragraph, "About us"]
    kept = [False, True, False, False, False, True, False]
    sure = RESTORED_FROM + 0.05
    p_page = [sure, 0.99, sure, sure, RESTORED_FROM - 0.1, 0.99, sure]
    assert _restored(describe(texts), kept, {0, 2, 3, 4, 6}, p_page, REGION_CUTS) == {2}


def test_a_short_story_above_a_long_thread_is_no_extractor_miss():
    """trafilatura's lines hold little of the page's prose when a long comment thread follows a
    short story; they hold the article run's, which ends at the thread's header. A choice of one
    comment instead of the story is still a miss."""
    from newsbadge.contamination.classify import extractor_missed
    from newsbadge.contamination.features import describe

    paragraphs = ARTICLE.splitlines()
    story, thread = paragraphs[:2], paragraphs[2:]
    texts = ["Home", *story, "12 Comments"] + [x for c in thread for x in (c, "Reply")]
    lines = describe(texts)
    p_page = [0.1, 0.95, 0.95, 0.1] + [x for _ in thread for x in (0.9, 0.1)]
    share = sum(len(line.tokens) for line in lines[1:3]) / sum(
        len(line.tokens) for line in lines if line.ends_sentence)
    assert share < 0.5, "the thread no longer outweighs the story: the test would prove nothing"
    story_kept = [1 <= i <= 2 for i in range(len(texts))]
    assert not extractor_missed(lines, story_kept, p_page)
    comment_kept = [i == 4 for i in range(len(texts))]
    assert extractor_missed(lines, comment_kept, p_page)
