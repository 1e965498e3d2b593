"""The term registry: which page explains which names, read from front matter `terms:`.

Entries are validated strictly (errors name the file and say what to do), every name is folded
into a search key, and two pages claiming one key is an error naming both files.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Keys a `terms:` entry may carry; anything else is most likely a typo.
ENTRY_KEYS = ("name", "definition", "aliases", "case_sensitive", "anchor")

# Heading ids as written with attr_list `{ #id }` (no spaces, no `#`).
_ANCHOR_RE = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.:-]*$")

# Typographic apostrophes fold to the ASCII one, so `Iran's` matches `Iran’s`.
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'"})


class RegistryError(ValueError):
    """A `terms:` entry is malformed or a name is claimed twice; the message names the file(s)."""


@dataclass(frozen=True)
class Term:
    """One registered term: a canonical name, its aliases and the page (and section) that explains it."""

    name: str
    page: str  # src path relative to docs/, e.g. "actors/russia.md"
    aliases: tuple[str, ...] = ()
    case_sensitive: bool = False
    anchor: str | None = None
    definition: str = ""  # for the glossary (the site requires one: sitemodel.schema); may cite [¶N]

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Registry:
    """All terms of a site, sorted by page then position, and the search keys that find them."""

    terms: tuple[Term, ...]
    # folded key -> ((index into terms, exact name or None when case-insensitive), ...)
    keys: Mapping[str, tuple[tuple[int, str | None], ...]]

    def by_page(self) -> dict[str, list[Term]]:
        pages: dict[str, list[Term]] = {}
        for term in self.terms:
            pages.setdefault(term.page, []).append(term)
        return pages


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def fold(text: str) -> str:
    """Fold text for matching: lower case, same length, typographic apostrophes as `'`."""
    folded = text.lower()
    if folded.isascii():
        return folded
    if len(folded) != len(text):
        # A few characters lower-case to two (e.g. "İ"): keep those as they are so offsets hold.
        folded = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return folded.replace("\u2019", "'").replace("\u2018", "'")


def normalize_name(name: str) -> str:
    """Collapse whitespace runs to one space, as the linker does with page text."""
    return " ".join(name.split())


def parse_terms(
    src_path: str,
    raw: object,
    *,
    display: Callable[[str], str] | None = None,
) -> list[Term]:
    """Validate one page's `terms:` value and return its terms; raise RegistryError naming the file."""
    where = (display or _default_display)(src_path)
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise RegistryError(
            f"{where}: 'terms' must be a list of entries such as '- name: Russia'; got {type(raw).__name__}."
        )
    terms = []
    for index, entry in enumerate(raw):
        terms.append(_parse_entry(where, src_path, index, entry))
    return terms


def build_registry(
    terms_by_page: Mapping[str, object],
    *,
    display: Callable[[str], str] | None = None,
) -> Registry:
    """Build the registry from {src_path: raw `terms:` value}; raise RegistryError on any conflict.

    The result does not depend on the order of the mapping: pages are taken in path order.
    """
    display = display or _default_display
    terms: list[Term] = []
    for src_path in sorted(terms_by_page):
        terms.extend(parse_terms(src_path, terms_by_page[src_path], display=display))
    return Registry(terms=tuple(terms), keys=_index(terms, display))


def unknown_anchors(registry: Registry, headings: Mapping[str, Collection[str]]) -> list[Term]:
    """The terms whose `anchor` names no heading of their page; `headings` gives each page's heading
    ids (a page it does not list is not checked)."""
    return [
        term
        for term in registry.terms
        if term.anchor and term.page in headings and term.anchor not in headings[term.page]
    ]


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def _default_display(src_path: str) -> str:
    return f"docs/{src_path}"


def _parse_entry(where: str, src_path: str, index: int, entry: object) -> Term:
    at = f"{where}: terms[{index}]"
    if not entry:
        raise RegistryError(f"{at} is empty: give it at least a name, e.g. '- name: sanctions'.")
    if isinstance(entry, str):
        raise RegistryError(
            f"{at} is the bare string {entry!r}: write it as '- name: {entry}' "
            f"(optionally with definition, aliases, case_sensitive, anchor)."
        )
    if not isinstance(entry, Mapping):
        raise RegistryError(f"{at} must be a mapping with a 'name'; got {type(entry).__name__}.")
    unknown = sorted(str(key) for key in entry if key not in ENTRY_KEYS)
    if unknown == ["description"]:
        raise RegistryError(
            f"{at}: terms take 'definition:' for the glossary, not 'description:': rename the key, and make it say "
            "what the term is, then how the article uses it."
        )
    if unknown:
        raise RegistryError(f"{at} has unknown key(s) {', '.join(unknown)}: allowed are {', '.join(ENTRY_KEYS)}.")
    name = _name(at, "name", entry.get("name"))
    aliases_raw = entry.get("aliases", [])
    if aliases_raw is None:
        aliases_raw = []
    if not isinstance(aliases_raw, list):
        raise RegistryError(f"{at} ({name}): 'aliases' must be a list of names, e.g. 'aliases: [Moscow, the Kremlin]'.")
    aliases = tuple(_name(at, f"aliases[{i}]", alias) for i, alias in enumerate(aliases_raw))
    case_sensitive = entry.get("case_sensitive", False)
    if not isinstance(case_sensitive, bool):
        raise RegistryError(f"{at} ({name}): 'case_sensitive' must be true or false.")
    anchor = entry.get("anchor")
    if anchor is not None:
        if not isinstance(anchor, str) or not _ANCHOR_RE.match(anchor.lstrip("#")):
            raise RegistryError(
                f"{at} ({name}): 'anchor' must be a heading id on this page, e.g. 'anchor: secondary-sanctions'."
            )
        anchor = anchor.lstrip("#")
    definition = entry.get("definition", "")
    if not isinstance(definition, str):
        raise RegistryError(f"{at} ({name}): 'definition' must be text: what the term is, for the glossary.")
    return Term(
        name=name,
        page=src_path,
        aliases=aliases,
        case_sensitive=case_sensitive,
        anchor=anchor,
        definition=" ".join(definition.split()),
    )


def _name(at: str, key: str, value: object) -> str:
    if isinstance(value, bool):
        raise RegistryError(
            f"{at}: '{key}' is read as true or false (YAML reads yes, no, on and off so): put the name in quotes."
        )
    if isinstance(value, (int, float, datetime.date)):
        kind = "a date" if isinstance(value, datetime.date) else "a number"
        raise RegistryError(f"{at}: '{key}: {value}' is read as {kind}: put it in quotes, '{key}: \"{value}\"'.")
    if not isinstance(value, str) or not value.strip():
        raise RegistryError(f"{at}: '{key}' must be a non-empty name, e.g. 'name: sanctions'.")
    name = normalize_name(value)
    if not any(c.isalnum() for c in name):
        raise RegistryError(f"{at}: '{key}' {value!r} has no letters or digits, so it can never match.")
    if "\x00" in name:
        raise RegistryError(f"{at}: '{key}' {value!r} contains a NUL character.")
    return name


def _index(terms: list[Term], display: Callable[[str], str]) -> dict[str, tuple[tuple[int, str | None], ...]]:
    keys: dict[str, list[tuple[int, str | None]]] = {}
    for index, term in enumerate(terms):
        for name in term.names:
            key = fold(name)
            exact = name.translate(_QUOTES) if term.case_sensitive else None
            claims = keys.setdefault(key, [])
            if any(i == index and e == exact for i, e in claims):
                continue  # the same name listed twice on one entry: harmless
            for other_index, other_exact in claims:
                if exact is None or other_exact is None or exact == other_exact:
                    other = terms[other_index]
                    raise RegistryError(_conflict(name, term, other, display))
            claims.append((index, exact))
    return {key: tuple(claims) for key, claims in keys.items()}


def _conflict(name: str, term: Term, other: Term, display: Callable[[str], str]) -> str:
    if term.page == other.page:
        return (
            f"{display(term.page)}: the name {name!r} is listed under two terms "
            f"({other.name!r} and {term.name!r}): keep it on one of them."
        )
    first, second = sorted((display(other.page), display(term.page)))
    return (
        f"The term name {name!r} is claimed by two pages, {first} and {second}: "
        f"keep it in the 'terms:' of the page that explains it and remove it from the other "
        f"(names are compared ignoring case unless both entries set 'case_sensitive: true')."
    )
