"""/docs in headless Chromium: Swagger UI renders this server's OpenAPI document from files the
server itself serves, with no request leaving the machine."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.slow


def test_docs_renders_the_api_offline(context, running):
    page = context.new_page()
    hosts = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    try:
        page.goto(f"{running.server}/docs")
        page.wait_for_selector(".swagger-ui .opblock-summary-path", timeout=15_000)
        paths = page.locator(".opblock-summary-path").all_inner_texts()
        assert any("/v1/analyze" in path for path in paths), paths
        assert "newsbadge" in page.locator(".swagger-ui .info .title").inner_text()
        assert hosts == {urlsplit(running.server).netloc}, hosts
    finally:
        page.close()
