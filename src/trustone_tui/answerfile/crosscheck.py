"""The register and the plan of action of a validated file, checked against the bank.

:mod:`~trustone_tui.answerfile.validate` checks each table on its own (keys, types, ranges);
what needs the question bank or the countries is checked here: a country code that names no
country, an action serving a question the bank does not have (or a header), two actions with
one id, progress notes out of date order. Each problem is one ``.key.path: message`` suffix of
its place, like :func:`~trustone_tui.answerfile.validate.check_answer`'s.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from trustone_tui.answerfile.validate import key_path
from trustone_tui.engine.actions import Action, ProgressEntry
from trustone_tui.engine.register import Flow, Register

if TYPE_CHECKING:
    from trustone_tui.framework.bank import Framework

COUNTRY_COLUMNS = ("eerste_schakel_land", "fabriek_land", "groeve_land")


def register_from(
    table: Mapping[str, Any], framework: Framework
) -> tuple[Register | None, list[str]]:
    """The register of a validated ``[register]`` table, or None and its problems."""
    unit = table["eenheid"]
    countries = framework.countries
    problems: list[str] = []
    flows: list[Flow] = []
    for index, flow in enumerate(table.get("ketens", ())):
        for column in COUNTRY_COLUMNS:
            code = flow.get(column)
            if code is not None and code not in countries:
                place = key_path(("register", "ketens", index, column))
                problems.append(f"{place}: {code!r} is not a known country code")
        if not problems:
            flows.append(Flow(eenheid=unit, **{"kleur": "", **flow}))
    if problems:
        return None, problems
    return Register(unit, tuple(flows)), []


def actions_from(
    tables: Sequence[Mapping[str, Any]], framework: Framework, same_bank: bool
) -> tuple[tuple[Action, ...], list[str]]:
    """The actions of validated ``[[actions]]`` tables, and their problems.

    Question ids are checked only when the file was made with this bank (``same_bank``): an
    action of another framework version keeps ids this bank may not know.
    """
    problems: list[str] = []
    seen: dict[str, int] = {}
    actions: list[Action] = []
    for index, table in enumerate(tables):
        where = ("actions", index)
        first = seen.setdefault(table["id"], index)
        if first != index:
            problems.append(
                f"{key_path((*where, 'id'))}: {table['id']!r} is also the id of actions[{first}]"
            )
        questions = table.get("questions", ())
        for position, qid in enumerate(questions):
            question = framework.questions.get(qid)
            place = key_path((*where, "questions", position))
            if question is None and same_bank:
                problems.append(f"{place}: unknown question id {qid!r}")
            elif question is not None and question.kind == "header":
                problems.append(f"{place}: {qid} groups other questions and is not answered")
        progress = tuple(ProgressEntry(**entry) for entry in table.get("progress", ()))
        for position in range(1, len(progress)):
            if progress[position].date < progress[position - 1].date:
                place = key_path((*where, "progress", position, "date"))
                problems.append(f"{place}: progress notes go in date order, newest last")
                break
        actions.append(Action(**{**table, "questions": tuple(questions), "progress": progress}))
    return (tuple(actions), problems) if not problems else ((), problems)
