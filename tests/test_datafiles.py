"""The shipped data files follow one convention (newsbadge.datafiles): each is listed in its
folder's README table and carries its provenance; the reader skips comments and blank lines; the
trainers' writer produces what the reader reads."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import newsbadge
from newsbadge import datafiles
from newsbadge.contamination import features
from newsbadge_dev.training import output

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "datafiles"
PACKAGE = Path(newsbadge.__file__).resolve().parent
DATA_FOLDERS = sorted(p for p in PACKAGE.rglob(datafiles.FOLDER) if p.is_dir())
README = "README.md"
# A README table row's first cell: one or more `file` names separated by commas.
ROW_FILES_RE = re.compile(r"^\|\s*((?:`[^`]+`(?:,\s*)?)+)\s*\|", re.M)


def shipped_files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir() if p.is_file() and p.name != README}


def readme_listed(folder: Path) -> set[str]:
    text = (folder / README).read_text(encoding="utf-8")
    return {name for cell in ROW_FILES_RE.findall(text) for name in re.findall(r"`([^`]+)`", cell)}


def test_the_package_has_its_four_data_folders():
    names = {str(folder.relative_to(PACKAGE)) for folder in DATA_FOLDERS}
    assert names == {"data", "contamination/data", "sensational/data", "sourcing/data"}


@pytest.mark.parametrize("folder", DATA_FOLDERS, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_every_data_file_is_in_its_folders_readme_table(folder):
    files = shipped_files(folder)
    assert files, f"no data files in {folder}"
    assert readme_listed(folder) == files


@pytest.mark.parametrize("folder", DATA_FOLDERS, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_every_data_file_carries_its_provenance(folder):
    for name in sorted(shipped_files(folder)):
        if name.endswith(".json"):
            provenance = datafiles.json_file(folder, name).get(datafiles.PROVENANCE, "")
            if isinstance(provenance, dict):  # one field, said part by part (what came whence)
                provenance = " ".join(map(str, provenance.values()))
        else:
            first = (folder / name).read_text(encoding="utf-8").splitlines()[0]
            provenance = first.removeprefix(datafiles.COMMENT) if first.startswith("#") else ""
        assert len(provenance.split()) >= 5, f"{folder.name}/{name}: no provenance"


def test_lines_skip_comments_and_blank_lines_only():
    assert datafiles.lines(FIXTURES, "words.txt") == [
        "alpha beta",
        "gamma",
        "  # indented, so data: not at the first character of its line",
        "delta#not-a-comment",
    ]


def test_words_come_from_data_lines_only():
    words = datafiles.words(FIXTURES, "words.txt")
    assert words[:3] == ["alpha", "beta", "gamma"]
    assert not {"fixture", "header", "comment", "skipped."} & set(words)


def test_table_reads_rows_under_the_header_and_pads_short_rows():
    assert datafiles.table(FIXTURES, "table.tsv") == [
        {"name": "first", "kind": "one", "note": "x"},
        {"name": "second", "kind": "two", "note": ""},
    ]


def test_stopwords_leave_out_the_words_of_the_files_header():
    path = datafiles.path("newsbadge.contamination", "stopwords_en.txt")
    comment_lines = [line for line in path.read_text(encoding="utf-8").splitlines()
                     if line.startswith(datafiles.COMMENT)]
    comment_words = {w for line in comment_lines for w in line[1:].split()}
    only_in_comments = comment_words - set(datafiles.words(path.parent, path.name))
    assert {"boilerplate", "density", "line"} <= only_in_comments
    assert not only_in_comments & features.STOPWORDS
    assert {"the", "of", "and"} <= features.STOPWORDS


def test_what_the_trainers_write_reads_back(tmp_path):
    provenance = "Written by a test.\nSecond line of provenance."
    output.write_lines(tmp_path / "list.txt", provenance, ["one", "two words"])
    output.write_table(tmp_path / "table.tsv", provenance, ("form", "score"),
                       [("said", 0.9), ("told", 0.75)])
    output.write_json(tmp_path / "model.json", provenance, {"threshold": 0.5})

    assert datafiles.lines(tmp_path, "list.txt") == ["one", "two words"]
    assert (tmp_path / "list.txt").read_text(encoding="utf-8").startswith("# Written by a test.\n")
    assert datafiles.table(tmp_path, "table.tsv") == [{"form": "said", "score": "0.9"},
                                                       {"form": "told", "score": "0.75"}]
    assert datafiles.json_file(tmp_path, "model.json") == {datafiles.PROVENANCE: provenance,
                                                           "threshold": 0.5}
