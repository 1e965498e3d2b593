"""Search as a reader uses it: queries typed into Material's search box, the first result read from the page.

Every expectation is computed from the content, so adding or splitting a page, a term or an actor needs no change
here: every registered term and alias (front matter `terms:`) must list its own page first, and each reader query
names the term (or the page title) it is about, whose page, wherever it is now, must come first. One search page is
shared by the module: loading the index once keeps some hundred queries within seconds, and each query starts from
an empty box. Reader queries are typed key by key; the (longer) term table sets the box's value and fires the keyup
Material searches on.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest
from browser_harness import (
    docs_files,
    front_matter,
    new_context,
    open_search,
    page_path,
    registered_names,
    search,
    source_of,
    term_page,
)
from crosslinker.search import TERM_FIELD

pytestmark = pytest.mark.browser

# Reader queries that are not a registered name as written (every registered name is checked on its own, below):
# how someone would type a term or a title, and what it is about, `term: NAME` (any of its names) or `title: TITLE`.
READER_QUERIES = [
    ("salami slicing", "term: salami-slicing"),
    ("status quo scenario", "term: status quo"),
    ("Kissinger 1972", "term: 1972 opening to China"),
    ("240 billion", "term: Russia-China trade"),
    ("Russia China trade", "term: Russia-China trade"),
    ("timeline", "title: Timeline"),
    ("glossary", "title: Glossary"),
]


REGISTERED_TERMS = registered_names()


def expected_page(about: str) -> str:
    """The docs file a reader query is about, read from today's content: `term: NAME` is the page that registers a
    term with that name or alias, `title: TITLE` the page with that title."""
    kind, _, value = about.partition(": ")
    if kind == "term":
        return term_page(value)
    owners = [doc for doc in docs_files() if str(front_matter(doc).get("title", "")) == value]
    assert len(owners) == 1, (
        f"the reader query's expectation {about!r} matches {owners or 'no page'}: if the page was renamed or "
        f"removed, update READER_QUERIES in tests/browser/test_search.py"
    )
    return owners[0]


@pytest.fixture(scope="module")
def search_page(browser, site):
    context = new_context(browser, site)
    page = context.new_page()
    open_search(page, site)
    yield page
    context.close()


def _assert_first(search_page, site, query: str, doc: str, *, keystrokes: bool = True) -> None:
    expected = page_path(doc)
    assert (site.root / expected / "index.html").is_file(), f"docs/{doc} is not a page of the built site"
    results = search(search_page, query, keystrokes=keystrokes)
    shown = ", ".join(f"{r['title']!r} (docs/{source_of(r['path'])})" for r in results[:3]) or "no results"
    assert results, f"search for {query!r} found nothing; expected docs/{doc} first"
    assert results[0]["path"] == expected, (
        f"search for {query!r} should list docs/{doc} first, which registers it as a term, but lists {shown}. "
        f"The first page's terms (front matter `terms:`) share the words of {query!r}: make one of the two names "
        "more specific, or drop the alias that repeats the other page's words (CONTRIBUTING.md, "
        "'What the checks mean')."
    )


def test_every_page_has_terms_to_search():
    """The term table is read from front matter: an empty one would pass vacuously."""
    assert len(REGISTERED_TERMS) >= 20, "fewer than 20 terms found in docs/**/*.md front matter `terms:`"


@pytest.mark.parametrize(("query", "about"), READER_QUERIES, ids=[q for q, _ in READER_QUERIES])
def test_reader_query_first_result(search_page, site, query, about):
    _assert_first(search_page, site, query, expected_page(about))


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
    query = REGISTERED_TERMS[0][0]
    page.goto(site.url(f"?q={quote(query)}"))
    page.locator("li.md-search-result__item").first.wait_for()
    assert page.locator("input.md-search__input").input_value() == query
    assert page.locator(".md-search-result__meta").inner_text().strip().split()[0].isdigit()
