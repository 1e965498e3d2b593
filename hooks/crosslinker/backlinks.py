"""Backlinks: for each page that owns terms, the pages that mention them and the sentence that does.

Built from the mentions the linker reports per page, taken in navigation order, so the result
depends only on the pages and their order, never on the order the pages were linked in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import NamedTuple

from .linking import LinkResult, Mention

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------


class Backlink(NamedTuple):
    """One page mentioning a term of the target page: its src path, the term and the mention.

    The mention (and its sentence) is made from the mentioning page's result only when asked
    for, so a site that shows a few backlinks per page does not pay for all of them.
    """

    page: str
    term: str
    result: LinkResult
    position: int  # of the mention in the result

    @property
    def mention(self) -> Mention:
        return self.result.mention(self.position)

    @property
    def sentence(self) -> str:
        return self.mention.sentence


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def collect_backlinks(
    results: Mapping[str, LinkResult],
    order: Iterable[str],
    *,
    limit: int | None = None,
    totals: dict[str, int] | None = None,
) -> dict[str, list[Backlink]]:
    """Map each target page to its backlinks: one per mentioning page (its first mention), in `order`.

    `order` lists src paths in navigation order; pages in `results` missing from it follow in
    path order. With a `limit`, each list stops at that many backlinks; `totals`, if given, is
    filled with the number each target has in all.
    """
    ordered = [src for src in order if src in results]
    listed = set(ordered)
    ordered += sorted(src for src in results if src not in listed)
    backlinks: dict[str, list[Backlink]] = {}
    new = tuple.__new__  # a Backlink without the Python-level __new__: one per mentioning page and term
    for src in ordered:
        result = results[src]
        terms = result._terms
        done = {src}
        for position, (_start, _negative, index) in enumerate(result._records):
            term = terms[index]
            target = term.page
            if target in done:
                continue
            done.add(target)
            items = backlinks.get(target)
            if items is None:
                items = backlinks[target] = []
            if limit is None or len(items) < limit:
                items.append(new(Backlink, (src, term.name, result, position)))
            if totals is not None:
                totals[target] = totals.get(target, 0) + 1
    return backlinks


def mention_counts(results: Mapping[str, LinkResult]) -> dict[str, int]:
    """Number of pages mentioning each term, keyed by (page, name) as `term_key` gives."""
    counts: dict[str, int] = {}
    keys: dict[int, str] = {}  # id(term) -> its key; the terms live as long as this call
    for src, result in results.items():
        terms = result._terms
        found = set()
        for _start, _negative, index in result._records:
            term = terms[index]
            if term.page != src:
                key = keys.get(id(term))
                if key is None:
                    key = keys[id(term)] = term_key(term)
                found.add(key)
        for key in found:
            counts[key] = counts.get(key, 0) + 1
    return counts


def term_key(term) -> str:
    """A stable key for a term: its page and canonical name."""
    return f"{term.page}#{term.name}"
