"""Markers: an HTML comment holding one lowercase word, alone on its line, that a hook replaces.

A marker disappears from the page if its hook is off (it is a comment); an unknown one is an error,
so a typo never leaves a silent hole. This module is the one list of markers and the one replacer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .markdown_text import line_of, outside_code

# Name -> what replaces it; the conventions page documents the same list.
KNOWN_MARKERS = {
    "figure-partnership-map": "the partnership map (hooks/figures.py)",
    "figure-timeline": "the timeline figure (hooks/figures.py)",
    "figure-trade": "the Russia-China trade chart (hooks/figures.py)",
    "glossary": "the glossary of every term (hooks/crosslinks.py)",
    "outlook": "an actor's outlook under each scenario, from its front matter (hooks/figures.py)",
    "paragraph-map": "the source's paragraph map (hooks/site_model.py)",
    "scenario-matrix": "the actor-by-scenario table (hooks/figures.py)",
    "ties": "an actor's ties to other actors, from front matter (hooks/figures.py)",
    "timeline": "the list of dated events (hooks/figures.py)",
}

# Material's tags plugin finds its listing directive with a plain pattern, in code too.
_TAGS_DIRECTIVE = re.compile(r"<!--\s*?material/tags", re.IGNORECASE)

_MARKER = re.compile(r"^[ \t]*<!--[ \t]*(?P<name>[a-z][a-z0-9-]*)[ \t]*-->[ \t]*$", re.MULTILINE)


class MarkerError(ValueError):
    """A marker that no hook knows."""


def find_markers(markdown: str) -> Iterator[re.Match[str]]:
    """Every marker line outside code, in order; `match.group("name")` is the marker's name."""
    return outside_code(_MARKER, markdown)


def check_markers(markdown: str, path: str, first_line: int = 1) -> None:
    """Raise MarkerError, with file and line, for the first unknown marker outside code."""
    listings = {match.start() for match in outside_code(_TAGS_DIRECTIVE, markdown)}
    for match in _TAGS_DIRECTIVE.finditer(markdown):
        if match.start() not in listings:
            raise MarkerError(
                f"{path}:{line_of(markdown, match.start(), first_line)}: Material's tags plugin reads the "
                "material/tags directive even inside code and would make this page a tags index; "
                "describe the directive without writing the comment"
            )
    for match in find_markers(markdown):
        if match.group("name") not in KNOWN_MARKERS:
            raise MarkerError(
                f"{path}:{line_of(markdown, match.start(), first_line)}: unknown marker "
                f"<!-- {match.group('name')} -->; known markers: {', '.join(sorted(KNOWN_MARKERS))}"
            )


def replace_marker(markdown: str, name: str, replacement: str) -> str:
    """Replace every `<!-- name -->` line outside code with `replacement`."""
    if name not in KNOWN_MARKERS:
        raise KeyError(f"{name} is not in KNOWN_MARKERS")
    pieces, last = [], 0
    for match in find_markers(markdown):
        if match.group("name") == name:
            pieces += [markdown[last : match.start()], replacement]
            last = match.end()
    pieces.append(markdown[last:])
    return "".join(pieces)
