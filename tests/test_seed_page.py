"""Smoke test on the real page in ../shared/samples: a full, valid report with real evidence."""

from newsbadge import analyze
from newsbadge.schema import Report

TITLE = "Russian State TV Claims North Korea Offering 100K Troops To Russia In Ukraine Conflict"


def test_seed_page_report_is_complete_and_valid(seed_text):
    report = analyze({"text": seed_text, "title": TITLE})
    Report.model_validate(report)
    assert report["language"]["code"] == "en" and report["language"]["supported"]
    assert 500 < report["stats"]["page_words"] < 600
    for section in ("sensational", "contamination", "sourcing"):
        assert report[section]["score"] is not None, section
    assert report["sensational"]["evidence"] and report["contamination"]["spans"]
    assert report["sourcing"]["attributions"] and report["sourcing"]["hedges"]
    assert report["badge"]["level"] in {"good", "mixed", "poor"}
