"""Validate the bank's TOML tables into :mod:`~trustone_tui.framework.model` with pydantic.

The only module of the bank that imports pydantic: it runs when the bank is read from its files,
not when a validated copy comes from :mod:`~trustone_tui.store.bankcache`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from pydantic import TypeAdapter, ValidationError

T = TypeVar("T")

#: pydantic's wording for a dataclass, put the way a person editing a TOML file reads it.
_MESSAGES = {"unexpected_keyword_argument": "unknown key"}
_VALUE_ERROR_PREFIX = "Value error, "


_ADAPTERS: dict[type[Any], TypeAdapter[Any]] = {}


def _adapter(cls: type[T]) -> TypeAdapter[T]:
    """One adapter per class (building one costs more than validating a table)."""
    adapter = _ADAPTERS.get(cls)
    if adapter is None:
        adapter = _ADAPTERS[cls] = TypeAdapter(cls)
    return adapter


def validate_table(cls: type[T], data: Any, path: Path) -> tuple[T | None, list[str]]:
    """``data`` as a ``cls``, or None and one line per problem (``file: key.path: message``)."""
    try:
        return _adapter(cls).validate_python(data), []
    except ValidationError as exc:
        return None, validation_lines(path, exc, data)


def validation_lines(path: Path, error: ValidationError, data: Any) -> list[str]:
    """One readable line per pydantic error: ``file: key.path: message``."""
    lines = []
    for err in error.errors(include_url=False):
        message = _MESSAGES.get(err["type"], err["msg"]).removeprefix(_VALUE_ERROR_PREFIX)
        lines.append(f"{path}: {_key_path(tuple(err['loc']), data)}: {message}")
    return lines


def _key_path(loc: tuple[Any, ...], data: Any) -> str:
    """Turn a pydantic error location into ``questions[4] (1.1.5).criteria[0].ja``."""
    out = ""
    node = data
    for item in loc:
        if isinstance(item, int):
            out += f"[{item}]"
            node = node[item] if isinstance(node, list) and 0 <= item < len(node) else None
            if isinstance(node, dict) and isinstance(node.get("id"), str):
                out += f" ({node['id']})"
        else:
            out += ("." if out else "") + str(item)
            node = node.get(item) if isinstance(node, dict) else None
    return out or "(top level)"
