"""The command line: `newsbadge analyze`, `newsbadge batch`, `newsbadge serve`.

A thin shell over the analysis core: it reads files, calls `analyze`, and writes JSON or text.
Each command imports what it needs when it runs (the core, pydantic, gunicorn), so that `--help`
and a usage error answer at once rather than after the analysis core's start-up.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator

from .settings import SettingsError, positive_int

# Exit statuses (documented in the README).
EXIT_OK = 0
EXIT_USAGE = 2  # bad usage, unreadable or invalid input, or a batch with failed lines
# The headline moved the framing score when the section's differs from its body's by this much
# (the extension's HEADLINE_MOVED: scores are shown rounded to whole points).
HEADLINE_MOVED = 0.5
EXIT_CHECK_FAILED = 3  # a threshold set with --max-sensational/--max-contamination/--min-sourcing
EXIT_INTERRUPTED = 130  # Ctrl-C, as a shell reports a program ended by SIGINT (128 + 2)
EXIT_CLOSED_PIPE = 141  # the reader closed our output (`| head`), as for SIGPIPE (128 + 13)
STDOUT_FD = 1  # by number: a batch writing to stdout has closed the sys.stdout object by then
# Language codes --lang accepts: ISO 639-1 or 639-3, with an optional region ("en", "pt-BR").
LANG_RE = re.compile(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})?$")
# A file whose first characters are one of these is HTML, whatever its name.
HTML_OPENINGS = ("<!doctype html", "<html", "<head", "<body", "<?xml")

# Lines handed to a batch worker at a time: large enough that inter-process traffic is small next
# to the analysis (a report is a few kB), small enough that the progress bar moves.
BATCH_CHUNK = 8


def main(argv: list[str] | None = None) -> int:
    """Run a command; a closed pipe, Ctrl-C or a bad setting ends it with one line, no traceback."""
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("newsbadge: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # Python flushes stdout at exit and would complain again: point it at /dev/null first
        # (the recipe of Python's signal module documentation).
        os.dup2(os.open(os.devnull, os.O_WRONLY), STDOUT_FD)
        return EXIT_CLOSED_PIPE
    except SettingsError as error:
        print(f"newsbadge: bad setting: {error}", file=sys.stderr)
        return EXIT_USAGE


def _version() -> str:
    from importlib import metadata  # 0.1 s to import: only for --version

    try:
        return metadata.version("newsbadge")
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


class _VersionAction(argparse.Action):
    """`--version`: the installed package's version, looked up only when asked for."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs):
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        print(f"newsbadge {_version()}")
        parser.exit()


def _score_limit(raw: str) -> float:
    """A score threshold: a number from 0 to 100, the scale of every section's score."""
    try:
        value = float(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{raw!r} is not a number") from None
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(f"{raw} is outside the scores' range, 0 to 100")
    return value


def _workers(raw: str) -> int:
    """A worker count, read as NEWSBADGE_WORKERS is."""
    try:
        return positive_int(raw)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{raw!r} {error}") from None


def _language(raw: str) -> str:
    if not LANG_RE.match(raw):
        raise argparse.ArgumentTypeError(
            f"{raw!r} is not a language code: use ISO 639-1, such as en, fr or pt-BR")
    return raw


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsbadge",
        description="Score news pages for sensational framing, contamination and sourcing.",
    )
    parser.add_argument("--version", action=_VersionAction)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    analyze = commands.add_parser(
        "analyze",
        help="analyse one page and print its report",
        description="Analyse one page (text or HTML) and print its report.",
    )
    analyze.add_argument("file", nargs="?", default="-", help="text or HTML file; - for stdin")
    analyze.add_argument("--title", help="the page's headline")
    analyze.add_argument("--url", help="the page's address (recorded in the report only)")
    analyze.add_argument("--lang", type=_language,
                         help="language code (ISO 639-1, such as en), instead of detecting it")
    analyze.add_argument("--html", action="store_true",
                         help="the input is HTML (also assumed when it starts like an HTML page)")
    analyze.add_argument("--format", choices=("json", "text"), default="json")
    analyze.add_argument(
        "--max-sensational",
        type=_score_limit,
        metavar="SCORE",
        help=f"exit {EXIT_CHECK_FAILED} when the sensational score is above SCORE",
    )
    analyze.add_argument(
        "--max-contamination",
        type=_score_limit,
        metavar="SCORE",
        help=f"exit {EXIT_CHECK_FAILED} when the contamination score is above SCORE",
    )
    analyze.add_argument(
        "--min-sourcing",
        type=_score_limit,
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
    batch.add_argument("input", nargs="?", default="-",
                       help="JSONL file; - for stdin; with --dask also a quoted glob of JSONL "
                       "files or WARC files (*.warc, *.warc.gz)")
    batch.add_argument("-o", "--output", default="-",
                       help="JSONL file to write; - for stdout; with --dask, DIR/ for one file "
                       "per partition")
    batch.add_argument(
        "-w",
        "--workers",
        type=_workers,
        default=os.cpu_count() or 1,
        help="worker processes (default: one per CPU); with --dask local, the cluster's",
    )
    batch.add_argument(
        "--dask",
        metavar="ADDRESS",
        help="run on the Dask scheduler at ADDRESS (tcp://host:8786), or on a local cluster "
        "(local); needs the extra newsbadge[dask]",
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
        type=_workers,
        help="worker processes (default: NEWSBADGE_WORKERS or from the CPU count)",
    )
    serve.set_defaults(run=_run_serve)
    return parser


def _run_analyze(args: argparse.Namespace) -> int:
    import json

    from .analysis import analyze
    from .batch import InvalidRequest, Limits, validated

    try:
        content = _read(args.file)
    except OSError as error:
        print(f"newsbadge: cannot read {args.file}: {error.strerror}", file=sys.stderr)
        return EXIT_USAGE
    as_html = args.html or _looks_like_html(content)
    if as_html and not args.html:
        print("newsbadge: the input looks like HTML: reading it as HTML", file=sys.stderr)
    request = {
        "html" if as_html else "text": content,
        "title": args.title,
        "url": args.url,
        "lang": args.lang,
    }
    try:
        # The server's checks, HTML's cost limits among them; no length limit on a local file.
        report = analyze(validated({k: v for k, v in request.items() if v is not None}, Limits()))
    except InvalidRequest as error:
        print(f"newsbadge: invalid request: {error.message}", file=sys.stderr)
        return EXIT_USAGE
    if args.format == "json":
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(render_text(report))
    failed = _failed_checks(report, args)
    for message in failed:
        print(f"newsbadge: check failed: {message}", file=sys.stderr)
    return EXIT_CHECK_FAILED if failed else EXIT_OK


def _looks_like_html(content: str) -> bool:
    return content.lstrip("\ufeff \t\r\n")[:20].lower().startswith(HTML_OPENINGS)


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
    if badge.get("why"):
        lines.insert(1, f"why {badge['text']}: " + ", ".join(r["text"] for r in badge["why"]))
    kind = report.get("genre", {}).get("kind")
    if kind:
        lines.append(f"genre: {kind} ({report['genre']['confidence']:.2f})")
    framing, contamination, sourcing = (
        report[k] for k in ("sensational", "contamination", "sourcing")
    )
    lines.append(f"sensational framing: {_score(framing)}")
    lines += headline_lines(framing)
    lines += counted_lines((e["cue"], e["text"]) for e in framing["evidence"])
    lines.append(f"contamination: {_score(contamination)}")
    lines += counted_lines((s["category"], s["text"]) for s in contamination["spans"])
    lines.append(f"sourcing: {_score(sourcing)}")
    lines += [f"  {line}" for line in source_lines(sourcing)]
    lines += counted_lines(("hedge", h["text"]) for h in sourcing["hedges"])
    return "\n".join(lines)


def headline_lines(framing: dict) -> list[str]:
    """The headline and its cues when its score moved the section's (the popup's rule: by half a
    point or more): "headline '4 Things to Do in October' 88, raised framing from 32 to 52"."""
    headline, body = framing.get("headline"), framing.get("body_score")
    if (not headline or headline.get("score") is None or framing["score"] is None
            or body is None or abs(framing["score"] - body) < HEADLINE_MOVED):
        return []
    direction = "raised" if framing["score"] > body else "lowered"
    return [f"  {'headline':<14} {headline['text']!r} {headline['score']:.0f}, {direction} "
            f"framing from {body:.0f} (the article alone) to {framing['score']:.0f}",
            *("  " + line for line in counted_lines(
                (c["cue"], c["text"]) for c in headline.get("cues", [])))]


def counted_lines(items: Iterable[tuple[str, str]]) -> list[str]:
    """One line per (kind, text) in first-seen order, counted when it repeats ("alarm '!' ×16"),
    as the popup groups them; the case of a word does not make it another."""
    counts: dict[tuple[str, str], list] = {}
    for kind, text in items:
        counts.setdefault((kind, text.lower()), [text, 0])[1] += 1
    return [f"  {kind:<14} {text!r}" + (f" ×{n}" if n > 1 else "")
            for (kind, _), (text, n) in counts.items()]


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
    if args.dask:
        return _run_dask_batch(args)
    # The core is loaded before the output file is opened: once the file exists, pages are being
    # analysed (what a caller waiting on it, such as tests/test_cli_errors.py, relies on). Loaded
    # and frozen once here, it is shared by the forked workers instead of loaded by each.
    from .analysis import freeze_loaded_heap, warm_up
    from .batch import analyze_line

    warm_up()
    freeze_loaded_heap()

    try:
        source = sys.stdin if args.input == "-" else open(args.input, encoding="utf-8")  # noqa: SIM115
        sink = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")  # noqa: SIM115
    except OSError as error:
        print(f"newsbadge: {error.filename}: {error.strerror}", file=sys.stderr)
        return EXIT_USAGE
    total = _count_lines(args.input) if args.input != "-" else None
    with source, sink:
        return _batch_status(_write_lines(
            sink, _progress(_report_lines(analyze_line, source, args.workers), total)))


def _write_lines(sink, lines: Iterable[tuple[bool, str]]) -> int:
    """Writes each report line; the number of failed ones."""
    failures = 0
    for failed, line in lines:
        failures += failed
        sink.write(line + "\n")
    return failures


def _batch_status(failures: int) -> int:
    if failures:
        print(
            f"newsbadge: {failures} line(s) failed; their error lines are in the output",
            file=sys.stderr,
        )
    return EXIT_USAGE if failures else EXIT_OK


def _run_dask_batch(args: argparse.Namespace) -> int:
    """The batch on a Dask cluster: one output file, or one per partition with `-o DIR/`."""
    try:
        from . import distributed
    except ImportError:
        print("newsbadge: --dask needs Dask: pip install 'newsbadge[dask]'", file=sys.stderr)
        return EXIT_USAGE
    if args.input == "-":
        print("newsbadge: --dask reads files (the workers read them): give a file or a glob",
              file=sys.stderr)
        return EXIT_USAGE
    to_directory = args.output.endswith(os.sep) or os.path.isdir(args.output)
    try:
        distributed.input_paths(args.input)
        with distributed.connect(args.dask, args.workers) as client:
            link = distributed.dashboard(client)
            print(f"newsbadge: Dask dashboard at {link}" if link else
                  "newsbadge: the Dask scheduler serves no dashboard", file=sys.stderr)
            parts, total = distributed.sources(args.input, distributed.thread_count(client))
            if to_directory:
                os.makedirs(args.output, exist_ok=True)
                return _batch_status(_count_parts(
                    distributed.write_parts(client, parts, args.output), total))
            sink = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")  # noqa: SIM115
            with sink:
                return _batch_status(_write_lines(
                    sink, _progress(distributed.report_lines(client, parts), total)))
    except OSError as error:
        print(f"newsbadge: {error.filename or args.dask}: {error.strerror or error}",
              file=sys.stderr)
        return EXIT_USAGE


def _count_parts(written: Iterator[tuple[int, int]], total: int) -> int:
    """The number of failed lines of the partition files as each is written; on a terminal, the
    progress bar moves by a partition's lines at a time."""
    failures = 0
    bar = _progress(None, total)  # a bar updated by hand; None when standard error is no terminal
    for lines, failed in written:
        failures += failed
        if bar is not None:
            bar.update(lines)
    if bar is not None:
        bar.close()
    return failures


def _report_lines(analyze_line: Callable, source: Iterable[str],
                  workers: int) -> Iterator[tuple[bool, str]]:
    requests = ((number, line) for number, line in enumerate(source, 1) if line.strip())
    if workers <= 1:
        yield from map(analyze_line, requests)
        return
    from multiprocessing import get_context  # 0.05 s to import: only for a batch's workers

    # fork: the workers inherit the loaded language profiles and lexicons instead of reloading.
    with get_context("fork").Pool(workers) as pool:
        yield from pool.imap(analyze_line, requests, chunksize=BATCH_CHUNK)


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
