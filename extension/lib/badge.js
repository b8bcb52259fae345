// The toolbar icon's badge for one tab.
import { ext } from "./ext.js";

const CHECKING = { text: "…", color: "#757575" };
const DEFAULT_TITLE = "Check this page with newsbadge";

export async function showBadge(tabId, badge) {
  await ext.action.setBadgeText({ tabId, text: badge.text.slice(0, 4) });
  await ext.action.setBadgeBackgroundColor({ tabId, color: badge.color });
  await ext.action.setTitle({ tabId, title: `newsbadge: ${badge.summary}` });
}

export const showChecking = (tabId) =>
  showBadge(tabId, { ...CHECKING, summary: "checking this page…" });

export async function clearBadge(tabId) {
  await ext.action.setBadgeText({ tabId, text: "" });
  await ext.action.setTitle({ tabId, title: DEFAULT_TITLE });
}
