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

// One piece of evidence: where it is (start, end: code points into the text sent), how the popup
// lists it (note, label), and what the page marks for it (spans, in the highlight `group`).
const item = (span, note, group, label = span.text, spans = [span]) => ({
  start: span.start, end: span.end, note, label, group,
  spans: spans.map((part) => [part.start, part.end]),
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
    entry.title ? `${entry.name} — ${entry.title}` : entry.name, parts.length ? parts : [anchor]);
};

function unattributed(attributions) {
  const bare = attributions.filter((entry) => !entry.source);
  if (!bare.length) return [];
  return [item(bare[0].cue, "reporting", "sourcing", `Unattributed reporting ×${bare.length}`,
    bare.map((entry) => entry.cue))];
}

const EVIDENCE = {
  sensational: (section) => section.evidence.map((cue) => item(cue, cue.cue, "sensational")),
  contamination: (section) =>
    section.spans.map((span) => item(span, span.placement === "around"
      ? `${span.category}, around the article` : span.category, "contamination")),
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
