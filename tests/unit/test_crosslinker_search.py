"""The search field that lets a term's own page rank first: where the names go and how they are written."""

from __future__ import annotations

from crosslinker import Term
from crosslinker.search import add_terms_field, term_locations


def test_names_go_to_the_page_or_to_the_section_a_term_points_at():
    terms = [
        Term("sanctions", "themes/sanctions.md", aliases=("sanctioned",)),
        Term("secondary sanctions", "themes/sanctions.md", anchor="secondary-sanctions"),
        Term("export controls", "themes/sanctions.md", anchor="export-controls", aliases=("export control",)),
    ]
    assert term_locations("themes/sanctions/", terms) == {
        "themes/sanctions/": ["sanctions", "sanctioned"],
        "themes/sanctions/#secondary-sanctions": ["secondary sanctions"],
        "themes/sanctions/#export-controls": ["export controls", "export control"],
    }


def test_each_word_is_written_once_so_repetition_does_not_outrank_the_owner():
    index = {
        "config": {"lang": ["en"]},
        "docs": [
            {"location": "themes/russia-china-partnership/", "title": "The Russia-China partnership", "text": ""},
            {"location": "actors/china/", "title": "China", "text": ""},
        ],
    }
    names = {
        "themes/russia-china-partnership/": ["Russia-China partnership", "Russia-China relations", "Russia-China ties"],
        "actors/china/": ["China", "Beijing", "Chinese"],
    }
    updated, missing = add_terms_field(index, names)
    assert [doc.get("terms") for doc in updated["docs"]] == [
        "Russia China partnership relations ties",
        "China Beijing Chinese",
    ]
    assert missing == []
    assert "terms" not in index["docs"][0], "the input index is left unchanged"


def test_a_location_without_a_search_entry_is_reported():
    updated, missing = add_terms_field({"docs": []}, {"themes/sanctions/#nowhere": ["x"]})
    assert (updated, missing) == ({"docs": []}, ["themes/sanctions/#nowhere"])
