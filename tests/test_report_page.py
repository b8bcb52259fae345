"""`GET /`, the report page: its HTML and modules, their Content-Security-Policy, and that the
renderer it serves is the extension's own (the browser tests in tests/extension drive it)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from newsbadge_dev.paths import REPO

STATIC = REPO / "server" / "newsbadge" / "web" / "static"
EXTENSION = REPO / "extension"
# Each `import ... from "./x.js"` of a module: the files a page needs beside it.
IMPORT = re.compile(r'^import\s[^;]*?from\s+"(\.[^"]+)";', re.MULTILINE | re.DOTALL)


def imports(module: Path) -> set[Path]:
    """Every module `module` imports, directly or through others, as served paths."""
    seen: set[Path] = set()
    pending = [module]
    while pending:
        current = pending.pop()
        for target in IMPORT.findall(current.read_text()):
            # As a browser resolves it: by URL path, not through the served links.
            path = Path(os.path.normpath(current.parent / target))
            if path not in seen:
                seen.add(path)
                pending.append(path)
    return seen


def shared_files() -> list[Path]:
    return sorted(path for folder in ("lib", "report") for path in (STATIC / folder).iterdir())


def test_the_served_renderer_is_the_extensions_own():
    files = shared_files()
    assert {path.name for path in files} >= {"report.js", "labels.js", "render.js", "report.css"}
    for path in files:
        original = EXTENSION / path.relative_to(STATIC)
        assert path.is_symlink() and path.resolve() == original.resolve(), \
            f"{path} should be a link to {original}"


def test_every_module_the_page_imports_is_served():
    needed = imports(STATIC / "page" / "app.js")
    assert STATIC / "report" / "render.js" in needed
    for path in needed:
        assert path.exists(), f"{path} is imported by the page but not served: link it " \
            "from server/newsbadge/web/static"


def test_page_has_the_form_and_a_content_security_policy(client):
    response = client.get("/")
    assert response.status_code == 200 and response.mimetype == "text/html"
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "default-src 'none'" in policy
    assert "'unsafe-inline'" not in policy
    page = response.get_data(as_text=True)
    for needed in ('id="text"', 'id="title"', 'id="file"', "/ui/page/app.js",
                   "/ui/report/report.css"):
        assert needed in page
    assert "<script>" not in page and "style=" not in page
    assert 'id="api-key"' not in page  # the test app has no API keys


@pytest.mark.parametrize("path", ["/ui/page/app.js", "/ui/report/render.js", "/ui/lib/report.js"])
def test_modules_are_served_as_javascript_under_the_policy(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response.mimetype in ("text/javascript", "application/javascript")
    assert "Content-Security-Policy" in response.headers
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_page_asks_for_the_key_when_the_server_wants_one(make_client):
    page = make_client(api_keys=("secret",)).get("/").get_data(as_text=True)
    assert 'id="api-key"' in page


def test_api_answers_keep_no_page_policy(client):
    assert "Content-Security-Policy" not in client.get("/healthz").headers
