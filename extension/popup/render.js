// Builds the popup's report view from DOM nodes and textContent only: nothing from the page or
// the server is ever parsed as HTML.
import { SECTION_KEYS, evidenceOf, isGraded, meterScale } from "../lib/report.js";
import { SECTION_VIEWS, insufficientReason } from "./sections.js";

const MAX_ITEMS = 40;
const SHORT_LABEL = 140;
const clip = (text) => (text.length > SHORT_LABEL ? `${text.slice(0, SHORT_LABEL - 1)}…` : text);

function element(tag, properties = {}, children = []) {
  const node = document.createElement(tag);
  Object.assign(node, properties);
  node.append(...children);
  return node;
}

/** A <meter> coloured by the section's own level cuts; none when the report has no scale. */
function meter(view, section) {
  const scale = meterScale(section);
  if (!scale) return [];
  const node = element("meter", { ...scale, value: isGraded(section) ? section.score : scale.min });
  node.setAttribute("aria-label", view.title);
  return [node];
}

function meterRow(view, section) {
  const level = isGraded(section)
    ? `${view.levels[section.level] ?? section.level} (${Math.round(section.score)})`
    : insufficientReason(section);
  return element("div", { className: "meter" }, [
    element("span", { textContent: view.title }),
    ...meter(view, section),
    element("span", { className: "level", textContent: level }),
  ]);
}

function evidenceList(view, items, onReveal) {
  const list = element("ul", {}, items.slice(0, MAX_ITEMS).map((entry) => {
    const button = element("button", { type: "button", title: "Show in the page" }, [
      element("span", { className: "note", textContent: entry.note }),
      clip(entry.label),
    ]);
    button.dataset.start = entry.start;
    button.dataset.end = entry.end;
    button.addEventListener("click", () => onReveal(entry));
    return element("li", {}, [button]);
  }));
  const details = element("details", {}, [
    element("summary", { textContent: `${view.evidenceTitle} (${items.length})` }),
    list,
  ]);
  if (items.length > MAX_ITEMS) {
    details.append(element("p", { className: "more",
      textContent: `and ${items.length - MAX_ITEMS} more (highlight them in the page)` }));
  }
  details.open = items.length > 0;
  return details;
}

function tagged(key, node) {
  node.dataset.section = key;
  return node;
}

/** Fills the meters and evidence containers for `report`; `onReveal(item)` on an item's click. */
export function renderReport(report, meters, evidence, onReveal) {
  meters.replaceChildren(...SECTION_KEYS.map((key) =>
    tagged(key, meterRow(SECTION_VIEWS[key], report[key]))));
  evidence.replaceChildren(...SECTION_KEYS.map((key) =>
    tagged(key, evidenceList(SECTION_VIEWS[key], evidenceOf(report, key), onReveal))));
}
