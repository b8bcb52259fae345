"""What a server open to anyone answers to requests its app never sees (issue 16): gunicorn's own
errors as JSON, without the client's address in its log, and chunked bodies over the limit."""

from __future__ import annotations

import http.client
import json
import socket
import time
from pathlib import Path

import pytest

from newsbadge.web import server as server_module
from newsbadge.web.exposed import start_nginx
from newsbadge_dev.live_server import LiveServer, free_port

DEPLOY = Path(__file__).resolve().parents[1] / "deploy"

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


NGINX = Path("/usr/sbin/nginx")


@pytest.fixture(scope="module")
def exposed():
    """gunicorn (2 workers) behind nginx with deploy/nginx.conf, as `make serve-exposed` runs
    them: (nginx's port, the server)."""
    if not NGINX.exists():
        pytest.skip("nginx is not installed: make nginx (apt-get install nginx-light)")
    with LiveServer(workers=2, NEWSBADGE_TRUSTED_PROXIES="1") as live:
        port = free_port()
        proxy = start_nginx(str(NGINX), DEPLOY / "nginx.conf", f"127.0.0.1:{port}",
                            f"127.0.0.1:{live.port}")
        try:
            wait_for_port(port)
            yield port, live
        finally:
            proxy.terminate()
            proxy.wait(10)


def wait_for_port(port: int, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def post_via(port: int, body: dict) -> tuple[int, dict, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("POST", "/v1/analyze", json.dumps(body).encode(),
                           {"Content-Type": "application/json"})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def test_slow_header_clients_do_not_hold_the_workers(exposed):
    """50 sockets sending their headers slowly (before: 2 made every request wait 30 s), then a
    normal request through nginx, answered in under a second."""
    port, _ = exposed
    slow = [socket.create_connection(("127.0.0.1", port), timeout=5) for _ in range(50)]
    try:
        for sock in slow:
            sock.sendall(b"POST /v1/analyze HTTP/1.1\r\nHost: x\r\nContent-")
        started = time.monotonic()
        status, _, answer = post_via(port, {"title": "Council approves road budget"})
        assert status == 200, answer[:300]
        assert time.monotonic() - started < 1.0
    finally:
        for sock in slow:
            sock.close()


def test_nginx_errors_are_json(exposed):
    port, _ = exposed
    status, headers, answer = post_via(port, {"text": "word " * 500_000})  # 2.5 MB
    assert status == 413 and headers["Content-Type"] == "application/json"
    assert json.loads(answer)["error"]["code"] == "payload_too_large"


@pytest.mark.parametrize("bind, proxies, warned", [
    ("0.0.0.0:8000", "0", True), ("[::]:8000", "0", True), ("0.0.0.0:8000", "1", False),
    ("127.0.0.1:8000", "0", False), ("unix:/run/newsbadge.sock", "0", False),
])
def test_a_public_bind_without_a_proxy_warns_at_start(monkeypatch, caplog, bind, proxies, warned):
    monkeypatch.setenv("NEWSBADGE_TRUSTED_PROXIES", proxies)
    monkeypatch.setattr(server_module._Server, "run", lambda self: None)
    monkeypatch.setattr(server_module._Server, "__init__", lambda self, settings: None)
    server_module.serve(bind=bind)
    assert ("no proxy in front" in caplog.text) is warned
