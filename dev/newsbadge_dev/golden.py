"""Golden reports: the expected report of each of the project's own fixture pages, committed under
tests/golden/ (one JSON file per page), so that any change of behaviour shows as a diff.

    python -m newsbadge_dev.golden           # show what differs from the committed reports
    python -m newsbadge_dev.golden --write   # show it, then record the reports (`make golden`)

The pages are the texts and HTML pages written for the tests (tests/fixtures) and the extension's
test pages (tests/extension/pages, sent as HTML): never data-set text or the seed page. An HTML
page is sent with its first <h1> as the title; a text fixture has no headline and is sent alone.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import lxml.html

from newsbadge import analyze
from newsbadge_dev.paths import REPO
from newsbadge_dev.reports import differences, format_differences

TESTS = REPO / "tests"
GOLDEN = TESTS / "golden"
PAGES = ("fixtures/**/*.txt", "fixtures/**/*.html", "extension/pages/*.html")
# Fixtures that are not pages: the data-file reader's own (tests/test_datafiles.py).
NOT_PAGES = "fixtures/datafiles/"
COMMAND = "make golden"
# Not recorded: readability's two numbers are textstat's (its syllable counts and formulas change
# between releases, and the dependency is not pinned); our part, which sentences are read, is
# tested in tests/test_readability.py. A golden file that fails on a dependency's upgrade teaches
# people to regenerate without reading the diff.
LEFT_OUT = frozenset({"readability"})


def pages() -> dict[str, Path]:
    """Each fixture page by its name: its path under tests/."""
    found = {path.relative_to(TESTS).as_posix(): path
             for pattern in PAGES for path in TESTS.glob(pattern)
             if not path.relative_to(TESTS).as_posix().startswith(NOT_PAGES)}
    return dict(sorted(found.items()))


def request(path: Path) -> dict:
    content = path.read_text(encoding="utf-8")
    if path.suffix != ".html":
        return {"text": content}
    headline = lxml.html.fromstring(content).find(".//h1")
    if headline is None:
        return {"html": content}
    return {"html": content, "title": " ".join(headline.text_content().split())}


def report(path: Path) -> dict:
    """The report of a page as its golden file holds it (through JSON: tuples become lists)."""
    found = analyze(request(path))
    return json.loads(json.dumps({k: v for k, v in found.items() if k not in LEFT_OUT}))


def golden_file(name: str) -> Path:
    return GOLDEN / f"{name}.json"


def recorded(name: str) -> dict | None:
    path = golden_file(name)
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def stale() -> list[Path]:
    """Golden files whose page is gone."""
    wanted = {golden_file(name) for name in pages()}
    return sorted(path for path in GOLDEN.rglob("*.json") if path not in wanted)


def render(node: object, indent: str = "") -> str:
    """Pretty JSON with sorted keys, where an object holding no list (a span, an attribution with
    its cue and source) or a list holding no object is one line: a diff then shows each span
    added or removed."""
    if not _spread(node):
        return json.dumps(node, ensure_ascii=False, sort_keys=True)
    inner = indent + "  "
    if isinstance(node, dict):
        lines = [f"{inner}{json.dumps(key)}: {render(node[key], inner)}" for key in sorted(node)]
        return "{\n" + ",\n".join(lines) + f"\n{indent}}}"
    return "[\n" + ",\n".join(inner + render(child, inner) for child in node) + f"\n{indent}]"


def _spread(node: object) -> bool:
    """Whether `render` spreads a value over several lines."""
    if isinstance(node, dict):
        return any(isinstance(child, list) and child or _spread(child) for child in node.values())
    return isinstance(node, list) and any(isinstance(child, dict | list) for child in node)


def changes(name: str, current: dict) -> str | None:
    """What differs between a page's current report and its golden file, or None."""
    saved = recorded(name)
    if saved is None:
        return f"{name}\n  no golden report yet"
    found = differences(saved, current)
    return format_differences(name, found) if found else None


def failure(name: str, current: dict) -> str | None:
    """The message of a failed golden test: the differences and how to record them."""
    shown = changes(name, current)
    if shown is None:
        return None
    saved = golden_file(name).relative_to(REPO)
    return (f"{shown}\nThe report of tests/{name} differs from {saved}. If the change is "
            f"intended, record it with `{COMMAND}` and commit the diff.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="record the current reports")
    args = parser.parse_args(argv)
    changed = 0
    for name, path in pages().items():
        current = report(path)
        shown = changes(name, current)
        if shown is None:
            continue
        changed += 1
        print(shown)
        if args.write:
            golden_file(name).parent.mkdir(parents=True, exist_ok=True)
            golden_file(name).write_text(render(current) + "\n", encoding="utf-8")
    for path in stale():
        changed += 1
        print(f"{path.relative_to(REPO)}: its page is gone" + (", removed" if args.write else ""))
        if args.write:
            path.unlink()
    verb = "recorded" if args.write else "differ"
    print(f"golden: {len(pages())} pages, {changed} {verb}"
          + ("" if args.write or not changed else f"; `{COMMAND}` records them"))
    return 0 if args.write or not changed else 1


if __name__ == "__main__":
    sys.exit(main())
