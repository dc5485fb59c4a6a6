"""The register's figures: hand-computed examples and properties (engine/register.py)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trustone_tui.engine.register import (
    PERCENTAGE_QUESTIONS,
    Flow,
    Register,
    compute,
)
from trustone_tui.framework.countries import Countries, load_countries


@pytest.fixture(scope="module")
def countries() -> Countries:
    return load_countries()


def flow(
    quantity: float = 10,
    *,
    circular: bool = False,
    first: tuple[str, str] = ("Handel BV", "Kade 1"),
    factory: tuple[str, str] = ("Fabriek", "Weg 2"),
    quarry: tuple[str, str] = ("Groeve", "Berg 3"),
    factory_land: str = "PT",
    quarry_land: str = "PT",
    factory_overview: bool = False,
    quarry_overview: bool = False,
    involvement: str | None = None,
    stone: str = "graniet",
) -> Flow:
    return Flow(
        steentype=stone,
        kleur="grijs",
        hoeveelheid=quantity,
        eenheid="m2",
        circulair=circular,
        eerste_schakel=first[0],
        eerste_schakel_adres=first[1],
        eerste_schakel_land="NL",
        fabriek=factory[0],
        fabriek_adres=factory[1],
        fabriek_land=factory_land,
        fabriek_risico_overzicht=factory_overview,
        groeve=quarry[0],
        groeve_adres=quarry[1],
        groeve_land=quarry_land,
        groeve_risico_overzicht=quarry_overview,
        betrokkenheid=involvement,  # type: ignore[arg-type]
    )


UNKNOWN = ("", "")


def test_circular_share_counts_as_known(countries):
    # 60 m2 with no link known at all, 40 m2 of reused stone: 40% insight in every link.
    register = Register(
        "m2", (flow(60, first=UNKNOWN, factory=UNKNOWN, quarry=UNKNOWN), flow(40, circular=True))
    )
    figures = compute(register, countries)
    assert figures.percentages["2.1.1a"] == 40
    assert figures.percentages["2.1.1b"] == 40
    assert figures.percentages["2.1.1c"] == 40
    # The circular flow is never on the to-do list.
    assert figures.unknown == {"eerste_schakel": (1,), "fabriek": (1,), "groeve": (1,)}


def test_a_stone_type_with_one_unknown_quarry(countries):
    # Three flows of grey granite, 50 + 30 + 20 m2; the 30 m2 quarry has a name but no address.
    register = Register(
        "m2",
        (
            flow(50, quarry=("Groeve A", "Berg 1"), quarry_overview=True),
            flow(30, quarry=("Groeve B", "")),
            flow(20, quarry=("Groeve C", "Dal 2")),
        ),
    )
    figures = compute(register, countries)
    assert figures.percentages["2.1.1c"] == 70  # (50 + 20) / 100
    assert figures.percentages["2.1.1b"] == 100
    # Quarries: A (overview), C (none) and one unknown (none): 1 of 3.
    assert figures.percentages["2.2.4b"] == pytest.approx(100 / 3)
    assert figures.unknown["groeve"] == (2,)


def test_two_flows_through_one_factory_count_it_once(countries):
    register = Register(
        "m2",
        (
            flow(10, factory=("Stone Factory", "Road 1, Xiamen"), factory_overview=True),
            flow(10, factory=("  stone   FACTORY", "road 1,  xiamen "), factory_overview=True),
            flow(10, factory=("Other Factory", "Road 9")),
        ),
    )
    figures = compute(register, countries)
    assert figures.percentages["2.2.4a"] == 50  # 2 factories, 1 with an overview
    assert figures.risk_conflicts["fabriek"] == ()


def test_one_factory_marked_ja_and_nee_counts_as_with_an_overview_and_is_flagged(countries):
    register = Register(
        "m2",
        (
            flow(10, factory=("F", "A"), factory_overview=True),
            flow(10, factory=("G", "B")),
            flow(10, factory=("f", "a"), factory_overview=False),
        ),
    )
    figures = compute(register, countries)
    assert figures.percentages["2.2.4a"] == 50
    assert figures.risk_conflicts["fabriek"] == (1, 3)


def test_a_flow_outside_the_eea_turns_b_into_c(countries):
    eea_only = (
        flow(10, factory_land="PT", quarry_land="NO"),
        flow(10, factory_land="IS", quarry_land="LI"),
        # A circular flow does not decide the category, wherever its factory is.
        flow(10, circular=True, factory_land="CN", quarry_land="CN"),
    )
    figures = compute(Register("m2", eea_only), countries)
    assert (figures.category, figures.category_flows) == ("B", ())
    outside = (*eea_only, flow(10, factory_land="IT", quarry_land="IN"))
    figures = compute(Register("m2", outside), countries)
    assert (figures.category, figures.category_flows) == ("C", (4,))


def test_a_country_not_filled_is_not_known_to_be_in_the_eea(countries):
    figures = compute(Register("m2", (flow(10, quarry_land=""),)), countries)
    assert (figures.category, figures.category_flows) == ("C", (1,))


def test_switzerland_is_not_in_the_eea(countries):
    figures = compute(Register("m2", (flow(10, factory_land="CH"),)), countries)
    assert figures.category == "C"


def test_involvement_is_a_share_of_the_non_circular_chains(countries):
    register = Register(
        "m2",
        (
            flow(1, involvement="veroorzaakt"),
            flow(1000, involvement="draagt bij"),
            flow(1),
            flow(1),
            flow(5, circular=True),
        ),
    )
    assert compute(register, countries).percentages["2.3.7"] == 50  # chains, not quantities


def test_nothing_to_count_gives_no_percentage(countries):
    only_circular = compute(Register("m2", (flow(5, circular=True),)), countries)
    assert only_circular.percentages == {
        "2.1.1a": 100,
        "2.1.1b": 100,
        "2.1.1c": 100,
        "2.2.4a": None,
        "2.2.4b": None,
        "2.3.7": None,
    }
    assert only_circular.category == "B"
    empty = compute(Register("m2"), countries)
    assert set(empty.percentages.values()) == {None}
    assert empty.flows == 0


def test_a_register_keeps_one_unit():
    with pytest.raises(ValueError, match="ton"):
        Register("m2", (flow()._replace(eenheid="ton"),))


@pytest.mark.parametrize("quantity", [0, -1, float("nan"), float("inf")])
def test_a_flow_needs_a_positive_quantity(quantity):
    with pytest.raises(ValueError, match="hoeveelheid"):
        flow(quantity)


# Properties ---------------------------------------------------------------------------------

NAMES = st.sampled_from(["", "A", "a ", "B", "C"])
LANDS = st.sampled_from(["", "NL", "PT", "CN", "IN", "NO"])


@st.composite
def flows(draw: st.DrawFn) -> Flow:
    return flow(
        draw(st.floats(min_value=0.001, max_value=1e6)),
        circular=draw(st.booleans()),
        first=(draw(NAMES), draw(NAMES)),
        factory=(draw(NAMES), draw(NAMES)),
        quarry=(draw(NAMES), draw(NAMES)),
        factory_land=draw(LANDS),
        quarry_land=draw(LANDS),
        factory_overview=draw(st.booleans()),
        quarry_overview=draw(st.booleans()),
        involvement=draw(st.sampled_from([None, "veroorzaakt", "verbonden"])),
    )


REGISTERS = st.lists(flows(), max_size=12).map(lambda fs: Register("m2", tuple(fs)))


@settings(max_examples=200, deadline=None)
@given(REGISTERS)
def test_every_percentage_is_between_0_and_100(countries, register):
    figures = compute(register, countries)
    assert tuple(figures.percentages) == PERCENTAGE_QUESTIONS
    for value in figures.percentages.values():
        assert value is None or 0 <= value <= 100
    assert figures.category == ("C" if figures.category_flows else "B")


@settings(max_examples=200, deadline=None)
@given(REGISTERS, st.data())
def test_making_a_link_known_never_lowers_a_share(countries, register, data):
    if not register.flows:
        return
    index = data.draw(st.integers(0, len(register.flows) - 1))
    name = data.draw(st.sampled_from(["A", "B", "Nieuw"]))
    address = data.draw(st.sampled_from(["a", "b", "Nieuw 1"]))
    kind = data.draw(st.sampled_from(["eerste_schakel", "fabriek", "groeve"]))
    before = register.flows[index]
    if before.knows(kind):
        return
    after = before._replace(**{kind: name, f"{kind}_adres": address})
    old = compute(register, countries).percentages
    new = compute(register.with_flow(index, after), countries).percentages
    for question in PERCENTAGE_QUESTIONS:
        if old[question] is not None:
            assert new[question] is not None
            assert new[question] >= old[question], question
