import re

from hypothesis import given
from hypothesis import strategies as st

from newsbadge.document import Document
from newsbadge.text import (
    SENTENCE_END_RE,
    WORD_RE,
    Ranges,
    line_spans,
    sentence_spans,
    word_spans,
    words,
)


def test_word_spans_keep_inner_apostrophes_hyphens_and_number_separators():
    text = "It isn’t a Q-and-A: 100,000 troops, 3.5 percent."
    words = [text[s:e] for s, e in word_spans(text)]
    assert words == ["It", "isn’t", "a", "Q-and-A", "100,000", "troops", "3.5", "percent"]


def test_sentence_spans_split_on_terminal_punctuation_and_line_breaks():
    text = "First one. Second one?  Third “quoted.” Fourth\nFifth line"
    sentences = [text[s:e] for s, e in sentence_spans(text)]
    assert sentences == ["First one.", "Second one?", "Third “quoted.”", "Fourth", "Fifth line"]


def test_line_spans_strip_whitespace_and_skip_blank_lines():
    text = "  first  \n\n\t\nsecond\r\n"
    assert [text[s:e] for s, e in line_spans(text)] == ["first", "second"]


def test_ranges_merge_and_answer_overlap_queries():
    ranges = Ranges.of([(10, 20), (15, 30), (40, 50), (5, 5)])
    assert ranges.spans == ((10, 30), (40, 50))
    assert ranges.overlaps(29, 35) and ranges.overlaps(0, 11) and ranges.overlaps(45, 46)
    assert not any(ranges.overlaps(*gap) for gap in [(30, 40), (0, 10), (50, 60)])
    assert ranges.complement(60) == [(0, 10), (30, 40), (50, 60)]
    assert not Ranges() and Ranges().complement(3) == [(0, 3)]


def test_outside_keeps_exactly_the_spans_that_overlap_no_range():
    ranges = Ranges.of([(10, 20), (40, 50)])
    spans = [(0, 5), (5, 10), (8, 12), (12, 14), (19, 21), (20, 40), (45, 60), (60, 70)]
    expected = [span for span in spans if not ranges.overlaps(*span)]
    assert ranges.outside(spans) == expected == [(0, 5), (5, 10), (20, 40), (60, 70)]


@given(st.lists(st.integers(0, 200), max_size=40), st.lists(st.tuples(st.integers(0, 200),
                                                                      st.integers(1, 30))))
def test_outside_agrees_with_overlap_queries_on_any_disjoint_spans(cuts, ranges):
    points = sorted(set(cuts))
    # Consecutive cut points, with gaps between some spans.
    spans = [(a, b) for a, b in zip(points, points[1:], strict=False) if (a + b) % 3]
    boilerplate = Ranges.of((start, start + length) for start, length in ranges)
    assert boilerplate.outside(spans) == [s for s in spans if not boilerplate.overlaps(*s)]


# Words as first written: the plain alternation that WORD_RE's possessive form replaces.
PLAIN_WORD_RE = re.compile(r"\w+(?:(?:['’\-]|[.,](?=\d))\w+)*")


@given(st.text(alphabet="ab’'-.,1 \n!é_", max_size=60))
def test_words_are_the_plain_word_regex_matches_with_their_spans(text):
    spans, strings = words(text)
    assert spans == [m.span() for m in PLAIN_WORD_RE.finditer(text)]
    assert [m.span() for m in WORD_RE.finditer(text)] == spans
    assert strings == [text[s:e] for s, e in spans]


# The sentence ends as first written: the two kinds of end as a plain alternation.
PLAIN_SENTENCE_END_RE = re.compile(r"[.!?…](?<![.!?…]{2})[.!?…]*+[\"'”’)\]]*+(?=\s)|[\r\n]+")


@given(st.text(alphabet="a .!?…\"'”’)]\r\n\t", max_size=80))
def test_sentence_end_regex_matches_the_plain_alternation_it_replaces(text):
    assert ([m.span() for m in SENTENCE_END_RE.finditer(text)]
            == [m.span() for m in PLAIN_SENTENCE_END_RE.finditer(text)])


@given(st.text(alphabet="aB’'-İ \n.Σ", max_size=40))
def test_document_lowered_words_run_parallel_to_the_words(text):
    doc = Document(text, "en")
    assert len(doc.article_lower) == len(doc.article_strings) == len(doc.article_words)
    assert all("\n" not in word for word in doc.article_lower)
