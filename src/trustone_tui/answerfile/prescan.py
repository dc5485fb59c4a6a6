"""A cheap, linear look at answer-file text before the TOML parser sees it.

Python's ``tomllib`` is quadratic in the number of parts of one dotted key or table header
(an 84 KB file with one 40,000-part key takes half a minute and gigabytes), and slow on
anything with a great many keys, values or blank lines (seconds for a few megabytes). An answer
file needs none of that, so this scan refuses, with one line naming the file and the line:

* a key or table header of more than :data:`MAX_KEY_PARTS` parts: the deepest path a valid
  file has is ``answers."<question>".elements.<group>``, four parts;
* more than :data:`MAX_ITEMS` keys, values and brackets: a file with every question of the
  bank answered, notes, elements and a history entry for every possible year has far fewer;
* more than :data:`MAX_LAYOUT_CHARS` characters outside strings and comments (spaces, blank
  lines, brackets; an answer file's text is in its notes);
* more than :data:`MAX_ESCAPES` escape sequences (``\\n``, ``\\"``) in strings.

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
#: Keys, values and brackets: four times a complete answer file (every question answered
#: with every element, a note and the follow-up flag, history for all 211 possible years:
#: about 5,000 items in 24 KB).
MAX_ITEMS = 20_000
#: Characters outside strings and comments (that complete file has fewer than 24 KB).
MAX_LAYOUT_CHARS = 256 * 1024
#: Escape sequences inside strings.
MAX_ESCAPES = 50_000
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
#: A line with this many dots (in strings or not) is the least a key too long needs.
_MANY_DOTS = re.compile(rf"^(?:[^\n.]*+\.){{{MAX_KEY_PARTS}}}", re.MULTILINE)


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
    if len(text) - string_chars > MAX_LAYOUT_CHARS:
        return [_too_much_layout(text, len(text), source)]
    return []


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
