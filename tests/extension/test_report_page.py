"""The full report in headless Chromium: the server's `/` page (paste the seed page, read its
report; a 413 and a 422 explained) and the extension's report page for a checked tab, both drawn
by extension/report/render.js; zero axe-core violations of WCAG A and AA on both, light and dark.
Screenshots of both schemes are written to tests/extension/artifacts (docs/screenshots holds the
committed ones)."""

from __future__ import annotations

import pytest
from helpers import ARTIFACTS, POPUP_SIZE, assert_full_report, axe_violations

from newsbadge_dev.paths import REPO

SEED = REPO.parent / "shared" / "samples" / "seed-article.txt"
SEED_TITLE = "Russian State TV Claims North Korea Offering 100K Troops"
WIDE = {"width": 900, "height": 1100}
PHONE = {"width": 375, "height": 800}


def shot(page, name: str):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name))


@pytest.fixture
def home(context, running):
    page = context.new_page()
    page.set_viewport_size(WIDE)
    page.goto(f"{running.server}/")
    page.fill("#api-key", running.api_key)
    yield page
    page.close()


def submit(page):
    """Sends the form; the server's answer (status, body)."""
    with page.expect_response("**/v1/analyze") as answer:
        page.click("#analyze")
    page.wait_for_selector('#status:not([data-state="checking"])', state="attached")
    return answer.value.status, answer.value.json()


@pytest.fixture(scope="module")
def seed() -> str:
    if not SEED.exists():
        pytest.skip(f"{SEED} not found (the shared samples)")
    return SEED.read_text(encoding="utf-8")


def test_home_page_reports_the_seed_page(home, seed):
    home.fill("#title", SEED_TITLE)
    home.fill("#text", seed)
    status, report = submit(home)
    assert status == 200 and home.get_attribute("#status", "data-state") == "done"
    assert len(report["contamination"]["spans"]) >= 4
    named = {source["name"] for source in report["sourcing"]["sources"]}
    assert {"Igor Korotchenko", "New York Post"} <= named
    assert_full_report(home, report, seed)
    assert home.text_content("#verdict .summary") == report["badge"]["summary"]
    for reason in report["badge"]["why"]:
        assert reason["text"] in home.text_content("#verdict .why")
    assert home.locator("#scores .meter").count() == 3
    # No internal tag reaches the reader.
    for tag in ("scare_quote", "name_calling", "well_sourced"):
        assert tag not in home.text_content("#report")
    assert axe_violations(home) == []
    home.evaluate("() => document.getElementById('verdict').scrollIntoView()")
    shot(home, "home-page-light.png")
    home.emulate_media(color_scheme="dark")
    assert axe_violations(home) == []
    shot(home, "home-page-dark.png")
    home.set_viewport_size(PHONE)
    assert home.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_axe_reports_what_it_is_asked_to_find(home):
    """The check above can fail: text too pale for AA on the same page is a violation."""
    home.evaluate("() => { const p = document.createElement('p'); p.textContent = 'pale';"
                  " p.style.color = '#cccccc'; document.querySelector('main').append(p); }")
    assert [v for v in axe_violations(home) if v.startswith("color-contrast")]


def test_evidence_links_move_focus_to_the_marked_words(home, seed):
    home.fill("#text", seed)
    submit(home)
    link = home.locator("#evidence-framing a").first
    target = link.get_attribute("href")
    link.focus()
    home.keyboard.press("Enter")
    assert home.evaluate("location.hash") == target
    assert home.locator(f"{target}").text_content() in link.text_content()


def test_an_html_file_is_reported_on_its_own_text(home):
    page = (REPO / "tests" / "extension" / "pages" / "wire.html").read_bytes()
    home.set_input_files("#file", files=[{"name": "wire.html", "mimeType": "text/html",
                                          "buffer": page}])
    status, report = submit(home)
    assert status == 200 and report["text"]
    assert_full_report(home, report, report["text"])


def test_too_large_a_page_is_explained(home):
    huge = b"<p>" + b"word " * 500_000 + b"</p>"  # 2.5 MB: over the server's 2 MiB
    home.set_input_files("#file", files=[{"name": "huge.html", "mimeType": "text/html",
                                          "buffer": huge}])
    status, _ = submit(home)
    assert status == 413
    message = home.text_content("#message")
    assert home.is_visible("#message") and "too large" in message and "2.0 MiB" in message
    assert home.locator("#report > *").count() == 0


def test_an_invalid_request_is_explained(home):
    home.fill("#title", "long " * 500)  # 2,500 characters: over the server's 2,000
    home.fill("#text", "A short text.")
    status, answer = submit(home)
    assert status == 422
    message = home.text_content("#message")
    assert home.is_visible("#message") and "title" in message
    assert answer["error"]["message"] in message


def test_extension_report_page_shows_the_tabs_report(extension, running):
    # A dark highlight colour of the reader's: the popup's legend must stay readable on it.
    extension.configure(running.server, running.api_key, sensational="#123456")
    page, tab_id = extension.open_tab("news.html")
    popup = extension.popup(tab_id)
    swatch = popup.locator('#legend [data-group="sensational"] mark')
    assert swatch.evaluate("(node) => getComputedStyle(node).color") == "rgb(255, 255, 255)"
    state = extension.state(tab_id)
    with extension.context.expect_page() as opened:
        popup.click("#full-report")
    report_page = opened.value
    report_page.set_viewport_size(WIDE)
    report_page.wait_for_selector('#status[data-state="done"]', state="attached")
    assert f"report/report.html?tab={tab_id}" in report_page.url
    assert_full_report(report_page, state["report"], state["text"])
    assert axe_violations(report_page) == []
    assert axe_violations(popup) == []
    shot(report_page, "report-page-light.png")
    popup.set_viewport_size(POPUP_SIZE)
    extension.screenshot(popup, "popup-light.png")
    for page_ in (report_page, popup):
        page_.emulate_media(color_scheme="dark")
        assert axe_violations(page_) == []
    extension.screenshot(popup, "popup-dark.png")
    shot(report_page, "report-page-dark.png")


def test_report_page_of_a_forgotten_tab_says_so(extension):
    page = extension.context.new_page()
    page.goto(f"{extension.base}/report/report.html?tab=999999")
    page.wait_for_selector('#status[data-state="missing"]', state="attached")
    assert "no report" in page.text_content("#status")
