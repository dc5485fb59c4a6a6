"""What the plan of action does to a session: aims, the level it reaches, drafts from a plan.

Pure functions over the framework, a session and its actions (``engine/actions.py`` holds
the data; this module needs the scoring, which the session's own module cannot import).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from trustone_tui.engine.actions import CLOSED_STATUSES, Action, Aim, reference_date
from trustone_tui.engine.planner import ANSWER_LADDER, Plan, StepField, StepReason
from trustone_tui.engine.scoring import Assessment, QuestionResult, assess, score_question
from trustone_tui.engine.session import QuestionAnswer, Session, profile_of
from trustone_tui.engine.timeline import expected_level
from trustone_tui.framework.bank import Framework
from trustone_tui.framework.model import AnswerWord, Level, Question


def aim_for(action: Action, question: Question) -> Aim:
    """The action's aim for the question: its own, else the best answer there is."""
    for aim in action.aims:
        if aim.question == question.id:
            return aim
    if question.kind == "band":
        return Aim(question.id, percentage=100.0)
    return Aim(question.id, answer="ja")


def aim_reached(result: QuestionResult, aim: Aim) -> bool:
    """Whether a scored question is at (or beyond) the aim; never for n.v.t. or not counted."""
    if result.status in ("nvt", "not_counted"):
        return False
    if aim.answer is not None:
        return _rank(result.answer) >= _rank(aim.answer)
    assert aim.percentage is not None
    if result.percentage is not None:
        return result.percentage >= aim.percentage
    variant = result.criteria
    if result.answer is not None and variant is not None and variant.has_percentage_rule:
        return _rank(result.answer) >= _rank(variant.answer_for_percentage(aim.percentage))
    return False


def action_reached(framework: Framework, session: Session, action: Action) -> bool:
    """Whether every question the action serves is at its aim (False without questions)."""
    if not action.questions:
        return False
    profile = profile_of(session.company, framework)
    for qid in action.questions:
        question = framework.questions.get(qid)
        if question is None:
            return False
        result = score_question(question, session.answer(qid), profile, framework)
        if not aim_reached(result, aim_for(action, question)):
            return False
    return True


def with_aims(framework: Framework, session: Session, actions: Iterable[Action]) -> Session:
    """A copy of the session with each action's questions raised to its aims.

    An answer already at or beyond an aim is left alone (an aim never lowers an answer), as
    are n.v.t. answers and questions this bank or category does not score.
    """
    profile = profile_of(session.company, framework)
    for action in actions:
        for qid in action.questions:
            question = framework.questions.get(qid)
            if question is None or not question.is_scored:
                continue
            given = session.answer(qid)
            result = score_question(question, given, profile, framework)
            aim = aim_for(action, question)
            if result.status in ("nvt", "not_counted") or aim_reached(result, aim):
                continue
            session = session.with_answer(qid, _raised(given, result, aim))
    return session


def reaches(
    framework: Framework, session: Session, assessment: Assessment | None = None
) -> Level | None:
    """The level the session would have if every action still to be done reached its aims.

    Actions that are ``klaar`` or ``vervallen`` add nothing; an answer is never lowered, so
    the result is never below the current level.
    """
    still_open = [a for a in session.actions if a.status not in CLOSED_STATUSES]
    if not still_open and assessment is not None:
        return assessment.level
    return assess(framework, with_aims(framework, session, still_open)).level


def _rank(answer: AnswerWord | None) -> int:
    return ANSWER_LADDER.index(answer) if answer is not None else -1


def _raised(given: QuestionAnswer, result: QuestionResult, aim: Aim) -> QuestionAnswer:
    if aim.answer is not None:
        return replace(given, answer=aim.answer)
    variant = result.criteria
    if given.answer is not None and variant is not None and variant.has_percentage_rule:
        # An answer given as a word wins over a percentage: the aim's percentage as its word.
        assert aim.percentage is not None
        return replace(given, answer=variant.answer_for_percentage(aim.percentage))
    return replace(given, percentage=aim.percentage)


# --------------------------------------------------------------------------- from a plan


@dataclass(frozen=True, slots=True)
class ActionTarget:
    """One question's steps of a plan taken together: where it is and where it must get to."""

    question_id: str
    reason: StepReason
    field: StepField
    from_answer: AnswerWord | None
    to_answer: AnswerWord | None
    from_percentage: float | None
    to_percentage: float | None

    @property
    def aim(self) -> Aim:
        if self.field == "answer":
            return Aim(self.question_id, answer=self.to_answer)
        return Aim(self.question_id, percentage=self.to_percentage)


def plan_targets(the_plan: Plan) -> tuple[ActionTarget, ...]:
    """The plan's steps per question, in the order each question first appears.

    A question with several steps (a band question climbing two bands) becomes one target from
    its first step's start to its last step's end; the first step's reason is kept (a core or
    insight reason comes first in a plan).
    """
    targets: dict[str, ActionTarget] = {}
    for step in the_plan.steps:
        first = targets.get(step.question_id)
        targets[step.question_id] = ActionTarget(
            question_id=step.question_id,
            reason=first.reason if first else step.reason,
            field=step.field,
            from_answer=first.from_answer if first else step.from_answer,
            to_answer=step.to_answer,
            from_percentage=first.from_percentage if first else step.from_percentage,
            to_percentage=step.to_percentage,
        )
    return tuple(targets.values())


def due_for_level(framework: Framework, session: Session, rank: int, on: dt.date) -> dt.date:
    """When actions toward a level are due: before the assessment the timeline expects it at.

    The year is the first calendar year after ``on``'s in which the timeline
    (:func:`~trustone_tui.engine.timeline.expected_level`) expects the company at ``rank`` or
    above; the next year when it already expected that, when the joining year is unknown, or
    when the timeline never asks the level (level 5). The day is ``on``'s anniversary in that
    year: the assessment that counts comes about a year after this one, and an action due on
    the assessment date is not yet overdue.
    """
    company = session.company
    year = on.year + 1
    if company.joined_year is not None:
        category = profile_of(company, framework).category
        entry = company.entry_level or framework.meta.timeline.stages[0].level
        first_year = year - company.joined_year + 1
        horizon = first_year + sum(s.years for s in framework.meta.timeline.stages) + 1
        for n in range(first_year, horizon + 1):
            if expected_level(framework, category, entry, n) >= rank:
                year = company.joined_year + n - 1
                break
    return anniversary(on, year)


def anniversary(day: dt.date, year: int) -> dt.date:
    """The same day and month in ``year`` (29 February becomes the 28th in other years)."""
    try:
        return day.replace(year=year)
    except ValueError:
        return day.replace(year=year, day=28)


def next_action_ids(existing: Iterable[str], count: int) -> list[str]:
    """``count`` new ids ``A<n>``, numbered on from the highest ``A<n>`` in use."""
    numbers = [int(m.group(1)) for i in existing if (m := _NUMBERED_ID.match(i))]
    start = max(numbers, default=0) + 1
    return [f"A{n}" for n in range(start, start + count)]


_NUMBERED_ID = re.compile(r"^A(\d+)$")


def draft_actions(
    framework: Framework,
    session: Session,
    the_plan: Plan,
    today: dt.date,
    word: Callable[[ActionTarget], str],
) -> tuple[Action, ...]:
    """Draft actions for a plan: one per question it improves, worded by ``word``.

    A question whose aim an action still to be done already covers gets no second action.
    Each draft is ``open``, created ``today``, due by :func:`due_for_level` for the plan's
    level, and aims at the answer or percentage its last step records.
    """
    if not the_plan.reachable:
        return ()
    profile = profile_of(session.company, framework)
    still_open = [a for a in session.actions if a.status not in CLOSED_STATUSES]
    covered = with_aims(framework, session, still_open)
    targets = []
    for target in plan_targets(the_plan):
        question = framework.questions[target.question_id]
        result = score_question(question, covered.answer(question.id), profile, framework)
        if not aim_reached(result, target.aim):
            targets.append(target)
    on = reference_date(session.interview.date, today)
    due = due_for_level(framework, session, the_plan.target.rank, on)
    ids = next_action_ids((a.id for a in session.actions), len(targets))
    return tuple(
        Action(
            id=action_id,
            text=word(target),
            questions=(target.question_id,),
            due=due,
            created=today,
            aims=(target.aim,),
        )
        for action_id, target in zip(ids, targets, strict=True)
    )


def newly_reached(
    framework: Framework, before: Session, after: Session, question_id: str
) -> tuple[Action, ...]:
    """Actions still to be done, serving the question, that reach their aims in ``after``
    and did not in ``before``: the ones to offer to mark ``klaar``."""
    return tuple(
        a
        for a in after.actions
        if question_id in a.questions
        and a.status not in CLOSED_STATUSES
        and action_reached(framework, after, a)
        and not action_reached(framework, before, a)
    )
