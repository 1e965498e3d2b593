"""The real site, built with --strict: every actor has a page, every page its front matter, every ¶ a citation.

Assertions read the parsed HTML of the build, the way a reader's browser would get it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import yaml
from crosslinker.search import TERM_FIELD
from project_support import ROOT
from selectolax.lexbor import LexborHTMLParser as HTMLParser
from sitemodel.frontmatter import read_pages

PARAGRAPHS = range(1, 12)
# Page types the line under the title names (overrides/partials/page-meta.html).
LABELLED_TYPES = ("actor", "scenario", "theme", "overview", "reference")
DOCS = ROOT / "docs"
PAGES = read_pages(DOCS, [path.relative_to(DOCS).as_posix() for path in DOCS.rglob("*.md")])


def nav_links(page: HTMLParser) -> dict[str, str]:
    """Text -> href of every link in the primary navigation."""
    return {
        " ".join(a.text().split()): a.attributes.get("href", "") for a in page.css("nav.md-nav--primary a.md-nav__link")
    }


def content_pages(site_pages: dict[str, HTMLParser]) -> dict[str, HTMLParser]:
    """The pages built from docs/ (not the 404 page)."""
    return {path: page for path, page in site_pages.items() if path != "404.html"}


def test_every_actor_page_is_reachable_from_the_navigation(site_pages):
    """Every actor page (front matter `type: actor`), grouped or not, is in the navigation."""
    linked = {_page_path(href) for href in nav_links(site_pages["index.html"]).values()}
    actors = {uri: page for uri, page in PAGES.items() if page.meta.get("type") == "actor"}
    assert len(actors) >= 2, "no actor pages found in docs/ (front matter `type: actor`)"
    for uri in actors:
        assert _site_file(uri) in linked, f"docs/{uri}: the actor page is not in the navigation"


def test_every_content_page_shows_its_front_matter(site_pages):
    for path, page in content_pages(site_pages).items():
        if path.startswith(("tags/", "contributing/")) or path == "search/index.html":
            continue
        description = page.css_first('meta[name="description"]')
        assert description is not None and description.attributes["content"].strip(), f"{path}: no meta description"
        title = page.css_first("article h1")
        assert title is not None and title.text().strip(), f"{path}: no title"


def test_the_line_under_each_title_gives_type_and_cited_paragraphs(site_pages):
    checked = 0
    for uri, page in PAGES.items():
        if page.meta.get("type") not in LABELLED_TYPES or not page.meta.get("sources"):
            continue
        meta_line = site_pages[_site_file(uri)].css_first("article p.page-meta")
        assert meta_line is not None, f"docs/{uri}: no line under the title"
        assert meta_line.css_first(".page-meta__type").text().strip().lower() == str(page.meta["type"]).lower()
        cited = [a.text() for a in meta_line.css("a.cite")]
        assert cited == [f"¶{n}" for n in sorted(page.meta["sources"])], f"docs/{uri}: {cited}"
        checked += 1
    assert checked >= 2


def test_every_paragraph_is_cited_by_some_page(site_pages):
    cited = {
        int(match.group(1))
        for page in content_pages(site_pages).values()
        for a in page.css("article a.cite")
        if (match := re.search(r"#p(\d+)$", a.attributes.get("href", "")))
    }
    assert cited == set(PARAGRAPHS)


def test_every_citation_resolves_to_an_anchor_on_the_source_page(real_site: Path, site_pages):
    anchors_by_page: dict[str, set[str]] = {}
    checked = 0
    for path, page in content_pages(site_pages).items():
        for a in page.css("article a.cite"):
            href = a.attributes["href"]
            target, _, anchor = href.partition("#")
            target_path = _resolve(path, target)
            if target_path not in anchors_by_page:
                target_page = site_pages[target_path]
                anchors_by_page[target_path] = {node.attributes.get("id") for node in target_page.css("[id]")}
            assert anchor in anchors_by_page[target_path], f"{path}: citation {href} points at no anchor"
            assert a.text() == f"¶{anchor[1:]}", f"{path}: citation text {a.text()!r} does not match {href}"
            checked += 1
    assert checked > 100


def test_source_page_maps_each_paragraph_to_the_pages_that_draw_on_it(site_pages):
    source = site_pages["source/index.html"]
    for n in PARAGRAPHS:
        assert source.css_first(f"h3#p{n}") is not None, f"source page lacks the anchor #p{n}"
    linked = {
        _resolve("source/index.html", a.attributes.get("href", "").partition("#")[0]) for a in source.css("article a")
    }
    for uri, page in PAGES.items():
        if page.meta.get("type") and page.meta.get("sources"):
            assert _site_file(uri) in linked, f"the source page does not link to docs/{uri}, which cites the article"


def test_timeline_lists_the_dated_events(site_pages):
    text = " ".join(site_pages["timeline/index.html"].css_first("article").text().split())
    events = yaml.safe_load((ROOT / "data" / "timeline.yml").read_text(encoding="utf-8"))["events"]
    assert events
    for event in events:
        year = str(event["when"])[:4]
        assert year in text, f"the timeline does not show {year} (data/timeline.yml: {event['label']})"


def test_tags_index_lists_every_actor(site_pages):
    tags = site_pages["tags/index.html"].css_first("article").text()
    actors = [text for text, href in nav_links(site_pages["index.html"]).items() if "actors/" in href]
    assert len(actors) == len(list((ROOT / "docs" / "actors").glob("*.md")))  # the overview and every actor page
    for actor in actors:
        assert actor in tags, f"the tags page does not list {actor}"


def test_every_tag_chip_leads_to_the_one_tags_page(site_pages):
    # Material sends each tag to the "closest" page holding its listing directive; a second such page
    # (even the directive quoted in code) would make tag links go there, varying from build to build.
    chips = [(path, a.attributes["href"]) for path, page in site_pages.items() for a in page.css("a.md-tag")]
    assert chips
    wrong = [(path, href) for path, href in chips if _resolve(path, href.partition("#")[0]) != "tags/index.html"]
    assert not wrong, f"tag links that miss the tags page: {wrong[:5]}"


def _resolve(page_path: str, href: str) -> str:
    """The file in the site that `href`, written on the page at `page_path`, leads to."""
    url = urljoin(f"http://site/{page_path}", href)
    return _page_path(url.removeprefix("http://site/"))


def _site_file(uri: str) -> str:
    """The built file of a docs page: "actors/russia.md" -> "actors/russia/index.html", "index.md" -> "index.html"."""
    stem = uri.removesuffix(".md").removesuffix("index")
    return f"{stem}/index.html".lstrip("/") if stem and not stem.endswith("/") else f"{stem}index.html"


def _page_path(href: str) -> str:
    """A site-relative page URL (`actors/russia/`) as the file that serves it."""
    href = href.lstrip("./") if href.startswith("./") else href
    while href.startswith("../"):
        href = href[3:]
    return href + "index.html" if href.endswith("/") or href == "" else href


def test_search_index_gives_every_term_to_its_page(real_site: Path):
    """Each registered name's words are in the term field of its page's own entry (not a section's), and the
    field counts far above titles (hooks/crosslinker/search.py says why)."""
    index = json.loads((real_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    fields = {doc["location"]: doc.get(TERM_FIELD, "").split() for doc in index["docs"]}
    checked = 0
    for uri, page in PAGES.items():
        location = uri.removesuffix(".md").removesuffix("index") + ("" if uri.endswith("index.md") else "/")
        for term in page.meta.get("terms") or []:
            for name in [term["name"], *(term.get("aliases") or [])]:
                for word in re.split(index["config"]["separator"], name.lower()):
                    assert word in fields[location], f"{uri}: {word!r} of the term {name!r} is not in its search entry"
                    checked += 1
    assert checked, "no term found in the docs' front matter"
    assert not any(TERM_FIELD in doc for doc in index["docs"] if "#" in doc["location"])
    boosts = index["config"]["fields"]
    assert boosts[TERM_FIELD]["boost"] >= 100 * max(boosts["title"]["boost"], boosts["tags"]["boost"])
