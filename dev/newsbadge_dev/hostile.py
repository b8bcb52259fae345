"""Hostile inputs up to the body limit: what the worst-case tests and `make bench` send."""

from __future__ import annotations

import json
import random

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
    # Issue 16: one 960,000-character "word" (hyphenated whole, 3.5 s); one endless "sentence"
    # of cues, each of which searched all of it for a quote and a source (3.4 s, 3.3 s).
    "apostrophe_word": "a'" * 480_000,
    "quoted_said": '"said ' * 150_000,
    "according_to": "according to " * 69_000,
    # 28,000 hedges: listed whole, a 4.5 MB report; now the first 1,000 and `truncated`.
    "hedged_claims": "The plan was reportedly approved. " * 28_000,
}

HOSTILE_HTML = {
    "open_brackets": "<" * 900_000,
    # Control characters, which libxml2 refuses, in text and in attributes.
    "control_characters": "<p title='\x0b\x01'>" + "a\x0bb\x0cc\x01d\x1f " * 50_000 + "</p>",
}

# Requests refused before any analysis: (body, status, a word the error message names).
HOSTILE_REFUSED = {
    # 64,000 attributes in one tag: libxml2's parse is quadratic in them (about 20 s).
    "many_attributes": ({"html": "<div " + " ".join(f"a{i}" for i in range(64_000)) + ">x</div>"},
                        422, "attributes"),
    "nested_divs": ({"html": "<div>" * 150_000 + "x" + "</div>" * 150_000}, 422, "nested"),
    "many_blocks": ({"text": "x\n" * 100_000, "blocks": [{"text": "x"}] * 100_000}, 422, "blocks"),
    "long_url": ({"text": "x", "url": "https://example.com/" + "a" * 900_000}, 422, "url"),
    "long_id": ({"text": "x", "id": "a" * 900_000}, 422, "id"),
}
# Bodies that are not JSON as RFC 8259 defines it, though Python's parser reads them.
NOT_JSON = {
    "nan": b'{"text": "x", "id": NaN}',
    "infinity": b'{"text": "x", "id": Infinity}',
}


def large_page(seed: int, paragraphs: int = 4_000) -> str:
    """A synthetic article page (4,000 paragraphs: about 1.5 MB) whose every paragraph and link is
    new, as every real page's are to the extractor's caches; under its element limit."""
    rng = random.Random(seed)

    def paragraph() -> str:
        words = " ".join(f"{rng.choice(SYLLABLES)}{rng.choice(SYLLABLES)}{rng.randrange(10**6)}"
                         for _ in range(36))
        link = f"https://site{rng.randrange(10**6)}.example/{rng.randrange(10**9)}"
        return f"<p>{words} <a href='{link}'>more</a>.</p>\n"

    body = "".join(paragraph() for _ in range(paragraphs))
    return (f"<html><head><title>Page {seed}</title><meta property='article:published_time' "
            f"content='2024-0{1 + seed % 9}-1{seed % 10}'></head>"
            f"<body><article>{body}</article></body></html>")


SYLLABLES = ("ka", "lo", "mi", "ne", "su", "ta", "ri", "po", "de", "va")


def encode(body: dict) -> bytes:
    """JSON in UTF-8 as a browser sends it; lone surrogates escaped as \\udXXX (JSON allows it)."""
    return json.dumps(body, ensure_ascii=False).encode("utf-8", "backslashreplace")
