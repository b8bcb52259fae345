"""What the extension's browser tests run against: the real newsbadge server on a free port (with
an API key, so that the extension's key setting is exercised) and the local test pages.

Used as a context manager by the Chromium tests (conftest.py), and as a command by the Firefox
run: `python tests/extension/harness.py node tests/extension/firefox.mjs` starts both, passes their
addresses in NEWSBADGE_TEST_SERVER, NEWSBADGE_TEST_PAGES and NEWSBADGE_TEST_KEY, and exits with
the command's status.
"""

from __future__ import annotations

import contextlib
import functools
import os
import secrets
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
PAGES = HERE / "pages"
SERVER_COMMAND = REPO / ".venv" / "bin" / "newsbadge"
# The server loads its language profiles and models before /healthz answers (about 10 s here).
STARTUP_SECONDS = 90


@dataclass(frozen=True)
class Services:
    server: str  # e.g. http://127.0.0.1:41234
    pages: str  # e.g. http://127.0.0.1:41235
    api_key: str

    def env(self) -> dict[str, str]:
        return {"NEWSBADGE_TEST_SERVER": self.server, "NEWSBADGE_TEST_PAGES": self.pages,
                "NEWSBADGE_TEST_KEY": self.api_key}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/healthz", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


@contextlib.contextmanager
def newsbadge_server(api_key: str):
    """`newsbadge serve` on a free port, until /healthz answers 200; stopped on exit."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "NEWSBADGE_API_KEYS": api_key}
    process = subprocess.Popen(
        [str(SERVER_COMMAND), "serve", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while not _healthy(url):
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError(f"newsbadge serve did not start:\n{process.stderr.read()}")
            time.sleep(0.25)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=15)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass


@contextlib.contextmanager
def page_server():
    """The test pages over HTTP on a free port (extensions cannot inject into file:// pages
    without a setting the reader must turn on)."""
    handler = functools.partial(_QuietHandler, directory=str(PAGES))
    httpd = ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@contextlib.contextmanager
def services():
    api_key = secrets.token_urlsafe(16)
    with newsbadge_server(api_key) as server, page_server() as pages:
        yield Services(server, pages, api_key)


def main(command: list[str]) -> int:
    with services() as running:
        return subprocess.call(command, env={**os.environ, **running.env()})


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
