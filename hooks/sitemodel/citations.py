"""Paragraph citations: `[¶5]`, `[¶5, 7]` or `[¶3-5]` in Markdown become links to the source page's `#pN` anchors.

`find_citations` parses and checks them against the known paragraphs; `render_citations` rewrites them
as Markdown links, so MkDocs' own link validation sees them too.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape

from .markdown_text import line_of, outside_code

# `[¶` then numbers or ranges separated by commas (each may repeat the ¶), then `]`, not already a link.
_CITATION = re.compile(r"\[¶\s*(?P<refs>\d+(?:\s*[-–]\s*\d+)?(?:\s*,\s*¶?\s*\d+(?:\s*[-–]\s*\d+)?)*)\s*\](?![(\[:])")
_REF = re.compile(r"(\d+)(?:\s*[-–]\s*(\d+))?")
# Rendered citation links carry ids with this prefix and their position on the page: `cite-7`.
CITE_ID_PREFIX = "cite-"


class CitationError(ValueError):
    """A citation that names no paragraph of the source."""


@dataclass(frozen=True)
class Citation:
    """One `[¶…]` marker: where it is and the paragraphs it cites, in order."""

    start: int
    end: int
    paragraphs: tuple[int, ...]


def find_citations(markdown: str) -> list[Citation]:
    """Every citation outside code, with ranges expanded (`[¶3-5]` cites 3, 4 and 5)."""
    found = []
    for match in outside_code(_CITATION, markdown):
        paragraphs: list[int] = []
        for ref in _REF.finditer(match.group("refs")):
            first = int(ref.group(1))
            last = int(ref.group(2) or first)
            paragraphs.extend(range(first, last + 1) if last >= first else [first, last])
        found.append(Citation(match.start(), match.end(), tuple(paragraphs)))
    return found


def check_citations(markdown: str, known: Iterable[int], path: str, first_line: int = 1) -> set[int]:
    """Return the cited paragraphs; raise CitationError at the first one that does not exist."""
    known = set(known)
    cited: set[int] = set()
    for citation in find_citations(markdown):
        for paragraph in citation.paragraphs:
            if paragraph not in known:
                where = f"{path}:{line_of(markdown, citation.start, first_line)}"
                raise CitationError(
                    f"{where}: [¶{paragraph}] cites a paragraph the source does not have; "
                    f"the article has ¶{min(known)} to ¶{max(known)} (see data/paragraphs.yml)"
                )
        cited.update(citation.paragraphs)
    return cited


def render_citations(markdown: str, page_src_uri: str, source_src_uri: str = "source.md") -> str:
    """Rewrite each citation as compact Markdown links to the source page's paragraph anchors.

    Each link gets an id (`cite-1`, `cite-2`, ... in page order), so the source page's provenance
    lists can point at the very sentence that cites a paragraph.
    """
    target = posixpath.relpath(source_src_uri, posixpath.dirname(page_src_uri) or ".")
    pieces, last, count = [], 0, 0
    for citation in find_citations(markdown):
        links = []
        for n in citation.paragraphs:
            count += 1
            links.append(f'[¶{n}]({target}#p{n}){{ .cite #{CITE_ID_PREFIX}{count} title="{_title(n)}" }}')
        pieces += [markdown[last : citation.start], " ".join(links)]
        last = citation.end
    pieces.append(markdown[last:])
    return "".join(pieces)


def citations_html(text: str, source_url: str, id_prefix: str) -> str:
    """Escape plain `text` for HTML and turn its citations into links to `source_url#pN`, with ids
    `{id_prefix}1`, `{id_prefix}2`, ...: for text the build renders outside Markdown (the glossary)."""
    pieces, last, count = [], 0, 0
    for citation in find_citations(text):
        links = []
        for n in citation.paragraphs:
            count += 1
            links.append(
                f'<a class="cite" id="{escape(id_prefix)}{count}" href="{escape(source_url)}#p{n}" '
                f'title="{_title(n)}">¶{n}</a>'
            )
        pieces += [escape(text[last : citation.start]), " ".join(links)]
        last = citation.end
    pieces.append(escape(text[last:]))
    return "".join(pieces)


def _title(n: int) -> str:
    return f"The article, paragraph {n}"
