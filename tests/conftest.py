"""Fixtures shared by the whole suite."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsbadge_dev.paths import seed_article

FIXTURES = Path(__file__).resolve().parent / "fixtures"


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
