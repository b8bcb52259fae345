// Injected on demand after Readability.js and visible.js. Builds the request for the server:
// the visible text, the title, the URL and the page's blocks, each with Readability's verdict.
"use strict";

// Injected again before each use: the first injection's state is kept.
var newsbadgeExtract = globalThis.newsbadgeExtract ?? (() => {
  const MARK = "data-newsbadge-element";
  const MAX_BLOCKS = 5000;
  // Blocks repeat the page's text: when the text takes more than this many bytes of JSON they are
  // left out, so that text and blocks together stay under the server's default body limit
  // (2 MiB); the server then judges the text alone.
  const MAX_TEXT_BYTES_WITH_BLOCKS = 800000;
  const jsonBytes = (value) => new TextEncoder().encode(JSON.stringify(value)).length;
  // Readability.js is not run on larger documents (their blocks get readability_kept: null):
  // in headless Chromium 156 a page of 40,000 elements took 2.2 s to read with it and 0.4 s
  // without; news articles have a few thousand elements.
  const MAX_ELEMENTS_TO_PARSE = 15000;

  /** Indices (in document order) of the elements that Readability keeps in the article, from a
   *  marked clone of the document (Readability changes the document it reads); null for large
   *  documents. */
  function readabilityKept(blockElements) {
    const elements = document.getElementsByTagName("*");
    if (elements.length > MAX_ELEMENTS_TO_PARSE) return null;
    const indexOf = new Map();
    for (let i = 0; i < elements.length; i++) indexOf.set(elements[i], i);
    const clone = document.cloneNode(true);
    const cloned = clone.getElementsByTagName("*");
    for (const element of blockElements) {
      const index = indexOf.get(element);
      if (index !== undefined) cloned[index].setAttribute(MARK, String(index));
    }
    const article = new Readability(clone, { serializer: (root) => root }).parse();
    if (!article) return { title: null, kept: new Set(), indexOf };
    const kept = [article.content, ...article.content.querySelectorAll(`[${MARK}]`)]
      .map((element) => element.getAttribute(MARK))
      .filter((mark) => mark !== null);
    return { title: article.title, kept: new Set(kept.map(Number)), indexOf };
  }

  return function extract() {
    const page = newsbadgeVisible.read(document);
    // Kept in this isolated world for the highlights, which need the text-to-DOM map.
    globalThis.newsbadgePage = { text: page.text, segments: page.segments };
    // The server takes the same title from HTML (contamination/headline.py): Readability's, else
    // document.title, else the first <h1>.
    const heading = document.querySelector("h1")?.textContent.trim().replace(/\s+/g, " ");
    const request = {
      text: page.text, title: document.title || heading || null, url: location.href,
    };
    if (jsonBytes(page.text) > MAX_TEXT_BYTES_WITH_BLOCKS) return request;
    let readability = null;
    try {
      readability = readabilityKept(new Set(page.blocks.map((block) => block.element)));
    } catch (error) {
      console.warn("newsbadge: no Readability.js verdicts for this page:", error.message);
    }
    const cache = new Map();
    const blocks = page.blocks.slice(0, MAX_BLOCKS).map((block) => {
      const text = page.text.slice(block.start, block.end).trim();
      const index = readability?.indexOf.get(block.element);
      return {
        text,
        tag: block.element?.localName ?? null,
        link_density: text ? Math.min(1, block.linkChars / text.length) : 0,
        readability_kept: readability ? readability.kept.has(index) : null,
        class_words: newsbadgeVisible.classWords(block.element, cache),
      };
    }).filter((block) => block.text);
    return { ...request, title: readability?.title || request.title, blocks };
  };
})();
