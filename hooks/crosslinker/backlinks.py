"""Backlinks: for each page that owns terms, the pages that mention them and the sentence that does.

Built from the mentions the linker reports per page, taken in navigation order, so the result
depends only on the pages and their order, never on the order the pages were linked in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .linking import LinkResult, Mention

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Backlink:
    """One page mentioning a term of the target page: its src path, the term and the mention.

    The sentence is cut from the mentioning page's text only when asked for, so a site that
    shows a few backlinks per page does not pay for all of them.
    """

    page: str
    term: str
    mention: Mention

    @property
    def sentence(self) -> str:
        return self.mention.sentence


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def collect_backlinks(results: Mapping[str, LinkResult], order: Iterable[str]) -> dict[str, list[Backlink]]:
    """Map each target page to its backlinks: one per mentioning page (its first mention), in `order`.

    `order` lists src paths in navigation order; pages in `results` missing from it follow in
    path order.
    """
    ordered = [src for src in order if src in results]
    listed = set(ordered)
    ordered += sorted(src for src in results if src not in listed)
    backlinks: dict[str, list[Backlink]] = {}
    for src in ordered:
        done: set[str] = set()
        for mention in results[src].mentions:
            target = mention.term.page
            if target in done or target == src:
                continue
            done.add(target)
            backlinks.setdefault(target, []).append(Backlink(page=src, term=mention.term.name, mention=mention))
    return backlinks


def mention_counts(results: Mapping[str, LinkResult]) -> dict[str, int]:
    """Number of pages mentioning each term, keyed by (page, name) as `term_key` gives."""
    counts: dict[str, int] = {}
    for src, result in results.items():
        for key in {term_key(m.term) for m in result.mentions if m.term.page != src}:
            counts[key] = counts.get(key, 0) + 1
    return counts


def term_key(term) -> str:
    """A stable key for a term: its page and canonical name."""
    return f"{term.page}#{term.name}"
