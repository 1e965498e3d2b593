"""Linking rules, one table row per rule, with the exact HTML expected.

Each row links one fragment as the page `index.md` (unless it names another page) against a
small registry, with URLs `<page stem>/#anchor`, and compares the result byte for byte.
"""

from __future__ import annotations

import pytest
from crosslinker import Linker, build_registry

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

TERMS = {
    "actors/iran.md": [{"name": "Iran", "aliases": ["Tehran"]}, {"name": "Islamic Republic"}],
    "actors/russia.md": [{"name": "Russia", "aliases": ["Moscow", "the Kremlin"]}],
    "actors/uae.md": [{"name": "UAE", "case_sensitive": True}],
    "actors/nato.md": [{"name": "NATO", "case_sensitive": True}],
    "actors/us.md": [{"name": "US", "case_sensitive": True, "aliases": ["United States"]}],
    "themes/sanctions.md": [
        {"name": "sanctions", "aliases": ["sanction", "sanctioned"]},
        {"name": "secondary sanctions", "anchor": "secondary-sanctions"},
    ],
    "themes/pivot.md": [{"name": "pivot to the East"}],
    "themes/security.md": [{"name": "salami-slicing", "aliases": ["salami slicing"]}],
}


def url_for(page: str, anchor: str | None) -> str:
    return page[: -len(".md")] + "/" + (f"#{anchor}" if anchor else "")


def a(page: str, text: str, anchor: str | None = None) -> str:
    return f'<a class="crosslink" href="{url_for(page, anchor)}">{text}</a>'


IRAN = "actors/iran.md"
RUSSIA = "actors/russia.md"
SANCTIONS = "themes/sanctions.md"
PIVOT = "themes/pivot.md"
CODE_BLOCK = '<div class="highlight"><pre><span></span><code><span class="n">Iran</span></code></pre></div>'
LIGHTBOX = '<p><a class="glightbox" href="i.png" data-type="image"><img alt="Iran" src="i.png"></a></p>'
NATO_ABBR = '<abbr title="North Atlantic Treaty Organization">NATO</abbr>'
OWN_ABBR = f'<abbr title="own">{NATO_ABBR}</abbr>'
UPPER_ABBR = "<ABBR TITLE='North Atlantic Treaty Organization'>NATO</ABBR>"
FOOTNOTE_REF = '<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>'

# (id, html, expected)
RULES = [
    # Whole words, case, longest match, whitespace
    ("whole-word", "<p>Iranian Iran</p>", f"<p>Iranian {a(IRAN, 'Iran')}</p>"),
    ("possessive", "<p>Iran's role</p>", f"<p>{a(IRAN, 'Iran')}'s role</p>"),
    ("curly-possessive", "<p>Iran\u2019s role</p>", f"<p>{a(IRAN, 'Iran')}\u2019s role</p>"),
    ("hyphen-compound", "<p>Russia-China trade</p>", f"<p>{a(RUSSIA, 'Russia')}-China trade</p>"),
    ("case-insensitive", "<p>SANCTIONS bite</p>", f"<p>{a(SANCTIONS, 'SANCTIONS')} bite</p>"),
    (
        "case-sensitive",
        "<p>Tell us, Us and the US.</p>",
        f"<p>Tell us, Us and the {a('actors/us.md', 'US')}.</p>",
    ),
    (
        "longest-wins",
        "<p>secondary sanctions and sanctions</p>",
        f"<p>{a(SANCTIONS, 'secondary sanctions', 'secondary-sanctions')} and {a(SANCTIONS, 'sanctions')}</p>",
    ),
    (
        "hyphenated-name",
        "<p>the \u201csalami-slicing\u201d of</p>",
        f"<p>the \u201c{a('themes/security.md', 'salami-slicing')}\u201d of</p>",
    ),
    (
        "hyphen-and-space-aliases",
        "<p>salami slicing</p>",
        f"<p>{a('themes/security.md', 'salami slicing')}</p>",
    ),
    ("punctuation-must-match", "<p>salami, slicing</p>", "<p>salami, slicing</p>"),
    ("alias", "<p>the Kremlin decides</p>", f"<p>{a(RUSSIA, 'the Kremlin')} decides</p>"),
    ("across-line-break", "<p>pivot to the\nEast</p>", f"<p>{a(PIVOT, 'pivot to the' + chr(10) + 'East')}</p>"),
    (
        "across-whitespace-and-nbsp",
        "<p>pivot  to&nbsp;the \t East</p>",
        f"<p>{a(PIVOT, 'pivot  to&nbsp;the ' + chr(9) + ' East')}</p>",
    ),
    ("across-br", "<p>pivot to the<br>East</p>", f"<p>{a(PIVOT, 'pivot to the<br>East')}</p>"),
    ("not-across-blocks", "<p>pivot to the</p><p>East</p>", "<p>pivot to the</p><p>East</p>"),
    ("not-across-cells", "<td>pivot to</td><td>the East</td>", "<td>pivot to</td><td>the East</td>"),
    ("no-word-across-inline-tag", "<p>Iran<em>ian</em></p>", "<p>Iran<em>ian</em></p>"),
    ("entities", "<p>Iran &amp; Russia</p>", f"<p>{a(IRAN, 'Iran')} &amp; {a(RUSSIA, 'Russia')}</p>"),
    # First mention only
    ("first-mention", "<p>Iran and Iran</p><p>Iran</p>", f"<p>{a(IRAN, 'Iran')} and Iran</p><p>Iran</p>"),
    ("first-mention-any-alias", "<p>Tehran and Iran</p>", f"<p>{a(IRAN, 'Tehran')} and Iran</p>"),
    (
        "one-link-per-destination",
        "<p>the Islamic Republic, or Iran, and Russia</p>",
        f"<p>the {a(IRAN, 'Islamic Republic')}, or Iran, and {a(RUSSIA, 'Russia')}</p>",
    ),
    (
        "not-per-section-by-default",
        "<p>Iran</p><h2>B</h2><p>Iran</p>",
        f"<p>{a(IRAN, 'Iran')}</p><h2>B</h2><p>Iran</p>",
    ),
    # Forbidden places
    ("heading", "<h2 id='x'>Iran</h2><p>Iran</p>", f"<h2 id='x'>Iran</h2><p>{a(IRAN, 'Iran')}</p>"),
    ("heading-h4", "<h4>Iran</h4><p>Iran</p>", f"<h4>Iran</h4><p>{a(IRAN, 'Iran')}</p>"),
    ("existing-link", '<p><a href="x/">Iran</a> Iran</p>', f'<p><a href="x/">Iran</a> {a(IRAN, "Iran")}</p>'),
    ("inline-code", "<p><code>Iran</code> Iran</p>", f"<p><code>Iran</code> {a(IRAN, 'Iran')}</p>"),
    ("kbd", "<p><kbd>Iran</kbd> Iran</p>", f"<p><kbd>Iran</kbd> {a(IRAN, 'Iran')}</p>"),
    (
        "pre",
        f"{CODE_BLOCK}<p>Iran</p>",
        f"{CODE_BLOCK}<p>{a(IRAN, 'Iran')}</p>",
    ),
    (
        "script",
        "<script>var Iran = '<p>';</script><p>Iran</p>",
        f"<script>var Iran = '<p>';</script><p>{a(IRAN, 'Iran')}</p>",
    ),
    ("style", "<style>.Iran{}</style><p>Iran</p>", f"<style>.Iran{{}}</style><p>{a(IRAN, 'Iran')}</p>"),
    (
        "blockquote",
        "<blockquote><blockquote><p>Iran</p></blockquote><p>Iran</p></blockquote><p>Iran</p>",
        f"<blockquote><blockquote><p>Iran</p></blockquote><p>Iran</p></blockquote><p>{a(IRAN, 'Iran')}</p>",
    ),
    (
        "admonition-title",
        '<div class="admonition info"><p class="admonition-title">Iran</p><p>Iran</p></div>',
        f'<div class="admonition info"><p class="admonition-title">Iran</p><p>{a(IRAN, "Iran")}</p></div>',
    ),
    (
        "details-summary",
        '<details class="abstract"><summary>Iran</summary><p>Iran</p></details>',
        f'<details class="abstract"><summary>Iran</summary><p>{a(IRAN, "Iran")}</p></details>',
    ),
    (
        "tab-labels",
        '<div class="tabbed-set tabbed-alternate" data-tabs="1:1"><input checked="checked" id="__tabbed_1_1" '
        'name="__tabbed_1" type="radio"><div class="tabbed-labels"><label for="__tabbed_1_1">Iran</label></div>'
        '<div class="tabbed-content"><div class="tabbed-block"><p>Iran</p></div></div></div>',
        '<div class="tabbed-set tabbed-alternate" data-tabs="1:1"><input checked="checked" id="__tabbed_1_1" '
        'name="__tabbed_1" type="radio"><div class="tabbed-labels"><label for="__tabbed_1_1">Iran</label></div>'
        f'<div class="tabbed-content"><div class="tabbed-block"><p>{a(IRAN, "Iran")}</p></div></div></div>',
    ),
    ("label", '<label for="x">Iran</label><p>Iran</p>', f'<label for="x">Iran</label><p>{a(IRAN, "Iran")}</p>'),
    (
        "toc",
        '<div class="toc"><ul><li><span>Iran</span></li></ul></div><p>Iran</p>',
        f'<div class="toc"><ul><li><span>Iran</span></li></ul></div><p>{a(IRAN, "Iran")}</p>',
    ),
    ("nav", '<nav class="md-nav">Iran</nav><p>Iran</p>', f'<nav class="md-nav">Iran</nav><p>{a(IRAN, "Iran")}</p>'),
    (
        "opt-out-class",
        '<p class="no-crosslinks">Iran</p><p>Iran</p>',
        f'<p class="no-crosslinks">Iran</p><p>{a(IRAN, "Iran")}</p>',
    ),
    ("image-alt", '<p><img alt="Iran" src="i.png"> Iran</p>', f'<p><img alt="Iran" src="i.png"> {a(IRAN, "Iran")}</p>'),
    (
        "glightbox",
        f"{LIGHTBOX}<p>Iran</p>",
        f"{LIGHTBOX}<p>{a(IRAN, 'Iran')}</p>",
    ),
    (
        "attributes",
        '<p title="Iran" data-x="Russia">Iran</p>',
        f'<p title="Iran" data-x="Russia">{a(IRAN, "Iran")}</p>',
    ),
    # Abbreviations: wrap the whole <abbr>, never an anchor inside it
    ("abbr-wrapped", f"<p>{NATO_ABBR} allies</p>", f"<p>{a('actors/nato.md', NATO_ABBR)} allies</p>"),
    (
        "abbr-in-strong",
        f"<p><strong>{NATO_ABBR}</strong></p>",
        f"<p><strong>{a('actors/nato.md', NATO_ABBR)}</strong></p>",
    ),
    ("abbr-partial-never", '<p><abbr title="x">Iran deal</abbr></p>', '<p><abbr title="x">Iran deal</abbr></p>'),
    # An editor's own <abbr>, which the abbreviations extension wraps again: the link wraps both.
    (
        "abbr-in-abbr",
        f"<p>The {OWN_ABBR} allies</p>",
        f"<p>The {a('actors/nato.md', OWN_ABBR)} allies</p>",
    ),
    ("abbr-around-inline-never", '<p><abbr title="x">the <em>Iran</em> deal</abbr></p>', None),
    # Inline formatting
    ("inside-emphasis", "<p><strong>Iran</strong></p>", f"<p><strong>{a(IRAN, 'Iran')}</strong></p>"),
    (
        "wraps-whole-inline",
        "<p>secondary <em>sanctions</em></p>",
        f"<p>{a(SANCTIONS, 'secondary <em>sanctions</em>', 'secondary-sanctions')}</p>",
    ),
    (
        "never-cuts-inline",
        "<p>secondary <em>sanctions regime</em></p>",
        f"<p>secondary <em>{a(SANCTIONS, 'sanctions')} regime</em></p>",
    ),
    (
        "footnote-ref-is-not-a-word",
        '<p>Iran<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>.</p>',
        f'<p>{a(IRAN, "Iran")}<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>.</p>',
    ),
    # A link never spans an element that holds a link, even one without visible text
    (
        "term-across-footnote-ref",
        f"<p>secondary{FOOTNOTE_REF} sanctions apply.</p>",
        f"<p>secondary{FOOTNOTE_REF} {a(SANCTIONS, 'sanctions')} apply.</p>",
    ),
    (
        "term-across-empty-link",
        '<p>secondary <a id="here"></a>sanctions</p>',
        f'<p>secondary <a id="here"></a>{a(SANCTIONS, "sanctions")}</p>',
    ),
    # Tags as HTML reads them: unquoted values may hold quotes, quoted ones `>` and close tags
    (
        "unquoted-value-with-apostrophe",
        "<p><span title=Russia's>Iran</span> and <img alt=x title='Russia'>.</p>",
        f"<p><span title=Russia's>{a(IRAN, 'Iran')}</span> and <img alt=x title='Russia'>.</p>",
    ),
    (
        "unquoted-value-with-quote",
        '<p><span title=Say"so>Iran</span> and <em title="x">Russia</em></p>',
        f'<p><span title=Say"so>{a(IRAN, "Iran")}</span> and <em title="x">{a(RUSSIA, "Russia")}</em></p>',
    ),
    (
        "unquoted-value-ending-in-slash",
        "<p><a href=x/>Iran</a> Russia</p>",
        f"<p><a href=x/>Iran</a> {a(RUSSIA, 'Russia')}</p>",
    ),
    (
        "close-tag-in-attribute-inside-link",
        '<p><a href="x"><span title="</a>">y</span> Iran</a> Russia</p>',
        f'<p><a href="x"><span title="</a>">y</span> Iran</a> {a(RUSSIA, "Russia")}</p>',
    ),
    (
        "close-tag-in-comment-inside-link",
        '<p><a href="x"><!-- </a> --> Iran</a> Russia</p>',
        f'<p><a href="x"><!-- </a> --> Iran</a> {a(RUSSIA, "Russia")}</p>',
    ),
    # Tags in capitals are the same tags
    (
        "upper-case-tags",
        f"<P>Iran <A HREF='x'>Russia</A> {UPPER_ABBR} Moscow</P>",
        f"<P>{a(IRAN, 'Iran')} <A HREF='x'>Russia</A> {a('actors/nato.md', UPPER_ABBR)} {a(RUSSIA, 'Moscow')}</P>",
    ),
    ("upper-case-code-block", "<PRE>Iran</PRE><p>Iran</p>", f"<PRE>Iran</PRE><p>{a(IRAN, 'Iran')}</p>"),
    # Switches
    (
        "off-marker",
        "<!-- crosslinks: off -->\n<p>Iran</p>\n<!-- crosslinks: on -->\n<p>Iran</p>",
        f"<!-- crosslinks: off -->\n<p>Iran</p>\n<!-- crosslinks: on -->\n<p>{a(IRAN, 'Iran')}</p>",
    ),
    (
        "off-to-end",
        "<p>Iran</p><!-- crosslinks: off --><p>Russia</p>",
        f"<p>{a(IRAN, 'Iran')}</p><!-- crosslinks: off --><p>Russia</p>",
    ),
    # Idempotence: an existing cross-link is the first mention
    (
        "existing-crosslink",
        f"<p>{a(IRAN, 'Iran')} and Iran</p>",
        f"<p>{a(IRAN, 'Iran')} and Iran</p>",
    ),
    ("no-terms-in-text", "<p>Nothing here.</p>", "<p>Nothing here.</p>"),
    ("empty", "", ""),
    ("text-only", "Iran", a(IRAN, "Iran")),
]


# -----------------------------------------------------------------------------
# Tests
# -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def linker() -> Linker:
    return Linker(build_registry(TERMS))


@pytest.mark.parametrize(("html", "expected"), [row[1:] for row in RULES], ids=[row[0] for row in RULES])
def test_rule(linker: Linker, html: str, expected: str | None) -> None:
    """`expected` None: the HTML stays as it is."""
    assert linker.link(html, page="index.md", url_for=url_for).html == (html if expected is None else expected)


SELF = [
    ("own-term", IRAN, "<p>Iran and Russia</p>", f"<p>Iran and {a(RUSSIA, 'Russia')}</p>"),
    ("own-alias", RUSSIA, "<p>Moscow</p>", "<p>Moscow</p>"),
    # the page's own longer term takes its text: "sanctions" inside it is not linked either
    ("own-longer-term", SANCTIONS, "<p>secondary sanctions</p>", "<p>secondary sanctions</p>"),
]


@pytest.mark.parametrize(("page", "html", "expected"), [row[1:] for row in SELF], ids=[row[0] for row in SELF])
def test_never_links_a_page_to_itself(linker: Linker, page: str, html: str, expected: str) -> None:
    assert linker.link(html, page=page, url_for=url_for).html == expected


PER_SECTION = [
    (
        "first-per-h2",
        "<p>Iran</p><h2>B</h2><p>Iran Iran</p><h3>C</h3><p>Iran</p>",
        f"<p>{a(IRAN, 'Iran')}</p><h2>B</h2><p>{a(IRAN, 'Iran')} Iran</p><h3>C</h3><p>Iran</p>",
    ),
    ("before-first-h2", "<p>x</p><h2>B</h2><p>Iran</p>", f"<p>x</p><h2>B</h2><p>{a(IRAN, 'Iran')}</p>"),
]


@pytest.mark.parametrize(("html", "expected"), [row[1:] for row in PER_SECTION], ids=[row[0] for row in PER_SECTION])
def test_first_per_section(html: str, expected: str) -> None:
    linker = Linker(build_registry(TERMS), per_section=True)
    assert linker.link(html, page="index.md", url_for=url_for).html == expected


def test_url_is_escaped() -> None:
    linker = Linker(build_registry({"x.md": [{"name": "Iran"}]}))
    result = linker.link("<p>Iran</p>", page="index.md", url_for=lambda page, anchor: 'a&b"c')
    assert result.html == '<p><a class="crosslink" href="a&amp;b&quot;c">Iran</a></p>'


def test_no_terms_leaves_html_alone() -> None:
    linker = Linker(build_registry({}))
    assert linker.link("<p>Iran</p>", page="index.md", url_for=url_for).html == "<p>Iran</p>"


def test_mentions_report_sentence_and_section(linker: Linker) -> None:
    html = "<p>First one. Then Iran&#39;s turn [\u00b65]. Last.</p><h2>B</h2><p>Moscow <code>x</code> waits</p>"
    result = linker.link(html, page="index.md", url_for=url_for)
    assert [(m.term.name, m.sentence, m.section, m.added) for m in result.mentions] == [
        ("Iran", "Then Iran's turn.", 0, True),
        ("Russia", "Moscow x waits", 1, True),
    ]
    assert result.links_added == 2


def test_a_term_sharing_a_linked_destination_is_a_mention_without_a_link(linker: Linker) -> None:
    result = linker.link("<p>Iran. The Islamic Republic.</p>", page="index.md", url_for=url_for)
    assert [(m.term.name, m.sentence, m.linked, m.added) for m in result.mentions] == [
        ("Iran", "Iran.", True, True),
        ("Islamic Republic", "The Islamic Republic.", False, False),
    ]
    assert (result.links, result.links_added) == (1, 1)


def test_existing_crosslink_is_a_mention_not_an_addition(linker: Linker) -> None:
    result = linker.link(f"<p>{a(IRAN, 'Iran')}</p>", page="index.md", url_for=url_for)
    assert [(m.term.name, m.linked, m.added) for m in result.mentions] == [("Iran", True, False)]
    assert (result.links, result.links_added) == (1, 0)


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("<p>Alpha. Beta Iran gamma! Delta.</p>", "Beta Iran gamma!"),
        ("<ul><li>Item on Iran</li><li>Next.</li></ul>", "Item on Iran"),
        ("<p>" + "word " * 80 + "Iran ends.</p>", "\u2026" + "word " * 24 + "Iran ends."),
        ("<p>Iran " + "word " * 80 + "ends.</p>", "Iran " + " ".join(["word"] * 47) + "\u2026"),
        ("<p>Iran&#39;s turn [\u00b65, 6]. Next.</p>", "Iran's turn."),
        ('<p>Iran flows <a class="cite" href="s/#p11">\u00b611</a> <a href="s/#p3">\u00b63-5</a>.</p>', "Iran flows."),
    ],
    ids=[
        "sentence-punctuation",
        "block-bounds",
        "long-start-trimmed",
        "long-end-trimmed",
        "citation-dropped",
        "rendered-citation-dropped",
    ],
)
def test_sentence(linker: Linker, text: str, sentence: str) -> None:
    result = linker.link(text, page="index.md", url_for=url_for)
    assert result.mentions[0].sentence == sentence
