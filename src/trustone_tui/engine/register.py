"""The supply-chain register (ketenoverzicht) and the figures that follow from it.

One :class:`Flow` per purchase flow ("keten"): a stone type bought through one first link, one
factory and one quarry. :func:`compute` turns a :class:`Register` into the insight percentages
(2.1.1a-c), the risk-overview shares (2.2.4a-b), the share of chains with their involvement
described (2.3.7), the category (B or C) and the to-do list of unknown links. How each figure
reads the beoordelingskader is in ``docs/framework-notes.md`` ("The supply-chain register").

Pure computation: no I/O, no Textual. Flow numbers in the figures are 1-based positions in
:attr:`Register.flows`; whoever read the flows from a file maps them to its rows.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from itertools import compress, repeat
from operator import and_, attrgetter, gt, is_not, itemgetter, not_, or_
from typing import Any, Literal, NamedTuple, get_args

from trustone_tui.framework.countries import Countries
from trustone_tui.framework.model import Category

Unit = Literal["m2", "m3", "ton", "euro"]
Relation = Literal["direct", "indirect"]
Involvement = Literal["veroorzaakt", "draagt bij", "verbonden"]
LinkKind = Literal["eerste_schakel", "fabriek", "groeve"]
LinkKey = tuple[str, str]

UNITS: tuple[Unit, ...] = get_args(Unit)
RELATIONS: tuple[Relation, ...] = get_args(Relation)
INVOLVEMENTS: tuple[Involvement, ...] = get_args(Involvement)
LINK_KINDS: tuple[LinkKind, ...] = get_args(LinkKind)

#: The question each percentage answers (the contract of ``trustone register check``).
PERCENTAGE_QUESTIONS = ("2.1.1a", "2.1.1b", "2.1.1c", "2.2.4a", "2.2.4b", "2.3.7")


class _FlowRow(NamedTuple):
    """A flow's values: the register's columns, then what is derived from them (the defaults
    are :class:`Flow`'s; tools that build a named tuple from its fields see the same)."""

    steentype: str
    kleur: str
    hoeveelheid: float
    eenheid: Unit
    circulair: bool = False
    eerste_schakel: str = ""
    eerste_schakel_adres: str = ""
    eerste_schakel_land: str = ""
    fabriek: str = ""
    fabriek_adres: str = ""
    fabriek_land: str = ""
    fabriek_relatie: Relation | None = None
    fabriek_risico_overzicht: bool = False
    groeve: str = ""
    groeve_adres: str = ""
    groeve_land: str = ""
    groeve_risico_overzicht: bool = False
    betrokkenheid: Involvement | None = None
    # Derived once, so that recomputing a large register after one edit stays fast.
    first_link_known: bool = False
    factory_key: LinkKey | None = None
    quarry_key: LinkKey | None = None


class Flow(_FlowRow):
    """One purchase flow; the fields are the register's columns (empty text: not filled).

    Countries are ISO 3166-1 alpha-2 codes (``""`` when not filled); a link is *known* when its
    name and its address are both filled. Immutable (a named tuple: reading 10,000 rows makes
    10,000 flows, and a tuple is made in a fraction of the time a frozen dataclass takes).
    """

    __slots__ = ()

    def __new__(
        cls,
        steentype: str,
        kleur: str,
        hoeveelheid: float,
        eenheid: Unit,
        circulair: bool = False,
        eerste_schakel: str = "",
        eerste_schakel_adres: str = "",
        eerste_schakel_land: str = "",
        fabriek: str = "",
        fabriek_adres: str = "",
        fabriek_land: str = "",
        fabriek_relatie: Relation | None = None,
        fabriek_risico_overzicht: bool = False,
        groeve: str = "",
        groeve_adres: str = "",
        groeve_land: str = "",
        groeve_risico_overzicht: bool = False,
        betrokkenheid: Involvement | None = None,
    ) -> Flow:
        if not (hoeveelheid > 0 and math.isfinite(hoeveelheid)):
            raise ValueError(f"hoeveelheid must be a finite number above 0, not {hoeveelheid}")
        if eenheid not in UNITS:
            raise ValueError(f"eenheid must be one of {UNITS}, not {eenheid!r}")
        if fabriek_relatie is not None and fabriek_relatie not in RELATIONS:
            raise ValueError(f"fabriek_relatie must be one of {RELATIONS}")
        if betrokkenheid is not None and betrokkenheid not in INVOLVEMENTS:
            raise ValueError(f"betrokkenheid must be one of {INVOLVEMENTS}")
        values = (
            steentype,
            kleur,
            hoeveelheid,
            eenheid,
            circulair,
            eerste_schakel,
            eerste_schakel_adres,
            eerste_schakel_land,
            fabriek,
            fabriek_adres,
            fabriek_land,
            fabriek_relatie,
            fabriek_risico_overzicht,
            groeve,
            groeve_adres,
            groeve_land,
            groeve_risico_overzicht,
            betrokkenheid,
            *derived(
                eerste_schakel, eerste_schakel_adres, fabriek, fabriek_adres, groeve, groeve_adres
            ),
        )
        return tuple.__new__(cls, values)

    def _replace(self, **changes: Any) -> Flow:
        """A copy with some columns changed (what is derived follows them)."""
        return Flow(**{**{name: getattr(self, name) for name in COLUMNS}, **changes})

    def knows(self, kind: LinkKind) -> bool:
        """Whether this link's name and address are both filled."""
        if kind == "eerste_schakel":
            return self.first_link_known
        return (self.factory_key if kind == "fabriek" else self.quarry_key) is not None


def derived(
    first: str,
    first_address: str,
    factory: str,
    factory_address: str,
    quarry: str,
    quarry_address: str,
) -> tuple[bool, LinkKey | None, LinkKey | None]:
    """What a flow derives from its links: whether the first link is known, and who its factory
    and quarry are (:func:`link_key`)."""
    return (
        bool(first.strip() and first_address.strip()),
        link_key(factory, factory_address),
        link_key(quarry, quarry_address),
    )


#: The register's columns, in the order of the contract (also :class:`Flow`'s arguments).
COLUMNS: tuple[str, ...] = _FlowRow._fields[: _FlowRow._fields.index("first_link_known")]


#: Each field's position in a flow.
_FIELD_INDEX = {name: index for index, name in enumerate(_FlowRow._fields)}


def checked_flows(columns: Sequence[Sequence[Any]]) -> tuple[Flow, ...]:
    """Flows made from their columns (in :data:`COLUMNS` order) whose every value is already
    checked, as a file reader checks them column by column: nothing is checked again, the text
    is already stripped, and what is derived is worked out a column at a time (in C)."""
    named = dict(zip(COLUMNS, columns, strict=True))
    first_known = map(
        and_, map(bool, named["eerste_schakel"]), map(bool, named["eerste_schakel_adres"])
    )
    factories = map(link_key, named["fabriek"], named["fabriek_adres"])
    quarries = map(link_key, named["groeve"], named["groeve_adres"])
    make = partial(tuple.__new__, Flow)
    return tuple(map(make, zip(*columns, first_known, factories, quarries, strict=True)))


@dataclass(frozen=True, slots=True)
class Register:
    """The flows of one company, all counted in one unit."""

    unit: Unit
    flows: tuple[Flow, ...] = ()

    def __post_init__(self) -> None:
        units = list(map(attrgetter("eenheid"), self.flows))  # in C: made after every edit
        if units.count(self.unit) != len(units):
            number, unit = next((n, u) for n, u in enumerate(units, 1) if u != self.unit)
            raise ValueError(f"flow {number} is in {unit}, the register in {self.unit}")

    def with_flow(self, index: int, flow: Flow) -> Register:
        """This register with the flow at ``index`` (0-based) replaced."""
        flows = list(self.flows)
        flows[index] = flow
        return replace(self, flows=tuple(flows))


@dataclass(frozen=True, slots=True)
class RegisterFigures:
    """What a register says; percentages are ``None`` when there is nothing to count."""

    flows: int
    unit: Unit
    percentages: dict[str, float | None]
    category: Category
    #: For category C: the non-circular flows whose factory or quarry is not known to be in
    #: the EEA (empty for B).
    category_flows: tuple[int, ...]
    #: Per kind of link: the non-circular flows where it is not known (the to-do list).
    unknown: dict[LinkKind, tuple[int, ...]]
    #: Per kind (fabriek, groeve): flows through a factory or quarry that is marked with a risk
    #: overview in one flow and without in another (it then counts as with one).
    risk_conflicts: dict[LinkKind, tuple[int, ...]]


@lru_cache(maxsize=65536)  # a register names the same factories and quarries many times
def link_key(name: str, address: str) -> LinkKey | None:
    """Who a factory or quarry is: its name and address, case and spacing ignored; None when
    either is empty (the link is not known)."""
    key = " ".join(name.casefold().split()), " ".join(address.casefold().split())
    return key if key[0] and key[1] else None


def compute(register: Register, countries: Countries) -> RegisterFigures:
    """Every figure that follows from the register (see the module docstring)."""
    flows = register.flows

    # 5,000 flows are recomputed after every edit: the facts are read column by column and
    # every pass below runs in C (map, compress, set, count), not in a Python loop per flow.
    # No object is made per flow (a tuple per flow woke the garbage collector).
    def column(name: str) -> list[Any]:
        return list(map(itemgetter(_FIELD_INDEX[name]), flows))  # by index: a little faster

    circular: list[bool] = column("circulair")
    quantities: list[float] = column("hoeveelheid")
    first_known: list[bool] = column("first_link_known")
    factories: list[LinkKey | None] = column("factory_key")
    quarries: list[LinkKey | None] = column("quarry_key")
    total = math.fsum(quantities)
    factory_known = list(map(is_not, factories, repeat(None)))
    quarry_known = list(map(is_not, quarries, repeat(None)))
    insight = [
        _share(math.fsum(compress(quantities, map(or_, circular, known))), total)
        for known in (first_known, factory_known, quarry_known)
    ]
    linear = list(map(not_, circular))
    numbers = range(1, len(flows) + 1)

    def linear_where_not(known: Iterable[bool]) -> tuple[int, ...]:
        """The numbers of the non-circular flows where ``known`` is False."""
        return tuple(compress(numbers, map(gt, linear, known)))

    unknown: dict[LinkKind, tuple[int, ...]] = {
        "eerste_schakel": linear_where_not(first_known),
        "fabriek": linear_where_not(factory_known),
        "groeve": linear_where_not(quarry_known),
    }
    linear_numbers = list(compress(numbers, linear))
    factory_share, factory_conflicts = _risk_overview(
        linear_numbers,
        list(compress(factories, linear)),
        list(compress(column("fabriek_risico_overzicht"), linear)),
    )
    quarry_share, quarry_conflicts = _risk_overview(
        linear_numbers,
        list(compress(quarries, linear)),
        list(compress(column("groeve_risico_overzicht"), linear)),
    )
    linear_involvements = list(compress(column("betrokkenheid"), linear))
    described = len(linear_involvements) - linear_involvements.count(None)
    inside = countries.eea_codes.__contains__
    in_eea = map(and_, map(inside, column("fabriek_land")), map(inside, column("groeve_land")))
    outside = linear_where_not(in_eea)
    values = (*insight, factory_share, quarry_share, _share(described, len(linear_numbers)))
    return RegisterFigures(
        flows=len(flows),
        unit=register.unit,
        percentages=dict(zip(PERCENTAGE_QUESTIONS, values, strict=True)),
        category="C" if outside else "B",
        category_flows=outside,
        unknown=unknown,
        risk_conflicts={"fabriek": factory_conflicts, "groeve": quarry_conflicts},
    )


def _risk_overview(
    numbers: list[int], keys: list[LinkKey | None], marks: list[bool]
) -> tuple[float | None, tuple[int, ...]]:
    """The share of factories (or quarries) of the non-circular flows with a risk overview,
    and the flows through one marked both with and without.

    The lists hold each non-circular flow's number, link key (None: unknown) and mark.
    Distinct known links count once, with an overview when any flow through them says so (the
    overview belongs to the factory, not to the flow); each flow with an unknown link counts as
    one more link without an overview.
    """
    with_overview = set(compress(keys, marks))
    without = set(compress(keys, map(not_, marks)))
    with_overview.discard(None)
    without.discard(None)
    unknown = keys.count(None)
    distinct = len(with_overview | without)
    both = with_overview & without
    conflicts = tuple(compress(numbers, map(both.__contains__, keys))) if both else ()
    return _share(len(with_overview), distinct + unknown), conflicts


def _share(part: float, whole: float) -> float | None:
    """``part`` of ``whole`` in percent; None when there is nothing to count."""
    # The ratio first: a share of the whole is then exactly 100, never 100.00000000000001.
    return None if whole == 0 else 100 * (part / whole)
