"""Pieces of report sections that every scorer shares."""

from __future__ import annotations

from dataclasses import dataclass

TOO_SHORT = "too_short"
UNSUPPORTED_LANGUAGE = "unsupported_language"
# Contamination: nearly every word of the page is boilerplate, so there is no article to grade.
NO_ARTICLE = "no_article"


@dataclass(frozen=True)
class Scale:
    """A section's 0-100 score scale: its levels in order of score, each but the last ending
    below a cut, the level above every cut, and the score that is best (`optimum`).

    The scorer picks the level with `level` and reports the same cuts with `report`, so that a
    client draws the section with the numbers that graded it."""

    cuts: tuple[tuple[str, float], ...]  # (level, the score it ends below), in order
    top: str
    optimum: float
    min: float = 0.0
    max: float = 100.0

    def level(self, score: float) -> str:
        """The level of a score as the report gives it (rounded as reported)."""
        return next((level for level, below in self.cuts if score < below), self.top)

    def report(self) -> dict:
        """The section's `scale` field."""
        cuts = [{"level": level, "below": below} for level, below in self.cuts]
        return {"min": self.min, "max": self.max, "optimum": self.optimum,
                "cuts": [*cuts, {"level": self.top}]}


def evidence_span(text: str, start: int, end: int, **fields) -> dict:
    """A piece of evidence: its offsets into the text and the exact characters they cover."""
    return {"start": start, "end": end, "text": text[start:end], **fields}


def insufficient(reason: str, scale: Scale, **empty_fields) -> dict:
    """A section that declines to grade: no grade beats a wrong grade. Its scale is reported all
    the same, so that every section of a report has the same shape."""
    return {"score": None, "level": "insufficient", "reason": reason, "scale": scale.report(),
            **empty_fields}
