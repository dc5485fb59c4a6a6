"""The store's messages have a Dutch twin for the app; the English ones stay for the CLI."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import get_args

import pytest

from trustone_tui.store import saveerrors
from trustone_tui.store.saveerrors import (
    ConflictError,
    ConflictKind,
    InvalidSessionError,
    SaveError,
    StoreError,
    TargetExistsError,
)

PATH = Path("/tmp/sessie.toml")


@pytest.mark.parametrize("code", sorted(saveerrors._OS_PROBLEMS))
def test_every_known_os_problem_is_worded_in_dutch(code):
    error = SaveError.from_os_error(PATH, OSError(code, "x"))
    assert error.dutch.startswith(f"{PATH}: niet opgeslagen: ")
    assert error.problem_nl == saveerrors._OS_PROBLEMS_NL[code][0]
    assert str(error).startswith(f"{PATH}: not saved: ")  # the English one is unchanged


def test_an_unknown_os_problem_is_shown_inside_a_dutch_sentence():
    error = SaveError.from_os_error(PATH, OSError(errno.ENOTTY, "Weird device"))
    assert error.dutch == (
        f"{PATH}: niet opgeslagen: het systeem meldt: Weird device; er is niets overschreven en "
        "je antwoorden staan nog open in de app. Sla opnieuw op, of sla een kopie elders op."
    )


def test_a_save_the_disk_did_not_confirm_says_so_in_dutch():
    error = SaveError.from_os_error(PATH, OSError(errno.EIO, "I/O"), replaced=True)
    assert error.dutch.startswith(f"{PATH}: opgeslagen, maar de schijf heeft het niet bevestigd")
    assert error.dutch.endswith("Sla voor de zekerheid opnieuw op.")


@pytest.mark.parametrize("kind", get_args(ConflictKind))
def test_conflicts_are_worded_in_dutch(kind):
    error = ConflictError(PATH, kind)
    assert error.dutch.startswith(f"{PATH}: niet opgeslagen: het bestand is ")
    assert "Sla een kopie op, of laad het bestand opnieuw" in error.dutch


def test_other_refusals_are_worded_in_dutch():
    assert "er bestaat al een bestand met deze naam" in TargetExistsError(PATH).dutch
    invalid = InvalidSessionError(PATH, ["answers.1.1.1: bad", "answers.1.1.2: bad"])
    assert "niet toestaat: answers.1.1.1: bad (en nog 1)" in invalid.dutch
    assert StoreError(PATH, f"{PATH}: odd").dutch == f"het systeem meldt: {PATH}: odd"
