"""Paragraph citations: `[¶5]`, `[¶5, 7]` or `[¶3-5]` in Markdown become links to the source page's `#pN` anchors.

`find_citations` parses and checks them against the known paragraphs; `render_citations` rewrites them
as Markdown links, so MkDocs' own link validation sees them too.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from html import escape

from .markdown_text import line_of, outside_code

# `[¶` then numbers or ranges separated by commas (each may repeat the ¶), then `]`, not already a link.
_CITATION = re.compile(r"\[¶\s*(?P<refs>\d+(?:\s*[-–]\s*\d+)?(?:\s*,\s*¶?\s*\d+(?:\s*[-–]\s*\d+)?)*)\s*\](?![(\[])")
_REF = re.compile(r"(\d+)(?:\s*[-–]\s*(\d+))?")
# The page whose `#pN` anchors citations link to.
SOURCE_PAGE = "source.md"
# Rendered citation links carry ids with this prefix and their position on the page: `cite-7`.
CITE_ID_PREFIX = "cite-"
# Whatever starts like a citation and closes on its line, not already a link: `[¶3a]`, `[¶]`, `[¶3,]`...
_ALMOST = re.compile(r"\[¶[^\]\n]{0,60}\](?![(\[])")
# The widest range expanded into its paragraphs; a wider one names paragraphs no article has, and is
# reported from its ends rather than held in memory.
_WIDEST_RANGE = 1000


class CitationError(ValueError):
    """A citation that names no paragraph of the source, or is not written as one."""


@dataclass(frozen=True)
class Citation:
    """One `[¶…]` marker: where it is, the paragraphs it cites in order, and its ranges as written."""

    start: int
    end: int
    paragraphs: tuple[int, ...]
    ranges: tuple[tuple[int, int], ...] = ()  # (first, last) of each number or range: [¶5, 7-9] is (5, 5), (7, 9)


def find_citations(markdown: str) -> list[Citation]:
    """Every citation outside code, with ranges expanded (`[¶3-5]` cites 3, 4 and 5)."""
    found = []
    for match in _markers(_CITATION, markdown):
        ranges = tuple((int(ref.group(1)), int(ref.group(2) or ref.group(1))) for ref in _REF.finditer(match["refs"]))
        paragraphs: list[int] = []
        for first, last in ranges:
            paragraphs.extend(range(first, last + 1) if 0 <= last - first <= _WIDEST_RANGE else (first, last))
        found.append(Citation(match.start(), match.end(), tuple(paragraphs), ranges))
    return found


def _markers(pattern: re.Pattern[str], markdown: str) -> Iterator[re.Match[str]]:
    """Matches outside code, except `[¶5]: url` opening a line: Markdown reads that as a link
    reference definition. Mid-sentence, "on four fronts [¶5]:" is a citation before a colon."""
    for match in outside_code(pattern, markdown):
        line_start = markdown.rfind("\n", 0, match.start()) + 1
        indent = markdown[line_start : match.start()]
        if markdown.startswith(":", match.end()) and len(indent) <= 3 and not indent.strip(" "):
            continue
        yield match


def check_citations(markdown: str, known: Iterable[int], path: str, first_line: int = 1) -> set[int]:
    """Return the cited paragraphs; raise CitationError at the first citation that names a paragraph
    the source does not have, runs backwards, or is not written as a citation."""
    known = set(known)
    span = f"the article has ¶{min(known)} to ¶{max(known)} (see data/paragraphs.yml)"
    citations = {citation.start: citation for citation in find_citations(markdown)}
    cited: set[int] = set()
    for match in _markers(_ALMOST, markdown):
        where = f"{path}:{line_of(markdown, match.start(), first_line)}"
        citation = citations.get(match.start())
        if citation is None or citation.end != match.end():
            raise CitationError(
                f"{where}: {match.group()} is not a citation: write [¶N], [¶N, M] or [¶N-M] with the article's "
                "paragraph numbers, e.g. [¶5], [¶5, 7] or [¶9-11]"
            )
        for first, last in citation.ranges:
            if last < first:
                raise CitationError(f"{where}: [¶{first}-{last}] runs backwards: write [¶{last}-{first}]")
            for paragraph in (first, last) if first != last else (first,):
                if paragraph not in known:
                    written = (
                        f"[¶{first}-{last}] cites ¶{paragraph}, a paragraph"
                        if first != last
                        else f"[¶{first}] cites a paragraph"
                    )
                    raise CitationError(f"{where}: {written} the source does not have; {span}")
        cited.update(citation.paragraphs)
    unknown = sorted(cited - known)
    if unknown:  # inside a range whose ends exist: the article's paragraphs have a gap
        raise CitationError(f"{path}: [¶{unknown[0]}] cites a paragraph the source does not have; {span}")
    return cited


def render_citations(markdown: str, page_src_uri: str, source_src_uri: str = SOURCE_PAGE) -> str:
    """Rewrite each citation as compact Markdown links to the source page's paragraph anchors.

    Each link gets an id (`cite-1`, `cite-2`, ... in page order), so the source page's provenance
    lists can point at the very sentence that cites a paragraph.
    """
    target = posixpath.relpath(source_src_uri, posixpath.dirname(page_src_uri) or ".")
    return _link_citations(
        markdown,
        lambda n, count: f'[¶{n}]({target}#p{n}){{ .cite #{CITE_ID_PREFIX}{count} title="{_title(n)}" }}',
    )


def citations_html(text: str, source_url: str, id_prefix: str) -> str:
    """Escape plain `text` for HTML and turn its citations into links to `source_url#pN`, with ids
    `{id_prefix}1`, `{id_prefix}2`, ...: for text the build renders outside Markdown (the glossary)."""
    return _link_citations(
        text,
        lambda n, count: (
            f'<a class="cite" id="{escape(id_prefix)}{count}" href="{escape(source_url)}#p{n}" '
            f'title="{_title(n)}">¶{n}</a>'
        ),
        between=escape,
    )


def _link_citations(text: str, link: Callable[[int, int], str], between: Callable[[str], str] = str) -> str:
    """`text` with each citation replaced by one `link(paragraph, count)` per paragraph it cites, counted
    from 1 in page order and joined by spaces; the text between citations goes through `between`."""
    pieces, last, count = [], 0, 0
    for citation in find_citations(text):
        links = []
        for n in citation.paragraphs:
            count += 1
            links.append(link(n, count))
        pieces += [between(text[last : citation.start]), " ".join(links)]
        last = citation.end
    pieces.append(between(text[last:]))
    return "".join(pieces)


def _title(n: int) -> str:
    return f"The article, paragraph {n}"
