"""newsbadge: scores news pages for sensational framing, contamination and sourcing, with evidence.

from newsbadge import analyze
report = analyze({"text": "...", "title": "..."})
"""

from .analysis import analyze

__all__ = ["analyze"]
__version__ = "0.1.0"
