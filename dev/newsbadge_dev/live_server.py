"""The servers tests run: the real production server (`newsbadge serve`: gunicorn, preloaded app)
in a subprocess on a free loopback port, for tests and benchmarks that need what only a real server
shows, and the same Flask app in process. Both have the rate limit off unless a test sets one."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from flask import Flask

from newsbadge.settings import Settings
from newsbadge.web import create_app

START_TIMEOUT = 60.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def flask_app(**settings) -> Flask:
    """The service's Flask app with these settings (Settings' fields), for a test client."""
    settings.setdefault("rate_limit", "")
    return create_app(Settings(**settings))


class LiveServer:
    """`python -m newsbadge serve` on a free loopback port, its output captured to a file.

    `workers=None` keeps the production default (one per CPU); `env` adds NEWSBADGE_* settings.
    As a context manager it stops the server on leaving (stopping twice is harmless).
    """

    def __init__(self, workers: int | None = 1, **env: str):
        self.port = free_port()
        # Lives as long as the server, which writes to it; closed (and deleted) with this object.
        self.log = tempfile.NamedTemporaryFile(prefix="newsbadge-serve-", suffix=".log")  # noqa: SIM115
        environ = {**os.environ, "NEWSBADGE_RATE_LIMIT": "off", **env}
        command = [sys.executable, "-m", "newsbadge", "serve", "--bind", f"127.0.0.1:{self.port}"]
        if workers is not None:
            command += ["--workers", str(workers)]
        self.process = subprocess.Popen(command, stdout=self.log, stderr=subprocess.STDOUT,
                                        env=environ)
        self._wait_ready()

    def __enter__(self) -> LiveServer:
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited at start-up:\n{self.output()}")
            try:
                if self.request("GET", "/healthz", timeout=2)[0] == 200:
                    return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"server not ready in {START_TIMEOUT} s:\n{self.output()}")

    def request(self, method: str, path: str, body: bytes | None = None,
                headers: dict | None = None, timeout: float = 10.0) -> tuple[int, dict, bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            connection.close()

    def post_json(self, path: str, body: object, timeout: float = 10.0):
        data = json.dumps(body).encode()
        return self.request("POST", path, data, {"Content-Type": "application/json"}, timeout)

    def alive(self) -> bool:
        return self.process.poll() is None and self.request("GET", "/healthz")[0] == 200

    def stop(self, timeout: float = 30.0) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout)

    def output(self) -> str:
        return Path(self.log.name).read_text(encoding="utf-8", errors="replace")

    def log_line(self, prefix: str, timeout: float = 10.0) -> str:
        """The last output line starting with `prefix`; gunicorn logs after it answers."""
        deadline = time.monotonic() + timeout
        while True:
            lines = [line for line in self.output().splitlines() if line.startswith(prefix)]
            if lines or time.monotonic() > deadline:
                assert lines, f"no line starting with {prefix!r} in:\n{self.output()}"
                return lines[-1]
            time.sleep(0.05)
