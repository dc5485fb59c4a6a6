"""Element rules suggest an answer from ticked elements, as the criteria texts read (reading 9)."""

from __future__ import annotations

import pytest

from proof_helpers import FW, PROFILES
from trustone_tui.engine.suggest import suggest_answer


def suggest(qid: str, profile_key: str, ticks) -> str | None:
    if not isinstance(ticks, dict):
        ticks = {"": tuple(ticks)}
    return suggest_answer(FW.rule(qid, PROFILES[profile_key]), ticks)


@pytest.mark.parametrize(
    ("qid", "profile_key", "ticks", "answer"),
    [
        # 1.1.2: "De meeste thema's" = more than half of the 6 social themes (reading 2).
        ("1.1.2", "C:small", [1, 2, 3], "nee"),
        ("1.1.2", "C:small", [1, 2, 3, 4], "gedeeltelijk"),
        ("1.1.2", "B:small", [1, 2, 3, 4, 5, 6], "ja"),
        # 1.1.5 groot/middelgroot C: "ten minste onderdeel 1 en 2" / "onderdeel 1 t/m 3"
        ("1.1.5", "C:medium_large", [1], "nee"),
        ("1.1.5", "C:medium_large", [1, 2], "gedeeltelijk"),
        ("1.1.5", "C:medium_large", [1, 2, 3], "ja"),
        # ... and every B company: "ten minste onderdeel 1" / "ten minste onderdeel 1 en 2"
        ("1.1.5", "B:medium_large", [1], "gedeeltelijk"),
        ("1.1.5", "B:medium_large", [1, 2], "ja"),
        # 1.2.14 groot/middelgroot: "Ten minste 1 en 2 voor stafmedewerkers en 1 voor operationele
        # medewerkers" / "1 t/m 3 voor stafmedewerkers en ten minste 1 en 2 voor operationele"
        ("1.2.14", "C:medium_large", {"staf": (1, 2)}, "nee"),
        ("1.2.14", "C:medium_large", {"staf": (1, 2), "operationeel": (1,)}, "gedeeltelijk"),
        ("1.2.14", "C:medium_large", {"staf": (1, 2, 3), "operationeel": (1, 2)}, "ja"),
        ("1.2.14", "C:small", {"staf": (1, 2), "operationeel": (1,)}, "ja"),
        # 2.1.2b klein: Gedeeltelijk and Ja read the same; meeting it meets Ja (reading 5).
        ("2.1.2b", "C:small", [], "nee"),
        ("2.1.2b", "C:small", [1], "ja"),
        ("2.1.2b", "C:medium_large", [1], "gedeeltelijk"),
        # 2.1.3 groot/middelgroot: "twee onderdelen van 1 t/m 3"; klein: "1, 2 of 3"
        ("2.1.3", "C:medium_large", [3], "nee"),
        ("2.1.3", "C:medium_large", [1, 3], "gedeeltelijk"),
        ("2.1.3", "C:small", [3], "gedeeltelijk"),
        ("2.1.3", "C:small", [1, 2, 3], "ja"),
        # 2.2.5 groot/middelgroot: "1 en ten minste 1 van de onderdelen 2 t/m 5" /
        # "1 en 5 en minste 1 van de onderdelen 2 t/m 4"
        ("2.2.5", "C:medium_large", [1], "nee"),
        ("2.2.5", "C:medium_large", [1, 5], "gedeeltelijk"),
        ("2.2.5", "C:medium_large", [2, 3, 4, 5], "nee"),
        ("2.2.5", "C:medium_large", [1, 3, 5], "ja"),
        # 4.2.3 groot/middelgroot: "ten minste volgens onderdeel 1 en 3" /
        # "1 en/of 2 en 3 en 4" = (1 or 2) and 3 and 4
        ("4.2.3", "C:medium_large", [1, 3], "gedeeltelijk"),
        ("4.2.3", "C:medium_large", [2, 3, 4], "ja"),
        ("4.2.3", "C:medium_large", [1, 2, 3], "gedeeltelijk"),
        ("4.2.3", "C:medium_large", [3, 4], "nee"),
        # ... klein: "1 en/of 2 en 3"
        ("4.2.3", "C:small", [2, 3], "ja"),
        # 5.2 klein: "onderdeel 1 en/of 2" / "onderdelen 1 t/m 3"
        ("5.2", "B:small", [2], "gedeeltelijk"),
        ("5.2", "B:small", [1, 2, 3], "ja"),
        # 6.1.1 klein: "stappen 1 t/m 4" / "stappen 1 t/m 4 en 6"
        ("6.1.1", "C:small", [1, 2, 3, 4, 5], "gedeeltelijk"),
        ("6.1.1", "C:small", [1, 2, 3, 4, 6], "ja"),
        # 6.2.3: "deels voldoet aan de 8 criteria" = at least one of the 8
        ("6.2.3", "C:small", [], "nee"),
        ("6.2.3", "C:small", [7], "gedeeltelijk"),
        ("6.2.3", "C:small", [1, 2, 3, 4, 5, 6, 7, 8], "ja"),
    ],
)
def test_rule_suggestions(qid, profile_key, ticks, answer):
    assert suggest(qid, profile_key, ticks) == answer


@pytest.mark.parametrize("qid", ["1.1.4", "3.2.3"])
def test_no_rule_no_suggestion(qid):
    for profile in PROFILES.values():
        assert FW.rule(qid, profile) is None
    assert suggest(qid, "C:small", [1, 2, 3]) is None
