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
