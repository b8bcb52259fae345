"""The `/v1/` rate limit (NEWSBADGE_RATE_LIMIT): each limit counted in fixed windows with the
`limits` library, checked before anything else the blueprint does (so a wrong API key is counted
against its address before it gets its 401).

Flask-Limiter did this until issue 21's third round: its per-request work (the limits resolved
from their strings and their exemption scopes again on every request, about 45 context-local
lookups, two storage reads more for X-RateLimit-* headers on every answer) cost 0.43 ms of CPU a
request in process, more than a whole no-op request (0.18 ms); one fixed-window hit costs 0.02 ms.
Over a limit: 429 with Retry-After (errors.ApiError). If the storage fails (Redis down), requests
are counted in this process's memory for STORAGE_RETRY_S, then the storage is tried again.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable

from flask import request
from limits import RateLimitItem, parse_many
from limits.storage import MemoryStorage, storage_from_string
from limits.strategies import FixedWindowRateLimiter

from . import errors, shared_counts  # noqa: F401 (registers the workers:// storage)

log = logging.getLogger(__name__)

SCOPE = "v1"  # one allowance for every /v1/ endpoint
# Seconds of counting in memory after the storage failed, before it is tried again: one failing
# connection (a timeout) per window, not one per request. Flask-Limiter retried after 2**n checks.
STORAGE_RETRY_S = 30.0


class RateLimit:
    """The limits of one app; `enabled` off lets a request through uncounted (the warm-up)."""

    def __init__(self, rate: str, storage_uri: str, key: Callable[[], str],
                 cost: Callable[[], int]):
        # The shortest window first, as Flask-Limiter checked them: the first one over answers.
        self.items: list[RateLimitItem] = sorted(parse_many(rate))
        self.storage = storage_from_string(storage_uri)
        self.enabled = True
        self._counter = FixedWindowRateLimiter(self.storage)
        self._memory: FixedWindowRateLimiter | None = None
        self._failed_at = -math.inf
        self._key, self._cost = key, cost

    def check(self) -> None:
        """`before_request` of /v1/: count the request against each limit; 429 once one is
        over. Preflight OPTIONS are not counted."""
        if not self.enabled or request.method == "OPTIONS":
            return
        key, cost = self._key(), self._cost()
        for item in self.items:
            if not self._hit(item, key, cost):
                raise over_limit(item, self._reset_time(item, key))

    def _hit(self, item: RateLimitItem, key: str, cost: int) -> bool:
        try:
            return self._counting().hit(item, key, SCOPE, cost=cost)
        except self.storage.base_exceptions:
            log.warning("rate-limit storage unreachable: counting in memory for %.0f s",
                        STORAGE_RETRY_S, exc_info=True)
            self._failed_at = time.monotonic()
            return self._in_memory().hit(item, key, SCOPE, cost=cost)

    def _reset_time(self, item: RateLimitItem, key: str) -> float:
        """When the key's window of `item` ends (a whole window from now if the storage has just
        failed)."""
        try:
            return self._counting().get_window_stats(item, key, SCOPE).reset_time
        except self.storage.base_exceptions:
            return time.time() + item.get_expiry()

    def _counting(self) -> FixedWindowRateLimiter:
        """The storage's counter, or the in-memory one while the storage is held failed."""
        if time.monotonic() - self._failed_at >= STORAGE_RETRY_S:
            return self._counter
        return self._in_memory()

    def _in_memory(self) -> FixedWindowRateLimiter:
        if self._memory is None:
            self._memory = FixedWindowRateLimiter(MemoryStorage())
        return self._memory


def over_limit(item: RateLimitItem, reset_time: float) -> errors.ApiError:
    retry_after = max(1, math.ceil(reset_time - time.time()))
    return errors.ApiError(429, errors.CODES[429], f"rate limit exceeded ({item}); retry after the "
                           "Retry-After seconds", {"Retry-After": str(retry_after)})
