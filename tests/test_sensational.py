"""Sensational framing: cue kinds, negation, quotes, edge inputs, levels and the seed page.

The example sentences are written for these tests; none comes from the shared data sets.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsbadge import analyze, sensational
from newsbadge.document import Document
from newsbadge.sensational import cues
from newsbadge.text import Ranges

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "sensational"
CALM = (FIXTURES / "calm_wire.txt").read_text(encoding="utf-8")
LOADED = (FIXTURES / "loaded_opinion.txt").read_text(encoding="utf-8")


def find(text: str) -> list[dict]:
    return cues.find(Document(text, "en"))


def cue_of(text: str, fragment: str) -> dict | None:
    """The evidence whose text is `fragment`, if any."""
    return next((e for e in find(text) if e["text"] == fragment), None)


@pytest.mark.parametrize(
    ("kind", "sentence", "fragment"),
    [
        ("hyperbole", "Turnout at the vote was unprecedented.", "unprecedented"),
        ("superlative", "It was the craziest week the council has had.", "craziest"),
        ("superlative", "Critics called it the worst plan on the table.", "worst"),
        ("emotive", "Neighbours described the smell as horrific.", "horrific"),
        ("loaded", "The senator slammed the proposal in a statement.", "slammed"),
        ("intensifier", "The repairs will be extremely costly.", "extremely"),
        ("idiom", "Analysts described a perfect storm for the airline.", "perfect storm"),
        ("name_calling", "He called the protesters thugs on Tuesday.", "thugs"),
        ("emotive", "Critics called the plan hostile to renters.", "hostile"),
        ("intensity", "The fee was a blatant breach of the contract.", "blatant"),
        ("intensity", "The firm missed every single deadline this year.", "every single"),
        ("evaluative", "The mayor gave a bizarre answer to the question.", "bizarre"),
        ("derision", "The senator derided the proposal on Tuesday.", "derided"),
        ("derision", "He spent the rally railing against the judges.", "railing against"),
        ("disparaging", "Critics called the response feckless and late.", "feckless"),
        ("commotion", "The vote caused an uproar in the chamber.", "uproar"),
        ("fear", "The report called the virus an existential threat to farms.",
         "existential threat"),
        ("manner", "The spokesman smugly declined to answer.", "smugly"),
        ("idiom", "The governor took aim at the budget office.", "took aim at"),
        ("hyperbole", "The firm paid a whopping fee for the lease.", "whopping"),
    ],
)
def test_each_cue_kind_is_found_with_its_span(kind, sentence, fragment):
    hit = cue_of(sentence, fragment)
    assert hit is not None, find(sentence)
    assert hit["cue"] == kind
    assert sentence[hit["start"] : hit["end"]] == fragment
    assert hit["weight"] > 0


@pytest.mark.parametrize(
    "sentence",
    ["Everyone at the hearing opposed the plan.",        # absolute: no likelier in a span
     "Some pundits wondering about a delay were wrong.",  # speculation: less likely
     "Their signs read STOP THE TOLL ROAD all day.",      # shouting: as likely as any word
     "You won\u2019t believe what the mayor did next.",  # body "clickbait" phrases: less likely
     "The bill passed on the third try!!"],              # alarms: in SemEval, seldom in a span
)
def test_kinds_the_span_data_weighs_below_the_threshold_are_no_cues(sentence):
    assert find(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    ["The driver was jailed after the crash on the bridge.",
     "Residents were threatened with eviction, a weaker tenant group said.",
     "Book a mock interview before the stressful week of exams.",
     "The family sued for damages after the stampede at the stadium."],
)
def test_words_that_name_an_event_or_a_state_are_no_cues(sentence):
    # VADER scores them negative (-1.6 to -2.4), but they report rather than judge.
    assert find(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    ["Hold the railing on the stairs and watch the fumes from the stove.",
     "The game rewards careful blocking and dodging in each fight.",
     "There are countless options and endless recipes for dinner.",
     "With deadlines looming, the team met on Friday.",
     "Meditation can bring a deep state of rest.",
     "The sauce gets its colour from the skewered peppers."],
)
def test_words_of_the_loaded_kinds_in_their_everyday_sense_are_no_cues(sentence):
    # "railed against", "dodged questions", "deep state" (the slogan) would be; these forms are
    # left out of cues_en.tsv for their everyday senses.
    assert find(sentence) == []


def test_plain_sentence_has_no_cues():
    assert find("The council met on Tuesday and approved the minutes of its last meeting.") == []


@pytest.mark.parametrize(
    ("negated", "affirmed"),
    [
        ("The ruling was not unprecedented.", "The ruling was unprecedented."),
        ("The ruling wasn\u2019t unprecedented.", "The ruling was unprecedented."),
        ("It was never really unprecedented.", "It was really unprecedented."),
        ("There was no catastrophe.", "There was a catastrophe."),
    ],
)
def test_negated_cue_is_no_cue(negated, affirmed):
    fragment = negated.split()[-1].rstrip(".")
    assert cue_of(negated, fragment) is None
    assert cue_of(affirmed, fragment) is not None


def test_negation_reaches_only_a_few_words():
    text = "It was not clear why, but the ruling was unprecedented."
    assert cue_of(text, "unprecedented") is not None


@pytest.mark.parametrize(
    "quoted_text",
    [
        "The mayor said: \u201cThis budget is a catastrophe.\u201d",
        'The mayor said: "This budget is a catastrophe."',
        "The mayor said: \u201cThis budget is a catastrophe, and the quote runs to the line's end",
    ],
)
def test_quoted_cues_are_marked_and_weigh_less(quoted_text):
    unquoted = cue_of("The budget is a catastrophe, the editorial said.", "catastrophe")
    quoted = cue_of(quoted_text, "catastrophe")
    assert quoted["quoted"] is True and unquoted["quoted"] is False
    assert quoted["weight"] == pytest.approx(unquoted["weight"] * cues.QUOTED_FACTOR, abs=1e-3)


def test_quote_ends_at_its_closing_mark_and_at_the_line_end():
    text = 'He said "it was a catastrophe" and the catastrophe grew.\nA catastrophe, "indeed'
    hits = [e for e in find(text) if e["text"] == "catastrophe"]
    assert [h["quoted"] for h in hits] == [True, False, False]


@pytest.mark.parametrize(
    "text", ['The chief said, "decline" was possible.', 'They watched "Meet the Press" live.',
             'let x: Result<u32, &str> = Err("hey");', '<div className="flex mb-4">',
             'Then call print("hello") and stop.']
)
def test_quoted_statement_title_or_code_string_is_not_a_scare_quote(text):
    assert scare_quotes(text) == []


def scare_quotes(text: str, language: str = "en") -> list[str]:
    """The scare quotes the rule finds, whether or not the language's data keeps the kind (it
    drops it in English: the writer's own are seldom inside a framing span)."""
    found = cues._scare_quotes(text, cues.quote_ranges(text, 0, len(text)), 1.0, language)
    return [text[start:end] for start, end, _, _ in found]


def test_a_short_quotation_in_the_writers_voice_is_a_scare_quote():
    assert scare_quotes('The company\'s "cleanup" left oil on the beach.') == ['"cleanup"']


@pytest.mark.parametrize(("attributed", "own", "language"), [
    ("NASA said SpaceX would fly Starship “a lot” before flying crews.",
     "SpaceX will fly Starship “a lot” before flying crews.", "en"),
    ("The budget funds what he called “experiments” in procurement.",
     "The budget funds “experiments” in procurement.", "en"),
    ("Critics say the plan is a “giveaway” to donors.", "The plan is a “giveaway” to donors.",
     "en"),
    ("Le ministre a déclaré que la réforme était « juste ».", "La réforme était « juste ».",
     "fr"),
])
def test_a_partial_quotation_of_a_source_is_no_scare_quote(attributed, own, language):
    assert scare_quotes(attributed, language) == []
    assert len(scare_quotes(own, language)) == 1


def test_boilerplate_is_not_judged():
    text = CALM + "\nShocking deals you won't believe!! Subscribe now.\n"
    start = text.index("Shocking")
    doc = Document(text, "en", Ranges.of([(start, len(text))]))
    assert cues.find(doc) == []
    assert cues.find(Document(text, "en"))


@pytest.mark.parametrize(("text", "cues_found"), [("", []), ("   \n\n  ", []), ("Report", []),
                                                  ("Unprecedented", ["hyperbole"])])
def test_empty_and_one_word_input_is_insufficient_but_shows_its_cues(text, cues_found):
    section = sensational.analyze(Document(text, "en"), None)
    assert section["score"] is None
    assert section["level"] == "insufficient"
    assert section["reason"] == "too_short"
    assert section["headline"] is None
    assert [e["cue"] for e in section["evidence"]] == cues_found


@pytest.mark.parametrize(
    "title", ["", "Wow", "!!!", "\u200b\u200f", "A" * 100_000, "you " * 50_000, '"' * 100_000]
)
def test_degenerate_titles_score_in_range(title):
    assert 0 <= sensational.headline_score(title) <= 100


def test_title_only_request_gets_a_headline_and_no_body_grade():
    section = analyze({"title": "You Won't Believe What These 12 Mayors Did"})["sensational"]
    assert section["level"] == "insufficient"
    assert section["headline"]["score"] > sensational.HEADLINE_THRESHOLDS["en"]["moderate"]


@pytest.mark.parametrize("title", ["How was your weekend running?",  # langdetect: Afrikaans
                                   "Here is why your rent keeps going up"])
def test_title_only_english_request_is_english_and_its_headline_graded(title):
    report = analyze({"title": title})
    assert report["language"]["code"] == "en"
    assert report["sensational"]["reason"] == "too_short"
    assert report["sensational"]["headline"]["score"] is not None
    assert report["sensational"]["headline"]["level"] != "insufficient"


def test_all_capitals_input_is_not_shouting_and_keeps_its_words():
    upper = LOADED.upper()
    evidence = find(upper)
    assert not any(e["cue"] == "shouting" for e in evidence)
    assert {e["text"].lower() for e in evidence} >= {"unprecedented", "slammed", "thugs"}
    calm = sensational.analyze(Document(CALM.upper(), "en"), CALM.splitlines()[0][:60].upper())
    assert calm["body_level"] == "low"


def test_all_capitals_headline_has_no_shouting_cue():
    _, found = sensational.headline.score("COUNCIL APPROVES BUDGET FOR ROAD REPAIRS")
    assert not any(c["cue"] == "shouting" for c in found)


def test_text_in_a_language_without_cues_is_unsupported():
    portuguese = ("A câmara aprovou na terça-feira um orçamento revisto que acrescenta dois "
                  "milhões para reparar ruas e alarga o horário das bibliotecas. ") * 5
    section = sensational.analyze(Document(portuguese, "pt"), "Um orçamento para as ruas")
    assert section["level"] == "insufficient"
    assert section["reason"] == "unsupported_language"
    assert section["headline"]["score"] is None
    with pytest.raises(ValueError):
        sensational.headline_score("Um orçamento", "pt")
    report = analyze({"text": portuguese, "title": "Um orçamento para as ruas"})
    assert report["sensational"]["reason"] == "unsupported_language"
    assert report["sensational"]["supported"] is False


def test_spanish_headline_is_scored_by_its_own_model_while_the_body_is_not_graded():
    spanish = ("El ayuntamiento aprob\u00f3 el martes un presupuesto revisado que a\u00f1ade dos "
               "millones para reparar calles y ampl\u00eda el horario de las bibliotecas. ") * 5
    bait = "Lo que nadie te dijo sobre el caf\u00e9"
    news = "El Gobierno anuncia nuevas medidas contra la inflaci\u00f3n"
    assert sensational.headline_score(bait, "es") > sensational.HEADLINE_THRESHOLDS["es"][
        "moderate"] > sensational.headline_score(news, "es")
    section = sensational.analyze(Document(spanish, "es"), bait)
    assert section["reason"] == "unsupported_language" and section["evidence"] == []
    assert section["headline"]["level"] != "insufficient"


def test_calm_wire_report_scores_low():
    section = sensational.analyze(Document(CALM, "en"), "Westbrook council approves budget")
    assert section["level"] == "low"
    assert section["body_score"] < sensational.MODERATE_AT
    assert section["headline"]["level"] == "low"


def test_loaded_text_scores_above_calm_text():
    calm = sensational.analyze(Document(CALM, "en"), None)
    loaded = sensational.analyze(Document(LOADED, "en"), None)
    assert loaded["level"] == "high"
    assert loaded["per_100_words"] > calm["per_100_words"]
    kinds = set(loaded["cue_counts"])
    assert {"hyperbole", "loaded", "name_calling", "emotive"} <= kinds


def test_body_score_is_a_density_not_a_count():
    once = sensational.analyze(Document(LOADED + "\n" + CALM, "en"), None)
    diluted = sensational.analyze(Document(LOADED + "\n" + CALM * 4, "en"), None)
    assert once["evidence_total"] == diluted["evidence_total"]
    assert diluted["per_100_words"] < once["per_100_words"]


def test_clickbait_headline_outscores_news_headline():
    news = sensational.headline_score("Council approves budget with road repairs after hearing")
    bait = sensational.headline_score("21 Things You Won't Believe This Council Did")
    assert bait > sensational.HEADLINE_THRESHOLDS["en"]["high"] > news
    _, found = sensational.headline.score("21 Things You Won't Believe This Council Did")
    assert {"listicle_number", "second_person", "forward_reference", "phrasing"} <= {
        c["cue"] for c in found
    }


@pytest.mark.parametrize(("title", "cue", "text"), [
    ("10 Things You Need To Know", "listicle_number", "10"),
    ("Seven ways to save on heating", "listicle_number", "Seven"),
    ("How Trump won Ohio", "question_opener", "How"),
])
def test_a_headline_form_a_reader_would_name_is_a_cue(title, cue, text):
    assert (cue, text) in {(c["cue"], c["text"]) for c in sensational.headline.score(title)[1]}


@pytest.mark.parametrize(("title", "cue"), [
    ("16-inch MacBook Pro review: the keyboard is enough", "listicle_number"),  # a measure
    ("2019 Honda Civic review", "listicle_number"),  # a year
    ("How to Install Solar Panels", "question_opener"),  # a guide asks nothing
])
def test_a_number_or_opener_that_is_no_clickbait_form_is_no_cue(title, cue):
    assert cue not in {c["cue"] for c in sensational.headline.score(title)[1]}


@pytest.mark.parametrize(("literal", "loaded", "word"), [
    ("Pick a color scheme for the kitchen walls.", "The plan is a scheme to hide losses.",
     "scheme"),
    ("The Lakers held on for an upset win over Boston.", "Voters were upset by the vote.",
     "upset"),
    ("The shop sits in the historic district by the river.", "It was a historic betrayal.",
     "historic"),
])
def test_a_cue_word_meant_literally_is_no_cue(literal, loaded, word):
    assert cue_of(literal, word) is None
    assert cue_of(loaded, word) is not None


def test_a_cue_word_inside_a_web_or_mail_address_is_no_cue():
    text = "Listen: http://shocking.example/hell or write to outrage@example.com today."
    assert find(text) == []
    assert [e["text"] for e in find("The shocking result was hell.")] == ["shocking", "hell"]


def test_a_word_naming_a_condition_or_a_plain_failure_is_no_cue():
    text = "Symptoms of depression eased. If you fail to water it, the threat of rot grows."
    assert find(text) == []


def test_contraction_without_its_apostrophe_reads_as_the_contraction():
    headline = sensational.headline
    assert headline.restored("youre") == "you're"
    assert headline.restored("dont") == "don't"
    assert headline.restored("heres") == "here's"
    assert headline.restored("were") == "were"  # another word: left alone
    assert headline.score("Heres why youre wrong")[0] == pytest.approx(
        headline.score("Here's why you're wrong")[0])


def test_headline_phrasing_cues_are_word_pairs_never_function_words_alone():
    for title in ("21 Things You Won't Believe This Council Did",
                  "You Have To See These Photos Of The Storm", "Photo gallery"):
        for cue in sensational.headline.score(title)[1]:
            if cue["cue"] == "phrasing":
                words = cue["text"].lower().split()
                assert len(words) == 2
                assert not sensational.lexicon.FUNCTION_WORDS.issuperset(words)
                assert cue["weight"] >= sensational.headline.NGRAM_CUE_MIN


def test_headline_ngram_values_are_a_unit_vector_over_the_titles_ngrams():
    # With every n-gram of the title in the table, the values' squares sum to 1.
    model = {"intercept": 0.0, "weights": {}, "idf_unseen": 5.0,
             "ngrams": {"a": 1.0, "b": 1.0, "a b": 1.0}, "idf": {"a": 1.0, "b": 2.0, "a b": 2.0}}
    values = [v for _, _, v in sensational.headline.ngram_values("a b", model)]
    assert sum(v * v for v in values) == pytest.approx(1.0)
    # An n-gram outside the table weighs in the norm at idf_unseen, and gets no value.
    values = [v for _, _, v in sensational.headline.ngram_values("a c", model)]
    assert values == [pytest.approx(1.0 / (1.0 + 25.0 + 25.0) ** 0.5)]


def test_headline_cues_index_the_title():
    title = "Why You Should Never Ignore These 7 Warning Signs"
    section = sensational.analyze(Document(CALM, "en"), title)
    assert {"second_person", "forward_reference"} <= {c["cue"] for c in section["headline"]["cues"]}
    for cue in section["headline"]["cues"]:
        assert title[cue["start"] : cue["end"]] == cue["text"]


def test_sentence_score_ranks_loaded_above_plain():
    plain = sensational.sentence_score("The council approved the budget on Tuesday.")
    loaded = sensational.sentence_score("The council slammed through a shameless budget!")
    assert 0 <= plain < loaded <= 100


def test_seed_page_evidence_has_its_loaded_phrases(seed_text):
    section = analyze({"text": seed_text})["sensational"]
    by_text = {e["text"]: e for e in section["evidence"]}
    for phrase in ("upended", "glowingly", "cannon fodder", "proverbial", "lend credence"):
        assert phrase in by_text, sorted(by_text)
    assert by_text["lend credence"]["cue"] == "idiom"
    assert by_text["cannon fodder"]["quoted"] is True
    assert by_text["upended"]["quoted"] is False
    for e in section["evidence"]:
        assert seed_text[e["start"] : e["end"]] == e["text"]
    assert section["level"] in ("moderate", "high")


HOSTILE = {
    "one character repeated": "a" * 200_000,
    "quote marks": '"' * 100_000 + "\u201c" * 100_000,
    "newlines": "\n" * 200_000,
    "nested brackets": "(" * 100_000 + ")" * 100_000,
    "lone surrogates": "\ud800 horrific \udfff " * 20_000,
    "zero-width and RTL marks": ("\u200b\u200f unprecedented \u202e" * 20_000),
    "mixed scripts": "\u0627\u0644\u0639\u0631\u0628 \u4e2d\u6587 \u0130STANBUL slammed " * 10_000,
    "cues beyond the word bound": "horrific shocking " * 30_000,
    "alarms": "!?" * 100_000,
}
# The cue words each hostile input holds (none where it holds no word).
HOSTILE_CUES = {"lone surrogates": {"horrific"}, "zero-width and RTL marks": {"unprecedented"},
                "mixed scripts": {"slammed"},
                "cues beyond the word bound": {"horrific", "shocking"}}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_gives_exact_offsets(name):
    text = HOSTILE[name]
    section = sensational.analyze(Document(text, "en"), text[:300])
    for e in section["evidence"]:
        assert text[e["start"] : e["end"]] == e["text"]
    assert {e["text"].lower() for e in section["evidence"]} == HOSTILE_CUES.get(name, set())
    assert len(section["evidence"]) <= sensational.MAX_EVIDENCE
    if section["score"] is not None:
        assert 0 <= section["score"] <= 100
        assert section["words_judged"] <= cues.MAX_WORDS


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["unprecedented", "not", "\u201c", "\u201d", '"', "!", "?",
                                 "SHAME", "ON", "you", "won\u2019t", "believe", "the", "\n",
                                 "\u0130", "craziest", "so-called", "x"]), max_size=80))
def test_evidence_offsets_index_the_text(parts):
    text = " ".join(parts)
    for e in find(text):
        assert text[e["start"] : e["end"]] == e["text"]
        assert e["weight"] > 0


def test_headline_raises_but_never_lowers_the_body_score():
    calm_bait = sensational.analyze(Document(CALM, "en"), "You Won't Believe These 9 Budget Votes")
    assert calm_bait["score"] > calm_bait["body_score"]
    loaded_plain = sensational.analyze(Document(LOADED, "en"), "Council approves budget")
    assert loaded_plain["score"] == loaded_plain["body_score"]


PIECES = ["ABC", "AB", "A", "abc", "ÉTÉ", "AÉB", "é", "’", "\ud800", " ", "  ", "\t", "\n", "1"]


@given(st.lists(st.sampled_from(PIECES), max_size=14).map("".join))
def test_shouting_skeleton_never_hides_a_run_the_text_has(text):
    skeleton = text.encode("utf-8", "surrogatepass").translate(cues.SKELETON)
    assert bool(cues.SHOUT_SKELETON_RE.search(skeleton)) == bool(cues.SHOUT_RE.search(text))


@pytest.mark.parametrize(
    ("text", "name_word"),
    [
        ("The dealer sold a Stunning Kia to the mayor on Tuesday.", "Stunning"),   # brand name
        ("Historic Third Ward residents met on Tuesday.", "Historic"),            # place name
        ("The film won the Golden Raspberry for Worst Picture.", "Worst"),        # award title
        ("Tickets for Shocking Truth sold out in an hour.", "Shocking"),          # work's title
    ],
)
def test_words_of_names_and_titles_are_not_cues(text, name_word):
    assert cue_of(text, name_word) is None
    lowered_word = name_word.lower()
    assert cue_of(f"The result was {lowered_word}, the editorial said.", lowered_word) is not None


def test_capitalised_cue_opening_a_sentence_is_still_a_cue():
    assert cue_of("Stunning losses followed. The board resigned.", "Stunning") is not None


def test_repeated_topic_word_counts_with_falling_weight():
    text = " ".join(["The horrific storm hit the coast."] * 6)
    weights = [e["weight"] for e in find(text) if e["text"] == "horrific"]
    assert len(weights) == 6
    assert weights == sorted(weights, reverse=True) and weights[0] > weights[-1]
    assert weights[-1] == pytest.approx(weights[0] / 6, abs=1e-3)


# Pages written for these tests in French, German and Italian: an opinion piece against a pension
# reform, and the loaded words a reader of each language would point at.
LOADED_PAGES = {"fr": ("loaded_opinion_fr.txt", {"scandaleux", "irresponsable", "honte", "folie"}),
                "de": ("loaded_opinion_de.txt", {"skandalös", "Schande", "blinde"}),
                "it": ("loaded_opinion_it.txt", {"vergogna", "follia", "tradimento"})}


@pytest.mark.parametrize("language", sorted(LOADED_PAGES))
def test_loaded_pages_in_other_languages_get_a_framing_grade_with_their_loaded_words(language):
    name, loaded_words = LOADED_PAGES[language]
    text = (FIXTURES / name).read_text(encoding="utf-8")
    report = analyze({"text": text, "title": text.split("\n", 1)[0]})
    section = report["sensational"]
    assert report["language"]["code"] == language
    assert section["supported"] is True and section["level"] in ("moderate", "high")
    assert section["per_100_words"] > sensational.BODY_THRESHOLDS[language]["moderate"]
    assert loaded_words <= {e["text"] for e in section["evidence"]}
    # The headline has no model in these languages; the body's grade stands.
    assert section["headline"]["reason"] == "unsupported_language"
    assert report["readability"]["supported"] is True
    assert report["sourcing"]["supported"] is False
    assert report["sourcing"]["reason"] == "unsupported_language"


def test_calm_text_in_french_scores_below_a_loaded_one():
    calm = ("Le conseil municipal a voté mardi le budget de l'année prochaine. Il prévoit deux "
            "millions d'euros pour les routes et l'ouverture des bibliothèques le dimanche. ") * 6
    loaded = (FIXTURES / "loaded_opinion_fr.txt").read_text(encoding="utf-8")
    calm_section = sensational.analyze(Document(calm, "fr"), None)
    loaded_section = sensational.analyze(Document(loaded, "fr"), None)
    assert calm_section["per_100_words"] < loaded_section["per_100_words"] / 3


def test_elided_article_is_no_part_of_the_cue():
    text = "Le ministre affiche une arrogance rare, et c'est l'arrogance qui choque. " * 2
    found = [e["text"] for e in cues.find(Document(text, "fr"))]
    assert "arrogance" in found and not any("'" in t for t in found)


def test_german_noun_inside_a_sentence_is_a_cue_but_a_two_word_name_is_not():
    text = "Das Gesetz ist eine Schande für das Land. Die Schande Partei tagt morgen. "
    found = [(e["start"], e["text"]) for e in cues.find(Document(text, "de"))]
    assert (text.index("Schande"), "Schande") in found
    assert all(start != text.rindex("Schande") for start, _ in found)


def test_german_and_french_quotation_marks_make_quotes():
    text = "Er sagte: \u201eDas ist eine Schande\u201c. Il a dit \u00abc'est une honte\u00bb ici."
    spans = cues.quote_ranges(text, 0, len(text)).spans
    assert [text[s:e] for s, e in spans] == ["\u201eDas ist eine Schande\u201c",
                                             "\u00abc'est une honte\u00bb"]


def _span_model(uses: dict[str, tuple[int, int, int]]) -> dict:
    """A trained model as body_cues.fit returns it, for the words `uses` names: word -> (seen,
    inside a framing span, of them capitalised), each word in an article of its own."""
    from collections import Counter

    from newsbadge_dev.training import body_cues

    model = {name: Counter() for name in ("seen", "inside", "capitalised_words", "kind_uses",
                                          "stem_inside", "capitalised", "stem_articles",
                                          "stem_inside_articles")}
    for word, (seen, inside, capitalised) in uses.items():
        stem = body_cues.stem_of(word, "de")
        for key, value in (("seen", seen), ("inside", inside), ("capitalised_words", capitalised)):
            model[key][word] += value
        for key, value in (("kind_uses", seen), ("stem_inside", inside),
                           ("capitalised", capitalised), ("stem_articles", 1),
                           ("stem_inside_articles", inside > 0)):
            model[key][stem] += value
    return model


def test_a_german_noun_needs_more_evidence_than_an_adjective():
    from newsbadge_dev.training import body_cues

    base = 0.15
    # Inside spans in 2 of 5 uses and 2 articles: enough for an adjective, not for a noun.
    model = _span_model({"zynisch": (3, 1, 0), "zynische": (2, 1, 0),
                         "ökonomen": (3, 1, 3), "ökonom": (2, 1, 2)})
    assert body_cues._supported(model, body_cues.stem_of("zynisch", "de"), base, "de")
    assert not body_cues._supported(model, body_cues.stem_of("ökonomen", "de"), base, "de")
    assert not body_cues._own_uses_agree(model, "ökonomen", base, "de")
    assert body_cues._own_uses_agree(model, "zynische", base, "de")


def test_inflections_share_a_stem():
    from newsbadge_dev.training import body_cues

    assert (body_cues.stem_of("catastrophe", "fr") == body_cues.stem_of("catastrophes", "fr"))
    assert body_cues.stem_of("verheerend", "de") == body_cues.stem_of("verheerenden", "de")


def test_a_hand_listed_word_is_a_cue_unless_its_own_uses_say_otherwise():
    from newsbadge_dev.training import body_cues

    # Both in cues_de.tsv as intensifiers; "absolut" sits inside a framing span in 1 of 12 uses,
    # less often than a typical word (0.15): its kind's weight does not make it a cue.
    model = _span_model({"völlig": (12, 6, 0), "absolut": (12, 1, 0)})
    model["kinds"], model["words"] = {"intensifier": 1.2}, {}
    words = body_cues._hand_words(model, 0.15, "de")
    assert "völlig" in words and "absolut" not in words
    assert words["völlig"][:2] == ("intensifier", 1.2)


def test_affix_rules_mark_loaded_compounds_and_their_exceptions():
    from newsbadge_dev.training import body_cues

    rules = [("suffix", "flüge", "none"), ("prefix", "lügen", "emotive"),
             ("suffix", "lüge", "emotive"), ("suffix", "issimo", "superlative")]
    assert body_cues._affix_kind("lügenpresse", rules) == "emotive"
    assert body_cues._affix_kind("lebenslüge", rules) == "emotive"
    assert body_cues._affix_kind("gravissimo", rules) == "superlative"
    assert body_cues._affix_kind("ausflüge", rules) == ""  # an exception: "Ausflüge" (trips)
    assert body_cues._affix_kind("zeitung", rules) == ""


def test_a_kind_inside_spans_as_often_as_a_typical_word_weighs_nothing():
    from newsbadge_dev.training import body_cues

    # 1,000 words of no kind, 5% inside a framing span; 200 of a kind "hot", 60% inside; 200 of
    # a kind "tepid", inside at the rate of all 1,400 words (14%). Above the words of no kind
    # "tepid" would weigh about 1.1, as much as the base rate lies above them; above a typical
    # word it weighs about nothing, whatever share of the words the other kinds take.
    rows = [("c", f"w{i % 50}", "", 0.0, i % 20 == 0, "a", False) for i in range(1000)]
    rows += [("c", f"h{i % 10}", "hot", 0.0, i % 10 < 6, "a", False) for i in range(200)]
    rows += [("c", f"t{i % 10}", "tepid", 0.0, i < 28, "a", False) for i in range(200)]
    kinds = body_cues.fit(rows, [])["kinds"]
    assert abs(kinds["tepid"]) < 0.3
    assert kinds["hot"] > 1.5


def test_semeval_spans_counted_with_crlf_line_breaks_are_read_onto_the_lf_text():
    from newsbadge_dev.framing_sets import line_break_read

    text = "Titre\n\nUne honte absolue.\nEt une folie."
    # Offsets taken on the CRLF file: every line break before a span counts twice.
    crlf = [(text.index("honte") + 2, text.index("honte") + 2 + len("honte"), "Loaded"),
            (text.index("folie") + 3, text.index("folie") + 3 + len("folie"), "Loaded")]
    assert [text[s:e] for s, e, _ in line_break_read(text, crlf)] == ["honte", "folie"]
    # Spans already at word boundaries are kept as they are.
    lf = [(text.index("folie"), text.index("folie") + 5, "Loaded")]
    assert line_break_read(text, lf) == lf


def test_german_compound_of_a_loaded_head_is_a_cue_of_the_heads_weight():
    text = ("Das ist reine Medienpropaganda, sagt er. Die Propaganda wirkt. "
            "Die Ausflüge und die Jahreszeiten bleiben, nach der Flutkatastrophe.")
    found = {e["text"]: e for e in cues.find(Document(text, "de"))}
    assert found["Medienpropaganda"]["cue"] == found["Propaganda"]["cue"]
    assert found["Medienpropaganda"]["weight"] == found["Propaganda"]["weight"]
    # Not a head: "-flüge", "-zeiten"; nor "Katastrophe", whose compounds name events.
    assert not {"Ausflüge", "Jahreszeiten", "Flutkatastrophe"} & set(found)
