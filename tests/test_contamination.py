"""Contamination: categories, clean and all-boilerplate pages, HTML rendering, offsets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsbadge import analyze as analyze_request
from newsbadge.contamination import analyze, features, phrases, prepare
from newsbadge.contamination.visible import parse, visible_text
from newsbadge.schema import Block
from newsbadge.text import line_spans

FIXTURES = Path(__file__).parent / "fixtures" / "contamination"
ARTICLE = (FIXTURES / "article.txt").read_text(encoding="utf-8")


def _boilerplate_lines() -> list[tuple[str, str]]:
    rows = (FIXTURES / "boilerplate_lines.tsv").read_text(encoding="utf-8").splitlines()
    return [tuple(r.split("\t")) for r in rows if r and not r.startswith("#")]


def _assert_offsets(text: str, section: dict) -> None:
    previous_end = -1
    for span in section["spans"]:
        assert text[span["start"]:span["end"]] == span["text"]
        assert span["start"] > previous_end
        assert 0.0 <= span["confidence"] <= 1.0
        previous_end = span["end"]


def _spans_over(section: dict, text: str, line: str) -> list[dict]:
    start = text.index(line)
    return [s for s in section["spans"] if s["start"] <= start < s["end"]]


@pytest.mark.parametrize(("category", "line"), _boilerplate_lines())
def test_each_category_found_inside_an_article(category, line):
    paragraphs = ARTICLE.splitlines()
    text = "\n".join(paragraphs[:4] + [line] + paragraphs[4:])
    result = analyze(prepare(text, None), "en")
    hits = _spans_over(result.section, text, line)
    assert [s["category"] for s in hits] == [category]
    assert hits[0]["end"] >= text.index(line) + len(line)
    for paragraph in paragraphs:
        assert not _spans_over(result.section, text, paragraph), paragraph
    _assert_offsets(text, result.section)


def test_clean_article_scores_near_zero():
    result = analyze(prepare(ARTICLE, None), "en")
    assert result.section["score"] < 5
    assert result.section["level"] == "clean"
    assert not result.boilerplate


def test_an_article_sent_as_one_paragraph_is_not_judged_boilerplate():
    paragraph = " ".join(line.strip() for line in ARTICLE.splitlines() if line.strip())
    result = analyze(prepare(paragraph, None), "en")
    assert result.section["score"] == 0.0 and not result.boilerplate


def test_all_boilerplate_page_is_heavy():
    text = (FIXTURES / "all_boilerplate.txt").read_text(encoding="utf-8")
    result = analyze(prepare(text, None), "en")
    assert result.section["score"] > 80
    assert result.section["level"] == "heavy"
    categories = {s["category"] for s in result.section["spans"]}
    assert {"navigation", "cookie", "social", "legal"} <= categories


def test_short_text_is_insufficient():
    result = analyze(prepare("Subscribe now. 0 Comments", None), "en")
    assert result.section["score"] is None
    assert result.section["level"] == "insufficient"


def test_seed_page_furniture_is_found_and_article_sentences_are_not(seed_text):
    text = seed_text
    result = analyze(prepare(text, None), "en")
    section = result.section
    expected = {
        "Go Ad-Free, Get Exclusive Shows and Content, Go Premium Today – $1 Trial": "subscription",
        "Join Our Community Of Patriots": "social",
        "Updated Flash Report": "metadata",
        "0 Comments": "comments",
    }
    for line, category in expected.items():
        assert [s["category"] for s in _spans_over(section, text, line)] == [category], line
    # Every sentence of the article (the lines of prose) stays out of every span.
    for start, end in line_spans(text):
        line = text[start:end]
        if len(line.split()) >= 12 and line.rstrip("”\"'").endswith((".", "?", "!")):
            assert not result.boilerplate.overlaps(start, end), line
    _assert_offsets(text, section)


def test_html_drops_scripts_styles_and_hidden_elements():
    html = (FIXTURES / "page.html").read_text(encoding="utf-8")
    text = visible_text(parse(html))
    for unseen in ("do not show", "hidden script", "color: red", "Invisible promotional",
                   "enable JavaScript", "Hidden newsletter", "more script", "<p>"):
        assert unseen not in text
    assert "Elmbridge voted on Thursday evening" in text
    assert "Related stories" in text.splitlines()


def test_html_path_reports_visible_text_and_flags_its_furniture():
    html = (FIXTURES / "page.html").read_text(encoding="utf-8")
    report = analyze_request({"html": html})
    text, section = report["text"], report["contamination"]
    _assert_offsets(text, section)
    for line in ("Sign up for our morning newsletter", "Related stories", "Terms of use"):
        assert _spans_over(section, text, line), line
    for paragraph in ARTICLE.splitlines():
        assert paragraph in text
        assert not _spans_over(section, text, paragraph), paragraph
    newsletter = _spans_over(section, text, "Sign up for our morning newsletter")
    assert newsletter[0]["category"] == "newsletter"


def test_malformed_html_is_repaired_not_rejected():
    html = (FIXTURES / "malformed.html").read_text(encoding="utf-8")
    report = analyze_request({"html": html})
    text = report["text"]
    assert "Elmbridge voted on Thursday evening" in text
    assert "unterminated" not in text
    _assert_offsets(text, report["contamination"])


@pytest.mark.parametrize("html", ["", "<", "<<<>>>", "\ud800<p>x</p>", "<p>\x00</p>",
                                  "<div>" * 5000, "<!-- never closed"])
def test_degenerate_html_gives_a_valid_report(html):
    report = analyze_request({"html": html})
    assert report["contamination"]["level"] == "insufficient"
    _assert_offsets(report["text"], report["contamination"])


def test_blocks_move_lines_and_name_categories():
    paragraphs = ARTICLE.splitlines()
    teaser = "Council approves new cycle lanes on the ring road"
    text = "\n".join(paragraphs[:3] + [teaser] + paragraphs[3:])
    plain = analyze(prepare(text, None), "en")
    blocks = [Block(text=p, tag="p", readability_kept=True, link_density=0.0) for p in
              paragraphs[:3]]
    blocks.append(Block(text=teaser, tag="a", readability_kept=False, link_density=1.0,
                        class_words=["comment-list"]))
    structured = analyze(prepare(text, None, blocks), "en")
    assert not _spans_over(plain.section, text, teaser)
    assert [s["category"] for s in _spans_over(structured.section, text, teaser)] == ["comments"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(
    st.sampled_from(["Subscribe now", "0 Comments", "Share", "Home", "\u200b", "\u202e",
                     "© 2026", "Updated 2 hours ago", "“quoted”", "\ud800", "日本語の文章です。"]),
    st.text(min_size=0, max_size=80)), min_size=0, max_size=40))
def test_offsets_round_trip(parts):
    text = "\n".join(parts)
    result = analyze(prepare(text, None), "en")
    _assert_offsets(text, result.section)
    for start, end in result.boilerplate.spans:
        assert 0 <= start < end <= len(text)


def test_very_long_pages_are_judged_up_to_a_bound():
    from newsbadge.contamination.classify import MAX_LINES

    text = ARTICLE + "\n" + "Home\n" * (MAX_LINES + 100)
    result = analyze(prepare(text, None), "en")
    assert result.section["lines_judged"] == MAX_LINES
    assert result.section["level"] == "heavy"
    _assert_offsets(text, result.section)


# Text where word characters meet the punctuation, digits, spaces and casing the line features
# handle specially.
TRICKY_TEXT = st.lists(st.one_of(
    st.sampled_from(list("aZ09_ .,;:!?…\"'“”’()[]–-/$€|•@#\t\n\u00a0\u2028İıßΣÀÞ²٣")),
    st.sampled_from(["http", "www.", ".com", "ABC", "Subscribe", "2024"]),
    st.characters()), max_size=30).map("".join)


@pytest.mark.slow  # hypothesis, 300 examples
@settings(max_examples=300, deadline=None)
@given(TRICKY_TEXT)
def test_tokens_are_the_word_runs_of_the_text(text):
    assert phrases.tokens(text) == phrases.TOKEN_RE.findall(text)
    assert phrases.tokens(text.lower()) == phrases.TOKEN_RE.findall(text.lower())


def test_word_edge_punctuation_holds_no_word_character():
    assert not phrases.TOKEN_RE.search(phrases.WORD_EDGE_PUNCTUATION)


@pytest.mark.slow  # hypothesis, 300 examples
@settings(max_examples=300, deadline=None)
@given(TRICKY_TEXT)
def test_one_pass_counts_capitalised_and_all_capital_words(text):
    runs = re.findall(r"\w+", text)
    found = features.CAPITALISED_RE.findall(text)
    assert len(found) == sum(bool(re.match(r"[A-ZÀ-ÖØ-Þ]", run)) for run in runs)
    assert len(found) - found.count("") == sum(bool(re.fullmatch("[A-Z]{2,}", run))
                                               for run in runs)


@pytest.mark.slow  # hypothesis, 200 examples
@settings(max_examples=200, deadline=None)
@given(st.lists(TRICKY_TEXT, min_size=1, max_size=12))
def test_page_wide_searches_give_each_line_its_own_features(lines):
    rows = features.line_features(features.describe(lines))
    column = {name: [row[features.NAMES.index(name)] for row in rows]
              for name in ("digit_ratio", "currency", "separators", "link_like")}
    assert column["digit_ratio"] == [sum(map(line.count, "0123456789")) / max(len(line), 1)
                                     for line in lines]
    assert column["currency"] == [float(bool(re.search("[$€£¥₹]", line))) for line in lines]
    assert column["separators"] == [float(bool(re.search("[|•·»›«‹]", line))) for line in lines]
    assert column["link_like"] == [float(bool(features.LINK_RE.search(line))) for line in lines]
