"""The genre section: news reports, opinion, and pages that are no news article."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsbadge import analyze, genre
from newsbadge.document import Document
from newsbadge.schema import Report

FIXTURES = Path(__file__).parent / "fixtures" / "genre"


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def test_seed_page_is_reporting(seed_text):
    section = analyze({"text": seed_text})["genre"]
    assert section["kind"] == "reporting"
    assert 0.5 <= section["confidence"] <= 1
    assert any(e["signal"] == "attribution" for e in section["evidence"])


def test_wire_story_is_reporting(wire_story):
    assert analyze({"text": wire_story})["genre"]["kind"] == "reporting"


@pytest.mark.parametrize("name", ["product-roundup.txt", "personal-blog.txt"])
def test_pages_that_are_no_news_article_are_other_and_the_badge_says_so(name):
    report = analyze({"text": fixture(name)})
    Report.model_validate(report)
    assert report["genre"]["kind"] == "other"
    assert report["genre"]["evidence"], "the signals that made it `other` are shown"
    badge = report["badge"]
    assert badge["summary"].startswith("Not a news article")
    assert not badge["text"].isdigit() and badge["genre"] == "other"
    assert "sourcing" not in {reason["section"] for reason in badge["why"]}


def test_product_page_evidence_names_prices_or_lists():
    signals = {e["signal"] for e in analyze({"text": fixture("product-roundup.txt")})
               ["genre"]["evidence"]}
    assert signals & {"price", "short_line", "list_item", "second_person", "imperative"}


def test_evidence_offsets_index_the_sent_text(seed_text):
    text = "🙂 " + seed_text
    for item in analyze({"text": text})["genre"]["evidence"]:
        assert text[item["start"]:item["end"]] == item["text"]


def test_first_person_inside_quotes_is_the_speaker_not_the_author():
    quoted = "“I think I was right and I will say so,” the mayor said. " * 10
    own = "I think I was right and I will say so, and my readers agree. " * 10
    assert genre.signals(Document(quoted, "en")).rates()["first_singular"] == 0
    assert genre.signals(Document(own, "en")).rates()["first_singular"] > 5


def test_dateline_is_found_at_the_start():
    text = "WASHINGTON (Reuters) - The Senate voted on Tuesday to approve the bill, officials said."
    spans = genre.signals(Document(text, "en")).spans
    assert spans["dateline"] and text[slice(*spans["dateline"][0])].startswith("WASHINGTON")
    assert "dateline" not in genre.signals(Document("Fall is here — it is cold.", "en")).spans


def test_short_and_unsupported_texts_get_no_genre(wire_story):
    assert analyze({"text": "Too short to judge."})["genre"]["reason"] == "too_short"
    section = analyze({"text": wire_story, "lang": "ja"})["genre"]
    assert section["kind"] is None and section["reason"] == "unsupported_language"


def test_sentence_spread_tells_even_sentences_from_mixed_ones():
    even = "The council met on Monday and approved the budget for next year. " * 12
    mixed = ("No. The council met on Monday, argued for hours about every line of a budget "
             "that nobody had read in full, and approved it anyway. Absurd. ") * 6
    assert genre.signals(Document(even, "en")).rates()["sentence_spread"] == 0
    assert genre.signals(Document(mixed, "en")).rates()["sentence_spread"] > 0.5


def test_views_inside_quotes_are_the_speakers_not_the_authors():
    quoted = "“I think this is a terrible, shameless plan,” the mayor said on Monday. " * 10
    own = "I think this is a terrible, shameless plan, and the mayor knows it. " * 10
    for signal in ("opinion_verb", "evaluative", "loaded"):
        assert genre.signals(Document(quoted, "en")).rates()[signal] == 0
        assert genre.signals(Document(own, "en")).rates()[signal] > 5


def test_evidence_is_only_what_pushed_the_model_more_than_a_little(seed_text):
    """Every signal shown pushed towards the kind by genre.MIN_PUSH or more: a push the model
    barely heard (the seed page's few dates) is not shown as what made it a report."""
    doc = analyze({"text": seed_text})
    section = doc["genre"]
    z = genre.standardized(section["rates"])
    _, _, weights = genre.classify(z, "en")
    push = {name: w * v for name, w, v in zip(genre.MODEL["features"], weights, z, strict=True)}
    shown = {e["signal"] for e in section["evidence"]}
    assert shown and all(push[name] >= genre.MIN_PUSH for name in shown)
    heard_little = {name for name, value in push.items()
                    if 0 < value < genre.MIN_PUSH and section["rates"][name] > 0}
    assert heard_little and not heard_little & shown


def test_loaded_words_are_shown_as_what_made_a_page_opinion():
    """The opinion model reads loaded words (the author attacking or mocking); on a column full
    of them they are its evidence, and a topic word such as "disaster" is none."""
    column = ("The governor slammed his critics again this week, a shameless display of "
              "arrogance from a man whose hypocrisy is now plain. This is propaganda, and "
              "voters are not fooled by it. The flood was a disaster, but he mocked the "
              "families who begged for help. " * 4)
    section = analyze({"text": column})["genre"]
    assert section["kind"] == "opinion"
    loaded = {e["text"] for e in section["evidence"] if e["signal"] == "loaded"}
    assert loaded and "disaster" not in loaded and loaded <= {
        "slammed", "shameless", "arrogance", "hypocrisy", "propaganda", "mocked", "begged"}
