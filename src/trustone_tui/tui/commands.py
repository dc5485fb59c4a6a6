"""Command-palette provider: jump to any question by its id or by words from its text."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from trustone_tui.tui.widgets.navigator import short

EXACT_ID = 1e6
ID_PREFIX = 1e5


class QuestionJumpProvider(Provider):
    """``2.1.1c`` or ``klachten`` finds the question; Enter jumps to it."""

    async def search(self, query: str) -> Hits:
        app = self.app
        if getattr(app, "session", None) is None:
            return
        matcher = self.matcher(query)
        wanted = query.strip().lower()
        for question in app.framework.questions.values():
            text = f"{question.id} {question.text}"
            qid = question.id.lower()
            # The fuzzy matcher's scores are unbounded; an id typed in full (or its start)
            # must still come first.
            if qid == wanted:
                score = EXACT_ID
            elif wanted and qid.startswith(wanted):
                score = ID_PREFIX
            else:
                score = matcher.match(text)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(short(text, 90)),
                    partial(app.jump_to, question.id),
                    help=f"Stap {question.step} · naar vraag {question.id}",
                )

    async def discover(self) -> Hits:
        app = self.app
        if getattr(app, "session", None) is None or app.assessment is None:
            return
        for result in app.assessment.open_questions()[:10]:
            question = result.question
            yield DiscoveryHit(
                short(f"{question.id} {question.text}", 90),
                partial(app.jump_to, question.id),
                help="open vraag",
            )
