"""The report's `sources` list: one entry per source, in order of first mention."""

from __future__ import annotations

from ..sections import evidence_span
from . import sources


class SourceRegistry:
    """Sources in order of first mention, one entry per name (surnames and pronouns arrive
    already resolved to the full name)."""

    def __init__(self, article: sources.SourceFinder):
        self.article = article
        self.entries: dict[tuple[str, str], dict] = {}

    def add(self, text: str, found: sources.Found, cue: str) -> dict:
        """Count a source cited with the cue words `cue`; its evidence span for the
        attribution."""
        self.count(found, cue, cited=True)
        return evidence_span(text, found.start, found.end, name=found.name, kind=found.kind)

    def count(self, found: sources.Found, cue: str, cited: bool) -> None:
        """Enter a source; a mention that is not cited counts only when it is the first. `cues`
        lists the cue words it was cited with, each once, lower-cased, in order of use."""
        name, kind = found.name, found.kind
        key = (name if kind in {"person", "outlet", "organization"} else name.lower(), kind)
        entry = self.entries.get(key)
        if entry is None:  # start, end: its first mention, for a client to show
            entry = self.entries[key] = {"name": name, "kind": kind, "mentions": 1, "cues": [],
                                         "start": found.start, "end": found.end}
        elif cited:
            entry["mentions"] += 1
        cue = cue.lower()
        if cue not in entry["cues"]:
            entry["cues"].append(cue)
        if "title" not in entry:
            title = found.title or self._title(found)
            if title:
                entry["title"] = title

    def _title(self, found: sources.Found) -> str | None:
        if found.kind == "outlet":
            return sources.OUTLET_DESCRIPTIONS.get(found.name) or None
        return self.article.title_around(*found.mention) if found.mention else None

    def listing(self) -> list[dict]:
        return list(self.entries.values())
