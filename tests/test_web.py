"""The HTTP API through Flask's test client: reports, every error status, batch, docs."""

from __future__ import annotations

import json
import logging
import re

import pytest

from newsbadge.schema import BatchResponse, ErrorResponse, Report
from newsbadge_dev.reports import text_spans

NO_BODY = object()


def post(client, path="/v1/analyze", body=NO_BODY, data=None, content_type="application/json",
         **kwargs):
    if body is not NO_BODY:
        data = json.dumps(body)
    return client.post(path, data=data, content_type=content_type, **kwargs)


def assert_error(response, status: int, code: str) -> dict:
    """A JSON error of DESIGN.md's shape: no HTML, no traceback."""
    assert response.status_code == status, response.data[:300]
    assert response.mimetype == "application/json"
    body = response.get_json()
    ErrorResponse.model_validate(body)
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    assert b"<html" not in response.data.lower() and b"Traceback" not in response.data
    return body


def assert_alive(client, story: str) -> None:
    assert client.get("/healthz").status_code == 200
    assert post(client, body={"text": story}).status_code == 200


def test_analyze_returns_a_valid_report_whose_offsets_index_the_text(client, story):
    response = post(client, body={"text": story, "title": "Council approves road budget",
                                  "url": "https://example.org/a"})
    assert response.status_code == 200
    report = response.get_json()
    Report.model_validate(report)
    assert report["url"] == "https://example.org/a"
    found = list(text_spans(report))
    assert len(found) >= len(report["sourcing"]["attributions"]) > 0
    for span in found:
        assert story[span["start"]:span["end"]] == span["text"]


def test_a_title_alone_is_a_valid_request(client):
    report = post(client, body={"title": "You won't believe what happened next"}).get_json()
    assert report["contamination"]["level"] == "insufficient"
    assert report["sensational"]["headline"]["text"].startswith("You won't")


def test_lone_surrogates_are_answered_and_kept(client, story):
    text = story + " \ud800 end"
    response = post(client, data=json.dumps({"text": text}))  # json escapes it as \\ud800
    assert response.status_code == 200
    assert json.loads(response.data)["stats"]["words"] > 0


@pytest.mark.parametrize("data, code", [
    (b"{", "malformed_json"),
    (b'{"text": "a"', "malformed_json"),
    (b"\xff\xfe\x00garbage", "malformed_json"),
    (b"", "malformed_json"),
    (b"[" * 100_000 + b"]" * 100_000, "json_too_deep"),
    (b'{"text": "x", "deep": ' + b"[" * 40 + b"]" * 40 + b"}", "json_too_deep"),
])
def test_400_for_malformed_or_too_deep_json(client, story, data, code):
    assert_error(post(client, data=data), 400, code)
    assert_alive(client, story)


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded",
                                          "multipart/form-data; boundary=x", ""])
def test_415_when_not_json(client, content_type):
    assert_error(post(client, data=b'{"text": "a"}', content_type=content_type), 415,
                 "unsupported_media_type")


def test_json_with_charset_or_a_json_suffix_type_is_accepted(client, story):
    for content_type in ("application/json; charset=utf-8", "application/vnd.api+json"):
        assert post(client, body={"text": story}, content_type=content_type).status_code == 200


@pytest.mark.parametrize("body, field", [
    ({"text": 5}, "text"),
    ({}, "request"),
    ([], "request"),
    ("text", "request"),
    (None, "request"),
    ({"text": None, "html": None, "title": None}, "request"),
    ({"title": ["a"]}, "title"),
    ({"text": "a", "lang": "not a language"}, "lang"),
    ({"text": "a", "id": {"nested": 1}}, "id"),
    ({"text": "a", "blocks": [{"text": 1}]}, "blocks.0.text"),
])
def test_422_names_the_invalid_field(client, body, field):
    message = assert_error(post(client, body=body), 422, "invalid_request")["error"]["message"]
    assert message.startswith(field + ":") or f"; {field}:" in message


def test_422_when_a_field_is_longer_than_the_limit(make_client, story):
    client = make_client(max_text_chars=100, max_title_chars=10)
    body = assert_error(post(client, body={"text": "a" * 101}), 422, "text_too_long")
    assert body["error"]["message"].startswith("text:")
    body = assert_error(post(client, body={"text": "a", "title": "t" * 11}), 422, "text_too_long")
    assert body["error"]["message"].startswith("title:")
    assert post(client, body={"text": story[:100], "title": "t" * 10}).status_code == 200


def test_413_for_a_5mb_body_and_the_server_keeps_answering(client, story):
    body = json.dumps({"text": "a" * (5 * 1024 * 1024)})
    assert_error(post(client, data=body), 413, "payload_too_large")
    assert_alive(client, story)


def test_413_follows_the_configured_limit(make_client):
    client = make_client(max_bytes=1000)
    assert_error(post(client, body={"text": "a" * 1000}), 413, "payload_too_large")
    assert post(client, body={"text": "a" * 900}).status_code == 200


def test_404_and_405_are_json(client):
    missing = assert_error(client.get("/nowhere"), 404, "not_found")
    assert "not found" in missing["error"]["message"]
    assert_error(client.get("/v1/analyze"), 405, "method_not_allowed")
    response = client.delete("/healthz")
    assert_error(response, 405, "method_not_allowed")
    assert set(response.headers["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}


def test_405_says_which_methods_are_allowed(client):
    assert "POST" in client.put("/v1/analyze").headers["Allow"]


def test_500_is_json_and_neither_answers_nor_logs_what_went_wrong(client, monkeypatch, caplog):
    secret = "SECRET-TEXT-7f3a"

    def broken(request):
        raise ValueError(f"could not handle {secret}")

    monkeypatch.setattr("newsbadge.web.api.analyze", broken)
    with caplog.at_level(logging.ERROR, logger="newsbadge.web"):
        response = post(client, body={"text": secret})
    body = assert_error(response, 500, "internal_error")
    assert secret not in json.dumps(body)
    assert "ValueError" in caplog.text and secret not in caplog.text


def test_batch_answers_each_item_in_order_and_a_bad_item_in_its_place(client, story):
    items = [{"id": 1, "text": story}, {"id": "b", "text": 5}, {"id": 3, "title": "Plain title"},
             "not an object", {"id": 5}]
    response = post(client, "/v1/batch", {"requests": items})
    assert response.status_code == 200
    reports = BatchResponse.model_validate(response.get_json()).model_dump(by_alias=True)["reports"]
    assert [r.get("id") for r in reports] == [1, "b", 3, None, 5]
    assert [("error" in r) for r in reports] == [False, True, False, True, True]
    assert reports[1]["error"]["code"] == "invalid_request"
    assert reports[1]["error"]["message"].startswith("text:")
    assert reports[0]["schema"] == "newsbadge.report/2"


@pytest.mark.parametrize("body, field", [
    ({}, "requests"), ({"requests": []}, "requests"), ({"requests": {"text": "a"}}, "requests"),
    ([{"text": "a"}], "request"),
])
def test_batch_422_for_a_body_that_is_not_a_batch(client, body, field):
    message = assert_error(post(client, "/v1/batch", body), 422, "invalid_request")
    assert message["error"]["message"].startswith(field)


def test_batch_size_limit(make_client):
    client = make_client(batch_max=2)
    body = assert_error(post(client, "/v1/batch", {"requests": [{"title": "a"}] * 3}), 422,
                        "invalid_request")
    assert "2" in body["error"]["message"]
    assert post(client, "/v1/batch", {"requests": [{"title": "a"}] * 2}).status_code == 200


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json()["status"] == "ok"


def test_noop_route_exists_only_for_the_bench(client, make_client):
    assert client.post("/v1/noop", json={}).status_code == 404
    bench = make_client(bench_noop=True)
    assert bench.post("/v1/noop", json={"text": "a"}).get_json() == {"ok": True}


def test_openapi_is_3_1_generated_from_the_models_with_this_servers_limits(make_client):
    client = make_client(max_text_chars=1234, batch_max=7)
    doc = client.get("/openapi.json").get_json()
    assert doc["openapi"].startswith("3.1")
    schemas = doc["components"]["schemas"]
    for model in ("AnalyzeRequest", "BatchRequest", "Report", "BatchResponse", "ErrorResponse"):
        assert model in schemas
    text = schemas["AnalyzeRequest"]["properties"]["text"]
    assert {"type": "string", "maxLength": 1234} in [
        {k: v for k, v in branch.items() if k in ("type", "maxLength")}
        for branch in text["anyOf"]]
    assert schemas["BatchRequest"]["properties"]["requests"]["maxItems"] == 7
    assert set(doc["paths"]) >= {"/v1/analyze", "/v1/batch", "/healthz", "/openapi.json"}
    assert "422" in doc["paths"]["/v1/analyze"]["post"]["responses"]
    # No keys configured: the bearer scheme is documented, and optional (the empty requirement).
    assert doc["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"
    assert doc["paths"]["/v1/analyze"]["post"]["security"] == [{}, {"bearer": []}]
    assert "401" in doc["paths"]["/v1/batch"]["post"]["responses"]


def test_docs_page_is_swagger_ui_served_by_this_server(client):
    page = client.get("/docs").get_data(as_text=True)
    scripts = re.findall(r'<script src="([^"]+)"', page)
    styles = re.findall(r'<link rel="stylesheet" href="([^"]+)"', page)
    assert scripts and styles and "http" not in page.replace('href="/', "")
    for asset in scripts + styles:
        response = client.get(asset)
        assert response.status_code == 200 and len(response.data) > 100, asset
    start = client.get("/docs/start.js").get_data(as_text=True)
    assert '"/openapi.json"' in start and "validatorUrl: null" in start
    assert client.get("/docs/swagger-ui/../../meta.py").status_code == 404


def test_reference_page_is_self_contained_html_from_the_document(client):
    response = client.get("/reference")
    assert response.status_code == 200 and response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert "/v1/analyze" in page and "AnalyzeRequest" in page and "flesch_reading_ease" in page
    assert "<script" not in page and "http://" not in page and "https://" not in page


def test_reference_page_says_each_fields_type_in_words(client):
    page = client.get("/reference").get_data(as_text=True)
    assert "list of Block or null" in page
    assert "string (at most" in page and "characters) or null" in page
    assert "\\u0027" not in page and '{"type"' not in page and "&#34;type&#34;" not in page
