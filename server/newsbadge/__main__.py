"""`python -m newsbadge` is the `newsbadge` command."""

import sys

from .cli import main

sys.exit(main())
