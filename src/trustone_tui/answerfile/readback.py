"""The check that the bytes about to be saved read back as a valid answer file.

Every save checks its bytes before they replace the file. Reading back a whole file with a
large register would cost every save about a quarter of a millisecond per flow, so the
register's flows are checked one by one, each only the first time its text is written (a flow
is immutable and its text is kept, :func:`~trustone_tui.answerfile.write.flow_lines`), and the
rest of the file is read back whole as before.
"""

from __future__ import annotations

import tomllib
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from trustone_tui.answerfile.crosscheck import register_from
from trustone_tui.answerfile.read import AnswerFileError, parse_session
from trustone_tui.answerfile.validate import FLOW, MAX_REGISTER_FLOWS, Invalid, check_table
from trustone_tui.answerfile.write import dump_session, flow_lines
from trustone_tui.engine.register import Flow
from trustone_tui.engine.session import Session

if TYPE_CHECKING:
    from trustone_tui.framework.bank import Framework

#: Below this many flows the whole file is simply read back.
SMALL_REGISTER = 100


def check_readback(session: Session, data: bytes, framework: Framework) -> None:
    """Raise :class:`AnswerFileError` when ``data`` (``dump_session(session)``) would not read
    back as a valid answer file."""
    register = session.register
    if register is None or len(register.flows) <= SMALL_REGISTER:
        parse_session(data, "", framework)
        return
    if len(register.flows) > MAX_REGISTER_FLOWS:
        parse_session(data, "", framework)  # refused there, with the file's own words
        return
    parse_session(dump_session(replace(session, register=None), framework), "", framework)
    for index, flow in enumerate(register.flows):
        problems = flow_checks(flow, framework)
        if problems:
            raise AnswerFileError([f": register.ketens[{index}]{p}" for p in problems])


@lru_cache(maxsize=8192)
def flow_checks(flow: Flow, framework: Framework) -> tuple[str, ...]:
    """What is wrong with the flow's written text read back ((): nothing)."""
    text = "\n".join(flow_lines(flow)) + "\n"
    try:
        table = tomllib.loads(text)["register"]["ketens"][0]
        checked = check_table(table, FLOW)
    except (tomllib.TOMLDecodeError, KeyError, IndexError) as exc:
        return (f": cannot be read back ({exc})",)
    except Invalid as exc:
        return tuple(f".{'.'.join(map(str, p.where))}: {p.message}" for p in exc.problems)
    read, problems = register_from({"eenheid": flow.eenheid, "ketens": [checked]}, framework)
    if problems:
        return tuple(p.removeprefix("register.ketens[0]") for p in problems)
    if read is None or read.flows != (flow,):
        return (": reads back different from what was written",)
    return ()
