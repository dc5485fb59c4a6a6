"""The question bank in ``questions/`` says what the seed says: questions, maxima, variants, levels.

Where the seed can be read mechanically (maxima, core questions) the expected values are parsed
from the seed itself; the rest is transcribed here with the seed's words next to it.
"""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from proof_helpers import FW, NVT_IDS, SEED_PATH
from trustone_tui.framework.profile import ALL_PROFILES

SCORED_IDS = [
    # 1.1 "Het formuleren van een internationaal MVO-beleid": vragen 1, 2, 3, 4, 5, 8, 10, 11
    *("1.1.1", "1.1.2", "1.1.3", "1.1.4", "1.1.5", "1.1.8", "1.1.10", "1.1.11"),
    *("1.2.12", "1.2.13", "1.2.14", "1.3.16", "1.3.18"),
    # 2.1.1 and 2.1.2 are headers ("Maximale score ...: 0") over their a/b/c questions
    *("2.1.1a", "2.1.1b", "2.1.1c", "2.1.2a", "2.1.2b", "2.1.3"),
    *("2.2.4a", "2.2.4b", "2.2.5", "2.3.7", "2.4.8", "2.4.9"),
    *("3.1.1", "3.1.2", "3.2.3", "3.2.5", "3.3.7"),
    *("4.1.1", "4.2.3", "4.2.4"),
    *("5.1", "5.2"),
    *("6.1.1", "6.2.3", "6.2.4", "6.2.5"),
]
HEADERS = ["2.1.1", "2.1.2", "2.2.4"]


def seed_maxima() -> list[tuple[float | None, float, tuple[int, ...]]]:
    """Every "Maximale score B en C: n" / "Maximale score C: n" in seed order, with the
    "Kernvraag niveau ..." line that follows it (as core levels)."""
    lines = SEED_PATH.read_text(encoding="utf-8").splitlines()
    found = []
    for index, line in enumerate(lines):
        match = re.match(r"Maximale score (B en C|C): (\d+)", line.strip())
        if not match:
            continue
        points = float(match.group(2))
        core: tuple[int, ...] = ()
        follow = lines[index + 1].strip()
        if follow == "Kernvraag niveau 4 en 5":
            core = (4, 5)
        elif follow == "Kernvraag niveau 5":
            core = (5,)
        found.append((points if match.group(1) == "B en C" else None, points, core))
    return found


def test_39_scored_questions_in_seed_order_and_3_zero_point_headers():
    assert [q.id for q in FW.scored_questions()] == SCORED_IDS
    assert len(SCORED_IDS) == 39
    headers = [q for q in FW.questions.values() if q.kind == "header"]
    assert [q.id for q in headers] == HEADERS
    for header in headers:
        assert header.max_c == 0 and header.max_b in (0, None)
        assert [c.id for c in FW.children(header.id)] == [
            qid for qid in SCORED_IDS if qid.startswith(header.id)
        ]


def test_maxima_and_core_levels_are_the_seeds_in_order():
    """Each question's maximum and core levels, parsed from the seed in order (42 entries:
    39 questions and the 3 headers with maximum 0)."""
    expected = seed_maxima()
    assert len(expected) == 42
    actual = [(q.max_b, q.max_c, q.core_levels) for q in FW.questions.values()]
    assert actual == expected


def test_category_maxima_sum_to_100_and_252():
    assert sum(q.max_b for q in FW.scored_questions("B")) == 100
    assert sum(q.max_c for q in FW.scored_questions("C")) == 252
    assert len(FW.scored_questions("B")) == 18
    assert len(FW.scored_questions("C")) == 39


@pytest.mark.parametrize(
    ("category", "expected"),
    [
        ("B", {1: 48, 2: 28, 5: 24}),
        ("C", {1: 48, 2: 82, 3: 50, 4: 24, 5: 24, 6: 24}),
    ],
)
def test_step_sums(category, expected):
    sums: dict[int, float] = defaultdict(float)
    for q in FW.scored_questions(category):
        sums[q.step] += q.max_for(category)
    assert dict(sums) == expected


def test_weights_table_is_informational_and_differs_where_documented():
    """Reading 1: the "Weging" table says 24/24/40/40/50/24/24/24 (C, total 250), the questions
    themselves add up to 26/22/40/42/50/24/24/24 (total 252); the engine uses the questions."""

    def section_sum(sections: tuple[str, ...], category: str) -> float:
        return sum(
            q.max_for(category)
            for q in FW.scored_questions(category)
            if any(q.id.startswith(s + ".") or q.id == s for s in sections)
        )

    table = {row.sections: (row.b_points, row.c_points) for row in FW.meta.weights}
    assert table == {
        ("1.1",): (24, 24),
        ("1.2", "1.3"): (24, 24),
        ("2.1",): (28, 40),
        ("2.2", "2.3", "2.4"): (None, 40),
        ("3.1", "3.2", "3.3"): (None, 50),
        ("4.1", "4.2"): (None, 24),
        ("5.1", "5.2"): (24, 24),
        ("6.1", "6.2"): (None, 24),
    }
    questions_c = {sections: section_sum(sections, "C") for sections in table}
    assert questions_c == {
        ("1.1",): 26,  # 1 + 6 + 1 + 2 + 4 + 4 + 4 + 4
        ("1.2", "1.3"): 22,  # 6 + 4 + 4 + 4 + 4
        ("2.1",): 40,
        ("2.2", "2.3", "2.4"): 42,  # 8 + 6 + 8 + 4 + 8 + 8
        ("3.1", "3.2", "3.3"): 50,
        ("4.1", "4.2"): 24,
        ("5.1", "5.2"): 24,
        ("6.1", "6.2"): 24,
    }
    assert FW.meta.weights_total.c_points == 250
    assert sum(questions_c.values()) == 252
    assert FW.meta.weights_total.b_points == sum(q.max_b for q in FW.scored_questions("B"))


def test_every_question_resolves_to_exactly_one_variant_per_profile():
    for q in FW.scored_questions():
        source = FW.questions[q.criteria_from] if q.criteria_from else q
        for profile in ALL_PROFILES:
            matching = [
                v for v in source.criteria if profile.key in FW.audiences[v.audience].profiles
            ]
            assert len(matching) == 1, (q.id, profile.key)
            assert FW.criteria(q.id, profile) is matching[0]


@pytest.mark.parametrize(
    ("qid", "expected"),
    [
        # "Richtlijnen grote en middelgrote C-bedrijven" / "kleine C-bedrijven en alle B-bedrijven"
        (
            "1.1.5",
            {
                "B:small": "klein_c_en_alle_b",
                "B:medium_large": "klein_c_en_alle_b",
                "C:small": "klein_c_en_alle_b",
                "C:medium_large": "middelgroot_groot_c",
            },
        ),
        # "Richtlijnen grote en middelgrote bedrijven" / "Richtlijnen kleine bedrijven"
        (
            "1.1.10",
            {
                "B:small": "klein",
                "B:medium_large": "middelgroot_groot",
                "C:small": "klein",
                "C:medium_large": "middelgroot_groot",
            },
        ),
        # "Richtlijnen middelgrote en grote bedrijven" is the same audience (reading 10)
        (
            "5.2",
            {
                "B:small": "klein",
                "B:medium_large": "middelgroot_groot",
                "C:small": "klein",
                "C:medium_large": "middelgroot_groot",
            },
        ),
        # "Richtlijnen alle bedrijven die uit risicolanden importeren" / "... niet-risicolanden"
        (
            "5.1",
            {
                "B:small": "niet_risicolanden",
                "B:medium_large": "niet_risicolanden",
                "C:small": "risicolanden",
                "C:medium_large": "risicolanden",
            },
        ),
        # "Richtlijnen voor B-bedrijven" / "Richtlijnen voor C-bedrijven"
        (
            "2.1.1c",
            {
                "B:small": "niet_risicolanden",
                "B:medium_large": "niet_risicolanden",
                "C:small": "risicolanden",
                "C:medium_large": "risicolanden",
            },
        ),
        # 1.1.1 and 1.1.2 share 1.1.3's block "thema's uit vraag 1 t/m 3" (reading 2)
        (
            "1.1.1",
            dict.fromkeys(("B:small", "B:medium_large", "C:small", "C:medium_large"), "alle"),
        ),
    ],
)
def test_variant_chosen_per_profile(qid, expected):
    chosen = {p.key: FW.criteria(qid, p).audience for p in ALL_PROFILES}
    assert chosen == expected


def test_1_1_1_to_1_1_3_share_one_block_and_max_equals_their_themes():
    """Reading 2: one criteria block for 1.1.1-1.1.3, each question scores its own themes;
    the maxima 1/6/1 equal the number of priority themes (1 milieu, 6 sociaal, 1 governance)."""
    for qid, themes in (("1.1.1", 1), ("1.1.2", 6), ("1.1.3", 1)):
        q = FW.questions[qid]
        assert len(q.elements) == themes == q.max_b == q.max_c
    assert FW.questions["1.1.1"].criteria_from == "1.1.3"
    assert FW.questions["1.1.2"].criteria_from == "1.1.3"
    # "De meeste" = more than half: 4 of the 6 social themes.
    rule = FW.questions["1.1.2"].rules["alle"]
    assert rule.gedeeltelijk[0].majority and rule.gedeeltelijk[0].required == 4


def test_rules_refer_only_to_elements_and_groups_that_exist():
    checked = 0
    for q in FW.scored_questions():
        groups = {g.key for g in q.element_groups}
        for rule in q.rules.values():
            for condition in (*rule.gedeeltelijk, *rule.ja):
                assert all(1 <= n <= len(q.elements) for n in condition.of), q.id
                assert condition.required <= len(condition.of)
                if groups:
                    assert condition.group in groups, q.id
                else:
                    assert condition.group is None, q.id
                checked += 1
    assert checked > 60


def test_rules_cover_every_variant_except_the_two_documented_questions():
    """Reading 9: 1.1.4 has no numbered elements and 3.2.3's elements are examples of leverage
    while its criteria judge the action plan, so neither has a rule; all others have one per
    variant audience."""
    without_rules = {q.id for q in FW.scored_questions() if q.kind == "choice" and not q.rules}
    assert without_rules == {"1.1.4", "3.2.3"}
    assert FW.questions["1.1.4"].elements == ()
    for q in FW.scored_questions():
        if q.rules:
            source = FW.questions[q.criteria_from] if q.criteria_from else q
            assert set(q.rules) == {v.audience for v in source.criteria}, q.id


def test_nvt_exactly_on_the_questions_that_start_with_als_je():
    allowed = {q.id for q in FW.scored_questions() if q.nvt_allowed}
    starts_with_als_je = {q.id for q in FW.scored_questions() if q.text.startswith("Als je")}
    assert allowed == starts_with_als_je == set(NVT_IDS)


def test_core_questions():
    """Reading 15: "Kernvraag niveau 4 en 5" counts for C4 and C5, "Kernvraag niveau 5" for C5."""
    level4 = ["3.1.1", "3.1.2", "3.3.7", "4.1.1"]
    level5_only = ["3.2.3", "3.2.5", "4.2.3"]
    assert [q.id for q in FW.core_questions([4], "C")] == level4
    assert [q.id for q in FW.core_questions([4, 5], "C")] == sorted(
        level4 + level5_only, key=SCORED_IDS.index
    )
    assert FW.core_questions([4, 5], "B") == []


def test_levels_are_the_seeds_table():
    """ "Niveau C3 Bedrijf heeft inzicht in 60% groeves en 100% fabrieken ... ten minste 60%"."""
    table = {
        lv.id: (lv.quarry_insight_min, lv.factory_insight_min, lv.score_min, lv.core_levels)
        for category in ("B", "C")
        for lv in FW.levels[category]
    }
    assert table == {
        "B1": (20, 50, 20, ()),
        "B2": (50, 75, 50, ()),
        "B3": (75, 100, 75, ()),
        "B4": (90, 100, 90, ()),
        "C1": (20, 50, 20, ()),
        "C2": (40, 75, 40, ()),
        "C3": (60, 100, 60, ()),
        "C4": (75, 100, 75, (4,)),  # "Kernvragen niveau 4"
        "C5": (90, 100, 90, (4, 5)),  # "Kernvragen niveau 5"
    }
    # "een puntenaantal hoger dan 200" applies to C5 only.
    assert {lv.id: lv.points_above for lv in FW.meta.levels if lv.points_above} == {"C5": 200}
    assert [lv.rank for lv in FW.levels["C"]] == [1, 2, 3, 4, 5]


def test_insight_questions_scoring_and_small_company_rule():
    # Reading 14: quarries ("groeves") = 2.1.1c, factories ("fabrieken") = 2.1.1b.
    assert (FW.meta.insight.quarry_question, FW.meta.insight.factory_question) == (
        "2.1.1c",
        "2.1.1b",
    )
    # "Wanneer een bedrijf gedeeltelijk aan een vraag voldoet krijgt het de helft"
    assert FW.meta.scoring.partial_fraction == 0.5
    # Reading 18: "kleine bedrijven (<25 werknemers en ≤5 mln omzet)"
    rule = FW.meta.small_company
    assert (rule.employees_below, rule.revenue_at_most_eur) == (25, 5_000_000)


BANDS = {
    # "Richtlijnen voor alle bedrijven: 0<50% 0 punten 50<75% 4 punten 75<100% 6 punten 100% 8"
    ("2.1.1a", "alle"): [("0<50%", 0, 50, 0), ("50<75%", 50, 75, 4), ("75<100%", 75, 100, 6),
                         ("100%", 100, None, 8)],
    ("2.1.1b", "alle"): [("0<50%", 0, 50, 0), ("50<75%", 50, 75, 4), ("75<100%", 75, 100, 7),
                         ("100%", 100, None, 10)],
    # "Richtlijnen voor B-bedrijven": 0-20% 0, 20<50% 3, 50<75% 6, 75<90% 8, ≥90% 10
    ("2.1.1c", "niet_risicolanden"): [("0-20%", 0, 20, 0), ("20<50%", 20, 50, 3),
                                      ("50<75%", 50, 75, 6), ("75<90%", 75, 90, 8),
                                      ("≥90%", 90, None, 10)],
    # "Richtlijnen voor C-bedrijven": 0<20% 0, 20<40% 2, 40<60% 4, 60-75% 6, 75-90% 8, ≥90% 10
    ("2.1.1c", "risicolanden"): [("0<20%", 0, 20, 0), ("20<40%", 20, 40, 2),
                                 ("40<60%", 40, 60, 4), ("60-75%", 60, 75, 6),
                                 ("75-90%", 75, 90, 8), ("≥90%", 90, None, 10)],
}  # fmt: skip


def test_band_tables_are_the_seeds():
    """Reading 3: each band is min <= x < below; the last one runs to 100 inclusive."""
    actual = {
        (q.id, v.audience): [(b.label, b.min, b.below, b.points) for b in v.bands]
        for q in FW.scored_questions()
        if q.kind == "band"
        for v in q.criteria
    }
    assert actual == BANDS


def test_percentage_question_thresholds_are_read_from_their_own_criteria_texts():
    """Reading 4: "Overzicht van risico's in 25 – 75% van de fabrieken" is Gedeeltelijk from 25
    (inclusive), "meer dan 75%" is Ja; the numbers differ per question and size."""
    found = {}
    for q in FW.scored_questions():
        if q.kind != "percentage":
            continue
        for v in q.criteria:
            low, high = re.search(r"(\d+) – (\d+)%", v.gedeeltelijk).groups()
            (above,) = re.search(r"meer dan (\d+)%", v.ja).groups()
            assert high == above
            assert (v.gedeeltelijk_from, v.ja_above) == (float(low), float(high))
            found[q.id, v.audience] = (v.gedeeltelijk_from, v.ja_above)
    assert found == {
        ("2.2.4a", "middelgroot_groot"): (25, 75),
        ("2.2.4a", "klein"): (25, 50),
        ("2.2.4b", "middelgroot_groot"): (40, 60),
        ("2.2.4b", "klein"): (25, 50),
        ("2.3.7", "alle"): (25, 50),
    }


def test_sections_step_5_has_none():
    """Reading 13: step 5 has no sections; its questions are 5.1 and 5.2."""
    sections = {step.number: [s.id for s in step.sections] for step in FW.steps}
    assert sections == {
        1: ["1.1", "1.2", "1.3"],
        2: ["2.1", "2.2", "2.3", "2.4"],
        3: ["3.1", "3.2", "3.3"],
        4: ["4.1", "4.2"],
        5: [],
        6: ["6.1", "6.2"],
    }
    assert [q.id for q in FW.steps[4].questions] == ["5.1", "5.2"]
    assert all(q.section is None for q in FW.steps[4].questions)
