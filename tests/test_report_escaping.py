"""User text in reports stays text: Markdown syntax, HTML and spreadsheet formulas are inert."""

from __future__ import annotations

import csv
import io
import json
import re
from html import unescape

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from report_fixtures import company, framework
from trustone_tui.engine.session import Company, Interview, QuestionAnswer, Session
from trustone_tui.report import markdown as md
from trustone_tui.report import render_report
from trustone_tui.report.csvtable import neutralise

HOSTILE_NAME = '=HYPERLINK("http://evil.example") <script>alert(1)</script> *bold* | [x](y)'
HOSTILE_NOTE = (
    "# kop\n"
    "<script>alert('note')</script>\n"
    "*bold* en _cursief_ en `code`\n"
    "[link](http://evil.example) ![img](http://evil.example/x.png)\n"
    "- geen lijst\n"
    "1. geen genummerde lijst\n"
    "> geen citaat\n"
    "---\n"
    "kolom | kolom\n"
    "&amp; &#42; \\ einde\r\n"
    "\n"
    "    geen code"
)
NOTE_LINES = [line.strip() for line in HOSTILE_NOTE.replace("\r\n", "\n").split("\n") if line]


def markdown_html(text: str) -> str:
    return MarkdownIt("commonmark").enable("table").render(text)


def visible(html: str) -> str:
    """The text a reader sees in rendered HTML, whitespace collapsed."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def squash(text: str) -> str:
    return " ".join(text.split())


def hostile_session() -> Session:
    answers = {
        "1.1.1": QuestionAnswer(answer="ja", note=HOSTILE_NOTE),
        "1.1.2": QuestionAnswer(answer="nee", note="=1+1", follow_up=True),
        "1.1.3": QuestionAnswer(answer="ja", note="+31 20 123"),
        "1.1.4": QuestionAnswer(answer="ja", note="-5 punten"),
        "1.1.5": QuestionAnswer(answer="ja", note="@SUM(A1)"),
        "1.1.8": QuestionAnswer(answer="ja", note="\t=cmd"),
        "1.1.10": QuestionAnswer(answer="ja", note="  =indented"),
    }
    base = company("x")
    return Session(
        Company(HOSTILE_NAME, True, base.employees, base.revenue_eur),
        answers,
        Interview("# <b>Interviewer</b> *", None),
        framework().version,
    )


def test_markdown_renders_hostile_text_literally():
    text = render_report(hostile_session(), framework(), "md").decode("utf-8")
    html = markdown_html(text)
    for tag in ("<script", "<em>", "<code>", "<a ", "<img", "<blockquote>", "<hr", "<ol", "<b>"):
        assert tag not in html, tag
    assert html.count("<h1>") == 1
    assert html.count("<table>") == 3  # score, levels, attention list; none from the notes
    seen = visible(html)
    assert squash(HOSTILE_NAME) in seen
    assert "# <b>Interviewer</b> *" in seen
    for line in NOTE_LINES:
        assert line in seen, line


def test_markdown_note_keeps_its_lines_and_the_table_keeps_its_columns():
    text = render_report(hostile_session(), framework(), "md").decode("utf-8")
    html = markdown_html(text)
    # The note's lines are separate lines (hard breaks), its blank line a new paragraph.
    assert "&lt;script&gt;alert('note')&lt;/script&gt;<br />" in html
    # In the attention table the company-supplied "|" does not add a column.
    rows = [line for line in text.splitlines() if line.startswith("| 1.1.2 |")]
    assert len(rows) == 1
    assert len(re.findall(r"(?<!\\)\|", rows[0])) == 5


def test_html_escapes_hostile_text():
    data = render_report(hostile_session(), framework(), "html").decode("utf-8")
    assert "<script" not in data and "<b>" not in data
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in data
    assert "&lt;script&gt;alert(&#x27;note&#x27;)&lt;/script&gt;" in data
    assert 'href="http' not in data and 'src="http' not in data
    # The note keeps its line breaks for pre-wrap; CRLF becomes LF.
    assert "&amp;amp; &amp;#42; \\ einde\n\n    geen code</p>" in data


def test_csv_neutralises_formulas_in_every_text_cell_and_keeps_numbers():
    data = render_report(hostile_session(), framework(), "csv")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    header, body = rows[0], rows[1:]
    column = {name: header.index(name) for name in header}
    assert {r[column["bedrijf"]] for r in body} == {"'" + HOSTILE_NAME}
    notes = {r[column["vraag"]]: r[column["notitie"]] for r in body}
    assert notes["1.1.2"] == "'=1+1"
    assert notes["1.1.3"] == "'+31 20 123"
    assert notes["1.1.4"] == "'-5 punten"
    assert notes["1.1.5"] == "'@SUM(A1)"
    assert notes["1.1.8"] == "'\t=cmd"
    assert notes["1.1.10"] == "'  =indented"
    assert notes["1.1.1"].startswith("# kop\n")  # not a formula: left as typed
    # Numbers are bare numbers, not neutralised text.
    for row in body:
        assert re.fullmatch(r"\d+(,\d+)?", row[column["max"]])
        assert re.fullmatch(r"(\d+(,\d+)?)?", row[column["punten"]])


def test_neutralise():
    assert neutralise("=1") == "'=1"
    assert neutralise("＝1") == "'＝1"
    assert neutralise("\r=1") == "'\r=1"
    assert neutralise("1=1") == "1=1"
    assert neutralise("") == ""
    assert neutralise("Van Dijk") == "Van Dijk"


def test_json_keeps_text_exactly():
    data = json.loads(render_report(hostile_session(), framework(), "json"))
    assert data["company"] == HOSTILE_NAME
    assert data["questions"]["1.1.1"]["note"] == HOSTILE_NOTE


MARKDOWN_HEAVY = st.lists(
    st.sampled_from([*r"*_[]()<>#|`~!&\-+=.:;1 ab", "\n", "\r\n", "\t", "    ", "&amp;", "1."]),
    max_size=30,
).map("".join)
ANY_TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(MARKDOWN_HEAVY, ANY_TEXT))
def test_any_text_renders_as_itself_in_markdown(text):
    """Whatever the user typed, the rendered Markdown shows exactly those characters."""
    expected = squash(text)
    as_block = markdown_html("- **Notitie:** " + md.block(text, "  "))
    assert visible(as_block) == squash("Notitie: " + expected)
    as_cell = markdown_html(f"| a | b |\n| --- | --- |\n| {md.cell(text) or '—'} | x |\n")
    assert visible(as_cell) == squash(f"a b {expected or '—'} x")
    as_heading = markdown_html("#### 1.1 " + md.inline(text))
    assert visible(as_heading) == squash("1.1 " + expected)
