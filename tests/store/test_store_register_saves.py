"""Saving a session with a large register: the flows are checked once, the file stays exact."""

from __future__ import annotations

from dataclasses import replace

import pytest

from trustone_tui.answerfile.read import parse_session
from trustone_tui.answerfile.readback import SMALL_REGISTER, check_readback, flow_checks
from trustone_tui.answerfile.write import dump_session
from trustone_tui.engine.register import Flow, Register
from trustone_tui.engine.session import QuestionAnswer
from trustone_tui.store.sessions import InvalidSessionError, open_session, save_as


def flows(count: int, **changes) -> tuple[Flow, ...]:
    return tuple(
        Flow(
            steentype=f"Graniet {i % 7}",
            kleur="grijs",
            hoeveelheid=10.0 + i,
            eenheid="ton",
            fabriek=f"Fabriek {i % 13}",
            fabriek_adres="Xiamen",
            fabriek_land=changes.get("fabriek_land", "CN") if i == count - 1 else "CN",
            groeve_land="IN",
        )
        for i in range(count)
    )


@pytest.mark.parametrize("count", [3, SMALL_REGISTER + 50])
def test_a_session_with_a_register_saves_and_reopens_exactly(framework, demo, tmp_path, count):
    session = replace(demo, register=Register("ton", flows(count)))
    path = tmp_path / "keten.toml"
    with save_as(session, framework, path) as opened:
        changed = session.with_answer("1.1.4", QuestionAnswer(answer="nee"))
        opened.save(changed)
    assert path.read_bytes() == dump_session(changed, framework)
    with open_session(path, framework) as again:
        assert again.session == changed


@pytest.mark.parametrize("count", [3, SMALL_REGISTER + 50])
def test_a_flow_that_would_not_read_back_is_never_saved(framework, demo, tmp_path, count):
    bad = replace(demo, register=Register("ton", flows(count, fabriek_land="QQ")))
    path = tmp_path / "keten.toml"
    with pytest.raises(InvalidSessionError) as caught:
        save_as(bad, framework, path)
    assert f"register.ketens[{count - 1}].fabriek_land: 'QQ' is not a known country code" in str(
        caught.value
    )
    assert not path.exists()


def test_the_flows_of_a_large_register_are_read_back_once(framework, demo):
    """A second save of the same flows checks none of them again (the kept checks are asked,
    and none is made anew); the file is still read back exactly."""
    session = replace(demo, register=Register("ton", flows(1500)))
    data = dump_session(session, framework)
    check_readback(session, data, framework)
    made = flow_checks.cache_info().misses
    edited = replace(session, answers={})
    check_readback(edited, dump_session(edited, framework), framework)
    assert flow_checks.cache_info().misses == made
    assert parse_session(data, "x", framework) == session
