"""The Markdown and HTML report: what to do next, every criterion, elements still to tick,
bars per step, the printed header and footer, the sign-off block, each note printed once."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest

from report_fixtures import demo_session, framework, uniform_session
from trustone_tui.cli import main
from trustone_tui.demo import demo_bytes
from trustone_tui.engine.session import Interview
from trustone_tui.report import render_report
from trustone_tui.report.htmlpage import LONG_ARTICLE_LINES, css_string


def md(session=None, **kwargs) -> str:
    return render_report(session or demo_session(), framework(), "md", **kwargs).decode()


def html(session=None, **kwargs) -> str:
    return render_report(session or demo_session(), framework(), "html", **kwargs).decode()


def section(text: str, start: str, end: str = "\n## ") -> str:
    return text.split(start, 1)[1].split(end, 1)[0]


def test_markdown_what_to_do_next():
    text = section(md(), "## Wat nu")
    assert "**Beste geval:** Als alle 3 open vragen Ja worden: C2 (nu C2)." in text
    assert "### Naar C3: 6 stappen, +33 punten (nodig 28)" in text
    assert (
        "- 1\\. **2.1.1c** 55% → 60% (band 40\\<60% → 60-75%), \\+2 punten (inzicht groeves)"
        in text
    )
    assert "### Naar C5: 26 stappen" in text
    assert "(kernvraag)" in section(text, "### Naar C5")
    assert (
        "Deelnemer sinds 2024 (instapniveau 1); 2026 is deelnamejaar 3. Verwacht: C3; behaald: C2."
        in text
    )
    assert "Dat is 1 jaar achter op het tijdpad; tot 1 jaar vertraging is toegestaan." in text
    assert "Beoordeling 2026: volledig (deelnamejaar 3)." in text


def test_html_what_to_do_next_links_each_step_to_its_question():
    page = html()
    part = section(page, "<h2>Wat nu</h2>", "<h2>")
    assert "<h3>Naar C3: 6 stappen, +33 punten (nodig 28)</h3>" in part
    steps = re.findall(r'<li><a href="#q-([\d.a-z]+)">', section(part, "Naar C3", "</ol>"))
    assert steps == ["2.1.1c", "2.1.1b", "5.1", "3.1.2", "3.2.3", "3.3.7"]
    assert all(f'id="q-{qid}"' in page for qid in steps)
    assert "Beoordeling 2026: volledig (deelnamejaar 3)." in part


def test_at_the_top_level_there_is_no_plan_and_without_joining_year_no_timeline():
    text = section(md(uniform_session("Top BV")), "## Wat nu")
    assert "het hoogste niveau is bereikt" in text and "### Naar" not in text
    assert "Onbekend: er is geen jaar van toetreding vastgelegd." in text
    assert "Beoordeling " not in text


def test_every_criterion_is_listed_and_the_met_one_marked_in_words():
    text = md()
    q112 = section(text, "#### 1.1.2 ", "\n#### ")
    assert "  - Nee: Geen of slechts enkele thema’s" in q112
    assert "  - ✓ **Gedeeltelijk: De meeste thema’s uit vraag 1 t/m 3" in q112
    assert "** (voldaan)" in q112 and q112.count("(voldaan)") == 1
    band = section(text, "#### 2.1.1b ", "\n#### ")
    assert "  - ✓ **75\\<100%: 7 punten** (voldaan)" in band
    # An open question says what Nee, Gedeeltelijk and Ja require, none marked.
    open_question = section(text, "#### 6.2.5 ", "\n## ")
    assert "  - Nee: Klachtenmechanismen niet gestimuleerd" in open_question
    assert "  - Gedeeltelijk: Het bedrijf past 1 en 2 toe" in open_question
    assert "  - Ja: Het bedrijf past 1 t/m 3 toe" in open_question
    assert "voldaan" not in open_question
    page = html()
    article = section(page, 'id="q-1.1.2"', "</article>")
    assert '<li class="met">✓ Gedeeltelijk: De meeste thema’s' in article
    assert "(voldaan)</li>" in article


def test_elements_not_yet_ticked_are_listed_per_group():
    grouped = section(md(), "#### 1.2.14 ", "\n#### ")
    not_yet = grouped.split("- **Nog niet aangevinkt:**")[1].strip().splitlines()
    assert [line.split(" Voeg")[0].split(" Verzorg")[0] for line in not_yet] == [
        "- stafmedewerkers:",
        "    - 3\\.",
        "  - operationele medewerkers:",
        "    - 2\\.",
        "    - 3\\.",
    ]
    all_ticked = section(md(), "#### 1.1.1 ", "\n#### ")
    assert "Nog niet aangevinkt" not in all_ticked
    nvt = section(md(), "#### 3.2.5 ", "\n#### ")
    assert "Nog niet aangevinkt" not in nvt


def test_per_step_percentage_and_bar():
    text = md()
    assert "| 1 | Beleid en organisatie | 33 | 48 | 0 | 68,7% ██████░░░░ |" in text
    assert "| **Totaal** | **121** | **248** | **3** | **48,7% ████░░░░░░** |" in text
    page = html()
    bars = re.findall(
        r'<span class="pct">([^<]+)</span><span class="track" aria-hidden="true">'
        r'<span class="fill" style="width: ([\d.]+)%">',
        page,
    )
    assert bars[0] == ("68,7%", "68.8") and bars[-1] == ("48,7%", "48.8")
    assert len(bars) == 7  # six steps and the total


def test_printed_header_and_footer_name_company_date_framework_and_pages():
    page = html()
    css = page.split("<style>")[1].split("</style>")[0]
    page_rule = css.split("@page", 1)[1]
    assert '@top-left { content: "Natuursteen Van Dijk \\26  Zn\\2e  B\\2e V\\2e "' in page_rule
    assert '@top-right { content: "Beoordeling 12 november 2026"' in page_rule
    assert "@bottom-left" in page_rule and "versie 1\\2e 0" in page_rule
    assert 'content: "pagina " counter(page) " van " counter(pages)' in page_rule


def test_css_strings_cannot_break_out_of_the_style_sheet():
    hostile = '"; } </style><script>x</script> \\'
    quoted = css_string(hostile)
    assert quoted.startswith('"') and quoted.endswith('"')
    inner = quoted[1:-1]
    assert '"' not in inner and "<" not in inner and "}" not in inner
    assert inner.count("\\") == len([c for c in hostile if not (c.isalnum() or c == " ")])


def test_sign_off_block_with_status_interviewer_date_and_room_for_a_response(
    tmp_path: Path, capsys
):
    text = md()
    sign_off = section(text, "## Ondertekening", "\n# ")
    assert "- **Status:** concept" in sign_off
    assert "- **Interviewer:** Sanne Bakker (secretariaat)" in sign_off
    assert "- **Datum beoordeling:** 12 november 2026" in sign_off
    assert "**Reactie van het bedrijf:**" in sign_off
    assert "- **Status:** definitief" in md(final=True)
    page = html()
    assert '<section class="signoff"><h2>Ondertekening</h2>' in page
    assert "<dt>Status</dt><dd><strong>concept</strong></dd>" in page
    assert '<div class="response"></div>' in page
    answer_file = tmp_path / "demo.toml"
    answer_file.write_bytes(demo_bytes())
    assert main(["export", str(answer_file), "--format", "html", "--definitief"]) == 0
    assert "<dt>Status</dt><dd><strong>definitief</strong></dd>" in capsys.readouterr().out


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_every_note_is_printed_once(fmt):
    session = demo_session()
    text = md(session) if fmt == "md" else html(session)
    for qid, given in session.answers.items():
        if given.note:
            first_line = given.note.splitlines()[0]
            escaped = first_line if fmt == "md" else first_line.replace("'", "&#x27;")
            if fmt == "md":
                escaped = re.sub(r"([\\`*_\[\]<>|~&#!])", r"\\\1", first_line)
            assert text.count(escaped) == 1, qid


def test_a_long_note_lets_its_question_break_across_pages():
    session = demo_session()
    long_note = "\n".join(f"Regel {n} van een lang gespreksverslag." for n in range(40))
    session = session.with_answer(
        "1.1.4", dataclasses.replace(session.answer("1.1.4"), note=long_note)
    )
    page = html(session)
    assert '<article class="question long" id="q-1.1.4">' in page
    assert '<article class="question" id="q-1.1.3">' in page
    assert LONG_ARTICLE_LINES < 40


def test_attention_list_points_to_the_questions_instead_of_repeating_notes():
    text = md()
    attention = section(text, "## Open vragen en nader uit te zoeken")
    assert "| Vraag | Status | Antwoord | Onderwerp |" in attention
    assert (
        "| 2.4.9 | nader uitzoeken | Nee | Worden belanghebbenden daarbij geraadpleegd? |"
        in attention
    )
    assert "De notities staan bij de vragen." in attention


def test_undated_session_uses_this_year_for_the_timeline():
    session = dataclasses.replace(demo_session(), interview=Interview("X", None))
    year = dt.date.today().year
    assert f"{year} is deelnamejaar {year - 2024 + 1}" in md(session)
