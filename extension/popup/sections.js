// How the popup shows each section of a newsbadge.report/2: its meter and its evidence list.
// Meters follow the <meter> element's low/high/optimum, so the browser colours them; low and high
// are the scores at which the server's levels change (docs/sensational.md: 40 and 70; contamination:
// 6% and 16% of the article's words, docs/contamination.md; sourcing: the 10th percentile and the
// median of PolNeAR), so colour and level agree.

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
    title: "Interruptions in the article",
    optimum: 0,
    low: 6,
    high: 16,
    levels: { clean: "few", some: "some", heavy: "many" },
    evidenceTitle: "Ads and page furniture",
    // Every span in page order; the page's furniture around the article is marked as such.
    evidence: (section) => section.spans.map((span) => item(span,
      span.placement === "around" ? `${span.category}, around the article` : span.category)),
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
      ...section.attributions.map((attribution) => item(
        attribution,
        attribution.quote ? "quote" : "attribution",
        [attribution.source?.text, attribution.cue.text].filter(Boolean).join(" · "),
      )),
      ...section.hedges.map((hedge) => item(hedge, "hedge")),
    ],
  },
];

/** Why a section has no score, in words ("insufficient" sections carry a `reason`). */
export function insufficientReason(section) {
  if (section.reason === "unsupported_language") return "language not supported";
  return section.reason === "no_article" ? "no article found" : "not enough text";
}
