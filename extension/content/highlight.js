// Injected on demand after visible.js. Marks evidence in the page with the CSS Custom Highlight
// API: no element is added, moved or restyled, so the page's layout and scripts are untouched, and
// removing the marks is deleting them from CSS.highlights. The colours come from a stylesheet
// that the background inserts with scripting.insertCSS (::highlight(newsbadge-*) rules only).
"use strict";

// Injected again before each use: the first injection's state is kept.
var newsbadgeHighlights = globalThis.newsbadgeHighlights ?? (() => {
  const PREFIX = "newsbadge-";
  const FLASH = `${PREFIX}flash`;
  const FLASH_MS = 1800;
  let flashTimer = 0;
  // The ranges registered per highlight name. Kept here because Firefox cannot iterate
  // CSS.highlights or a Highlight from a content script ("Xray wrapping of iterators").
  const marks = {};

  function mark(name, ranges, priority = 0) {
    const highlight = new Highlight(...ranges);
    highlight.priority = priority;
    CSS.highlights.set(name, highlight);
    marks[name] = ranges;
  }

  function unmark(name) {
    CSS.highlights.delete(name);
    delete marks[name];
  }

  /** The text that was sent and its DOM map: kept from the extraction, else read again. Null
   *  when the page no longer reads as `length` UTF-16 units (it changed since the check). */
  function currentPage(length) {
    let page = globalThis.newsbadgePage;
    if (!page || page.text.length !== length || !page.segments[0]?.node.isConnected) {
      page = newsbadgeVisible.read(document);
      globalThis.newsbadgePage = { text: page.text, segments: page.segments };
    }
    return page.text.length === length ? page : null;
  }

  /** Map from code point offsets (Python string indices, as the server reports them) to UTF-16
   *  offsets (JavaScript string indices) in `text`: astral characters such as emoji count one
   *  in the first and two in the second. One pass over the text up to the largest offset. */
  function utf16Offsets(text, points) {
    const wanted = [...new Set(points)].sort((a, b) => a - b);
    const offsets = new Map();
    let point = 0;
    let unit = 0;
    for (const target of wanted) {
      while (point < target && unit < text.length) {
        const code = text.charCodeAt(unit);
        const pair = code >= 0xd800 && code <= 0xdbff &&
          (text.charCodeAt(unit + 1) & 0xfc00) === 0xdc00;
        unit += pair ? 2 : 1;
        point += 1;
      }
      offsets.set(target, unit);
    }
    return offsets;
  }

  function rangesOf(page, spans) {
    const offsets = utf16Offsets(page.text, spans.flat());
    return spans
      .map(([start, end]) => newsbadgeVisible.rangeOf(page, offsets.get(start), offsets.get(end)))
      .filter(Boolean);
  }

  /** Marks each group's spans ({group: [[start, end], ...]}, code points); returns how many
   *  ranges were marked per group, or null when the page changed since it was checked. */
  function show(groups, length) {
    const page = currentPage(length);
    if (!page) return null;
    hide();
    const counts = {};
    for (const [group, spans] of Object.entries(groups)) {
      const ranges = rangesOf(page, spans);
      mark(PREFIX + group, ranges);
      counts[group] = ranges.length;
    }
    return counts;
  }

  function hide() {
    for (const name of Object.keys(marks)) {
      if (name !== FLASH) unmark(name);
    }
  }

  /** Scrolls to one span and flashes it; returns the marked text, or null. */
  function reveal(start, end, length) {
    const page = currentPage(length);
    const [range] = page ? rangesOf(page, [[start, end]]) : [];
    if (!range) return null;
    const target = range.startContainer.parentElement;
    target?.scrollIntoView({ block: "center", behavior: "smooth" });
    mark(FLASH, [range], 1);
    clearTimeout(flashTimer);
    flashTimer = setTimeout(() => unmark(FLASH), FLASH_MS);
    return range.toString();
  }

  /** The text of each marked range per highlight name that is registered in the page (for the
   *  tests and for debugging). */
  function marked() {
    const result = {};
    for (const [name, ranges] of Object.entries(marks)) {
      if (CSS.highlights.has(name)) result[name] = ranges.map((range) => range.toString());
    }
    return result;
  }

  return { show, hide, reveal, marked };
})();
