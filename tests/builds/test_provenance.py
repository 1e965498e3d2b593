"""The real site's provenance lists: under each paragraph of the source page, every sentence that cites it.

Properties of whatever the content is: every rendered citation on every page is listed under its paragraph,
every listed sentence leads back to its citation, and the lists stay out of search and out of term linking.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

from crosslinker.linking import CSS_CLASS
from project_support import ROOT
from selectolax.lexbor import LexborHTMLParser as HTMLParser
from sitemodel.paragraphs import read_paragraphs

SOURCE = "source/index.html"


def _resolve(page_path: str, href: str) -> tuple[str, str]:
    """The site file and fragment that `href`, written on the page at `page_path`, leads to."""
    url = urljoin(f"http://site/{page_path}", href)
    path, _, fragment = url.removeprefix("http://site/").partition("#")
    return (path + "index.html" if path.endswith("/") or path == "" else path), fragment


def _listed(site_pages: dict[str, HTMLParser]) -> dict[int, list[tuple[str, str, str]]]:
    """{paragraph: [(page file, citation id, sentence), ...]} as the source page lists them."""
    listed: dict[int, list[tuple[str, str, str]]] = {}
    for details in site_pages[SOURCE].css("details.provenance"):
        n = int(re.fullmatch(r"p(\d+)-claims", details.attributes["id"]).group(1))
        for link in details.css("ul.provenance__pages ul a"):
            page, anchor = _resolve(SOURCE, link.attributes["href"])
            listed.setdefault(n, []).append((page, anchor, link.text()))
    return listed


def test_every_paragraph_has_a_provenance_list_under_its_heading(site_pages):
    source = site_pages[SOURCE]
    headings = source.css("article h3[id^=p]")
    assert len(headings) == len(read_paragraphs(ROOT)), "one heading per paragraph of data/paragraphs.yml"
    for heading in headings:
        n = heading.attributes["id"][1:]
        following = heading.next
        while following is not None and following.tag != "details" and following.tag != "h3":
            following = following.next
        assert following is not None and following.attributes.get("id") == f"p{n}-claims", (
            f"¶{n} has no provenance list before the next paragraph"
        )


def test_every_rendered_citation_is_listed_under_its_paragraph(site_pages):
    listed = _listed(site_pages)
    anchors = {(page, anchor) for entries in listed.values() for page, anchor, _ in entries}
    missing = []
    for path, page in site_pages.items():
        if path in (SOURCE, "404.html"):
            continue
        for link in page.css("article a.cite[id]"):
            if (path, link.attributes["id"]) in anchors:
                continue
            # A sentence a page repeats is listed once, at its first citation of that paragraph.
            n = int(link.text().lstrip("¶"))
            block = " ".join(_block(link).text().split())
            if not any(page_file == path and sentence in block for page_file, _, sentence in listed.get(n, [])):
                missing.append(f"{path}#{link.attributes['id']}")
    assert not missing, f"citations missing from the source page's lists: {missing[:10]}"
    assert anchors, "the source page lists no sentences"


def _block(node):
    """The paragraph, list item, cell or caption that holds `node`."""
    while node.tag not in ("p", "li", "td", "th", "dd", "dt", "figcaption"):
        node = node.parent
    return node


def test_every_listed_sentence_leads_to_a_citation_of_its_paragraph(site_pages):
    checked = 0
    for n, entries in _listed(site_pages).items():
        for page, anchor, sentence in entries:
            target = site_pages[page].css_first(f"#{anchor}")
            assert target is not None, f"¶{n}: {page}#{anchor} does not exist"
            assert "cite" in target.attributes.get("class", "").split() and target.text() == f"¶{n}", (
                f"¶{n}: {page}#{anchor} is not a citation of ¶{n}"
            )
            assert f"¶{n}" in sentence, f"¶{n}: the listed sentence does not show its citation: {sentence!r}"
            assert sentence.rstrip(".") in " ".join(_block(target).text().split()), (
                f"¶{n}: {sentence!r} is not what {page}#{anchor} says"
            )
            checked += 1
    assert checked > 100


def test_the_lists_are_neither_linked_nor_indexed(real_site: Path, site_pages):
    source = site_pages[SOURCE]
    details = source.css("details.provenance")
    assert details
    for block in details:
        # Only the list's own links: no term links (the linker's class) inside quoted sentences.
        assert not block.css(f"a.{CSS_CLASS}"), "term links inside a provenance list"
        assert all(a.parent.tag == "li" for a in block.css("a"))
    index = json.loads((real_site / "search" / "search_index.json").read_text(encoding="utf-8"))

    def search_text(page: str) -> str:
        """The words of a page's search entries, as a reader's text (entities and tags gone, spaces collapsed)."""
        entries = [doc["text"] for doc in index["docs"] if doc["location"].split("#")[0] == page]
        return " ".join(HTMLParser(f"<p>{' '.join(entries)}</p>").text().split())

    quoted = details[0].css_first("ul.provenance__pages ul a")
    some_sentence = " ".join(quoted.text().split())
    quoting_page, _ = _resolve(SOURCE, quoted.attributes["href"])
    # The same comparison finds the sentence where it belongs, so its absence below means something.
    assert some_sentence in search_text(quoting_page.removesuffix("index.html")), "the quoted sentence's own page"
    assert some_sentence not in search_text("source/"), "the source page's search entry quotes other pages"


def test_no_citation_is_left_as_literal_text(site_pages):
    """A `[¶N]` the build did not turn into a link reads as a claim with no source (outside code,
    where the conventions page shows the syntax)."""
    literal = []
    for path, page in site_pages.items():
        for block in page.css("article p, article li, article td, article dd, article figcaption"):
            if block.css_first("code") is None and "[¶" in block.text():
                literal.append(f"{path}: {' '.join(block.text().split())[:80]}")
    assert not literal, f"citations shown as plain text: {literal}"
