"""Progress: answered of the questions that count for the company's category."""

from __future__ import annotations

from dataclasses import replace

from trustone_tui.answerfile.read import parse_session
from trustone_tui.demo import demo_bytes
from trustone_tui.engine.progress import Progress, progress
from trustone_tui.engine.scoring import assess
from trustone_tui.engine.session import QuestionAnswer
from trustone_tui.store.bankcache import default_framework
from trustone_tui.text.words import progress_text

FW = default_framework()
DEMO = parse_session(demo_bytes(), "demo", FW)


def test_the_demo_has_three_open_questions_of_those_that_count():
    counted = sum(1 for q in FW.scored_questions("C"))
    assert progress(assess(FW, DEMO)) == Progress(counted - 3, counted)
    assert progress_text(Progress(31, 39)) == "31 van 39 beantwoord"


def test_an_answer_and_nvt_both_count_as_answered():
    answered = DEMO.with_answer("3.3.7", QuestionAnswer(answer="ja"))
    answered = answered.with_answer("4.2.3", QuestionAnswer(answer="nvt"))
    before, after = progress(assess(FW, DEMO)), progress(assess(FW, answered))
    assert after == Progress(before.answered + 2, before.counted)


def test_questions_of_another_category_do_not_count():
    b = replace(DEMO, company=replace(DEMO.company, imports_from_risk_countries=False))
    result = progress(assess(FW, b))
    assert result.counted == len(list(FW.scored_questions("B")))
    assert result.counted != progress(assess(FW, DEMO)).counted
