// Building views from DOM nodes and textContent only: nothing from a page or a server is ever
// parsed as HTML. Shared by the popup, the extension's report page and the server's `/` page.

/** A new `tag` element with `properties` assigned (textContent, className, href...) and
 *  `children` (nodes or strings, strings as text) appended. */
export function element(tag, properties = {}, children = []) {
  const node = document.createElement(tag);
  Object.assign(node, properties);
  node.append(...children);
  return node;
}

/** A heading and its content as a <section> named by the heading for screen readers. */
export function labelledSection(id, level, title, children, className = "") {
  const heading = element(`h${level}`, { id: `${id}-title`, textContent: title });
  const section = element("section", { id, className }, [heading, ...children]);
  section.setAttribute("aria-labelledby", heading.id);
  return section;
}
