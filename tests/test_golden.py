"""Golden reports: each fixture page's report is the one committed under tests/golden/.

On a difference the failure lists it section by section; `make golden` records an intended change
(see newsbadge_dev.golden).
"""

from __future__ import annotations

import json

import pytest

from newsbadge_dev import golden, reports

PAGES = golden.pages()


def test_the_pages_are_found():
    assert len(PAGES) >= 10 and any(name.endswith(".html") for name in PAGES)


@pytest.mark.parametrize("name", PAGES)
def test_report_is_the_golden_one(name):
    message = golden.failure(name, golden.report(PAGES[name]))
    if message:
        pytest.fail(message, pytrace=False)


def test_every_golden_file_has_its_page():
    gone = golden.stale()
    assert not gone, f"golden files without a page: {gone}; `{golden.COMMAND}` removes them"


def test_differences_name_the_section_the_field_and_the_spans_added_or_removed():
    span = {"start": 4, "end": 9, "text": "slams", "cue": "loaded", "weight": 0.8}
    before = {"schema": "1", "sensational": {"score": 10.0, "evidence": [span]},
              "sourcing": {"sources": [{"name": "Ana Lopez", "mentions": 1}]}}
    after = {"schema": "1", "sensational": {"score": 12.5, "evidence": [
        {**span, "weight": 0.5}, {"start": 20, "end": 26, "text": "shock", "cue": "emotive"}]},
        "sourcing": {"sources": []}, "text": "new"}
    found = reports.differences(before, after)
    assert list(found) == ["sensational", "sourcing", "text"]
    assert found["sensational"] == ['evidence: + 20-26 "shock" emotive',
                                    'evidence[4-9 "slams"].weight: 0.8 -> 0.5',
                                    "score: 10.0 -> 12.5"]
    assert found["sourcing"] == ['sources: - {"name": "Ana Lopez", "mentions": 1}']
    assert found["text"] == ['(value): (absent) -> "new"']
    assert reports.differences(before, json_copy(before)) == {}
    assert "text" not in reports.differences(before, after, ignored=frozenset({"text"}))


def json_copy(report: dict) -> dict:
    return json.loads(json.dumps(report))
