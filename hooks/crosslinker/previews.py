"""Which links open an instant preview: links in running text, not links in generated lists.

Material's `navigation.instant.preview` gives every link in the content a preview, and sets each one up when the
page loads: on the source page that is hundreds of links in its provenance lists. Instead, `data-preview` (which
Material honours link by link) goes on cross-links, citation markers and links inside a paragraph; the lists the
build generates (ties, provenance, related pages) are navigation, whose targets their text already names.
"""

from __future__ import annotations

import re

from .linking import CSS_CLASS

# Lazy quantifiers in the lookaheads, and `[^<]` runs in the paragraph, so that each is one quick
# scan: most tags put `class` first, and a page holds hundreds of links.
_PARAGRAPH = re.compile(r"<p\b[^>]*+>(?:[^<]++|<(?!/p>))*+</p>")
_ANCHOR = re.compile(r"<a\b(?![^>]*?\bdata-preview\b)([^>]*+)>")
_CLASSED = re.compile(rf'<a\b(?=[^>]*?\bclass="(?:{CSS_CLASS}|cite)")(?![^>]*?\bdata-preview\b)([^>]*+)>')
_HREF = re.compile(r'\bhref="([^"]*)"')
_OFF_SITE_URL = r"(?:[a-z][a-z0-9+.-]*:|//|#)"
_OFF_SITE = re.compile(f"^{_OFF_SITE_URL}", re.I)
# The linker's own open tag with an on-site URL, the most common case by far: `_mark` would mark it,
# and a plain replacement, with no Python call per link, does the same.
_LINKER_TAG = re.compile(
    rf'<a class="{CSS_CLASS}" href="(?=[^">]*+")(?!(?i:{_OFF_SITE_URL}))(?![^>]*?\bdata-preview\b)'
)
_LINKER_TAG_MARKED = f'<a data-preview class="{CSS_CLASS}" href="'


def _mark(match: re.Match) -> str:
    href = _HREF.search(match.group(1))
    if href is None or _OFF_SITE.match(href.group(1)):
        return match.group(0)
    return f"<a data-preview{match.group(1)}>"


def mark_previews(html: str) -> str:
    """`html` with `data-preview` on every cross-link and citation, and on every link to a page of the site
    inside a `<p>`."""
    html = _CLASSED.sub(_mark, _LINKER_TAG.sub(_LINKER_TAG_MARKED, html))
    return _PARAGRAPH.sub(_mark_paragraph, html)


def _mark_paragraph(match: re.Match) -> str:
    paragraph = match.group(0)
    return _ANCHOR.sub(_mark, paragraph) if "<a" in paragraph else paragraph
