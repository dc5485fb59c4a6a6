"""Guidance and criteria layout: wrapped columns with hanging indents, stable heights."""

from __future__ import annotations

from textual.content import Content

from trustone_tui.framework.profile import Profile
from trustone_tui.store.bankcache import default_framework
from trustone_tui.tui.render import (
    ANSWER_WIDTH,
    Blocks,
    band_table,
    criteria_table,
    guidance,
    tools,
)

TEXT = (
    "Eerste alinea met genoeg woorden om over meer dan een regel te lopen.\n\n"
    "1. Een punt dat ook te lang is voor een regel van deze breedte.\n"
    "10. Kort.\n\n"
    "Slotalinea."
)


#: The demo company's profile: medium/large, category C.
PROFILE = Profile("C", "medium_large")


def variant_of(question_id: str):
    return default_framework().criteria(question_id, PROFILE)


def plain(blocks: Blocks, width: int) -> list[str]:
    return [line.plain for line in blocks.lines(width)]


def test_guidance_wraps_paragraphs_and_hangs_list_items_under_their_text():
    lines = plain(guidance(TEXT), 30)
    assert lines[:3] == [
        "Eerste alinea met genoeg",
        "woorden om over meer dan een",
        "regel te lopen.",
    ]
    assert lines[3] == ""  # a blank line between blocks
    # One cell in, the markers in a column as wide as the widest ("10."), the text after it.
    assert lines[4] == " 1.  Een punt dat ook te lang"
    assert lines[5] == "     is voor een regel van"
    assert lines[7] == " 10. Kort."
    assert lines[-1] == "Slotalinea."
    assert all(len(line) <= 30 for line in lines)


def test_the_height_is_that_of_the_lines_at_that_width():
    blocks = guidance(TEXT)
    assert blocks.get_height({}, 30) == len(blocks.lines(30))
    assert blocks.get_height({}, 200) == 6  # paragraph, list of two, paragraph, 2 blank lines


def test_criteria_keep_their_height_whatever_is_chosen_or_suggested():
    variant = variant_of("1.2.14")
    heights = {
        criteria_table(variant, chosen, suggested).get_height({}, width)
        for chosen in (None, "nee", "gedeeltelijk", "ja")
        for suggested in (None, "nee", "ja")
        for width in (60,)  # texts that wrap over two and three lines here
    }
    assert len(heights) == 1
    table = criteria_table(variant, "ja", "gedeeltelijk")
    lines = plain(table, 60)
    ja = next(line for line in lines if line.startswith(" Ja "))
    assert ja[ANSWER_WIDTH + 1 :].startswith(variant.ja[:10]) and ja.endswith("◀ gekozen")
    assert any(line.endswith("◇ suggestie") for line in lines)


def reversed_at(line: Content, offset: int) -> bool:
    return any(
        "reverse" in str(span.style) and span.start <= offset < span.end for span in line.spans
    )


def test_the_chosen_answer_is_reversed():
    variant = variant_of("1.1.1")
    line = criteria_table(variant, "nee", None).lines(60)[0]
    assert reversed_at(line, 1) and not reversed_at(line, ANSWER_WIDTH + 2)
    assert not reversed_at(criteria_table(variant, None, None).lines(60)[0], 1)


def test_band_table_marks_the_band_of_the_percentage():
    variant = variant_of("2.1.1c")
    table = band_table(variant, 55)
    assert isinstance(table, Content)
    rows = table.plain.split("\n")
    assert len(rows) == len(variant.bands)
    marked = [row for row in rows if row.endswith("◀")]
    assert len(marked) == 1 and "40<60%" in marked[0] and "4 punten" in marked[0]
    assert not band_table(variant, None).plain.count("◀")


def test_tools_are_headed_lists_with_hanging_indents():
    resources = (("Op de website:", ("Risicoanalyses Brazilië, China, India, Turkije",)),)
    lines = plain(tools(resources), 30)
    assert lines == [
        "",
        "Op de website:",
        " • Risicoanalyses Brazilië,",
        "   China, India, Turkije",
    ]
