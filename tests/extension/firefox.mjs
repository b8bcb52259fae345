// The extension in headless Firefox ESR, driven by puppeteer-core over WebDriver BiDi (Playwright's
// Firefox needs its own build). Run by `make test-extension` through newsbadge_dev.browser_services, which starts the
// server and the test pages and passes their addresses in NEWSBADGE_TEST_*. Exits 1 on a failure.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import puppeteer from "puppeteer-core";

const HERE = dirname(fileURLToPath(import.meta.url));
const EXTENSION_DIR = resolve(HERE, "../../extension");
const ARTIFACTS = join(HERE, "artifacts");
const FIREFOX = process.env.FIREFOX ?? "/usr/bin/firefox-esr";
const { NEWSBADGE_TEST_SERVER: SERVER, NEWSBADGE_TEST_PAGES: PAGES, NEWSBADGE_TEST_KEY: KEY } =
  process.env;
const PENDING = ["loading", "not_checked", "checking"];
const POPUP_SIZE = { width: 380, height: 600 };

const squeeze = (text) => text.replace(/\s+/g, "");
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

async function poll(read, accept, timeout = 10000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting; last value: ${JSON.stringify(value)}`);
    await sleep(100);
  }
}

const SECTIONS = ["sensational", "contamination", "sourcing"];
/** The <meter>'s min, max, low, high and optimum a report's scale gives (low and high: where
 *  its levels change). */
function scaleBounds(scale) {
  const cuts = scale.cuts.filter((cut) => "below" in cut).map((cut) => cut.below);
  return [scale.min, scale.max, cuts[0], cuts.at(-1), scale.optimum];
}
// The news page's upsell box, which its popup must list as a subscription line.
const UPSELL = "Go Ad-Free, Get Exclusive Shows and Content, Go Premium Today – $1 Trial";
// The report's evidence per highlight name, as the extension marks it (see lib/report.js).
const GROUPS = {
  "newsbadge-sensational": (r) => r.sensational.evidence.map((e) => e.text),
  "newsbadge-contamination": (r) => r.contamination.spans.map((s) => s.text),
  "newsbadge-sourcing": (r) => r.sourcing.attributions.filter((a) => a.kind !== "belief")
    .flatMap((a) => [a.source, a.cue].filter(Boolean)).map((span) => span.text),
  "newsbadge-hedge": (r) => r.sourcing.hedges.map((h) => h.text),
};

/** Navigates to a moz-extension:// page. Firefox never reports such navigations as done over
 *  WebDriver BiDi, so this waits for the page's document instead of the navigation. */
async function openExtensionPage(page, url) {
  page.goto(url, { timeout: 0 }).catch(() => {});
  await poll(() => page.evaluate(() => location.href).catch(() => ""), (href) => href === url);
  await page.waitForFunction(() => document.readyState === "complete");
}

class Extension {
  constructor(browser, base) {
    this.browser = browser;
    this.base = base;
  }

  /** An extension page whose `browser.*` APIs the tests call (the options page). */
  async start() {
    this.control = await this.options();
  }

  async options() {
    const page = await this.browser.newPage();
    await openExtensionPage(page, `${this.base}/options/options.html`);
    await page.waitForFunction(() => document.getElementById("server-url").value !== "");
    return page;
  }

  async configure(server, apiKey) {
    const page = await this.options();
    await page.$eval("#server-url", (input, value) => { input.value = value; }, server);
    await page.$eval("#api-key", (input, value) => { input.value = value; }, apiKey);
    await page.click("#save");
    await page.waitForFunction(() => document.getElementById("status").textContent === "Saved.");
    await page.close();
  }

  call(func, ...args) {
    return this.control.evaluate(func, ...args);
  }

  async openTab(name) {
    const page = await this.browser.newPage();
    // A query string of its own, so that the tab is found by its address among older ones.
    this.opened = (this.opened ?? 0) + 1;
    const url = `${PAGES}/${name}?tab=${this.opened}`;
    await page.goto(url);
    // tabs.query's url patterns take no port in Firefox: find the tab by its full address.
    const tabId = await this.call(async (address) =>
      (await browser.tabs.query({})).find((tab) => tab.url === address).id, url);
    return { page, tabId };
  }

  async popup(tabId) {
    const page = await this.browser.newPage();
    await page.setViewport(POPUP_SIZE);
    await openExtensionPage(page, `${this.base}/popup/popup.html?tab=${tabId}`);
    await this.waitForAnswer(page);
    return page;
  }

  async waitForAnswer(popup) {
    await popup.waitForFunction((pending) =>
      !pending.includes(document.getElementById("state").dataset.state), { timeout: 30000 },
    PENDING);
    return popup.$eval("#state", (node) => node.dataset.state);
  }

  async badge(tabId) {
    return this.call(async (id) => {
      const text = await browser.action.getBadgeText({ tabId: id });
      const rgba = await browser.action.getBadgeBackgroundColor({ tabId: id });
      return [text, `#${rgba.slice(0, 3).map((v) => v.toString(16).padStart(2, "0")).join("")}`];
    }, tabId);
  }

  state(tabId) {
    return this.call(async (id) =>
      (await browser.storage.session.get(`tab:${id}`))[`tab:${id}`] ?? null, tabId);
  }

  marked(tabId) {
    return this.call(async (id) => (await browser.scripting.executeScript({
      target: { tabId: id }, func: () => globalThis.newsbadgeHighlights?.marked() ?? {},
    }))[0].result, tabId);
  }

  async checked(name) {
    const { page, tabId } = await this.openTab(name);
    const popup = await this.popup(tabId);
    return { page, tabId, popup, state: await this.state(tabId) };
  }
}

async function assertMarkedAsReported(extension, tabId, report) {
  const marked = await extension.marked(tabId);
  for (const [name, expected] of Object.entries(GROUPS)) {
    assert.deepEqual((marked[name] ?? []).map(squeeze), expected(report).map(squeeze), name);
  }
}

const TESTS = {
  async "options round trip"(extension) {
    await extension.configure(SERVER, KEY);
    const page = await extension.options();
    assert.equal(await page.$eval("#server-url", (input) => input.value), SERVER);
    assert.equal(await page.$eval("#api-key", (input) => input.value), KEY);
    const stored = await extension.call(() => browser.storage.sync.get(null));
    assert.equal(stored.serverUrl, SERVER);
    assert.equal(stored.apiKey, KEY);
    await page.close();
  },

  async "news page: badge and popup"(extension) {
    const { tabId, popup, state } = await extension.checked("news.html");
    const { report } = state;
    assert.equal(await popup.$eval("#state", (node) => node.dataset.state), "done");
    const [text, color] = await extension.badge(tabId);
    assert.equal(text, report.badge.text);
    assert.ok(text.length > 0 && text.length <= 4);
    assert.equal(color, report.badge.color);
    assert.equal(await popup.$eval("#badge", (node) => node.textContent), text);
    assert.equal(await popup.$eval("#summary", (node) => node.textContent), report.badge.summary);
    assert.equal((await popup.$$("#meters .meter")).length, 3);
    const meters = await popup.$$eval("#meters meter", (nodes) =>
      nodes.map((node) => [node.min, node.max, node.low, node.high, node.optimum]));
    assert.deepEqual(meters, SECTIONS.map((key) => scaleBounds(report[key].scale)));
    const shown = await popup.$$eval('#evidence [data-section="contamination"] li button',
      (buttons) => buttons.map((button) => button.textContent));
    assert.deepEqual(shown.map(squeeze),
      report.contamination.spans.map((span) =>
        squeeze(span.category + (span.placement === "around" ? ", around the article" : "") + span.text)));
    assert.ok(shown.map(squeeze).includes(squeeze(`subscription${UPSELL}`)), shown.join(" | "));
    mkdirSync(ARTIFACTS, { recursive: true });
    await popup.screenshot({ path: join(ARTIFACTS, "popup-firefox.png") });
  },

  async "highlights mark the reported words (news, emoji)"(extension) {
    for (const name of ["news.html", "emoji.html"]) {
      const { page, tabId, popup, state } = await extension.checked(name);
      const height = await page.evaluate(() => document.body.getBoundingClientRect().height);
      const mutations = await page.evaluate(() => window.pageMutations ?? 0);
      await popup.click("#highlights");
      await poll(async () => (await extension.state(tabId)).highlights, Boolean);
      await assertMarkedAsReported(extension, tabId, state.report);
      assert.equal(await page.evaluate(() => document.body.getBoundingClientRect().height), height);
      assert.equal(await page.evaluate(() => window.pageMutations ?? 0), mutations);
      await popup.click("#highlights");
      await poll(async () => (await extension.state(tabId)).highlights, (on) => on === false);
      const left = Object.keys(await extension.marked(tabId)).filter((n) => n !== "newsbadge-flash");
      assert.deepEqual(left, []);
    }
  },

  async "an evidence item reveals its words"(extension) {
    const { tabId, popup } = await extension.checked("emoji.html");
    const label = await popup.$eval("#evidence li button", (button) => button.lastChild.textContent);
    await popup.click("#evidence li button");
    const flashed = await poll(async () => (await extension.marked(tabId))["newsbadge-flash"], Boolean);
    const words = squeeze(label.replace(/…$/, "")).split("·")[0];
    assert.ok(squeeze(flashed[0]).includes(words), `${flashed[0]} / ${label}`);
  },

  async "pages that cannot be judged"(extension) {
    for (const [name, expected] of [["foreign.html", "unsupported_language"], ["short.html", "too_short"]]) {
      const { tabId, popup, state } = await extension.checked(name);
      assert.equal(await popup.$eval("#state", (node) => node.dataset.state), expected);
      assert.equal((await extension.badge(tabId))[0], state.report.badge.text);
    }
  },

  async "navigation clears the badge and the report"(extension) {
    const { page, tabId, popup } = await extension.checked("wire.html");
    assert.ok((await extension.badge(tabId))[0]);
    await page.goto(`${PAGES}/short.html`);
    await poll(async () => (await extension.badge(tabId))[0], (text) => text === "");
    assert.equal(await extension.state(tabId), null);
    await popup.waitForSelector('#state[data-state="not_checked"]');
  },

  async "server errors are explained"(extension) {
    try {
      await extension.configure("http://127.0.0.1:9", KEY);
      const { tabId, popup } = await extension.checked("wire.html");
      assert.equal(await popup.$eval("#state", (node) => node.dataset.state), "unreachable");
      assert.ok(await popup.$eval("#options-link", (link) => !link.hidden));
      assert.equal((await extension.badge(tabId))[0], "!");
      await extension.configure(SERVER, "not-the-key");
      await popup.click("#check");
      await poll(() => extension.waitForAnswer(popup), (state) => state === "unauthorized", 30000);
    } finally {
      await extension.configure(SERVER, KEY);
    }
  },
};

async function main() {
  if (!existsSync(FIREFOX)) {
    console.log(`Firefox: ${FIREFOX} not found (apt-get install firefox-esr): Firefox tests skipped`);
    return 0;
  }
  assert.ok(SERVER && PAGES, "run through newsbadge_dev.browser_services, which starts the server and the pages");
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, "manifest.json"), "utf8"));
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX,
    headless: true,
    // Firefox 153+ lets WebDriver open moz-extension:// pages only with system access.
    args: ["--remote-allow-system-access"],
    // A known moz-extension:// address for the extension's pages.
    extraPrefsFirefox: {
      "extensions.webextensions.uuids": JSON.stringify({ [manifest.browser_specific_settings.gecko.id]: uuid }),
    },
  });
  let failures = 0;
  try {
    await browser.installExtension(EXTENSION_DIR);
    const extension = new Extension(browser, `moz-extension://${uuid}`);
    await extension.start();
    for (const [name, test] of Object.entries(TESTS)) {
      try {
        await test(extension);
        console.log(`Firefox: ok - ${name}`);
      } catch (error) {
        failures += 1;
        console.log(`Firefox: FAILED - ${name}\n${error.stack}`);
      }
    }
  } finally {
    await browser.close();
  }
  console.log(`Firefox: ${Object.keys(TESTS).length - failures} passed, ${failures} failed`);
  return failures ? 1 : 0;
}

process.exitCode = await main();
