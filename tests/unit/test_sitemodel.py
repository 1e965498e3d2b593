"""The content model's pure functions: citations, markers, front matter and the paragraph map, with exact outputs."""

from __future__ import annotations

import re

import pytest
from sitemodel.citations import CitationError, check_citations, citations_html, find_citations, render_citations
from sitemodel.frontmatter import FrontMatterError, split_front_matter
from sitemodel.link_hints import reword
from sitemodel.markers import MarkerError, check_markers, replace_marker
from sitemodel.paragraphs import Paragraph, ParagraphDataError, load_paragraphs, render_paragraph_map
from sitemodel.schema import check_page, check_sources_match

KNOWN = set(range(1, 12))


@pytest.mark.parametrize(
    ("markdown", "paragraphs"),
    [
        ("A claim [¶5].", [(5,)]),
        ("Two [¶5, 7].", [(5, 7)]),
        ("Repeated sign [¶5, ¶7].", [(5, 7)]),
        ("A range [¶3-5] and an en dash range [¶9–11].", [(3, 4, 5), (9, 10, 11)]),
        ("Spaces [¶ 5 , 6 ].", [(5, 6)]),
        ("Already a link [¶5](source.md#p5) or a reference [¶5][ref].", []),
        ("In code `[¶5]` and\n\n```\n[¶6]\n```\n", []),
        ("Not a citation [p5] or [5] or ¶5.", []),
        ("Before a list, on four fronts [¶5]:\n\n- trade", [(5,)]),
        ("[¶5]: https://example.org/ a link reference definition\n   [¶6]: indented up to three spaces", []),
    ],
)
def test_find_citations(markdown: str, paragraphs: list[tuple[int, ...]]):
    assert [citation.paragraphs for citation in find_citations(markdown)] == paragraphs


@pytest.mark.parametrize(
    ("page", "markdown", "expected"),
    [
        ("index.md", "A [¶5].", 'A [¶5](source.md#p5){ .cite #cite-1 title="The article, paragraph 5" }.'),
        (
            "actors/russia.md",
            "B [¶5, 6].",
            'B [¶5](../source.md#p5){ .cite #cite-1 title="The article, paragraph 5" }'
            ' [¶6](../source.md#p6){ .cite #cite-2 title="The article, paragraph 6" }.',
        ),
        ("actors/russia.md", "No citation here.", "No citation here."),
    ],
)
def test_render_citations_links_relative_to_the_page(page: str, markdown: str, expected: str):
    assert render_citations(markdown, page) == expected


def test_citations_html_escapes_text_and_links_each_paragraph_with_an_id():
    assert citations_html("Sanctions <& more> [¶5, 7].", "../source/", "term-x-") == (
        "Sanctions &lt;&amp; more&gt; "
        '<a class="cite" id="term-x-1" href="../source/#p5" title="The article, paragraph 5">¶5</a> '
        '<a class="cite" id="term-x-2" href="../source/#p7" title="The article, paragraph 7">¶7</a>.'
    )


def test_check_citations_names_file_and_line_of_a_missing_paragraph():
    with pytest.raises(
        CitationError,
        match=r"^docs/a\.md:12: \[¶12\] cites a paragraph the source does not have; the article has ¶1 to ¶11",
    ):
        check_citations("fine [¶1]\n\nbad [¶12]", KNOWN, "docs/a.md", first_line=10)


def test_check_citations_returns_every_cited_paragraph():
    assert check_citations("[¶1] [¶3-4] `[¶99]`", KNOWN, "docs/a.md") == {1, 3, 4}


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("---\ntitle: [unclosed\n---\nbody", "docs/p.md:3: front matter is not valid YAML"),
        ("---\ntitle: x\n", "docs/p.md:1: front matter opens with --- but never closes"),
        ("---\n- a list\n---\nbody", "docs/p.md:2: front matter must be a set of `key: value` lines"),
    ],
)
def test_split_front_matter_errors(text: str, error: str):
    with pytest.raises(FrontMatterError) as raised:
        split_front_matter(text, "docs/p.md")
    assert str(raised.value).startswith(error)


def test_split_front_matter_counts_body_lines_like_mkdocs():
    page = split_front_matter("---\ntitle: x\n---\n\n\nFirst line", "docs/p.md")
    assert (page.meta, page.body, page.body_start_line) == ({"title": "x"}, "First line", 6)


def test_a_page_without_front_matter_is_all_body():
    page = split_front_matter("Just text", "docs/p.md")
    assert (page.meta, page.body, page.body_start_line) == ({}, "Just text", 1)


GOOD = "---\ntitle: T\ndescription: D.\ntype: theme\nsources: [1]\ntags: [Themes]\n---\n"


@pytest.mark.parametrize(
    ("front_matter", "error"),
    [
        (GOOD, None),
        ("", "docs/p.md:1: the page has no front matter"),
        (GOOD.replace("title: T\n", ""), "docs/p.md:2: `title:` is missing or empty"),
        (GOOD.replace("title: T", "title: ''"), "docs/p.md:2: `title:` is missing or empty"),
        (GOOD.replace("type: theme", "type: essay"), "docs/p.md:4: `type: essay` is not a page type"),
        (GOOD.replace("sources: [1]", "sources: 1"), "docs/p.md:5: `sources:` must list the paragraphs"),
        (GOOD.replace("sources: [1]", "sources: [12]"), "docs/p.md:5: `sources:` names ¶12"),
        (GOOD.replace("tags: [Themes]", "tags: []"), "docs/p.md:6: `tags:` must list at least one tag"),
        (GOOD.replace("tags:", "tagz:"), "docs/p.md:6: unknown front-matter key `tagz`"),
        (
            GOOD.replace("type: theme", "type: guide").replace("sources: [1]\n", "").replace("tags: [Themes]\n", ""),
            None,
        ),
    ],
)
def test_check_page(front_matter: str, error: str | None):
    page = split_front_matter(front_matter + "Body", "docs/p.md")
    if error is None:
        check_page(page, KNOWN)
    else:
        with pytest.raises(FrontMatterError) as raised:
            check_page(page, KNOWN)
        assert str(raised.value).startswith(error)


@pytest.mark.parametrize(
    ("cited", "error"),
    [
        ({1}, None),
        ({1, 2}, "docs/p.md:5: the page cites ¶2 but `sources:` does not list it: add 2"),
        (set(), "docs/p.md:5: `sources:` lists ¶1 but the page never cites it"),
    ],
)
def test_sources_must_equal_what_the_page_cites(cited: set[int], error: str | None):
    page = split_front_matter(GOOD, "docs/p.md")
    if error is None:
        check_sources_match(page, cited)
    else:
        with pytest.raises(FrontMatterError, match=error.replace("¶", "¶")):
            check_sources_match(page, cited)


def test_unknown_marker_is_an_error_with_its_line():
    with pytest.raises(MarkerError, match=r"^docs/p\.md:4: unknown marker <!-- glosary -->"):
        check_markers("text\n\n<!-- glosary -->\n", "docs/p.md", first_line=2)


def test_the_tags_directive_in_code_is_an_error_because_material_reads_it_there():
    with pytest.raises(MarkerError, match=r"^docs/p\.md:3: Material's tags plugin reads the material/tags directive"):
        check_markers("| marker |\n| --- |\n| `<!-- material/tags -->` |\n", "docs/p.md")


@pytest.mark.parametrize(
    "markdown",
    [
        "<!-- glossary -->",
        "<!-- a comment with several words -->",
        "<!-- material/tags -->",
        "<!-- crosslinks: off -->",
        "Inline <!-- glosary --> comment in a sentence",
        "```\n<!-- glosary -->\n```",
    ],
)
def test_known_markers_comments_and_code_pass(markdown: str):
    check_markers(markdown, "docs/p.md")


def test_replace_marker_only_on_its_own_line_and_outside_code():
    markdown = "a\n<!-- glossary -->\nb `<!-- glossary -->`\n```\n<!-- glossary -->\n```\n"
    assert replace_marker(markdown, "glossary", "X") == "a\nX\nb `<!-- glossary -->`\n```\n<!-- glossary -->\n```\n"


def test_replace_marker_rejects_an_unknown_name():
    with pytest.raises(KeyError):
        replace_marker("", "glosary", "X")


def test_load_paragraphs_requires_consecutive_numbers():
    with pytest.raises(ParagraphDataError, match=r"data/p\.yml: entry 2 has n: 3"):
        load_paragraphs(
            "- {n: 1, part: A, line: 1, title: T, summary: S}\n- {n: 3, part: A, line: 2, title: T, summary: S}",
            "data/p.yml",
        )


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("{n: 1, part: A, line: 1, summary: S}", "1: entry 1 needs exactly the keys n, part, line, title, summary"),
        ("{n: 1, part: A, line: abc, title: T, summary: S}", "1: entry 1: `line: abc` must be a whole number"),
        ("{n: 1, part: A, line: 1, title: '', summary: S}", "1: entry 1: `title:` must be text"),
        ("{n: 1, part: A, line: 1, title: 1972, summary: S}", "1: entry 1: `title:` must be text"),
    ],
)
def test_load_paragraphs_names_the_entry_and_the_bad_value(entry: str, message: str):
    with pytest.raises(ParagraphDataError, match=re.escape(f"data/p.yml:{message}")):
        load_paragraphs(f"- {entry}\n", "data/p.yml")


def test_paragraph_map_gives_each_paragraph_a_titled_heading_a_summary_and_a_provenance_slot():
    paragraphs = [
        Paragraph(1, "The split", 1, "The offer", "One."),
        Paragraph(2, "The status quo", 12, "After", "Two."),
    ]
    assert render_paragraph_map(paragraphs) == (
        "## The split { #the-split }\n\n### ¶1 · The offer { #p1 }\n\nOne.\n\n<!-- provenance of ¶1 -->\n\n"
        "## The status quo { #the-status-quo }\n\n### ¶2 · After { #p2 }\n\nTwo.\n\n<!-- provenance of ¶2 -->\n"
    )


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (
            "Doc file 'actors/uae.md' contains a link 'rusia.md', but the target 'actors/rusia.md' is not found"
            " among documentation files.",
            "docs/actors/uae.md: the link 'rusia.md' points at docs/actors/rusia.md, which does not exist."
            " Correct the link: it is relative to this page's folder; did you mean 'russia.md'?",
        ),
        (
            "Doc file 'index.md' contains a link 'nowhere.md', but the target is not found among documentation files.",
            "docs/index.md: the link 'nowhere.md' points at docs/nowhere.md, which does not exist."
            " Correct the link: it is relative to this page's folder.",
        ),
        (
            "Doc file 'index.md' contains a link 'actors/russia.md#tie', but the doc 'actors/russia.md' does not"
            " contain an anchor '#tie'",
            "docs/index.md: the link 'actors/russia.md#tie' names an anchor that docs/actors/russia.md does not have."
            " Use one of the ids set on its headings with `{ #id }`, or drop the `#...` part.",
        ),
        ("Something else entirely", "Something else entirely"),
    ],
)
def test_link_warnings_are_reworded_to_name_the_file_and_the_fix(message: str, expected: str):
    assert reword(message, "docs", ["index.md", "actors/russia.md", "actors/uae.md"]) == expected
