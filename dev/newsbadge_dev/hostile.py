"""Hostile inputs up to the body limit: what the worst-case tests and `make bench` send."""

from __future__ import annotations

import json

HOSTILE_TEXT = {
    "one_letter": "a" * 900_000,
    "dots": "." * 900_000,
    "round_brackets": "(" * 450_000 + ")" * 450_000,
    "mixed_brackets": "([{<" * 120_000 + ">}])" * 120_000,
    "straight_quotes": '"' * 400_000,
    "curly_quotes": "\u201c" * 200_000 + "\u201d" * 200_000,
    "newlines": "\n" * 1_000_000,
    "lone_surrogates": "\ud800" * 100_000 + " word \udfff" * 40_000,
    "mixed_scripts": "Hello Привет 你好 مرحبا שלום नमस्ते Γειά " * 15_000,
    "zero_width": "word\u200b\u200c\u200d\ufeff" * 100_000,
    "rtl_marks": "\u202eabc\u202c \u200fdef\u200e " * 60_000,
    "shouting_sentence": "SHOCKING " * 100_000,
    "said_said": "said " * 180_000,
    "quoted_claims": '"It is true," he said. ' * 40_000,
    "short_lines": "a\n" * 450_000,
}

HOSTILE_HTML = {
    "open_brackets": "<" * 900_000,
    "nested_divs": "<div>" * 150_000 + "x" + "</div>" * 150_000,
}


def encode(body: dict) -> bytes:
    """JSON in UTF-8 as a browser sends it; lone surrogates escaped as \\udXXX (JSON allows it)."""
    return json.dumps(body, ensure_ascii=False).encode("utf-8", "backslashreplace")
