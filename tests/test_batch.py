"""The one batch-item function behind `POST /v1/batch` and `newsbadge batch`."""

from __future__ import annotations

import json
import logging

from newsbadge import batch

STORY = "The council approved the budget on Tuesday, the mayor said in a statement. " * 4


def test_a_valid_item_is_its_report_with_its_id():
    failed, answer = batch.analyze_item({"id": "a1", "text": STORY}, batch.Limits())
    assert not failed
    assert answer["id"] == "a1"
    assert answer["schema"].startswith("newsbadge.report/")


def test_an_invalid_item_is_an_error_naming_the_field_with_its_id_echoed():
    failed, answer = batch.analyze_item({"id": 7, "text": 12}, batch.Limits(), "line 3: ")
    assert failed
    assert answer["id"] == 7
    assert answer["error"]["code"] == "invalid_request"
    assert answer["error"]["message"].startswith("line 3: ")
    assert "text" in answer["error"]["message"]


def test_limits_apply_to_text_and_title():
    limits = batch.Limits(max_text_chars=50, max_title_chars=5)
    _, long_text = batch.analyze_item({"text": STORY}, limits)
    _, long_title = batch.analyze_item({"text": STORY[:40], "title": "A long title"}, limits)
    assert long_text["error"]["code"] == "text_too_long"
    assert long_title["error"]["message"].startswith("title: longer than 5 characters")


def test_an_unexpected_failure_is_an_error_item_that_quotes_nothing_of_the_page(
        monkeypatch, caplog):
    secret = "SECRET-PAGE-TEXT"

    def broken(request):
        raise ValueError(secret)

    monkeypatch.setattr(batch, "analyze", broken)
    with caplog.at_level(logging.ERROR, logger="newsbadge"):
        failed, answer = batch.analyze_item({"id": "x", "text": secret}, batch.Limits())
    assert failed
    assert answer == {"id": "x", "error": {"code": "internal_error",
                                           "message": batch.INTERNAL_ERROR_MESSAGE}}
    assert "ValueError" in caplog.text
    assert secret not in caplog.text


def test_a_line_that_is_not_json_is_an_error_line_with_its_number():
    failed, line = batch.analyze_line((12, '{"text": '))
    answer = json.loads(line)
    assert failed
    assert answer["id"] is None
    assert answer["error"]["code"] == "malformed_json"
    assert answer["error"]["message"].startswith("line 12 is not JSON")


def test_a_non_scalar_id_is_not_echoed():
    _, answer = batch.analyze_item({"id": {"nested": 1}, "text": 3}, batch.Limits())
    assert answer["id"] is None
