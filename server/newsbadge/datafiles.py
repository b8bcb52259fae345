"""The one reader of the data files shipped beside the scorers (word lists, TSV lexicons, JSON).

A package's data files live in its `data/` folder and share one set of conventions:
- .txt and .tsv: a line starting with COMMENT ("#") is a comment, and blank lines are skipped. The
  header comments say where the file came from (its provenance) and how to read it.
- .tsv: fields are separated by tabs; `table` files open with a row naming their columns.
- .json: an object whose PROVENANCE key ("_provenance") says where it came from.
Each folder's README.md lists its files with their provenance and licence. The trainers write
their files through newsbadge_dev.training.output, which follows the same conventions.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

COMMENT = "#"
PROVENANCE = "_provenance"
FOLDER = "data"


def folder(package: str) -> Path:
    """The data folder of a package (named as `__package__` names it)."""
    return Path(str(resources.files(package) / FOLDER))


def path(where: str | Path, name: str) -> Path:
    """The file `name` in the data folder of the package `where`, or in the folder `where`."""
    return (where if isinstance(where, Path) else folder(where)) / name


def lines(where: str | Path, name: str) -> list[str]:
    """The lines of a text data file that are neither blank nor comments, as written."""
    text = path(where, name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith(COMMENT)]


def words(where: str | Path, name: str) -> list[str]:
    """Every whitespace-separated word of a text data file's lines, in order."""
    return [word for line in lines(where, name) for word in line.split()]


def rows(where: str | Path, name: str) -> list[list[str]]:
    """The fields of each line: tab-separated in a .tsv file, whitespace-separated otherwise."""
    if name.endswith(".tsv"):
        return [line.split("\t") for line in lines(where, name)]
    return [line.split() for line in lines(where, name)]


def table(where: str | Path, name: str) -> list[dict[str, str]]:
    """The rows of a .tsv file under its header row, each a dict by column name; missing trailing
    fields read as empty strings."""
    header, *body = rows(where, name)
    return [dict(zip(header, fields + [""] * (len(header) - len(fields)), strict=False))
            for fields in body]


def json_file(where: str | Path, name: str) -> dict:
    """A JSON data file's object (its PROVENANCE key included)."""
    return json.loads(path(where, name).read_text(encoding="utf-8"))
