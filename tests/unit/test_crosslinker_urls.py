"""URLs between pages: a table of exact answers, and agreement with MkDocs' own relative URLs."""

from __future__ import annotations

import pytest
from crosslinker.urls import relative_url, url_for
from hypothesis import given
from hypothesis import strategies as st
from mkdocs.utils import get_relative_url

# (page URL, target URL, the target's URL as seen from the page)
RELATIVE = [
    # Directory URLs (the default)
    ("", "", "./"),
    ("", "actors/russia/", "actors/russia/"),
    ("actors/russia/", "", "../../"),
    ("actors/russia/", "actors/russia/", "./"),
    ("actors/russia/", "actors/", "../"),
    ("actors/russia/", "actors/uae/", "../uae/"),
    ("actors/", "actors/russia/", "russia/"),
    ("actors/russia/", "themes/sanctions/", "../../themes/sanctions/"),
    ("a/b/c/", "a/b/d/", "../d/"),
    ("a/b/c/", "a/", "../../"),
    ("a/b/c/", "x/y/", "../../../x/y/"),
    # use_directory_urls: false
    ("index.html", "index.html", "index.html"),
    ("index.html", "actors/russia.html", "actors/russia.html"),
    ("actors/russia.html", "index.html", "../index.html"),
    ("actors/russia.html", "actors/uae.html", "uae.html"),
    ("actors/index.html", "themes/sanctions.html", "../themes/sanctions.html"),
    # Mixed and odd, as MkDocs normalises them
    ("actors/russia/", "actors//uae/", "../uae/"),
    ("/actors/russia/", "/themes/", "../../themes/"),
]


@pytest.mark.parametrize(("page", "target", "expected"), RELATIVE)
def test_relative_url(page: str, target: str, expected: str) -> None:
    assert relative_url(target, page) == expected


URLS = {"index.md": "", "actors/russia.md": "actors/russia/", "actors/uae.md": "actors/uae/", "a.md": "a.html"}

URL_FOR = [
    ("", "actors/russia.md", None, "actors/russia/"),
    ("", "actors/russia.md", "ties", "actors/russia/#ties"),
    ("actors/uae/", "actors/russia.md", "ties", "../russia/#ties"),
    ("actors/uae/", "index.md", None, "../../"),
    ("actors/uae/", "a.md", "x", "../../a.html#x"),
    ("actors/uae/", "elsewhere.md", None, "elsewhere.md"),  # not a page of the site: as it is
]


@pytest.mark.parametrize(("page", "target", "anchor", "expected"), URL_FOR)
def test_url_for(page: str, target: str, anchor: str | None, expected: str) -> None:
    assert url_for(page, URLS)(target, anchor) == expected


segment = st.sampled_from(["a", "b", "actors", "russia", "x.y"])
page_urls = st.one_of(
    st.lists(segment, max_size=3).map(lambda parts: "/".join(parts) + "/" if parts else ""),
    st.lists(segment, min_size=1, max_size=3).map(lambda parts: "/".join(parts) + ".html"),
)


@given(page=page_urls, target=page_urls)
def test_agrees_with_mkdocs_but_keeps_the_slash(page: str, target: str) -> None:
    """As mkdocs.utils.get_relative_url, except that a folder URL always ends in `/` (`../`, not `..`)."""
    expected = get_relative_url(target, page)
    if (target == "" or target.endswith("/")) and not expected.endswith("/"):
        expected += "/"
    assert relative_url(target, page) == expected
    assert url_for(page, {"t.md": target})("t.md", None) == expected
