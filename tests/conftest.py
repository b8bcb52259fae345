"""Fixtures shared by the whole suite: the fixture texts, the Flask app and its test client, and
the real server. A test that needs other settings builds its own from the same factories
(`make_app`, `make_client`, or `LiveServer(...)` used as a context manager)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsbadge_dev.live_server import LiveServer, flask_app
from newsbadge_dev.paths import seed_article

TESTS = Path(__file__).resolve().parent
FIXTURES = TESTS / "fixtures"


def pytest_collection_modifyitems(items):
    """Every test of the extension drives a browser: slow, wherever it is written."""
    for item in items:
        if item.path.is_relative_to(TESTS / "extension"):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The real page text in ../shared/samples (not copied into the repository)."""
    path = seed_article()
    if not path.exists():
        pytest.skip(f"seed article not found at {path}")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def wire_story() -> str:
    """A plainly written wire report, written for these tests."""
    return (FIXTURES / "core" / "wire-story.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def story() -> str:
    """The short news report the web tests send (tests/fixtures/web)."""
    return (FIXTURES / "web" / "story.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def make_app():
    """The factory for an app with its own settings: `make_app(batch_max=2)`."""
    return flask_app


@pytest.fixture(scope="session")
def make_client():
    """The factory for a test client of an app with its own settings."""
    return lambda **settings: flask_app(**settings).test_client()


@pytest.fixture(scope="session")
def app():
    return flask_app()


@pytest.fixture(scope="session")
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def live_server():
    """`newsbadge serve` with the default settings and one worker, for the whole session
    (starting one costs a few seconds)."""
    with LiveServer() as live:
        yield live
