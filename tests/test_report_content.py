"""The format-neutral report content: levels, steps, questions, dates."""

from __future__ import annotations

import datetime as dt

from report_fixtures import demo_session, framework, uniform_session
from trustone_tui.engine.scoring import assess
from trustone_tui.engine.session import QuestionAnswer
from trustone_tui.report.content import build_content, dutch_date, points_of


def content_of(session):
    fw = framework()
    return build_content(session, fw, assess(fw, session))


def test_dutch_date():
    assert dutch_date(dt.date(2026, 3, 1)) == "1 maart 2026"
    assert dutch_date(dt.date(2025, 12, 31)) == "31 december 2025"
    assert dutch_date(None) == "onbekend"


def test_demo_levels_say_which_thresholds_are_met():
    content = content_of(demo_session())
    rows = {row.level.id: row for row in content.levels}
    assert [r.level.id for r in content.levels] == ["C1", "C2", "C3", "C4", "C5"]
    assert [r.current for r in content.levels] == [False, True, False, False, False]
    assert rows["C2"].met and all(c.met for c in rows["C2"].conditions)
    c3 = {c.kind: c for c in rows["C3"].conditions}
    assert set(c3) == {"quarry", "factory", "score"}
    assert (c3["quarry"].met, c3["quarry"].shortfall) == (False, "nog 5 procentpunt")
    assert (c3["factory"].met, c3["factory"].shortfall) == (False, "nog 20 procentpunt")
    assert (c3["score"].required, c3["score"].shortfall) == ("ten minste 60%", "nog 28 punten")
    c5 = {c.kind: c for c in rows["C5"].conditions}
    assert c5["score"].required == "ten minste 90% en meer dan 200 punten"
    assert c5["core"].required == "niveau 4 en 5 op Ja (of n.v.t.)"
    assert c5["core"].shortfall == "niet op Ja: 3.1.1, 3.1.2, 3.2.3, 3.3.7, 4.1.1, 4.2.3"
    assert content.next_level.startswith("C3: nog 28 punten")


def test_a_perfect_c_company_meets_every_level_including_core_questions():
    content = content_of(uniform_session("Top BV"))
    assert content.level == "C5"
    assert all(row.met for row in content.levels)
    assert content.next_level == "hoogste niveau bereikt"
    assert content.attention == ()


def test_small_b_company_sees_only_its_steps_and_questions():
    session = uniform_session("Klein B", category="B", size="small", choice=None, percentage=None)
    content = content_of(session)
    assert content.profile == "klein bedrijf, categorie B"
    assert [s.result.number for s in content.steps] == [1, 2, 5]
    assert content.steps_not_counted == (3, 4, 6)
    ids = [q.id for s in content.steps for q in s.questions]
    assert ids == [q.id for q in framework().scored_questions("B")]
    assert content.level == "geen (onder niveau 1)"
    assert [q.id for q in content.attention] == ids  # nothing answered: everything is open
    assert {c.kind for row in content.levels for c in row.conditions} == {
        "quarry",
        "factory",
        "score",
    }


def test_group_heading_only_on_the_first_child():
    content = content_of(demo_session())
    step2 = next(s for s in content.steps if s.result.number == 2)
    groups = {q.id: q.group for q in step2.questions}
    assert groups["2.1.1a"] is not None and groups["2.1.1a"][0] == "2.1.1"
    assert groups["2.1.1b"] is None and groups["2.1.1c"] is None
    assert groups["2.2.4a"] is not None and groups["2.2.4a"][0] == "2.2.4"


def test_question_entry_details():
    session = demo_session().with_answer(
        "1.2.14",
        QuestionAnswer(answer="ja", elements={"staf": (1, 2, 3), "operationeel": (2,)}),
    )
    content = content_of(session)
    entries = {q.id: q for s in content.steps for q in s.questions}
    grouped = entries["1.2.14"]
    assert [(g.label, [e.number for e in g.elements]) for g in grouped.ticked] == [
        ("stafmedewerkers", [1, 2, 3]),
        ("operationele medewerkers", [2]),
    ]
    assert grouped.criterion is not None and grouped.criterion.startswith("Ja: 1 t/m 3")
    assert points_of(entries["3.2.5"]) == "n.v.t."
    assert entries["3.2.5"].criterion is None
    assert points_of(entries["1.1.2"]) == "3 van 6"
    band = entries["2.1.1c"]
    assert band.answer == "55% (klasse 40<60%)"
    assert band.criterion is not None and band.criterion.startswith("40<60%: 4 punten (schaal:")
    assert entries["6.2.5"].answer == "open" and entries["6.2.5"].criterion is None
