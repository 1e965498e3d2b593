"""The search field that lets a term's own page rank first: where the names go and how they are weighted.

The ranking itself is checked in a real browser (tests/browser/test_search.py); these tests check the
arithmetic the module's docstring relies on, for any names hypothesis draws.
"""

from __future__ import annotations

import re
from collections import Counter

from crosslinker import Term
from crosslinker.search import SHARE_BASE, TERM_FIELD, add_term_field, names_by_page, term_tokens, word_share
from hypothesis import assume, given
from hypothesis import strategies as st

WORDS = st.text(alphabet="abcdefgh", min_size=1, max_size=6)
NAMES = st.lists(WORDS, min_size=1, max_size=SHARE_BASE // 2, unique=True).map(" ".join)


def _shares(field: str) -> Counter:
    """Tokens unique to the page, per word, in a field's value."""
    return Counter(token.rsplit("_", 2)[0] for token in field.split() if "_" in token)


def _score(field: str, query: str) -> int:
    """What the field's unique tokens give a query in Material's search (each query word is searched with a
    trailing wildcard): every token that starts with a query word counts once, and all weigh the same."""
    tokens = [token for token in field.split() if "_" in token]
    return sum(1 for word in query.lower().split() for token in tokens if token.startswith(word))


def test_names_go_to_the_page_whatever_section_a_term_points_at():
    terms = [
        Term("sanctions", "themes/sanctions.md", aliases=("sanctioned",)),
        Term("export controls", "themes/sanctions.md", anchor="export-controls"),
        Term("Russia", "actors/russia.md"),
    ]
    urls = {"themes/sanctions.md": "themes/sanctions/", "actors/russia.md": "actors/russia/"}
    assert names_by_page(urls, terms) == {
        "themes/sanctions/": ["sanctions", "sanctioned", "export controls"],
        "actors/russia/": ["Russia"],
    }


def test_the_field_is_not_named_like_a_property_materials_results_carry():
    # Material's search worker adds `score` and `terms` (the query words each result matched) to every
    # result, on top of the entry's own fields: a field of one of those names would be overwritten.
    assert TERM_FIELD not in {"location", "title", "text", "tags", "boost", "parent", "score", "terms", "path"}


def test_tokens_are_unique_to_their_page_and_start_with_their_word():
    index = {
        "config": {"separator": r"[\s\-]+"},
        "docs": [
            {"location": "themes/russia-china-partnership/", "title": "The partnership", "text": ""},
            {"location": "actors/china/", "title": "China", "text": ""},
            {"location": "actors/china/#role", "title": "Role", "text": ""},
        ],
    }
    names = {
        "themes/russia-china-partnership/": ["Russia-China partnership", "Russia-China ties"],
        "actors/china/": ["China", "Beijing"],
    }
    updated, missing = add_term_field(index, names)
    fields = [doc.get(TERM_FIELD) for doc in updated["docs"]]
    assert fields[2] is None, "sections get no field: the page entry carries its terms"
    plain = [[token for token in field.split() if "_" not in token] for field in fields[:2]]
    assert plain == [["russia", "china", "partnership", "ties"], ["china", "beijing"]], "each word once, plainly"
    unique = [[token for token in field.split() if "_" in token] for field in fields[:2]]
    assert not set(unique[0]) & set(unique[1])
    assert all(re.fullmatch(r"[a-z]+_\d+_\d+", token) for token in unique[0] + unique[1])
    three, one = word_share(3), word_share(1)
    assert _shares(fields[0]) == {"russia": three, "china": three, "partnership": three, "ties": three}
    assert _shares(fields[1]) == {"china": one, "beijing": one}
    assert missing == []
    assert TERM_FIELD not in index["docs"][0], "the input index is left unchanged"


def test_a_location_without_a_search_entry_is_reported():
    updated, missing = add_term_field({"docs": []}, {"themes/sanctions/": ["x"]})
    assert (updated, missing) == ({"docs": []}, ["themes/sanctions/"])


def test_shares_fall_per_word_and_rise_per_name():
    lengths = range(1, SHARE_BASE // 2 + 1)
    assert all(word_share(k) > word_share(k + 1) for k in lengths[:-1])
    assert all(k * word_share(k) < (k + 1) * word_share(k + 1) for k in lengths[:-1])


@given(owner=NAMES, other=NAMES)
def test_a_whole_name_gives_its_owner_the_higher_score(owner, other):
    """For a query that is one page's whole name, a page whose name shares only some of its words scores less.

    Outside the guarantee (the module's docstring): a name holding two forms of one query word ("export
    exports"), which counts that word twice.
    """
    query_words = owner.split()
    other_words = other.split()
    assume(all(sum(word.startswith(q) for word in other_words) <= 1 for q in query_words))
    covers = all(any(word.startswith(q) for word in other_words) for q in query_words)
    shares_everything = covers and all(any(word.startswith(q) for q in query_words) for word in other_words)
    owner_score = _score(term_tokens([owner], 0), owner)
    other_score = _score(term_tokens([other], 1), owner)
    if not covers or not shares_everything:
        assert owner_score > other_score, (owner, other, owner_score, other_score)
