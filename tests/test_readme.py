"""Every example in the README is run and gives what the README shows
(newsbadge_dev.readme_examples; `make readme` rewrites the outputs after an intended change)."""

from __future__ import annotations

import pytest

from newsbadge_dev import readme_examples

EXAMPLES = readme_examples.examples(readme_examples.README.read_text(encoding="utf-8"))


def test_the_readme_has_examples_of_the_api_and_the_command_line():
    commands = [example.command.split()[0] for example in EXAMPLES]
    assert "curl" in commands and "newsbadge" in commands


@pytest.mark.slow
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda example: example.name)
def test_a_readme_example_prints_what_the_readme_shows(example, live_server):
    real = readme_examples.output(example, live_server)
    assert readme_examples.comparable(real) == readme_examples.comparable(example.shown), (
        f"the README's {example.name!r} example prints something else: run `make readme`")
