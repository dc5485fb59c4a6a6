"""Export the demo session in every format and check what it says against the engine."""

from __future__ import annotations

import csv
import io
import json
import re
from html import unescape
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from report_fixtures import demo_session, framework, uniform_session
from trustone_tui.engine.scoring import assess
from trustone_tui.engine.session import ANSWER_LABELS
from trustone_tui.report import FORMATS, render_report
from trustone_tui.report.scorejson import score_json
from trustone_tui.text import formatting


class PageParser(HTMLParser):
    """Text, tags and attributes of an HTML page, plus the text inside each element id."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str | None]] = []
        self.ids: dict[str, list[str]] = {}
        self._open_ids: list[tuple[str, str]] = []
        self._skipping = False

    def _gap(self) -> None:
        self.text.append(" ")
        for _, ident in self._open_ids:
            self.ids[ident].append(" ")

    def handle_starttag(self, tag, attrs):
        self._gap()
        self.tags.append(tag)
        self._skipping = tag in ("style", "title")
        for name, value in attrs:
            self.attrs.append((tag, name, value))
            if name == "id" and value:
                self.ids[value] = []
                self._open_ids.append((tag, value))

    def handle_endtag(self, tag):
        self._gap()
        self._skipping = False
        if self._open_ids and self._open_ids[-1][0] == tag:
            self._open_ids.pop()

    def handle_data(self, data):
        if self._skipping:
            return
        self.text.append(data)
        for _, ident in self._open_ids:
            self.ids[ident].append(data)

    def all_text(self) -> str:
        return " ".join("".join(self.text).split())

    def text_of(self, ident: str) -> str:
        return " ".join("".join(self.ids[ident]).split())


def parse_html(data: bytes) -> PageParser:
    parser = PageParser()
    parser.feed(data.decode("utf-8"))
    parser.close()
    return parser


def markdown_to_html(text: str) -> str:
    return MarkdownIt("commonmark").enable("table").render(text)


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def demo():
    session = demo_session()
    return session, assess(framework(), session)


def test_every_format_renders_and_unknown_formats_are_refused(demo):
    session, _ = demo
    for fmt in FORMATS:
        assert render_report(session, framework(), fmt)
    with pytest.raises(ValueError, match="unknown report format"):
        render_report(session, framework(), "pdf")  # type: ignore[arg-type]


def test_markdown_totals_level_and_every_answered_question(demo):
    session, assessment = demo
    text = render_report(session, framework(), "md").decode("utf-8")
    total = f"{formatting.points(assessment.points)} van {formatting.points(assessment.max_points)}"
    assert f"- **Totaal:** {total} punten ({formatting.percent(assessment.percentage)})" in text
    assert "- **Niveau:** C2" in text
    assert "- **Volgend niveau:** C3: nog 28 punten" in text
    for step in assessment.steps:
        row = (
            f"| {step.number} | {step.title} | {formatting.points(step.points)} | "
            f"{formatting.points(step.max_points)} | {step.open} |"
        )
        assert row in text
    headings = re.findall(r"^#### (\S+) ", text, re.MULTILINE)
    counted = [qid for qid, r in assessment.results.items() if r.counted]
    assert [h for h in headings if h in assessment.results] == counted
    for qid in session.answers:
        assert qid in headings


def test_markdown_shows_answer_points_criteria_elements_and_note(demo):
    session, _ = demo
    html = markdown_to_html(render_report(session, framework(), "md").decode("utf-8"))
    plain = squash(unescape(re.sub(r"<[^>]+>", " ", html)))
    # 1.1.2: Gedeeltelijk, 3 of 6, the applying criterion, 4 ticked elements and a 2-line note.
    assert "1.1.2 Welke sociale aspecten" in plain
    assert "Antwoord: Gedeeltelijk Punten: 3 van 6" in plain
    assert "Gedeeltelijk: De meeste thema’s uit vraag 1 t/m 3" in plain
    assert "Aangevinkt: 4 van 6" in plain
    after = plain.split("Aangevinkt: 4 van 6", 1)[1]
    ticked, unticked = after.split("Nog niet aangevinkt:", 1)
    assert "5. vrijheid van vakvereniging" in ticked
    assert "4. leefbaar loon" not in ticked  # not ticked: listed as still to do
    assert unticked.startswith(" 4. leefbaar loon 6. veiligheid en gezondheid. Notitie:")
    assert "Leefbaar loon en veiligheid/gezondheid ontbreken nog in de verklaring.<br />" in html
    # A band question shows its band and the scale; a percentage question its derived answer.
    assert "Antwoord: 80% (klasse 75<100%) Punten: 7 van 10" in plain
    assert "Antwoord: Nee (30%) Punten: 0 van 6" in plain
    assert "Antwoord: n.v.t. Punten: n.v.t." in plain


def test_markdown_lists_open_and_follow_up_questions_together(demo):
    session, assessment = demo
    text = render_report(session, framework(), "md").decode("utf-8")
    section = text.split("## Open vragen en nader uit te zoeken")[1].split("\n## ")[0]
    rows = re.findall(r"^\| (\d[\w.]*) \|", section, re.MULTILINE)
    expected = [
        qid
        for qid, r in assessment.results.items()
        if r.counted and (r.is_open or session.answer(qid).follow_up)
    ]
    assert rows == expected
    assert {"3.3.7", "4.2.3", "6.2.5", "1.3.18", "2.4.9"} <= set(rows)
    assert "| 3.3.7 | open, nader uitzoeken | open |" in section


def test_markdown_level_table_marks_met_and_missed_thresholds(demo):
    session, _ = demo
    text = render_report(session, framework(), "md").decode("utf-8")
    rows = {
        line.split("|")[1].strip(): line
        for line in text.splitlines()
        if re.match(r"^\| (\*\*)?C\d", line)
    }
    assert list(rows) == ["C1", "**C2 (huidig)**", "C3", "C4", "C5"]
    assert rows["C1"].count("voldaan") == 3 and "niet voldaan" not in rows["C1"]
    assert "ten minste 60%: **niet voldaan** (nog 5 procentpunt)" in rows["C3"]
    assert "ten minste 100%: **niet voldaan** (nog 20 procentpunt)" in rows["C3"]
    assert "ten minste 60%: **niet voldaan** (nog 28 punten)" in rows["C3"]
    assert "niet op Ja: 3.1.1, 3.1.2, 3.3.7, 4.1.1" in rows["C4"]
    assert "meer dan 200 punten" in rows["C5"]


def test_html_totals_and_every_counted_question_as_an_article(demo):
    session, assessment = demo
    page = parse_html(render_report(session, framework(), "html"))
    text = page.all_text()
    assert "Punten 121 van 248" in text
    assert "Percentage 48,7%" in text
    assert "Niveau C2" in text
    assert "Totaal (48,7%) 121 248 3" in text
    for step in assessment.steps:
        assert (
            f"{step.number} {step.title} {formatting.points(step.points)} "
            f"{formatting.points(step.max_points)} {step.open}"
        ) in text
    for qid, result in assessment.results.items():
        ident = f"q-{qid}"
        if not result.counted:
            assert ident not in page.ids
            continue
        article = page.text_of(ident)
        given = session.answer(qid)
        assert article.startswith(f"{qid} ")
        if result.status == "answered" and result.answer:
            assert f"Antwoord {ANSWER_LABELS[result.answer]}" in article
        if result.points is not None:
            points = formatting.points(result.points)
            assert f"Punten {points} van {formatting.points(result.max_points)}" in article
        if given.note:
            assert squash(given.note) in article
        assert ("nader uitzoeken" in article) == given.follow_up


def test_html_is_self_contained_and_made_for_a4(demo):
    session, _ = demo
    data = render_report(session, framework(), "html")
    text = data.decode("utf-8")
    page = parse_html(data)
    assert text.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in text
    assert "script" not in page.tags and "link" not in page.tags and "img" not in page.tags
    for tag, name, value in page.attrs:
        if name in ("src", "href"):
            assert value and value.startswith("#"), (tag, name, value)
    assert "url(" not in text and "@import" not in text and "http" not in text.lower()
    css = text.split("<style>")[1].split("</style>")[0]
    assert re.search(r"@page\s*{[^}]*size:\s*A4", css)
    assert re.search(r"\.questions\s*{[^}]*break-before:\s*page", css)
    assert re.search(r"article\.question\s*{[^}]*break-inside:\s*avoid", css)
    assert re.search(r"thead\s*{[^}]*display:\s*table-header-group", css)
    # Every internal link lands on an element that exists.
    targets = {value[1:] for _, name, value in page.attrs if name == "href" and value}
    assert targets and targets <= set(page.ids)


def read_csv(data: bytes, delimiter: str = ";") -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert "\r\n" in text
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter))


def dutch_number(cell: str) -> float:
    return float(cell.replace(",", "."))


def test_csv_one_row_per_counted_question_with_the_engines_totals(demo):
    session, assessment = demo
    rows = read_csv(render_report(session, framework(), "csv"))
    counted = [qid for qid, r in assessment.results.items() if r.counted]
    assert [r["vraag"] for r in rows] == counted
    assert sum(dutch_number(r["punten"]) for r in rows if r["punten"]) == assessment.points
    assert sum(dutch_number(r["max"]) for r in rows) == assessment.max_points
    by_id = {r["vraag"]: r for r in rows}
    assert by_id["1.1.2"]["antwoord"] == "Gedeeltelijk"
    assert by_id["1.1.2"]["notitie"].splitlines() == session.answer("1.1.2").note.splitlines()
    assert (by_id["2.2.4b"]["antwoord"], by_id["2.2.4b"]["percentage"]) == ("Nee", "30")
    assert (by_id["3.2.5"]["status"], by_id["3.2.5"]["punten"], by_id["3.2.5"]["max"]) == (
        "n.v.t.",
        "",
        "0",
    )
    assert by_id["3.3.7"]["status"] == "open" and by_id["3.3.7"]["nader_uitzoeken"] == "ja"
    assert {r["bedrijf"] for r in rows} == {session.company.name}
    assert {r["stap"] for r in rows} == {"1", "2", "3", "4", "5", "6"}


def test_csv_half_points_use_the_dialects_decimal_separator():
    session = uniform_session("Half BV", choice="gedeeltelijk", percentage=None)
    fw = framework()
    nl = read_csv(render_report(session, fw, "csv"))
    intl = read_csv(render_report(session, fw, "csv", csv_dialect="intl"), delimiter=",")
    one_point = [r["vraag"] for r in nl if r["max"] == "1"]
    assert one_point  # 1.1.1 and 1.1.3 are worth 1 point: Gedeeltelijk earns 0.5
    assert {r["punten"] for r in nl if r["vraag"] in one_point} == {"0,5"}
    assert {r["punten"] for r in intl if r["vraag"] in one_point} == {"0.5"}


def test_csv_for_a_b_company_has_only_the_b_questions():
    session = uniform_session("B-bedrijf", category="B", size="small")
    rows = read_csv(render_report(session, framework(), "csv"))
    expected = [q.id for q in framework().scored_questions("B")]
    assert [r["vraag"] for r in rows] == expected
    assert {r["categorie"] for r in rows} == {"B"} and {r["grootte"] for r in rows} == {"klein"}


def test_csv_has_dutch_sizes_and_the_date_and_framework_version_on_every_row(demo):
    session, _ = demo
    rows = read_csv(render_report(session, framework(), "csv"))
    assert list(rows[0])[-2:] == ["datum", "kaderversie"]
    assert {r["grootte"] for r in rows} == {"middelgroot/groot"}
    assert {r["datum"] for r in rows} == {"2026-11-12"}
    assert {r["kaderversie"] for r in rows} == {session.framework_version}
    undated = uniform_session("Zonder datum BV")
    assert {r["datum"] for r in read_csv(render_report(undated, framework(), "csv"))} == {""}


def test_json_is_the_score_json_plus_notes_and_elements(demo):
    session, assessment = demo
    data = json.loads(render_report(session, framework(), "json"))
    base = json.loads(json.dumps(score_json(session, assessment, framework()), ensure_ascii=False))
    for key, value in base.items():
        if key != "questions":
            assert data[key] == value
    for qid, question in base["questions"].items():
        exported = data["questions"][qid]
        assert {k: exported[k] for k in question} == question
        given = session.answer(qid)
        assert exported["note"] == given.note
        assert exported["follow_up"] == given.follow_up
    assert data["questions"]["1.1.2"]["elements"] == [1, 2, 3, 5]
    assert data["questions"]["1.2.14"]["elements"] == {"staf": [1, 2], "operationeel": [1]}
    assert data["questions"]["6.2.5"]["elements"] == []
    assert (data["points"], data["max_points"], data["level"]) == (121, 248, "C2")
    assert sum(s["points"] for s in data["steps"]) == assessment.points
    assert [lv["met"] for lv in data["levels"]] == [True, True, False, False, False]
    assert data["interview"] == {"interviewer": "Sanne Bakker (secretariaat)", "date": "2026-11-12"}
