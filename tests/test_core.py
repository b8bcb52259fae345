"""The analysis core: one request in, a complete report out, with evidence that indexes the text."""

from pathlib import Path

import pytest
from pydantic import ValidationError

from newsbadge import analyze
from newsbadge.schema import Report
from newsbadge_dev.reports import text_spans

FIXTURES = Path(__file__).parent / "fixtures" / "core"
SECTIONS = ("language", "stats", "readability", "sensational", "contamination", "sourcing", "badge")


def test_report_has_every_section_and_validates_against_the_schema(wire_story):
    report = analyze({"text": wire_story, "title": "Council approves road budget"})
    Report.model_validate(report)
    assert report["schema"] == "newsbadge.report/2"
    assert all(section in report for section in SECTIONS)
    assert report["stats"]["words"] > 200 and report["stats"]["sentences"] >= 10
    assert report["readability"]["grade_level"] is not None
    assert "text" not in report  # the request's text is what offsets index


def test_every_evidence_offset_round_trips_into_the_sent_text(wire_story):
    text = "🙂 Emoji first. " + wire_story + "\nGo Premium Today – $1 Trial\n0 Comments"
    report = analyze({"text": text})
    spans = list(text_spans(report))
    assert report["sourcing"]["attributions"], "the wire story has attributions"
    assert report["contamination"]["spans"], "the tail is boilerplate"
    for span in spans:
        assert text[span["start"] : span["end"]] == span["text"]


def test_plain_wire_story_gets_a_good_badge(wire_story):
    badge = analyze({"text": wire_story})["badge"]
    assert badge["level"] in {"good", "mixed"}
    assert len(badge["text"]) <= 4 and badge["summary"].endswith(".")


def test_title_alone_gets_a_headline_score_and_insufficient_sections():
    report = analyze({"title": "You Won't Believe What Happened Next!!"})
    Report.model_validate(report)
    assert report["sensational"]["headline"]["text"].startswith("You Won't")
    for section in ("sensational", "sourcing"):
        assert report[section]["score"] is None
        assert report[section]["level"] == "insufficient"
    assert report["badge"]["level"] == "unknown"


def test_html_only_request_returns_the_text_its_offsets_index(wire_story):
    paragraphs = "".join(f"<p>{line}</p>" for line in wire_story.splitlines())
    html = f"<html><head><title>t</title></head><body>{paragraphs}</body></html>"
    report = analyze({"html": html})
    assert "council voted 7-2" in report["text"]
    assert report["sourcing"]["attributions"], "the wire story's attributions are found"
    for span in text_spans(report):
        assert report["text"][span["start"] : span["end"]] == span["text"]


def test_unsupported_language_still_reports_what_does_not_depend_on_it():
    spanish = (FIXTURES / "spanish-story.txt").read_text(encoding="utf-8")
    report = analyze({"text": spanish * 2})
    assert report["language"]["code"] == "es" and report["language"]["supported"] is False
    assert report["stats"]["words"] > 100
    assert report["readability"]["flesch_reading_ease"] is not None
    assert report["sourcing"]["level"] == "insufficient"
    assert report["badge"]["level"] == "unknown"
    assert "language" in report["badge"]["summary"]


def test_language_override_wins_over_detection(wire_story):
    report = analyze({"text": wire_story, "lang": "pt"})
    assert report["language"] == {
        "code": "pt",
        "probability": 1.0,
        "method": "declared",
        "supported": False,
    }


def test_id_and_url_are_echoed(wire_story):
    report = analyze({"text": wire_story, "id": 42, "url": "https://example.org/a"})
    assert report["id"] == 42 and report["url"] == "https://example.org/a"


def test_empty_text_is_insufficient_not_an_error():
    report = analyze({"text": ""})
    Report.model_validate(report)
    assert report["stats"]["words"] == 0
    assert report["language"]["code"] == "und"
    assert report["badge"]["text"] == "?"


@pytest.mark.parametrize(
    ("request_body", "field"),
    [
        ({}, "request"),
        ({"text": 5}, "text"),
        ({"title": ["a"]}, "title"),
        ({"text": "x", "lang": "english!"}, "lang"),
        ({"text": "x", "id": {"a": 1}}, "id"),
    ],
)
def test_invalid_requests_raise_and_name_the_field(request_body, field):
    with pytest.raises(ValidationError) as caught:
        analyze(request_body)
    from newsbadge.schema import validation_message

    assert validation_message(caught.value).startswith(field)


def test_warm_up_pages_reach_the_extractor_and_the_line_rules():
    """The start-up's warm-up analyses (analysis.warm_up) go through what a real page does:
    the HTML one through trafilatura, whose main text is found, and both through the phrase
    rules, which mark the menu and the newsletter line."""
    from newsbadge.analysis import WARM_UP_HTML, WARM_UP_REQUEST
    from newsbadge.contamination.classify import describe, extractor_kept, prepare

    page = prepare(None, WARM_UP_HTML["html"])
    lines = [line.tokens for line in describe(page.text.splitlines())]
    assert any(extractor_kept(page.tree, lines))
    for request in (WARM_UP_REQUEST, WARM_UP_HTML):
        categories = {span["category"] for span in analyze(request)["contamination"]["spans"]}
        assert categories == {"navigation", "newsletter"}


def test_worker_warm_up_page_runs_through_every_scorer():
    """The page each server worker analyses before it accepts (analysis.WARM_UP_PAGE) is an
    English news page to every scorer: the function-word path, furniture of several kinds,
    named and unnamed sources, a hedge, framing cues and the reporting genre."""
    from newsbadge.analysis import WARM_UP_PAGE

    report = analyze(WARM_UP_PAGE)
    assert report["language"]["method"] == "function_words"
    assert len({span["category"] for span in report["contamination"]["spans"]}) >= 4
    names = {source["name"] for source in report["sourcing"]["sources"]}
    assert {"Daniel Osei", "Janet Brooks"} <= names
    assert "officials familiar with" in names
    assert report["sourcing"]["hedges"]
    assert report["sensational"]["evidence"]
    assert report["genre"]["kind"] == "reporting"

def test_warm_up_leaves_the_heap_unfrozen_as_it_found_it():
    """warm_up freezes the heap only around its HTML page (for that page's garbage collection):
    what a caller freezes, and when, stays the caller's (freeze_loaded_heap)."""
    import gc

    from newsbadge.analysis import warm_up

    gc.unfreeze()
    warm_up()
    assert gc.get_freeze_count() == 0
    gc.freeze()
    frozen = gc.get_freeze_count()
    try:
        warm_up()
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
