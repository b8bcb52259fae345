"""Each section's `scale`: the level a report gives is the one its reported cuts say for its
score, on both sides of every cut, so that a client drawing the scale agrees with the server.

Pages are built for these tests: calm filler plus a growing number of loaded sentences,
attributions or share buttons, which sweeps each section's score across its cuts.
"""

from __future__ import annotations

import pytest

from newsbadge import analyze

CALM = ("The weather in the region stayed mild through the week, and traffic on the main roads "
        "moved at its usual pace while schools prepared for the holidays. ")
# Distinct loaded words: a repeated cue weighs less each time (1/k), so the sweep varies them.
LOADED_WORDS = ("horrific", "catastrophic", "disastrous", "devastating", "terrifying",
                "horrendous", "scandalous", "brutal", "sickening", "shocking", "pathetic",
                "insane", "evil", "appalling", "disgusting", "horrible", "atrocious", "vile",
                "monstrous", "outrageous", "despicable", "heinous", "abhorrent")
SAID = "The mayor said the budget would pass. "
SHARE = "Share on Facebook"
# Each cut must have a swept score within this many points on each side of it.
NEAR = 5.0


def calm_page_with_loaded_sentences(count: int) -> str:
    loaded = (f"Neighbours described the scene as {LOADED_WORDS[i % len(LOADED_WORDS)]}. "
              for i in range(count))
    return CALM * 50 + "".join(loaded)


def wire_story_with_share_buttons(count: int, wire_story: str) -> str:
    """Share buttons spread between the story's paragraphs: inside the article, they interrupt
    it (after its last paragraph they would be furniture around it)."""
    paragraphs = wire_story.splitlines()
    gaps = len(paragraphs) - 1
    lines = []
    for i, paragraph in enumerate(paragraphs):
        lines.append(paragraph)
        if i < gaps:
            lines += [SHARE] * (count // gaps + (i < count % gaps))
    return "\n".join(lines)


def calm_page_with_attributions(count: int) -> str:
    return CALM * 20 + SAID * count


def level_by_cuts(score: float, scale: dict) -> str:
    """The level a client reads off the scale: the first whose `below` the score is under."""
    return next(cut["level"] for cut in scale["cuts"] if score < cut.get("below", float("inf")))


@pytest.fixture(scope="module")
def swept(wire_story) -> dict[str, list[dict]]:
    """The graded sections of each sweep, by section name."""
    pages = {
        "sensational": [calm_page_with_loaded_sentences(n) for n in range(40)],
        "contamination": [wire_story_with_share_buttons(n, wire_story) for n in range(40)],
        "sourcing": [calm_page_with_attributions(n) for n in range(50)],
    }
    return {name: [analyze({"text": text})[name] for text in texts]
            for name, texts in pages.items()}


@pytest.mark.parametrize("name", ["sensational", "contamination", "sourcing"])
def test_level_agrees_with_the_scale_on_both_sides_of_each_cut(swept, name):
    sections = swept[name]
    for section in sections:
        assert section["level"] == level_by_cuts(section["score"], section["scale"]), section
    scores = [section["score"] for section in sections]
    for cut in sections[0]["scale"]["cuts"][:-1]:
        below = cut["below"]
        assert any(below - NEAR <= score < below for score in scores), (cut, scores)
        assert any(below <= score <= below + NEAR for score in scores), (cut, scores)


@pytest.mark.parametrize(("name", "best_level"), [("sensational", "low"),
                                                  ("contamination", "clean"),
                                                  ("sourcing", "well_sourced")])
def test_optimum_is_the_end_of_the_best_level(swept, name, best_level):
    scale = swept[name][0]["scale"]
    assert level_by_cuts(scale["optimum"], scale) == best_level
    assert scale["optimum"] in (scale["min"], scale["max"])


def test_a_section_without_a_grade_has_its_scale_and_reason(swept):
    report = analyze({"text": "Too short to judge."})
    for name, graded in swept.items():
        section = report[name]
        assert section["level"] == "insufficient" and section["reason"] == "too_short"
        assert section["scale"] == graded[0]["scale"]
