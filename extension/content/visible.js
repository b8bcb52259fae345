// Injected on demand (never declared as a content script). Reads the page's visible text the way
// a reader sees it: one line per block, runs of white space collapsed, hidden elements left out.
// Beside the text it keeps, for each character, the DOM text node and offset it came from (so
// that the server's offsets can be turned back into DOM ranges) and the page's blocks.
"use strict";

// Injected again before each use: the first injection's state is kept.
var newsbadgeVisible = globalThis.newsbadgeVisible ?? (() => {
  // Elements whose text a reader does not see as text.
  const SKIPPED = new Set(["script", "style", "noscript", "template", "head"]);
  // Embedded content and form fields: skipped too, unless they hold a block element, since the
  // parser's repairs put whole articles inside them (an <object> or <select> left open takes the
  // rest of the page) and no element type may lose the article. The same rule as the server's
  // visible.py.
  const WIDGETS = new Set([
    "iframe", "object", "embed", "canvas", "svg", "math", "video", "audio", "select", "datalist",
    "textarea",
  ]);
  const BLOCK_CONTENT = [
    "address", "article", "aside", "blockquote", "caption", "center", "dd", "details", "dialog",
    "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
    "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "legend", "li", "main", "menu", "nav", "ol",
    "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
  ].join(",");
  const SPACE_CODES = new Set([0x20, 0x09, 0x0a, 0x0d, 0x0c]);
  const UNMAPPED = -1;
  const MAX_CLASS_WORDS = 16;
  // Splits class names and ids into words: "relatedStories__item-2 NEWS" -> related, stories,
  // item, news.
  const CLASS_WORD = /[a-z]+|[A-Z]+(?![a-z])|[A-Z][a-z]*/g;

  const isBlock = (display) =>
    !(display.startsWith("inline") || display === "contents" || display.startsWith("ruby"));
  const keepsSpaces = (whiteSpace) => whiteSpace.startsWith("pre") || whiteSpace === "break-spaces";

  /** Reads `doc`: {text, segments, blocks}. segments[i] = {node, start, offsets}: characters
   *  text[start + k] come from node.data[offsets[k]] (UNMAPPED for inserted spaces and breaks). */
  function read(doc) {
    const parts = [];
    const segments = [];
    const blocks = [];
    let length = 0;
    let atLineStart = true;
    let pendingSpace = false;
    let pendingBreak = false;
    let linkDepth = 0;
    let block = { element: doc.body, start: 0, linkChars: 0 };
    const blockElements = [];

    function lineBreak() {
      if (!atLineStart) pendingBreak = true;
    }

    function closeBlock(nextElement) {
      if (length > block.start) blocks.push({ ...block, end: length });
      block = { element: nextElement, start: length, linkChars: 0 };
    }

    function readText(node, pre) {
      const data = node.data;
      let piece = "";
      const offsets = [];
      for (let i = 0; i < data.length; i++) {
        const code = data.charCodeAt(i);
        if (pre && code === 0x0a) {
          lineBreak();
          continue;
        }
        if (!pre && SPACE_CODES.has(code)) {
          if (!atLineStart) pendingSpace = true;
          continue;
        }
        if (pendingBreak || pendingSpace) {
          piece += pendingBreak ? "\n" : " ";
          offsets.push(UNMAPPED);
          pendingBreak = pendingSpace = false;
        }
        piece += data[i];
        offsets.push(i);
        atLineStart = false;
        if (linkDepth > 0) block.linkChars += 1;
      }
      if (piece) {
        segments.push({ node, start: length, offsets });
        parts.push(piece);
        length += piece.length;
      }
    }

    function visit(element) {
      const name = element.localName;
      if (SKIPPED.has(name) || (WIDGETS.has(name) && !element.querySelector(BLOCK_CONTENT))) {
        return;
      }
      const style = getComputedStyle(element);
      if (style.display === "none" || style.contentVisibility === "hidden") return;
      if (element.localName === "br") {
        lineBreak();
        return;
      }
      const blockLevel = isBlock(style.display);
      const visible = style.visibility === "visible";
      const pre = keepsSpaces(style.whiteSpace);
      const link = element.localName === "a";
      if (blockLevel) {
        lineBreak();
        pendingSpace = false;
        blockElements.push(element);
        closeBlock(element);
      }
      if (link) linkDepth += 1;
      for (let child = element.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === Node.TEXT_NODE) {
          if (visible) readText(child, pre);
        } else if (child.nodeType === Node.ELEMENT_NODE) {
          visit(child);
        }
      }
      if (link) linkDepth -= 1;
      if (blockLevel) {
        lineBreak();
        pendingSpace = false;
        blockElements.pop();
        closeBlock(blockElements.at(-1) ?? doc.body);
      }
    }

    if (doc.body) visit(doc.body);
    closeBlock(null);
    return { text: parts.join(""), segments, blocks };
  }

  /** Words of the class and id attributes of an element and its ancestors, nearest first. */
  function classWords(element, cache) {
    if (!element || element.nodeType !== Node.ELEMENT_NODE) return [];
    if (cache.has(element)) return cache.get(element);
    const own = `${element.id} ${element.getAttribute("class") ?? ""}`.match(CLASS_WORD) ?? [];
    const words = [...new Set([
      ...own.map((word) => word.toLowerCase()).filter((word) => word.length > 1),
      ...classWords(element.parentElement, cache),
    ])].slice(0, MAX_CLASS_WORDS);
    cache.set(element, words);
    return words;
  }

  /** The segment holding UTF-16 index `index` of the text (binary search), or null. */
  function segmentAt(segments, index) {
    let low = 0;
    let high = segments.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const segment = segments[middle];
      if (index < segment.start) high = middle - 1;
      else if (index >= segment.start + segment.offsets.length) low = middle + 1;
      else return segment;
    }
    return null;
  }

  /** The DOM position of the first mapped character at or after `index` (step 1) or at or before
   *  it (step -1), within [low, high). */
  function position(segments, index, step, low, high) {
    for (let i = index; i >= low && i < high; i += step) {
      const segment = segmentAt(segments, i);
      const offset = segment?.offsets[i - segment.start] ?? UNMAPPED;
      if (offset !== UNMAPPED) return { node: segment.node, offset };
    }
    return null;
  }

  /** A DOM Range over text[start:end] (UTF-16 indices), or null when the page has changed. */
  function rangeOf(page, start, end) {
    const first = position(page.segments, start, 1, start, end);
    const last = position(page.segments, end - 1, -1, start, end);
    if (!first || !last || !first.node.isConnected || !last.node.isConnected) return null;
    const range = document.createRange();
    range.setStart(first.node, first.offset);
    // The end is after the last character; a surrogate pair's second half is mapped on its own.
    range.setEnd(last.node, last.offset + 1);
    return range;
  }

  return { read, classWords, rangeOf };
})();
