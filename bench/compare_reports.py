"""Do two versions of the code write the same reports? For changes meant to keep behaviour (speed).

Analyses real pages from NEWSBADGE_DATA: PolNeAR dev and 200 train articles as text, 120
scrapinghub pages as their visible text and 25 as HTML, plus the test fixtures and the seed page
with a title. `save` writes every report to FILE (keep it outside the repository: it holds text
of the data sets); `compare` analyses again and shows what differs, section by section
(newsbadge_dev.reports: the same diff as the golden reports' test and `make golden`).

    git stash; .venv/bin/python bench/compare_reports.py save /tmp/before.json; git stash pop
    .venv/bin/python bench/compare_reports.py compare /tmp/before.json [--ignore readability]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

from newsbadge import analyze
from newsbadge.contamination.visible import parse, visible_text
from newsbadge_dev import golden
from newsbadge_dev.paths import data_dir, seed_article
from newsbadge_dev.reports import differences as report_differences
from newsbadge_dev.reports import format_differences

SEED_TITLE = "Russia warns of nuclear SHOCK: what happens next?"
SHOWN = 15  # reports whose differences are printed; all are counted


def requests() -> dict[str, dict]:
    data = data_dir()
    polnear = data / "polnear"
    pages = sorted((data / "scrapinghub" / "html").glob("*.html.gz"))
    found = {}
    for path in [*sorted((polnear / "dev" / "text").glob("*.txt")),
                 *sorted((polnear / "train" / "text").glob("*.txt"))[:200]]:
        found[f"polnear:{path.name}"] = {"text": path.read_text(encoding="utf-8")}
    for index, path in enumerate(pages[:120]):
        html = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        found[f"scrapinghub-text:{path.name}"] = {"text": visible_text(parse(html))}
        if index < 25:
            found[f"scrapinghub-html:{path.name}"] = {"html": html}
    for name, path in golden.pages().items():
        if path.suffix == ".txt":
            found[f"fixture:tests/{name}"] = {"text": path.read_text(encoding="utf-8")}
    if seed_article().exists():
        found["seed"] = {"text": seed_article().read_text(encoding="utf-8"), "title": SEED_TITLE}
    return found


def reports() -> dict[str, dict]:
    # Through JSON, as a saved file reads back (tuples become lists).
    return json.loads(json.dumps({name: analyze(body) for name, body in requests().items()}))


def compare(saved: dict, now: dict, ignored: frozenset[str]) -> int:
    """Prints how each differing report differs (the first SHOWN in full); the number of sections
    that differ."""
    differences = 0
    for name, before in saved.items():
        found = report_differences(before, now.get(name, {}), ignored)
        if found and differences < SHOWN:
            print(format_differences(name, found))
        differences += len(found)
    print(f"compared {len(saved)} reports: {differences} sections differ")
    return differences


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", choices=["save", "compare"])
    parser.add_argument("file", type=Path)
    parser.add_argument("--ignore", default="", help="comma-separated sections not compared")
    args = parser.parse_args()
    if not (data_dir() / "polnear").exists():
        print(f"SKIPPED: compare_reports: no data sets in {data_dir()}")
        return 0
    if args.mode == "save":
        args.file.write_text(json.dumps(reports()), encoding="utf-8")
        print(f"saved {args.file}")
        return 0
    saved = json.loads(args.file.read_text(encoding="utf-8"))
    return 1 if compare(saved, reports(), frozenset(filter(None, args.ignore.split(",")))) else 0


if __name__ == "__main__":
    sys.exit(main())
