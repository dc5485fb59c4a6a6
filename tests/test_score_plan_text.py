"""``trustone score --format text``: best case, plan, timeline, frequency and history sections."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from trustone_tui.answerfile.read import parse_session
from trustone_tui.commands import score
from trustone_tui.demo import demo_bytes
from trustone_tui.engine.scoring import assess
from trustone_tui.engine.session import Company, Interview, QuestionAnswer, Session
from trustone_tui.framework.bank import load_framework
from trustone_tui.store.bankcache import default_framework
from trustone_tui.text import summary as textsummary

FW = default_framework()


def demo() -> Session:
    return parse_session(demo_bytes(), "demo", FW)


def summary(session: Session, framework=FW, year: int | None = None) -> list[str]:
    return textsummary.text_summary(
        session, assess(framework, session), framework, year
    ).splitlines()


def test_demo_text_keeps_the_score_lines_and_adds_the_next_steps():
    lines = summary(demo())
    assert lines[:6] == [
        "Natuursteen Van Dijk & Zn. B.V.",
        "  Profiel:  middelgroot/groot bedrijf, categorie C (ook materialen uit risicolanden)",
        "  Score:    121 van 248 punten (48,7%)",
        "  Inzicht:  groeves 55%, fabrieken 80%",
        "  Niveau:   C2",
        "  Volgend:  C3: nog 28 punten; inzicht groeves nog 5 procentpunt; "
        "inzicht fabrieken nog 20 procentpunt",
    ]
    tail = lines[lines.index("  Open vragen (3): 3.3.7, 4.2.3, 6.2.5") + 1 :]
    assert tail == [
        "",
        "  Beste geval: C2 als de 3 open vragen Ja worden (nu C2)",
        "",
        "  Plan naar C3: 6 stappen, +33 punten (nodig 28)",
        "     1. 2.1.1c  +2    55% → 60% (band 40<60% → 60-75%)  [inzicht groeves]",
        "        Hoeveel inzicht heb je in de groeves waar de geïmporteerde…",
        "     2. 2.1.1b  +3    80% → 100% (band 75<100% → 100%)  [inzicht fabrieken]",
        "        Hoeveel inzicht heb je in de fabrieken (inclusief naam en…",
        "     3. 5.1     +10   Gedeeltelijk → Ja",
        "        Rapporteer je publiekelijk over de due diligence in je keten(s)?",
        "     4. 3.1.2   +6    Gedeeltelijk → Ja",
        "        Als je negatieve impact veroorzaakt of eraan bijdraagt, stel je dan…",
        "     5. 3.2.3   +6    Gedeeltelijk → Ja",
        "        Omvat je plan van aanpak ook acties met betrekking tot de negatieve…",
        "     6. 3.3.7   +6    open → Gedeeltelijk",
        "        Betrek je (interne en/of externe) experts en stakeholders bij het…",
        "",
        "  Tijdpad:  Lid sinds 2024, ingestapt op niveau 1. 2026 is het 3e jaar van deelname.",
        "            Het tijdpad verwacht in 2026 niveau 3; het bedrijf staat op niveau 2.",
        "            Dat is 1 jaar achter op het tijdpad; tot 1 jaar vertraging is toegestaan.",
        "            Bedrijven die langer over niveau 1 en 2 doen wordt aangeboden relevante "
        "kennismodules te",
        "            volgen in het kader van de raamovereenkomst van de SER.",
        "  Beoordeling 2026: een volledige beoordeling (3e jaar van deelname; "
        "vorige uitkomst: niveau 1)",
        "  Historie 2025: C1, 90 van 248 punten (36,2%)",
    ]


def test_behind_schedule_shows_the_exceptions_text():
    lines = summary(demo(), year=2028)
    text = "\n".join(lines)
    assert "2028 is het 5e jaar van deelname." in text
    assert "Het tijdpad verwacht in 2028 niveau 4; het bedrijf staat op niveau 2." in text
    assert "Dat is 3 jaar achter op het tijdpad; dat is meer dan de toegestane 1 jaar" in text
    assert "Bijzondere omstandigheden" in text


def test_without_joining_year_the_timeline_is_unknown_and_no_frequency_is_shown():
    session = replace(demo(), company=replace(demo().company, joined_year=None))
    text = "\n".join(summary(session))
    assert "  Tijdpad:  onbekend (geen jaar van toetreding vastgelegd)" in text
    assert "Beoordeling" not in text


def test_before_the_joining_year():
    text = "\n".join(summary(demo(), year=2023))
    assert "  Tijdpad:  2023 ligt voor het jaar van toetreding (2024)" in text


def test_top_level_has_no_plan_and_one_open_question_reads_singular():
    answers = {
        q.id: QuestionAnswer(percentage=100.0) if q.kind == "band" else QuestionAnswer(answer="ja")
        for q in FW.scored_questions("B")
    }
    del answers["5.2"]
    company = Company("Top", False, 10, 100_000, 2020, 4)
    lines = summary(Session(company, answers), year=2022)
    assert "  Beste geval: B4 als de open vraag Ja wordt (nu B4)" in lines
    assert not any(line.startswith("  Plan naar") for line in lines)
    assert (
        "  Beoordeling 2022: een volledige beoordeling (3e jaar van deelname; instapniveau 4)"
        in lines
    )


def test_unreachable_plan_lists_its_reasons(bank):
    meta = bank / "framework.toml"
    meta.write_text(
        meta.read_text(encoding="utf-8").replace(
            "score_min = 60\n", "score_min = 60\npoints_above = 300\n"
        ),
        encoding="utf-8",
    )
    framework = load_framework(bank)
    lines = summary(parse_session(demo_bytes(), "demo", framework), framework)
    at = lines.index("  Plan naar C3: niet haalbaar door betere antwoorden")
    assert lines[at + 1] == "    - ook met alle verbeteringen 248 punten; C3 vraagt 300,5"


def test_assessment_year_is_the_interview_year_else_today():
    session = demo()
    assert textsummary.assessment_year(session) == 2026
    undated = replace(session, interview=Interview())
    assert textsummary.assessment_year(undated, dt.date(2031, 1, 2)) == 2031


def test_trustone_score_prints_the_plan(tmp_path, capsys):
    path = tmp_path / "demo.toml"
    path.write_bytes(demo_bytes())
    assert score.run([str(path)]) == 0
    out = capsys.readouterr().out
    assert "  Plan naar C3: 6 stappen, +33 punten (nodig 28)" in out
    assert "  Beoordeling 2026: een volledige beoordeling" in out
