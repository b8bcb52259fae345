"""Service settings, read once from environment variables (twelve-factor style).

Every setting has a safe default for a server on the loopback interface; docs/self-hosting.md lists
them as a table. `Settings.from_env()` raises `SettingsError` with the variable's name when a value
cannot be parsed, so a typo stops the server at start-up instead of being silently ignored.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

PREFIX = "NEWSBADGE_"


class SettingsError(ValueError):
    """A setting's value is not valid; the message names the environment variable."""


def default_workers() -> int:
    """One worker per usable CPU: analysis is CPU-bound, so more workers than cores only queue."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class Settings:
    bind: str = "127.0.0.1:8000"
    workers: int = field(default_factory=default_workers)
    # gunicorn worker class: "sync" (one request at a time per process) or "gthread".
    worker_class: str = "sync"
    threads: int = 1
    # Seconds before a silent worker is killed and replaced, and given to finish on shutdown.
    timeout: int = 30
    graceful_timeout: int = 20
    keepalive: int = 5
    # Replace a worker after this many requests (plus jitter): bounds any slow memory growth.
    max_requests: int = 10_000
    max_bytes: int = 2 * 1024 * 1024
    # Longest `text` and `title` in code points (`html` is bounded by max_bytes alone: real pages'
    # HTML runs to megabytes, and most of it is markup that is dropped before analysis).
    max_text_chars: int = 1_000_000
    max_title_chars: int = 2_000
    max_json_depth: int = 32
    batch_max: int = 100
    api_keys: tuple[str, ...] = ()
    cors_origins: tuple[str, ...] = ()
    # A rate string of the `limits` library, per key (per address without keys); empty: off.
    rate_limit: str = "120/minute"
    # Where counts are kept: shared by this server's workers (web/shared_counts.py), or Redis
    # ("redis://host:6379") for several machines; "memory://" counts per worker.
    rate_limit_storage: str = "workers://"
    # Number of reverse proxies in front whose X-Forwarded-For is trusted (0: none).
    trusted_proxies: int = 0
    log_level: str = "info"
    access_log: bool = True
    # Adds POST /v1/noop, a no-op JSON endpoint for bench/bench_http.py; never in production.
    bench_noop: bool = False

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        values = {}
        for name, parse in _PARSERS.items():
            raw = env.get(PREFIX + name.upper())
            if raw is None or raw.strip() == "":
                continue
            try:
                values[name] = parse(raw.strip())
            except ValueError as exc:
                raise SettingsError(f"{PREFIX}{name.upper()}={raw!r}: {exc}") from None
        return cls(**values)


def _int_at_least(minimum: int, message: str):
    def parse(raw: str) -> int:
        try:
            value = int(raw.replace("_", ""))
        except ValueError:
            raise ValueError(message) from None
        if value < minimum:
            raise ValueError(message)
        return value
    return parse


positive_int = _int_at_least(1, "must be a whole number, 1 or more")
_non_negative_int = _int_at_least(0, "must be a whole number, 0 or more")


def _csv(raw: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in raw.split(",") if item.strip())


# A NEWSBADGE_CORS_ORIGINS entry written `re:PATTERN` is a regular expression; others are origins.
REGEX_PREFIX = "re:"


def _origins(raw: str) -> tuple[str, ...]:
    """Origins, each literal or `re:PATTERN` (checked here, so a bad pattern stops start-up)."""
    entries = _csv(raw)
    for entry in entries:
        if entry.startswith(REGEX_PREFIX):
            try:
                re.compile(entry[len(REGEX_PREFIX):])
            except re.error as error:
                raise ValueError(f"{entry!r} is not a regular expression: {error}") from None
    return entries


def _bool(raw: str) -> bool:
    lowered = raw.lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ValueError("must be true or false")


def _rate(raw: str) -> str:
    """A rate of the `limits` library ("120/minute", "10 per second; 1000/day"), or off."""
    if raw.lower() in {"0", "off", "none", "false"}:
        return ""
    from limits import parse_many

    parse_many(raw)  # raises ValueError on a malformed rate
    return raw


def _choice(*allowed: str):
    def parse(raw: str) -> str:
        if raw not in allowed:
            raise ValueError(f"must be one of {', '.join(allowed)}")
        return raw

    return parse


_PARSERS = {
    "bind": str,
    "workers": positive_int,
    "worker_class": _choice("sync", "gthread"),
    "threads": positive_int,
    "timeout": positive_int,
    "graceful_timeout": positive_int,
    "keepalive": _non_negative_int,
    "max_requests": _non_negative_int,
    "max_bytes": positive_int,
    "max_text_chars": positive_int,
    "max_title_chars": positive_int,
    "max_json_depth": positive_int,
    "batch_max": positive_int,
    "api_keys": _csv,
    "cors_origins": _origins,
    "rate_limit": _rate,
    "rate_limit_storage": str,
    "trusted_proxies": _non_negative_int,
    "log_level": _choice("debug", "info", "warning", "error"),
    "access_log": _bool,
    "bench_noop": _bool,
}
