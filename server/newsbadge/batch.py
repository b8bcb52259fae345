"""One batch item, the same for `POST /v1/batch` and `newsbadge batch`: validated, analysed, and
answered with its report or with an error item `{"id": ..., "error": {"code", "message"}}`, so a
bad item never stops the batch.

An unexpected failure is logged by where it happened (exception type, file, line), never by its
message or arguments: those could quote the page's text.
"""

from __future__ import annotations

import json
import logging
import traceback
from dataclasses import dataclass

from pydantic import ValidationError

from .analysis import analyze
from .contamination.visible import markup_over_limits
from .schema import MAX_ID_CHARS, AnalyzeRequest, validation_message

log = logging.getLogger("newsbadge")

INTERNAL_ERROR_MESSAGE = "the server could not analyse this request"


@dataclass(frozen=True)
class Limits:
    """Longest `text` and `title` accepted, in characters (None: no limit)."""

    max_text_chars: int | None = None
    max_title_chars: int | None = None


class InvalidRequest(Exception):
    """A request that is valid JSON but not a valid request: a 422 for the web layer."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def validated(body: object, limits: Limits) -> AnalyzeRequest:
    """The request `body` as a model, checked against `limits`; InvalidRequest when it is not."""
    try:
        request = AnalyzeRequest.model_validate(body)
    except ValidationError as error:
        raise InvalidRequest("invalid_request", validation_message(error)) from None
    for field, limit in (("text", limits.max_text_chars), ("title", limits.max_title_chars)):
        value = getattr(request, field)
        if limit is not None and value is not None and len(value) > limit:
            raise InvalidRequest("text_too_long",
                                 f"{field}: longer than {limit} characters ({len(value)})")
    too_costly = markup_over_limits(request.html) if request.html else None
    if too_costly:
        raise InvalidRequest("html_too_complex", f"html: {too_costly}")
    return request


def reject_constant(name: str):
    """json.loads' `parse_constant`: NaN, Infinity and -Infinity are not JSON (RFC 8259), and a
    report could not echo them as JSON."""
    raise ValueError(f"{name} is not a JSON value")


def loads(data: str | bytes) -> object:
    """JSON as RFC 8259 has it: the standard library's parser, without its NaN and Infinity."""
    return json.loads(data, parse_constant=reject_constant)


def log_internal_error(exc: BaseException) -> None:
    """Log where an unexpected exception came from (type, file, line; nothing of the request)."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = f"{frames[-1].filename}:{frames[-1].lineno} in {frames[-1].name}" if frames else "?"
    log.error("internal error: %s at %s", type(exc).__name__, where)


def error_item(item_id, code: str, message: str) -> dict:
    return {"id": item_id, "error": {"code": code, "message": message}}


def item_id(item: object):
    """An item's `id` when it is a JSON scalar, to echo beside its error."""
    value = item.get("id") if isinstance(item, dict) else None
    if isinstance(value, str):
        return value if len(value) <= MAX_ID_CHARS else None
    return value if isinstance(value, (int, float, bool)) else None


def analyze_item(item: object, limits: Limits, where: str = "") -> tuple[bool, dict]:
    """(failed, answer): the item's report, or its error item. `where` prefixes error messages
    ("line 7: ")."""
    try:
        return False, analyze(validated(item, limits))
    except InvalidRequest as error:
        return True, error_item(item_id(item), error.code, where + error.message)
    except Exception as exc:  # one page's failure is its error item, never the batch's end
        log_internal_error(exc)
        return True, error_item(item_id(item), "internal_error", where + INTERNAL_ERROR_MESSAGE)


def analyze_line(numbered_line: tuple[int, str], limits: Limits = Limits()) -> tuple[bool, str]:
    """One JSONL line in, one JSON line out: (failed, the report or the error item)."""
    number, line = numbered_line
    try:
        item = loads(line)
    except ValueError as error:  # json.JSONDecodeError, or a NaN
        message = error.msg if isinstance(error, json.JSONDecodeError) else str(error)
        failed, answer = True, error_item(None, "malformed_json",
                                          f"line {number} is not JSON: {message}")
    else:
        failed, answer = analyze_item(item, limits, f"line {number}: ")
    return failed, json.dumps(answer, ensure_ascii=False)
