"""`trustone export` includes the plan of action in Markdown, HTML and JSON (issue 15)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

from proof_helpers import FW
from trustone_tui.answerfile.read import parse_session
from trustone_tui.demo import demo_bytes
from trustone_tui.engine.actions import Action, ProgressEntry
from trustone_tui.report import render_report

ACTIONS = (
    Action(
        id="A1",
        text="Groeves in kaart <brengen>",
        questions=("2.1.1c",),
        owner="Inkoop",
        due=dt.date(2026, 6, 1),  # before the assessment date 12-11-2026: overdue
        status="bezig",
        progress=(ProgressEntry(dt.date(2026, 5, 1), "Twee groeves bezocht"),),
    ),
    Action(id="A2", text="Risicoanalyse fabrieken", due=dt.date(2027, 3, 1)),
)


def session():
    return replace(parse_session(demo_bytes(), "demo", FW), actions=ACTIONS)


def test_markdown_has_the_plan_before_the_sign_off():
    text = render_report(session(), FW, "md").decode()
    plan, sign_off = text.index("## Plan van aanpak"), text.index("## Ondertekening")
    assert plan < sign_off
    section = text[plan:sign_off]
    assert "Peildatum: 12-11-2026 (beoordelingsdatum)" in section
    assert "| A1 | Groeves in kaart \\<brengen\\> | 2.1.1c | Inkoop |" in section
    assert "**01-06-2026" in section  # overdue, in bold and with words
    assert "Twee groeves bezocht" in section


def test_html_has_the_plan_escaped_and_marked_before_the_sign_off():
    page = render_report(session(), FW, "html").decode()
    plan, sign_off = (
        page.index('<section class="plan-of-action">'),
        page.index('<section class="signoff">'),
    )
    assert plan < sign_off
    section = page[plan:sign_off]
    assert "Groeves in kaart &lt;brengen&gt;" in section
    assert 'class="due overdue"' in section and "te laat" in section
    assert page.count("<style>") == 1 and "td.overdue" in page


def test_json_has_the_plan_of_action_contract():
    document = json.loads(render_report(session(), FW, "json"))
    plan = document["plan_of_action"]
    assert set(plan) == {"company", "date", "actions", "counts", "reaches"}
    assert plan["date"] == "2026-11-12"
    assert [(a["id"], a["overdue"]) for a in plan["actions"]] == [("A1", True), ("A2", False)]
    assert plan["counts"]["overdue"] == 1


def test_without_actions_the_report_says_so():
    plain = parse_session(demo_bytes(), "demo", FW)
    assert "Nog geen acties." in render_report(plain, FW, "md").decode()
