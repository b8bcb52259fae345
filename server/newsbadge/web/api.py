"""The `/v1/` blueprint: analyze one page, or a batch of them.

Requests are validated with the pydantic models of `newsbadge.schema` (the same models generate
/openapi.json); responses are the core's reports, written without validating them again.
"""

from __future__ import annotations

import time

from flask import Blueprint
from pydantic import ValidationError

from ..analysis import analyze
from ..batch import InvalidRequest, Limits, analyze_item, validated
from ..schema import AnalyzeRequest, BatchRequest
from ..settings import Settings
from . import errors
from .body import read_json
from .responses import json_response


def blueprint(settings: Settings) -> Blueprint:
    """A fresh `/v1/` blueprint for one app (apps with different settings never share state)."""
    bp = Blueprint("v1", __name__, url_prefix="/v1")

    @bp.post("/analyze")
    def analyze_one():
        request = _validated(read_json(settings), _limits(settings))
        wall, cpu = time.perf_counter(), time.process_time()
        report = _analyze(request)
        # Server-Timing (W3C): the analysis's own time, wall and CPU, in ms; no request content.
        timing = (f"analyze;dur={(time.perf_counter() - wall) * 1e3:.1f}, "
                  f"cpu;dur={(time.process_time() - cpu) * 1e3:.1f}")
        return json_response(report, headers={"Server-Timing": timing})

    @bp.post("/batch")
    def analyze_batch():
        """Each item is validated and analysed on its own: a bad item gets an error in its place."""
        try:
            batch = BatchRequest.model_validate(read_json(settings))
        except ValidationError as exc:
            raise errors.validation_error(exc) from None
        if len(batch.requests) > settings.batch_max:
            raise errors.ApiError(422, "invalid_request",
                                  f"requests: at most {settings.batch_max} requests in one batch")
        limits = _limits(settings)
        reports = [analyze_item(item, limits)[1] for item in batch.requests]
        return json_response({"reports": reports})

    if settings.bench_noop:
        @bp.post("/noop")
        def noop():
            """The bench's baseline: same server and checks, body read and parsed, no analysis."""
            read_json(settings)
            return json_response({"ok": True})

    return bp


def _limits(settings: Settings) -> Limits:
    return Limits(settings.max_text_chars, settings.max_title_chars)


def _analyze(request: AnalyzeRequest) -> dict:
    try:
        return analyze(request)
    except Exception as exc:  # one page's failure is a JSON 500
        raise errors.internal_error(exc) from None


def _validated(body: object, limits: Limits) -> AnalyzeRequest:
    try:
        return validated(body, limits)
    except InvalidRequest as error:
        raise errors.ApiError(422, error.code, error.message) from None
