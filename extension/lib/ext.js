// The WebExtension API object: Firefox's promise-based `browser`, else Chromium's `chrome`
// (whose MV3 APIs return promises too).
export const ext = globalThis.browser ?? globalThis.chrome;
