"""Give each term's names to the search entry of the page that explains it, so that page comes first.

How Material's search (lunr) ranks, in the parts that matter here: each query word gets a trailing
wildcard (`export` is searched as `export*`); a page's score adds up, over the query words, the weight
of its indexed tokens that start with that word, each weighted by its field's boost and its rarity
(inverse document frequency; length does not count, Material sets lunr's `b` to 0); page entries are
then worth up to 2.5 times sections. Adding a name's words to its page once each is not enough: a
search for "export controls" finds the page that owns "energy exports" through `exports`, and a
search for "Russia" gives the page owning "Russia-China partnership" as much as the Russia page.

So `add_term_field` writes a `term_names` field (not `terms`: Material's results carry their own
`terms`) onto each owner's page entry, made so that a query that is a whole registered name gives its
owner the highest score:

- each word of a name is written as `word_share(k)` tokens unique to the page (`export_3_0`,
  `export_3_1`, ...): all have the same rarity, and each starts with its word, so the query word
  finds it; the plain word is added once, for the parts of a hyphenated query word that Material
  searches without a wildcard ("Russia-China" becomes `russia china*`, twice);
- the share falls by one token per word of the name (12 for one word, 11 for two, ...), so the total
  rises (12, 22, 30, ...). For a query that is a name of k words its owner scores k * share(k); a
  name of m words holding j of those words scores j * share(m), which is less unless it holds the
  same words (or longer forms of them, `exports` for `export`, or two forms of one word): if m > k
  its share is smaller, and if m <= k then j < k or j = m = k. The plain words shift a score by
  less than one token;
- mkdocs.yml boosts the field far above titles and text, so those only order the pages that own
  no term of the query.

What it cannot tell apart is a page whose names, together, hold every word of the query: that is a
real ambiguity, and the search test names both pages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from .registry import Term

TERM_FIELD = "term_names"

# Tokens per word: SHARE_BASE - k for a name of k words, falling per word while k * share rises
# (up to names of SHARE_BASE // 2 words); longer names get SHARE_FLOOR.
SHARE_BASE = 13
SHARE_FLOOR = 7

# Material's default search separator, for indexes whose config does not say.
DEFAULT_SEPARATOR = r"[\s\-]+"


def names_by_page(page_urls: Mapping[str, str], terms: Iterable[Term]) -> dict[str, list[str]]:
    """Every name and alias of the terms, by the search location (URL) of the page that explains them."""
    names: dict[str, list[str]] = {}
    for term in terms:
        names.setdefault(page_urls[term.page], []).extend(term.names)
    return names


def word_share(words: int) -> int:
    """Tokens per word for a name of `words` words."""
    return max(SHARE_BASE - words, SHARE_FLOOR)


def term_tokens(names: Iterable[str], page_number: int, separator: str = DEFAULT_SEPARATOR) -> str:
    """The field's value for one page: each word plainly, then its share of tokens unique to the page.

    A word in several names gets the largest share any of them gives it, so aliases that repeat a
    word ("Russia-China relations", "Russia-China ties") do not add up to outrank the word's owner.
    """
    split = re.compile(separator)
    shares: dict[str, int] = {}
    for name in names:
        words = list(dict.fromkeys(word.lower() for word in split.split(name) if word))
        share = word_share(len(words))
        for word in words:
            shares[word] = max(shares.get(word, 0), share)
    unique = (f"{word}_{page_number}_{n}" for word, share in shares.items() for n in range(share))
    return " ".join([*shares, *unique])


def add_term_field(index: dict, names: Mapping[str, list[str]]) -> tuple[dict, list[str]]:
    """Return the index with a `term_names` field on each named entry, and the locations no entry has."""
    separator = index.get("config", {}).get("separator") or DEFAULT_SEPARATOR
    numbers = {location: number for number, location in enumerate(sorted(names))}
    found = set()
    updated = []
    for doc in index.get("docs", []):
        location = doc.get("location")
        if location in numbers:
            doc = {**doc, TERM_FIELD: term_tokens(names[location], numbers[location], separator)}
            found.add(location)
        updated.append(doc)
    missing = sorted(set(names) - found)
    return {**index, "docs": updated}, missing
