"""Speed of the extension's page reading (content/visible.js + Readability.js + extract.js) in
headless Chromium, on the seed page and on hostile pages. Run by `make bench-extension`.

The scripts run in the page itself here (no extension needed), which is what scripting.executeScript
does in the extension's isolated world. Prints the median over RUNS runs, in milliseconds, and the
size of the request body the extension would send.
"""

from __future__ import annotations

import os
import statistics
import sys
from pathlib import Path

from newsbadge_dev.paths import seed_article

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
EXTENSION = REPO / "extension"
SCRIPTS = ["vendor/Readability.js", "content/visible.js", "content/extract.js"]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SEED = seed_article()
RUNS = 5

# Pages built in the browser: name -> script that fills document.body.
HOSTILE = {
    "one character x 900,000": "document.body.append('a'.repeat(900000))",
    "quote marks x 400,000": "document.body.append('\"'.repeat(400000))",
    "newlines x 1,000,000 in <pre>":
        "const p = document.createElement('pre'); p.textContent = '\\n'.repeat(1e6);"
        " document.body.append(p)",
    "nested elements x 400":
        "let n = document.body; for (let i = 0; i < 400; i++) {"
        " const d = document.createElement(i % 2 ? 'div' : 'span'); n.append(d); n = d; }"
        " n.append('deep text')",
    "lone surrogates, zero-width, RTL marks":
        "document.body.append('\\ud800 a\\u200b\\u200f b \\udc00 \\u05e9\\u05dc\\u05d5\\u05dd '"
        ".repeat(10000))",
    "paragraphs with links x 20,000":
        "document.body.innerHTML = Array.from({length: 20000}, (_, i) =>"
        " `<p class=\"para-${i}\">Sentence ${i} with <a href=\"#\">a link</a>.</p>`).join('')",
}
MEASURE = """() => {
  const started = performance.now();
  const request = newsbadgeExtract();
  const ms = performance.now() - started;
  return [ms, new TextEncoder().encode(JSON.stringify(request)).length,
          request.blocks ? request.blocks.length : null];
}"""


def seed_page() -> str | None:
    """The seed article as a page, one paragraph per line (read at run time, never copied)."""
    if not SEED.exists():
        return None
    lines = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    return ("const article = document.createElement('article'); for (const line of "
            f"{lines!r}) {{ const p = document.createElement('p'); p.textContent = line;"
            " article.append(p); } document.body.append(article)")


def measure(browser, build: str) -> tuple[float, int, int | None]:
    timings = []
    for _ in range(RUNS):
        page = browser.new_page()
        page.set_content("<!doctype html><title>bench</title><body></body>")
        page.evaluate("() => {" + build + "}")
        for script in SCRIPTS:
            page.add_script_tag(path=str(EXTENSION / script))
        ms, size, blocks = page.evaluate(MEASURE)
        timings.append(ms)
        page.close()
    return statistics.median(timings), size, blocks


def main() -> int:
    if not Path(CHROMIUM).exists():
        print(f"SKIPPED: Chromium not found at {CHROMIUM}")
        return 0
    if not (EXTENSION / SCRIPTS[0]).exists():
        print("SKIPPED: extension/vendor/Readability.js not found: run `make extension-deps`")
        return 0
    from playwright.sync_api import sync_playwright

    cases = dict(HOSTILE)
    seed = seed_page()
    if seed is None:
        print(f"(seed page not found at {SEED}: skipped)")
    else:
        cases = {"seed page (550 words)": seed, **cases}
    print(f"extension page reading, headless {CHROMIUM}, median of {RUNS} runs")
    print(f"{'page':42} {'ms':>8} {'request bytes':>14} {'blocks':>7}")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM,
                                             args=["--no-sandbox", "--disable-gpu"])
        for name, build in cases.items():
            ms, size, blocks = measure(browser, build)
            print(f"{name:42} {ms:8.1f} {size:14,} {'-' if blocks is None else blocks:>7}")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
