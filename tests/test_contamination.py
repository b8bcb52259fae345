"""Contamination: categories, clean and all-boilerplate pages, HTML rendering, offsets."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsbadge import analyze as analyze_request
from newsbadge.contamination import analyze, features, phrases, prepare
from newsbadge.contamination.section import CLEAN_BELOW
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


def test_all_boilerplate_page_has_no_article_to_grade():
    text = (FIXTURES / "all_boilerplate.txt").read_text(encoding="utf-8")
    result = analyze(prepare(text, None), "en")
    assert result.section["score"] is None
    assert (result.section["level"], result.section["reason"]) == ("insufficient", "no_article")
    assert result.section["page_share"] > 80
    categories = {s["category"] for s in result.section["spans"]}
    assert {"navigation", "cookie", "social", "legal"} <= categories


def test_short_text_is_insufficient():
    result = analyze(prepare("Subscribe now. 0 Comments", None), "en")
    assert result.section["score"] is None
    assert result.section["level"] == "insufficient"


SEED_TITLE = ("Russian State TV Claims North Korea Offering 100K Troops To Russia In Ukraine "
              "Conflict")
SEED_BOILERPLATE = {
    "Go Ad-Free, Get Exclusive Shows and Content, Go Premium Today – $1 Trial": "subscription",
    "Join Our Community Of Patriots": "social",
    "Updated Flash Report": "metadata",
    "0 Comments": "comments",
}


def test_seed_page_headline_is_article_and_its_upsells_interrupt_it(seed_text):
    lines = seed_text.splitlines()
    text = "\n".join([SEED_TITLE] + [line for line in lines if line != SEED_TITLE])
    section = analyze(prepare(text, None, title=SEED_TITLE), "en").section
    assert not _spans_over(section, text, SEED_TITLE)
    for line, category in SEED_BOILERPLATE.items():
        assert [s["category"] for s in _spans_over(section, text, line)] == [category], line
    placement = {s["text"]: s["placement"] for s in section["spans"]}
    assert placement['Join Our Community Of Patriots'] == "inside"
    assert placement["0 Comments"] == "around"
    # Without the title the same first line is not spared as a headline.
    assert _spans_over(analyze(prepare(text, None), "en").section, text, SEED_TITLE)


SHARE_BUTTONS = ["Share", "Facebook", "Twitter", "LinkedIn", "Email", "WhatsApp", "Reddit",
                 "Print"]


def test_share_buttons_after_the_first_paragraph_interrupt_it_and_leave_it_article(seed_text):
    lines = seed_text.splitlines()
    text = "\n".join(lines[:1] + SHARE_BUTTONS + lines[1:])
    section = analyze(prepare(text, None), "en").section
    assert not _spans_over(section, text, lines[0])
    shares_spans = _spans_over(section, text, "\n".join(SHARE_BUTTONS))
    assert [(s["category"], s["placement"]) for s in shares_spans] == [("social", "inside")]
    assert shares_spans[0]["text"] == "\n".join(SHARE_BUTTONS)


def test_seed_page_furniture_is_found_and_article_sentences_are_not(seed_text):
    text = seed_text
    result = analyze(prepare(text, None), "en")
    section = result.section
    for line, category in SEED_BOILERPLATE.items():
        assert [s["category"] for s in _spans_over(section, text, line)] == [category], line
    # Every sentence of the article (the lines of prose) stays out of every span.
    for start, end in line_spans(text):
        line = text[start:end]
        if len(line.split()) >= 12 and line.rstrip("”\"'").endswith((".", "?", "!")):
            assert not result.boilerplate.overlaps(start, end), line
    _assert_offsets(text, section)


def test_line_breaks_of_the_html_source_are_spaces_but_pre_keeps_its_own():
    html = "<body><p>One wrapped\nparagraph</p><pre>a\n<b>b</b>\nc</pre></body>"
    text = visible_text(parse(html))
    assert text.splitlines() == ["One wrapped paragraph", "a", "b", "c"]


def test_control_characters_that_pass_the_parser_do_not_lose_their_text():
    text = visible_text(parse("<p>abc \x1f def</p><p>second</p>"))
    assert text.splitlines() == ["abc \ufffd def", "second"]


def test_content_react_streams_in_a_hidden_div_is_what_the_reader_sees():
    html = ('<body><div hidden id="S:0"><p>Streamed story paragraph.</p></div>'
            '<div hidden id="menu"><p>Collapsed menu</p></div></body>')
    assert visible_text(parse(html)).splitlines() == ["Streamed story paragraph."]


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
    # The judged lines after the article are its furniture, not interruptions of it.
    assert result.section["furniture_share"] > 90 and result.section["level"] == "clean"
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


BUTTON_WRAPPED = (FIXTURES / "button_wrapped.html").read_text(encoding="utf-8")


def _assert_article_kept(report: dict) -> None:
    text, section = report["text"], report["contamination"]
    for paragraph in ARTICLE.splitlines():
        assert paragraph in text, paragraph
        assert not _spans_over(section, text, paragraph), paragraph
    assert section["level"] == "clean"


def test_article_inside_a_button_left_open_is_kept():
    tree = parse(BUTTON_WRAPPED)
    assert tree.xpath("//button//main"), "the fixture no longer reproduces the parser's repair"
    _assert_article_kept(analyze_request({"html": BUTTON_WRAPPED}))


@pytest.mark.parametrize("opening", [
    '<label for="q">Search',
    '<select name="edition"><option>UK edition',
    '<svg viewBox="0 0 10 10"><path d="M0 0h10v10z">',
    '<object data="/logo.svg">Logo',
])
def test_article_inside_any_widget_a_repair_wraps_it_in_is_kept(opening):
    html = BUTTON_WRAPPED.replace('<button class="menu-toggle" aria-label="Open menu">', opening)
    tree = parse(html)
    tag = re.match(r"<(\w+)", opening).group(1)
    assert tree.xpath(f"//{tag}//main"), "the repair did not happen: the test would prove nothing"
    _assert_article_kept(analyze_request({"html": html}))


def test_an_article_after_an_early_end_of_document_is_kept():
    # A theme that closes the document after its header and prints the article after it: the
    # browser's parser reads on and shows the article; libxml2 alone stops at </html>.
    paragraphs = "".join(f"<p>{p}</p>\n" for p in ARTICLE.splitlines())
    html = ("<!DOCTYPE html><html><head><title>Mill Street library</title></head><body>"
            '<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>\n'
            f"</body>\n</html>\n<div class=\"post\"><article>{paragraphs}</article></div>\n")
    first_sentence = ARTICLE.split(".")[0]
    assert first_sentence not in lxml.html.document_fromstring(html).text_content(), (
        "libxml2 reads past </html> now: the test would prove nothing")
    _assert_article_kept(analyze_request({"html": html}))


def test_widgets_without_block_content_stay_out_of_the_text():
    text = visible_text(parse(BUTTON_WRAPPED))
    assert "Share this story" not in text
    # The wrapping button's own label, inline after the link as a browser shows it.
    assert "Skip to content Menu" in text.splitlines()


HEADLINE = "Elmbridge council votes to close Mill Street library"


def _page_titled(head: str, h1: str = HEADLINE) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in ARTICLE.splitlines())
    return (f"<html><head>{head}</head><body><nav><a href='/'>Home</a> <a href='/n'>News</a>"
            f"</nav><h1>{h1}</h1>{body}</body></html>")


@pytest.mark.parametrize(("head", "expected"), [
    (f"<title>{HEADLINE} | Elmbridge Gazette</title>", HEADLINE),
    (f"<title>Elmbridge Gazette</title><meta property='og:title' content='{HEADLINE}'>",
     HEADLINE),
    ("", HEADLINE),  # no title at all: the first <h1>
])
def test_html_path_takes_the_title_the_extension_would_send(head, expected):
    report = analyze_request({"html": _page_titled(head)})
    assert report["sensational"]["headline"]["text"] == expected
    assert not _spans_over(report["contamination"], report["text"], HEADLINE)


def test_the_request_title_wins_over_the_html_title():
    report = analyze_request({"html": _page_titled("<title>Something else entirely</title>"),
                              "title": HEADLINE})
    assert report["sensational"]["headline"]["text"] == HEADLINE
    assert not _spans_over(report["contamination"], report["text"], HEADLINE)


MENU = [f"{word} News" for word in (
    "World", "Politics", "Business", "Sport", "Science", "Health", "Travel", "Culture",
    "Opinion", "Weather", "Video", "Podcasts", "Climate", "Technology", "Education",
    "Property", "Motoring", "Books", "Music", "Film", "Food", "Style", "Puzzles", "Local")]
UPSELLS = [
    "Go Ad-Free, Get Exclusive Shows and Content, Go Premium Today – $1 Trial",
    "Join Our Community Of Patriots",
    "Subscribe now for unlimited access to every story",
    "Sign up for our morning newsletter",
]


def test_a_long_menu_around_the_article_is_furniture_not_an_interruption():
    text = "\n".join(MENU + ARTICLE.splitlines() + MENU[:8])
    section = analyze(prepare(text, None), "en").section
    assert section["level"] == "clean" and section["score"] < CLEAN_BELOW
    assert section["furniture_share"] > 15 and section["page_share"] > 15
    assert section["spans"] and {s["placement"] for s in section["spans"]} == {"around"}


def test_upsells_between_paragraphs_interrupt_the_article():
    paragraphs = ARTICLE.splitlines()
    lines = [paragraphs[0]]
    for upsell, paragraph in zip(UPSELLS, paragraphs[1:], strict=False):
        lines += [upsell, paragraph]
    lines += paragraphs[len(UPSELLS) + 1:]
    text = "\n".join(lines)
    section = analyze(prepare(text, None), "en").section
    for upsell in UPSELLS:
        assert [s["placement"] for s in _spans_over(section, text, upsell)] == ["inside"], upsell
    assert section["score"] >= CLEAN_BELOW and section["level"] != "clean"
    assert section["furniture_share"] == 0.0
    # The same lines around the article, not inside it, are furniture.
    around = analyze(prepare("\n".join(UPSELLS + paragraphs), None), "en").section
    assert around["score"] < CLEAN_BELOW < around["furniture_share"]


EMBEDDED_POSTS = [
    ("The new slogan is a mess, and yes the state paid for it: https://t.co/Nc0nKoXGBP",
     "— Dana Ross (@danaross) November 18, 2019"),
    ("we’re. on. it.\nhttps://t.co/HO1ZRs9T1P",
     "— tall glass of coffee 🎄 (@_orabora) November 19, 2019"),
    ("Hey Twitter, the whole point of this campaign is to raise awareness. #thanks",
     "A post shared by Governor Kim Noel (@govkimnoel) on Nov 18, 2019 at 9:41am PST"),
]


@pytest.mark.parametrize("as_html", [False, True])
def test_posts_the_article_quotes_are_article_not_inserts(as_html):
    """Embedded posts (text, then "— Name (@handle) Date") are what the story quotes: not
    boilerplate, so they interrupt nothing; the same lines with no handle and date stay judged."""
    paragraphs = ARTICLE.splitlines()
    body = []
    for k, (post, byline) in enumerate(EMBEDDED_POSTS):
        body += paragraphs[2 * k:2 * k + 2] + post.splitlines() + [byline]
    body += paragraphs[6:]
    text = "\n".join(body)
    if as_html:
        html = "<html><body><article>" + "".join(
            f"<blockquote class='twitter-tweet'><p>{line}</p></blockquote>"
            if any(line in p + b for p, b in EMBEDDED_POSTS) else f"<p>{line}</p>"
            for line in body) + "</article></body></html>"
        page = prepare(None, html)
        text = page.text
    else:
        page = prepare(text, None)
    result = analyze(page, "en")
    for post, byline in EMBEDDED_POSTS:
        for line in [*post.splitlines(), byline]:
            assert not _spans_over(result.section, text, line), line
    assert result.section["score"] < 5
    _assert_offsets(text, result.section)


def test_a_post_is_its_byline_and_the_lines_above_it_up_to_boilerplate():
    from newsbadge.contamination.embedded import embedded_post_lines
    lines = features.describe(["Share this story", "Loved the new bridge today",
                               "— Dana Ross (@danaross) November 18, 2019", "Read more",
                               "— Tim Ode (@tim) Nov 2, 2019", "— Dana Ross, November 18, 2019"])
    assert embedded_post_lines(lines) == {1, 2, 4}, "no handle, no post; 'Read more' is furniture"


def test_a_line_with_nothing_visible_is_no_span_and_parts_no_menu():
    related = "".join(f"<p>Festival story number {n} of the season</p><p>\u200b</p>"
                      for n in range(6))
    body = "".join(f"<p>{p}</p>" for p in ARTICLE.splitlines() if p)
    html = f"<html><body><article>{body}</article><div>{related}</div></body></html>"
    report = analyze_request({"html": html})
    spans = report["contamination"]["spans"]
    assert spans, "the story list is found"
    assert all(span["text"].strip("\u200b \n") for span in spans), "no invisible span"
    first = report["text"].index("Festival story number 0")
    last = report["text"].index("Festival story number 5")
    assert any(s["start"] <= first and last < s["end"] for s in spans), "one span, not six"
