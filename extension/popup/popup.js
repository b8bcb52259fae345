// The popup: shows the state of the current tab (opened as a page by the tests: ?tab=ID), and
// starts a check when the tab has none: opening the popup is the reader's request to check.
import { ext } from "../lib/ext.js";
import { textColorOn } from "../lib/labels.js";
import { badgeOf, languageCode, ungradedReason } from "../lib/report.js";
import { loadSettings } from "../lib/settings.js";
import { keyFor, getTabState } from "../lib/tabstate.js";
import { renderReport } from "./render.js";

const $ = (id) => document.getElementById(id);

// What each error kind tells the reader, and whether the options can fix it.
const ERRORS = {
  unreachable: ["Can't reach the newsbadge server.", true],
  unauthorized: ["The server wants a valid API key.", true],
  rate_limited: ["The server is busy: try again in a minute.", false],
  too_large: ["This page is too large for the server.", false],
  restricted: ["newsbadge can't read this kind of page.", false],
  rejected: ["The server could not analyse this page.", false],
  internal: ["Something went wrong while checking.", false],
};

async function currentTabId() {
  const fromQuery = new URLSearchParams(location.search).get("tab");
  if (fromQuery) return Number(fromQuery);
  const [tab] = await ext.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

function send(message) {
  return ext.runtime.sendMessage(message).then((answer) => {
    if (!answer?.ok) throw new Error(answer?.error ?? "no answer from the background");
    return answer.result;
  });
}

function showState(name, text, { detail = "", check = false, options = false } = {}) {
  $("state").dataset.state = name;
  $("state").hidden = false;
  $("state-text").textContent = text;
  $("state-detail").textContent = detail;
  $("check").hidden = !check;
  $("options-link").hidden = !options;
}

function showBadge(badge) {
  const node = $("badge");
  node.textContent = badge?.text ?? "";
  node.style.backgroundColor = badge?.color ?? "";
  node.style.color = badge?.color ? textColorOn(badge.color) : "";
  node.title = badge?.summary ?? "";
  node.setAttribute("aria-label", badge?.summary ? `Score ${badge.text}: ${badge.summary}` : "no score yet");
}

/** The state shown above the report when the report cannot grade the page. */
function reportState(report) {
  const reason = ungradedReason(report);
  if (reason === "unsupported_language") {
    return [reason, `newsbadge can't judge pages in this language yet (${languageCode(report)}).`];
  }
  if (reason === "too_short") return [reason, "Not enough article text to judge."];
  return ["done", ""];
}

/** "Why 38: loaded framing (12 phrases), few attributions": what pulled the number down. */
function whyLine(badge) {
  if (badge.level === "unknown" && !badge.why?.length) return "";
  const reasons = badge.why?.map((reason) => reason.text) ?? [];
  return `Why ${badge.text}: ${reasons.length ? reasons.join(", ") : "nothing pulled it down"}`;
}

let renderedCheck = null;

function render(tabId, state, colors) {
  $("report").hidden = state?.status !== "done";
  if (state?.status !== "done") renderedCheck = null;
  if (!state) {
    showBadge(null);
    showState("not_checked", "This page has not been checked yet.", { check: true });
    return;
  }
  if (state.status === "checking") {
    showBadge({ text: "…", color: "#757575" });
    showState("checking", "Checking this page…");
    return;
  }
  if (state.status === "error") {
    const [text, fixable] = ERRORS[state.error.kind] ?? ERRORS.internal;
    showBadge({ text: "!", color: "#757575" });
    showState(state.error.kind, text, { detail: state.error.message, check: true, options: fixable });
    return;
  }
  // Later changes of the same check (highlights on or off) leave the view as the reader set it.
  if (state.checkId === renderedCheck) return;
  renderedCheck = state.checkId;
  const { report } = state;
  const badge = badgeOf(report);
  showBadge(badge);
  const [name, text] = reportState(report);
  if (name === "done") $("state").hidden = true;
  else showState(name, text);
  $("state").dataset.state = name;
  $("why").textContent = whyLine(badge);
  $("summary").textContent = badge.summary;
  $("highlights").checked = Boolean(state.highlights);
  const views = { meters: $("meters"), legendBox: $("legend"), evidence: $("evidence") };
  renderReport(report, views, colors, (item) => reveal(tabId, item));
}

async function reveal(tabId, item) {
  try {
    const text = await send({ type: "reveal", tabId, start: item.start, end: item.end });
    $("highlight-note").textContent = text === null ? "That text is no longer in the page." : "";
  } catch (error) {
    $("highlight-note").textContent = error.message;
  }
}

async function toggleHighlights(tabId, on) {
  try {
    const counts = await send({ type: "highlight", tabId, on });
    const total = counts ? Object.values(counts).reduce((sum, count) => sum + count, 0) : 0;
    $("highlight-note").textContent = on ? `${total} passages marked in the page.` : "";
  } catch (error) {
    $("highlights").checked = false;
    $("highlight-note").textContent = error.message;
  }
}

async function main() {
  const tabId = await currentTabId();
  const check = () => send({ type: "check", tabId }).catch((error) =>
    showState("internal", ERRORS.internal[0], { detail: error.message, check: true }));
  $("check").addEventListener("click", check);
  $("recheck").addEventListener("click", check);
  $("highlights").addEventListener("change", (event) => toggleHighlights(tabId, event.target.checked));
  $("options-link").addEventListener("click", (event) => {
    event.preventDefault();
    ext.runtime.openOptionsPage();
  });
  const reportUrl = ext.runtime.getURL(`report/report.html?tab=${tabId}`);
  $("full-report").href = reportUrl;
  $("full-report").addEventListener("click", (event) => {
    event.preventDefault();
    ext.tabs.create({ url: reportUrl });
  });
  const { colors } = await loadSettings();
  ext.storage.session.onChanged.addListener((changes) => {
    const change = changes[keyFor(tabId)];
    if (change) render(tabId, change.newValue ?? null, colors);
  });
  const state = await getTabState(tabId);
  render(tabId, state, colors);
  if (!state) check();
}

main();
