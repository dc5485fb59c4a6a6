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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import compress, repeat
from operator import and_, attrgetter, is_not, itemgetter
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
    checked, as a file reader checks them column by column: nothing is checked again, the free
    text (:data:`FREE_TEXT`) is stripped, and what is derived is worked out a column at a time
    (in C)."""
    columns = [
        list(map(str.strip, column)) if name in FREE_TEXT else column
        for name, column in zip(COLUMNS, columns, strict=True)
    ]
    named = dict(zip(COLUMNS, columns, strict=True))
    first_known = map(
        and_, map(bool, named["eerste_schakel"]), map(bool, named["eerste_schakel_adres"])
    )
    factories = map(link_key, named["fabriek"], named["fabriek_adres"])
    quarries = map(link_key, named["groeve"], named["groeve_adres"])
    make = partial(tuple.__new__, Flow)
    return tuple(map(make, zip(*columns, first_known, factories, quarries, strict=True)))


#: The columns of free text: a file reader hands them to :meth:`Register.from_columns` as they
#: are; they are stripped only when flows are made.
FREE_TEXT = frozenset(
    (
        "kleur",
        "eerste_schakel",
        "eerste_schakel_adres",
        "fabriek",
        "fabriek_adres",
        "groeve",
        "groeve_adres",
    )
)


@dataclass(frozen=True, slots=True)
class Column:
    """A checked column of a register file, one value per flow: the values themselves, or a
    code per flow (one byte) and the value of each code.

    A file repeats its countries, ja/nee and units a great deal: a reader gives each distinct
    cell a code and checks it once, and the figures are counted from the codes (:meth:`mask`,
    one ``bytes.translate``), so that no value is made per flow until flows are asked for.
    """

    #: The value of each flow, or with ``codes`` the value of each code.
    values: Sequence[Any]
    codes: bytes | None = None

    def __len__(self) -> int:
        return len(self.values if self.codes is None else self.codes)

    def decoded(self) -> Sequence[Any]:
        """The value of every flow."""
        if self.codes is None:
            return self.values
        return list(map(self.values.__getitem__, self.codes))

    def distinct(self) -> set[Any]:
        """The distinct values (of the codes, when coded)."""
        return set(self.values)

    def mask(self, test: Callable[[Any], object] = bool) -> bytes:
        """One byte per flow: 1 where ``test`` of its value is true, else 0."""
        if self.codes is None:
            return bytes(map(bool, map(test, self.values)))
        table = bytes(bool(test(value)) for value in self.values)
        return self.codes.translate(table.ljust(256, b"\x00"))


class Register:
    """The flows of one company, all counted in one unit. Immutable; equal when the unit and
    the flows are.

    A register is made from its flows, or by a file reader from checked columns
    (:meth:`from_columns`): then :func:`compute` counts on those columns and the flows are made
    only when something asks for them (checking a file needs none).
    """

    __slots__ = ("_columns", "_flows", "unit")

    unit: Unit
    _flows: tuple[Flow, ...] | None
    _columns: tuple[Column, ...] | None

    def __init__(self, unit: Unit, flows: tuple[Flow, ...] = ()) -> None:
        units = list(map(attrgetter("eenheid"), flows))  # in C: made after every edit
        if units.count(unit) != len(units):
            number, other = next((n, u) for n, u in enumerate(units, 1) if u != unit)
            raise ValueError(f"flow {number} is in {other}, the register in {unit}")
        self._set(unit, flows, None)

    @classmethod
    def from_columns(cls, unit: Unit, columns: Sequence[Column]) -> Register:
        """A register of flows given as checked columns (in :data:`COLUMNS` order; the free
        text may still have spaces around it)."""
        columns = tuple(columns)
        if len(columns) != len(COLUMNS) or len(set(map(len, columns))) > 1:
            raise ValueError(f"a register needs {len(COLUMNS)} columns of one length")
        units = columns[COLUMNS.index("eenheid")]
        if (
            units.distinct() != {unit}
            if units.codes is not None
            else units.values.count(unit) != len(units.values)
        ):
            raise ValueError(f"the flows are not all in {unit}")
        register = cls.__new__(cls)
        register._set(unit, None, columns)
        return register

    def _set(
        self, unit: Unit, flows: tuple[Flow, ...] | None, columns: tuple[Column, ...] | None
    ) -> None:
        object.__setattr__(self, "unit", unit)
        object.__setattr__(self, "_flows", flows)
        object.__setattr__(self, "_columns", columns)

    @property
    def flows(self) -> tuple[Flow, ...]:
        """The flows, in the register's order."""
        if self._flows is None:
            assert self._columns is not None
            flows = checked_flows([column.decoded() for column in self._columns])
            object.__setattr__(self, "_flows", flows)
            return flows
        return self._flows

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a Register is immutable (cannot set {name})")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"a Register is immutable (cannot delete {name})")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Register):
            return NotImplemented
        return self is other or (self.unit == other.unit and self.flows == other.flows)

    def __hash__(self) -> int:
        return hash((self.unit, self.flows))

    def __repr__(self) -> str:
        return f"Register(unit={self.unit!r}, flows={self.flows!r})"

    def __reduce__(self) -> tuple[type[Register], tuple[Unit, tuple[Flow, ...]]]:
        return Register, (self.unit, self.flows)

    def with_flow(self, index: int, flow: Flow) -> Register:
        """This register with the flow at ``index`` (0-based) replaced."""
        flows = list(self.flows)
        flows[index] = flow
        return Register(self.unit, tuple(flows))

    def facts(self, countries: Countries) -> RegisterFacts:
        """What :func:`compute` counts, one column per fact."""
        if self._flows is None:
            assert self._columns is not None
            return _facts_of_columns(self._columns, countries)
        return _facts_of_flows(self._flows, countries)


class RegisterFacts(NamedTuple):
    """The facts of a register's flows that its figures follow from, one column per fact; a
    yes/no fact is a mask, one byte (0 or 1) per flow."""

    quantities: Sequence[float]
    circular: bytes
    first_known: bytes
    factories: Sequence[LinkKey | None]
    quarries: Sequence[LinkKey | None]
    factory_overviews: bytes
    quarry_overviews: bytes
    #: ``betrokkenheid`` filled.
    described: bytes
    #: The factory and the quarry both in the EEA.
    in_eea: bytes


def _facts_of_flows(flows: tuple[Flow, ...], countries: Countries) -> RegisterFacts:
    """The facts read from the flows, a column at a time (``itemgetter`` by index, in C)."""

    def column(name: str) -> list[Any]:
        return list(map(itemgetter(_FIELD_INDEX[name]), flows))

    inside = countries.eea_codes.__contains__
    return RegisterFacts(
        quantities=column("hoeveelheid"),
        circular=bytes(column("circulair")),
        first_known=bytes(column("first_link_known")),
        factories=column("factory_key"),
        quarries=column("quarry_key"),
        factory_overviews=bytes(column("fabriek_risico_overzicht")),
        quarry_overviews=bytes(column("groeve_risico_overzicht")),
        described=bytes(map(is_not, column("betrokkenheid"), repeat(None))),
        in_eea=_and(
            bytes(map(inside, column("fabriek_land"))), bytes(map(inside, column("groeve_land")))
        ),
    )


def _facts_of_columns(columns: tuple[Column, ...], countries: Countries) -> RegisterFacts:
    """The facts of checked columns, each worked out from the distinct values of a column."""
    named = dict(zip(COLUMNS, columns, strict=True))

    def cells(name: str) -> Sequence[Any]:
        return named[name].values

    inside = countries.eea_codes.__contains__
    first, first_address = (
        map(str.strip, cells("eerste_schakel")),
        map(str.strip, cells("eerste_schakel_adres")),
    )
    return RegisterFacts(
        quantities=named["hoeveelheid"].decoded(),
        circular=named["circulair"].mask(),
        first_known=bytes(map(all, zip(first, first_address, strict=True))),
        factories=list(map(link_key, cells("fabriek"), cells("fabriek_adres"))),
        quarries=list(map(link_key, cells("groeve"), cells("groeve_adres"))),
        factory_overviews=named["fabriek_risico_overzicht"].mask(),
        quarry_overviews=named["groeve_risico_overzicht"].mask(),
        described=named["betrokkenheid"].mask(partial(is_not, None)),
        in_eea=_and(named["fabriek_land"].mask(inside), named["groeve_land"].mask(inside)),
    )


def _and(left: bytes, right: bytes) -> bytes:
    """Two masks combined: 1 where both are 1 (as whole numbers: one step in C)."""
    number = int.from_bytes(left, "little") & int.from_bytes(right, "little")
    return number.to_bytes(len(left), "little")


def _or(left: bytes, right: bytes) -> bytes:
    """Two masks combined: 1 where either is 1."""
    number = int.from_bytes(left, "little") | int.from_bytes(right, "little")
    return number.to_bytes(len(left), "little")


#: Turns a mask around (0 to 1, 1 to 0) with ``bytes.translate``.
_FLIP = bytes.maketrans(b"\x00\x01", b"\x01\x00")


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
    # 5,000 flows are recomputed after every edit: the facts are read column by column, the
    # yes/no facts as masks combined in one step each, and every pass below runs in C (map,
    # compress, set, count), not in a Python loop per flow. No object is made per flow.
    facts = register.facts(countries)
    quantities = facts.quantities
    factories = facts.factories
    quarries = facts.quarries
    total = math.fsum(quantities)
    factory_known = bytes(map(is_not, factories, repeat(None)))
    quarry_known = bytes(map(is_not, quarries, repeat(None)))
    insight = [
        _share(math.fsum(compress(quantities, _or(facts.circular, known))), total)
        for known in (facts.first_known, factory_known, quarry_known)
    ]
    linear = facts.circular.translate(_FLIP)
    count = len(quantities)
    numbers = range(1, count + 1)

    def linear_where_not(known: bytes) -> tuple[int, ...]:
        """The numbers of the non-circular flows where ``known`` is 0."""
        return tuple(compress(numbers, _and(linear, known.translate(_FLIP))))

    unknown: dict[LinkKind, tuple[int, ...]] = {
        "eerste_schakel": linear_where_not(facts.first_known),
        "fabriek": linear_where_not(factory_known),
        "groeve": linear_where_not(quarry_known),
    }
    linear_numbers = list(compress(numbers, linear))
    factory_share, factory_conflicts = _risk_overview(
        linear_numbers,
        list(compress(factories, linear)),
        bytes(compress(facts.factory_overviews, linear)),
    )
    quarry_share, quarry_conflicts = _risk_overview(
        linear_numbers,
        list(compress(quarries, linear)),
        bytes(compress(facts.quarry_overviews, linear)),
    )
    described = _and(facts.described, linear).count(1)
    outside = linear_where_not(facts.in_eea)
    values = (*insight, factory_share, quarry_share, _share(described, len(linear_numbers)))
    return RegisterFigures(
        flows=count,
        unit=register.unit,
        percentages=dict(zip(PERCENTAGE_QUESTIONS, values, strict=True)),
        category="C" if outside else "B",
        category_flows=outside,
        unknown=unknown,
        risk_conflicts={"fabriek": factory_conflicts, "groeve": quarry_conflicts},
    )


def _risk_overview(
    numbers: list[int], keys: list[LinkKey | None], marks: bytes
) -> tuple[float | None, tuple[int, ...]]:
    """The share of factories (or quarries) of the non-circular flows with a risk overview,
    and the flows through one marked both with and without.

    The arguments hold each non-circular flow's number, link key (None: unknown) and mark (a
    mask). Distinct known links count once, with an overview when any flow through them says
    so (the overview belongs to the factory, not to the flow); each flow with an unknown link
    counts as one more link without an overview.
    """
    with_overview = set(compress(keys, marks))
    without = set(compress(keys, marks.translate(_FLIP)))
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
