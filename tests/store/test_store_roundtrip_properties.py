"""Property tests: any text a person can type survives save -> load exactly, byte for byte.

Notes, names and the other free-text fields get quotes, backslashes, control characters,
emoji, CRLF and very long text; answers kept for unknown questions get arbitrary TOML values.
"""

from __future__ import annotations

import datetime as dt
import tomllib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trustone_tui.answerfile import tomlwrite
from trustone_tui.answerfile.read import parse_session
from trustone_tui.answerfile.write import dump_session
from trustone_tui.engine.actions import ACTION_STATUSES, Action, ProgressEntry
from trustone_tui.engine.register import INVOLVEMENTS, RELATIONS, UNITS, Flow, Register
from trustone_tui.engine.session import (
    MAX_REVENUE_EUR,
    Company,
    Interview,
    QuestionAnswer,
    Session,
)
from trustone_tui.store.bankcache import default_framework
from trustone_tui.store.sessions import open_session, save_as

FRAMEWORK = default_framework()
CHOICE_IDS = [q.id for q in FRAMEWORK.questions.values() if q.kind == "choice"]

TRICKY = [
    '"',
    "'",
    '"""',
    "'''",
    "\\",
    "\\n",
    "\r",
    "\n",
    "\r\n",
    "\t",
    "\x00",
    "\x08",
    "\x1b",
    "\x7f",
    "\u2028",
    "\ufeff",
    "🪨",
    "👩🏽‍🔧",
    "é",
    "ﬁ",
    " ",
    "#",
    "=",
    "[",
    "]",
]

tricky_text = st.lists(st.one_of(st.sampled_from(TRICKY), st.text(max_size=8)), max_size=30).map(
    "".join
)
long_text = st.builds(lambda part, n: part * n, tricky_text, st.integers(200, 1000))
any_text = st.one_of(st.text(), tricky_text, long_text)


@st.composite
def answers(draw):
    chosen = draw(st.lists(st.sampled_from(CHOICE_IDS), unique=True, max_size=6))
    out = {}
    for qid in chosen:
        question = FRAMEWORK.questions[qid]
        word = draw(
            st.sampled_from(["nee", "gedeeltelijk", "ja", *(["nvt"] * question.nvt_allowed)])
        )
        out[qid] = QuestionAnswer(
            answer=draw(st.one_of(st.none(), st.just(word))),
            note=draw(any_text),
            follow_up=draw(st.booleans()),
        )
    percentage = draw(st.one_of(st.none(), st.floats(0, 100)))
    if percentage is not None:
        out["2.1.1a"] = QuestionAnswer(percentage=percentage, note=draw(tricky_text))
    # Empty answers are not stored (Session.with_answer drops them), so none are generated.
    return {q: out[q] for q in FRAMEWORK.questions if q in out and not out[q].is_empty}


toml_scalars = st.one_of(
    st.text(),
    tricky_text,
    st.booleans(),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    st.dates(),
    st.times(),
    st.datetimes(timezones=st.one_of(st.none(), st.just(dt.UTC))),
)
toml_values = st.recursive(
    toml_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(tricky_text, inner, max_size=3)
    ),
    max_leaves=8,
)


COUNTRY_CODES = st.sampled_from(["", *sorted(c.code for c in FRAMEWORK.countries)])
dates = st.dates(dt.date(1990, 1, 1), dt.date(2200, 1, 1))


@st.composite
def registers(draw):
    unit = draw(st.sampled_from(UNITS))
    flows = draw(
        st.lists(
            st.builds(
                # Flow's own signature (builds() would ask every field of a named tuple).
                lambda **columns: Flow(**columns),
                steentype=any_text.filter(bool),
                kleur=tricky_text,
                hoeveelheid=st.floats(min_value=1e-6, max_value=1e12),
                eenheid=st.just(unit),
                circulair=st.booleans(),
                eerste_schakel=tricky_text,
                eerste_schakel_adres=tricky_text,
                eerste_schakel_land=COUNTRY_CODES,
                fabriek=tricky_text,
                fabriek_land=COUNTRY_CODES,
                fabriek_relatie=st.one_of(st.none(), st.sampled_from(RELATIONS)),
                fabriek_risico_overzicht=st.booleans(),
                groeve_adres=tricky_text,
                groeve_land=COUNTRY_CODES,
                betrokkenheid=st.one_of(st.none(), st.sampled_from(INVOLVEMENTS)),
            ),
            max_size=4,
        )
    )
    return Register(unit, tuple(flows))


@st.composite
def action_lists(draw):
    count = draw(st.integers(0, 3))
    actions = []
    for number in range(1, count + 1):
        progress = sorted(draw(st.lists(dates, max_size=3)))
        actions.append(
            Action(
                id=f"A{number}",
                text=draw(any_text.filter(bool)),
                questions=tuple(draw(st.lists(st.sampled_from(CHOICE_IDS), max_size=3))),
                owner=draw(tricky_text),
                due=draw(dates),
                status=draw(st.sampled_from(ACTION_STATUSES)),
                progress=tuple(ProgressEntry(d, draw(tricky_text.filter(bool))) for d in progress),
                created=draw(st.one_of(st.none(), dates)),
            )
        )
    return tuple(actions)


@st.composite
def sessions(draw):
    orphaned = draw(st.booleans())
    orphans = {}
    if orphaned:
        orphans = draw(
            st.dictionaries(
                tricky_text.filter(lambda k: k not in FRAMEWORK.questions),
                st.dictionaries(tricky_text, toml_values, max_size=3),
                max_size=3,
            )
        )
    return Session(
        company=Company(
            name=draw(any_text.filter(bool)),
            imports_from_risk_countries=draw(st.booleans()),
            employees=draw(st.integers(0, 10_000)),
            revenue_eur=draw(st.integers(0, MAX_REVENUE_EUR)),
        ),
        answers=draw(answers()),
        interview=Interview(
            interviewer=draw(any_text),
            date=draw(st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2200, 1, 1)))),
            previous_file=draw(st.one_of(st.none(), tricky_text)),
            last_question=draw(st.one_of(st.none(), st.sampled_from(CHOICE_IDS))),
        ),
        framework_version="0.9-oud" if orphaned else FRAMEWORK.version,
        orphans=dict(sorted(orphans.items())),
        register=draw(st.one_of(st.none(), registers())),
        actions=draw(action_lists()),
    )


@settings(max_examples=150, deadline=None)
@given(sessions())
def test_dump_then_parse_is_exact_and_dump_is_stable(session):
    data = dump_session(session, FRAMEWORK)
    again = parse_session(data, "prop", FRAMEWORK)
    assert again == session
    assert dump_session(again, FRAMEWORK) == data


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(tricky_text, toml_values, max_size=4))
def test_the_writer_round_trips_any_toml_table(table):
    assert tomllib.loads(tomlwrite.dumps(table)) == table


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(sessions(), sessions())
def test_save_and_reopen_through_the_store_is_exact(tmp_path, first, second):
    path = tmp_path / "prop.toml"
    path.unlink(missing_ok=True)
    with save_as(first, FRAMEWORK, path) as created:
        created.save(second)
    data = path.read_bytes()
    assert data == dump_session(second, FRAMEWORK)
    with open_session(path, FRAMEWORK) as opened:
        assert opened.session == second
        opened.save(opened.session)
    assert path.read_bytes() == data


@settings(max_examples=300, deadline=None)
@given(st.one_of(any_text, tricky_text))
def test_a_note_round_trips_exactly_and_stays_readable(note):
    """CR, CRLF, quotes, backslashes and control characters come back byte for byte; each line
    break of a note is a line break in the file (a multi-line string), not an escaped ``\\n``."""
    text = tomlwrite.dumps({"note": note})
    assert tomllib.loads(text) == {"note": note}
    if "\n" in note:
        assert text.startswith('note = """\n')
        assert text.count("\n") == note.count("\n") + 2  # after the opening quotes; at the end
    else:
        assert text.count("\n") == 1


def test_a_multi_line_note_is_written_as_its_lines():
    text = tomlwrite.dumps({"note": 'Regel 1\nRegel "2"\r\nRegel\t3\n'})
    assert text == 'note = """\nRegel 1\nRegel \\"2\\"\\r\nRegel\\t3\n"""\n'


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(tricky_text, toml_values, max_size=4))
def test_writing_what_was_read_from_our_own_file_gives_the_same_bytes(table):
    text = tomlwrite.dumps(table)
    assert tomlwrite.dumps(tomllib.loads(text)) == text


@settings(max_examples=60, deadline=None)
@given(sessions())
def test_the_register_written_from_its_kept_text_is_the_table_written_whole(session):
    from trustone_tui.answerfile.write import session_document

    assert dump_session(session, FRAMEWORK) == tomlwrite.dumps(
        session_document(session, FRAMEWORK)
    ).encode("utf-8")
