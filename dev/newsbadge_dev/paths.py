"""Where the public labeled data sets and the sample page live, for evaluation, training,
benchmarks and tests. The service itself never reads them.

Both sit in `shared/` beside the repository unless an environment variable names another place:
NEWSBADGE_DATA for the data sets (never copied into the repository), NEWSBADGE_SEED for the page.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"


def data_dir() -> Path:
    return Path(os.environ.get("NEWSBADGE_DATA") or SHARED / "data")


def seed_article() -> Path:
    return Path(os.environ.get("NEWSBADGE_SEED") or SHARED / "samples" / "seed-article.txt")
