// Everything the background does inside a page, through scripting.executeScript into the
// extension's isolated world: extracting the text, marking and revealing evidence.
import { ext } from "./ext.js";
import { textColorOn } from "./labels.js";
import { highlightGroups } from "./report.js";

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

const marked = (group, color) =>
  `::highlight(newsbadge-${group}){background-color:${color};color:${textColorOn(color)}}`;

/** The ::highlight() rules for the reader's colours (hedges: sourcing's colour, underlined), each
 *  with black or white text, whichever reads better on it. */
export function highlightCss(colors) {
  return [
    marked("sensational", colors.sensational),
    marked("contamination", colors.contamination),
    marked("sourcing", colors.sourcing),
    `::highlight(newsbadge-hedge){text-decoration:underline dotted 2px ${colors.sourcing}}`,
    `::highlight(newsbadge-flash){background-color:${FLASH_COLOR};color:#000}`,
  ].join("\n");
}

export const insertCss = (tabId, css) => ext.scripting.insertCSS({ target: { tabId }, css });
export const removeCss = (tabId, css) => ext.scripting.removeCSS({ target: { tabId }, css });

export const showHighlights = (tabId, report, textLength) =>
  run(tabId, HIGHLIGHT_FILES, (groups, length) => newsbadgeHighlights.show(groups, length),
    [highlightGroups(report), textLength]);

export const hideHighlights = (tabId) =>
  run(tabId, HIGHLIGHT_FILES, () => newsbadgeHighlights.hide());

export const revealSpan = (tabId, start, end, textLength) =>
  run(tabId, HIGHLIGHT_FILES, (...args) => newsbadgeHighlights.reveal(...args),
    [start, end, textLength]);
