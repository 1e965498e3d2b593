"""Fewer abbreviation tooltips: one per abbreviation and section, and none on a cross-link, whose preview shows it.

Python-Markdown's `abbr` extension gives every mention of an acronym a `<abbr title="...">`, and Material turns
each title into a tooltip it has to set up when the page loads. A reader needs the expansion once per section
(from `<h2>` to the next), and a cross-linked acronym (`<a class="crosslink"><abbr title>US</abbr></a>`) already
opens the preview of the page that explains it: two popups at once would cover each other. So a linked acronym
loses its title, and the next plain mention in the section keeps it; later mentions keep their `<abbr>` element,
without the title.
"""

from __future__ import annotations

import re

from .linking import CSS_CLASS

# A section break, or a whole abbreviation with a title (the extension writes it on one line, title first).
_TOKEN = re.compile(r'<h2[\s>]|<abbr title="([^"]*)">([^<]*)</abbr>')
# A cross-link's opening tag followed by the abbreviations it wraps (an editor's own <abbr> may wrap the extension's).
_LINKED = re.compile(rf'(<a class="{CSS_CLASS}"[^>]*>)((?:<abbr\b[^>]*>)+)')
_TITLE = re.compile(r'\s+title="[^"]*"')


def quiet_abbreviations(html: str) -> str:
    """`html` with an abbreviation's title never inside a cross-link, and elsewhere only on its first mention in
    each section."""
    html = _LINKED.sub(lambda m: m.group(1) + _TITLE.sub("", m.group(2)), html)
    seen: set[str] = set()

    def one(match: re.Match) -> str:
        if match.group(1) is None:  # a new section
            seen.clear()
            return match.group(0)
        text = match.group(2)
        if text in seen:
            return f"<abbr>{text}</abbr>"
        seen.add(text)
        return match.group(0)

    return _TOKEN.sub(one, html)
