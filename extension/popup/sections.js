// How the popup shows each section of a newsbadge.report/1: its meter and its evidence list.
// Meters follow the <meter> element's low/high/optimum, so the browser colours them; low and high
// are the scores at which the server's levels change (docs/sensational.md: 40 and 70; contamination:
// 10% and 30%; sourcing: the 10th percentile and the median of PolNeAR), so colour and level agree.

const SHORT_LABEL = 140;
const clip = (text) => (text.length > SHORT_LABEL ? `${text.slice(0, SHORT_LABEL - 1)}…` : text);
const item = (span, note, label = span.text) =>
  ({ start: span.start, end: span.end, note, label: clip(label) });

export const SECTIONS = [
  {
    key: "sensational",
    title: "Sensational framing",
    optimum: 0,
    low: 40,
    high: 70,
    levels: { low: "calm", moderate: "some loaded words", high: "sensational" },
    evidenceTitle: "Loaded phrases",
    evidence: (section) => section.evidence.map((cue) => item(cue, cue.cue)),
  },
  {
    key: "contamination",
    title: "Ads and clutter",
    optimum: 0,
    low: 10,
    high: 30,
    levels: { clean: "clean", some: "some clutter", heavy: "heavy clutter" },
    evidenceTitle: "Boilerplate lines",
    evidence: (section) => section.spans.map((span) => item(span, span.category)),
  },
  {
    key: "sourcing",
    title: "Sourcing",
    optimum: 100,
    low: 10,
    high: 50,
    levels: { thin: "thin", moderate: "moderate", well_sourced: "well sourced" },
    evidenceTitle: "Sources and hedges",
    evidence: (section) => [
      ...section.sources.map((source) => item(source, source.kind,
        source.title ? `${source.name} — ${source.title}` : source.name)),
      ...unattributed(section),
      ...section.hedges.map((hedge) => item(hedge, "hedge")),
    ],
  },
];

/** Reporting that names no source, as one item revealing the first of it ("Unattributed
 * reporting ×3"). Beliefs ("wants", "hopes") and the writer's own first person are not sourcing. */
function unattributed(section) {
  const bare = section.attributions.filter((attribution) =>
    attribution.kind !== "belief" && !attribution.source && !attribution.first_person);
  return bare.length ? [item(bare[0].cue, "reporting", `Unattributed reporting ×${bare.length}`)] : [];
}

/** Why a section has no score, in words ("insufficient" sections carry a `reason`). */
export function insufficientReason(section) {
  return section.reason === "unsupported_language" ? "language not supported" : "not enough text";
}
