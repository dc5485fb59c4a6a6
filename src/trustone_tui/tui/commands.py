"""Command-palette provider: jump to any question by its id or by words from its text."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache, partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from trustone_tui.framework.model import Question
from trustone_tui.text.plain import clip
from trustone_tui.tui.host import trustone_app

EXACT_ID = 1000.0
ID_PREFIX = 500.0
IN_TEXT = 10.0
IN_GUIDANCE = 1.0
SHOWN = 90


def fold(text: str) -> str:
    """Lower case without accents, so ``geïdentificeerd`` matches ``geidentificeerd``."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=128)
def _folded(question_id: str, text: str, guidance: str) -> tuple[str, str]:
    return fold(f"{question_id} {text}"), fold(guidance)


def question_score(question: Question, query: str) -> float:
    """How well ``query`` finds the question: its id, or all its words in text or guidance.

    Textual's fuzzy matcher needs seconds for a short word against 40 long texts, so this is
    a plain word search: every word of the query must occur; words in the question text weigh
    more than words found only in the guidance.
    """
    wanted = fold(query.strip())
    if not wanted:
        return 0.0
    qid = question.id.lower()
    if qid == wanted:
        return EXACT_ID
    if qid.startswith(wanted):
        return ID_PREFIX
    text, guidance = _folded(question.id, question.text, question.guidance)
    score = 0.0
    for word in wanted.split():
        if word in text:
            score += IN_TEXT + (1 if re.search(rf"\b{re.escape(word)}", text) else 0)
        elif word in guidance:
            score += IN_GUIDANCE
        else:
            return 0.0
    return score


def highlight(text: str, query: str) -> Content:
    """``text`` with every query word emphasised (accent- and case-insensitive)."""
    content = Content(text)
    folded = fold(text)
    for word in fold(query).split():
        for match in re.finditer(re.escape(word), folded):
            content = content.stylize("bold $text-accent", match.start(), match.end())
    return content


class QuestionJumpProvider(Provider):
    """``2.1.1c`` or ``klachten`` finds the question; Enter jumps to it."""

    async def search(self, query: str) -> Hits:
        app = trustone_app(self)
        if app.session is None:
            return
        for question in app.framework.questions.values():
            score = question_score(question, query)
            if score > 0:
                yield Hit(
                    score,
                    highlight(clip(f"{question.id} {question.text}", SHOWN), query),
                    partial(app.jump_to, question.id),
                    help=f"Stap {question.step} · naar vraag {question.id}",
                )

    async def discover(self) -> Hits:
        app = trustone_app(self)
        if app.session is None or app.assessment is None:
            return
        for result in app.assessment.open_questions()[:10]:
            question = result.question
            yield DiscoveryHit(
                clip(f"{question.id} {question.text}", SHOWN),
                partial(app.jump_to, question.id),
                help="open vraag",
            )
