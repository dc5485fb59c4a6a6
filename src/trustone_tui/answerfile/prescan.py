"""A cheap, linear look at answer-file text before the TOML parser sees it.

Python's ``tomllib`` is quadratic in the number of parts of one dotted key or table header
(an 84 KB file with one 40,000-part key takes half a minute and gigabytes), and slow on
anything with a great many keys, values or blank lines (seconds for a few megabytes). An answer
file needs none of that, so this scan refuses, with one line naming the file and the line:

* a key or table header of more than :data:`MAX_KEY_PARTS` parts: the deepest path a valid
  file has is ``answers."<question>".elements.<group>``, four parts;
* more than :data:`MAX_ITEMS` keys (each part of a dotted key counted), values and brackets:
  a file with every question of the
  bank answered, notes, elements, a history entry for every possible year and the largest
  supply-chain register an answer file keeps has fewer;
* more than :data:`MAX_LAYOUT_CHARS` characters outside strings and comments (spaces, blank
  lines, brackets; an answer file's text is in its notes);
* more than :data:`MAX_ESCAPES` escape sequences (``\\n``, ``\\"``) in strings;
* more than all of these together can be read in a second: each limit alone is far from that,
  but a file near all of them at once would not be (:data:`MAX_COST`).

Strings are skipped whole, so dots inside a quoted key (``answers."1.1.5"``) or a note never
count as parts. The scan only reads the text once with compiled regular expressions and stops
at the first limit, so whatever passes is small enough for the parser, and whatever is refused
is refused quickly. It does not judge TOML syntax: that is the parser's job.
"""

from __future__ import annotations

import re

#: The deepest key path a valid answer file has is 4 parts; twice that leaves room for any
#: future format while keeping the parser's quadratic cost negligible.
MAX_KEY_PARTS = 8
#: ``answers."<question>".elements.<group>``.
VALID_KEY_PARTS = 4
#: A supply-chain register's flow at its fullest: 17 keys with their values, and its table
#: header (``[[register.ketens]]``): about 56 items, about 420 characters outside strings.
_FLOW_ITEMS, _FLOW_LAYOUT_CHARS = 60, 450
#: The register's most flows (``validate.MAX_REGISTER_FLOWS``; not imported: the scan runs
#: before anything else is loaded).
_MOST_FLOWS = 2_000
#: Keys, values and brackets: four times a complete answer file without a register (every
#: question answered with every element, a note and the follow-up flag, history for all 211
#: possible years: about 5,000 items in 24 KB), plus the fullest register.
MAX_ITEMS = 20_000 + _MOST_FLOWS * _FLOW_ITEMS
#: Characters outside strings and comments (that complete file has fewer than 24 KB), plus the
#: fullest register.
MAX_LAYOUT_CHARS = 256 * 1024 + _MOST_FLOWS * _FLOW_LAYOUT_CHARS
#: Escape sequences inside strings.
MAX_ESCAPES = 50_000
#: What reading costs (parser and this scan, CPU microseconds, measured with Python 3.11's
#: tomllib): per key or value, per character outside strings, per escape, per string character.
_COST_ITEM, _COST_LAYOUT, _COST_ESCAPE, _COST_STRING = 4.5, 0.25, 1.0, 0.15
#: The most a file may cost to parse, in those microseconds: what a file just under every
#: single limit above but the items and the layout would cost (a 5 MB note, the escapes),
#: so that a file near all limits at once is read within a second, validation included.
MAX_COST = 850_000
#: Below this many characters no text can exceed the limits on items, layout and escapes by
#: enough to matter (the parser takes well under a second on 128 K of anything), so only the
#: key length is looked at, and only on a line with enough dots.
SMALL_TEXT = 128 * 1024

_DOT = r"[ \t]*+\.[ \t]*+"
_PART = r"""(?:[A-Za-z0-9_+\-:]++|"(?:[^"\\\n]++|\\.)*+"|'[^'\n]*+')"""
_TOKEN = re.compile(
    rf"""
    (?P<space>\s++)
  | (?P<ml_basic>\"\"\"(?:[^"\\]++|\\[\s\S]|"(?!""))*+\"\"\""{{0,2}})
  | (?P<ml_literal>'''(?:[^']++|'(?!''))*+'''(?:'{{0,2}}))
  | (?P<comment>\#[^\n]*+)
  | (?P<chain>{_PART}(?:{_DOT}{_PART}){{0,{MAX_KEY_PARTS - 1}}}+(?P<too_long>{_DOT}{_PART})?)
  | (?P<other>\S)
    """,
    re.VERBOSE,
)
_PART_RE = re.compile(_PART)
#: A line with this many dots (in strings or not) is the least a key too long needs. The
#: pattern starts with a dot, so the search jumps from dot to dot (anchored at each line's
#: start it tried every character: four times slower on an answer file).
_MANY_DOTS = re.compile(rf"\.(?:[^\n.]*+\.){{{MAX_KEY_PARTS - 1}}}")


def prescan_problems(text: str, source: str) -> list[str]:
    """One problem line (``<source>:<line>: ...``) when ``text`` is beyond what an answer file
    can be, else an empty list."""
    if len(text) <= SMALL_TEXT and not _MANY_DOTS.search(text):
        return []  # the common case: no line could hold a key that long, and the text is small
    return _scan(text, source)


def _scan(text: str, source: str) -> list[str]:
    items = 0
    string_chars = 0
    escapes = 0
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind == "space":
            if match.end() - string_chars > MAX_LAYOUT_CHARS:
                return [_too_much_layout(text, match.start(), source)]
            continue
        items += 1
        start, end = match.span()
        if items > MAX_ITEMS:
            return [_at(text, start, source, f"more than {MAX_ITEMS:,} keys and values")]
        if kind == "other":
            continue
        found = match.group()
        if kind == "chain":
            if match.start("too_long") >= 0:
                problem = (
                    f"a key or table header of more than {MAX_KEY_PARTS} parts "
                    f"(answer-file keys have at most {VALID_KEY_PARTS})"
                )
                return [_at(text, start, source, problem)]
            if "." in found:  # each part of a dotted key is a table to the parser
                items += len(_PART_RE.findall(found)) - 1
            if '"' in found or "'" in found:
                string_chars += _quoted_chars(found)
                escapes += found.count("\\")
        else:
            string_chars += end - start
            if kind == "ml_basic":
                escapes += found.count("\\")
        if escapes > MAX_ESCAPES:
            return [_at(text, start, source, f"more than {MAX_ESCAPES:,} escapes in strings")]
        if end - string_chars > MAX_LAYOUT_CHARS:
            return [_too_much_layout(text, start, source)]
        if _cost(items, end - string_chars, escapes, string_chars) > MAX_COST:
            return [_too_costly(text, start, source)]
    if len(text) - string_chars > MAX_LAYOUT_CHARS:
        return [_too_much_layout(text, len(text), source)]
    if _cost(items, len(text) - string_chars, escapes, string_chars) > MAX_COST:
        return [_too_costly(text, len(text), source)]
    return []


def _cost(items: int, layout_chars: int, escapes: int, string_chars: int) -> float:
    """What reading this much costs, in the microseconds of :data:`MAX_COST`."""
    return (
        items * _COST_ITEM
        + layout_chars * _COST_LAYOUT
        + escapes * _COST_ESCAPE
        + string_chars * _COST_STRING
    )


def _too_costly(text: str, position: int, source: str) -> str:
    return _at(
        text,
        position,
        source,
        "too many keys, values and characters together to read within a second",
    )


def _quoted_chars(chain: str) -> int:
    """How many characters of ``chain`` are quoted keys or strings."""
    return sum(len(part) for part in _PART_RE.findall(chain) if part[0] in "\"'")


def _too_much_layout(text: str, position: int, source: str) -> str:
    return _at(
        text,
        position,
        source,
        f"more than {MAX_LAYOUT_CHARS // 1024} KB outside strings and comments "
        "(keys, numbers, brackets, spaces, blank lines)",
    )


def _at(text: str, position: int, source: str, problem: str) -> str:
    line = text.count("\n", 0, position) + 1
    return f"{source}:{line}: too large for an answer file: {problem}"
