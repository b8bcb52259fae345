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
const SEED = resolve(HERE, "../../../shared/samples/seed-article.txt");
// axe-core (npm, pinned in package-lock.json), and the WCAG 2.0/2.1 A and AA rules it checks.
const AXE = readFileSync(join(HERE, "node_modules/axe-core/axe.min.js"), "utf8");
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
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

/** The words lib/labels.js gives each tag, read in `page` (an extension page or `/`). */
function labelsOf(page, name, tags) {
  return page.evaluate(async (fn, kinds) => {
    const src = document.querySelector("script[type=module]").src;
    const labels = await import(new URL("../lib/labels.js", src).href);
    return kinds.map((kind) => labels[fn](kind));
  }, name, tags);
}

/** axe-core's WCAG A and AA violations on `page` (its script evaluated over WebDriver BiDi,
 *  which the page's Content-Security-Policy does not govern). */
async function axeViolations(page) {
  await page.evaluate(`${AXE};0`);
  return page.evaluate(async (tags) => (await axe.run(document, { runOnly: { type: "tag", values: tags } }))
    .violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target).join(" ")}`), AXE_TAGS);
}

/** The code points of `text` covered by any of `spans`, without white space. */
function unionText(text, spans) {
  const chars = Array.from(text);
  const covered = new Array(chars.length).fill(false);
  for (const { start, end } of spans) covered.fill(true, start, end);
  return squeeze(chars.filter((_, index) => covered[index]).join(""));
}

// What the full report marks per group (see helpers.report_groups for the Chromium tests).
const REPORT_GROUPS = {
  sensational: (r) => r.sensational.evidence,
  contamination: (r) => r.contamination.spans,
  sourcing: (r) => [
    ...r.sourcing.attributions.filter((a) => a.kind !== "belief" && !a.first_person)
      .flatMap((a) => [a.source, a.cue].filter(Boolean)),
    ...r.sourcing.sources.filter((source) => "start" in source)],
  hedge: (r) => r.sourcing.hedges,
};

/** The full report page shows `report` of `text`: boilerplate tagged by category in words, the
 *  named sources in the table, each group's marks on the reported words; no axe violation. */
async function assertFullReport(page, report, text) {
  const spans = report.contamination.spans;
  const labels = await labelsOf(page, "categoryLabel", spans.map((span) => span.category));
  const tags = await page.$$eval(".article .tag", (nodes) =>
    nodes.map((tag) => [tag.textContent, tag.nextElementSibling.textContent]));
  assert.equal(tags.length, spans.length);
  spans.forEach((span, index) => {
    assert.equal(tags[index][0], labels[index]);
    assert.ok(squeeze(span.text).startsWith(squeeze(tags[index][1])), tags[index][1]);
  });
  const names = await page.$$eval("table.sources tbody th", (cells) => cells.map((c) => c.textContent));
  assert.deepEqual(names, report.sourcing.sources.map((source) => source.name));
  for (const [group, spansOf] of Object.entries(REPORT_GROUPS)) {
    const marked = await page.$$eval(`.article mark.mark-${group}`,
      (marks) => marks.map((mark) => mark.textContent).join(""));
    assert.equal(squeeze(marked), unionText(text, spansOf(report)), group);
  }
  assert.deepEqual(await axeViolations(page), []);
}

/** The server's `/` page with `fields` filled in and sent; the server's answer. */
async function submitHome(browser, fields) {
  const page = await browser.newPage();
  await page.goto(`${SERVER}/`);
  for (const [id, value] of Object.entries({ "api-key": KEY, ...fields })) {
    await page.$eval(`#${id}`, (input, text) => { input.value = text; }, value);
  }
  const answer = page.waitForResponse((response) => response.url().endsWith("/v1/analyze"));
  await page.click("#analyze");
  const response = await answer;
  await page.waitForFunction(() => !["idle", "checking"].includes(document.getElementById("status").dataset.state));
  return { page, status: response.status(), body: await response.json() };
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
    // Boilerplate by category in words with its count; its lines listed are the reported ones.
    const boxes = await popup.$$eval('#evidence [data-section="contamination"] .category',
      (nodes) => nodes.map((node) => [node.dataset.category, node.querySelector("h3").textContent,
        [...node.querySelectorAll("button .label")].map((label) => label.textContent)]));
    const labels = await labelsOf(popup, "categoryLabel", boxes.map(([kind]) => kind));
    boxes.forEach(([kind, heading, lines], index) => {
      const mine = report.contamination.spans.filter((span) => span.category === kind);
      assert.equal(heading, `${labels[index]} ×${mine.length}`);
      for (const line of lines) assert.ok(mine.some((span) => span.text === line), line);
    });
    assert.deepEqual(boxes.map(([kind]) => kind).sort(),
      [...new Set(report.contamination.spans.map((span) => span.category))].sort());
    assert.ok(boxes.flatMap(([, , lines]) => lines).includes(UPSELL));
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
    const label = await popup.$eval("#evidence li button .label", (node) => node.textContent);
    await popup.click("#evidence li button");
    const flashed = await poll(async () => (await extension.marked(tabId))["newsbadge-flash"], Boolean);
    const words = squeeze(label.replace(/…$/, "")).split("·")[0];
    assert.ok(squeeze(flashed[0]).includes(words), `${flashed[0]} / ${label}`);
  },

  async "/ page: the seed page's full report"(extension) {
    if (!existsSync(SEED)) {
      console.log(`Firefox: ${SEED} not found (the shared samples): skipped`);
      return;
    }
    const seed = readFileSync(SEED, "utf8");
    const { page, status, body } = await submitHome(extension.browser, { text: seed });
    assert.equal(status, 200);
    assert.ok(body.contamination.spans.length >= 4);
    await assertFullReport(page, body, seed);
    await page.close();
  },

  async "/ page: a 413 and a 422 explained"(extension) {
    const big = await submitHome(extension.browser, { text: "word ".repeat(450000) });
    assert.equal(big.status, 413);
    assert.match(await big.page.$eval("#message", (node) => node.textContent), /too large/);
    await big.page.close();
    const invalid = await submitHome(extension.browser, { text: "A short text.", title: "long ".repeat(500) });
    assert.equal(invalid.status, 422);
    const message = await invalid.page.$eval("#message", (node) => node.hidden ? "" : node.textContent);
    assert.ok(message.includes(invalid.body.error.message), message);
    await invalid.page.close();
  },

  async "extension report page: the tab's full report"(extension) {
    const { tabId, popup, state } = await extension.checked("news.html");
    const link = await popup.$eval("#full-report", (node) => node.href);
    assert.equal(link, `${extension.base}/report/report.html?tab=${tabId}`);
    const page = await extension.browser.newPage();
    await openExtensionPage(page, link);
    await page.waitForFunction(() => document.getElementById("status").dataset.state === "done");
    await assertFullReport(page, state.report, state.text);
    assert.deepEqual(await axeViolations(popup), []);
    await page.close();
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
