"""Reading a JSON request body within limits.

Bodies are parsed with the standard library: it accepts what browsers' JSON.stringify sends,
escaped lone surrogates included, and its C parser stops with RecursionError on absurd nesting.
"""

from __future__ import annotations

from flask import g, request

from ..batch import loads
from ..settings import Settings
from . import errors

JSON_TYPES = ("application/json",)


def read_json(settings: Settings) -> object:
    """The request's JSON body, or an ApiError: 415 not JSON, 400 malformed (NaN and Infinity
    included) or nested deeper than max_json_depth, 413 larger than max_bytes. Read and parsed
    once per request: the rate limit's cost of a batch reads it before the view does."""
    if "newsbadge_json" not in g:
        try:
            g.newsbadge_json = _parsed(settings)
        except errors.ApiError as error:
            g.newsbadge_json = error
    if isinstance(g.newsbadge_json, errors.ApiError):
        raise g.newsbadge_json
    return g.newsbadge_json


def _parsed(settings: Settings) -> object:
    """The body parsed, for `read_json`.

    A body with a Content-Length over the limit is refused by Flask's MAX_CONTENT_LENGTH before
    it is read. A chunked body has none, and werkzeug would stop reading it at the limit and hand
    on the part read (then a 400, malformed): it is read here from the server's own stream, one
    byte more than the limit, and if that byte comes the body is too large.
    """
    if not _is_json(request.mimetype):
        raise errors.ApiError(415, "unsupported_media_type",
                              "send the request as JSON with Content-Type: application/json")
    max_depth = settings.max_json_depth
    if request.content_length is None and "wsgi.input_terminated" in request.environ:
        raw = request.environ["wsgi.input"].read(settings.max_bytes + 1)
        if len(raw) > settings.max_bytes:
            raise errors.ApiError(413, "payload_too_large", errors.TOO_LARGE_MESSAGE)
    else:
        raw = request.get_data(cache=False)
    try:
        body = loads(raw)
    except RecursionError:
        raise _too_deep(max_depth) from None
    except (ValueError, UnicodeDecodeError) as exc:
        # json's messages give a position, never the text around it.
        raise errors.ApiError(400, "malformed_json", f"the body is not valid JSON: {exc}") from None
    if _deeper_than(body, max_depth):
        raise _too_deep(max_depth)
    return body


def _is_json(mimetype: str) -> bool:
    return mimetype in JSON_TYPES or (mimetype.startswith("application/") and
                                      mimetype.endswith("+json"))


def _too_deep(max_depth: int) -> errors.ApiError:
    return errors.ApiError(400, "json_too_deep",
                           f"the JSON is nested deeper than {max_depth} levels")


def _deeper_than(value: object, limit: int) -> bool:
    """Whether containers nest more than `limit` deep; iterative, stops at the first too deep."""
    stack = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            children = node.values()
        elif isinstance(node, list):
            children = node
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return False
