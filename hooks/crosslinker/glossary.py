"""Glossary entries and the build report, derived from the registry and the linker's results.

Entries are plain dataclasses sorted A to Z with a letter for grouping; the Jinja partial
`partials/glossary.html` renders them, so no markup lives here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from .backlinks import term_key
from .registry import Registry, Term

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

_SLUG_RE = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class PageInfo:
    """What the glossary needs of a page: its title."""

    title: str


@dataclass(frozen=True)
class GlossaryEntry:
    """One glossary row; `url` is relative to the glossary page."""

    name: str
    aliases: tuple[str, ...]
    definition: str  # plain text with [¶N] citations, rendered by the template
    page: str
    page_title: str
    url: str
    mentions: int
    letter: str
    id: str


@dataclass(frozen=True)
class Report:
    """Figures for the one-line build report."""

    terms: int
    pages: int
    links_added: int
    pages_without_links: int
    unmentioned: tuple[Term, ...]
    seconds: float = 0.0

    def line(self) -> str:
        return (
            f"crosslinks: {self.terms} terms, {self.pages} pages, {self.links_added} links added, "
            f"{self.pages_without_links} pages without any cross-link, "
            f"{len(self.unmentioned)} terms never mentioned ({self.seconds * 1000:.0f} ms)"
        )


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def glossary_entries(
    registry: Registry,
    counts: Mapping[str, int],
    pages: Mapping[str, PageInfo],
    url_for: Callable[[str, str | None], str],
) -> list[GlossaryEntry]:
    """Every term, A to Z (ignoring case and accents), with its definition, link and mention count."""
    entries = []
    used: set[str] = set()
    for term in registry.terms:
        info = pages.get(term.page, PageInfo(title=term.page))
        slug = _slug(term.name) or "term"
        ident, n = f"term-{slug}", 2
        while ident in used:
            ident, n = f"term-{slug}-{n}", n + 1
        used.add(ident)
        entries.append(
            GlossaryEntry(
                name=term.name,
                aliases=term.aliases,
                definition=term.definition,
                page=term.page,
                page_title=info.title,
                url=url_for(term.page, term.anchor),
                mentions=counts.get(term_key(term), 0),
                letter=_letter(term.name),
                id=ident,
            )
        )
    entries.sort(key=lambda e: (_sort_key(e.name), e.name, e.page))
    return entries


def glossary_letters(entries: list[GlossaryEntry]) -> list[tuple[str, str]]:
    """The letters the entries start with, in order, each with the id of its heading: ("A", "glossary-a");
    digits and symbols share "#" ("glossary-digits")."""
    letters = dict.fromkeys(entry.letter for entry in entries)
    return [(letter, "glossary-digits" if letter == "#" else f"glossary-{letter.lower()}") for letter in letters]


def unmentioned_terms(registry: Registry, counts: Mapping[str, int]) -> tuple[Term, ...]:
    """Terms no other page mentions (in a place where a link may go)."""
    return tuple(term for term in registry.terms if not counts.get(term_key(term)))


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _sort_key(name: str) -> str:
    plain = _plain(name).casefold()
    # "the Kremlin" sorts under K, as readers look for it.
    if plain.startswith("the ") and len(plain) > 4:
        plain = plain[4:]
    return plain


def _letter(name: str) -> str:
    for c in _sort_key(name):
        if c.isalpha():
            return c.upper()
        if c.isdigit():
            return "#"
    return "#"


def _slug(name: str) -> str:
    return _SLUG_RE.sub("-", _plain(name).lower()).strip("-")
