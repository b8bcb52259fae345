"""How the trainers write data files: the conventions that newsbadge.datafiles reads (provenance
in the header comments of a text file or under "_provenance" in a JSON object), defined there.

Output is byte-for-byte reproducible: lines in the order given, JSON keys in insertion order with
one-space indentation, floats as Python writes them (rounded by the caller), a final newline.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from newsbadge.datafiles import COMMENT, PROVENANCE


def write_lines(path: Path, provenance: str, lines: Iterable[str]) -> None:
    """A .txt or .tsv data file: each line of `provenance` as a header comment, then `lines`."""
    header = [f"{COMMENT} {line}" for line in provenance.splitlines()]
    path.write_text("".join(f"{line}\n" for line in [*header, *lines]), encoding="utf-8")
    print(f"wrote {path}")


def write_table(path: Path, provenance: str, columns: Iterable[str],
                rows: Iterable[Iterable[object]]) -> None:
    """A .tsv data file with a header row naming its columns (read by newsbadge.datafiles.table)."""
    write_lines(path, provenance,
                ["\t".join(columns), *("\t".join(map(str, row)) for row in rows)])


def write_json(path: Path, provenance: str | dict, content: dict) -> None:
    """A JSON data file: its provenance first, then `content`."""
    text = json.dumps({PROVENANCE: provenance, **content}, indent=1, ensure_ascii=True)
    path.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {path}")
