// Builds the popup's report view from DOM nodes and textContent only: nothing from the page or
// the server is ever parsed as HTML.
import { SECTIONS, insufficientReason } from "./sections.js";

const MAX_ITEMS = 40;

function element(tag, properties = {}, children = []) {
  const node = document.createElement(tag);
  Object.assign(node, properties);
  node.append(...children);
  return node;
}

function meterRow(spec, section) {
  const scored = section.score !== null && section.score !== undefined;
  const meter = element("meter", {
    min: 0, max: 100, low: spec.low, high: spec.high, optimum: spec.optimum, value: scored ? section.score : 0,
  });
  meter.setAttribute("aria-label", spec.title);
  const level = scored
    ? `${spec.levels[section.level] ?? section.level} (${Math.round(section.score)})`
    : insufficientReason(section);
  return element("div", { className: "meter" }, [
    element("span", { textContent: spec.title }),
    meter,
    element("span", { className: "level", textContent: level }),
  ]);
}

function evidenceList(spec, section, onReveal) {
  const items = spec.evidence(section);
  const list = element("ul", {}, items.slice(0, MAX_ITEMS).map((entry) => {
    const button = element("button", { type: "button", title: "Show in the page" }, [
      element("span", { className: "note", textContent: entry.note }),
      entry.label,
    ]);
    button.dataset.start = entry.start;
    button.dataset.end = entry.end;
    button.addEventListener("click", () => onReveal(entry));
    return element("li", {}, [button]);
  }));
  const details = element("details", {}, [
    element("summary", { textContent: `${spec.evidenceTitle} (${items.length})` }),
    list,
  ]);
  if (items.length > MAX_ITEMS) {
    details.append(element("p", { className: "more",
      textContent: `and ${items.length - MAX_ITEMS} more (highlight them in the page)` }));
  }
  details.dataset.section = spec.key;
  details.open = items.length > 0;
  return details;
}

/** Fills the meters and evidence containers for `report`; `onReveal(item)` on an item's click. */
export function renderReport(report, meters, evidence, onReveal) {
  meters.replaceChildren(...SECTIONS.map((spec) => {
    const row = meterRow(spec, report[spec.key]);
    row.dataset.section = spec.key;
    return row;
  }));
  evidence.replaceChildren(...SECTIONS.map((spec) => evidenceList(spec, report[spec.key], onReveal)));
}
