"""The badge's formula: each way a page is worse than ordinary news takes points off, visibly."""

from __future__ import annotations

import pytest

from newsbadge import analyze, badge
from newsbadge.schema import Badge

RAMPS = badge.RAMPS


def calm() -> dict:
    return {"score": RAMPS["framing"]["start"] / 2, "level": "low", "evidence": [],
            "evidence_total": 0}


def clean() -> dict:
    return {"score": 0.0, "level": "clean", "spans": []}


def attribution(kind: str) -> dict:
    return {"start": 0, "end": 10, "cue": {"start": 0, "end": 4, "text": "said"},
            "source": {"start": 5, "end": 10, "text": "Smith", "kind": kind}, "quote": False}


def sourced(density: float | None = None, kinds=("person",) * 10) -> dict:
    density = RAMPS["thin_sourcing"]["start"] + 10 if density is None else density
    return {"score": 80.0, "level": "well_sourced", "per_1000_words": density,
            "attributions": [attribution(k) for k in kinds], "sources": [], "hedges": []}


def graded(sensational=None, contamination=None, sourcing=None, kind="reporting") -> dict:
    result = badge.badge(sensational or calm(), contamination or clean(), sourcing or sourced(),
                         {"kind": kind})
    Badge.model_validate(result)
    return result


def test_calm_named_sourced_clean_report_is_green_with_nothing_pulling_it_down():
    result = graded()
    assert result["level"] == "good" and result["text"] == "100" and result["why"] == []


def loaded():
    return {"score": RAMPS["framing"]["end"] + 5, "level": "high", "evidence": [{}] * 12,
            "evidence_total": 12}


@pytest.mark.parametrize(("change", "section", "words"), [
    ({"sensational": loaded()}, "sensational", "loaded framing (12 phrases)"),
    ({"sourcing": sourced(density=RAMPS["thin_sourcing"]["end"] - 1)}, "sourcing",
     "few attributions"),
    ({"sourcing": sourced(kinds=("anonymous",) * 8 + ("person",) * 2)}, "sourcing",
     "unnamed sources (80%"),
    ({"contamination": {"score": RAMPS["interruptions"]["end"] + 1, "level": "heavy",
                        "spans": []}}, "contamination", "ads and inserts in the article"),
])
def test_each_rule_at_its_worst_takes_the_page_out_of_green(change, section, words):
    result = graded(**change)
    assert result["level"] != "good"
    assert int(result["text"]) <= 100 - min(badge.WEIGHTS.values())
    reason = result["why"][0]
    assert reason["section"] == section and reason["text"].startswith(words)
    assert reason["points"] == pytest.approx(100 - int(result["text"]), abs=0.5)


def test_two_rules_at_their_worst_make_it_red():
    result = graded(sensational=loaded(), sourcing=sourced(kinds=("anonymous",) * 10))
    assert result["level"] == "poor"
    assert [r["section"] for r in result["why"]] == ["sensational", "sourcing"]


def test_penalties_grow_along_their_ramp():
    start, end = RAMPS["framing"]["start"], RAMPS["framing"]["end"]
    numbers = [int(graded(sensational={**loaded(), "score": start + share * (end - start)})
                   ["text"]) for share in (0.0, 0.5, 1.0)]
    assert numbers[0] > numbers[1] > numbers[2]


def test_anonymous_share_prefers_the_sections_own_field():
    assert badge.anonymous_share({"anonymous_share": 0.25, "attributions": []}) == 0.25
    assert badge.anonymous_share(sourced(kinds=("anonymous", "person"))) == 0.5
    listed = {"attributions": [], "sources": [{"name": "officials", "kind": "anonymous",
                                               "mentions": 3}]}
    assert badge.anonymous_share(listed) == 1.0
    assert badge.anonymous_share({"attributions": [], "sources": []}) is None


def test_opinion_is_graded_and_says_opinion():
    result = graded(kind="opinion")
    assert result["text"].isdigit() and result["summary"].startswith("Opinion: ")


def test_ungraded_sections_take_no_points():
    result = graded(sourcing={"score": None, "level": "insufficient", "per_1000_words": None,
                              "attributions": [], "sources": [], "hedges": []})
    assert result["text"] == "100"


def test_an_article_too_short_for_sourcing_gets_no_number():
    """A shop page's few calm, clean words are no good news: no green 100."""
    shop = ("Free standard shipping on orders over $75. Refer a friend to earn $10 off your next "
            "purchase. Get 10% off your first order when you sign up to our emails. New arrivals, "
            "best sellers and leggings for every run, in every colour you can think of today. "
            "Returns are free within thirty days, and our team answers every message within a day.")
    report = analyze({"text": shop})
    assert report["sensational"]["score"] is not None
    assert report["sourcing"]["reason"] == "too_short"
    assert report["badge"]["text"] == "?" and report["badge"]["level"] == "unknown"
    assert report["badge"]["summary"] == "Not enough article text to judge."


def test_report_badge_carries_its_reasons(seed_text):
    result = analyze({"text": seed_text})["badge"]
    assert result["why"] and all(r["points"] >= badge.MIN_LISTED_POINTS for r in result["why"])
    assert int(result["text"]) == badge.points_left(result["why"])


def test_a_framing_penalty_from_the_headline_alone_names_the_headline():
    sensational = {"score": 60.0, "evidence": [], "evidence_total": 0,
                   "headline": {"level": "high", "score": 99.0}}
    assert badge.framing_text(sensational) == "sensational headline"
    sensational["evidence_total"] = 3
    assert badge.framing_text(sensational) == "loaded framing (3 phrases) and sensational headline"


def test_exclamation_marks_and_capitals_are_named_apart_from_loaded_phrases():
    sensational = {"score": 60.0, "evidence": [], "evidence_total": 17,
                   "cue_counts": {"alarm": 13, "shouting": 1, "loaded": 2, "idiom": 1}}
    assert badge.framing_text(sensational) == (
        "loaded framing (3 phrases) and 13 exclamation marks and 1 word in capitals")
    sensational["cue_counts"] = {"alarm": 1}
    assert badge.framing_text(sensational) == "1 exclamation mark"
