// The popup's report view in plain words: the scores, the sources first, loaded words counted
// ("historic ×4"), boilerplate summarised by category with its longest lines, hedges, and a
// legend in the reader's highlight colours. DOM nodes and textContent only.
import { element } from "../lib/dom.js";
import { SECTION_VIEWS, categoryLabel, kindLabel } from "../lib/labels.js";
import { SECTION_KEYS, boilerplateByCategory, evidenceOf, groupedEvidence } from "../lib/report.js";
import { headlineLine, legend, meterRow } from "../report/render.js";

// The longest lines of each boilerplate category listed (the rest are counted).
const LINES_PER_CATEGORY = 3;
const SHORT_LABEL = 140;
const clip = (text) => (text.length > SHORT_LABEL ? `${text.slice(0, SHORT_LABEL - 1)}…` : text);
const counted = (group) => (group.count > 1 ? `${group.label} ×${group.count}` : group.label);

/** A button that shows one piece of evidence in the page; `note` says what it is. */
function evidenceButton(entry, label, note, onReveal) {
  const button = element("button", { type: "button", title: "Show in the page" }, [
    element("span", { className: "label", textContent: clip(label) }),
    element("span", { className: "note", textContent: note }),
  ]);
  button.dataset.start = entry.start;
  button.dataset.end = entry.end;
  button.addEventListener("click", () => onReveal(entry));
  return element("li", {}, [button]);
}

function details(key, title, count, children) {
  const node = element("details", { open: count > 0 }, [
    element("summary", { textContent: `${title} (${count})` }), ...children]);
  node.dataset.section = key;
  return node;
}

const sourceNote = (entry) => entry.kind === "reporting" ? kindLabel(entry)
  : `${kindLabel(entry)} · ${entry.mentions} mention${entry.mentions === 1 ? "" : "s"}`;

function sourcesList(report, onReveal) {
  const items = evidenceOf(report, "sourcing").filter((entry) => entry.group === "sourcing");
  const named = items.filter((entry) => entry.kind !== "reporting").length;
  return details("sourcing", SECTION_VIEWS.sourcing.evidenceTitle, named, [
    element("ul", {}, items.map((entry) => evidenceButton(entry, entry.label, sourceNote(entry), onReveal))),
  ]);
}

function framingList(report, onReveal) {
  const groups = groupedEvidence(evidenceOf(report, "sensational"));
  const total = groups.reduce((sum, group) => sum + group.count, 0);
  return details("sensational", SECTION_VIEWS.sensational.evidenceTitle, total, [
    element("ul", {}, groups.map((group) =>
      evidenceButton(group.items[0], counted(group), kindLabel(group), onReveal))),
  ]);
}

function boilerplateList(report, onReveal) {
  const categories = boilerplateByCategory(report);
  const total = categories.reduce((sum, category) => sum + category.count, 0);
  return details("contamination", SECTION_VIEWS.contamination.evidenceTitle, total,
    categories.map((category) => {
      const shown = category.items.slice(0, LINES_PER_CATEGORY);
      const rest = category.count - shown.length;
      const node = element("div", { className: "category" }, [
        element("h3", { textContent: `${categoryLabel(category.kind)} ×${category.count}` }),
        element("ul", {}, shown.map((entry) => evidenceButton(entry, entry.label,
          entry.around ? "around the article" : "in the article", onReveal))),
        ...(rest > 0 ? [element("p", { className: "more", textContent: `and ${rest} shorter` })] : []),
      ]);
      node.dataset.category = category.kind;
      return node;
    }));
}

function hedgeList(report, onReveal) {
  const hedges = groupedEvidence(evidenceOf(report, "sourcing").filter((e) => e.group === "hedge"));
  const total = hedges.reduce((sum, group) => sum + group.count, 0);
  return details("hedge", "Hedges", total, [element("ul", {}, hedges.map((group) =>
    evidenceButton(group.items[0], counted(group), "not confirmed", onReveal)))]);
}

/** Fills the popup's containers for `report`; `onReveal(item)` when an item is clicked. */
export function renderReport(report, { meters, legendBox, evidence }, colors, onReveal) {
  const headline = headlineLine(report);
  meters.replaceChildren(...SECTION_KEYS.map((key) => meterRow(key, report[key])),
    ...(headline ? [element("p", { className: "headline", textContent: headline })] : []));
  legendBox.replaceChildren(legend(colors));
  evidence.replaceChildren(sourcesList(report, onReveal), framingList(report, onReveal),
    boilerplateList(report, onReveal), hedgeList(report, onReveal));
}
