"""The real production server (`newsbadge serve`: gunicorn, preloaded app) in a subprocess.

These tests check what only the real server shows:
the access log's shape, that no request text ever reaches the logs, limits over a real socket,
and a graceful shutdown.
"""

from __future__ import annotations

import json
import time
import uuid

import pytest

from newsbadge_dev.live_server import LiveServer

pytestmark = pytest.mark.slow  # each test starts or uses a real server


def test_no_text_sent_reaches_the_logs_and_sigterm_shuts_down_gracefully(story):
    """Paths are logged by design (the API's paths carry no text); bodies and queries never."""
    marker = f"MARKER{uuid.uuid4().hex}"
    with LiveServer(workers=2, NEWSBADGE_LOG_LEVEL="debug") as live:
        assert live.post_json("/v1/analyze", {"text": f"{story} {marker}", "title": marker,
                                              "url": f"https://example.org/{marker}"})[0] == 200
        assert live.post_json("/v1/batch", {"requests": [{"text": marker, "id": marker},
                                                         {"text": 5, "id": marker}]})[0] == 200
        assert live.post_json("/v1/analyze", {"text": 5, "title": marker})[0] == 422
        assert live.request("POST", "/v1/analyze", f'{{"text": "{marker}'.encode(),
                            {"Content-Type": "application/json"})[0] == 400
        assert live.request("POST", "/v1/analyze", marker.encode(),
                            {"Content-Type": "text/plain"})[0] == 415
        assert live.request("GET", f"/v1/missing?q={marker}")[0] == 404
        live.log_line("GET /v1/missing 404")
        started = time.monotonic()
        assert live.stop() == 0
        assert time.monotonic() - started < 15
    output = live.output()
    assert "POST /v1/analyze 200" in output and "Shutting down" in output, output
    assert marker not in output


def test_a_worker_at_max_requests_is_replaced_without_teardown_and_no_request_fails(story):
    """A worker that has served max_requests ends at once: gunicorn's "Worker exiting" line,
    written after the run, never comes, since the process ends before the interpreter's teardown
    (which cost 0.76 s of CPU per worker: server.quick_exit)."""
    with LiveServer(workers=1, NEWSBADGE_MAX_REQUESTS="3") as live:
        statuses = [live.post_json("/v1/analyze", {"text": story})[0] for _ in range(10)]
        assert live.stop() == 0
    assert statuses == [200] * 10
    output = live.output()
    assert output.count("Booting worker") >= 3, output
    assert "Worker exiting" not in output, output


def test_access_log_has_method_path_status_size_and_duration(live_server, story):
    live_server.post_json("/v1/analyze", {"text": story})
    line = live_server.log_line("POST /v1/analyze")
    method, path, status, size, duration = line.split()
    assert (method, path, status) == ("POST", "/v1/analyze", "200")
    assert size.endswith("B") and int(size[:-1]) > 100
    assert duration.endswith("ms") and 0 <= int(duration[:-2]) < 60_000


def test_a_5mb_body_gets_413_over_a_real_socket_and_the_server_keeps_answering(live_server,
                                                                                 story):
    body = json.dumps({"text": "a" * (5 * 1024 * 1024)}).encode()
    try:
        status, _, data = live_server.request("POST", "/v1/analyze", body,
                                              {"Content-Type": "application/json"})
        assert status == 413 and json.loads(data)["error"]["code"] == "payload_too_large"
    except (BrokenPipeError, ConnectionResetError):
        pass  # the server may answer and close before the client has sent everything
    assert live_server.alive()
    assert live_server.post_json("/v1/analyze", {"text": story})[0] == 200


def test_errors_over_a_real_socket_are_json(live_server):
    for method, path, body, content_type, status in (
            ("POST", "/v1/analyze", b"{", "application/json", 400),
            ("POST", "/v1/analyze", b"{}", "application/json", 422),
            ("POST", "/v1/analyze", b'{"text": 5}', "application/json", 422),
            ("POST", "/v1/analyze", b"hello", "text/plain", 415),
            ("GET", "/v1/analyze", None, "application/json", 405),
            ("GET", "/missing", None, "application/json", 404)):
        got, headers, data = live_server.request(method, path, body,
                                                 {"Content-Type": content_type})
        assert got == status
        assert headers["Content-Type"] == "application/json"
        assert set(json.loads(data)["error"]) == {"code", "message"}
    assert live_server.alive()
