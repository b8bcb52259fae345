"""Pieces of report sections that every scorer shares."""

from __future__ import annotations

TOO_SHORT = "too_short"
UNSUPPORTED_LANGUAGE = "unsupported_language"


def evidence_span(text: str, start: int, end: int, **fields) -> dict:
    """A piece of evidence: its offsets into the text and the exact characters they cover."""
    return {"start": start, "end": end, "text": text[start:end], **fields}


def insufficient(reason: str, **empty_fields) -> dict:
    """A section that declines to grade: no grade beats a wrong grade."""
    return {"score": None, "level": "insufficient", "reason": reason, **empty_fields}
