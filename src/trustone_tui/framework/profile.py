"""Company profile: category (B/C) and size (small / medium-large) as the framework defines."""

from __future__ import annotations

from typing import NamedTuple

from trustone_tui.framework.model import Category, Size, SmallCompanyRule

SIZE_LABELS: dict[Size, str] = {
    "small": "klein bedrijf",
    "medium_large": "middelgroot/groot bedrijf",
}


class Profile(NamedTuple):
    """Which criteria variant applies: category B or C, size small or medium_large."""

    category: Category
    size: Size

    @property
    def key(self) -> str:
        """The profile as the bank's audiences name it, e.g. ``"C:small"``."""
        return f"{self.category}:{self.size}"

    @property
    def size_label(self) -> str:
        """Dutch size, e.g. ``"klein bedrijf"``."""
        return SIZE_LABELS[self.size]

    @property
    def label(self) -> str:
        """Dutch label, e.g. ``"klein bedrijf, categorie C"``."""
        return f"{SIZE_LABELS[self.size]}, categorie {self.category}"


ALL_PROFILES: tuple[Profile, ...] = tuple(
    Profile(category, size) for category in ("B", "C") for size in ("small", "medium_large")
)


def category_for(imports_from_risk_countries: bool) -> Category:
    """C when the company (also) imports from risk countries, else B."""
    return "C" if imports_from_risk_countries else "B"


class SizeFacts(NamedTuple):
    """Which side of each limit of the small-company rule a company is on."""

    employees: int
    employees_below: int
    #: ``employees < employees_below``.
    few_employees: bool
    revenue_eur: int
    revenue_at_most_eur: int
    #: ``revenue_eur <= revenue_at_most_eur``.
    low_revenue: bool

    @property
    def size(self) -> Size:
        """Small when both hold: fewer employees than the limit *and* revenue at most the limit."""
        return "small" if self.few_employees and self.low_revenue else "medium_large"


def size_facts(employees: int, revenue_eur: int, rule: SmallCompanyRule) -> SizeFacts:
    return SizeFacts(
        employees,
        rule.employees_below,
        employees < rule.employees_below,
        revenue_eur,
        rule.revenue_at_most_eur,
        revenue_eur <= rule.revenue_at_most_eur,
    )


def size_for(employees: int, revenue_eur: int, rule: SmallCompanyRule) -> Size:
    """Small when fewer employees than the limit *and* revenue at most the limit."""
    return size_facts(employees, revenue_eur, rule).size
