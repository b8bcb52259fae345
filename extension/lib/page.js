// Everything the background does inside a page, through scripting.executeScript into the
// extension's isolated world: extracting the text, marking and revealing evidence.
import { ext } from "./ext.js";

const EXTRACT_FILES = ["vendor/Readability.js", "content/visible.js", "content/extract.js"];
const HIGHLIGHT_FILES = ["content/visible.js", "content/highlight.js"];
const FLASH_COLOR = "#ffeb3b";

/** A page the extension may not read (browser pages, the add-on stores, PDFs in a viewer...). */
export class PageError extends Error {
  kind = "restricted";
}

async function run(tabId, files, func, args = []) {
  try {
    await ext.scripting.executeScript({ target: { tabId }, files });
    const [injection] = await ext.scripting.executeScript({ target: { tabId }, func, args });
    // Firefox reports an exception of the injected function here rather than by rejecting.
    if (injection?.error) throw injection.error;
    return injection?.result;
  } catch (error) {
    throw new PageError(error?.message ?? String(error));
  }
}

/** {text, title, url, blocks}: the request body for POST /v1/analyze. */
export const extractPage = (tabId) =>
  run(tabId, EXTRACT_FILES, () => newsbadgeExtract());

/** The spans to mark, per highlight group, as [start, end] code point offsets. */
export function evidenceGroups(report) {
  const spans = (items) => items.map((item) => [item.start, item.end]);
  const attributions = report.sourcing.attributions
    .filter((attribution) => attribution.kind !== "belief") // a belief is not sourcing
    .flatMap((attribution) => [attribution.source, attribution.cue].filter(Boolean));
  return {
    sensational: spans(report.sensational.evidence),
    contamination: spans(report.contamination.spans),
    sourcing: spans(attributions),
    hedge: spans(report.sourcing.hedges),
  };
}

/** The ::highlight() rules for the reader's colours (hedges: sourcing's colour, underlined). */
export function highlightCss(colors) {
  return [
    `::highlight(newsbadge-sensational){background-color:${colors.sensational};color:#000}`,
    `::highlight(newsbadge-contamination){background-color:${colors.contamination};color:#000}`,
    `::highlight(newsbadge-sourcing){background-color:${colors.sourcing};color:#000}`,
    `::highlight(newsbadge-hedge){text-decoration:underline dotted 2px ${colors.sourcing}}`,
    `::highlight(newsbadge-flash){background-color:${FLASH_COLOR};color:#000}`,
  ].join("\n");
}

export const insertCss = (tabId, css) => ext.scripting.insertCSS({ target: { tabId }, css });
export const removeCss = (tabId, css) => ext.scripting.removeCSS({ target: { tabId }, css });

export const showHighlights = (tabId, report, textLength) =>
  run(tabId, HIGHLIGHT_FILES, (groups, length) => newsbadgeHighlights.show(groups, length),
    [evidenceGroups(report), textLength]);

export const hideHighlights = (tabId) =>
  run(tabId, HIGHLIGHT_FILES, () => newsbadgeHighlights.hide());

export const revealSpan = (tabId, start, end, textLength) =>
  run(tabId, HIGHLIGHT_FILES, (...args) => newsbadgeHighlights.reveal(...args),
    [start, end, textLength]);
