"""newsbadge: scores news pages for sensational framing, contamination and sourcing, with evidence.

from newsbadge import analyze
report = analyze({"text": "...", "title": "..."})

`analyze` is imported on first use (PEP 562): importing a submodule (the command line, settings)
does not load the analysis core, its language profiles and dictionaries.
"""

__all__ = ["analyze"]
__version__ = "0.1.0"


def __getattr__(name: str):
    if name == "analyze":
        from .analysis import analyze

        return analyze
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
