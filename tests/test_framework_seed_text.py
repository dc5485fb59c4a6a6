"""Every text the app shows from the framework occurs verbatim in the seed (whitespace-normalised).

``tests/data/beoordelingskader.txt`` is a byte-for-byte copy of the seed text (the PDF's text);
:func:`proof_helpers.normalise_seed` documents exactly what is normalised.
"""

from __future__ import annotations

import pytest

from proof_helpers import FW, SEED_PATH, normalise, normalise_seed, seed_text

SEED = seed_text()


def missing(text: str) -> bool:
    return normalise(text) not in SEED


def test_seed_copy_is_the_specification():
    data = SEED_PATH.read_bytes()
    assert len(data) == 97_869
    assert data.startswith(b" Inleiding")


def test_normalise_seed_drops_page_numbers_and_link_annotations_and_joins_hyphen_breaks():
    text = (
        "Bepaal wat het aandeel is \n\n\n\n18 \n \n\nvan gebruikte materialen\n"
        "Meer informatie: Shift-rapport:  \n"
        "https://shiftproject.org/resource/identifying-and-\nprioritizing-risks/ \n"
        "\n"
        "vakbonden \n\nhttps://example.org/a\nhttps://example.org/a\n en experts\n"
        "het internationaal MVO-\n\nbeleid (recycling/upcycling) - \nin je inkoop"
    )
    assert normalise_seed(text) == (
        "Bepaal wat het aandeel is van gebruikte materialen "
        "Meer informatie: Shift-rapport: "
        "https://shiftproject.org/resource/identifying-and-prioritizing-risks/ "
        "vakbonden en experts "
        "het internationaal MVO-beleid (recycling/upcycling) - in je inkoop"
    )


def test_every_guidance_text_occurs_in_the_seed_whole():
    """All guidance is one verbatim stretch of the seed, except 5.1 (reading 11)."""
    not_whole = [q.id for q in FW.questions.values() if missing(q.guidance)]
    assert not_whole == ["5.1"]


def test_every_guidance_paragraph_occurs_in_the_seed():
    for q in FW.questions.values():
        for paragraph in q.guidance.split("\n\n"):
            assert not missing(paragraph), (q.id, paragraph[:80])


def test_5_1_explanation_for_non_risk_importers_is_moved_to_the_end():
    """Reading 11: in the seed the text for companies that only import from non-risk countries
    stands between 5.1's two criteria blocks; the bank keeps it at the end of the guidance."""
    guidance = FW.questions["5.1"].guidance
    head, tail = guidance.rsplit("\n\n", 1)
    assert tail.startswith("Ook als je niet uit risicolanden importeert")
    assert not missing(head) and not missing(tail)
    criteria_risk = FW.questions["5.1"].criteria[0]
    block = normalise(f"Gedeeltelijk: {criteria_risk.gedeeltelijk} Ja: {criteria_risk.ja}")
    assert SEED.index(block) < SEED.index(normalise(tail))


def test_heat_map_figure_of_2_4_8_is_not_in_the_text():
    guidance = normalise(FW.questions["2.4.8"].guidance)
    assert "‘heat map’ tegen elkaar worden afgezet" in guidance
    assert "zoals de rode vakken in de heat map laten zien." in guidance


def texts_of_questions():
    for q in FW.questions.values():
        yield f"{q.id} text", q.text
        if q.elements_heading:
            yield f"{q.id} elements_heading", q.elements_heading
        for number, element in enumerate(q.elements, start=1):
            yield f"{q.id} element {number}", element
        for v in q.criteria:
            yield f"{q.id} {v.audience} heading", v.heading
            for word in ("nee", "gedeeltelijk", "ja"):
                if getattr(v, word) is not None:
                    yield f"{q.id} {v.audience} {word}", getattr(v, word)
            for band in v.bands:
                yield f"{q.id} {v.audience} band", band.label


def texts_of_steps_and_framework():
    for step in FW.steps:
        yield f"step {step.number} title", step.title
        yield f"step {step.number} introduction", step.introduction
        for resources in step.resources:
            yield f"step {step.number} resources", resources.heading
            for item in resources.items:
                yield f"step {step.number} resource", item
        for section in step.sections:
            yield f"section {section.id}", section.title
    meta = FW.meta
    yield "scoring", meta.scoring.text
    yield "small_company", meta.small_company.text
    yield "timeline delay", meta.timeline.delay_text
    yield "timeline exceptions", meta.timeline.exceptions_text
    yield "frequency", meta.frequency.text
    yield "frequency limited", meta.frequency.limited_text
    # The level table's lead-ins ("Voor bedrijven die ... gelden de volgende niveaus"), capitalised.
    for category in ("B", "C"):
        description = meta.categories[category].description
        yield f"category {category}", description[0].lower() + description[1:]


@pytest.mark.parametrize("source", [texts_of_questions, texts_of_steps_and_framework])
def test_every_other_text_occurs_in_the_seed(source):
    texts = list(source())
    assert len(texts) > 20
    assert [label for label, text in texts if missing(text)] == []


def test_the_check_can_fail():
    assert missing("Alle thema’s uit vraag 1 t/m 4 worden in de beleidsverklaring genoemd")
    assert not missing("Alle thema’s uit vraag 1 t/m 3 worden in de beleidsverklaring genoemd")
