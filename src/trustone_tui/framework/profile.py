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
    def label(self) -> str:
        """Dutch label, e.g. ``"klein bedrijf, categorie C"``."""
        return f"{SIZE_LABELS[self.size]}, categorie {self.category}"


ALL_PROFILES: tuple[Profile, ...] = tuple(
    Profile(category, size) for category in ("B", "C") for size in ("small", "medium_large")
)


def category_for(imports_from_risk_countries: bool) -> Category:
    """C when the company (also) imports from risk countries, else B."""
    return "C" if imports_from_risk_countries else "B"


def size_for(employees: int, revenue_eur: float, rule: SmallCompanyRule) -> Size:
    """Small when fewer employees than the limit *and* revenue at most the limit."""
    small = employees < rule.employees_below and revenue_eur <= rule.revenue_at_most_eur
    return "small" if small else "medium_large"
