// What the extension knows about each tab (checking, the report, an error, highlights on/off),
// in storage.session so that it survives the background worker being stopped, and so that the
// popup can follow it through storage.onChanged.
import { ext } from "./ext.js";

export const keyFor = (tabId) => `tab:${tabId}`;

export async function getTabState(tabId) {
  const key = keyFor(tabId);
  return (await ext.storage.session.get(key))[key] ?? null;
}

export function setTabState(tabId, state) {
  return ext.storage.session.set({ [keyFor(tabId)]: state });
}

export async function updateTabState(tabId, changes) {
  const state = await getTabState(tabId);
  if (state) await setTabState(tabId, { ...state, ...changes });
}

export function clearTabState(tabId) {
  return ext.storage.session.remove(keyFor(tabId));
}
