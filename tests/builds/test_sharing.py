"""Link previews for sharing: every built page carries Open Graph and Twitter card tags made from its front matter.

Text only (a `summary` card, no image) and nothing from another host: the only URL is the page's own address.
"""

from __future__ import annotations

import yaml
from project_support import ROOT
from selectolax.lexbor import LexborHTMLParser as HTMLParser

DOCS = ROOT / "docs"


def _built_path(doc: str) -> str:
    """docs/actors/russia.md -> actors/russia/index.html; index.md files keep their folder."""
    stem = doc.removesuffix(".md")
    return f"{stem}.html" if stem == "index" or stem.endswith("/index") else f"{stem}/index.html"


def _front_matter(doc: str) -> dict:
    text = (DOCS / doc).read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---", 2)[1]) if text.startswith("---") else {}


def _meta(page: HTMLParser) -> dict[str, str]:
    tags = page.css('head meta[property^="og:"], head meta[name^="twitter:"]')
    return {(tag.attributes.get("property") or tag.attributes["name"]): tag.attributes.get("content") for tag in tags}


def test_every_page_has_sharing_tags_from_its_front_matter(site_pages):
    problems = []
    docs = sorted(path.relative_to(DOCS).as_posix() for path in DOCS.rglob("*.md"))
    for doc in docs:
        page = site_pages.get(_built_path(doc))
        if page is None:
            problems.append(f"{doc}: no page built from it")
            continue
        meta, front = _meta(page), _front_matter(doc)
        expected = {
            "og:title": front["title"],
            "twitter:title": front["title"],
            "og:description": " ".join(front["description"].split()),
            "twitter:description": " ".join(front["description"].split()),
            "twitter:card": "summary",
            "og:type": "website",
        }
        wrong = {key: meta.get(key) for key, value in expected.items() if meta.get(key) != value}
        if wrong:
            problems.append(f"{doc}: {wrong}")
        if not (meta.get("og:url") or "").endswith("/" + _built_path(doc).removesuffix("index.html")):
            problems.append(f"{doc}: og:url is {meta.get('og:url')!r}")
        if any(key.endswith(":image") for key in meta):
            problems.append(f"{doc}: an image in its sharing tags (text only)")
    assert docs, "no pages under docs/"
    assert not problems, "sharing tags that do not match the front matter:\n" + "\n".join(problems)


def test_sharing_tags_point_nowhere_but_the_page_itself(site_pages):
    assert any("og:url" in _meta(page) for page in site_pages.values()), "no page has sharing tags"
    for path, page in site_pages.items():
        meta = _meta(page)
        for key, value in meta.items():
            if "://" in (value or ""):
                assert key == "og:url", f"{path}: {key} holds an address: {value}"
        if "og:url" in meta:
            canonical = page.css_first('link[rel="canonical"]')
            assert canonical is not None and meta["og:url"] == canonical.attributes["href"], f"{path}: {meta['og:url']}"
