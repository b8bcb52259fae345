"""The extension in headless Chromium: badge, popup, highlights, extraction, options, states.

Scores are not asserted (the scorers change); what is asserted is that the extension shows what
the server reported: the same badge text and colour, the same evidence, marked at the same words.
"""

from __future__ import annotations

import pytest
from helpers import PENDING, poll, squeeze

from newsbadge_dev.live_server import free_port

# The news page's upsell box, which its popup must list as a subscription line.
UPSELL = "Go Ad-Free, Get Exclusive Shows and Content, Go Premium Today – $1 Trial"
SECTIONS = ("sensational", "contamination", "sourcing")
# How many of each boilerplate category's lines the popup lists (extension/popup/render.js).
LINES_PER_CATEGORY = 3
METER_BOUNDS = ("min", "max", "low", "high", "optimum")
# The report's evidence per highlight name, as the extension marks it (see lib/report.js).
GROUPS = {
    "newsbadge-sensational": lambda r: [e["text"] for e in r["sensational"]["evidence"]],
    "newsbadge-contamination": lambda r: [s["text"] for s in r["contamination"]["spans"]],
    "newsbadge-sourcing": lambda r: [span["text"] for a in r["sourcing"]["attributions"]
                                     if a.get("kind") != "belief"
                                     for span in (a["source"], a["cue"]) if span],
    "newsbadge-hedge": lambda r: [h["text"] for h in r["sourcing"]["hedges"]],
}


def scale_bounds(scale):
    """The <meter> attributes a report's scale gives: low and high where the levels change."""
    cuts = [cut["below"] for cut in scale["cuts"] if "below" in cut]
    return {"min": scale["min"], "max": scale["max"], "low": cuts[0], "high": cuts[-1],
            "optimum": scale["optimum"]}


def meter_bounds(meter):
    return {name: float(meter.get_attribute(name)) for name in METER_BOUNDS}


def checked(extension, name):
    """Opens a test page, checks it through the popup; returns (page, tab id, popup, state)."""
    page, tab_id = extension.open_tab(name)
    popup = extension.popup(tab_id)
    return page, tab_id, popup, extension.state(tab_id)


def assert_marked_as_reported(extension, tab_id, report):
    marked = extension.marked(tab_id)
    for name, expected in GROUPS.items():
        assert [squeeze(t) for t in marked.get(name, [])] == [squeeze(t) for t in expected(report)]


def test_news_page_badge_and_popup(extension):
    page, tab_id, popup, state = checked(extension, "news.html")
    report = state["report"]
    assert popup.get_attribute("#state", "data-state") == "done"
    text, color = extension.badge(tab_id)
    assert text == report["badge"]["text"] and 0 < len(text) <= 4
    assert color == report["badge"]["color"]
    assert popup.text_content("#badge") == text
    assert popup.text_content("#summary") == report["badge"]["summary"]
    why = popup.text_content("#why")
    assert why.startswith(f"Why {text}: ") and popup.is_visible("#why")
    for reason in report["badge"]["why"]:
        assert reason["text"] in why
    assert popup.locator("#meters .meter").count() == 3
    for section in SECTIONS:
        meter = popup.locator(f'#meters [data-section="{section}"] meter')
        assert float(meter.get_attribute("value")) == pytest.approx(report[section]["score"] or 0)
        assert meter_bounds(meter) == scale_bounds(report[section]["scale"])
    assert_boilerplate_by_category(popup, report)
    extension.screenshot(popup, "popup-chromium.png")


def labels_of(page, function: str, tags: list[str]) -> list[str]:
    """The words lib/labels.js gives each tag (`function`: categoryLabel, cueLabel...)."""
    return page.evaluate(
        "async ([name, tags]) => { const labels = await import('../lib/labels.js');"
        " return tags.map((tag) => labels[name](tag)); }", [function, tags])


def assert_boilerplate_by_category(popup, report):
    """Boilerplate by category in words, most text first, each with its count and its longest
    lines (at most LINES_PER_CATEGORY), the upsell box among them."""
    spans = report["contamination"]["spans"]
    boxes = popup.locator('#evidence [data-section="contamination"] .category')
    kinds = [boxes.nth(i).get_attribute("data-category") for i in range(boxes.count())]
    assert sorted(kinds) == sorted({span["category"] for span in spans})
    lines = []
    for kind, label in zip(kinds, labels_of(popup, "categoryLabel", kinds), strict=True):
        box = popup.locator(f'#evidence .category[data-category="{kind}"]')
        mine = sorted((s["text"] for s in spans if s["category"] == kind), key=len, reverse=True)
        assert box.locator("h3").text_content() == f"{label} ×{len(mine)}" and "_" not in label
        shown = box.locator("button .label").all_text_contents()
        assert shown == mine[:LINES_PER_CATEGORY]
        lines += shown
    assert UPSELL in lines


def test_popup_counts_each_loaded_word_once(extension):
    page, tab_id, popup, state = checked(extension, "news.html")
    evidence = state["report"]["sensational"]["evidence"]
    buttons = popup.locator('#evidence [data-section="sensational"] button')
    labels = buttons.locator(".label").all_text_contents()
    counts = [int(label.rsplit("×", 1)[1]) if "×" in label else 1 for label in labels]
    assert sum(counts) == len(evidence) and len(labels) == len(set(labels))
    kinds = sorted({cue["cue"] for cue in evidence})
    words = dict(zip(kinds, labels_of(popup, "cueLabel", kinds), strict=True))
    assert set(buttons.locator(".note").all_text_contents()) == set(words.values())


def test_popup_says_when_the_headline_moved_the_score(extension):
    page, tab_id, popup, state = checked(extension, "wire.html")
    report = state["report"]
    framing = report["sensational"]
    framing.update(body_score=framing["score"], headline={
        "text": "Exports soar!", "score": 90,
        "cues": [{"start": 8, "end": 12, "text": "soar", "cue": "phrasing", "weight": 0.4}]})
    extension.set_state(tab_id, {**state, "report": report, "checkId": "headline-unmoved"})
    assert extension.popup(tab_id).locator("#meters .headline").count() == 0
    framing["body_score"] = framing["score"] - 10
    extension.set_state(tab_id, {**state, "report": report, "checkId": "headline-moved"})
    moved = extension.popup(tab_id)
    line = moved.text_content("#meters .headline")
    assert "Exports soar!" in line and "raised" in line
    assert "(clickbait phrasing “soar”)" in line  # the headline's evidence, in plain words
    assert f"from {round(framing['score'] - 10)}" in line


def test_report_of_an_older_server_shows_levels_without_meters(extension):
    page, tab_id, popup, state = checked(extension, "wire.html")
    report = state["report"]
    for section in SECTIONS:
        del report[section]["scale"]
    extension.set_state(tab_id, {**state, "report": report, "checkId": "without-scales"})
    older = extension.popup(tab_id)
    assert older.locator("#meters .meter").count() == 3
    assert older.locator("#meters meter").count() == 0
    for section in SECTIONS:
        level = older.text_content(f'#meters [data-section="{section}"] .level')
        assert level.endswith(f"({int(report[section]['score'] + 0.5)})"), level


def test_extraction_sends_visible_text_and_blocks(extension):
    page, tab_id, popup, state = checked(extension, "news.html")
    request = extension.in_page(tab_id, "() => newsbadgeExtract()")
    assert "Go Ad-Free, Get Exclusive Shows" in request["text"]
    assert "This hidden sentence" not in request["text"]
    assert "/news.html?tab=" in request["url"] and request["title"]
    assert len(request["text"]) == state["textLength"]
    blocks = {block["text"]: block for block in request["blocks"]}
    upsell = next(b for text, b in blocks.items() if text.startswith("Go Ad-Free"))
    assert "upsell" in upsell["class_words"] and upsell["tag"] == "p"
    menu = blocks["Home"]
    assert menu["link_density"] == 1.0 and menu["readability_kept"] is False
    story = next(b for text, b in blocks.items() if text.startswith("Council member Dana Reyes"))
    assert story["readability_kept"] is True and story["link_density"] == 0.0


@pytest.mark.parametrize("name", ["news.html", "emoji.html"])
def test_highlights_mark_the_reported_words(extension, name):
    page, tab_id, popup, state = checked(extension, name)
    height = page.evaluate("document.body.getBoundingClientRect().height")
    mutations = page.evaluate("window.pageMutations ?? 0")
    popup.check("#highlights")
    poll(lambda: extension.state(tab_id)["highlights"], bool)
    assert_marked_as_reported(extension, tab_id, state["report"])
    # Highlights add no element and change no layout; the page's own script saw nothing.
    assert page.evaluate("document.body.getBoundingClientRect().height") == height
    assert page.evaluate("window.pageMutations ?? 0") == mutations
    popup.uncheck("#highlights")
    poll(lambda: extension.state(tab_id)["highlights"], lambda on: on is False)
    assert not [n for n in extension.marked(tab_id) if n != "newsbadge-flash"]


def test_checking_again_removes_the_previous_marks(extension):
    page, tab_id, popup, state = checked(extension, "news.html")
    popup.check("#highlights")
    poll(lambda: extension.marked(tab_id), lambda marked: "newsbadge-sensational" in marked)
    popup.click("#recheck")
    poll(lambda: extension.state(tab_id),
         lambda new: new["status"] == "done" and new["checkId"] != state["checkId"])
    assert not [n for n in extension.marked(tab_id) if n != "newsbadge-flash"]
    assert not popup.is_checked("#highlights")


def test_evidence_item_reveals_its_words(extension):
    page, tab_id, popup, state = checked(extension, "emoji.html")
    button = popup.locator("#evidence li button").first
    start, end = int(button.get_attribute("data-start")), int(button.get_attribute("data-end"))
    button.click()
    flashed = poll(lambda: extension.marked(tab_id).get("newsbadge-flash"), bool)
    report = state["report"]
    sourcing = report["sourcing"]
    everything = [*report["sensational"]["evidence"], *report["contamination"]["spans"],
                  *[a["cue"] for a in sourcing["attributions"]], *sourcing["hedges"],
                  # a source's item reveals its first mention, which its first citation names
                  *[a["source"] for a in sourcing["attributions"] if a["source"]]]
    item = next(i for i in everything if (i["start"], i["end"]) == (start, end))
    expected = item["text"]
    assert squeeze(expected) in squeeze(flashed[0])


def test_wire_story_is_checked(extension):
    page, tab_id, popup, state = checked(extension, "wire.html")
    assert state["status"] == "done"
    assert extension.badge(tab_id)[0] == state["report"]["badge"]["text"]


def test_popup_lists_the_sources_first_with_their_roles(extension):
    page, tab_id, popup, state = checked(extension, "wire.html")
    sourcing = state["report"]["sourcing"]
    assert popup.locator("#evidence > details").first.get_attribute("data-section") == "sourcing"
    buttons = popup.locator('#evidence [data-section="sourcing"] li button')
    shown = buttons.locator(".label").all_text_contents()
    notes = buttons.locator(".note").all_text_contents()
    analyst = next(s for s in sourcing["sources"] if s["name"] == "Marta Kowalczyk")
    assert analyst["title"] == "analyst at a commodities consultancy"
    assert shown[:len(sourcing["sources"])] == [
        s["name"] + (f" — {s['title']}" if s.get("title") else "") for s in sourcing["sources"]]
    kinds = labels_of(popup, "sourceKindLabel", [s["kind"] for s in sourcing["sources"]])
    assert notes[:len(kinds)] == [
        f"{kind} · {s['mentions']} mention{'' if s['mentions'] == 1 else 's'}"
        for kind, s in zip(kinds, sourcing["sources"], strict=True)]
    assert "person · 1 mention" in notes
    # The reporting that names no source is one item, not a list of bare cue words.
    assert sourcing["unattributed"] > 0
    assert [t for t in shown if "no source" in t] == [
        f"Reporting with no source named ×{sourcing['unattributed']}"]


def test_french_page_shows_its_framing_cues_and_what_sourcing_cannot_do(extension):
    page, tab_id, popup, state = checked(extension, "french.html")
    report = state["report"]
    assert popup.get_attribute("#state", "data-state") == "done"
    shown = popup.locator('#evidence [data-section="sensational"] li button').all_text_contents()
    cues = [e["text"] for e in report["sensational"]["evidence"]]
    assert {"scandaleux", "honte", "folie"} <= set(cues)
    assert [squeeze(t) for t in shown] and all(
        any(squeeze(cue) in squeeze(t) for cue in cues) for t in shown)
    assert "language not supported" in popup.text_content('#meters [data-section="sourcing"]')


@pytest.mark.parametrize(("name", "expected"), [("foreign.html", "unsupported_language"),
                                                 ("short.html", "too_short")])
def test_pages_that_cannot_be_judged(extension, name, expected):
    page, tab_id, popup, state = checked(extension, name)
    assert popup.get_attribute("#state", "data-state") == expected
    assert popup.is_visible("#state-text")
    assert extension.badge(tab_id)[0] == state["report"]["badge"]["text"]


def test_navigation_clears_the_badge_and_report(extension, running):
    page, tab_id, popup, state = checked(extension, "wire.html")
    assert extension.badge(tab_id)[0]
    page.goto(f"{running.pages}/short.html")
    poll(lambda: extension.badge(tab_id)[0], lambda text: text == "")
    assert extension.state(tab_id) is None
    popup.wait_for_selector('#state[data-state="not_checked"]')
    assert popup.is_visible("#check")


def test_server_errors_are_explained(extension, running):
    try:
        extension.configure(f"http://127.0.0.1:{free_port()}", running.api_key)
        page, tab_id, popup, state = checked(extension, "wire.html")
        assert popup.get_attribute("#state", "data-state") == "unreachable"
        assert popup.is_visible("#options-link")
        assert extension.badge(tab_id)[0] == "!"
        extension.configure(running.server, "not-the-key")
        popup.click("#check")
        poll(lambda: extension.wait_for_answer(popup), lambda s: s not in PENDING)
        assert popup.get_attribute("#state", "data-state") == "unauthorized"
    finally:
        extension.configure(running.server, running.api_key)


def test_options_round_trip(extension, running):
    extension.configure(running.server, running.api_key, sensational="#123456")
    page = extension.options()
    assert page.input_value("#server-url") == running.server
    assert page.input_value("#api-key") == running.api_key
    assert page.input_value("#color-sensational") == "#123456"
    stored = extension.sync_settings()
    assert stored["serverUrl"] == running.server and stored["apiKey"] == running.api_key
    assert stored["colors"]["sensational"] == "#123456"


def test_opted_in_site_is_checked_on_load(extension, running):
    options = extension.options()
    options.fill("#site", running.pages)
    options.click("#add-site")
    poll(lambda: extension.sync_settings().get("autoSites"), lambda s: s == [running.pages])
    try:
        page = extension.context.new_page()
        page.goto(f"{running.pages}/wire.html")
        tab_id = extension.evaluate(
            "async (url) => (await chrome.tabs.query({})).find((t) => t.url === url).id", page.url)
        state = poll(lambda: extension.state(tab_id), lambda s: s and s["status"] == "done")
        assert extension.badge(tab_id)[0] == state["report"]["badge"]["text"]
    finally:
        options.click("#sites button")
        poll(lambda: extension.sync_settings().get("autoSites"), lambda s: s == [])
