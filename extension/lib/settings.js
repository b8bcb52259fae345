// The reader's settings, kept in storage.sync, with their defaults.
import { ext } from "./ext.js";

export const DEFAULTS = Object.freeze({
  serverUrl: "http://127.0.0.1:8000",
  apiKey: "",
  autoSites: [],
  colors: Object.freeze({
    sensational: "#ffcc80",
    contamination: "#cfd8dc",
    sourcing: "#b3e5fc",
  }),
});

export async function loadSettings() {
  const stored = await ext.storage.sync.get(Object.keys(DEFAULTS));
  return {
    ...DEFAULTS,
    ...stored,
    colors: { ...DEFAULTS.colors, ...(stored.colors ?? {}) },
  };
}

export function saveSettings(settings) {
  return ext.storage.sync.set(settings);
}

/** "http://host:port" of an http(s) address, or null when it is not one. */
export function originOf(address) {
  try {
    const url = new URL(address);
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
}

/** The host permission pattern for an origin (match patterns take no port: Firefox rejects one). */
export function permissionPattern(origin) {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}
