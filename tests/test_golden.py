"""Golden reports: each fixture page's report is the one committed under tests/golden/.

On a difference the failure lists it section by section; `make golden` records an intended change
(see newsbadge_dev.golden).
"""

from __future__ import annotations

import pytest

from newsbadge_dev import golden

PAGES = golden.pages()


def test_the_pages_are_found():
    assert len(PAGES) >= 10 and any(name.endswith(".html") for name in PAGES)


@pytest.mark.parametrize("name", PAGES)
def test_report_is_the_golden_one(name):
    message = golden.failure(name, golden.report(PAGES[name]))
    if message:
        pytest.fail(message, pytrace=False)


def test_every_golden_file_has_its_page():
    gone = golden.stale()
    assert not gone, f"golden files without a page: {gone}; `{golden.COMMAND}` removes them"
