from pathlib import Path

from newsbadge import language

FIXTURES = Path(__file__).parent / "fixtures" / "core"


def test_english_is_detected_and_supported(wire_story):
    result = language.detect(wire_story)
    assert result["code"] == "en" and result["supported"] is True
    assert result["probability"] > 0.9


def test_detection_is_deterministic_across_calls(wire_story):
    results = {tuple(language.detect(wire_story).items()) for _ in range(5)}
    assert len(results) == 1


def test_other_languages_are_reported_unsupported():
    spanish = (FIXTURES / "spanish-story.txt").read_text(encoding="utf-8")
    result = language.detect(spanish)
    assert result["code"] == "es" and result["supported"] is False


def test_too_little_text_is_undetermined():
    for text in ("", "   ", "Hi!", "12345 678 90"):
        assert language.detect(text) == {"code": "und", "probability": 0.0, "supported": False}


def test_long_text_is_judged_on_a_bounded_sample(wire_story):
    # A page of menus around the article: the sample comes from the middle.
    page = "Home News Sport Weather\n" * 2000 + wire_story * 3 + "Home News Sport\n" * 2000
    assert language._sample(page) == page[(len(page) - language.SAMPLE_CHARS) // 2 :][
        : language.SAMPLE_CHARS
    ]
    assert len(language._sample(page)) == language.SAMPLE_CHARS


def test_declared_language_is_normalised():
    assert language.declared("en-GB") == {"code": "en", "probability": 1.0, "supported": True}
    assert language.declared("DE_at")["code"] == "de"
    assert language.declared("fr")["supported"] is False
