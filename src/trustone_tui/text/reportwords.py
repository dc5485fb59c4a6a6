"""Dutch words of the reports, the summary and the diff that no other text module has."""

from __future__ import annotations

from trustone_tui.framework.model import Size

#: The company size as a CSV cell or a table column: ``klein``, ``middelgroot/groot``.
SIZE_WORDS: dict[Size, str] = {"small": "klein", "medium_large": "middelgroot/groot"}
