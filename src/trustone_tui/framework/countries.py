"""The countries of ``questions/countries.toml``: ISO code, Dutch names, and EEA membership.

The file is data like the rest of the bank (written once by ``scripts/make_countries.py``).
Loading validates it with pydantic and checks that no name or code points at two countries,
so that a lookup that ignores case, accents, hyphens and spacing is always unambiguous.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from trustone_tui.framework.source import FrameworkError, bank_directory

COUNTRIES_FILE = "countries.toml"
_CODE_RE = re.compile(r"^[A-Z]{2}$")


@dataclass(frozen=True, slots=True)
class Country:
    """One ISO 3166-1 alpha-2 country."""

    __pydantic_config__: ClassVar[dict[str, str]] = {"extra": "forbid"}

    code: str
    name: str
    eea: bool
    aliases: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not _CODE_RE.match(self.code):
            raise ValueError(f"code {self.code!r} is not two capital letters")
        if not self.name.strip() or not all(a.strip() for a in self.aliases):
            raise ValueError("names must not be empty")


@dataclass(frozen=True, slots=True)
class CountriesFile:
    __pydantic_config__: ClassVar[dict[str, str]] = {"extra": "forbid"}

    countries: tuple[Country, ...]


def name_key(text: str) -> str:
    """How names are compared: case, accents, hyphens and runs of spaces ignored."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.replace("-", " ").split())


class Countries:
    """Every country, looked up by code or Dutch name."""

    def __init__(self, countries: tuple[Country, ...]) -> None:
        self._by_code = {c.code: c for c in countries}
        self._by_name = {name_key(n): c for c in countries for n in (c.name, *c.aliases)}
        #: The codes of the countries in the European Economic Area.
        self.eea_codes = frozenset(c.code for c in countries if c.eea)

    def __len__(self) -> int:
        return len(self._by_code)

    def __iter__(self) -> Iterator[Country]:
        return iter(self._by_code.values())

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __getitem__(self, code: str) -> Country:
        return self._by_code[code]

    def lookup(self, text: str) -> Country | None:
        """The country a code (``nl``, ``NL``) or Dutch name (``tsjechie``) names, if any."""
        text = text.strip()
        if len(text) == 2:
            return self._by_code.get(text.upper())
        return self._by_name.get(name_key(text))

    def is_eea(self, code: str) -> bool:
        """Whether the country with this code is in the European Economic Area."""
        return code in self.eea_codes


def load_countries(directory: Path | None = None) -> Countries:
    """Read and check ``countries.toml`` from the bank; problems raise :class:`FrameworkError`."""
    from trustone_tui.framework.validation import validate_table  # imports pydantic

    path = (directory or bank_directory()) / COUNTRIES_FILE
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FrameworkError([f"{path}: file not found"]) from None
    except UnicodeDecodeError as exc:
        raise FrameworkError([f"{path}: not UTF-8 text (byte {exc.start})"]) from None
    except tomllib.TOMLDecodeError as exc:
        raise FrameworkError([f"{path}: invalid TOML: {exc}"]) from None
    data, problems = validate_table(CountriesFile, raw, path)
    if data is None:
        raise FrameworkError(problems)
    problems = _clashes(data.countries, path)
    if problems:
        raise FrameworkError(problems)
    return Countries(data.countries)


def _clashes(countries: tuple[Country, ...], path: Path) -> list[str]:
    """Codes used twice, and names (or two-letter names) that would name two countries."""
    problems: list[str] = []
    codes: set[str] = set()
    names: dict[str, str] = {}
    for country in countries:
        if country.code in codes:
            problems.append(f"{path}: countries ({country.code}): code used twice")
        codes.add(country.code)
        for name in (country.name, *country.aliases):
            key = name_key(name)
            other = names.setdefault(key, country.code)
            if other != country.code:
                problems.append(f"{path}: countries ({country.code}): {name!r} also names {other}")
            if len(name.strip()) == 2:
                problems.append(
                    f"{path}: countries ({country.code}): {name!r} would read as a country code"
                )
    return problems
