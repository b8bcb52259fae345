"""API keys, the rate limit and CORS: what makes the service safe to expose.

- Keys (NEWSBADGE_API_KEYS): every `/v1/` request needs `Authorization: Bearer KEY`; each
  configured key is compared in constant time (hmac.compare_digest), all of them every time, so
  the answer's timing tells nothing about which key was close.
- Rate limit (NEWSBADGE_RATE_LIMIT, ratelimit.py): counted per key when keys are configured, else
  per client address; 429 with Retry-After. Each item of a batch counts as one request. Counts
  are shared by the workers of this server (`workers://`, shared_counts.py) by default, or kept
  in NEWSBADGE_RATE_LIMIT_STORAGE (e.g. redis://localhost:6379) for several machines.
- CORS: closed unless NEWSBADGE_CORS_ORIGINS lists origins (the extension needs none). Each entry
  is an origin matched literally, or a regular expression when written `re:PATTERN`, which must
  match the whole origin.
"""

from __future__ import annotations

import hashlib
import hmac
import re

from flask import Blueprint, Flask, current_app, request
from flask_cors import CORS

from ..settings import REGEX_PREFIX, Settings
from . import errors
from .body import read_json
from .ratelimit import RateLimit


def bearer_token() -> str | None:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def key_matches(token: str, keys: tuple[str, ...]) -> bool:
    supplied = token.encode()
    matched = False
    for key in keys:
        matched |= hmac.compare_digest(supplied, key.encode())
    return matched


def valid_key() -> str | None:
    """The request's API key when it is one of the configured keys, else None."""
    keys = current_app.config["NEWSBADGE_SETTINGS"].api_keys
    token = bearer_token() if keys else None
    return token if token is not None and key_matches(token, keys) else None


def require_api_key() -> None:
    """`before_request` of the /v1/ blueprint; preflight OPTIONS carry no credentials by design."""
    if not current_app.config["NEWSBADGE_SETTINGS"].api_keys or request.method == "OPTIONS":
        return
    if valid_key() is None:
        raise errors.ApiError(401, "unauthorized", "missing or wrong API key: send "
                              "Authorization: Bearer <key>", {"WWW-Authenticate": "Bearer"})


def rate_limit_key() -> str:
    """Who is counted: a digest of a valid API key (never the key itself, which would end up in
    Redis), else the client's address, so that made-up keys do not each get a fresh allowance."""
    token = valid_key()
    if token is not None:
        return "key:" + hashlib.sha256(token.encode()).hexdigest()[:32]
    return "addr:" + (request.remote_addr or "unknown")


def request_cost() -> int:
    """What a request costs against the rate limit: a batch as many requests as it has items
    (at most batch_max; its body, read here, is parsed once for the view too), anything else
    one. A batch with a wrong key costs one: its body is not read for a 401."""
    settings = current_app.config["NEWSBADGE_SETTINGS"]
    if request.endpoint != "v1.analyze_batch":
        return 1
    if settings.api_keys and valid_key() is None:
        return 1
    try:
        body = read_json(settings)
    except errors.ApiError:
        return 1  # the view answers with the error
    items = body.get("requests") if isinstance(body, dict) else None
    return min(len(items), settings.batch_max) if isinstance(items, list) and items else 1


def origin_pattern(entry: str) -> re.Pattern | str:
    """A NEWSBADGE_CORS_ORIGINS entry as flask-cors takes it: `*` as itself, `re:PATTERN` as a
    regular expression that must match the whole origin, anything else as that origin exactly.
    (flask-cors would read an entry with regex characters as a pattern matched at the start
    only: `https://.*\\.trusted\\.example` let `https://a.trusted.example.evil.com` in.)"""
    if entry == "*":
        return entry
    pattern = entry[len(REGEX_PREFIX):] if entry.startswith(REGEX_PREFIX) else re.escape(entry)
    return re.compile(f"(?:{pattern})\\Z", re.IGNORECASE)


def protect(app: Flask, v1: Blueprint, settings: Settings) -> None:
    """Wire keys, the rate limit and CORS onto the app; call before registering `v1`."""
    if settings.rate_limit:  # first: a request with a wrong key is counted before its 401
        limiter = RateLimit(settings.rate_limit, settings.rate_limit_storage, rate_limit_key,
                            request_cost)
        v1.before_request(limiter.check)
        app.extensions["newsbadge_limiter"] = limiter
    v1.before_request(require_api_key)
    if settings.cors_origins:
        CORS(app, resources={r"/v1/*": {}, r"/openapi.json": {}},
             origins=[origin_pattern(entry) for entry in settings.cors_origins],
             allow_headers=["Authorization", "Content-Type"],
             methods=["GET", "POST", "OPTIONS"], max_age=600)
