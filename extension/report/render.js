// The full report of one page: verdict, scores, the article with its evidence marked, sources,
// evidence lists and the facts about the text. One renderer for the extension's report page
// (report/report.html) and the server's `/` page (the server ships an identical copy of this
// folder and lib/: see docs/extension.md). DOM nodes and textContent only, never innerHTML.
import { element, labelledSection } from "../lib/dom.js";
import { LEGEND, SECTION_VIEWS, categoryLabel, cueLabel, genreLabel, insufficientReason,
  kindLabel, levelLabel, sourceKindLabel, textColorOn } from "../lib/labels.js";
import { SECTION_KEYS, boilerplateByCategory, evidenceOf, groupedEvidence, headlineEffect,
  isGraded, meterScale } from "../lib/report.js";

const round = (value) => Math.round(value);

/** A section's level in words with its score ("some loaded words (52)"), or why it has none. */
export function levelText(key, section) {
  if (!isGraded(section)) return insufficientReason(section);
  return `${levelLabel(key, section.level) ?? section.level} (${round(section.score)})`;
}

/** One row of scores: the section's title, a <meter> on its own scale (none when the report has
 *  no scale: older servers), its level in words. */
export function meterRow(key, section) {
  const view = SECTION_VIEWS[key];
  const scale = meterScale(section);
  const title = element("span", { className: "meter-title", textContent: view.title });
  const level = element("span", { className: "level", textContent: levelText(key, section) });
  const parts = [title];
  if (scale) {
    const meter = element("meter", { ...scale, value: isGraded(section) ? section.score : scale.min });
    meter.setAttribute("aria-label", `${view.title}: ${level.textContent}`);
    parts.push(meter);
  }
  const row = element("div", { className: "meter" }, [...parts, level]);
  row.dataset.section = key;
  return row;
}

/** "The headline “…” scored 88 (list number “4”) and raised framing from 32 to 52", or null
 *  when it moved nothing: its cues are the evidence for its score. */
export function headlineLine(report) {
  const effect = headlineEffect(report);
  if (!effect) return null;
  const direction = effect.to > effect.from ? "raised" : "lowered";
  const cues = effect.cues.map((cue) => `${cueLabel(cue.cue)} “${cue.text}”`).join(", ");
  return `The headline “${effect.text}” scored ${round(effect.score)}` +
    (cues ? ` (${cues})` : "") + ` and ${direction} framing ` +
    `from ${round(effect.from)} (the article alone) to ${round(effect.to)}.`;
}

/** The badge as a coloured number whose text colour keeps AA contrast on the badge colour. */
export function badgeNode(badge, tag = "span") {
  const node = element(tag, { className: "badge", textContent: badge?.text ?? "" });
  if (badge?.color) {
    node.style.backgroundColor = badge.color;
    node.style.color = textColorOn(badge.color);
  }
  if (badge?.summary) node.title = badge.summary;
  return node;
}

/** The legend: one swatch per kind of mark, drawn with the marks' own classes. */
export function legend(colors = null) {
  return element("ul", { className: "legend" }, LEGEND.map(({ group, label, hint }) => {
    const swatch = element("mark", { className: `mark-${group}`, textContent: "example" });
    if (colors?.[group]) {
      // The reader's own highlight colour (options), with the text colour that stays readable on it.
      swatch.style.backgroundColor = colors[group];
      swatch.style.color = textColorOn(colors[group]);
    }
    swatch.setAttribute("aria-hidden", "true");
    const entry = element("li", {}, [swatch, " ", element("strong", { textContent: label }),
      element("span", { className: "hint", textContent: `: ${hint}` })]);
    entry.dataset.group = group;
    return entry;
  }));
}

// The article ------------------------------------------------------------------------------------

/** The id of the mark on an item's first span, which the evidence lists link to. */
const anchorOf = (entry) => `mark-${entry.group}-${entry.start}-${entry.end}`;

/** Every span to mark, with its group, its kind in words, and the item it anchors (first span). */
function articleMarks(report) {
  const marks = [];
  const anchors = new Set();
  for (const key of SECTION_KEYS) {
    for (const entry of evidenceOf(report, key)) {
      const anchor = anchorOf(entry);
      entry.spans.forEach(([start, end], index) => {
        if (end <= start) return;
        const first = index === 0 && !anchors.has(anchor);
        if (first) anchors.add(anchor);
        marks.push({ start, end, group: entry.group, label: kindLabel(entry), anchor: first ? anchor : null });
      });
    }
  }
  return marks;
}

/** [start, end) of each line of `chars` (code points), line breaks left out. */
function lineRanges(chars) {
  const lines = [];
  let start = 0;
  chars.forEach((char, index) => {
    if (char === "\n") {
      lines.push([start, index]);
      start = index + 1;
    }
  });
  lines.push([start, chars.length]);
  return lines;
}

/** The marks that overlap each line, found by a binary search for each mark's first line. */
function marksPerLine(lines, marks) {
  const perLine = lines.map(() => []);
  for (const mark of marks) {
    let low = 0;
    let high = lines.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (lines[middle][1] < mark.start) low = middle + 1;
      else high = middle;
    }
    for (let line = low; line < lines.length && lines[line][0] < mark.end; line += 1) {
      perLine[line].push(mark);
    }
  }
  return perLine;
}

/** One piece of a line covered by `covering` marks: a <mark> with each group's class, the first
 *  anchor as its id, a visible tag where boilerplate starts, and its kinds for screen readers. */
function markedPiece(text, start, end, covering) {
  const nodes = [];
  for (const mark of covering) {
    if (mark.group === "contamination" && mark.start === start) {
      nodes.push(element("span", { className: "tag", textContent: mark.label }));
    }
  }
  const node = element("mark", { textContent: text });
  node.className = [...new Set(covering.map((mark) => `mark-${mark.group}`))].join(" ");
  node.title = [...new Set(covering.map((mark) => mark.label))].join(", ");
  const anchors = covering.filter((mark) => mark.anchor && mark.start === start);
  if (anchors.length) {
    node.id = anchors[0].anchor;
    node.tabIndex = -1;
  }
  nodes.push(...anchors.slice(1).map((mark) => element("span", { id: mark.anchor, tabIndex: -1 })));
  nodes.push(node);
  const ending = covering.filter((mark) => mark.end === end && mark.group !== "contamination");
  if (ending.length) {
    const kinds = [...new Set(ending.map((mark) => mark.label))].join(", ");
    nodes.push(element("span", { className: "sr-only", textContent: ` (${kinds})` }));
  }
  return nodes;
}

function lineNode(chars, [lineStart, lineEnd], marks) {
  const cuts = new Set([lineStart, lineEnd]);
  for (const mark of marks) {
    cuts.add(Math.max(mark.start, lineStart));
    cuts.add(Math.min(mark.end, lineEnd));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const paragraph = element("p");
  for (let index = 0; index + 1 < points.length; index += 1) {
    const [start, end] = [points[index], points[index + 1]];
    const text = chars.slice(start, end).join("");
    const covering = marks.filter((mark) => mark.start <= start && mark.end >= end);
    paragraph.append(...(covering.length ? markedPiece(text, start, end, covering) : [text]));
  }
  if (marks.some((mark) => mark.group === "contamination")) paragraph.className = "boilerplate";
  return paragraph;
}

/** The text with every piece of evidence marked, one paragraph per line. */
export function articleView(report, text) {
  const chars = Array.from(text); // the report's offsets count code points
  const lines = lineRanges(chars);
  const perLine = marksPerLine(lines, articleMarks(report));
  return element("div", { className: "article" },
    lines.map((range, index) => lineNode(chars, range, perLine[index])));
}

// Evidence lists -----------------------------------------------------------------------------------

const jump = (entry, text) => element("a", { href: `#${anchorOf(entry)}`, textContent: text });

function framingList(report) {
  const groups = groupedEvidence(evidenceOf(report, "sensational"));
  if (!groups.length) return [element("p", { textContent: "No loaded words found." })];
  return [element("ul", { className: "evidence" }, groups.map((group) => element("li", {}, [
    jump(group.items[0], group.count > 1 ? `${group.label} ×${group.count}` : group.label),
    element("span", { className: "note", textContent: kindLabel(group) }),
  ])))];
}

// The longest lines of each boilerplate category listed; the rest are counted (and marked).
const LINES_PER_CATEGORY = 10;

function boilerplateList(report) {
  const categories = boilerplateByCategory(report);
  if (!categories.length) return [element("p", { textContent: "No ads or page furniture found." })];
  return categories.map((category) => {
    const rest = category.count - LINES_PER_CATEGORY;
    return element("div", { className: "category" }, [
      element("h4", { textContent: `${categoryLabel(category.kind)} ×${category.count}` }),
      element("ul", { className: "evidence" }, category.items.slice(0, LINES_PER_CATEGORY).map((entry) =>
        element("li", {}, [jump(entry, entry.label),
          ...(entry.around ? [element("span", { className: "note", textContent: "around the article" })] : [])]))),
      ...(rest > 0 ? [element("p", { textContent: `and ${rest} shorter, marked in the article` })] : []),
    ]);
  });
}

function hedgeList(report) {
  const hedges = groupedEvidence(evidenceOf(report, "sourcing").filter((e) => e.group === "hedge"));
  if (!hedges.length) return [element("p", { textContent: "No hedges found." })];
  return [element("ul", { className: "evidence" }, hedges.map((group) => element("li", {}, [
    jump(group.items[0], group.count > 1 ? `${group.label} ×${group.count}` : group.label),
  ])))];
}

const cell = (tag, text) => element(tag, { textContent: String(text ?? "") });

/** The sources table: name, kind, role, mentions, cue words; then the reporting without one. */
function sourcesTable(report) {
  const items = evidenceOf(report, "sourcing");
  const sources = items.filter((entry) => entry.group === "sourcing" && entry.kind !== "reporting");
  const nodes = [];
  if (sources.length) {
    const head = element("tr", {}, ["Source", "Kind", "Role", "Mentions", "Cue words"]
      .map((title) => Object.assign(cell("th", title), { scope: "col" })));
    const rows = sources.map((entry) => element("tr", {}, [
      element("th", { scope: "row" }, [jump(entry, entry.name)]),
      cell("td", sourceKindLabel(entry.kind)), cell("td", entry.title), cell("td", entry.mentions),
      cell("td", entry.cues.join(", "))]));
    nodes.push(element("div", { className: "table-scroll" }, [element("table", { className: "sources" }, [
      element("caption", { textContent: "Who the article cites" }),
      element("thead", {}, [head]), element("tbody", {}, rows)])]));
  } else {
    nodes.push(element("p", { textContent: "The article names no source." }));
  }
  const bare = items.find((entry) => entry.kind === "reporting");
  if (bare) {
    nodes.push(element("p", {}, [`Reporting that names no source: ${bare.spans.length} (`,
      jump(bare, "the first"), ")"]));
  }
  return nodes;
}

// Facts about the text --------------------------------------------------------------------------------

function languageName(code) {
  try {
    return new Intl.DisplayNames(["en"], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

function facts(report) {
  const rows = [];
  const genre = report.genre;
  if (genre?.kind) {
    rows.push(["Kind of page", `${genreLabel(genre.kind)} (${round((genre.confidence ?? 0) * 100)}% sure)`]);
  }
  const { flesch_reading_ease: ease, grade_level: grade } = report.readability ?? {};
  if (ease !== null && ease !== undefined) {
    rows.push(["Readability", `Flesch reading ease ${round(ease)} of 100 (higher is easier)` +
      (grade === null || grade === undefined ? "" : `, school grade ${grade.toFixed(1)}`)]);
  }
  const language = report.language;
  if (language) {
    rows.push(["Language", `${languageName(language.code)} (${language.code}, ` +
      `${round(language.probability * 100)}% sure)` + (language.supported ? "" : ", not supported")]);
  }
  if (report.stats) rows.push(["Length", `${report.stats.words} words, ${report.stats.sentences} sentences`]);
  return element("dl", { className: "facts" }, rows.flatMap(([term, value]) =>
    [cell("dt", term), cell("dd", value)]));
}

// The whole report -----------------------------------------------------------------------------------

function verdict(report) {
  const { badge } = report;
  const reasons = badge.why ?? [];
  return [
    element("div", { className: "verdict" }, [badgeNode(badge, "strong"),
      element("p", { className: "summary", textContent: badge.summary })]),
    reasons.length
      ? element("ul", { className: "why" }, reasons.map((reason) => element("li", {
        textContent: `${reason.text}: −${round(reason.points)} points` })))
      : element("p", { className: "why", textContent: "Nothing pulled the number down." }),
  ];
}

function scores(report) {
  const rows = SECTION_KEYS.map((key) => meterRow(key, report[key]));
  const headline = headlineLine(report);
  return headline ? [...rows, element("p", { className: "headline", textContent: headline })] : rows;
}

/** Fills `root` with the full report of `report`, whose offsets index `text`. */
export function renderFullReport(root, report, text) {
  const article = articleView(report, text);
  root.replaceChildren(
    labelledSection("verdict", 2, `Verdict: ${report.badge.text} of 100`, verdict(report)),
    labelledSection("scores", 2, "Scores", scores(report)),
    labelledSection("sources", 2, "Sources", sourcesTable(report)),
    labelledSection("article", 2, "The article, marked", [legend(), article]),
    labelledSection("evidence", 2, "Evidence", [
      labelledSection("evidence-framing", 3, SECTION_VIEWS.sensational.evidenceTitle, framingList(report)),
      labelledSection("evidence-boilerplate", 3, SECTION_VIEWS.contamination.evidenceTitle,
        boilerplateList(report)),
      labelledSection("evidence-hedges", 3, "Hedges", hedgeList(report)),
    ]),
    labelledSection("facts", 2, "About the text", [facts(report)]),
  );
}
