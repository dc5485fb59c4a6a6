"""Timeline, assessment frequency and history on edge years."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from trustone_tui.answerfile.read import parse_session
from trustone_tui.answerfile.write import dump_session
from trustone_tui.demo import demo_bytes
from trustone_tui.engine.scoring import assess
from trustone_tui.engine.session import Company, HistoryEntry, Session
from trustone_tui.engine.timeline import (
    column_levels,
    expected_level,
    frequency_column,
    level_going_in,
    level_rank,
    participation_year,
    record_outcome,
    this_years_assessment,
    timeline_position,
)
from trustone_tui.framework.bank import FrameworkError, load_framework
from trustone_tui.store.bankcache import default_framework
from trustone_tui.text.timeline import schedule_sentence

FW = default_framework()
MODULES = "kennismodules"
WEBSITE = "website een toelichting"


def company(joined: int | None = 2020, entry: int | None = 1, risk: bool = True) -> Company:
    return Company("Steen B.V.", risk, 100, 20_000_000, joined, entry)


def level(rank: int, category: str = "C"):
    return None if rank == 0 else FW.levels[category][rank - 1]  # type: ignore[index]


def position(rank: int, year: int, **kwargs):
    return timeline_position(FW, company(**kwargs), level(rank), year)


# --------------------------------------------------------------------------- expected level


def test_participation_year_counts_the_joining_year_as_year_1():
    assert participation_year(company(joined=2020), 2020) == 1
    assert participation_year(company(joined=2020), 2027) == 8
    assert participation_year(company(joined=2020), 2019) is None
    assert participation_year(company(joined=None), 2020) is None


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        # Stages: level 1 for 1 year, level 2 for 1 year, level 3 for 2 years, then level 4.
        (1, [1, 2, 3, 3, 4, 4, 4, 4, 4, 4]),
        (2, [2, 3, 3, 4, 4, 4, 4, 4, 4, 4]),
        (3, [3, 3, 4, 4, 4, 4, 4, 4, 4, 4]),
        (4, [4] * 10),
        (5, [5] * 10),
    ],
)
def test_expected_level_per_participation_year(entry, expected):
    assert [expected_level(FW, "C", entry, n) for n in range(1, 11)] == expected


def test_expected_level_matches_the_frequency_table_for_a_standard_path():
    """The seed's frequency table is drawn for a company that follows the timeline."""
    for column in FW.meta.frequency.columns:
        assert expected_level(FW, "C", 1, column.year) == min(column_levels(column))


def test_expected_level_is_nothing_before_year_1_and_capped_for_b():
    assert expected_level(FW, "C", 1, 0) == 0
    assert expected_level(FW, "C", 3, -4) == 0
    assert expected_level(FW, "B", 5, 3) == 4  # B has four levels


# --------------------------------------------------------------------------- status


def test_joining_year_at_the_entry_level_is_on_track():
    pos = position(1, 2020)
    assert (pos.participation_year, pos.expected_level, pos.delay_years) == (1, 1, 0)
    assert pos.status == "on_track" and schedule_sentence(pos) == "Dat is op schema."
    assert pos.consequence is None and pos.exceptions is None


def test_joining_year_without_a_level_is_one_year_late():
    pos = position(0, 2020)
    assert (pos.delay_years, pos.status) == (1, "late")
    assert schedule_sentence(pos) == (
        "Dat is 1 jaar achter op het tijdpad; tot 1 jaar vertraging is toegestaan."
    )
    assert MODULES in pos.consequence
    assert pos.exceptions is None


def test_exactly_at_the_allowed_delay_is_late_not_behind():
    # Year 3 expects level 3; level 2 was expected in year 2: one year behind, allowed.
    pos = position(2, 2022)
    assert (pos.expected_level, pos.delay_years, pos.status) == (3, 1, "late")
    assert MODULES in pos.consequence and pos.exceptions is None


def test_one_year_more_than_allowed_is_behind():
    pos = position(2, 2023)  # year 4: level 3 expected since year 3
    assert (pos.expected_level, pos.delay_years, pos.status) == (3, 2, "behind")
    assert schedule_sentence(pos) == (
        "Dat is 2 jaar achter op het tijdpad; dat is meer dan de toegestane 1 jaar vertraging."
    )
    assert MODULES in pos.consequence
    assert pos.exceptions == FW.meta.timeline.exceptions_text


def test_delay_from_level_3_is_explained_on_the_website():
    pos = position(3, 2024)  # year 5 expects level 4
    assert (pos.expected_level, pos.status) == (4, "late")
    assert WEBSITE in pos.consequence
    behind = position(3, 2025)
    assert (behind.delay_years, behind.status) == (2, "behind")
    assert WEBSITE in behind.consequence and behind.exceptions


def test_level_3_gets_its_two_years():
    assert position(3, 2022).status == "on_track"
    assert position(3, 2023).status == "on_track"


def test_level_4_is_the_end_of_the_timeline():
    # From year 5 on level 4 is expected for ever; level 5 is not required.
    for year in (2024, 2030, 2050):
        assert position(4, year).status == "on_track"
        assert position(4, year).expected_level == 4
        assert position(5, year).status == "on_track"


def test_a_company_ahead_of_the_timeline_is_on_track():
    assert position(4, 2020).status == "on_track"


def test_entry_at_level_3():
    assert [position(3, y, entry=3).status for y in (2020, 2021)] == ["on_track"] * 2
    assert position(3, 2022, entry=3).expected_level == 4
    assert position(3, 2022, entry=3).status == "late"
    assert position(3, 2023, entry=3).status == "behind"
    # Below the entry level in the joining year: one year late.
    assert position(2, 2020, entry=3).status == "late"


def test_entry_at_level_4():
    assert position(4, 2020, entry=4).status == "on_track"
    pos = position(3, 2020, entry=4)
    assert (pos.expected_level, pos.status) == (4, "late")
    assert WEBSITE in pos.consequence
    assert position(3, 2021, entry=4).status == "behind"


def test_without_an_entry_level_the_timeline_starts_at_level_1():
    pos = position(1, 2021, entry=None)
    assert pos.entry_level == 1 and pos.entry_level_assumed
    assert (pos.expected_level, pos.status) == (2, "late")
    assert not position(1, 2021).entry_level_assumed


def test_without_a_joining_year_or_before_it_there_is_no_position():
    assert position(1, 2020, joined=None) is None
    assert position(1, 2019) is None


@given(
    st.integers(1, 5),
    st.integers(0, 5),
    st.integers(2000, 2100),
    st.integers(0, 30),
)
def test_delay_is_the_least_look_back_that_fits(entry, rank, joined, years_in):
    pos = timeline_position(FW, company(joined=joined, entry=entry), level(rank), joined + years_in)
    n = years_in + 1
    assert pos.participation_year == n
    assert rank >= expected_level(FW, "C", entry, n - pos.delay_years)
    if pos.delay_years:
        assert rank < expected_level(FW, "C", entry, n - pos.delay_years + 1)
    assert (pos.consequence is None) == (pos.delay_years == 0)
    assert (pos.exceptions is None) == (pos.delay_years <= 1)


def test_stage_levels_must_climb_one_by_one(bank):
    meta = bank / "framework.toml"
    text = meta.read_text(encoding="utf-8")
    old = "    { level = 2, years = 1 },\n"
    assert text.count(old) == 1
    meta.write_text(text.replace(old, ""), encoding="utf-8")
    with pytest.raises(FrameworkError, match=r"timeline: .*consecutive and rising, got \[1, 3\]"):
        load_framework(bank)


# --------------------------------------------------------------------------- frequency


def test_the_frequency_table_for_a_company_on_the_timeline():
    """Going in at last year's level, a company on the timeline gets the table's kinds."""
    for column in FW.meta.frequency.columns:
        going_in = expected_level(FW, "C", 1, column.year - 1) or None
        chosen = frequency_column(FW, column.year, going_in)
        assert (chosen.medium_large, chosen.small) == (column.medium_large, column.small)
        # Going in at the column's own level gives the column itself.
        assert frequency_column(FW, column.year, min(column_levels(column))) == column


@pytest.mark.parametrize(
    ("level_going_in", "labels"),
    [
        (None, ["volledig"] * 12),
        (1, ["volledig"] * 12),
        (2, ["volledig"] * 12),
        (3, ["volledig", "beperkt"] * 6),
        (4, ["volledig", "beperkt"] * 6),
        (5, ["volledig", "beperkt"] * 6),
    ],
)
def test_frequency_by_level_alternates_from_level_3_and_beyond_year_8(level_going_in, labels):
    columns = [frequency_column(FW, n, level_going_in) for n in range(1, 13)]
    assert [c.medium_large for c in columns] == labels
    small = [c.small for c in columns]
    assert small == [
        "volledig" if label == "volledig" else "Op verzoek beperkte toetsing mogelijk"
        for label in labels
    ]


def test_frequency_column_years_beyond_the_table():
    assert frequency_column(FW, 9, 4).year == 7
    assert frequency_column(FW, 10, 4).year == 8
    assert frequency_column(FW, 101, 3).year == 3
    assert frequency_column(FW, 0, 2).year == 2


def test_column_levels_reads_the_table_labels():
    assert [column_levels(c) for c in FW.meta.frequency.columns] == [
        (1,),
        (2,),
        (3,),
        (3,),
        (4,),
        (4, 5),
        (4, 5),
        (4, 5),
    ]


def test_level_going_in_prefers_the_latest_earlier_history():
    session = Session(
        company(entry=2),
        history=(
            HistoryEntry(2021, "C2", 100, 248, 40.32),
            HistoryEntry(2023, "C3", 160, 248, 64.51),
            HistoryEntry(2024, None, 10, 248, 4.03),
        ),
    )
    assert level_going_in(FW, session, 2024) == (3, "history")
    assert level_going_in(FW, session, 2025) == (0, "history")
    assert level_going_in(FW, session, 2022) == (2, "history")
    assert level_going_in(FW, session, 2021) == (2, "entry_level")
    no_entry = replace(session, company=company(entry=None))
    assert level_going_in(FW, no_entry, 2020) == (None, "none")


def test_level_going_in_skips_unknown_level_ids():
    session = Session(
        company(entry=1),
        history=(HistoryEntry(2021, "C3", 1, 1, 1), HistoryEntry(2022, "X9", 1, 1, 1)),
    )
    assert level_going_in(FW, session, 2023) == (3, "history")
    assert level_rank(FW, "B4") == 4 and level_rank(FW, "X9") is None


def test_this_years_assessment_of_the_demo():
    session = parse_session(demo_bytes(), "demo", FW)
    kind = this_years_assessment(FW, session, 2026)
    # Joined 2024, so 2026 is year 3; 2025 ended at C1, so this year is a full assessment.
    assert (kind.participation_year, kind.level, kind.level_source) == (3, 1, "history")
    assert (kind.column.year, kind.label) == (1, "volledig")
    at_c3 = record_outcome(session, FW, 2026)  # C2 in 2026
    at_c3 = replace(at_c3, history=(*at_c3.history, HistoryEntry(2027, "C3", 160, 248, 64.51)))
    assert this_years_assessment(FW, at_c3, 2028).label == "volledig"  # year 5: odd
    assert this_years_assessment(FW, at_c3, 2029).label == "beperkt"  # year 6: even


def test_small_company_gets_the_small_column():
    small = Company("Klein", True, 10, 1_000_000, 2020, 3)
    kind = this_years_assessment(FW, Session(small), 2021)
    assert kind.label == "Op verzoek beperkte toetsing mogelijk"
    assert this_years_assessment(FW, Session(small), 2019) is None


# --------------------------------------------------------------------------- history


def test_record_outcome_adds_this_year_and_keeps_history_sorted():
    session = parse_session(demo_bytes(), "demo", FW)
    after = record_outcome(session, FW, 2026)
    assert [h.year for h in after.history] == [2025, 2026]
    assert after.history[1] == HistoryEntry(2026, "C2", 121, 248, 48.79)  # 48.790...%
    earlier = record_outcome(after, FW, 2020)
    assert [h.year for h in earlier.history] == [2020, 2025, 2026]
    assert session.history == (HistoryEntry(2025, "C1", 90, 248, 36.29),)


def test_record_outcome_replaces_the_same_year():
    session = parse_session(demo_bytes(), "demo", FW)
    replaced = record_outcome(session, FW, 2025)
    assert replaced.history == (HistoryEntry(2025, "C2", 121, 248, 48.79),)


def test_record_outcome_without_a_level_and_through_the_answer_file():
    empty = Session(company())
    after = record_outcome(empty, FW, 2021)
    assert after.history == (HistoryEntry(2021, None, 0, 252, 0),)
    again = parse_session(dump_session(after, FW), "again", FW)
    assert again.history == after.history


def test_recorded_percentage_never_rounds_up():
    session = parse_session(demo_bytes(), "demo", FW)
    assessment = assess(FW, session)
    entry = record_outcome(session, FW, 2026, assessment).history[-1]
    assert entry.percentage <= assessment.percentage < entry.percentage + 0.01


def test_delay_consequence_levels_must_not_run_backwards():
    from trustone_tui.framework.model import DelayConsequence

    assert DelayConsequence(from_level=3, text="x").covers(5)
    assert not DelayConsequence(from_level=0, to_level=2, text="x").covers(3)
    with pytest.raises(ValueError, match="to_level must not be below from_level"):
        DelayConsequence(from_level=3, to_level=2, text="x")
