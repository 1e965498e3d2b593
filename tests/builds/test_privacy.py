"""Opening a page makes no request to any host but the site's own: checked on every built file.

Only two kinds of link may point elsewhere, because following them is the reader's choice: ordinary
links in the text of a page, and the "edit this page" button.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser as HTMLParser

_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")
_CSS_IMPORT = re.compile(r"@import\s+['\"]([^'\"]+)")


def foreign(url: str, own_host: str) -> bool:
    parts = urlsplit(url.strip())
    if parts.scheme in ("data", "mailto", "blob", "javascript"):
        return False
    return bool(parts.netloc) and parts.hostname != own_host


def offending_urls(html: str, own_host: str) -> list[str]:
    """Every URL in `html` that would make the browser contact another host, or that is a link outside the text."""
    page = HTMLParser(html)
    found = []
    for node in page.css("[src], [srcset], [href], [action], [poster], [data]"):
        for attribute in ("src", "href", "action", "poster", "data"):
            url = node.attributes.get(attribute)
            if url is None or not foreign(url, own_host):
                continue
            if node.tag == "a" and (node.attributes.get("rel") == "edit" or _in_text(node)):
                continue
            found.append(f"<{node.tag} {attribute}={url}>")
        for candidate in (node.attributes.get("srcset") or "").split(","):
            if candidate.strip() and foreign(candidate.split()[0], own_host):
                found.append(f"<{node.tag} srcset={candidate.strip()}>")
    for style in [node.text() for node in page.css("style")] + [
        n.attributes["style"] or "" for n in page.css("[style]")
    ]:
        found += offending_css(style, own_host)
    return found


def offending_css(css: str, own_host: str) -> list[str]:
    return [f"url({url})" for url in _CSS_URL.findall(css) + _CSS_IMPORT.findall(css) if foreign(url, own_host)]


def _in_text(node) -> bool:
    """A link in the page's own text, not in the theme's header, navigation or footer."""
    parent = node.parent
    while parent is not None:
        if parent.tag == "article":
            return True
        parent = parent.parent
    return False


def site_host(real_site: Path) -> str:
    """The site's own host, from the canonical link that site_url gives every page."""
    home = HTMLParser((real_site / "index.html").read_text(encoding="utf-8"))
    return urlsplit(home.css_first('link[rel="canonical"]').attributes["href"]).hostname


def test_no_html_page_points_at_another_host(real_site: Path):
    host = site_host(real_site)
    problems = {
        path.relative_to(real_site).as_posix(): urls
        for path in sorted(real_site.rglob("*.html"))
        if (urls := offending_urls(path.read_text(encoding="utf-8"), host))
    }
    assert not problems, f"pages that would contact other hosts: {problems}"


def test_no_stylesheet_loads_from_another_host(real_site: Path):
    problems = {
        path.relative_to(real_site).as_posix(): urls
        for path in sorted(real_site.rglob("*.css"))
        if (urls := offending_css(path.read_text(encoding="utf-8"), site_host(real_site)))
    }
    assert not problems, f"stylesheets that would contact other hosts: {problems}"


def test_the_checks_catch_a_web_font_a_cdn_script_and_a_theme_link():
    # Guards on the guard: each of these would make a browser contact another host (or is not in the text).
    page = """<html><head>
      <link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">
      <script src="https://cdn.jsdelivr.net/npm/mermaid"></script>
      <style>body { background: url('https://example.org/x.png') }</style>
    </head><body><footer><a href="https://squidfunk.github.io/">Made with</a></footer>
      <article><a href="https://www.orfonline.org/">a link in the text</a></article></body></html>"""
    found = offending_urls(page, "owner.github.io")
    assert len(found) == 4 and not any("orfonline" in url for url in found)
