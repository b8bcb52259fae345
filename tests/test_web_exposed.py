"""What a server open to anyone answers to requests its app never sees (issue 16): gunicorn's own
errors as JSON, without the client's address in its log, and chunked bodies over the limit."""

from __future__ import annotations

import json
import socket

import pytest

from newsbadge_dev.live_server import LiveServer

pytestmark = pytest.mark.slow  # a real server


@pytest.fixture(scope="module")
def server():
    with LiveServer(workers=1, NEWSBADGE_MAX_BYTES="1000") as live:
        yield live


def raw_exchange(server: LiveServer, data: bytes) -> tuple[int, dict, bytes]:
    """Send bytes as they are, read the answer to its end: status, headers, body."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(data)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines)
    return int(status_line.split()[1]), headers, body


@pytest.mark.parametrize("request_bytes, status, code", [
    (b"GET /" + b"a" * 5000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414, "uri_too_long"),
    (b"GET / HTTP/1.1\r\nHost: x\r\n" + b"".join(b"X-H%d: v\r\n" % i for i in range(60)) + b"\r\n",
     431, "headers_too_large"),
    (b"NOT A REQUEST\r\n\r\n", 400, "bad_request"),
])
def test_gunicorn_errors_are_json(server, request_bytes, status, code):
    answered, headers, body = raw_exchange(server, request_bytes)
    assert answered == status and headers["Content-Type"] == "application/json"
    assert json.loads(body)["error"]["code"] == code
    warnings = [line for line in server.output().splitlines() if "Invalid request" in line]
    assert warnings and not any("127.0.0.1" in line for line in warnings)


def test_a_chunked_body_over_the_limit_is_413(server):
    body = json.dumps({"text": "word " * 400}).encode()  # 2,012 bytes, the limit 1,000
    chunks = b"".join(b"%x\r\n%s\r\n" % (len(body[i:i + 500]), body[i:i + 500])
                      for i in range(0, len(body), 500))
    status, _, answer = raw_exchange(server, b"POST /v1/analyze HTTP/1.1\r\nHost: x\r\n"
                                     b"Content-Type: application/json\r\nConnection: close\r\n"
                                     b"Transfer-Encoding: chunked\r\n\r\n" + chunks + b"0\r\n\r\n")
    assert status == 413 and json.loads(answer)["error"]["code"] == "payload_too_large"


def test_a_chunked_body_within_the_limit_is_analysed(server):
    body = json.dumps({"title": "Council approves road budget"}).encode()
    status, _, answer = raw_exchange(server, b"POST /v1/analyze HTTP/1.1\r\nHost: x\r\n"
                                     b"Content-Type: application/json\r\nConnection: close\r\n"
                                     b"Transfer-Encoding: chunked\r\n\r\n"
                                     + b"%x\r\n%s\r\n0\r\n\r\n" % (len(body), body))
    assert status == 200 and json.loads(answer)["sensational"]["headline"] is not None
