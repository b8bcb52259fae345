"""The production server: gunicorn with the app preloaded, configured from Settings.

Preloading creates the app (and warms the analysis core: langdetect's 55 profiles, lazy loads) once
in the master; workers are forked from it and share those pages copy-on-write. A worker that is
done (max_requests, graceful stop) ends its process without the interpreter's teardown (see
`quick_exit`). The access log records method, path (never the query string), status, size and
duration: never a body or text.
"""

from __future__ import annotations

import ipaddress
import logging
import os
import sys
from dataclasses import replace

import orjson
from gunicorn import util as gunicorn_util
from gunicorn.app.base import BaseApplication
from gunicorn.util import load_class

from ..analysis import WARM_UP_PAGE, freeze_loaded_heap
from ..settings import Settings
from .app import create_app
from .errors import CODES

log = logging.getLogger("newsbadge")

# gunicorn access-log atoms: %(m)s method, %(U)s path without query, %(s)s status,
# %(B)s response bytes, %(M)s duration in ms. No address, user agent, referer or query.
ACCESS_LOG_FORMAT = '%(m)s %(U)s %(s)s %(B)sB %(M)sms'


def quick_exit(worker_class: type) -> type:
    """`worker_class` whose process, once its run is over, exits at once.

    gunicorn ends a worker with sys.exit(0), and the interpreter's teardown then frees every
    object of the preloaded heap one by one; in a forked worker each free writes to a page shared
    with the master, which the kernel copies first. That cost 0.76 s of CPU per exiting worker
    (bench/bench_http.py's worker CPU; as much as 2,700 no-op requests), paid every max_requests.
    Nothing is left to do at that point but flush the standard streams. Error exits (exceptions,
    boot failures with their exit codes) are not touched: they never return from `run`.
    """

    class QuickExit(worker_class):
        def run(self) -> None:
            super().run()
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(0)

        def handle_error(self, req, client, addr, exc) -> None:
            """gunicorn's own answer to a request it could not read (400, 414, 431) or to an
            error past the app (500): written by `write_json_error`, and its warning logged
            without the client's address (gunicorn's would say `ip=...`)."""
            super().handle_error(req, client, None, exc)

    QuickExit.__name__ = QuickExit.__qualname__ = f"QuickExit{worker_class.__name__}"
    return QuickExit


def write_json_error(sock, status: int, reason: str, message: str) -> None:
    """gunicorn.util.write_error's work, in the API's JSON (gunicorn writes an HTML page)."""
    body = orjson.dumps({"error": {"code": CODES.get(status, "http_error"),
                                   "message": message or reason}})
    head = (f"HTTP/1.1 {status} {reason}\r\nConnection: close\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n")
    gunicorn_util.write_nonblock(sock, head.encode("latin-1") + body)


def warm_worker(worker) -> None:
    """gunicorn's post_worker_init: one POST /v1/analyze of WARM_UP_PAGE through the app in the new
    worker, before it accepts, with the first API key if keys are set; the rate limiter does not
    count it.

    A forked worker's first request writes to thousands of pages it shares with the master
    (reference counts of the code, lexicons and models it touches, free space in the heap's
    arenas), and the kernel copies each page first: the first seed-page request cost 2.6-3x the
    CPU time of a warm one in a forked child, 1.45x after a warm-up request of WARM_UP_REQUEST's
    eight lines, about 1.2x after WARM_UP_PAGE's 500 words (a warm-up analysis alone, without
    Flask, left the first request at 2.7x).
    """
    app = worker.wsgi
    keys = app.config["NEWSBADGE_SETTINGS"].api_keys
    headers = {"Authorization": f"Bearer {keys[0]}"} if keys else {}
    limiter = app.extensions.get("newsbadge_limiter")
    if limiter is not None:
        limiter.enabled = False
    try:
        app.test_client().post("/v1/analyze", json=WARM_UP_PAGE, headers=headers)
    finally:
        if limiter is not None:
            limiter.enabled = True


def gunicorn_options(settings: Settings) -> dict:
    return {
        "bind": settings.bind,
        "workers": settings.workers,
        "worker_class": quick_exit(load_class(settings.worker_class)),
        "threads": settings.threads,
        "preload_app": True,
        "timeout": settings.timeout,
        "graceful_timeout": settings.graceful_timeout,
        "keepalive": settings.keepalive,
        "max_requests": settings.max_requests,
        "max_requests_jitter": settings.max_requests // 10,
        "post_worker_init": warm_worker,
        # The request line and headers are small for this API; bodies are limited by the app.
        "limit_request_line": 4094,
        "limit_request_fields": 50,
        "accesslog": "-" if settings.access_log else None,
        "access_log_format": ACCESS_LOG_FORMAT,
        "errorlog": "-",
        "loglevel": settings.log_level,
        "proc_name": "newsbadge",
        "forwarded_allow_ips": "127.0.0.1,::1" if settings.trusted_proxies else "",
    }


class _Server(BaseApplication):
    def __init__(self, settings: Settings):
        self.settings = settings
        self.options = gunicorn_options(settings)
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)
        # The one place gunicorn writes its error pages; the workers fork with this in place.
        gunicorn_util.write_error = write_json_error
        # gunicorn >= 25 opens a control socket at one fixed path per user: two servers (or a
        # server and the bench) would fight over it, and nothing here uses it.
        if "control_socket_disable" in self.cfg.settings:
            self.cfg.set("control_socket_disable", True)

    def load(self):
        app = create_app(self.settings)
        freeze_loaded_heap()
        return app


def serve(bind: str | None = None, workers: int | None = None) -> None:
    """Run the production server until it is stopped (SIGTERM/SIGINT: graceful shutdown).

    `bind` and `workers` override NEWSBADGE_BIND and NEWSBADGE_WORKERS; everything else comes
    from the environment (see newsbadge.settings).
    """
    settings = Settings.from_env()
    overrides = {k: v for k, v in (("bind", bind), ("workers", workers)) if v is not None}
    settings = replace(settings, **overrides)
    if not settings.trusted_proxies and not is_loopback(settings.bind):
        log.warning("listening on %s with no proxy in front (NEWSBADGE_TRUSTED_PROXIES=0): a "
                    "few slow clients can hold every worker; expose it behind nginx "
                    "(make serve-exposed, deploy/nginx.conf, docs/self-hosting.md)", settings.bind)
    _Server(settings).run()


def is_loopback(bind: str) -> bool:
    """Whether a gunicorn bind address ("127.0.0.1:8000", "[::1]:8000", "unix:/run/x.sock",
    "localhost:8000") can be reached from this machine only."""
    if bind.startswith("unix:"):
        return True
    host = bind.rsplit(":", 1)[0].strip("[]") if ":" in bind else bind
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:  # a host name: it may resolve to any interface
        return False
