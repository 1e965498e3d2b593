"""MkDocs' own warnings about links and the navigation, reworded to name the file and say what to do.

MkDocs says "Doc file 'actors/x.md' contains a link 'rusia.md', but the target ... is not found";
`reword` turns that into `docs/actors/x.md: ... Correct the link ...`, with the closest existing page.
"""

from __future__ import annotations

import difflib
import posixpath
import re

_MISSING = re.compile(
    r"^Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']+)', "
    r"but the target(?: '(?P<target>[^']+)')? is not found among documentation files\.$"
)
_ANCHOR = re.compile(
    r"^Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']+)', "
    r"but (?:the doc '(?P<doc>[^']+)' does not contain an anchor|there is no such anchor on this page)"
)
_NOT_IN_NAV = 'exist in the docs directory, but are not included in the "nav" configuration'


def reword(message: str, docs: str, pages: list[str]) -> str:
    """The message with the page named from the repository root and a fix appended; others unchanged."""
    if match := _MISSING.match(message):
        page, link = match["page"], match["link"]
        target = match["target"] or link.lstrip("/")
        hint = f"{docs}/{page}: the link '{link}' points at {docs}/{target}, which does not exist. "
        hint += "Correct the link: it is relative to this page's folder"
        near = difflib.get_close_matches(target, pages, n=1, cutoff=0.6)
        if near:
            hint += f"; did you mean '{posixpath.relpath(near[0], posixpath.dirname(page) or '.')}'?"
            return hint

        return hint + "."
    if match := _ANCHOR.match(message):
        doc = match["doc"] or match["page"]
        return (
            f"{docs}/{match['page']}: the link '{match['link']}' names an anchor that {docs}/{doc} does not have. "
            "Use one of the ids set on its headings with `{ #id }`, or drop the `#...` part."
        )
    if _NOT_IN_NAV in message:
        return message + f"\nAdd each of them to `nav:` in mkdocs.yml (paths are relative to {docs}/)."
    return message
