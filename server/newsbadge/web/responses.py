"""JSON responses, written with orjson where it can: about ten times faster than json.dumps on a
report. orjson refuses strings with lone surrogates (a page's text may carry them, and offsets must
index the text as sent), so those fall back to the standard library, which escapes them.
"""

from __future__ import annotations

import json

import orjson
from flask import Response


def json_response(body: object, status: int = 200, headers: dict | None = None) -> Response:
    try:
        payload = orjson.dumps(body)
    except TypeError:  # orjson rejects str with lone surrogates; json escapes them as \udXXX
        payload = json.dumps(body).encode()
    return Response(payload, status=status, headers=headers, mimetype="application/json")
