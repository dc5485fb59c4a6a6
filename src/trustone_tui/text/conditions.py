"""The Dutch wording of a level's conditions, in one place.

Every output that says what a level asks and what is still missing (``trustone score``, the
reports, the score panel and the summary screen) words it with these functions.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from trustone_tui.engine.scoring import LevelGap
from trustone_tui.text import formatting

ConditionKind = Literal["quarry", "factory", "score", "core"]
#: In the order of the framework's level table (the reports' columns).
CONDITION_LABELS: dict[ConditionKind, str] = {
    "quarry": "Inzicht groeves",
    "factory": "Inzicht fabrieken",
    "score": "Due diligence-score",
    "core": "Kernvragen",
}


@dataclass(frozen=True, slots=True)
class Condition:
    """One threshold of a level, e.g. quarry insight at least 40%, and whether it is met."""

    kind: ConditionKind
    #: What the level asks, e.g. "ten minste 40%".
    required: str
    met: bool
    #: What is missing when not met, e.g. "nog 28 punten"; "" when met.
    shortfall: str

    @property
    def label(self) -> str:
        return CONDITION_LABELS[self.kind]

    @property
    def need(self) -> str:
        """What is missing, naming the condition: ``inzicht groeves nog 5 procentpunt``."""
        if self.kind == "score":
            return self.shortfall
        return f"{self.label.lower()} {self.shortfall}"


def insight_shortfall(percentage_points: float) -> str:
    """``nog 5 procentpunt`` (rounded up to a tenth, so the amount shown is enough)."""
    return f"nog {formatting.shortfall(percentage_points)} procentpunt"


def points_shortfall(points: float) -> str:
    """``nog 1 punt``, ``nog 28 punten``."""
    return f"nog {formatting.points_count(points)}"


def level_conditions(gap: LevelGap) -> tuple[Condition, ...]:
    """Each threshold of the level (points first), whether it is met and what it still lacks."""
    level = gap.level
    score_required = f"ten minste {formatting.percent(level.score_min)}"
    if level.points_above is not None:
        score_required += f" en meer dan {formatting.points_count(level.points_above)}"
    conditions = [
        Condition(
            "score",
            score_required,
            gap.points_needed == 0,
            points_shortfall(gap.points_needed) if gap.points_needed else "",
        ),
        Condition(
            "quarry",
            f"ten minste {formatting.percent(level.quarry_insight_min)}",
            gap.quarry_insight_needed == 0,
            insight_shortfall(gap.quarry_insight_needed) if gap.quarry_insight_needed else "",
        ),
        Condition(
            "factory",
            f"ten minste {formatting.percent(level.factory_insight_min)}",
            gap.factory_insight_needed == 0,
            insight_shortfall(gap.factory_insight_needed) if gap.factory_insight_needed else "",
        ),
    ]
    if level.core_levels:
        missing = gap.core_questions_missing
        conditions.append(
            Condition(
                "core",
                "niveau " + " en ".join(str(n) for n in level.core_levels) + " op Ja (of n.v.t.)",
                not missing,
                ("niet op Ja: " + ", ".join(missing)) if missing else "",
            )
        )
    return tuple(conditions)


def gap_line(gap: LevelGap) -> str:
    """``C3: nog 12,5 punten; inzicht groeves nog 15 procentpunt; kernvragen niet op Ja: 3.1.1``."""
    unmet = [c for c in level_conditions(gap) if not c.met]
    return f"{gap.level.id}: " + ("; ".join(c.need for c in unmet) if unmet else "gehaald")
