"""questions/countries.toml and its lookups (framework/countries.py)."""

from __future__ import annotations

import pytest

from trustone_tui.framework.bank import FrameworkError
from trustone_tui.framework.countries import COUNTRIES_FILE, load_countries

#: The European Economic Area: EU-27, Iceland, Liechtenstein, Norway.
EU_27 = "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE"
EEA = {*EU_27.split(" "), "IS", "LI", "NO"}


def test_every_iso_country_with_the_eea_as_30_states():
    countries = load_countries()
    assert len(countries) == 249
    assert {c.code for c in countries if c.eea} == EEA
    assert not countries.is_eea("CH") and not countries.is_eea("GB") and not countries.is_eea("")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("NL", "NL"),
        ("nl", "NL"),
        (" Nederland ", "NL"),
        ("Holland", "NL"),
        ("België", "BE"),
        ("belgie", "BE"),
        ("Tsjechië", "CZ"),
        ("Tsjechische Republiek", "CZ"),
        ("Verenigde Staten", "US"),
        ("Zuid-Korea", "KR"),
        ("zuid korea", "KR"),
        ("Georgië", "GE"),
        ("Bosnië-Herzegovina", "BA"),
        ("Turkije", "TR"),
        ("Noorwegen", "NO"),
        ("IJsland", "IS"),
    ],
)
def test_lookup_by_code_or_dutch_name(text, code):
    country = load_countries().lookup(text)
    assert country is not None and country.code == code


@pytest.mark.parametrize("text", ["", "XX", "Atlantis", "Georgia", "Tsjechie Republiek"])
def test_unknown_names_are_not_guessed(text):
    assert load_countries().lookup(text) is None


def test_a_name_that_names_two_countries_is_refused(bank):
    path = bank / COUNTRIES_FILE
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace('["Koninkrijk België"]', '["Koninkrijk België", "Nederland"]'),
        encoding="utf-8",
    )
    with pytest.raises(FrameworkError) as caught:
        load_countries(bank)
    assert caught.value.problems == [f"{path}: countries (NL): 'Nederland' also names BE"]


def test_invalid_toml_is_one_line(bank):
    path = bank / COUNTRIES_FILE
    path.write_text("[[countries]\n", encoding="utf-8")
    with pytest.raises(FrameworkError) as caught:
        load_countries(bank)
    assert len(caught.value.problems) == 1
    assert caught.value.problems[0].startswith(f"{path}: invalid TOML: ")


def test_a_bad_code_names_the_file_and_the_key(bank):
    path = bank / COUNTRIES_FILE
    path.write_text(
        path.read_text(encoding="utf-8").replace('code = "NL"', 'code = "nld"'), encoding="utf-8"
    )
    with pytest.raises(FrameworkError) as caught:
        load_countries(bank)
    assert len(caught.value.problems) == 1
    assert caught.value.problems[0].startswith(f"{path}: countries[")
    assert "'nld' is not two capital letters" in caught.value.problems[0]
