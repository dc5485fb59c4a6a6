"""Dutch words of the reports, the summary and the diff that no other text module has."""

from __future__ import annotations

from typing import Literal

Size = Literal["small", "medium_large"]

#: The company size as a CSV cell or a table column: ``klein``, ``middelgroot/groot``.
SIZE_WORDS: dict[Size, str] = {"small": "klein", "medium_large": "middelgroot/groot"}
