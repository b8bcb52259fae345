"""The sourcing section: cues, sources and their kinds, merging, quotes, hedges, levels."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsbadge import sourcing
from newsbadge.document import Document
from newsbadge.text import Ranges

FIXTURES = Path(__file__).parent / "fixtures" / "sourcing"
FILLER = (" The weather in the region stayed mild through the week, and traffic on the main roads "
          "moved at its usual pace while schools prepared for the holidays.") * 6


def section(text: str, language: str = "en", boilerplate: Ranges | None = None) -> dict:
    return sourcing.analyze(Document(text, language, boilerplate or Ranges()))


def by_cue(result: dict) -> dict:
    return {a["cue"]["text"].lower(): a for a in result["attributions"]}


def names(result: dict) -> dict:
    return {s["name"]: s for s in result["sources"]}


def checked_names(text: str) -> dict:
    """The sources of `text` by name, after checking every offset of its section."""
    result = section(text)
    assert_offsets(text, result)
    return names(result)


def assert_offsets(text: str, result: dict) -> None:
    for a in result["attributions"]:
        assert text[a["cue"]["start"]:a["cue"]["end"]] == a["cue"]["text"]
        assert a["start"] <= a["cue"]["start"] < a["cue"]["end"] <= a["end"]
        if a["source"]:
            assert text[a["source"]["start"]:a["source"]["end"]] == a["source"]["text"]
    for h in result["hedges"]:
        assert text[h["start"]:h["end"]] == h["text"]


@pytest.fixture(scope="module")
def council():
    text = (FIXTURES / "council.txt").read_text(encoding="utf-8")
    return text, section(text)


@pytest.mark.parametrize("sentence, cue", [
    ("Mayor Ana Lopez said the plan was ready.", "said"),
    ("The plan was ready, Mayor Ana Lopez told reporters.", "told"),
    ("According to the ministry, the plan was ready.", "according"),
    ("Ana Lopez claimed the plan was ready.", "claimed"),
    ("Ana Lopez wrote that the plan was ready.", "wrote"),
    ("Ana Lopez tweeted that the plan was ready.", "tweeted"),
    ("Ana Lopez believes the plan is ready.", "believes"),
    ("Ana Lopez wants the plan to be ready.", "wants"),
    ("Ana Lopez put it plainly: “The plan is ready.”", ":"),
])
def test_each_kind_of_cue_is_found(sentence, cue):
    text = sentence + FILLER
    result = section(text)
    assert cue in by_cue(result), [a["cue"]["text"] for a in result["attributions"]]
    assert_offsets(text, result)


def test_source_named_before_the_cue(council):
    text, result = council
    first = next(a for a in result["attributions"] if a["cue"]["text"] == "said")
    assert first["source"]["text"] == "Dana Whitfield"
    assert first["source"]["start"] < first["cue"]["start"]
    assert names(result)["Dana Whitfield"]["kind"] == "person"


def test_source_after_the_cue(council):
    text, result = council
    for name, kind in [("Associated Press", "outlet"), ("Marcus Oyelaran", "person")]:
        cited = next(a for a in result["attributions"]
                     if a["source"] and a["source"]["name"] == name)
        assert cited["source"]["start"] > cited["cue"]["end"]
        assert names(result)[name]["kind"] == kind


def test_a_subject_with_an_appositive_is_the_source_not_what_follows_the_cue():
    text = "The mayor, Ana Lopez, said in a statement that the plan was ready." + FILLER
    said = by_cue(section(text))["said"]
    assert said["source"]["start"] < said["cue"]["start"]
    assert said["source"]["kind"] == "person"
    inverted = "The plan is ready, said Ana Lopez." + FILLER
    assert by_cue(section(inverted))["said"]["source"]["text"] == "Ana Lopez"


def test_pronoun_and_surname_resolve_to_the_last_named_person(council):
    text, result = council
    whitfield = [a for a in result["attributions"]
                 if a["source"] and a["source"]["name"] == "Dana Whitfield"]
    assert {a["source"]["text"] for a in whitfield} >= {"she", "Whitfield"}
    assert names(result)["Dana Whitfield"]["mentions"] >= 3


def test_pronoun_resolves_on_its_own_line_first_then_in_earlier_paragraphs():
    earlier = ("Ana Lopez chairs the board.\nThe vote came late on Tuesday.\n"
               "She said the plan was ready." + FILLER)
    assert by_cue(section(earlier))["said"]["source"]["name"] == "Ana Lopez"
    own_line = ("Ana Lopez chairs the board.\nAfter Marcus Oyelaran arrived, he said the plan "
                "was ready." + FILLER)
    assert by_cue(section(own_line))["said"]["source"]["name"] == "Marcus Oyelaran"


def test_a_possessive_names_its_owner_a_person_or_a_place():
    person = "Marcus Oyelaran’s office called on Monday. He said the plan was ready." + FILLER
    assert by_cue(section(person))["said"]["source"]["name"] == "Marcus Oyelaran"
    place = ("Ana Lopez chairs the board. Talks in North Korea’s capital ran late. She said the "
             "plan was ready." + FILLER)
    assert by_cue(section(place))["said"]["source"]["name"] == "Ana Lopez"
    assert "North Korea’s" not in names(section(place))


def test_a_name_before_a_full_stop_is_the_person_not_the_sentence_after_it():
    text = ("Lawmakers praised Marcus Oyelaran. That was Tuesday.\nHe said the plan was ready."
            + FILLER)
    assert by_cue(section(text))["said"]["source"]["name"] == "Marcus Oyelaran"
    initial = "Officials thanked Ana J. Lopez. He said the plan was ready." + FILLER
    assert by_cue(section(initial))["said"]["source"]["name"] == "Ana J. Lopez"


def test_quote_spanning_paragraphs_runs_to_its_closing_mark():
    text = ("Nadia Berg, who leads the union, spoke after the meeting. "
            "“We asked for a fair deal, she said.\n“We were told to wait.” " + FILLER)
    text = text.replace("deal, she said.", "deal,” she said, “and nothing came.")
    result = section(text)
    attribution = by_cue(result)["said"]
    assert attribution["quote"] is True
    assert text[attribution["end"] - 1] == "”"
    assert "\n" in text[attribution["start"]:attribution["end"]]


def test_anonymous_and_document_sources(council):
    _, result = council
    kinds = {s["kind"] for s in result["sources"]}
    assert {"anonymous", "person", "outlet"} <= kinds
    memo = section("A leaked memo shows the ministry knew of the delay." + FILLER)
    assert names(memo)["a leaked memo"]["kind"] == "document"


def test_hedges_are_their_own_spans(council):
    text, result = council
    assert {h["text"] for h in result["hedges"]} == {"has yet to be verified", "reportedly"}
    assert_offsets(text, result)


def test_text_without_sourcing_is_thin():
    result = section(FILLER * 2)
    assert result["attributions"] == [] and result["sources"] == []
    assert result["level"] == "thin" and result["per_1000_words"] == 0


def test_density_rises_with_attributions(council):
    text, result = council
    assert result["level"] in {"moderate", "well_sourced"}
    assert result["per_1000_words"] > section(FILLER * 2)["per_1000_words"]
    assert 0 <= result["score"] <= 100


def test_boilerplate_is_not_judged():
    text = "Subscribe now, our editor said. " + FILLER
    clean = section(text)
    skipped = section(text, boilerplate=Ranges.of([(0, 32)]))
    assert "said" in by_cue(clean) and "said" not in by_cue(skipped)


def test_non_english_and_short_texts_are_insufficient():
    german = section("Der Minister sagte am Dienstag, der Plan sei fertig. " * 20, language="de")
    assert german["level"] == "insufficient" and german["reason"] == "unsupported_language"
    short = section("The minister said the plan was ready.")
    assert short["level"] == "insufficient" and short["score"] is None


@pytest.mark.parametrize("language, text, cue", [
    ("fr", "Selon le ministre, le plan est prêt. Il a parlé mardi devant les élus. ", "Selon"),
    ("de", "Der Plan sei fertig, sagte der Minister. Er war am Dienstag im Parlament. ", "sagte"),
    ("it", "Secondo il ministro, il piano è pronto. Ha parlato martedì in aula. ", "Secondo"),
    ("es", "Según el ministro, el plan está listo. Habló el martes ante los diputados. ", "Según"),
])
def test_reporting_cues_of_other_languages_are_listed_but_not_graded(language, text, cue):
    found = section(text * 10, language=language)
    assert found["score"] is None and found["reason"] == "unsupported_language"
    assert len(found["attributions"]) == 10
    first = found["attributions"][0]
    assert first["cue"]["text"] == cue and first["source"] is None
    assert first["start"] <= first["cue"]["start"] < first["cue"]["end"] <= first["end"]


def test_names_inside_sentences_are_not_cues():
    result = section("He moved to the United States and joined the New York Post." + FILLER)
    assert result["attributions"] == []


@pytest.mark.parametrize("hostile", ["\ud800 said \u200f“" * 2000, "“" * 40_000,
                                     "((((" * 20_000 + " said", "Она сказала, он said. " * 500])
def test_hostile_inputs_keep_offsets_and_the_attributions_they_hold(hostile):
    """A real attribution before the hostile part is still found with its source; each "said"
    in the hostile part is at most one attribution, and some are found; no more are listed than
    the report's bound."""
    known = "Mayor Ana Lopez said the plan was ready. "
    text = known + hostile + FILLER
    result = section(text)
    assert_offsets(text, result)
    first, *rest = result["attributions"]
    assert (first["cue"]["text"], first["source"]["name"]) == ("said", "Ana Lopez")
    assert names(result)["Ana Lopez"]["title"] == "Mayor"
    in_hostile = [a for a in rest if len(known) <= a["cue"]["start"] < len(known) + len(hostile)]
    assert {a["cue"]["text"] for a in in_hostile} <= {"said"}
    if "said" in hostile:
        assert 0 < len(in_hostile) <= hostile.count("said")
    else:
        assert in_hostile == []
    assert len(result["attributions"]) <= sourcing.MAX_LISTED


def test_seed_page_sources_and_hedges(seed_text):
    text = seed_text
    result = section(text)
    found = names(result)
    for name in ["New York Post", "Channel One", "Igor Korotchenko", "Richard Moore",
                 "National Review", "Alexander Matsegora"]:
        assert name in found, sorted(found)
    assert found["Richard Moore"]["title"] == "British Intelligence MI6 Chief"
    assert found["Channel One"]["title"] == "Russian state television"
    assert {"has yet to be verified", "reportedly"} <= {h["text"] for h in result["hedges"]}
    assert_offsets(text, result)


def test_appositive_between_source_and_cue():
    text = "Lena Marsh, the port director, said the pier would reopen in May." + FILLER
    attribution = by_cue(section(text))["said"]
    assert attribution["source"]["name"] == "Lena Marsh"
    assert names(section(text))["Lena Marsh"]["title"] == "port director"


def test_a_title_alone_is_a_person_and_passive_cues_look_after():
    text = ("The mayor said a review was due. The figures were reported by Reuters on Monday. "
            "Lena Marsh was asked about the delay." + FILLER)
    result = section(text)
    assert names(result)["the mayor"]["kind"] == "person"
    assert by_cue(result)["reported"]["source"]["name"] == "Reuters"
    assert by_cue(result)["asked about"]["source"] is None  # passive: no speaker named
    assert "Lena Marsh" not in names(result)


def test_a_participle_continues_the_attribution_before_it():
    text = "Ana Lopez said the plan was ready, adding that it would cost less." + FILLER
    adding = by_cue(section(text))["adding"]
    assert adding["source"]["name"] == "Ana Lopez"
    assert adding["source"]["start"] == 0


@pytest.mark.parametrize("hedge", ["could not be independently verified", "Allegedly",
                                   "sources say", "It is believed that", "unconfirmed"])
def test_each_hedge_form_is_a_span(hedge):
    text = f"The convoy, {hedge}, crossed the border at night." + FILLER
    assert [h["text"] for h in section(text)["hedges"]] == [hedge]


def test_belief_verbs_are_attributions_but_not_sourcing():
    text = "Ana Lopez wants the plan to be ready. She hopes it passes." + FILLER
    result = section(text)
    assert [a["kind"] for a in result["attributions"]] == ["belief", "belief"]
    assert all(a["source"] is None for a in result["attributions"])
    assert result["beliefs"] == 2 and result["reporting"] == 0
    assert result["sources"] == [] and result["per_1000_words"] == 0
    reported = section("Ana Lopez said the plan was ready." + FILLER)
    assert by_cue(reported)["said"]["kind"] == "reporting" and reported["per_1000_words"] > 0


def test_the_writers_first_person_is_reported_apart_and_never_a_source():
    text = ("I’ve said for years that the bridge was too narrow. We asked the council twice. "
            "Our research shows the traffic doubled. “I told them no,” Ana Lopez said." + FILLER)
    result = section(text)
    assert result["first_person"] == 3
    listed = names(result)
    assert set(listed) == {"Ana Lopez"}, listed
    told = by_cue(result)["told"]
    assert told["source"] is None and "first_person" not in told  # the quoted speaker's "I"


def test_a_pronoun_with_no_earlier_name_is_no_source():
    text = "He said the plan was ready. It said the rest would follow." + FILLER
    result = section(text)
    assert [a["source"] for a in result["attributions"]] == [None, None]
    assert result["sources"] == [] and result["unattributed"] == 2


def test_menu_words_and_bare_capitals_are_no_sources():
    menu = "Home News Master of Science Abu Dhabi Campus Life Admissions"
    text = (menu + "\nHe said the plan was ready. Note in the Pocket said the fund would grow. "
            "Paid said nothing." + FILLER)
    result = section(text, boilerplate=Ranges.of([(0, len(menu))]))
    assert result["sources"] == [], result["sources"]
    assert {a["cue"]["text"] for a in result["attributions"]} >= {"said"}
    heading = section("Why You Don’t Need It\nWhy You Don’t said the rest. AI-powered tools "
                      "said little. Later, Ocasio-Cortez said more." + FILLER)
    assert set(names(heading)) == {"Ocasio-Cortez"}, names(heading)


def test_unnamed_sources_weigh_less_and_cannot_make_a_page_well_sourced():
    claims = ("Sources say the deal is close. Insiders claim the board agreed. Officials said "
              "talks went on, sources told reporters. ") * 4
    result = section(claims + FILLER)
    assert {s["kind"] for s in result["sources"]} == {"anonymous"}
    assert result["mostly_anonymous"] is True and result["anonymous_share"] == 1.0
    assert result["named_share"] == 0.0 and result["level"] != "well_sourced"
    assert result["score"] < 50
    named = section(claims.replace("Sources say", "Ana Lopez said")
                    .replace("Insiders claim", "Marcus Oyelaran claimed")
                    .replace("sources told", "Lena Marsh told") + FILLER)
    assert named["mostly_anonymous"] is False
    assert named["per_1000_words"] > result["per_1000_words"]


def test_a_headline_line_does_not_swallow_the_first_sentences_attribution():
    text = ("Harbour Town Council Approves Bridge Plan After Long Conflict\nAccording to a report "
            "from the New York Post, the council voted on Tuesday." + FILLER)
    result = section(text)
    assert by_cue(result)["according"]["source"]["name"] == "New York Post"


def test_sources_list_their_cue_words():
    text = "Ana Lopez said the plan was ready. Lopez also added that it was cheap." + FILLER
    listed = names(section(text))
    assert listed["Ana Lopez"]["cues"] == ["said", "also added"]
    assert listed["Ana Lopez"]["mentions"] == 2


def test_seed_page_with_its_headline_first_keeps_the_new_york_post(seed_text):
    text = seed_text
    headline = text.strip().splitlines()[-3]  # the page's title, shown as its last lines
    result = section(headline + "\n" + text)
    assert by_cue(result)["according"]["source"]["name"] == "New York Post"
    assert_offsets(headline + "\n" + text, result)


def test_places_and_facilities_are_no_sources_and_no_antecedents():
    text = ("Tom Stier grew up racing in the Bay Area. He said the Go-Kart Track closed in May."
            + FILLER)
    result = section(text)
    assert by_cue(result)["said"]["source"]["name"] == "Tom Stier"
    assert not {"Bay Area", "Go-Kart Track"} & set(names(result))
    street = "Traders on Wall Street said the rally was over." + FILLER
    assert by_cue(section(street))["said"]["source"] is None


def test_a_pronoun_prefers_the_surname_that_opens_the_sentence_before_it():
    text = ("Tom Stier met Kevin Mayer in March. “We will race again,” Stier said. "
            "He added that the season was long." + FILLER)
    assert by_cue(section(text))["added"]["source"]["name"] == "Tom Stier"
    subject = ("Tom Stier met Kevin Mayer in March.\nStier called the season long. "
               "He said it would end in June." + FILLER)
    assert by_cue(section(subject))["said"]["source"]["name"] == "Tom Stier"


def test_owners_titles_and_phrases_are_split_off_the_persons_name():
    owner = "The figures were new. NBC’s Dante Chinni said the gap had closed." + FILLER
    assert by_cue(section(owner))["said"]["source"]["name"] == "Dante Chinni"
    office = ("The talks went on. Secretary of State Hillary Clinton arrived late. She said the "
              "talks would go on." + FILLER)
    assert by_cue(section(office))["said"]["source"]["name"] == "Hillary Clinton"
    origin = ("The vote was close. Senator Jane Okafor of Ohio spoke first. She said the vote "
              "was fair." + FILLER)
    assert by_cue(section(origin))["said"]["source"]["name"] == "Jane Okafor"


def test_a_sentences_capital_and_a_closing_acronym_are_not_a_persons_name():
    text = ("The hearing ran late. Would Adam Schiff have pleaded for more time? Adam Schiff "
            "pleaded for it. The Chinese CDC has said the risk was low." + FILLER)
    result = section(text)
    assert "Would Adam Schiff" not in names(result) and "Adam Schiff" in names(result)
    assert names(result)["Chinese CDC"]["kind"] == "organization"


def test_a_documents_publisher_is_the_source():
    text = ("According to a report in the Argus Leader of Sioux Falls, the campaign cost $449,000. "
            "A report by the Associated Press said the agency was paid. According to a report in "
            "South Dakota, the campaign will run all year." + FILLER)
    found = checked_names(text)
    assert found["Argus Leader"]["kind"] == "outlet"
    assert found["Associated Press"]["kind"] == "outlet"
    assert "the Associated Press" not in found, "one outlet, one entry"
    assert found["a report"]["kind"] == "document", "'in' a place is no publisher"


def test_an_appositive_that_goes_on_to_say_what_happened_is_no_title():
    text = ("According to Jane Smith, the mayor resigned on Friday. Tom Lee, a spokesman for "
            "the council, said the vote was close." + FILLER)
    found = names(section(text))
    assert "title" not in found["Jane Smith"]
    assert found["Tom Lee"]["title"] == "spokesman for the council"


def test_a_run_sheds_the_place_and_the_day_around_a_name_and_a_paper_is_an_outlet():
    text = ("The San Francisco Chronicle says the van was stolen. Special envoy to Ukraine Kurt "
            "Volker said the talks went on. Governor Ann Dale wrote on Twitter Tuesday that the "
            "bridge would open. She added that it was safe. Hours later, said Lt. "
            "Matt Harris, the suspect was arrested." + FILLER)
    found = checked_names(text)
    assert found["San Francisco Chronicle"]["kind"] == "outlet"
    assert "Kurt Volker" in found and "Ukraine Kurt Volker" not in found
    assert "Twitter Tuesday" not in found and found["Ann Dale"]["mentions"] == 2
    assert "Lt" not in found


def test_a_title_keeps_its_owners_and_nothing_else():
    text = ("Wells Fargo analyst Zachary Fadem wrote that sales fell. Did President Donald Trump "
            "threaten the aid? Retired Lt. Col. Alexander Vindman said he did not know. "
            "ISTANBUL EXPLOSION Turkish President Recep Erdogan said the blast was an attack. "
            "Fan Mengguang, deputy director of the regional disease prevention and control centre "
            "at the time, told reporters the risk was low. Photos of the queue were posted on "
            "Weibo by users." + FILLER)
    found = names(section(text))
    assert found["Zachary Fadem"]["title"] == "Wells Fargo analyst"
    assert found["Donald Trump"]["title"] == "President"
    assert found["Alexander Vindman"]["title"] == "Retired Lt. Col."
    assert found["Recep Erdogan"]["title"] == "Turkish President"
    cut = found["Fan Mengguang"]["title"]
    assert cut.endswith(" …") and cut.removesuffix(" …") in text, "cut on a whole word"
    assert "Weibo" not in found, "where it was posted is no source"


# (sentence, name, what its source says: its title, its kind, or None for no such source)
NAMED_CASES = [
    ("“We will not stop,” said Mayor Jane Smith.", "Jane Smith", ("title", "Mayor")),
    ("“It is over,” said White House spokesman Hogan Gidley.", "Hogan Gidley",
     ("title", "White House spokesman")),
    ("“Not yet,” said Representative Charles B. Rangel of New York.", "Charles B. Rangel",
     ("kind", "person")),  # a middle initial's stop ends no name
    ("“Maybe,” said a Google executive.", "a Google executive", ("kind", "anonymous")),
    ("“It is new,” one researcher told Cutts.", "one researcher", ("kind", "anonymous")),
    ("The mayor said the bridge would open.", "the mayor", ("kind", "person")),
    ("Another RT America host, Abby Martin, had denounced the annexation.", "Abby Martin",
     ("title", "RT America host")),  # an anonymous role names the person beside it
    ("China and Thailand boast the most buyers, according to Thailand.", "Thailand",
     ("kind", "organization")),  # a country from ISO 3166 (iso_places.txt), never a person
    ("Texas Instruments said sales fell.", "Texas Instruments", ("kind", "organization")),
    ("Virginia Woolf wrote that a room was needed.", "Virginia Woolf", ("kind", "person")),
    ("Khan Academy says the course is free.", "Khan Academy", ("kind", "organization")),
    ("According to the Q2 2025 Pulse Survey, buyers say prices rose.", "Q2", None),
    ("The plan was announced on Tuesday by Governor Ann Dale.", "Ann Dale",
     ("title", "Governor")),  # a passive's agent after an adjunct
    ("Her campaign manager, Robby Mook, suggested the vote was unlawful.", "Robby Mook",
     ("title", "campaign manager")),
    ("Officials in Inner Mongolia said the mine had closed.", "Officials in Inner Mongolia",
     ("kind", "anonymous")),
    ("Officials in Inner Mongolia said the mine had closed.", "Inner Mongolia", None),
    ("A spokesman for Acme Corp said the drug worked.", "a spokesman for Acme Corp",
     ("kind", "anonymous")),
    ("A source close to the government said the deal was off.",
     "a source close to the government", ("kind", "anonymous")),
    ("People close to the president said he was angry.", "People close to the president",
     ("kind", "anonymous")),
    ("The agency, citing an anonymous government source, said talks stalled.",
     "an anonymous government source", ("kind", "anonymous")),
    ("Dale Ruiz, who leads the coalition, told VOA reporter Carla Babb that the talks failed.",
     "Carla Babb", None),  # who was told is no source
    ("Dale Ruiz, who leads the coalition, told VOA reporter Carla Babb that the talks failed.",
     "Dale Ruiz", ("kind", "person")),
    ("Zoghlin, Carlineo’s attorney, told reporters that the plan was over.",
     "Carlineo’s attorney", ("kind", "person")),
    ("Woodrow Benford, 58, who lives outside Minneapolis, says he did not know.",
     "Woodrow Benford", ("kind", "person")),
    ("Woodrow Benford, 58, who lives outside Minneapolis, says he did not know.",
     "Minneapolis", None),
    ("Mining firms, including Patriot, declared bankruptcy.", "Patriot", None),
    ("A shooting hit San Bernardino, where authorities reported 20 victims.", "authorities",
     ("kind", "anonymous")),  # "where" opens no source
    ("The chatbot erred, according to OpenAI, which said it would fix it.", "OpenAI",
     ("kind", "organization")),
    ("Data from Senator Mitch McConnell showed a gain, McConnell said.", "Mitch McConnell",
     ("kind", "person")),
    ("Bands will announce #FeelTheBern concerts.", "FeelTheBern", None),
    ("House Democrats said the bill was dead.", "House Democrats", ("kind", "organization")),
    ("According to CBS Sports NFL Insider Jason La Canfora, the deal is done.",
     "Jason La Canfora", ("title", "CBS Sports NFL Insider")),
    ("According to Taiwanese, the bill was dead.", "Taiwanese", None),
    # The round of stop 31: words a reader laughed at as "persons".
    ("The ads cost $449,000, according to the Sioux Falls Argus Leader.",
     "Sioux Falls Argus Leader", ("kind", "organization")),  # "the" opens no person's name
    ("The authors of the research published in the journal JAMA Psychiatry argued that bans "
     "failed.",
     "JAMA Psychiatry", ("kind", "organization")),  # an acronym opens an organisation's name
    ("“We are ready,” said TJ Watt after the game.", "TJ Watt", ("kind", "person")),
    ("The city is safer, according to NYPD Commissioner James Ford.", "James Ford",
     ("title", "NYPD Commissioner")),
    ("The Doobie Brothers announced a tour.", "Doobie Brothers", ("kind", "organization")),
    ("Owen Dempsey treated him. Because Dempsey told the court otherwise, the case went on.",
     "Owen Dempsey", ("kind", "person")),
    ("Whatever Dempsey says, the case goes on.", "Whatever Dempsey", None),
    ("Turnout fell, according to Kansas City, where voters stayed home.", "Kansas City",
     ("kind", "organization")),  # a city of cities.txt speaks through its government
    ("The budget grew by $2 million, the city of Chicago said.", "Chicago",
     ("kind", "organization")),
    ("Joaquin Phoenix starred. “It was hard,” Phoenix said.", "Joaquin Phoenix",
     ("kind", "person")),  # a surname named before wins over the city
    ("Growth slowed, Nov said.", "Nov", None),  # a month's abbreviation
    ("Palestinians said the talks were over.", "Palestinians", None),  # a demonym
    ("Doctors of the Royal Infirmary in the UK told the tale.", "UK", None),  # where, not who
    ("Fans of other TV shows and your favorite TV show wait.", "other TV", None),  # a compound
]


@pytest.mark.parametrize(("sentence", "name", "expected"), NAMED_CASES)
def test_who_a_sentence_names_as_its_source(sentence, name, expected):
    found = checked_names(sentence + FILLER)
    if expected is None:
        assert name not in found
    else:
        key, value = expected
        assert found[name][key] == value
