"""How far an interview is: the questions that count for the company, and how many have an
answer (n.v.t. is an answer). Pure; worded by ``text.words.progress_text``."""

from __future__ import annotations

from typing import NamedTuple

from trustone_tui.engine.scoring import Assessment


class Progress(NamedTuple):
    """``answered`` of the ``counted`` questions have an answer (Ja/Gedeeltelijk/Nee, a
    percentage, or n.v.t.)."""

    answered: int
    counted: int

    @property
    def complete(self) -> bool:
        return self.answered == self.counted


def progress(assessment: Assessment) -> Progress:
    """The progress of the assessed session: questions of other categories do not count."""
    counted = [result for result in assessment.results.values() if result.counted]
    return Progress(sum(1 for result in counted if not result.is_open), len(counted))
