"""The command line: `newsbadge analyze`, `newsbadge batch`, `newsbadge serve`.

A thin shell over the analysis core: it reads files, calls `analyze`, and writes JSON or text.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Iterator
from multiprocessing import get_context

from pydantic import ValidationError

from .schema import validation_message

# Exit statuses (documented in the README).
EXIT_OK = 0
EXIT_USAGE = 2  # bad usage, unreadable or invalid input, or a batch with failed lines
EXIT_CHECK_FAILED = 3  # a threshold set with --max-sensational/--max-contamination/--min-sourcing

# Lines handed to a batch worker at a time: large enough that inter-process traffic is small next
# to the analysis (a report is a few kB), small enough that the progress bar moves.
BATCH_CHUNK = 8


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    return args.run(args)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsbadge",
        description="Score news pages for sensational framing, contamination and sourcing.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    analyze = commands.add_parser(
        "analyze",
        help="analyse one page and print its report",
        description="Analyse one page (text or HTML) and print its report.",
    )
    analyze.add_argument("file", nargs="?", default="-", help="text or HTML file; - for stdin")
    analyze.add_argument("--title", help="the page's headline")
    analyze.add_argument("--url", help="the page's address (recorded in the report only)")
    analyze.add_argument("--lang", help="language code, instead of detecting it")
    analyze.add_argument("--html", action="store_true", help="the input is HTML")
    analyze.add_argument("--format", choices=("json", "text"), default="json")
    analyze.add_argument(
        "--max-sensational",
        type=float,
        metavar="SCORE",
        help=f"exit {EXIT_CHECK_FAILED} when the sensational score is above SCORE",
    )
    analyze.add_argument(
        "--max-contamination",
        type=float,
        metavar="SCORE",
        help=f"exit {EXIT_CHECK_FAILED} when the contamination score is above SCORE",
    )
    analyze.add_argument(
        "--min-sourcing",
        type=float,
        metavar="SCORE",
        help=f"exit {EXIT_CHECK_FAILED} when the sourcing score is below SCORE",
    )
    analyze.set_defaults(run=_run_analyze)

    batch = commands.add_parser(
        "batch",
        help="analyse JSON Lines of requests",
        description="Read one JSON request per line, write one JSON report per line, in order. "
        "A bad line yields an error line and the batch goes on.",
    )
    batch.add_argument("input", nargs="?", default="-", help="JSONL file; - for stdin")
    batch.add_argument("-o", "--output", default="-", help="JSONL file to write; - for stdout")
    batch.add_argument(
        "-w",
        "--workers",
        type=int,
        default=os.cpu_count() or 1,
        help="worker processes (default: one per CPU)",
    )
    batch.set_defaults(run=_run_batch)

    serve = commands.add_parser(
        "serve",
        help="run the HTTP service (gunicorn)",
        description="Run the production HTTP service with gunicorn.",
    )
    serve.add_argument("--bind", help="HOST:PORT (default: NEWSBADGE_BIND or 127.0.0.1:8000)")
    serve.add_argument(
        "--workers",
        type=int,
        help="worker processes (default: NEWSBADGE_WORKERS or from the CPU count)",
    )
    serve.set_defaults(run=_run_serve)
    return parser


def _run_analyze(args: argparse.Namespace) -> int:
    from .analysis import analyze

    try:
        content = _read(args.file)
    except OSError as error:
        print(f"newsbadge: cannot read {args.file}: {error.strerror}", file=sys.stderr)
        return EXIT_USAGE
    request = {
        "html" if args.html else "text": content,
        "title": args.title,
        "url": args.url,
        "lang": args.lang,
    }
    try:
        report = analyze({k: v for k, v in request.items() if v is not None})
    except ValidationError as error:
        print(f"newsbadge: invalid request: {validation_message(error)}", file=sys.stderr)
        return EXIT_USAGE
    if args.format == "json":
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(render_text(report))
    failed = _failed_checks(report, args)
    for message in failed:
        print(f"newsbadge: check failed: {message}", file=sys.stderr)
    return EXIT_CHECK_FAILED if failed else EXIT_OK


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    with open(path, encoding="utf-8", errors="replace") as handle:
        return handle.read()


def _failed_checks(report: dict, args: argparse.Namespace) -> list[str]:
    checks = [
        ("sensational", args.max_sensational, 1),
        ("contamination", args.max_contamination, 1),
        ("sourcing", args.min_sourcing, -1),
    ]
    failed = []
    for section, limit, direction in checks:
        score = report[section]["score"]
        if limit is not None and score is not None and (score - limit) * direction > 0:
            relation = "above" if direction > 0 else "below"
            failed.append(f"{section} score {score} is {relation} {limit}")
    return failed


def render_text(report: dict) -> str:
    """A short human-readable report: the badge, each section's score and its evidence."""
    badge = report["badge"]
    lines = [
        f"[{badge['text']}] {badge['level']}: {badge['summary']}",
        f"language: {report['language']['code']}   words: {report['stats']['words']}",
    ]
    framing, contamination, sourcing = (
        report[k] for k in ("sensational", "contamination", "sourcing")
    )
    lines.append(f"sensational framing: {_score(framing)}")
    lines += [f"  {e['cue']:<14} {e['text']!r}" for e in framing["evidence"]]
    lines.append(f"contamination: {_score(contamination)}")
    lines += [f"  {s['category']:<14} {s['text']!r}" for s in contamination["spans"]]
    lines.append(f"sourcing: {_score(sourcing)}")
    lines += [f"  {line}" for line in source_lines(sourcing)]
    lines += [f"  {'hedge':<14} {h['text']!r}" for h in sourcing["hedges"]]
    return "\n".join(lines)


def source_lines(sourcing: dict) -> list[str]:
    """Who is cited, first: "person  Richard Moore — MI6 Chief (2x: asserted, noted)"; then the
    reporting with no source as one line, and the share of unnamed sources when they dominate."""
    lines = []
    for s in sourcing["sources"]:
        role = f" — {s['title']}" if s.get("title") else ""
        cues = f": {', '.join(s['cues'])}" if s.get("cues") else ""
        lines.append(f"{s['kind']:<14} {s['name']}{role} ({s['mentions']}x{cues})")
    if sourcing.get("unattributed"):
        lines.append(f"{'unattributed':<14} reporting with no source named "
                     f"({sourcing['unattributed']}x)")
    if sourcing.get("mostly_anonymous"):
        lines.append(f"{'note':<14} mostly unnamed sources "
                     f"({sourcing['anonymous_share']:.0%} of reporting)")
    return lines


def _score(section: dict) -> str:
    if section["score"] is None:
        return f"{section['level']} ({section.get('reason', 'not enough text')})"
    return f"{section['score']:g} ({section['level']})"


def _run_batch(args: argparse.Namespace) -> int:
    try:
        source = sys.stdin if args.input == "-" else open(args.input, encoding="utf-8")  # noqa: SIM115
        sink = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")  # noqa: SIM115
    except OSError as error:
        print(f"newsbadge: {error.filename}: {error.strerror}", file=sys.stderr)
        return EXIT_USAGE
    total = _count_lines(args.input) if args.input != "-" else None
    failures = 0
    with source, sink:
        for failed, line in _progress(_report_lines(source, args.workers), total):
            failures += failed
            sink.write(line + "\n")
    if failures:
        print(
            f"newsbadge: {failures} line(s) failed; their error lines are in the output",
            file=sys.stderr,
        )
    return EXIT_USAGE if failures else EXIT_OK


def _report_lines(source: Iterable[str], workers: int) -> Iterator[tuple[bool, str]]:
    requests = ((number, line) for number, line in enumerate(source, 1) if line.strip())
    if workers <= 1:
        yield from map(report_line, requests)
        return
    # fork: the workers inherit the loaded language profiles and lexicons instead of reloading.
    with get_context("fork").Pool(workers) as pool:
        yield from pool.imap(report_line, requests, chunksize=BATCH_CHUNK)


def report_line(numbered_line: tuple[int, str]) -> tuple[bool, str]:
    """One batch line in, one JSON line out: (False, the report with its id) or (True, an error
    line with the request's id)."""
    from .analysis import analyze

    number, line = numbered_line
    try:
        request = json.loads(line)
    except json.JSONDecodeError as error:
        return _error_line(None, "malformed_json", f"line {number} is not JSON: {error.msg}")
    request_id = request.get("id") if isinstance(request, dict) else None
    if not isinstance(request_id, str | int | float | bool):
        request_id = None
    try:
        report = analyze(request)
    except ValidationError as error:
        return _error_line(
            request_id, "invalid_request", f"line {number}: {validation_message(error)}"
        )
    return False, json.dumps(report, ensure_ascii=False)


def _error_line(request_id, code: str, message: str) -> tuple[bool, str]:
    return True, json.dumps(
        {"id": request_id, "error": {"code": code, "message": message}}, ensure_ascii=False
    )


def _count_lines(path: str) -> int:
    with open(path, "rb") as handle:
        return sum(1 for line in handle if line.strip())


def _progress(lines: Iterator, total: int | None) -> Iterator:
    """A progress bar on standard error when it is a terminal; the lines unchanged otherwise."""
    if not sys.stderr.isatty():
        return lines
    from tqdm import tqdm

    return tqdm(lines, total=total, unit="page", file=sys.stderr)


def _run_serve(args: argparse.Namespace) -> int:
    from .web import serve

    serve(bind=args.bind, workers=args.workers)
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
