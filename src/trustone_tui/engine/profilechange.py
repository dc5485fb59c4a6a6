"""What changing a company's profile (category or size) does to its assessment.

Pure functions over the framework and a session; no I/O and no Textual.
"""

from __future__ import annotations

from typing import NamedTuple

from trustone_tui.engine.scoring import Assessment, assess_answers
from trustone_tui.engine.session import Session, profile_of
from trustone_tui.engine.sources import effective_answers
from trustone_tui.framework.bank import Framework
from trustone_tui.framework.profile import Profile


class ProfileChange(NamedTuple):
    """The session scored under its current profile and under a new one."""

    old: Profile
    new: Profile
    #: Questions counted under both profiles whose criteria variant differs between them.
    criteria_changed: tuple[str, ...]
    before: Assessment
    after: Assessment
    #: Answered questions that count now and would not count under the new profile (their
    #: answers are kept).
    no_longer_counted: tuple[str, ...]

    @property
    def unchanged(self) -> bool:
        return self.old == self.new


def profile_change(framework: Framework, session: Session, new: Profile) -> ProfileChange:
    """What scoring the session under ``new`` instead of its company's profile changes."""
    old = profile_of(session.company, framework)
    answers, sources = effective_answers(session, framework)
    before = assess_answers(framework, old, answers, sources)
    if new == old:
        return ProfileChange(old, new, (), before, before, ())
    after = assess_answers(framework, new, answers, sources)
    changed = tuple(
        q.id
        for q in framework.scored_questions()
        if q.max_for(new.category) is not None
        and q.max_for(old.category) is not None
        and framework.criteria(q.id, old) != framework.criteria(q.id, new)
    )
    dropped = tuple(
        qid
        for qid, result in after.results.items()
        if result.status == "not_counted"
        and before.results[qid].status != "not_counted"
        and qid in session.answers
    )
    return ProfileChange(old, new, changed, before, after, dropped)
