"""Undo and redo as data: a bounded stack of sessions, answers only, notes merged per question."""

from __future__ import annotations

from dataclasses import replace

from trustone_tui.engine.history import History, answer_change
from trustone_tui.engine.session import Company, Session
from trustone_tui.text.history import change_text

START = Session(Company("Steen B.V.", True, 12, 1_000_000))


def answered(session: Session, question_id: str, **fields) -> Session:
    return session.with_answer(question_id, replace(session.answer(question_id), **fields))


def test_undo_and_redo_walk_the_answers_back_and_forth():
    history = History()
    one = answered(START, "1.1.1", answer="ja")
    history = history.record(START, one)
    two = answered(one, "1.1.2", elements={"": (1, 3)}, follow_up=True)
    history = history.record(one, two)
    undone = history.undo(two)
    assert undone is not None
    session, change, history = undone
    assert session.answers == one.answers
    assert change_text(change) == "1.1.2: onderdelen en opvolgen"
    session, change, history = history.undo(session)
    assert session.answers == START.answers and change.question_ids == ("1.1.1",)
    assert history.undo(session) is None and history.can_redo
    session, change, history = history.redo(session)
    assert session.answers == one.answers and change_text(change) == "1.1.1: antwoord"
    session, _, history = history.redo(session)
    assert session.answers == two.answers and history.redo(session) is None


def test_undo_takes_back_answers_only_not_a_later_profile_change():
    one = answered(START, "2.1.1b", percentage=82.5)
    history = History().record(START, one)
    renamed = replace(one, company=replace(one.company, name="Nieuw B.V."))
    history = history.record(one, renamed)  # no answer changed: no step
    session, _, _ = history.undo(renamed)
    assert session.company.name == "Nieuw B.V." and session.answer("2.1.1b").percentage is None


def test_typing_a_note_is_one_step_per_question():
    history, session = History(), START
    for text in ("a", "ab", "abc"):
        typed = answered(session, "1.1.4", note=text)
        history, session = history.record(session, typed), typed
    other = answered(session, "1.1.5", note="x")
    history = history.record(session, other)
    assert len(history.undo_steps) == 2
    back, change, history = history.undo(other)
    back, change, history = history.undo(back)
    assert back.answer("1.1.4").note == "" and change_text(change) == "1.1.4: notitie"
    # typed back to where it started: no step left
    history = History()
    typed = answered(START, "1.1.4", note="a")
    history = history.record(START, typed).record(typed, START)
    assert not history.can_undo


def test_a_new_change_clears_the_redo_and_the_history_is_bounded():
    history, session = History(limit=3), START
    for number in range(1, 6):
        changed = answered(session, f"1.1.{number}", answer="nee")
        history, session = history.record(session, changed), changed
    assert len(history.undo_steps) == 3
    back, _, history = history.undo(session)
    assert history.can_redo
    history = history.record(back, answered(back, "1.2.1", answer="ja"))
    assert not history.can_redo


def test_answer_change_lists_each_question_and_field():
    after = answered(answered(START, "1.1.1", answer="ja", note="n"), "1.1.3", percentage=5.0)
    change = answer_change(START, after)
    assert change.questions == (("1.1.1", ("answer", "note")), ("1.1.3", ("percentage",)))
    assert change_text(change) == "1.1.1: antwoord en notitie; 1.1.3: percentage"
