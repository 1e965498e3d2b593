"""Pages follow the article's material: properties of whatever actors, terms and ties the front matter holds.

An actor page has the full shape or the compact one, and no section without content; what front matter
declares (outlook, ties, glossary definitions) is what readers see, and nothing is shown that it does not declare.
"""

from __future__ import annotations

import re

import pytest
from project_support import ROOT
from selectolax.lexbor import LexborHTMLParser as HTMLParser
from sitemodel.frontmatter import read_pages

FULL_SECTIONS = ("role", "interests", "scenarios", "ties")
DOCS = ROOT / "docs"
PAGES = read_pages(DOCS, [path.relative_to(DOCS).as_posix() for path in DOCS.rglob("*.md")])
ACTORS = {
    uri.removeprefix("actors/").removesuffix(".md"): page
    for uri, page in PAGES.items()
    if uri.startswith("actors/") and page.meta.get("type") == "actor"
}


def html_of(site_pages: dict[str, HTMLParser], uri: str) -> HTMLParser:
    return site_pages[
        uri.removesuffix(".md").removesuffix("index") + ("" if uri.endswith("index.md") else "/") + "index.html"
    ]


def sections(page: HTMLParser) -> dict[str, list]:
    """The h2 sections of the article, by id, each with the blocks that follow it up to the next h2."""
    found: dict[str, list] = {}
    current = None
    for node in page.css_first("article").iter():
        if node.tag == "h2" and node.attributes.get("id"):
            current = node.attributes["id"]
            found[current] = []
        elif current is not None and node.tag not in ("aside", "hr"):
            found[current].append(node)
    return found


def test_there_are_actors_to_check():
    assert len(ACTORS) >= 2


@pytest.mark.parametrize("actor", sorted(ACTORS))
def test_an_actor_page_has_the_full_or_the_compact_shape_and_no_empty_section(site_pages, actor):
    page = html_of(site_pages, f"actors/{actor}.md")
    found = sections(page)
    for section_id, nodes in found.items():
        assert any(node.text(strip=True) for node in nodes), f"{actor}: section #{section_id} is empty"
    full = [s for s in FULL_SECTIONS if s in found]
    if full:
        assert "role" in found, f"{actor}: a full-shape page starts with 'Role in the argument' (#role)"
        order = [s for s in found if s in FULL_SECTIONS]
        assert order == sorted(order, key=FULL_SECTIONS.index), f"{actor}: sections out of order: {order}"
    else:
        first = page.css_first("article > p:not(.page-meta)")
        assert first is not None and first.text(strip=True), f"{actor}: a compact page opens with a passage"


@pytest.mark.parametrize("actor", sorted(ACTORS))
def test_an_actor_page_shows_each_scenario_its_outlook_covers_and_no_other(site_pages, actor):
    outlook = ACTORS[actor].meta.get("outlook") or {}
    found = sections(html_of(site_pages, f"actors/{actor}.md"))
    if "scenarios" not in found:
        # A compact page (no #role): the comparison table shows its outlook (next test).
        assert "role" not in found or not outlook, f"{actor}: a full-shape page shows its outlook under #scenarios"
        return
    shown = [li.text().split(":")[0].strip() for node in found["scenarios"] for li in node.css("li")]
    expected = [
        {"split": "Split", "status_quo": "Status quo"}[key] for key in ("split", "status_quo") if key in outlook
    ]
    assert shown == expected


def test_the_comparison_table_has_a_row_for_every_actor_with_an_outlook_and_only_those(site_pages):
    table = html_of(site_pages, "scenarios/comparison.md").css_first("figure#scenario-matrix table")
    rows = {
        tr.css_first("th[scope=row] a").attributes["href"].rstrip("/").rsplit("/", 1)[-1]: tr
        for tr in table.css("tbody tr")
    }
    assert set(rows) == {actor for actor, page in ACTORS.items() if page.meta.get("outlook")}
    for actor, row in rows.items():
        outlook = ACTORS[actor].meta["outlook"]
        cells = [td.text(strip=True) for td in row.css("td")]
        for key, cell in zip(("split", "status_quo"), cells, strict=True):
            assert (cell == "—") == (key not in outlook), f"{actor}: {key} cell {cell!r}"


@pytest.mark.parametrize("actor", sorted(ACTORS))
def test_every_tie_shows_on_both_actors_pages_where_they_list_ties(site_pages, actor):
    declared = ACTORS[actor].meta.get("ties") or []
    for tie in declared:
        for side, other in ((actor, tie["to"]), (tie["to"], actor)):
            found = sections(html_of(site_pages, f"actors/{side}.md"))
            if "ties" not in found:
                # A compact page (no #role): its ties are on the other actor's page and the map.
                assert "role" not in found, f"{side}: a full-shape page lists its ties under #ties"
                continue
            items = [_plain(li.text()) for node in found["ties"] for li in node.css("li")]
            assert any(_plain(tie["says"]) in item for item in items), f"{side}: tie with {other} not listed"


def _plain(text: str) -> str:
    """Text without citation markers, as Markdown `[¶5]` or as rendered `¶5`, white space collapsed."""
    return " ".join(re.sub(r"\s*\[?¶\d+(?:\s*[-–,]\s*¶?\d+)*\]?", "", text).split())


def test_every_term_has_its_definition_in_the_glossary_with_working_citations(site_pages):
    glossary = html_of(site_pages, "glossary.md")
    entries = {dt.text(strip=True): dt.next for dt in glossary.css("dl > dt")}
    terms = [term for page in PAGES.values() for term in page.meta.get("terms") or []]
    assert terms
    for term in terms:
        entry = entries[term["name"]]
        while entry is not None and entry.tag != "dd":
            entry = entry.next
        assert _plain(term["definition"]) in _plain(entry.text()), f"{term['name']}: definition not shown"
        for link in entry.css("a.cite"):
            assert re.fullmatch(r"\.\./source/#p\d+", link.attributes["href"]), link.attributes["href"]
