// Injected on demand after Readability.js and visible.js. Builds the request for the server:
// the visible text, the title, the URL and the page's blocks, each with Readability's verdict.
"use strict";

// Injected again before each use: the first injection's state is kept.
var newsbadgeExtract = globalThis.newsbadgeExtract ?? (() => {
  const MARK = "data-newsbadge-element";
  const MAX_BLOCKS = 5000;

  /** Indices (in document order) of the elements that Readability keeps in the article, from a
   *  marked clone of the document (Readability changes the document it reads). */
  function readabilityKept(blockElements) {
    const elements = document.getElementsByTagName("*");
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
    const blockElements = new Set(page.blocks.map((block) => block.element).filter(Boolean));
    let readability = null;
    try {
      readability = readabilityKept(blockElements);
    } catch (error) {
      console.warn("newsbadge: Readability failed on this page:", error);
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
    return {
      text: page.text,
      title: readability?.title || document.title || null,
      url: location.href,
      blocks,
    };
  };
})();
