"""Split plain CSV text into columns in a few passes in C, exactly as the csv module would.

Plain text has no quote character, one kind of line end (``\\n`` or ``\\r\\n``), no empty line,
the same number of cells on every line and no cell over the csv module's size limit. Such text
is split by ``str.split`` instead of ``csv.reader`` (which makes a list per row that a reader
of columns must then transpose); anything else is left to the csv module.
"""

from __future__ import annotations

import csv
from itertools import repeat


def plain_table(text: str, delimiter: str) -> tuple[list[str], list[list[str]]] | None:
    """The first row of ``text`` and the cells of the rows below it by column, as
    ``csv.reader`` with this delimiter reads them, when the text is plain (see the module
    docstring); else None."""
    if not text or '"' in text or "\x00" in text:
        return None
    end = text.find("\n")
    line_end = "\r\n" if end > 0 and text[end - 1] == "\r" else "\n"
    lines = text.split(line_end)
    if lines[-1] == "":
        lines.pop()  # the last line's end
    if not lines:
        return None
    width = lines[0].count(delimiter) + 1
    if width == 1 or set(map(str.count, lines, repeat(delimiter))) != {width - 1}:
        return None
    if max(map(len, lines)) > csv.field_size_limit():
        return None
    joined = delimiter.join(lines)
    if "\r" in joined or "\n" in joined:  # another line end: the csv module splits there too
        return None
    cells = joined.split(delimiter)
    return cells[:width], [cells[width + index :: width] for index in range(width)]
