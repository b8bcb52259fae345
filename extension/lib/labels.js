// Every name a reader sees for the report's internal tags, in plain words: framing cue kinds,
// boilerplate categories, source kinds, section levels, genres. The popup, the extension's full
// report page and the server's `/` page all read them here. A tag added by a newer server and
// missing here is shown with its underscores as spaces, never hidden.

const CUE_KINDS = {
  hyperbole: "exaggeration",
  loaded: "loaded word",
  idiom: "dramatic idiom",
  speculation: "speculation",
  name_calling: "name-calling",
  superlative: "superlative",
  clickbait: "clickbait phrase",
  absolute: "sweeping claim",
  intensifier: "intensifier",
  emotive: "emotional word",
  scare_quote: "scare quotes",
  alarm: "exclamation mark",
  shouting: "shouting in capitals",
  // Headline cues (sensational.headline): the forms the clickbait model reads.
  listicle_number: "list number",
  second_person: "speaks to you",
  forward_reference: "teaser word",
  question_opener: "question headline",
  phrasing: "clickbait phrasing",
};

const CATEGORIES = {
  subscription: "subscription pitch",
  advertising: "advert",
  newsletter: "newsletter sign-up",
  social: "social media box",
  comments: "comments",
  navigation: "menu or links",
  related: "other stories",
  cookie: "cookie notice",
  legal: "legal notice",
  metadata: "byline, date or caption",
  other: "other page furniture",
};

const SOURCE_KINDS = {
  person: "person",
  organization: "organisation",
  outlet: "news outlet",
  document: "document",
  anonymous: "unnamed source",
};

const GENRES = {
  reporting: "news report",
  opinion: "opinion piece",
  satire: "satire",
  other: "not a news article",
};

/** How each section is shown: its title, its levels in words, the heading of its evidence. */
export const SECTION_VIEWS = {
  sensational: {
    title: "Sensational framing",
    levels: { low: "calm", moderate: "some loaded words", high: "sensational" },
    evidenceTitle: "Loaded words and phrases",
  },
  contamination: {
    title: "Interruptions in the article",
    levels: { clean: "few", some: "some", heavy: "many" },
    evidenceTitle: "Ads and page furniture",
  },
  sourcing: {
    title: "Sourcing",
    levels: { thin: "thin", moderate: "moderate", well_sourced: "well sourced" },
    evidenceTitle: "Sources",
  },
};

/** What each highlight group looks like in the legend, in the order it is listed. */
export const LEGEND = [
  { group: "sensational", label: "Loaded framing", hint: "words chosen to stir rather than inform" },
  { group: "contamination", label: "Ads and page furniture", hint: "text that is not the article" },
  { group: "sourcing", label: "Attribution", hint: "who said it, and the word that reports it" },
  { group: "hedge", label: "Hedge", hint: "a claim not confirmed yet" },
];

const spaced = (tag) => String(tag ?? "").replaceAll("_", " ");
const lookup = (table) => (tag) => table[tag] ?? spaced(tag);

export const cueLabel = lookup(CUE_KINDS);
export const categoryLabel = lookup(CATEGORIES);
export const sourceKindLabel = lookup(SOURCE_KINDS);
export const genreLabel = lookup(GENRES);

/** The words for a section's level ("some loaded words"), or null for an ungraded section. */
export const levelLabel = (key, level) => SECTION_VIEWS[key].levels[level] ?? null;

/** Why a section has no score, in words (ungraded sections carry a `reason`). */
export function insufficientReason(section) {
  if (section.reason === "unsupported_language") return "language not supported";
  return section.reason === "no_article" ? "no article found" : "not enough text";
}

/** What kind of thing an evidence item is, in words: "loaded word", "advert", "news outlet". */
export function kindLabel(item) {
  if (item.group === "sensational") return cueLabel(item.kind);
  if (item.group === "contamination") return categoryLabel(item.kind);
  if (item.group === "hedge") return "hedge";
  return item.kind === "reporting" ? "no source named" : sourceKindLabel(item.kind);
}

/** Black or white, whichever reads better on the colour `hex` ("#rrggbb"): WCAG's relative
 *  luminance against its two extremes, so a badge's number stays readable on any badge colour. */
export function textColorOn(hex) {
  const channel = (offset) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  // Contrast with black is (L + 0.05) / 0.05, with white 1.05 / (L + 0.05): equal at L ≈ 0.179.
  return luminance > 0.179 ? "#000000" : "#ffffff";
}
