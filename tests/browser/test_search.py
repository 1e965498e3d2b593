"""Search as a reader uses it: queries typed into Material's search box, the first result read from the page.

Two tables: reader queries with the page that must come first, and every registered term and alias (front
matter `terms:`), whose own page must come first. One search page is shared by the module: loading the index
once keeps some hundred queries within seconds, and each query starts from an empty box. Reader queries are
typed key by key; the (longer) term table sets the box's value and fires the keyup Material searches on.
"""

from __future__ import annotations

import pytest
from browser_harness import docs_files, front_matter, new_context, open_search, page_path, search
from crosslinker.search import TERM_FIELD

pytestmark = pytest.mark.browser

# Reader queries: what someone would type, and the docs file that must be the first result.
READER_QUERIES = [
    # actors, by the names readers use
    ("Russia", "actors/russia.md"),
    ("China", "actors/china.md"),
    ("Iran", "actors/iran.md"),
    ("Ukraine", "actors/ukraine.md"),
    ("North Korea", "actors/north-korea.md"),
    ("Armenia", "actors/armenia.md"),
    ("Azerbaijan", "actors/azerbaijan.md"),
    ("Kazakhstan", "actors/central-asia.md"),
    ("Uzbekistan", "actors/central-asia.md"),
    ("India", "actors/india.md"),
    ("Turkey", "actors/turkey.md"),
    ("United Arab Emirates", "actors/uae.md"),
    ("NATO", "actors/nato-and-european-allies.md"),
    ("Baltic states", "actors/baltic-states-and-eastern-europe.md"),
    ("United States", "actors/united-states.md"),
    ("Trump administration", "actors/united-states.md"),
    # terms and concepts
    ("secondary sanctions", "themes/sanctions.md"),
    ("export controls", "themes/sanctions.md"),
    ("salami slicing", "themes/security-dilemma.md"),
    ("hybrid warfare", "themes/security-dilemma.md"),
    ("security dilemma", "themes/security-dilemma.md"),
    ("JCPOA", "themes/russia-iran-partnership.md"),
    ("Comprehensive Strategic Partnership", "themes/russia-iran-partnership.md"),
    ("BRICS currency", "themes/brics-currency.md"),
    ("pivot to the East", "themes/pivot-to-the-east.md"),
    ("European security architecture", "themes/european-security-architecture.md"),
    ("multipolar order", "themes/multipolar-order.md"),
    ("reverse Kissinger", "scenarios/split.md"),
    ("status quo scenario", "scenarios/status-quo.md"),
    # events and figures
    ("Kissinger 1972", "themes/kissinger-1972.md"),
    ("240 billion", "themes/russia-china-partnership.md"),
    ("Russia China trade", "themes/russia-china-partnership.md"),
    ("Nagorno-Karabakh", "actors/armenia.md"),
    # the reference pages
    ("timeline", "timeline.md"),
    ("glossary", "glossary.md"),
]


def _registered_terms() -> list[tuple[str, str]]:
    """(query, docs file) for every term name and alias in the docs' front matter."""
    pairs = []
    for doc in docs_files():
        for term in front_matter(doc).get("terms") or []:
            for name in [term["name"], *(term.get("aliases") or [])]:
                pairs.append((name, doc))
    return pairs


REGISTERED_TERMS = _registered_terms()


@pytest.fixture(scope="module")
def search_page(browser, site):
    context = new_context(browser, site)
    page = context.new_page()
    open_search(page, site)
    yield page
    context.close()


def _assert_first(search_page, site, query: str, doc: str, *, keystrokes: bool = True) -> None:
    expected = page_path(doc)
    assert (site.root / expected / "index.html").is_file(), f"{doc} is not a page of the built site"
    results = search(search_page, query, keystrokes=keystrokes)
    shown = ", ".join(f"{r['title']!r} ({r['path'] or '/'})" for r in results[:3]) or "no results"
    assert results, f"search for {query!r} found nothing; expected {doc} first"
    assert results[0]["path"] == expected, f"search for {query!r}: expected {doc} first, got {shown}"


def test_enough_reader_queries():
    assert len(READER_QUERIES) >= 25


def test_every_page_has_terms_to_search():
    """The term table is read from front matter: an empty one would pass vacuously."""
    assert len(REGISTERED_TERMS) >= 20, "fewer than 20 terms found in docs/**/*.md front matter `terms:`"


@pytest.mark.parametrize(("query", "doc"), READER_QUERIES, ids=[q for q, _ in READER_QUERIES])
def test_reader_query_first_result(search_page, site, query, doc):
    _assert_first(search_page, site, query, doc)


@pytest.mark.parametrize(("query", "doc"), REGISTERED_TERMS, ids=[f"{d}:{q}" for q, d in REGISTERED_TERMS])
def test_term_lists_its_page_first(search_page, site, query, doc):
    _assert_first(search_page, site, query, doc, keystrokes=False)


def test_results_keep_materials_terms_and_the_term_field_apart(search_page):
    """Material adds to each result a `terms` object (which query words it matched, used to show missing ones);
    the hook's field must not share its name, or one would overwrite the other."""
    query = REGISTERED_TERMS[0][0]
    search(search_page, query, keystrokes=False)
    first = search_page.evaluate("window.__searchProbe.result.items[0][0]")
    assert isinstance(first["terms"], dict) and all(isinstance(v, bool) for v in first["terms"].values()), first
    assert isinstance(first[TERM_FIELD], str) and first[TERM_FIELD], f"the result has no {TERM_FIELD}: {first}"


def test_query_in_address_opens_search(page, site):
    """`/?q=term` (Material's search.share links) opens the search with the results of that term."""
    page.goto(site.url("?q=JCPOA"))
    page.locator("li.md-search-result__item").first.wait_for()
    assert page.locator("input.md-search__input").input_value() == "JCPOA"
    assert page.locator(".md-search-result__meta").inner_text().strip().split()[0].isdigit()
