"""Every error the service returns, in one place: `{"error": {"code": ..., "message": ...}}`.

Views raise `ApiError` (or let werkzeug raise its HTTP exceptions); the handlers registered here
turn both into JSON with the fitting status. Anything else becomes a 500 whose log line names the
exception's type and where it was raised, never its message, arguments or a traceback with locals:
those could quote the request's text.
"""

from __future__ import annotations

import logging

from flask import Flask
from pydantic import ValidationError
from werkzeug.exceptions import HTTPException

from ..batch import INTERNAL_ERROR_MESSAGE, log_internal_error
from ..schema import validation_message
from .responses import json_response

log = logging.getLogger("newsbadge.web")

# werkzeug's HTTP exceptions by status, as the short codes of DESIGN.md.
CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    414: "uri_too_long",
    415: "unsupported_media_type",
    417: "expectation_failed",
    422: "invalid_request",
    429: "rate_limited",
    431: "headers_too_large",
    500: "internal_error",
    501: "not_implemented",
}


TOO_LARGE_MESSAGE = "the request body is larger than this server accepts"


class ApiError(Exception):
    """An error answered as JSON with `status`, a short `code` and a message for people."""

    def __init__(self, status: int, code: str, message: str, headers: dict | None = None):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}

    def body(self) -> dict:
        return {"error": {"code": self.code, "message": self.message}}


def validation_error(error: ValidationError) -> ApiError:
    """A 422 whose message names each invalid field by its path (see `validation_message`)."""
    return ApiError(422, "invalid_request", validation_message(error))


def internal_error(exc: BaseException) -> ApiError:
    """A 500 for an unexpected exception, logged by where it happened (nothing of the request)."""
    log_internal_error(exc)
    return ApiError(500, "internal_error", INTERNAL_ERROR_MESSAGE)


def from_http_exception(exc: HTTPException) -> ApiError:
    status = exc.code or 500
    code = CODES.get(status, "http_error")
    message = exc.description or exc.name
    if status == 413:
        message = TOO_LARGE_MESSAGE
    headers = dict(exc.get_headers()) if status == 405 else {}
    headers.pop("Content-Type", None)
    return ApiError(status, code, message, headers)


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(ApiError)
    def _api_error(exc: ApiError):
        return json_response(exc.body(), exc.status, exc.headers)

    @app.errorhandler(Exception)
    def _any_error(exc: Exception):
        error = from_http_exception(exc) if isinstance(exc, HTTPException) else internal_error(exc)
        return json_response(error.body(), error.status, error.headers)
