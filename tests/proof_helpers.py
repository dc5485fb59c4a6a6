"""Helpers shared by the proof tests: companies for the four profiles, sessions, the seed text."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from trustone_tui.engine.session import Company, QuestionAnswer, Session
from trustone_tui.framework.bank import Framework
from trustone_tui.framework.profile import Profile
from trustone_tui.store.bankcache import default_framework

FW: Framework = default_framework()

#: One company per profile ("<category>:<size>"), each well inside its size class.
COMPANIES: dict[str, Company] = {
    "B:small": Company("Klein B-bedrijf", False, 10, 1_000_000),
    "B:medium_large": Company("Groot B-bedrijf", False, 60, 12_000_000),
    "C:small": Company("Klein C-bedrijf", True, 18, 3_200_000),
    "C:medium_large": Company("Groot C-bedrijf", True, 38, 9_400_000),
}

PROFILES: dict[str, Profile] = {
    key: Profile(key.split(":")[0], key.split(":")[1])  # type: ignore[arg-type]
    for key in COMPANIES
}

#: Questions that start with "Als je ..." (reading 17): the only ones where n.v.t. is allowed.
NVT_IDS = ("1.3.18", "3.1.1", "3.1.2", "3.2.5", "4.2.3", "4.2.4", "6.1.1")
#: Questions answered nee/gedeeltelijk/ja where n.v.t. is not allowed.
NVT_FREE_CHOICE_IDS = tuple(
    q.id for q in FW.scored_questions() if q.kind == "choice" and q.id not in NVT_IDS
)

Given = str | float | int | QuestionAnswer


def to_answer(value: Given) -> QuestionAnswer:
    """``"ja"`` -> an answer word, ``45`` -> a percentage, a QuestionAnswer as it is."""
    if isinstance(value, QuestionAnswer):
        return value
    if isinstance(value, str):
        return QuestionAnswer(answer=value)  # type: ignore[arg-type]
    return QuestionAnswer(percentage=float(value))


def make_session(profile_key: str, answers: Mapping[str, Given]) -> Session:
    return Session(
        company=COMPANIES[profile_key],
        answers={qid: to_answer(value) for qid, value in answers.items()},
    )


def everything_ja(category: str) -> dict[str, Given]:
    """Every question counted for the category at its best: Ja, or 100% for the % questions."""
    return {
        q.id: (100 if q.kind in ("band", "percentage") else "ja")
        for q in FW.scored_questions(category)  # type: ignore[arg-type]
    }


#: The hand-written answer file of the issue, byte for byte (comments included).
EXAMPLE = """\
schema_version = 2
[company]
name = "Natuursteen Jansen B.V."
imports_from_risk_countries = true
employees = 18
revenue_eur = 3200000
[answers."1.1.5"]
answer = "gedeeltelijk"          # nee | gedeeltelijk | ja | nvt
elements = [1]                    # optional
note = "Beleidsverklaring 2025"  # optional
[answers."2.1.1c"]
percentage = 45
"""

#: A medium/large C company at the top: every n.v.t. question n.v.t., everything else Ja.
#: Maximum 252 - (4 + 10 + 12 + 4 + 8 + 4 + 4) = 206 points, all of them earned: C5.
C_ALL_NVT: dict[str, Given] = {
    **everything_ja("C"),
    **dict.fromkeys(NVT_IDS, "nvt"),
    "2.1.1c": 90,  # "≥90% 10 punten"
    "2.2.4a": 80,  # groot/middelgroot: "meer dan 75%" -> Ja, 8
    "2.2.4b": 61,  # groot/middelgroot: "meer dan 60%" -> Ja, 6
    "2.3.7": 51,  # "meer dan 50%" -> Ja, 4
}


# --------------------------------------------------------------------------- the seed text

SEED_PATH = Path(__file__).parent / "data" / "beoordelingskader.txt"
_URL_LINE = re.compile(r"^https?://\S+$")
_PAGE_NUMBER = re.compile(r"^\d{1,3}$")
_HYPHEN_BREAK = re.compile(r"(\w)-[ \t]*\n\s*(?=\S)")
_WHITESPACE = re.compile(r"\s+")


def normalise_seed(text: str) -> str:
    """The seed (text extracted from the PDF) as one comparable line.

    1. Lines holding only a page number (``18``) are dropped.
    2. Link annotations are dropped: the PDF repeats each hyperlink's URL as bare lines at the
       end of a page, always after a blank line. A URL that is part of a sentence (2.4.8's
       "Meer informatie: ...: https://...") follows its text directly and is kept.
    3. A word broken at a hyphen at the end of a line is joined without a space
       (``MVO-`` + ``beleid`` -> ``MVO-beleid``); the hyphen stays, as the seed's words are
       compounds (``IMVO-risico's``), never hyphenated syllables.
    4. Every run of whitespace (line breaks, indentation, blank lines) becomes one space.
    """
    kept: list[str] = []
    previous_blank = False
    in_annotation = False
    for line in text.splitlines():
        stripped = line.strip()
        if _PAGE_NUMBER.match(stripped):
            continue
        if _URL_LINE.match(stripped) and (previous_blank or in_annotation):
            in_annotation = True
            continue
        in_annotation = False
        previous_blank = not stripped
        kept.append(line)
    joined = _HYPHEN_BREAK.sub(r"\1-", "\n".join(kept))
    return normalise(joined)


def normalise(text: str) -> str:
    """Whitespace-normalised text: every run of whitespace becomes one space."""
    return _WHITESPACE.sub(" ", text).strip()


def seed_text() -> str:
    return normalise_seed(SEED_PATH.read_text(encoding="utf-8"))
