"""Give each term's names to the search entry of the page (or section) that explains it.

Material's search ranks section titles a thousand times above text, so a page with "Moscow" in a
heading outranks the Russia page for "Moscow". `add_terms_field` writes the names into an extra
`terms` field of the right entry of Material's search index; mkdocs.yml boosts that field.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from .registry import Term

TERMS_FIELD = "terms"

# Material's default search separator: words split at whitespace and hyphens ("Russia-China").
_SEPARATOR = re.compile(r"[\s\-]+")


def term_locations(page_url: str, terms: Iterable[Term]) -> dict[str, list[str]]:
    """Names by search-index location: the term's section when it has an anchor, else the page itself."""
    locations: dict[str, list[str]] = {}
    for term in terms:
        location = f"{page_url}#{term.anchor}" if term.anchor else page_url
        locations.setdefault(location, []).extend(term.names)
    return locations


def add_terms_field(index: dict, names_by_location: Mapping[str, list[str]]) -> tuple[dict, list[str]]:
    """Return the index with a `terms` field on each named entry, and the locations no entry has."""
    docs = index.get("docs", [])
    found = set()
    updated = []
    for doc in docs:
        names = names_by_location.get(doc.get("location"))
        if names:
            doc = {**doc, TERMS_FIELD: _distinct_words(names)}
            found.add(doc["location"])
        updated.append(doc)
    missing = sorted(set(names_by_location) - found)
    return {**index, "docs": updated}, missing


def _distinct_words(names: Iterable[str]) -> str:
    """Each word once: repeating "China" in three aliases must not make a page the best match for "China"."""
    seen: dict[str, str] = {}
    for name in names:
        for word in _SEPARATOR.split(name):
            if word:
                seen.setdefault(word.lower(), word)
    return " ".join(seen.values())
