"""The badge: one number and one colour for the icon, one sentence for the popup, and the reasons.

The formula. A page starts at 100 and loses points for each way it is worse than ordinary news:

    badge = 100 - framing - thin_sourcing - unnamed_sourcing - interruptions

Each penalty is a ramp: 0 up to where ordinary news usually sits, its full weight (WEIGHTS) at
the point only the worst few per cent of ordinary news reach, linear between. The ramps' ends are
percentiles measured on shared collections (data/badge_calibration.json says which collection and
which percentile each comes from; newsbadge_dev.training.badge re-derives them):
- framing: the sensational section's score;
- thin sourcing: attributions per 1,000 words (fewer is worse);
- unnamed sourcing: the share of sourced attributions whose source is anonymous;
- interruptions: the contamination section's score.
The level cuts are percentiles of the badge itself on ordinary news (good from its 25th
percentile, poor below its 5th), so that green means "as good as most ordinary news", red
"worse than all but a few ordinary news articles". Each weight is at least the width of the
good-to-poor band's upper part, so any one section at its worst pulls a page out of green.

Genre changes what is graded: a page that is no news article (`other`) gets no number ("not a
news article"): sourcing is not expected of a shop page or a blog. Opinion and satire are graded
like news and the summary says what they are. Sections that could not be graded lose no points,
but an article too short for sourcing gets no number ("?", "Not enough article text to judge").
"""

from __future__ import annotations

from . import datafiles
from .sections import TOO_SHORT

CALIBRATION = datafiles.json_file(__package__, "badge_calibration.json")
RAMPS = CALIBRATION["ramps"]
GOOD_FROM = CALIBRATION["levels"]["good_from"]
MIXED_FROM = CALIBRATION["levels"]["mixed_from"]
# Points each penalty takes at its worst. Framing and interruptions are what a reader sees on the
# page; sourcing is split between how much is sourced and who the sources are (DESIGN.md:
# anonymous sources weigh less). Display choices, not measurements: each is larger than the
# distance from 100 to GOOD_FROM, so one section at its worst is never green.
WEIGHTS = {"framing": 40, "thin_sourcing": 35, "unnamed_sourcing": 35, "interruptions": 35}
# Penalties under this many points are not listed among the reasons.
MIN_LISTED_POINTS = 1.0

COLORS = {"good": "#2e7d32", "mixed": "#f9a825", "poor": "#c62828", "unknown": "#757575"}
NOT_NEWS_TEXT = "n/a"

FRAMING_WORDS = {"low": "calm framing", "moderate": "some loaded framing",
                 "high": "sensational framing"}
INTERRUPTION_WORDS = {"clean": "few interruptions", "some": "some ads or inserts in the article",
                      "heavy": "many ads or inserts in the article"}
SOURCING_WORDS = {"thin": "thin sourcing", "moderate": "moderate sourcing",
                  "well_sourced": "well sourced"}
# Framing cues that are marks, not phrases: named apart in the reasons.
PHRASE_WORDS = ("phrase", "phrases")
PUNCTUATION_WORDS = {"alarm": ("exclamation mark", "exclamation marks"),
                     "shouting": ("word in capitals", "words in capitals")}
GENRE_WORDS = {"opinion": "Opinion", "satire": "Satire"}


def ramp(value: float | None, name: str, ramps: dict = RAMPS) -> float:
    """0 to 1: how far `value` is along the ramp `name`, from its start to its end (an end below
    the start means lower values are worse)."""
    if value is None:
        return 0.0
    start, end = ramps[name]["start"], ramps[name]["end"]
    share = (value - start) / (end - start) if end != start else float(value >= end)
    return min(1.0, max(0.0, share))


def anonymous_share(sourcing: dict) -> float | None:
    """The share of attributions with a source whose source is anonymous (None without any).

    Uses the section's own `anonymous_share` when it has one; else counts the attributions'
    source kinds, and the listed sources' kinds when the attributions carry none."""
    if sourcing.get("anonymous_share") is not None:
        return sourcing["anonymous_share"]
    kinds = [a["source"].get("kind") for a in sourcing.get("attributions", []) if a.get("source")]
    if not any(kinds):
        kinds = [s["kind"] for s in sourcing.get("sources", []) for _ in range(s["mentions"])]
    return sum(kind == "anonymous" for kind in kinds) / len(kinds) if kinds else None


def framing_penalty(sensational: dict, ramps: dict = RAMPS) -> dict | None:
    points = WEIGHTS["framing"] * ramp(sensational["score"], "framing", ramps)
    return _reason("sensational", points, framing_text(sensational))


def framing_text(sensational: dict) -> str:
    """What the framing penalty came from, in the words of its cues: the body's loaded phrases,
    its exclamation marks and capitals (PUNCTUATION_WORDS: no phrases, so not counted as such),
    a sensational headline ("loaded framing (12 phrases) and 3 exclamation marks")."""
    counts = dict(sensational.get("cue_counts") or {})
    marks = [_counted(counts.pop(kind), forms) for kind, forms in PUNCTUATION_WORDS.items()
             if counts.get(kind)]
    phrases = (sum(counts.values()) if "cue_counts" in sensational
               else sensational.get("evidence_total", len(sensational.get("evidence", []))))
    loaded = [f"loaded framing ({_counted(phrases, PHRASE_WORDS)})"] if phrases else []
    headline = (sensational.get("headline") or {}).get("level") == "high"
    return " and ".join(loaded + marks + (["sensational headline"] if headline else [])) \
        or "loaded framing"


def _counted(n: int, forms: tuple[str, str]) -> str:
    """ "1 phrase", "12 phrases": `forms` is (singular, plural)."""
    return f"{n} {forms[n != 1]}"


def thin_sourcing_penalty(sourcing: dict, ramps: dict = RAMPS) -> dict | None:
    density = sourcing.get("per_1000_words")
    points = WEIGHTS["thin_sourcing"] * ramp(density, "thin_sourcing", ramps)
    return _reason("sourcing", points, f"few attributions ({density:.0f} per 1,000 words)"
                   if density is not None else "")


def unnamed_sourcing_penalty(sourcing: dict, ramps: dict = RAMPS) -> dict | None:
    share = anonymous_share(sourcing) if sourcing.get("score") is not None else None
    points = WEIGHTS["unnamed_sourcing"] * ramp(share, "unnamed_sourcing", ramps)
    return _reason("sourcing", points, f"unnamed sources ({share:.0%} of sourced attributions)"
                   if share is not None else "")


def interruption_penalty(contamination: dict, ramps: dict = RAMPS) -> dict | None:
    score = contamination.get("score")
    points = WEIGHTS["interruptions"] * ramp(score, "interruptions", ramps)
    text = "" if score is None else f"ads and inserts in the article ({score:.0f}% of its words)"
    return _reason("contamination", points, text)


def _reason(section: str, points: float, text: str) -> dict | None:
    if points < MIN_LISTED_POINTS:
        return None
    return {"section": section, "text": text, "points": round(points, 1)}


def reasons(sensational: dict, contamination: dict, sourcing: dict,
            ramps: dict = RAMPS) -> list[dict]:
    """What pulled the badge down, most points first (`ramps` as in data/badge_calibration.json;
    the trainer passes its own while it derives them)."""
    found = [framing_penalty(sensational, ramps), thin_sourcing_penalty(sourcing, ramps),
             unnamed_sourcing_penalty(sourcing, ramps), interruption_penalty(contamination, ramps)]
    return sorted((r for r in found if r), key=lambda r: -r["points"])


def points_left(why: list[dict]) -> int:
    """The badge's number: 100 less the points of every reason."""
    return max(0, round(100 - sum(r["points"] for r in why)))


def level(number: int) -> str:
    return "good" if number >= GOOD_FROM else "mixed" if number >= MIXED_FROM else "poor"


def badge(sensational: dict, contamination: dict, sourcing: dict,
          genre: dict | None = None) -> dict:
    kind = (genre or {}).get("kind")
    if _too_little_to_grade(sensational, sourcing):
        return {"text": "?", "color": COLORS["unknown"], "level": "unknown",
                "summary": _unknown_summary(sensational, sourcing), "why": [], "genre": kind}
    if kind == "other":
        return {"text": NOT_NEWS_TEXT, "color": COLORS["unknown"], "level": "unknown",
                "summary": _not_news_summary(sensational, contamination),
                "why": [{"section": "genre", "text": "not a news article", "points": 0}],
                "genre": kind}
    why = reasons(sensational, contamination, sourcing)
    number = points_left(why)
    return {"text": str(number), "color": COLORS[level(number)], "level": level(number),
            "summary": _summary(sensational, contamination, sourcing, kind), "why": why,
            "genre": kind}


def _too_little_to_grade(sensational: dict, sourcing: dict) -> bool:
    """No number when neither framing nor sourcing is graded, nor when the article is too short
    for sourcing: a shop page's 56 words of "Free shipping" and "Best Sellers" are calm and
    clean, and a green 100 would tell the reader it is good news (no grade beats a wrong one)."""
    return ((sensational["score"] is None and sourcing["score"] is None)
            or sourcing.get("reason") == TOO_SHORT)


def _phrases(sensational: dict, contamination: dict) -> list[str]:
    phrases = []
    if sensational["score"] is not None:
        phrases.append(FRAMING_WORDS[sensational["level"]])
    if contamination["score"] is not None:
        phrases.append(
            f"{INTERRUPTION_WORDS[contamination['level']]} "
            f"({contamination['score']:.0f}% of the article's words)")
    return phrases


def _summary(sensational: dict, contamination: dict, sourcing: dict, kind: str | None) -> str:
    phrases = _phrases(sensational, contamination)
    if sourcing["score"] is not None:
        phrases.append(f"{SOURCING_WORDS[sourcing['level']]} "
                       f"({sourcing['per_1000_words']:.0f} attributions per 1,000 words)")
    sentence = ", ".join(phrases)
    sentence = sentence[0].upper() + sentence[1:] + "."
    return f"{GENRE_WORDS[kind]}: {sentence}" if kind in GENRE_WORDS else sentence


def _not_news_summary(sensational: dict, contamination: dict) -> str:
    details = ", ".join(_phrases(sensational, contamination))
    return "Not a news article: sourcing is not graded" + (f" ({details})." if details else ".")


def _unknown_summary(sensational: dict, sourcing: dict) -> str:
    if TOO_SHORT in (sensational.get("reason"), sourcing.get("reason")):
        return "Not enough article text to judge."
    return "This page's language is not one newsbadge can judge yet."
