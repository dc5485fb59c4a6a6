"""One-off generator of ``questions/countries.toml``; not run by the app, the tests or the build.

It was run once to write the file, which is then data like the rest of ``questions/`` (reviewed
and edited by hand where needed). It takes every ISO 3166-1 alpha-2 country with its Dutch
name from pycountry's translations, replaces the names pycountry gives in a stilted form
(``"Korea, Republiek"``) by the ones people write, and adds common Dutch alternatives as
aliases. pycountry is not a dependency of the project; to run this again::

    pip install pycountry
    python scripts/make_countries.py > questions/countries.toml
"""

from __future__ import annotations

import gettext
import unicodedata

import pycountry  # type: ignore[import-not-found, unused-ignore]

#: The European Economic Area: the 27 member states of the EU, Iceland, Liechtenstein, Norway.
EEA = frozenset(
    [
        "AT",
        "BE",
        "BG",
        "HR",
        "CY",
        "CZ",
        "DK",
        "EE",
        "FI",
        "FR",
        "DE",
        "GR",
        "HU",
        "IE",
        "IT",
        "LV",
        "LT",
        "LU",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SK",
        "SI",
        "ES",
        "SE",
        "IS",
        "LI",
        "NO",
    ]
)

#: Names where pycountry's Dutch is stilted or wrong, as people write them.
NAMES = {
    "BO": "Bolivia",
    "BY": "Belarus",
    "CC": "Cocoseilanden",
    "CD": "Democratische Republiek Congo",
    "FK": "Falklandeilanden",
    "GE": "Georgië",
    "KP": "Noord-Korea",
    "KR": "Zuid-Korea",
    "LA": "Laos",
    "MD": "Moldavië",
    "PS": "Palestina",
    "VA": "Vaticaanstad",
    "VE": "Venezuela",
    "VG": "Britse Maagdeneilanden",
    "VI": "Amerikaanse Maagdeneilanden",
}

#: pycountry's Dutch names that are wrong rather than stilted; not kept as aliases.
WRONG = frozenset({"Georgia"})

#: Other Dutch names in common use.
ALIASES = {
    "BA": ["Bosnië-Herzegovina"],
    "BY": ["Wit-Rusland"],
    "CD": ["DR Congo", "Congo-Kinshasa"],
    "CG": ["Congo-Brazzaville"],
    "CI": ["Côte d'Ivoire"],
    "CV": ["Cabo Verde"],
    "CZ": ["Tsjechische Republiek"],
    "FO": ["Faeröereilanden"],
    "GB": ["Groot-Brittannië", "Engeland"],
    "MM": ["Birma"],
    "NL": ["Holland"],
    "RU": ["Russische Federatie"],
    "SX": ["Sint Maarten"],
    "SZ": ["Swaziland"],
    "TL": ["Timor-Leste"],
    "TR": ["Türkiye"],
    "US": ["Amerika"],
}


def normalised(name: str) -> str:
    """The comparison key the app uses (see ``trustone_tui.framework.countries``)."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.replace("-", " ").split())


def toml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main() -> None:
    dutch = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["nl"])
    seen: dict[str, str] = {}
    print("# Every ISO 3166-1 alpha-2 country: its Dutch name, other Dutch names in use, and")
    print("# whether it is in the European Economic Area (EU-27, Iceland, Liechtenstein, Norway).")
    print("# Written once by scripts/make_countries.py from pycountry, names reviewed by hand.")
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        code = country.alpha_2
        candidates = [
            dutch.gettext(getattr(country, "common_name", country.name)),
            dutch.gettext(country.name),
            dutch.gettext(getattr(country, "official_name", country.name)),
        ]
        name = NAMES.get(code, candidates[0])
        aliases: list[str] = []
        for alias in [*candidates, *ALIASES.get(code, [])]:
            key = normalised(alias)
            taken = {normalised(name), *(normalised(a) for a in aliases)}
            if alias in WRONG or key in taken:
                continue
            aliases.append(alias)
        for label in (name, *aliases):
            key = normalised(label)
            if key in seen and seen[key] != code:
                raise SystemExit(f"{label!r} names both {seen[key]} and {code}")
            seen[key] = code
        print()
        print("[[countries]]")
        print(f'code = "{code}"')
        print(f"name = {toml_string(name)}")
        if aliases:
            print(f"aliases = [{', '.join(toml_string(a) for a in aliases)}]")
        print(f"eea = {'true' if code in EEA else 'false'}")


if __name__ == "__main__":
    main()
