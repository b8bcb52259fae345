// Checking a tab: extract the page, ask the server, keep the report, badge the icon.
import { clearBadge, showBadge, showChecking } from "./badge.js";
import { extractPage, hideHighlights, highlightCss, insertCss, removeCss, revealSpan,
  showHighlights } from "./page.js";
import { badgeOf } from "./report.js";
import { analyzePage } from "./server.js";
import { loadSettings } from "./settings.js";
import { clearTabState, getTabState, setTabState, updateTabState } from "./tabstate.js";

const ERROR_BADGE = { text: "!", color: "#757575" };

export async function checkTab(tabId) {
  const checkId = crypto.randomUUID();
  const previous = await getTabState(tabId);
  // A new check replaces the marks of the previous one (offsets may differ).
  if (previous?.css) await removeMarks(tabId, previous).catch(() => {});
  await setTabState(tabId, { status: "checking", checkId });
  await showChecking(tabId);
  // A navigation during the check clears the state: its result then belongs to no page.
  const stillCurrent = async () => (await getTabState(tabId))?.checkId === checkId;
  try {
    const settings = await loadSettings();
    const page = await extractPage(tabId);
    const report = await analyzePage(page, settings);
    if (!(await stillCurrent())) return;
    await setTabState(tabId, {
      // The text sent, for the full report page: the report's offsets index it.
      status: "done", checkId, report, text: page.text, textLength: page.text.length,
      highlights: false, css: null,
    });
    await showBadge(tabId, badgeOf(report));
  } catch (error) {
    if (!(await stillCurrent())) return;
    await setTabState(tabId, {
      status: "error", checkId, error: { kind: error.kind ?? "internal", message: error.message },
    });
    await showBadge(tabId, { ...ERROR_BADGE, summary: error.message });
  }
}

export async function forgetTab(tabId) {
  await clearTabState(tabId);
  await clearBadge(tabId);
}

async function removeMarks(tabId, state) {
  await hideHighlights(tabId);
  if (state.css) await removeCss(tabId, state.css);
}

/** Inserts the highlight stylesheet for the reader's current colours, once per page. */
async function ensureCss(tabId, state) {
  const css = highlightCss((await loadSettings()).colors);
  if (state.css === css) return;
  if (state.css) await removeCss(tabId, state.css);
  await insertCss(tabId, css);
  await updateTabState(tabId, { css });
}

/** Turns the evidence marks on or off; returns the number of marks per group when on. */
export async function setHighlights(tabId, on) {
  const state = await getTabState(tabId);
  if (state?.status !== "done") throw new Error("this page has not been checked");
  if (!on) {
    await removeMarks(tabId, state);
    await updateTabState(tabId, { highlights: false, css: null });
    return null;
  }
  await ensureCss(tabId, state);
  const counts = await showHighlights(tabId, state.report, state.textLength);
  if (!counts) throw new Error("the page has changed since it was checked: check it again");
  await updateTabState(tabId, { highlights: true });
  return counts;
}

/** Scrolls the page to one piece of evidence and flashes it; returns the text marked. */
export async function reveal(tabId, start, end) {
  const state = await getTabState(tabId);
  if (state?.status !== "done") throw new Error("this page has not been checked");
  await ensureCss(tabId, state);
  return revealSpan(tabId, start, end, state.textLength);
}
