"""A small TOML writer for answer files: stable layout, readable notes, exact round trips.

``tomli_w`` turns a CRLF inside a multi-line string into LF, which would silently change a note;
this writer escapes every carriage return, so ``tomllib.loads(dumps(doc)) == doc`` always holds
for the value types it accepts (str, bool, int, finite float, date, datetime, time, lists
and dicts).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from typing import Any

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\b": "\\b", "\t": "\\t", "\f": "\\f", "\r": "\\r"}


def _escape_char(ch: str, multiline: bool) -> str:
    if ch == "\n":
        return "\n" if multiline else "\\n"
    if ch in _ESCAPES:
        return _ESCAPES[ch]
    if ord(ch) < 0x20 or ord(ch) == 0x7F:
        return f"\\u{ord(ch):04x}"
    return ch


def string(value: str, *, multiline_allowed: bool = True) -> str:
    """A basic string; multi-line (still exact) when it holds a newline and that is allowed."""
    multiline = multiline_allowed and "\n" in value
    body = "".join(_escape_char(ch, multiline) for ch in value)
    return f'"""\n{body}"""' if multiline else f'"{body}"'


def key(name: str) -> str:
    """A bare key, or a quoted one on a single line (TOML keys cannot be multi-line)."""
    return name if _BARE_KEY.fullmatch(name) else string(name, multiline_allowed=False)


def scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"cannot write {value} to an answer file")
        return str(int(value)) if value.is_integer() and abs(value) < 2**53 else repr(value)
    if isinstance(value, str):
        return string(value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "[" + ", ".join(scalar(v) for v in value) + "]"
    if isinstance(value, Mapping):
        if not value:
            return "{}"
        return "{ " + ", ".join(f"{key(k)} = {scalar(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"cannot write {type(value).__name__} to TOML")


class Rendered:
    """A table already written as lines by this module (header included), emitted as it is
    where the table would be: a large part that rarely changes is then written once."""

    __slots__ = ("lines",)

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines


def array_table_lines(path: tuple[str, ...], item: Mapping[str, Any]) -> list[str]:
    """One table of an array of tables, as :func:`dumps` writes it (a blank line first)."""
    lines = ["", "[[" + ".".join(key(p) for p in path) + "]]"]
    lines.extend(f"{key(name)} = {scalar(value)}" for name, value in item.items())
    return lines


def _is_table_array(value: Any) -> bool:
    return (
        isinstance(value, list | tuple)
        and bool(value)
        and all(isinstance(v, Mapping) for v in value)
    )


def _emit_table(lines: list[str], path: list[str], table: Mapping[str, Any], depth: int) -> None:
    """Scalars first, then sub-tables, then arrays of tables (the order TOML requires)."""
    subtables = []
    arrays = []
    body = []
    for name, value in table.items():
        if isinstance(value, Rendered) or (
            isinstance(value, Mapping)
            and (depth < 2 or any(isinstance(v, Mapping) for v in value.values()))
        ):
            subtables.append((name, value))
        elif _is_table_array(value):
            arrays.append((name, value))
        else:
            body.append(f"{key(name)} = {scalar(value)}")
    if path and (body or not (subtables or arrays)):
        lines.append("")
        lines.append("[" + ".".join(key(p) for p in path) + "]")
    lines.extend(body)
    for name, value in subtables:
        if isinstance(value, Rendered):
            lines.extend(value.lines)
        else:
            _emit_table(lines, [*path, name], value, depth + 1)
    for name, items in arrays:
        for item in items:
            lines.extend(array_table_lines((*path, name), item))


def dumps(document: Mapping[str, Any]) -> str:
    """Serialise ``document`` as TOML text ending in a newline."""
    lines: list[str] = []
    _emit_table(lines, [], document, 0)
    return "\n".join(lines).lstrip("\n") + "\n"
