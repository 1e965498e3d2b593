"""One abbreviation tooltip per section, none on a cross-link: exact HTML in, exact HTML out."""

from __future__ import annotations

import re

import pytest
from crosslinker.abbreviations import quiet_abbreviations

US = '<abbr title="United States">US</abbr>'
EU = '<abbr title="European Union">EU</abbr>'
LINK = '<a class="crosslink" href="actors/us/">'

CASES = [
    ("first-kept-later-plain", f"<p>{US} and {US}.</p>", f"<p>{US} and <abbr>US</abbr>.</p>"),
    (
        "each-abbreviation-once",
        f"<p>{US}, {EU}, {EU}, {US}</p>",
        f"<p>{US}, {EU}, <abbr>EU</abbr>, <abbr>US</abbr></p>",
    ),
    (
        "new-section-new-first",
        f"<p>{US}</p><h2 id='x'>X</h2><p>{US} {US}</p>",
        f"<p>{US}</p><h2 id='x'>X</h2><p>{US} <abbr>US</abbr></p>",
    ),
    ("h3-is-not-a-section", f"<p>{US}</p><h3>Y</h3><p>{US}</p>", f"<p>{US}</p><h3>Y</h3><p><abbr>US</abbr></p>"),
    ("linked-loses-title", f"<p>{LINK}{US}</a></p>", f"<p>{LINK}<abbr>US</abbr></a></p>"),
    (
        "plain-after-link-keeps-title",
        f"<p>{LINK}{US}</a> then {US} and {US}</p>",
        f"<p>{LINK}<abbr>US</abbr></a> then {US} and <abbr>US</abbr></p>",
    ),
    (
        "editor-abbr-inside-link",
        f'<p>{LINK}<abbr title="own">{US}</abbr></a></p>',
        f"<p>{LINK}<abbr><abbr>US</abbr></abbr></a></p>",
    ),
    ("other-links-untouched", f'<p><a href="x/">{US}</a> {US}</p>', f'<p><a href="x/">{US}</a> <abbr>US</abbr></p>'),
    ("no-abbreviations", "<p>Plain <em>text</em>.</p>", "<p>Plain <em>text</em>.</p>"),
]


@pytest.mark.parametrize(("html", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_quiet_abbreviations(html, expected):
    assert quiet_abbreviations(html) == expected


def test_visible_text_never_changes():
    html = f"<p>{LINK}{US}</a> {US} {EU}</p><h2>A</h2><p>{US} {US}</p>"
    strip = re.compile(r"<[^>]+>").sub
    assert strip("", quiet_abbreviations(html)) == strip("", html)
