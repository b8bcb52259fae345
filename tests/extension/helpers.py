"""Driving the extension in Chromium: its pages, its service worker, the tabs it checks."""

from __future__ import annotations

import time
from pathlib import Path

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
# States of the popup that are still on their way to an answer.
PENDING = ("loading", "not_checked", "checking")
POPUP_SIZE = {"width": 380, "height": 600}


def squeeze(text: str) -> str:
    """Text without white space: the page's markup spaces lines differently from the report."""
    return "".join(text.split())


def hex_color(rgba: list[int]) -> str:
    return "#" + "".join(f"{value:02x}" for value in rgba[:3])


def poll(read, accept, timeout=10.0):
    """read() until accept(value), or fail with the last value after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = read()
        if accept(value):
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting; last value: {value!r}")
        time.sleep(0.1)


class Extension:
    def __init__(self, context, worker, running):
        self.context = context
        self.worker = worker
        self.running = running
        self.base = worker.url.rsplit("/", 1)[0]
        self.opened = 0

    # Pages of the extension -------------------------------------------------------------------
    def options(self):
        page = self.context.new_page()
        page.goto(f"{self.base}/options/options.html")
        # Selectors, not wait_for_function: the extension's CSP forbids the eval that needs.
        page.wait_for_selector("#server-url:not([value=''])", state="attached")
        return page

    def configure(self, server: str, api_key: str, **colors: str):
        """Sets the server and key (and colours) through the options page, as a reader would."""
        page = self.options()
        page.fill("#server-url", server)
        page.fill("#api-key", api_key)
        for key, value in colors.items():
            page.fill(f"#color-{key}", value)
        page.click("#save")
        page.wait_for_selector("#status:text-is('Saved.')")
        page.close()

    def popup(self, tab_id: int):
        """The popup, opened as a page for one tab (?tab=ID), once it has an answer."""
        page = self.context.new_page()
        page.set_viewport_size(POPUP_SIZE)
        page.goto(f"{self.base}/popup/popup.html?tab={tab_id}")
        self.wait_for_answer(page)
        return page

    @staticmethod
    def wait_for_answer(popup):
        pending = "".join(f':not([data-state="{state}"])' for state in PENDING)
        popup.wait_for_selector(f"#state{pending}", state="attached", timeout=30000)
        return popup.get_attribute("#state", "data-state")

    # The service worker -----------------------------------------------------------------------
    def evaluate(self, script: str, arg=None):
        return self.worker.evaluate(script, arg)

    def open_tab(self, name: str):
        """A test page in a new tab, and that tab's id."""
        page = self.context.new_page()
        # A query string of its own, so that the tab is found by its address among older ones.
        self.opened += 1
        url = f"{self.running.pages}/{name}?tab={self.opened}"
        page.goto(url)
        tab_id = self.evaluate(
            "async (url) => (await chrome.tabs.query({})).find((tab) => tab.url === url).id", url)
        return page, tab_id

    def badge(self, tab_id: int) -> tuple[str, str]:
        text = self.evaluate("(tabId) => chrome.action.getBadgeText({tabId})", tab_id)
        color = self.evaluate("(tabId) => chrome.action.getBadgeBackgroundColor({tabId})", tab_id)
        return text, hex_color(color)

    def state(self, tab_id: int):
        return self.evaluate(
            "async (tabId) => (await chrome.storage.session.get(`tab:${tabId}`))[`tab:${tabId}`]"
            " ?? null", tab_id)

    def set_state(self, tab_id: int, state: dict):
        """Replaces what the extension keeps for a tab, as a check would."""
        self.evaluate("([tabId, state]) => chrome.storage.session.set({[`tab:${tabId}`]: state})",
                      [tab_id, state])

    def in_page(self, tab_id: int, func: str):
        """Runs the JavaScript function `func` in the extension's isolated world of the tab (its
        source is injected by scripting.executeScript; MV3 forbids eval in that world)."""
        return self.evaluate(
            "async (tabId) => (await chrome.scripting.executeScript({target: {tabId},"
            f" func: {func}}}))[0].result", tab_id)

    def marked(self, tab_id: int) -> dict[str, list[str]]:
        """Texts of the ranges marked per highlight name ({} before the first highlight)."""
        return self.in_page(tab_id, "() => globalThis.newsbadgeHighlights?.marked() ?? {}")

    def sync_settings(self):
        return self.evaluate("() => chrome.storage.sync.get(null)")

    def screenshot(self, popup, name: str):
        ARTIFACTS.mkdir(exist_ok=True)
        popup.locator("body").screenshot(path=str(ARTIFACTS / name))


# axe-core (npm, pinned in package-lock.json), put into the page under test by the tests only.
AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0 and 2.1, levels A and AA: what "zero violations of level AA" counts.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page) -> list[str]:
    """axe-core's WCAG A and AA violations on `page`, one line each (id: the first few targets).
    The script is evaluated through the DevTools protocol, which the page's CSP does not govern."""
    if not page.evaluate("() => Boolean(globalThis.axe)"):
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;0")
    violations = page.evaluate(
        "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}}))"
        ".violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target).join(' ')}`)",
        AXE_TAGS)
    return violations


def marked_text(page, group: str) -> str:
    """The text under every mark of one highlight group in the report page, in order."""
    return squeeze("".join(page.locator(f".article mark.mark-{group}").all_text_contents()))


def union_text(text: str, spans: list[tuple[int, int]]) -> str:
    """The text covered by any of `spans` (code point offsets), in order, without white space."""
    covered = [False] * len(text)
    for start, end in spans:
        covered[start:end] = [True] * (end - start)
    return squeeze("".join(char for char, on in zip(text, covered, strict=True) if on))


def report_groups(report: dict) -> dict[str, list[tuple[int, int]]]:
    """The spans the full report marks per group: framing cues, boilerplate, reporting
    attributions (source and cue; beliefs and the writer's own first person are not sourcing)
    and the sources' mentions, hedges."""
    sourcing = report["sourcing"]
    reporting = [a for a in sourcing["attributions"]
                 if a.get("kind") != "belief" and not a.get("first_person")]
    pairs = {
        "sensational": report["sensational"]["evidence"],
        "contamination": report["contamination"]["spans"],
        # A listed source that no reporting attribution names is marked at its own mention.
        "sourcing": [part for a in reporting for part in (a["source"], a["cue"]) if part] +
                    [source for source in sourcing["sources"] if "start" in source],
        "hedge": sourcing["hedges"],
    }
    return {group: [(s["start"], s["end"]) for s in spans] for group, spans in pairs.items()}


def assert_full_report(page, report: dict, text: str):
    """The full report page shows `report` of `text`: each boilerplate line tagged with its
    category in words, the named sources in the table, every mark on the reported words."""
    labels = page.evaluate(
        "async (kinds) => { const m = await import(new URL('../lib/labels.js', "
        "document.querySelector('script[type=module]').src).href);"
        " return kinds.map((kind) => m.categoryLabel(kind)); }",
        [span["category"] for span in report["contamination"]["spans"]])
    # Each tag, and the first marked words after it (the start of its boilerplate line).
    tags = page.evaluate("() => [...document.querySelectorAll('.article .tag')].map((tag) =>"
                         " [tag.textContent, tag.nextElementSibling.textContent])")
    assert len(tags) == len(labels)
    for span, label, (tag, words) in zip(report["contamination"]["spans"], labels, tags,
                                         strict=True):
        assert tag == label and "_" not in label
        assert words and squeeze(span["text"]).startswith(squeeze(words))
    names = page.locator("table.sources tbody th").all_text_contents()
    assert names == [source["name"] for source in report["sourcing"]["sources"]]
    for group, spans in report_groups(report).items():
        assert marked_text(page, group) == union_text(text, spans), group
