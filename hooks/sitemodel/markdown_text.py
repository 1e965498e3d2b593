"""Find the parts of a Markdown page that are code, so that citations and markers inside them stay literal.

A single regular-expression pass returns the code spans as sorted (start, end) offsets;
`outside_code` then filters matches of any other pattern against them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

# Fenced blocks (``` or ~~~, possibly indented, closed by the same fence or the end of the page),
# then inline code spans of one or more backticks.
_CODE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,}).*?(?:^[ \t]*(?P=fence)[ \t]*$|\Z)"
    r"|(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`)",
    re.MULTILINE | re.DOTALL,
)


def code_spans(markdown: str) -> list[tuple[int, int]]:
    """Return the (start, end) offsets of every fenced block and inline code span, in order."""
    return [match.span() for match in _CODE.finditer(markdown)]


def outside_code(pattern: re.Pattern[str], markdown: str) -> Iterator[re.Match[str]]:
    """Yield the matches of `pattern` in `markdown` that do not start inside code."""
    spans = code_spans(markdown)
    starts = [start for start, _ in spans]
    for match in pattern.finditer(markdown):
        index = bisect.bisect_right(starts, match.start()) - 1
        if index >= 0 and match.start() < spans[index][1]:
            continue
        yield match


def line_of(text: str, offset: int, first_line: int = 1) -> int:
    """The 1-based line number of `offset` in `text`, counting from `first_line`."""
    return first_line + text.count("\n", 0, offset)
