"""Plain-text helpers: the one way text is shortened, and a question's first sentence."""

from __future__ import annotations

from trustone_tui.text.plain import clip, first_sentence


def test_short_text_is_kept_with_its_spaces_collapsed():
    assert clip("Analyses  van\nketen", 30) == "Analyses van keten"
    assert clip("x" * 30, 30) == "x" * 30


def test_long_text_is_cut_before_the_word_the_width_splits():
    text = "Betrek je (interne en/of externe) experts en stakeholders bij het proces?"
    assert clip(text, 40) == "Betrek je (interne en/of externe)…"
    assert len(clip(text, 40)) <= 40


def test_a_word_that_ends_at_the_width_is_kept():
    title = "Analyses van keten, gebruikte grondstoffen"
    assert clip(title, 30) == "Analyses van keten, gebruikte…"


def test_punctuation_before_the_ellipsis_is_dropped():
    assert clip("Monitoring en verificatie; van de keten", 27) == "Monitoring en verificatie…"


def test_a_long_word_is_cut_at_the_width():
    assert clip("Natuursteenimportmaatschappij B.V.", 12) == "Natuursteen…"
    assert clip("A Natuursteenimportmaatschappij", 12) == "A Natuurste…"


def test_first_sentence_ends_at_a_question_or_full_stop():
    text = "Worden ze geraadpleegd? Het overzicht volgt."
    assert first_sentence(text) == "Worden ze geraadpleegd?"
    assert first_sentence("Eerste zin. Tweede zin?") == "Eerste zin."
    assert first_sentence("Geen einde") == "Geen einde"
