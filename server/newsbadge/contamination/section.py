"""The contamination section of the report from the judged lines: spans, share and level."""

from __future__ import annotations

from ..sections import Scale, evidence_span

# Levels by share of page words outside the article, in %.
CLEAN_BELOW, SOME_BELOW = 10.0, 30.0
SCALE = Scale(cuts=(("clean", CLEAN_BELOW), ("some", SOME_BELOW)), top="heavy", optimum=0.0)


def merged_spans(text: str, lines) -> list[dict]:
    """Adjacent boilerplate lines of one category become one span."""
    spans: list[dict] = []
    for start, end, category, confidence, _ in lines:
        last = spans[-1] if spans else None
        if last and last["category"] == category and not text[last["end"]:start].strip():
            last["end"], last["confidence"] = end, min(last["confidence"], confidence)
        else:
            spans.append({"start": start, "end": end, "category": category,
                          "confidence": confidence})
    return [evidence_span(text, s.pop("start"), s.pop("end"), **s) for s in spans]


