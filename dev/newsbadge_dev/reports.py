"""Reading reports as tests and benchmarks do: the spans they carry, and what differs between two
reports of the same page, section by section, in lines a person reads in a terminal.

`differences` is the one report diff: the golden reports (newsbadge_dev.golden) and
bench/compare_reports.py both print it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

# Characters of a value shown in a difference line; a longer one is cut (strings around the place
# where they first differ).
SHOWN_CHARS = 90
MISSING = object()  # a field one side does not have


def text_spans(node: object) -> Iterator[dict]:
    """Every {start, end, text} item of a report that indexes the text sent: all evidence except
    the headline's cues, which index the title."""
    if isinstance(node, dict):
        if {"start", "end", "text"} <= node.keys():
            yield node
        for key, child in node.items():
            if key != "headline":
                yield from text_spans(child)
    elif isinstance(node, list):
        for child in node:
            yield from text_spans(child)


def differences(before: dict, after: dict, ignored: frozenset[str] = frozenset()
                ) -> dict[str, list[str]]:
    """For each top-level section that differs (in key order), the lines that say how: a field's
    old and new value, or a span added (+) or removed (-)."""
    found = {}
    for section in sorted((before.keys() | after.keys()) - ignored):
        old, new = before.get(section, MISSING), after.get(section, MISSING)
        if old != new:
            found[section] = list(_walk("", old, new))
    return found


def format_differences(name: str, found: dict[str, list[str]]) -> str:
    lines = [name]
    for section, changes in found.items():
        lines.append(f"  {section}")
        lines.extend(f"    {change}" for change in changes)
    return "\n".join(lines)


def _walk(path: str, old: object, new: object) -> Iterator[str]:
    if old == new:
        return
    if isinstance(old, dict) and isinstance(new, dict):
        for key in sorted(old.keys() | new.keys()):
            yield from _walk(f"{path}.{key}".lstrip("."), old.get(key, MISSING),
                             new.get(key, MISSING))
    elif isinstance(old, list) and isinstance(new, list) and _keyed(old) and _keyed(new):
        yield from _walk_items(path, old, new)
    else:
        yield f"{path or '(value)'}: {_shown(old, new)} -> {_shown(new, old)}"


def _keyed(items: list) -> bool:
    """Whether a list's items can be matched by identity across two reports: spans, or named
    things such as sources, each identified once. (An empty list matches anything.)"""
    if not all(isinstance(item, dict) and _key(item) is not None for item in items):
        return False
    return len({_key(item) for item in items}) == len(items)


def _key(item: dict) -> tuple | None:
    """What identifies an item across two reports: its offsets (an attribution's also its cue's,
    since one sentence can hold several), or its name."""
    if "start" in item and "end" in item:
        cue = item.get("cue")
        inner = (cue["start"], cue["end"]) if isinstance(cue, dict) else ()
        return (item["start"], item["end"], *inner)
    return (item["name"],) if "name" in item else None


def _walk_items(path: str, old: list[dict], new: list[dict]) -> Iterator[str]:
    before = {_key(item): item for item in old}
    after = {_key(item): item for item in new}
    for key in sorted(before.keys() | after.keys(), key=str):
        if key not in after:
            yield f"{path}: - {_summary(before[key])}"
        elif key not in before:
            yield f"{path}: + {_summary(after[key])}"
        else:
            yield from _walk(f"{path}[{_summary(before[key], brief=True)}]", before[key],
                             after[key])


def _summary(item: dict, brief: bool = False) -> str:
    """A span as `start-end "text"` with what it was found as; a named item by its name."""
    if "start" not in item:
        return item["name"] if brief else _cut(json.dumps(item, ensure_ascii=False))
    cue = item.get("cue")
    text = cue["text"] if isinstance(cue, dict) else item.get("text", "")
    words = [f"{item['start']}-{item['end']}", json.dumps(text, ensure_ascii=False)]
    if not brief:
        labels = [item.get(label) for label in ("cue", "category", "kind")]
        words += [label for label in labels if isinstance(label, str)]
        if isinstance(item.get("source"), dict):
            words.append(f"source {item['source']['text']!r}")
    return _cut(" ".join(words))


def _shown(value: object, other: object) -> str:
    if value is MISSING:
        return "(absent)"
    if isinstance(value, str) and isinstance(other, str) and len(value) > SHOWN_CHARS:
        first = next((i for i, (a, b) in enumerate(zip(value, other, strict=False)) if a != b),
                     min(len(value), len(other)))
        start = max(0, first - 20)
        return ("…" if start else "") + _cut(json.dumps(value[start:], ensure_ascii=False))
    return _cut(json.dumps(value, ensure_ascii=False))


def _cut(shown: str) -> str:
    return shown if len(shown) <= SHOWN_CHARS else shown[:SHOWN_CHARS - 1] + "…"
