"""Claim-level provenance: the sentence each rendered citation closes, grouped by paragraph, and the partial
that lists them under each paragraph of the source page, with exact outputs."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from project_support import ROOT
from sitemodel.provenance import Claim, PageClaims, claims_in_html, group_by_paragraph


def cite(n: int, k: int) -> str:
    """A citation link as hooks/site_model.py renders it."""
    return f'<a class="cite" id="cite-{k}" href="../../source/#p{n}" title="The article, paragraph {n}">¶{n}</a>'


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        pytest.param(
            f"<p>One claim {cite(5, 1)}. A second, with two {cite(6, 2)} {cite(7, 3)}; then more. No citation.</p>",
            [
                Claim(5, "cite-1", "One claim ¶5."),
                Claim(6, "cite-2", "A second, with two ¶6 ¶7; then more."),
                Claim(7, "cite-3", "A second, with two ¶6 ¶7; then more."),
            ],
            id="sentences-in-a-paragraph",
        ),
        pytest.param(
            f"<ul><li>Outer item {cite(8, 1)}.<ul><li>Inner “quoted.” claim {cite(9, 2)}.</li></ul></li></ul>",
            [Claim(8, "cite-1", "Outer item ¶8."), Claim(9, "cite-2", "Inner “quoted.” claim ¶9.")],
            id="nested-lists-keep-page-order-and-a-quote-does-not-end-a-sentence",
        ),
        pytest.param(
            f"<table><tr><th>Question</th><td>Possibly eased {cite(3, 1)}</td><td>Tightened {cite(11, 2)}</td></tr>"
            "</table>",
            [Claim(3, "cite-1", "Possibly eased ¶3"), Claim(11, "cite-2", "Tightened ¶11")],
            id="table-cells",
        ),
        pytest.param(
            '<div class="admonition abstract"><p class="admonition-title">Key judgment</p>'
            f'<p>The <abbr title="United States">US</abbr> would &amp; could <em>act</em> {cite(2, 1)}.</p></div>',
            [Claim(2, "cite-1", "The US would & could act ¶2.")],
            id="inline-markup-and-entities-read-as-text",
        ),
        pytest.param(
            f"<p>Twice in one sentence {cite(10, 1)}, and again {cite(10, 2)}.</p>",
            [Claim(10, "cite-1", "Twice in one sentence ¶10, and again ¶10.")],
            id="one-sentence-citing-a-paragraph-twice-counts-once",
        ),
        pytest.param(
            '<p class="page-meta">Draws on <a class="cite" href="#p1">¶1</a></p>'
            f'<svg><text>¶4 {cite(4, 9)}</text></svg><script>var x = "{cite(4, 8)}";</script>',
            [],
            id="citations-without-an-id-and-inside-svg-or-script-are-not-claims",
        ),
        pytest.param(
            f"<dl><dt>Sanctions</dt><dd><p>Restrictions. In the article, a tool {cite(11, 1)}.</p></dd></dl>",
            [Claim(11, "cite-1", "In the article, a tool ¶11.")],
            id="glossary-definition",
        ),
        pytest.param(
            f"<p>Ends the block without a full stop {cite(1, 1)}",
            [Claim(1, "cite-1", "Ends the block without a full stop ¶1")],
            id="unclosed-block",
        ),
    ],
)
def test_claims_in_html(html: str, expected: list[Claim]):
    assert claims_in_html(html) == expected


def test_group_by_paragraph_keeps_the_page_order_given():
    russia = [Claim(5, "cite-1", "A ¶5."), Claim(6, "cite-2", "B ¶6."), Claim(5, "cite-3", "C ¶5.")]
    china = [Claim(5, "cite-1", "D ¶5.")]
    assert group_by_paragraph([("Russia", "../russia/", russia), ("China", "../china/", china)]) == {
        5: [
            PageClaims("Russia", "../russia/", (russia[0], russia[2])),
            PageClaims("China", "../china/", (china[0],)),
        ],
        6: [PageClaims("Russia", "../russia/", (russia[1],))],
    }


def _partial(**data) -> str:
    env = Environment(loader=FileSystemLoader(ROOT / "overrides"), undefined=StrictUndefined, autoescape=True)
    html = env.get_template("partials/provenance.html").render(**data)
    return re.sub(r">\s+<", "><", " ".join(html.split()))


def test_provenance_partial_lists_sentences_by_page_each_linking_to_its_citation():
    pages = [
        PageClaims("Russia", "../actors/russia/", (Claim(5, "cite-3", "Trade grew <fast> ¶5."),)),
        PageClaims("Home", "../", (Claim(5, "cite-1", "A ¶5."), Claim(5, "cite-4", "B ¶5."))),
    ]
    assert _partial(paragraph=5, pages=pages) == (
        '<details class="provenance quote" id="p5-claims">'
        "<summary>What the site says on the strength of ¶5: 3 sentences on 2 pages</summary>"
        '<ul class="provenance__pages">'
        '<li><a class="provenance__page" href="../actors/russia/">Russia</a>'
        '<ul><li><a href="../actors/russia/#cite-3">Trade grew &lt;fast&gt; ¶5.</a></li></ul></li>'
        '<li><a class="provenance__page" href="../">Home</a>'
        '<ul><li><a href="../#cite-1">A ¶5.</a></li><li><a href="../#cite-4">B ¶5.</a></li></ul></li>'
        "</ul></details>"
    )


def test_provenance_partial_for_a_paragraph_nobody_cites():
    assert _partial(paragraph=4, pages=[]) == (
        '<details class="provenance quote" id="p4-claims"><summary>No page cites ¶4 yet</summary></details>'
    )


def test_provenance_partial_counts_one_sentence_on_one_page():
    pages = [PageClaims("Iran", "../actors/iran/", (Claim(7, "cite-1", "X ¶7."),))]
    assert "¶7: 1 sentence on 1 page</summary>" in _partial(paragraph=7, pages=pages)


# Sentence bodies start with a letter, as the site's sentences do (capitalised below).
words = st.from_regex(r"[a-h][a-h xyz,;]{0,39}", fullmatch=True).map(str.strip)


@given(st.lists(st.tuples(words, st.integers(1, 11)), min_size=1, max_size=12))
def test_every_citation_with_an_id_becomes_a_claim_whose_sentence_contains_it(sentences):
    # Sentences of lower-case words, each closed by a citation and a full stop, all in one paragraph.
    html = "<p>" + " ".join(f"{text.capitalize()} {cite(n, k)}." for k, (text, n) in enumerate(sentences, 1)) + "</p>"
    claims = claims_in_html(html)
    expected = []
    for k, (text, n) in enumerate(sentences, 1):
        sentence = " ".join(f"{text.capitalize()} ¶{n}.".split())
        if (n, sentence) not in {(c.paragraph, c.sentence) for c in expected}:
            expected.append(Claim(n, f"cite-{k}", sentence))
    assert claims == expected
