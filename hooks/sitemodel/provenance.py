"""Claim-level provenance: which sentence of which page cites which paragraph of the article.

`claims_in_html` reads a built page's HTML and returns, for every citation link the build rendered
(class `cite` with an id), the sentence it closes; `group_by_paragraph` gathers the claims of every
page under each paragraph, pages in navigation order, for the lists under each ¶ on the source page.
Reading the final HTML rather than the Markdown means generated sentences (ties, outlooks, the
timeline, glossary definitions) are covered exactly as readers see them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser

# Elements whose text is read as one run of sentences; a nested one (a paragraph in a list item)
# starts a run of its own.
_BLOCKS = frozenset(
    {"p", "li", "td", "th", "dt", "dd", "figcaption", "caption", "summary", "h1", "h2", "h3", "h4", "h5", "h6"}
)
# Elements whose text is not part of any sentence.
_SKIPPED = frozenset({"script", "style", "template", "svg"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
# A sentence ends at . ! or ? (after any closing quote or bracket), then white space, then what starts a
# sentence: a capital or a digit, perhaps after an opening quote or bracket ("“quoted.” claim" runs on).
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")
_PARAGRAPH_TEXT = re.compile(r"¶\s*(\d+)")


@dataclass(frozen=True)
class Claim:
    """One citation on a page: the paragraph it cites, its link's id there, and the sentence it closes."""

    paragraph: int
    anchor: str
    sentence: str  # plain text, white space collapsed; other citations in it read "¶N"


@dataclass(frozen=True)
class PageClaims:
    """A page's claims on one paragraph, for the provenance list."""

    title: str
    url: str
    claims: tuple[Claim, ...]


def claims_in_html(html: str) -> list[Claim]:
    """Every rendered citation in `html` with the sentence it belongs to, in page order; a sentence that
    cites the same paragraph twice counts once."""
    reader = _ClaimReader()
    reader.feed(html)
    reader.close()
    seen: set[tuple[int, str]] = set()
    unique = []
    for claim in reader.claims:
        if (claim.paragraph, claim.sentence) not in seen:
            seen.add((claim.paragraph, claim.sentence))
            unique.append(claim)
    return unique


def group_by_paragraph(pages: Iterable[tuple[str, str, Sequence[Claim]]]) -> dict[int, list[PageClaims]]:
    """`{n: [PageClaims, ...]}` from `(title, url, claims)` per page, pages kept in the order given."""
    grouped: dict[int, list[PageClaims]] = {}
    for title, url, claims in pages:
        by_paragraph: dict[int, list[Claim]] = {}
        for claim in claims:
            by_paragraph.setdefault(claim.paragraph, []).append(claim)
        for n, own in by_paragraph.items():
            grouped.setdefault(n, []).append(PageClaims(title, url, tuple(own)))
    return grouped


class _ClaimReader(HTMLParser):
    """Collects text per innermost block and the positions of citation links within it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.claims: list[Claim] = []
        # One entry per open block: its text pieces and its citations as (order, offset, id, paragraph).
        self._blocks: list[tuple[list[str], list[tuple[int, int, str, int]]]] = []
        self._found: list[tuple[int, Claim]] = []  # claims with their citation's order on the page
        self._citations_seen = 0
        self._open: list[str] = []  # open elements that matter: blocks, skipped ones, citation links
        self._skipping = 0
        self._citation: tuple[str, list[str]] | None = None  # id and text of the open citation link

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        if tag in _SKIPPED:
            self._skipping += 1
            self._open.append(tag)
        elif tag in _BLOCKS and not self._skipping:
            self._blocks.append(([], []))
            self._open.append(tag)
        elif tag == "a" and not self._skipping and self._blocks:
            attributes = dict(attrs)
            if "cite" in (attributes.get("class") or "").split() and attributes.get("id"):
                self._citation = (attributes["id"] or "", [])
                self._open.append("cite")

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._open and self._open[-1] == "cite":
            self._open.pop()
            self._end_citation()
            return
        if tag not in _SKIPPED and tag not in _BLOCKS:
            return
        # Close up to the matching element, as a browser would for a missing end tag.
        while tag in self._open:
            closed = self._open.pop()
            if closed in _SKIPPED:
                self._skipping -= 1
            elif closed in _BLOCKS:
                self._end_block()
            elif closed == "cite":
                self._end_citation()
            if closed == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._skipping or not self._blocks:
            return
        self._blocks[-1][0].append(data)
        if self._citation is not None:
            self._citation[1].append(data)

    def close(self) -> None:
        super().close()
        while self._blocks:
            self._end_block()
        self.claims = [claim for _, claim in sorted(self._found, key=lambda found: found[0])]

    def _end_citation(self) -> None:
        if self._citation is None:
            return
        anchor, text = self._citation
        self._citation = None
        match = _PARAGRAPH_TEXT.search("".join(text))
        if match and self._blocks:
            pieces, citations = self._blocks[-1]
            offset = sum(map(len, pieces)) - len("".join(text))
            self._citations_seen += 1
            citations.append((self._citations_seen, offset, anchor, int(match.group(1))))

    def _end_block(self) -> None:
        pieces, citations = self._blocks.pop()
        if not citations:
            return
        text = "".join(pieces)
        bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
        for order, offset, anchor, paragraph in citations:
            start = max(b for b in bounds if b <= offset)
            end = min(b for b in bounds if b > offset)
            self._found.append((order, Claim(paragraph, anchor, " ".join(text[start:end].split()))))
