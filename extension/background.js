// The background worker (a service worker in Chromium, an event page in Firefox): answers the
// popup, forgets a tab's report when it navigates, and checks the sites the reader opted in to.
import { checkTab, forgetTab, reveal, setHighlights } from "./lib/check.js";
import { ext } from "./lib/ext.js";
import { loadSettings, originOf, permissionPattern } from "./lib/settings.js";
import { clearTabState } from "./lib/tabstate.js";

const HANDLERS = {
  check: ({ tabId }) => checkTab(tabId),
  highlight: ({ tabId, on }) => setHighlights(tabId, on),
  reveal: ({ tabId, start, end }) => reveal(tabId, start, end),
};

ext.runtime.onMessage.addListener((message, sender, sendResponse) => {
  const handler = HANDLERS[message?.type];
  if (!handler || sender.id !== ext.runtime.id) return false;
  handler(message).then(
    (result) => sendResponse({ ok: true, result: result ?? null }),
    (error) => sendResponse({ ok: false, error: error.message }),
  );
  return true;
});

/** Checks a freshly loaded page when the reader opted its site in and granted its permission. */
async function autoCheck(tabId, url) {
  const origin = originOf(url ?? "");
  if (!origin) return;
  const { autoSites } = await loadSettings();
  if (!autoSites.includes(origin)) return;
  if (await ext.permissions.contains({ origins: [permissionPattern(origin)] })) {
    await checkTab(tabId);
  }
}

ext.tabs.onUpdated.addListener((tabId, change, tab) => {
  if (change.status === "loading") forgetTab(tabId);
  // tab.url is only visible for sites the extension has a host permission for.
  else if (change.status === "complete") autoCheck(tabId, tab.url);
});

ext.tabs.onRemoved.addListener((tabId) => clearTabState(tabId));
