"""What to do next: the fewest answer improvements that reach a level, and the best case now.

Pure functions over the framework and a session; no I/O and no Textual.

**Steps.** One step improves one question by one notch:

- a choice question (and a percentage question whose answer was recorded explicitly) moves
  *Nee* -> *Gedeeltelijk* or *Gedeeltelijk* -> *Ja*;
- a percentage question (2.2.4a/b, 2.3.7) moves its percentage to the *Gedeeltelijk*
  threshold of the company's criteria variant, or to the least whole percentage above its *Ja*
  threshold ("meer dan 75%" -> 76%);
- a band question (2.1.1a/b/c) moves its percentage to the start of the next band, or to the
  target level's insight threshold when that falls inside a band.

An open question is planned as if it were *Nee* (0%); n.v.t. answers are left alone.

**Optimality.** Every plan must contain the *forced* steps: core questions of the target level
to *Ja* and the insight questions up to the level's thresholds. The remaining points come from
the other steps, each question offering a chain that must be climbed in order. For chains whose
gains never rise (all of them in the shipped bank) taking the largest gains first is optimal;
chains whose gains rise somewhere go through an exact dynamic programme (most points for each
number of steps), and the two are combined exactly (see :func:`_choose`). Among plans with the
fewest steps the one with the most points wins (the largest margin above the threshold);
remaining ties go to the question that comes first in the framework, then its earlier step.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Literal, NamedTuple, cast

from trustone_tui.engine.scoring import (
    Assessment,
    QuestionResult,
    assess,
    assess_answers,
    score_question,
    with_results,
)
from trustone_tui.engine.session import QuestionAnswer, Session, profile_of
from trustone_tui.engine.sources import effective_session
from trustone_tui.framework.bank import Framework
from trustone_tui.framework.model import AnswerWord, Category, Level, Question
from trustone_tui.framework.profile import Profile

#: Why a step is in the plan: a core question of the level, an insight threshold, or points.
StepReason = Literal["core", "quarry_insight", "factory_insight", "points"]
StepField = Literal["answer", "percentage"]
#: Why a level cannot be reached: a core question that cannot become *Ja*, an insight
#: question that cannot reach the level's threshold, or too few points even at best.
BlockerKind = Literal["core", "insight", "points"]

ANSWER_LADDER: tuple[AnswerWord, ...] = ("nee", "gedeeltelijk", "ja")


class PlanStep(NamedTuple):
    """One improvement a person can act on.

    ``field`` says what the step records: an answer word (``to_answer``) or a percentage
    (``to_percentage``). For percentage questions the answers are those the percentages give;
    band questions have no answer words but band labels.
    """

    question_id: str
    reason: StepReason
    field: StepField
    from_answer: AnswerWord | None
    to_answer: AnswerWord | None
    from_percentage: float | None
    to_percentage: float | None
    from_band: str | None
    to_band: str | None
    points_gained: float


class Blocker(NamedTuple):
    """Why the target level cannot be reached by improving answers."""

    kind: BlockerKind
    #: The core or insight question that cannot get there (None for ``points``).
    question_id: str | None = None
    #: ``insight``: the percentage the level asks of the question.
    insight_min: float | None = None
    #: ``points``: the most points all improvements together give, and what the level asks.
    best_points: float | None = None
    points_required: float | None = None


class Plan(NamedTuple):
    """The fewest steps from the current answers to ``target`` (see the module docstring)."""

    target: Level
    #: Forced steps first (core questions, then insight, in framework order), then the steps
    #: that add points, largest gain first. Empty when the level is already met or unreachable.
    steps: tuple[PlanStep, ...]
    points_before: float
    points_needed: float
    reachable: bool
    #: Why the level cannot be reached by improving answers (empty if reachable).
    blockers: tuple[Blocker, ...] = ()

    @property
    def points_gained(self) -> float:
        return sum(step.points_gained for step in self.steps)


class BestCase(NamedTuple):
    """The level if every open question were answered *Ja* (band questions at 100%)."""

    current: Assessment
    best: Assessment
    open_questions: int

    @property
    def level_now(self) -> Level | None:
        return self.current.level

    @property
    def level(self) -> Level | None:
        return self.best.level


class _Chain(NamedTuple):
    """The steps one question offers, in the order they must be taken."""

    order: int
    question: Question
    reason: StepReason
    start: QuestionResult
    #: What each step records in its ``field`` (a word or a percentage).
    targets: tuple[AnswerWord | float, ...]
    results: tuple[QuestionResult, ...]
    #: Points gained per step, in exact integer units (``per_point`` units make one point).
    gains: tuple[int, ...]
    forced: int
    field: StepField

    def states(self, given: QuestionAnswer) -> tuple[QuestionAnswer, ...]:
        """The answer after each step: ``given`` with the step's field changed."""
        if self.field == "answer":
            words = cast("tuple[AnswerWord, ...]", self.targets)
            return tuple(replace(given, answer=word) for word in words)
        numbers = cast("tuple[float, ...]", self.targets)
        return tuple(replace(given, percentage=number) for number in numbers)


# --------------------------------------------------------------------------- public API


def plan(
    framework: Framework,
    session: Session,
    target: Level | str | None = None,
    assessment: Assessment | None = None,
) -> Plan | None:
    """The fewest steps to ``target`` (default: the level above the current one).

    None when there is no level above the current one. Pass ``assessment`` when you already
    have ``assess(framework, session)`` to save scoring twice.
    """
    profile = assessment.profile if assessment else profile_of(session.company, framework)
    # The percentages that count: the register's where it has them.
    answers = effective_session(session, framework).answers
    return plan_answers(framework, profile, answers, target, assessment)


def plan_answers(
    framework: Framework,
    profile: Profile,
    answers: Mapping[str, QuestionAnswer],
    target: Level | str | None = None,
    assessment: Assessment | None = None,
) -> Plan | None:
    """:func:`plan` for a profile and answers instead of a session."""
    if assessment is None:
        assessment = assess_answers(framework, profile, answers)
    level = _target_level(framework, profile, assessment, target)
    if level is None:
        return None
    gap = assessment.next if target is None else None
    if gap is None:
        gap = next(g for g in assessment.gaps if g.level.id == level.id)
    points_before = assessment.points
    if gap.met:
        return Plan(level, (), points_before, 0.0, True)
    chains, blockers, per_point = _chains(
        framework, profile, answers, assessment, level, gap.points_needed
    )
    need = _units(gap.points_needed, per_point)
    rest = need - sum(sum(c.gains[: c.forced]) for c in chains if c.forced)
    picks: list[tuple[_Chain, int]] = []
    if rest > 0:
        optional = _choose(chains, rest)
        if optional is None:
            best = points_before + sum(sum(c.gains) for c in chains) / per_point
            blockers.append(
                Blocker(
                    "points",
                    best_points=best,
                    points_required=points_before + gap.points_needed,
                )
            )
        else:
            picks = optional
    if blockers:
        return Plan(level, (), points_before, gap.points_needed, False, tuple(blockers))
    forced = [(c, i) for c in chains for i in range(c.forced)]
    forced.sort(key=lambda ci: (_REASON_ORDER[ci[0].reason], ci[0].order, ci[1]))
    steps = tuple(_step(c, i) for c, i in (*forced, *picks))
    return Plan(level, steps, points_before, gap.points_needed, True)


def apply_step(session: Session, step: PlanStep) -> Session:
    """A copy of the session with the step recorded (notes and ticked elements are kept)."""
    current = session.answer(step.question_id)
    if step.field == "answer":
        updated = replace(current, answer=step.to_answer)
    else:
        updated = replace(current, percentage=step.to_percentage)
    return session.with_answer(step.question_id, updated)


def apply_plan(session: Session, plan: Plan) -> Session:
    """A copy of the session with every step of the plan recorded."""
    for step in plan.steps:
        session = apply_step(session, step)
    return session


def best_case(
    framework: Framework, session: Session, assessment: Assessment | None = None
) -> BestCase:
    """The level the company reaches if every open question became *Ja*.

    Open choice and percentage questions are recorded as *Ja*, open band questions as 100%;
    answered and n.v.t. questions stay as they are. This equals
    ``assess(framework, replace(session, answers=best_case_answers(...)))``; only the open
    questions are scored again. (An open question has no percentage from the register: with
    one it would be answered.)
    """
    current = assessment or assess(framework, session)
    best: dict[str, QuestionResult] = {}
    for result in current.results.values():
        if result.status == "open":
            kept = _BEST_RESULTS.get(id(result))
            if kept is None or kept[0] is not result or kept[1] is not framework:
                kept = _keep_best(framework, current.profile, result, session)
            best[result.question.id] = kept[2]
    return BestCase(current, with_results(framework, current, best), len(best))


#: ``id(open result) -> (that result, framework, the result at best)``: the best of an open
#: question depends on its result alone (its question, profile and the percentage it has).
_BEST_RESULTS: dict[int, tuple[QuestionResult, Framework, QuestionResult]] = {}
_MAX_BEST_RESULTS = 4096


def _keep_best(
    framework: Framework, profile: Profile, result: QuestionResult, session: Session
) -> tuple[QuestionResult, Framework, QuestionResult]:
    """The open question's result at its best: *Ja*, or 100% for a band question."""
    question = result.question
    if question.kind == "band":  # the answer word given does not count for a band question
        given = session.answers.get(question.id) or _UNANSWERED
        best = score_question(question, QuestionAnswer(given.answer, 100.0), profile, framework)
    else:  # open: no answer word; a percentage it has keeps its source
        best = score_question(
            question,
            QuestionAnswer("ja", result.percentage),
            profile,
            framework,
            result.percentage_source,
        )
    if len(_BEST_RESULTS) >= _MAX_BEST_RESULTS:
        _BEST_RESULTS.clear()
    kept = (result, framework, best)
    _BEST_RESULTS[id(result)] = kept
    return kept


def best_case_answers(
    answers: Mapping[str, QuestionAnswer], open_results: Iterable[QuestionResult]
) -> dict[str, QuestionAnswer]:
    """The answers with every open question at its best: *Ja*, or 100% for band questions."""
    out = dict(answers)
    for result in open_results:
        qid = result.question.id
        given = out.get(qid) or QuestionAnswer()
        if result.question.kind == "band":
            out[qid] = replace(given, percentage=100.0)
        else:
            out[qid] = replace(given, answer="ja")
    return out


# --------------------------------------------------------------------------- chains

_REASON_ORDER: dict[StepReason, int] = {
    "core": 0,
    "quarry_insight": 1,
    "factory_insight": 2,
    "points": 3,
}


def _target_level(
    framework: Framework, profile: Profile, assessment: Assessment, target: Level | str | None
) -> Level | None:
    levels = framework.levels[profile.category]
    if target is None:
        gap = assessment.next
        return gap.level if gap else None
    wanted = target if isinstance(target, str) else target.id
    for level in levels:
        if level.id == wanted:
            return level
    raise ValueError(f"{wanted} is not a level of category {profile.category}")


class _Slot(NamedTuple):
    """A question counted for a level's category, as every plan to that level sees it."""

    #: The question's place among the scored questions (the order of ``Assessment.results``).
    order: int
    question_id: str
    #: The level's insight threshold for the question, if it is an insight question.
    threshold: float | None
    reason: StepReason
    core: bool
    #: The question's chains met so far (shared with the levels that ask the same of it), by
    #: the id of their question result (shared between sessions by the engine; kept with the
    #: chain, so the id cannot be reused). The result decides the chain: it is scored from the
    #: answer word and the percentage the chain starts from; notes and ticked elements do not
    #: change a chain.
    kept: dict[int, _KeptChain]


#: Chains kept per question, threshold and core flag at most (all are dropped when full).
_MAX_KEPT_CHAINS = 1024


def _slots(framework: Framework, level: Level) -> tuple[_Slot, ...]:
    """The questions counted for the level's category, with what the level asks of each."""
    # Kept by the level's id: hashing a Level hashes all its fields.
    return _level_slots(framework, level.category, level.id)


@functools.lru_cache(maxsize=64)
def _level_slots(framework: Framework, category: Category, level_id: str) -> tuple[_Slot, ...]:
    level = next(lv for lv in framework.levels[category] if lv.id == level_id)
    insight = framework.meta.insight
    thresholds: dict[str, tuple[float | None, StepReason]] = {
        insight.quarry_question: (level.quarry_insight_min, "quarry_insight"),
        insight.factory_question: (level.factory_insight_min, "factory_insight"),
    }
    core = {q.id for q in framework.core_questions(level.core_levels, level.category)}
    scored = (q for step in framework.steps for q in step.questions if q.is_scored)
    slots = []
    for order, question in enumerate(scored):
        if question.max_for(category) is not None:
            threshold, reason = thresholds.get(question.id, (None, "points"))
            is_core = question.id in core
            kept = _kept_chains(framework, question.id, threshold, is_core)
            slots.append(_Slot(order, question.id, threshold, reason, is_core, kept))
    return tuple(slots)


@functools.lru_cache(maxsize=1024)
def _kept_chains(
    framework: Framework, question_id: str, threshold: float | None, core: bool
) -> dict[int, _KeptChain]:
    """The chains of a question with this threshold and core flag, shared by every level
    that asks the same of it."""
    return {}


def _chains(
    framework: Framework,
    profile: Profile,
    answers: Mapping[str, QuestionAnswer],
    assessment: Assessment,
    level: Level,
    points_needed: float,
) -> tuple[list[_Chain], list[Blocker], int]:
    """Every question's chain of steps, with how many of its first steps are forced.

    Also returns why the level cannot be reached (if so) and the units per point in which the
    chains count their gains.
    """
    results = assessment.results
    blockers: list[Blocker] = []
    found: list[_KeptChain] = []
    per_point = _per_point([points_needed])
    for slot in _slots(framework, level):
        result = results[slot.question_id]
        kept = slot.kept.get(id(result))
        if kept is None or kept.result is not result:
            if result.status == "nvt":
                continue
            given = answers.get(slot.question_id) or _UNANSWERED
            kept = _keep(slot, framework, profile, result, given)
        if kept.blockers:
            blockers.extend(kept.blockers)
        if kept.scaled:
            found.append(kept)
            # Every chain's points are whole in the largest of their units (binary fractions).
            if kept.per_point > per_point:
                per_point = kept.per_point
    chains = [kept.scaled.get(per_point) or kept.in_units(per_point) for kept in found]
    return chains, blockers, per_point


class _KeptChain(NamedTuple):
    """One question's chain as scoring many sessions meets it again and again."""

    result: QuestionResult
    blockers: tuple[Blocker, ...]
    #: Units per point in which the chain's own gains are whole numbers.
    per_point: int
    #: The chain with its gains in each unit asked for so far (empty: the chain has no steps).
    scaled: dict[int, _Chain]

    def in_units(self, per_point: int) -> _Chain:
        chain = self.scaled[self.per_point]
        factor = per_point // self.per_point
        scaled = chain._replace(gains=tuple(gain * factor for gain in chain.gains))
        self.scaled[per_point] = scaled
        return scaled


def _keep(
    slot: _Slot,
    framework: Framework,
    profile: Profile,
    result: QuestionResult,
    given: QuestionAnswer,
) -> _KeptChain:
    chain = _build_chain(framework, profile, result, given, slot.threshold, slot.reason, slot.core)
    scaled: dict[int, _Chain] = {}
    if chain.targets:
        scaled[chain.per_point] = _Chain(
            slot.order,
            result.question,
            chain.reason,
            result,
            chain.targets,
            chain.results,
            chain.gains,
            chain.forced,
            chain.field,
        )
    kept = _KeptChain(result, chain.blockers, chain.per_point, scaled)
    if len(slot.kept) >= _MAX_KEPT_CHAINS:
        slot.kept.clear()
    slot.kept[id(result)] = kept
    return kept


class _QuestionChain(NamedTuple):
    """One question's chain as :func:`_chains` needs it, independent of the other questions."""

    reason: StepReason
    #: What each step records in ``field``: an answer word or a percentage.
    targets: tuple[AnswerWord | float, ...]
    results: tuple[QuestionResult, ...]
    forced: int
    field: StepField
    blockers: tuple[Blocker, ...]
    #: Units per point in which this chain's gains are whole numbers.
    per_point: int
    gains: tuple[int, ...]


_UNANSWERED = QuestionAnswer()


def _build_chain(
    framework: Framework,
    profile: Profile,
    result: QuestionResult,
    given: QuestionAnswer,
    threshold: float | None,
    reason: StepReason,
    core: bool,
) -> _QuestionChain:
    """The steps one question offers and how many are forced.

    The chain depends on the result (question, answer, percentage, profile), the answer and
    percentage given, the level's threshold for the question and whether it is a core
    question.
    """
    question = result.question
    qid = question.id
    field: StepField
    if question.kind == "band":
        field = "percentage"
        states = _band_states(given, result, threshold)
    elif question.kind == "percentage" and given.answer is None:
        field = "percentage"
        states = _percentage_states(given, result)
    else:
        field = "answer"
        states = _answer_states(given, result)
    results = tuple(score_question(question, s, profile, framework) for s in states)
    forced = 0
    blockers: list[Blocker] = []
    if threshold is not None and (result.percentage or 0) < threshold:
        to_threshold = _steps_until(results, percentage_at_least=threshold)
        if to_threshold is None:
            blockers.append(Blocker("insight", qid, insight_min=threshold))
            to_threshold = len(states)
        forced = to_threshold
    if core and result.answer != "ja":
        reason = "core"
        to_ja = _steps_until(results)
        if to_ja is None:
            blockers.append(Blocker("core", qid))
            to_ja = len(states)
        forced = max(forced, to_ja)
    values = [result.points or 0.0, *(r.points or 0.0 for r in results)]
    per_point = _per_point(values)
    units = [_units(v, per_point) for v in values]
    gains = tuple(b - a for a, b in itertools.pairwise(units))
    targets = tuple(getattr(state, field) for state in states)
    return _QuestionChain(
        reason, targets, results, forced, field, tuple(blockers), per_point, gains
    )


def _per_point(values: Iterable[float]) -> int:
    """Units per point in which every value is a whole number (points are binary fractions)."""
    return max(float(v).as_integer_ratio()[1] for v in values)


def _units(value: float, per_point: int) -> int:
    numerator, denominator = float(value).as_integer_ratio()
    return numerator * (per_point // denominator)


def _steps_until(
    results: tuple[QuestionResult, ...], percentage_at_least: float | None = None
) -> int | None:
    """Steps of a chain until its percentage reaches the value, or (without one) until *Ja*.

    None when the chain never gets there.
    """
    for i, result in enumerate(results):
        if percentage_at_least is None:
            if result.answer == "ja":
                return i + 1
        elif (result.percentage or 0) >= percentage_at_least:
            return i + 1
    return None


def _answer_states(given: QuestionAnswer, result: QuestionResult) -> tuple[QuestionAnswer, ...]:
    start = ANSWER_LADDER.index(result.answer) if result.answer else 0
    return tuple(replace(given, answer=word) for word in ANSWER_LADDER[start + 1 :])


def _percentage_states(given: QuestionAnswer, result: QuestionResult) -> tuple[QuestionAnswer, ...]:
    variant = result.criteria
    assert variant is not None and variant.gedeeltelijk_from is not None
    assert variant.ja_above is not None
    targets: list[float] = []
    if result.answer in (None, "nee"):
        targets.append(variant.gedeeltelijk_from)
    ja_at = math.floor(variant.ja_above) + 1
    if result.answer != "ja" and ja_at <= 100:
        targets.append(float(ja_at))
    return tuple(replace(given, percentage=t) for t in targets)


def _band_states(
    given: QuestionAnswer, result: QuestionResult, threshold: float | None
) -> tuple[QuestionAnswer, ...]:
    assert result.criteria is not None
    now = result.percentage if result.percentage is not None else 0.0
    targets = {band.min for band in result.criteria.bands if band.min > now}
    if threshold is not None and threshold > now:
        targets.add(threshold)
    return tuple(replace(given, percentage=float(t)) for t in sorted(targets))


# --------------------------------------------------------------------------- choosing


def _choose(chains: list[_Chain], rest: int) -> list[tuple[_Chain, int]] | None:
    """The fewest optional steps gaining at least ``rest`` units (most points on a tie).

    Chains whose gains never rise are merged into one ranking, largest gain first (equal
    gains in framework order, so each chain is taken as a prefix): the first m of that ranking
    are the most points any m of their steps can gain. Chains whose gains rise somewhere (none
    in the shipped bank) go through an exact dynamic programme: the most points for each number
    of steps. The two are combined by trying every split of the step count.

    Returns (chain, step index) pairs in the order to show them, or None when even all the
    optional steps together gain too little.
    """
    falling: list[tuple[_Chain, tuple[int, ...]]] = []
    rising: list[tuple[_Chain, tuple[int, ...]]] = []
    for chain in chains:
        tail = chain.gains[chain.forced :]
        if tail:
            (falling if _non_increasing(tail) else rising).append((chain, tail))
    # (A chain's order and step index tell every two items apart: the chain is never compared.)
    ranked = sorted(
        (-gain, chain.order, chain.forced + k, chain)
        for chain, tail in falling
        for k, gain in enumerate(tail)
        if gain > 0
    )
    ranked_sum = list(itertools.accumulate((-item[0] for item in ranked), initial=0))
    if not rising:  # the loop below with best == [0]: the shortest prefix that is enough
        total = bisect.bisect_left(ranked_sum, rest)
        return _picks(ranked[:total], [], [], 0) if total < len(ranked_sum) else None
    best, taken = _most_points_per_step_count(rising)
    for total in range(len(ranked_sum) + len(best) - 1):
        splits = [
            (ranked_sum[total - k] + best[k], -k)
            for k in range(max(0, total - len(ranked_sum) + 1), min(total, len(best) - 1) + 1)
        ]
        points, minus_k = max(splits)
        if points >= rest:
            return _picks(ranked[: total + minus_k], rising, taken, -minus_k)
    return None


def _most_points_per_step_count(
    tails: list[tuple[_Chain, tuple[int, ...]]],
) -> tuple[list[int], list[list[int]]]:
    """best[k]: most points from exactly k steps of these chains; taken[t][k]: steps of chain t.

    Exact for any gains (each chain still taken as a prefix); ties keep fewer steps of the later
    chain.
    """
    best = [0]
    taken: list[list[int]] = []
    for _chain, gains in tails:
        prefix = list(itertools.accumulate(gains, initial=0))
        merged = [-1] * (len(best) + len(gains))
        choice = [0] * len(merged)
        for k, points in enumerate(best):
            for j, extra in enumerate(prefix):
                if points + extra > merged[k + j]:
                    merged[k + j] = points + extra
                    choice[k + j] = j
        best = merged
        taken.append(choice)
    return best, taken


def _picks(
    ranked: list[tuple[int, int, int, _Chain]],
    rising: list[tuple[_Chain, tuple[int, ...]]],
    taken: list[list[int]],
    k: int,
) -> list[tuple[_Chain, int]]:
    """The chosen steps: the ranked ones, then the rising chains' (traced back from ``k``)."""
    picks = [(chain, index) for _gain, _order, index, chain in ranked]
    per_chain: list[tuple[_Chain, int]] = []
    for (chain, _gains), choice in zip(reversed(rising), reversed(taken), strict=True):
        steps = choice[k]
        per_chain.append((chain, steps))
        k -= steps
    for chain, steps in reversed(per_chain):
        picks.extend((chain, chain.forced + i) for i in range(steps))
    return picks


def _non_increasing(gains: tuple[int, ...]) -> bool:
    return all(a >= b for a, b in itertools.pairwise(gains))


def _percentage_target(chain: _Chain, index: int) -> float | None:
    if chain.field != "percentage":
        return None
    target = chain.targets[index]
    assert not isinstance(target, str)
    return target


def _step(chain: _Chain, index: int) -> PlanStep:
    before = chain.start if index == 0 else chain.results[index - 1]
    after = chain.results[index]
    reason: StepReason = chain.reason if index < chain.forced else "points"
    return PlanStep(
        question_id=chain.question.id,
        reason=reason,
        field=chain.field,
        from_answer=before.answer,
        to_answer=after.answer,
        from_percentage=before.percentage,
        to_percentage=_percentage_target(chain, index),
        from_band=before.band.label if before.band else None,
        to_band=after.band.label if after.band else None,
        points_gained=(after.points or 0.0) - (before.points or 0.0),
    )
