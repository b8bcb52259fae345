"""The public contract as pydantic models: requests are validated with them, and the OpenAPI
document is generated from them. Field names and meanings follow DESIGN.md (`newsbadge.report/2`).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SkipValidation,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    ValidationError,
    model_validator,
)

from .sections import NO_ARTICLE, TOO_SHORT, UNSUPPORTED_LANGUAGE

SCHEMA_VERSION = "newsbadge.report/2"

Scalar = StrictStr | StrictInt | StrictFloat | StrictBool | None
# Request bounds that no real page comes near (issue 16): the extension sends at most 5,000
# blocks of at most 16 class words (extension/content/extract.js, visible.js); an address is
# echoed, never fetched, and browsers' own limits on one are about 2,000 to 64,000 characters.
MAX_BLOCKS = 5_000
MAX_CLASS_WORDS = 64
MAX_URL_CHARS = 8_192
MAX_ID_CHARS = 256
RequestId = Annotated[StrictStr, Field(max_length=MAX_ID_CHARS)] | StrictInt | StrictFloat | \
    StrictBool | None


class Block(BaseModel):
    """One block of the rendered page, as the extension sees it (structured contamination path)."""

    model_config = ConfigDict(extra="ignore")

    text: StrictStr
    tag: StrictStr | None = Field(None, description="lower-case tag name, e.g. p, li, h2, div")
    link_density: Annotated[float, Field(ge=0.0, le=1.0)] | None = Field(
        None, description="share of the block's characters inside links"
    )
    readability_kept: StrictBool | None = Field(
        None, description="whether Readability.js kept this block in the article"
    )
    class_words: list[StrictStr] = Field(
        default_factory=list, max_length=MAX_CLASS_WORDS,
        description="words from the class and id attributes of the block"
    )


class AnalyzeRequest(BaseModel):
    """`POST /v1/analyze`, and each line of `newsbadge batch`. At least one of text, html, title."""

    model_config = ConfigDict(extra="ignore")

    text: StrictStr | None = Field(None, description="the page's visible text, lines kept")
    html: StrictStr | None = Field(None, description="the page's HTML, instead of or beside text")
    title: StrictStr | None = Field(None, description="the headline, when known")
    url: StrictStr | None = Field(None, max_length=MAX_URL_CHARS,
                                  description="the page address, for the report only")
    lang: StrictStr | None = Field(
        None, pattern=r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})?$", description="language override"
    )
    id: RequestId = Field(None, description="echoed in the report (batch lines)")
    blocks: list[Block] | None = Field(
        None, max_length=MAX_BLOCKS, description="the page's block structure, from the extension"
    )

    @model_validator(mode="after")
    def _has_content(self) -> AnalyzeRequest:
        if self.text is None and self.html is None and self.title is None:
            raise ValueError("at least one of text, html or title is required")
        return self


class BatchRequest(BaseModel):
    """`POST /v1/batch`: several analyze requests in one body. Each item is validated on its own
    (hence SkipValidation), so that a bad item gets an error in its place and the rest go on."""

    requests: list[SkipValidation[AnalyzeRequest]] = Field(
        ..., min_length=1, description="analyze requests; each may carry an `id` to echo"
    )


# The report. Sections allow extra fields: scorers add detail without breaking readers.
class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Offsets(_Open):
    start: int
    end: int
    text: str


class Language(_Open):
    code: str
    probability: float
    supported: bool


class Stats(_Open):
    words: int
    sentences: int


# Every section's `supported`: whether it has rules for the page's language (a section without
# them grades nothing, with reason unsupported_language; contamination still reads the page).
SUPPORTED = Field(None, description="whether this section has rules for the page's language")


class Readability(_Open):
    flesch_reading_ease: float | None
    grade_level: float | None
    supported: bool | None = SUPPORTED


class Cut(_Open):
    level: str
    below: float | None = Field(
        None, description="the score this level ends below; absent on the last level")


class Scale(_Open):
    """What a client needs to draw a section's score: the levels are the server's own cuts."""

    min: float
    max: float
    optimum: float = Field(description="the best score: min or max")
    cuts: list[Cut] = Field(description="the levels in order of score")


# Items listed in each evidence list of a section (issue 16: a 990 KB request was answered with
# 90,000 hedges, a 4.5 MB report); as many as sourcing lists attributions (its MAX_LISTED), which
# no real page comes near.
MAX_EVIDENCE_ITEMS = 1_000
TRUNCATED = Field(None, description=f"true when an evidence list was cut to its first "
                  f"{MAX_EVIDENCE_ITEMS} items (scores and counts cover them all)")


class Section(_Open):
    """What every graded section has."""

    score: float | None
    scale: Scale
    truncated: bool | None = TRUNCATED
    reason: Literal[TOO_SHORT, UNSUPPORTED_LANGUAGE] | None = Field(
        None, description="why `score` is null and `level` insufficient")
    supported: bool | None = SUPPORTED


class Headline(_Open):
    text: str
    score: float | None


class FramingCue(Offsets):
    cue: str
    weight: float


class Sensational(Section):
    level: Literal["low", "moderate", "high", "insufficient"]
    headline: Headline | None
    evidence: list[FramingCue]


class ContaminationSpan(Offsets):
    category: Literal[
        "subscription",
        "advertising",
        "newsletter",
        "social",
        "comments",
        "navigation",
        "related",
        "cookie",
        "legal",
        "metadata",
        "other",
    ]
    confidence: float
    placement: Literal["inside", "around"] = Field(
        description="inside the article (between its first and last paragraph) or around it"
    )


class Contamination(Section):
    score: float | None = Field(
        description="what interrupts the article: boilerplate between its first and last "
        "paragraph, % of the article's words"
    )
    furniture_share: float | None = Field(
        None, description="page furniture around the article, % of the page's words"
    )
    page_share: float | None = Field(
        None, description="all boilerplate, % of the page's words (report/1's score)"
    )
    reason: Literal[TOO_SHORT, NO_ARTICLE] | None = Field(
        None, description="why `score` is null and `level` insufficient")
    level: Literal["clean", "some", "heavy", "insufficient"]
    spans: list[ContaminationSpan]


class Attribution(_Open):
    start: int
    end: int
    cue: Offsets
    source: Offsets | None
    quote: bool
    # reporting (said, told, according to) is sourcing; belief (wants, hopes, thinks) is not.
    kind: Literal["reporting", "belief"] | None = None
    first_person: bool | None = None  # the writer's own "I said", "we asked": no source


class Source(_Open):
    name: str
    kind: Literal["person", "organization", "outlet", "document", "anonymous"]
    mentions: int
    title: str | None = None  # role or title: "MI6 Chief", "Russian ambassador to North Korea"
    cues: list[str] | None = None  # the cue words it was cited with: "claimed", "adding"


class Sourcing(Section):
    level: Literal["thin", "moderate", "well_sourced", "insufficient"]
    per_1000_words: float | None
    attributions: list[Attribution]
    sources: list[Source]
    hedges: list[Offsets]
    # Counts of attributions by what stands behind them (docs/sourcing.md), and the shares of
    # the reporting ones with a named and an unnamed source; mostly_anonymous: unnamed sources
    # outnumber named ones (such a page is never well_sourced). Absent when insufficient.
    reporting: int | None = None
    beliefs: int | None = None
    first_person: int | None = None
    unattributed: int | None = None
    named_share: float | None = None
    anonymous_share: float | None = None
    mostly_anonymous: bool | None = None


class GenreSignal(Offsets):
    signal: str = Field(description="the signal the span counts for, e.g. first_singular, "
                                    "attribution, quote, dateline, price, list_item")


class Genre(_Open):
    """What kind of page this is: a news report, an opinion piece, satire, or no news article
    (`other`: a shop, service or listing page, a guide, a personal blog). `kind` is null, with a
    `reason`, when the text is too short or in a language without word lists."""

    kind: Literal["reporting", "opinion", "satire", "other"] | None
    confidence: Annotated[float, Field(ge=0.0, le=1.0)] | None
    evidence: list[GenreSignal] = Field(
        description="spans of the signals that pushed the page towards its kind")
    truncated: bool | None = TRUNCATED
    supported: bool | None = SUPPORTED


class BadgeReason(_Open):
    section: Literal["sensational", "contamination", "sourcing", "genre"]
    text: str = Field(description="what pulled the badge down, e.g. 'loaded framing (12 phrases)'")
    points: float = Field(description="points it took off the badge's 100")


class Badge(_Open):
    text: Annotated[str, Field(max_length=4)]
    color: Annotated[str, Field(pattern=r"^#[0-9a-f]{6}$")]
    level: Literal["good", "mixed", "poor", "unknown"]
    summary: str
    why: list[BadgeReason] = Field(
        default_factory=list, description="the reasons for the number, most points first")
    genre: Literal["reporting", "opinion", "satire", "other"] | None = Field(
        None, description="the genre the badge was graded as (`other`: not graded as news)")


class Report(_Open):
    schema_: Literal["newsbadge.report/2"] = Field(alias="schema")
    language: Language
    stats: Stats
    readability: Readability
    sensational: Sensational
    contamination: Contamination
    sourcing: Sourcing
    genre: Genre | None = None
    badge: Badge
    text: str | None = None
    id: Scalar = None


class ErrorDetail(BaseModel):
    code: str
    message: str


class ErrorResponse(BaseModel):
    error: ErrorDetail
    id: Scalar = None


class BatchResponse(BaseModel):
    """`POST /v1/batch`'s answer: one report, or one error with the item's `id`, per request, in
    the order sent."""

    reports: list[Report | ErrorResponse]


# The last part of a pydantic error's path when it names a member of a union rather than a field.
UNION_TAGS = frozenset({"str", "int", "float", "bool", "none"})


def validation_message(error: ValidationError) -> str:
    """One line naming each invalid field by its path, e.g. `requests.0.text: Input should be a
    valid string`.

    pydantic reports a union (such as `id`: string, integer, number or boolean) as one error per
    member, with the member's type as the last part of the path; those become one line.
    """
    by_field: dict[str, list[str]] = {}
    for item in error.errors(include_url=False, include_input=False, include_context=False):
        loc = item["loc"]
        if loc and isinstance(loc[-1], str) and (loc[-1] in UNION_TAGS or "[" in loc[-1]):
            loc = loc[:-1]
        where = ".".join(str(part) for part in loc) or "request"
        by_field.setdefault(where, []).append(item["msg"])
    return "; ".join(f"{where}: {' or '.join(msgs)}" for where, msgs in by_field.items())
