"""Which links open an instant preview: links in running text, not links in generated lists.

Material's `navigation.instant.preview` gives every link in the content a preview, and sets each one up when the
page loads: on the source page that is hundreds of links in its provenance lists. Instead, `data-preview` (which
Material honours link by link) goes on cross-links, citation markers and links inside a paragraph; the lists the
build generates (ties, provenance, related pages) are navigation, whose targets their text already names.
"""

from __future__ import annotations

import re

from .linking import CSS_CLASS

# A link's open tag, from just after `<a`: group 1 (the rest of the tag) when its first `href` goes to a
# page of the site, which is what earns a preview, and no group when it goes off the site (a scheme, `//`,
# or `#` on the same page). The rule lives in the pattern, so the call per link only joins two strings;
# the tag is read to its `>` either way, so nothing inside it is read as a tag of its own. Lazy
# quantifiers in the lookaheads: most tags put `class` first, and a page holds hundreds of links.
_OFF_SITE_URL = r"(?:[a-z][a-z0-9+.-]*:|//|#)"
_NOT_MARKED = r"(?![^>]*?\bdata-preview\b)"
_REST = rf"""(?:(?=(?>[^>]*?\bhref=")(?!(?i:{_OFF_SITE_URL}))[^">]*+")([^>]*+)>|[^>]*+>)"""
_PARAGRAPH = re.compile(r"<p\b[^>]*+>(?:[^<]++|<(?!/p>))*+</p>")
_ANCHOR = re.compile(rf"<a\b{_NOT_MARKED}{_REST}")
_CLASSED = re.compile(rf'<a\b(?=[^>]*?\bclass="(?:{CSS_CLASS}|cite)"){_NOT_MARKED}{_REST}')


def _mark(match: re.Match) -> str:
    rest = match.group(1)
    return match.group(0) if rest is None else f"<a data-preview{rest}>"


def mark_previews(html: str) -> str:
    """`html` with `data-preview` on every cross-link and citation, and on every link to a page of the site
    inside a `<p>`."""
    return _PARAGRAPH.sub(_mark_paragraph, _CLASSED.sub(_mark, html))


def _mark_paragraph(match: re.Match) -> str:
    paragraph = match.group(0)
    return _ANCHOR.sub(_mark, paragraph) if "<a" in paragraph else paragraph
