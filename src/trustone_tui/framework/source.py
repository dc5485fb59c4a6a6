"""Where the question bank's files live, and the error that says they are broken."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

QUESTIONS_ENV = "TRUSTONE_QUESTIONS"


class FrameworkError(Exception):
    """The question bank is broken; ``problems`` holds one line per problem."""

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


def bank_directory() -> Path:
    """Where the question bank lives: $TRUSTONE_QUESTIONS, the installed package, or the repo."""
    override = os.environ.get(QUESTIONS_ENV)
    if override:
        return Path(override)
    # The package's own folder (where the wheel puts the bank); not importlib.resources, whose
    # import alone (tempfile, shutil, ...) costs the file tools a few milliseconds per start.
    here = Path(__file__).resolve()
    packaged = here.parents[1] / "questions"
    if packaged.is_dir():
        return packaged
    return here.parents[3] / "questions"
