"""Previews on links in running text only: exact HTML in, exact HTML out."""

from __future__ import annotations

import pytest
from crosslinker.previews import mark_previews

CASES = [
    (
        "crosslink-anywhere",
        '<li><a class="crosslink" href="x/">X</a></li>',
        '<li><a data-preview class="crosslink" href="x/">X</a></li>',
    ),
    (
        "cite-anywhere",
        '<td><a class="cite" href="../source/#p5" title="t">¶5</a></td>',
        '<td><a data-preview class="cite" href="../source/#p5" title="t">¶5</a></td>',
    ),
    (
        "prose-link",
        '<p>See <a href="../split/">the split</a>.</p>',
        '<p>See <a data-preview href="../split/">the split</a>.</p>',
    ),
    ("list-link-untouched", '<ul><li><a href="../split/">Split</a></li></ul>', None),
    ("external-untouched", '<p><a href="https://example.org/">x</a> <a href="mailto:a@b">m</a></p>', None),
    ("same-page-anchor-untouched", '<p><a href="#top">up</a></p>', None),
    ("page-with-anchor", '<p><a href="../x/#sec">x</a></p>', '<p><a data-preview href="../x/#sec">x</a></p>'),
    (
        "no-double-mark",
        '<p><a class="crosslink" href="x/">X</a></p>',
        '<p><a data-preview class="crosslink" href="x/">X</a></p>',
    ),
    ("already-marked", '<p><a data-preview href="x/">X</a></p>', None),
    ("anchor-without-href", '<p><a id="here"></a>text</p>', None),
    ("loose-list-paragraph", '<li><p><a href="x/">X</a></p></li>', '<li><p><a data-preview href="x/">X</a></p></li>'),
    ("pre-is-not-p", '<pre><a href="x/">X</a></pre>', None),
    # The linker's own tags follow the same rules as any other link.
    ("crosslink-off-site-untouched", '<li><a class="crosslink" href="HTTPS://example.org/">X</a></li>', None),
    ("crosslink-same-page-untouched", '<li><a class="crosslink" href="#sec">X</a></li>', None),
    ("crosslink-marked-later-in-tag", '<li><a class="crosslink" href="x/" data-preview>X</a></li>', None),
    ("crosslink-unclosed-href-untouched", '<li><a class="crosslink" href="x/>X</a></li>', None),
    ("paragraph-without-close", '<p><a href="x/">X</a>', None),
    (
        "a-tag-is-read-to-its-end",
        """<li><a class="cite" title='<a class="crosslink" href="x/">' href="../source/#p5">¶5</a></li>""",
        """<li><a data-preview class="cite" title='<a class="crosslink" href="x/">' href="../source/#p5">¶5</a></li>""",
    ),
]


@pytest.mark.parametrize(("html", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_mark_previews(html, expected):
    assert mark_previews(html) == (html if expected is None else expected)
