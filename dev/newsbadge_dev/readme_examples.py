"""The README's examples, run for real: each region between `<!-- example: NAME -->` and
`<!-- /example -->` holds one command (a ```sh block) and the output it gives (a ```json or
```text block). `curl` commands go to a live server, `newsbadge` commands to the installed command
line; a JSON answer is shown abridged (lists cut to their first items, `...` after them).

    python -m newsbadge_dev.readme_examples          # exit 1 and the differences if any
    python -m newsbadge_dev.readme_examples --write  # rewrite the outputs (make readme)

The numbers that depend on library versions rather than on newsbadge (readability, the language
detector's probability) are compared as "some number".
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass

from .live_server import LiveServer
from .paths import REPO

README = REPO / "README.md"
EXAMPLE_RE = re.compile(
    r"<!-- example: (?P<name>[\w-]+) -->\n(?P<body>.*?)<!-- /example -->", re.S)
BLOCK_RE = re.compile(r"```(?P<kind>sh|json|text)\n(?P<content>.*?)```\n", re.S)
SHOWN_ITEMS = 2  # list items an abridged answer shows before its "..."
LINE_WIDTH = 96  # a section whose value fits in this many characters stays on one line
VARIABLE_KEYS = ("flesch_reading_ease", "grade_level", "probability")
VARIABLE_RE = re.compile('("(?:' + "|".join(VARIABLE_KEYS) + r')": )-?[\d.]+')
SERVER_ADDRESS = "localhost:8000"


@dataclass
class Example:
    name: str
    command: str
    kind: str  # of the output block: json or text
    shown: str  # the output as the README shows it
    span: tuple[int, int]  # of the output block's content in the README


def examples(readme: str) -> list[Example]:
    found = []
    for region in EXAMPLE_RE.finditer(readme):
        blocks = list(BLOCK_RE.finditer(region["body"], 0))
        command = next(b for b in blocks if b["kind"] == "sh")["content"]
        output = next(b for b in blocks if b["kind"] != "sh")
        offset = region.start("body")
        found.append(Example(region["name"], command.replace("\\\n", " ").strip(),
                             output["kind"], output["content"],
                             (offset + output.start("content"), offset + output.end("content"))))
    return found


def run(command: str, server: LiveServer) -> str:
    """What the command prints, run as the README says from the repository's root."""
    argv = shlex.split(command)
    if argv[0] == "curl":
        argv = [a.replace(SERVER_ADDRESS, f"127.0.0.1:{server.port}") for a in argv]
    elif argv[0] == "newsbadge":
        argv = [sys.executable, "-m", "newsbadge", *argv[1:]]
    else:
        raise ValueError(f"the README runs only curl and newsbadge commands, not {argv[0]}")
    done = subprocess.run(argv, cwd=REPO, capture_output=True, text=True, timeout=120,
                          check=True)
    return done.stdout


def abridged(value, depth: int = 0) -> str:
    """JSON with lists cut to SHOWN_ITEMS items: the report's keys one a line, and so a section's
    when it does not fit on one line; deeper values on one line."""
    compact = _compact(value)
    if not isinstance(value, dict) or depth >= 2 or (depth and len(compact) <= LINE_WIDTH):
        return compact
    pad = "  " * (depth + 1)
    items = [f"{pad}{json.dumps(k)}: {abridged(v, depth + 1)}" for k, v in value.items()]
    return "{\n" + ",\n".join(items) + "\n" + "  " * depth + "}"


def _compact(value) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)}: {_compact(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        shown = [_compact(v) for v in value[:SHOWN_ITEMS]]
        return "[" + ", ".join(shown + (["..."] if len(value) > SHOWN_ITEMS else [])) + "]"
    return json.dumps(value, ensure_ascii=False)


def output(example: Example, server: LiveServer) -> str:
    printed = run(example.command, server)
    if example.kind == "json":
        report = json.loads(printed)
        report.pop("text", None)  # only there when no text was sent; never long in the README
        return abridged(report) + "\n"
    return printed


def comparable(shown: str) -> str:
    return VARIABLE_RE.sub(r"\1#", shown)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite the README's outputs")
    write = parser.parse_args(argv).write
    readme = README.read_text(encoding="utf-8")
    differing = 0
    with LiveServer() as server:
        for example in reversed(examples(readme)):  # from the end: earlier spans stay valid
            real = output(example, server)
            if comparable(real) == comparable(example.shown):
                continue
            differing += 1
            sys.stdout.writelines(difflib.unified_diff(
                example.shown.splitlines(True), real.splitlines(True),
                f"README ({example.name})", "real output"))
            start, end = example.span
            readme = readme[:start] + real + readme[end:]
    if write and differing:
        README.write_text(readme, encoding="utf-8")
    print(f"README examples: {differing} differ" + (", rewritten" if write and differing else ""))
    return 1 if differing and not write else 0


if __name__ == "__main__":
    sys.exit(main())
