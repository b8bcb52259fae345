from pathlib import Path

import pytest

from newsbadge import language

FIXTURES = Path(__file__).parent / "fixtures" / "core"


EUROPEAN = [
    line.split("\t")
    for line in (FIXTURES / "european-paragraphs.txt").read_text(encoding="utf-8").splitlines()
]


def test_plain_english_takes_the_function_word_shortcut(wire_story):
    result = language.detect(wire_story)
    assert result == {
        "code": "en",
        "probability": language.FAST_PATH_PROBABILITY,
        "method": "function_words",
    }


def test_english_with_few_function_words_goes_to_langdetect():
    headlines = (
        "Markets rally; Senate vote looms; Storm warning issued; Oil prices jump; "
        "Election results delayed; Court blocks new rule; Airline strike ends. "
    ) * 3
    result = language.detect(headlines)
    assert result["method"] == "langdetect" and result["code"] == "en"


@pytest.mark.parametrize(("code", "paragraph"), EUROPEAN, ids=[code for code, _ in EUROPEAN])
def test_other_european_languages_never_take_the_english_shortcut(code, paragraph):
    result = language.detect(paragraph)
    assert (result["code"], result["method"]) == (code, "langdetect")
    assert result["probability"] > 0.9


def test_detection_is_deterministic_across_calls(wire_story):
    results = {tuple(language.detect(wire_story).items()) for _ in range(5)}
    assert len(results) == 1


def test_too_little_text_is_undetermined():
    for text in ("", "   ", "Hi!", "12345 678 90"):
        assert language.detect(text) == {"code": "und", "probability": 0.0, "method": "none"}


def test_long_text_is_judged_on_a_bounded_sample(wire_story):
    # A page of menus around the article: the sample comes from the middle.
    page = "Home News Sport Weather\n" * 2000 + wire_story * 3 + "Home News Sport\n" * 2000
    assert (
        language._sample(page)
        == page[(len(page) - language.SAMPLE_CHARS) // 2 :][: language.SAMPLE_CHARS]
    )
    assert len(language._sample(page)) == language.SAMPLE_CHARS


def test_declared_language_is_normalised():
    assert language.declared("en-GB") == {"code": "en", "probability": 1.0, "method": "declared"}
    assert language.declared("DE_at")["code"] == "de"
