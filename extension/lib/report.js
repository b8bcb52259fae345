// The shape of a newsbadge.report/2 (DESIGN.md) in one place: its schema, its badge, why it could
// not grade a page, each section's scale, and what counts as each section's evidence. The popup
// and the background read reports through it; the content scripts never see a report, only the
// plain spans the background passes them (they are classic scripts and cannot import this).

const REPORT_SCHEMA = "newsbadge.report/2";
export const SECTION_KEYS = ["sensational", "contamination", "sourcing"];

export const isReport = (body) => body?.schema === REPORT_SCHEMA;
export const badgeOf = (report) => report.badge;
export const languageCode = (report) => report.language?.code ?? "?";
export const isGraded = (section) => section.score !== null && section.score !== undefined;

/** Why the report grades nothing ("too_short", "unsupported_language"), or null when it grades
 *  framing or sourcing (as the server's badge: "?" only when neither has a score). A page the
 *  server calls no news article is graded: its badge says so. */
export function ungradedReason(report) {
  if (isGraded(report.sensational) || isGraded(report.sourcing)) return null;
  const reasons = [report.sensational.reason, report.sourcing.reason];
  if (reasons.includes("too_short")) return "too_short";
  if (reasons.includes("unsupported_language") || report.language?.supported === false) {
    return "unsupported_language";
  }
  return "too_short";
}

/** A section's scale as a <meter>'s min, max, low, high and optimum (low and high: the scores
 *  at which its first and last levels end), or null when the report has none (older servers). */
export function meterScale(section) {
  const scale = section.scale;
  if (!scale) return null;
  const cuts = scale.cuts.filter((cut) => cut.below !== undefined).map((cut) => cut.below);
  return { min: scale.min, max: scale.max, low: cuts[0], high: cuts.at(-1), optimum: scale.optimum };
}

// One piece of evidence: where it is (start, end: code points into the text sent), what it is
// (`kind`: the cue kind, boilerplate category or source kind, named in words by labels.js), how
// it is listed (label), and what the page marks for it (spans, in the highlight `group`).
const item = (span, kind, group, label = span.text, spans = [span], extra = {}) => ({
  start: span.start, end: span.end, kind, label, group,
  spans: spans.map((part) => [part.start, part.end]), ...extra,
});

// Sourcing is shown by source: each named or described source (with its role), marking every
// reporting attribution to it; then the reporting that names no source, as one item; beliefs
// ("wants", "hopes") and the writer's own first person are not sourcing and are not shown.
const reporting = (section) => section.attributions.filter((entry) =>
  entry.kind !== "belief" && !entry.first_person);

const source = (entry, attributions) => {
  const cited = attributions.filter((a) => a.source?.name === entry.name && a.source.kind === entry.kind);
  const parts = cited.flatMap((a) => [a.source, a.cue]);
  const anchor = entry.start === undefined ? (cited[0]?.source ?? entry) : entry;
  return item(anchor, entry.kind, "sourcing",
    entry.title ? `${entry.name} — ${entry.title}` : entry.name, parts.length ? parts : [anchor],
    { name: entry.name, title: entry.title ?? "", mentions: entry.mentions, cues: entry.cues ?? [] });
};

function unattributed(attributions) {
  const bare = attributions.filter((entry) => !entry.source);
  if (!bare.length) return [];
  return [item(bare[0].cue, "reporting", "sourcing", `Reporting with no source named ×${bare.length}`,
    bare.map((entry) => entry.cue))];
}

const EVIDENCE = {
  sensational: (section) => section.evidence.map((cue) => item(cue, cue.cue, "sensational")),
  contamination: (section) => section.spans.map((span) => item(span, span.category,
    "contamination", span.text, [span], { around: span.placement === "around" })),
  sourcing: (section) => {
    const attributions = reporting(section);
    return [
      ...section.sources.map((entry) => source(entry, attributions)),
      ...unattributed(attributions),
      ...section.hedges.map((hedge) => item(hedge, "hedge", "hedge")),
    ];
  },
};

/** The evidence of one section, in the report's order. */
export const evidenceOf = (report, key) => EVIDENCE[key](report[key]);

/** Items of the same kind and words as one entry ({kind, label, group, count, items}), in the
 *  order of their first use: "historic" four times is one line, "historic ×4". */
export function groupedEvidence(items) {
  const groups = new Map();
  for (const entry of items) {
    const key = `${entry.group}\u0000${entry.kind}\u0000${entry.label.toLowerCase()}`;
    if (!groups.has(key)) groups.set(key, { ...entry, count: 0, items: [] });
    const group = groups.get(key);
    group.count += 1;
    group.items.push(entry);
  }
  return [...groups.values()];
}

/** Boilerplate by category, most text first ({kind, count, chars, items: longest first}). */
export function boilerplateByCategory(report) {
  const byKind = new Map();
  for (const entry of evidenceOf(report, "contamination")) {
    if (!byKind.has(entry.kind)) byKind.set(entry.kind, { kind: entry.kind, count: 0, chars: 0, items: [] });
    const category = byKind.get(entry.kind);
    category.count += 1;
    category.chars += entry.end - entry.start;
    category.items.push(entry);
  }
  for (const category of byKind.values()) {
    category.items.sort((a, b) => (b.end - b.start) - (a.end - a.start));
  }
  return [...byKind.values()].sort((a, b) => b.chars - a.chars);
}

// The headline moved the framing score when the section's score differs from its body's by at
// least this many points (scores are shown rounded to whole points).
const HEADLINE_MOVED = 0.5;

/** {text, score, from, to, cues} when the headline's score moved the framing section's score (from
 *  the body's score to the section's), else null (no headline, or it changed nothing). */
export function headlineEffect(report) {
  const section = report.sensational;
  const { headline } = section;
  if (!headline || !isGraded(headline) || !isGraded(section)) return null;
  const body = section.body_score;
  if (body === undefined || body === null || Math.abs(section.score - body) < HEADLINE_MOVED) {
    return null;
  }
  return { text: headline.text, score: headline.score, from: body, to: section.score,
    cues: headline.cues ?? [] };
}

/** The text the report's offsets index: the report's own `text` (the request had only html),
 *  else the text that was sent. */
export const reportText = (report, sentText) => report.text ?? sentText ?? "";

// The page marks every attribution that is not a belief, source and cue, in text order (the popup
// lists them by source instead).
const attributionMarks = (section) => section.attributions
  .filter((entry) => entry.kind !== "belief")
  .flatMap((entry) => [entry.source, entry.cue].filter(Boolean))
  .map((part) => [part.start, part.end]);

/** The spans to mark per highlight group ({sensational, contamination, sourcing, hedge}), as
 *  [start, end] code point offsets; a group without evidence is left out. */
export function highlightGroups(report) {
  const groups = {};
  for (const key of SECTION_KEYS) {
    for (const entry of evidenceOf(report, key)) {
      if (entry.group !== "sourcing") (groups[entry.group] ??= []).push(...entry.spans);
    }
  }
  const sourcing = attributionMarks(report.sourcing);
  if (sourcing.length) groups.sourcing = sourcing;
  return groups;
}
