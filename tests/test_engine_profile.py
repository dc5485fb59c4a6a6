"""Profile: category from risk-country imports, size from employees AND revenue (reading 18)."""

from __future__ import annotations

import pytest

from proof_helpers import FW
from trustone_tui.engine.session import Company, profile_of
from trustone_tui.framework.profile import Profile


@pytest.mark.parametrize(
    ("employees", "revenue", "size"),
    [
        # "kleine bedrijven (<25 werknemers en ≤5 mln omzet)": both must hold.
        (24, 5_000_000, "small"),
        (25, 5_000_000, "medium_large"),  # 25 is not < 25
        (24, 5_000_001, "medium_large"),  # more than 5 mln
        (25, 5_000_001, "medium_large"),
        (0, 0, "small"),
        (1, 4_999_999, "small"),
        (24, 20_000_000, "medium_large"),  # few employees, large revenue
        (300, 1_000, "medium_large"),  # many employees, small revenue
    ],
)
def test_size(employees, revenue, size):
    company = Company("X", True, employees, revenue)
    assert profile_of(company, FW) == Profile("C", size)


@pytest.mark.parametrize(("risk", "category"), [(True, "C"), (False, "B")])
def test_category_c_when_importing_from_risk_countries(risk, category):
    assert profile_of(Company("X", risk, 10, 100), FW).category == category


def test_labels_are_dutch():
    assert Profile("C", "small").label == "klein bedrijf, categorie C"
    assert Profile("B", "medium_large").label == "middelgroot/groot bedrijf, categorie B"
