"""Chromium fixtures: Debian's chromium with the unpacked extension, driven by Playwright.

Playwright cannot download its own browsers here; Debian's unbranded Chromium still loads unpacked
extensions with --load-extension. Everything is session-scoped: the browser and the server start
once (about 15 s), then each test opens its own pages.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from helpers import Extension

from newsbadge_dev.browser_services import services
from newsbadge_dev.paths import REPO

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
EXTENSION_DIR = REPO / "extension"
READABILITY = EXTENSION_DIR / "vendor" / "Readability.js"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--headless=new"]


@pytest.fixture(scope="session")
def running():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium: {CHROMIUM} not found (apt-get install chromium); "
                    "Chromium tests skipped")
    if not READABILITY.exists():
        pytest.fail(f"{READABILITY} is missing: run `make extension-deps`")
    with services() as running:
        yield running


@pytest.fixture(scope="session")
def context(running):
    from playwright.sync_api import sync_playwright

    profile = tempfile.mkdtemp(prefix="newsbadge-chromium-")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch_persistent_context(
                profile, executable_path=CHROMIUM, headless=True,
                args=[*ARGS, f"--disable-extensions-except={EXTENSION_DIR}",
                      f"--load-extension={EXTENSION_DIR}"])
            yield browser
            browser.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="session")
def extension(context, running):
    worker = context.service_workers[0] if context.service_workers else \
        context.wait_for_event("serviceworker")
    ext = Extension(context, worker, running)
    ext.configure(running.server, running.api_key)
    return ext
