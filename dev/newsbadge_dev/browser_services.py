"""What the extension's browser tests run against: the real newsbadge server on a free port (with
an API key, so that the extension's key setting is exercised) and the local test pages.

Used as a context manager by the Chromium tests (tests/extension/conftest.py), and as a command
by the Firefox run: `python -m newsbadge_dev.browser_services node tests/extension/firefox.mjs`
starts both, passes their addresses in NEWSBADGE_TEST_SERVER, NEWSBADGE_TEST_PAGES and
NEWSBADGE_TEST_KEY, and exits with the command's status.
"""

from __future__ import annotations

import contextlib
import functools
import os
import secrets
import subprocess
import sys
import threading
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

from .live_server import LiveServer, free_port
from .paths import REPO

PAGES = REPO / "tests" / "extension" / "pages"


@dataclass(frozen=True)
class Services:
    server: str  # e.g. http://127.0.0.1:41234
    pages: str  # e.g. http://127.0.0.1:41235
    api_key: str

    def env(self) -> dict[str, str]:
        return {"NEWSBADGE_TEST_SERVER": self.server, "NEWSBADGE_TEST_PAGES": self.pages,
                "NEWSBADGE_TEST_KEY": self.api_key}


@contextlib.contextmanager
def newsbadge_server(api_key: str):
    """`newsbadge serve` on a free port with one API key, until /healthz answers 200.

    Threaded (gthread, 4 threads): the browsers talk to it directly, with no buffering proxy in
    front, and a connection a browser opens ahead of time and leaves idle would hold a single
    sync worker until it gives up (the report page's tests load `/` from the same browser)."""
    live = LiveServer(workers=1, NEWSBADGE_API_KEYS=api_key, NEWSBADGE_WORKER_CLASS="gthread",
                      NEWSBADGE_THREADS="4")
    try:
        yield f"http://127.0.0.1:{live.port}"
    finally:
        live.stop()


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
