// How the popup shows each section of a newsbadge.report/2: its title, its levels in words, and
// the title of its evidence list. The numbers (scores, level cuts, evidence) come from the report,
// read through lib/report.js.

export const SECTION_VIEWS = {
  sensational: {
    title: "Sensational framing",
    levels: { low: "calm", moderate: "some loaded words", high: "sensational" },
    evidenceTitle: "Loaded phrases",
  },
  contamination: {
    title: "Interruptions in the article",
    levels: { clean: "few", some: "some", heavy: "many" },
    evidenceTitle: "Ads and page furniture",
  },
  sourcing: {
    title: "Sourcing",
    levels: { thin: "thin", moderate: "moderate", well_sourced: "well sourced" },
    evidenceTitle: "Sources and hedges",
  },
};

/** Why a section has no score, in words ("insufficient" sections carry a `reason`). */
export function insufficientReason(section) {
  if (section.reason === "unsupported_language") return "language not supported";
  return section.reason === "no_article" ? "no article found" : "not enough text";
}
