"""The bank classes behave as frozen dataclasses, though their methods are written once."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from trustone_tui.framework.model import Band, ElementCondition, ElementRule, Question
from trustone_tui.store.bankcache import default_framework


def band(**changes) -> Band:
    return Band(**{"label": "40-60%", "min": 40, "below": 60, "points": 2} | changes)


def test_fields_are_set_once_and_never_again():
    row = band()
    with pytest.raises(dataclasses.FrozenInstanceError):
        row.points = 5
    with pytest.raises(dataclasses.FrozenInstanceError):
        row.extra = 1  # not a field either
    with pytest.raises(dataclasses.FrozenInstanceError):
        del row.label
    assert row.points == 2


def test_equality_and_hash_are_those_of_the_fields():
    assert band() == band() and hash(band()) == hash(band())
    assert band() != band(points=3)
    assert len({band(), band(), band(min=0)}) == 2
    condition = ElementCondition(of=(1, 2))
    assert ElementRule(ja=(condition,)) == ElementRule(ja=(condition,))
    assert band() != ElementCondition(of=(1,))  # another class is never equal
    assert band().__eq__(("40-60%", 40, 60, 2)) is NotImplemented


def test_a_class_with_a_dict_field_has_no_hash_like_a_frozen_dataclass():
    question = next(iter(default_framework().questions.values()))
    assert isinstance(question.rules, dict)
    with pytest.raises(TypeError, match="unhashable"):
        hash(question)


def test_repr_lists_the_fields():
    assert repr(band()) == "Band(label='40-60%', min=40, below=60, points=2)"


def test_replace_makes_a_new_checked_copy():
    assert dataclasses.replace(band(), points=3) == band(points=3)
    with pytest.raises(ValueError, match="points must be at least 0, got -1"):
        dataclasses.replace(band(), points=-1)


def test_the_whole_bank_survives_pickling_unchanged():
    framework = default_framework()
    copy = pickle.loads(pickle.dumps(framework))
    for question_id, question in framework.questions.items():
        assert isinstance(copy.questions[question_id], Question)
        assert copy.questions[question_id] == question
    assert copy.meta == framework.meta
