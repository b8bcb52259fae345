"""The badge: one number and one colour for the icon, one sentence for the popup.

The number is a 0-100 "reads like news" score averaged over the sections that could be graded:
calm framing (100 - sensational), an article without interruptions (100 - contamination) and
sourcing. Each section counts the same: we have no data that says one matters more to readers
than another.
"""

from __future__ import annotations

# Badge levels by the averaged score. Cut at the thirds' edges of the 0-100 range, rounded so
# that a page with one section at its worst level cannot show "good".
GOOD_FROM = 67
MIXED_FROM = 40

COLORS = {"good": "#2e7d32", "mixed": "#f9a825", "poor": "#c62828", "unknown": "#757575"}

FRAMING_WORDS = {
    "low": "calm framing",
    "moderate": "some loaded framing",
    "high": "sensational framing",
}
INTERRUPTION_WORDS = {
    "clean": "few interruptions",
    "some": "some ads or inserts in the article",
    "heavy": "many ads or inserts in the article",
}
SOURCING_WORDS = {
    "thin": "thin sourcing",
    "moderate": "moderate sourcing",
    "well_sourced": "well sourced",
}


def badge(sensational: dict, contamination: dict, sourcing: dict) -> dict:
    parts = []
    if sensational["score"] is not None:
        parts.append(100 - sensational["score"])
    if contamination["score"] is not None:
        parts.append(100 - contamination["score"])
    if sourcing["score"] is not None:
        parts.append(sourcing["score"])
    if not parts or (sensational["score"] is None and sourcing["score"] is None):
        return {
            "text": "?",
            "color": COLORS["unknown"],
            "level": "unknown",
            "summary": _unknown_summary(sensational, sourcing),
        }
    overall = round(sum(parts) / len(parts))
    level = "good" if overall >= GOOD_FROM else "mixed" if overall >= MIXED_FROM else "poor"
    return {
        "text": str(overall),
        "color": COLORS[level],
        "level": level,
        "summary": _summary(sensational, contamination, sourcing),
    }


def _summary(sensational: dict, contamination: dict, sourcing: dict) -> str:
    phrases = []
    if sensational["score"] is not None:
        phrases.append(FRAMING_WORDS[sensational["level"]])
    if contamination["score"] is not None:
        phrases.append(
            f"{INTERRUPTION_WORDS[contamination['level']]} "
            f"({contamination['score']:.0f}% of the article's words)"
        )
    if sourcing["score"] is not None:
        phrases.append(
            f"{SOURCING_WORDS[sourcing['level']]} "
            f"({sourcing['per_1000_words']:.0f} attributions per 1,000 words)"
        )
    sentence = ", ".join(phrases)
    return sentence[0].upper() + sentence[1:] + "."


def _unknown_summary(sensational: dict, sourcing: dict) -> str:
    if "unsupported_language" in (sensational.get("reason"), sourcing.get("reason")):
        return "This page's language is not one newsbadge can judge yet."
    return "Not enough article text to judge."
