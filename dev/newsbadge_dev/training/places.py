"""Write sourcing's countries and US states (server/newsbadge/sourcing/data/iso_places.txt) from
pycountry's ISO 3166-1 and 3166-2 lists, so that a country is never taken for a person ("China
and Thailand boast", "according to Thailand") nor a run a state opens ("Texas Instruments"): a
country or state speaks through its government, kind organization.

Each country's common name and its short name, when that is no inverted form ("Korea, Republic
of") and holds no parenthesis; each US state's name. Names that are also common given names
("Chad", "Georgia") are left out: "Chad said" is more often a person. places.tsv, written by
hand, adds the usual short forms ("Russia", "Britain") and wins where both list a name.

Run: .venv/bin/python -m newsbadge_dev.training.places   (or `make train`)
"""

from __future__ import annotations

from pathlib import Path

import newsbadge
from newsbadge import datafiles
from newsbadge_dev.training import output

# Not datafiles.folder("newsbadge.sourcing"): importing the package reads this file.
OUT = Path(newsbadge.__file__).parent / "sourcing" / datafiles.FOLDER / "iso_places.txt"
# Country names that are also common English given names (general knowledge).
GIVEN_NAMES = frozenset({"Chad", "Georgia", "Jersey", "Jordan"})


def country_names() -> list[str]:
    import pycountry  # train extra: only this script reads it

    names = set()
    for country in pycountry.countries:
        for name in (getattr(country, "common_name", None), country.name):
            if name and "," not in name and "(" not in name and name not in GIVEN_NAMES:
                names.add(name)
    names.update(state.name for state in pycountry.subdivisions.get(country_code="US")
                 if state.type == "State" and state.name not in GIVEN_NAMES)
    return sorted(names)


def main() -> int:
    try:
        names = country_names()
    except ImportError:
        print("pycountry is not installed: the committed iso_places.txt is kept")
        return 0
    output.write_lines(OUT, __doc__.split("\n\n")[0].strip() + (
        "\nWritten by `python -m newsbadge_dev.training.places` from pycountry (LGPL-2.1; names"
        "\nof ISO 3166, facts, no code of it)."), names)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
