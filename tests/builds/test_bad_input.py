"""Bad input fails the build with a message that names the file (and line), never a silently wrong page.

Each test builds a small site in a temporary folder with the real site-model hook and one mistake.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from project_support import ROOT, build_site
from selectolax.lexbor import LexborHTMLParser as HTMLParser

GOOD_PAGE = """---
title: Armenia
description: A test page.
type: actor
sources: [2]
tags: [Actors]
---

Armenia turns away from Moscow [¶2].
"""

SOURCE_PAGE = """---
title: The source
description: The paragraph map.
type: reference
sources: []
---

<!-- paragraph-map -->
"""

PARAGRAPHS = "\n".join(
    f"- n: {n}\n  part: Part\n  line: {n}\n  title: Title {n}\n  summary: Paragraph {n}." for n in (1, 2, 3)
)


def make_site(root: Path, page: str) -> Path:
    """A three-paragraph site with the real hook and `page` as docs/actors/armenia.md."""
    (root / "docs" / "actors").mkdir(parents=True)
    (root / "data").mkdir()
    (root / "data" / "paragraphs.yml").write_text(PARAGRAPHS, encoding="utf-8")
    (root / "docs" / "source.md").write_text(SOURCE_PAGE, encoding="utf-8")
    (root / "docs" / "actors" / "armenia.md").write_text(page, encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        f"site_name: Test\nstrict: true\ntheme: {{name: material, custom_dir: {ROOT / 'overrides'}}}\n"
        "markdown_extensions: [attr_list, toc]\n"
        "validation: {links: {not_found: warn, anchors: warn}}\n"
        f"hooks: [{ROOT / 'hooks' / 'site_model.py'}, {ROOT / 'hooks' / 'link_hints.py'}]\n",
        encoding="utf-8",
    )
    return root / "mkdocs.yml"


def test_a_good_page_builds_and_its_citation_links_to_the_paragraph(tmp_path: Path):
    result = build_site(make_site(tmp_path, GOOD_PAGE), tmp_path / "site", cwd=tmp_path)
    assert result.returncode == 0, result.output
    html = (tmp_path / "site" / "actors" / "armenia" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../source/#p2"' in html and 'class="cite"' in html


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        pytest.param(
            GOOD_PAGE.replace("[¶2]", "[¶99]"),
            "docs/actors/armenia.md:9: [¶99] cites a paragraph the source does not have; the article has ¶1 to ¶3",
            id="citation-of-a-paragraph-that-does-not-exist",
        ),
        pytest.param(
            GOOD_PAGE.replace("title: Armenia\n", "title: Armenia\n  sources: : [\n"),
            "docs/actors/armenia.md:3: front matter is not valid YAML",
            id="malformed-front-matter",
        ),
        pytest.param(
            GOOD_PAGE.split("---\n", 2)[2],
            "docs/actors/armenia.md:1: the page has no front matter",
            id="missing-front-matter",
        ),
        pytest.param(
            GOOD_PAGE.replace("description: A test page.\n", ""),
            "docs/actors/armenia.md:2: `description:` is missing or empty",
            id="front-matter-missing-a-field",
        ),
        pytest.param(
            GOOD_PAGE.replace("type: actor", "type: country"),
            "docs/actors/armenia.md:4: `type: country` is not a page type",
            id="unknown-page-type",
        ),
        pytest.param(
            GOOD_PAGE.replace("sources: [2]", "sorces: [2]"),
            "docs/actors/armenia.md:5: unknown front-matter key `sorces`",
            id="misspelt-key",
        ),
        pytest.param(
            GOOD_PAGE.replace("sources: [2]", "sources: [2, 3]"),
            "docs/actors/armenia.md:5: `sources:` lists ¶3 but the page never cites it",
            id="sources-lists-an-uncited-paragraph",
        ),
        pytest.param(
            GOOD_PAGE.replace("[¶2]", "[¶2, 3]"),
            "docs/actors/armenia.md:5: the page cites ¶3 but `sources:` does not list it",
            id="citation-missing-from-sources",
        ),
        pytest.param(
            GOOD_PAGE + "\nSee [the source](../sorce.md#p2).\n",
            "docs/actors/armenia.md: the link '../sorce.md#p2' points at docs/sorce.md, which does not exist."
            " Correct the link: it is relative to this page's folder; did you mean '../source.md'?",
            id="dead-link",
        ),
        pytest.param(
            GOOD_PAGE + "\nSee [the source](../source.md#p9).\n",
            "docs/actors/armenia.md: the link '../source.md#p9' names an anchor that docs/source.md does not have.",
            id="dead-anchor",
        ),
        pytest.param(
            GOOD_PAGE.replace(
                "tags: [Actors]\n", "tags: [Actors]\nterms:\n  - name: Armenia\n    aliases: [Yerevan]\n"
            ),
            "docs/actors/armenia.md:8: the term 'Armenia' has no `definition:`",
            id="term-without-a-definition",
        ),
        pytest.param(
            GOOD_PAGE.replace(
                "tags: [Actors]\n", "tags: [Actors]\nterms:\n  - name: Armenia\n    definition: A country [¶7].\n"
            ),
            "docs/actors/armenia.md:9: [¶7] cites a paragraph the source does not have",
            id="definition-citing-a-paragraph-that-does-not-exist",
        ),
        pytest.param(
            GOOD_PAGE + "\n<!-- tie -->\n",
            "docs/actors/armenia.md:11: unknown marker <!-- tie -->",
            id="unknown-marker",
        ),
        pytest.param(
            GOOD_PAGE.replace("type: actor\n", "type: actor\ntitle: Armenia again\n"),
            "docs/actors/armenia.md:5: `title:` is set twice in the front matter (lines 2 and 5): keep one",
            id="duplicate-key",
        ),
        pytest.param(
            GOOD_PAGE.replace("title: Armenia", "title: 1972"),
            'docs/actors/armenia.md:2: `title: 1972` is read as a number: put it in quotes, `title: "1972"`',
            id="title-read-as-a-number",
        ),
        pytest.param(
            GOOD_PAGE.replace("title: Armenia", "title: Armenia <img src=x onerror=alert(1)>"),
            "docs/actors/armenia.md:2: `title:` holds markup (<): write plain text",
            id="markup-in-title",
        ),
        pytest.param(
            GOOD_PAGE.replace("description: A test page.", "description: 'A \"test\" page.'"),
            'docs/actors/armenia.md:3: `description:` holds a straight double quote ("), which would end the',
            id="quote-in-description",
        ),
        *(
            pytest.param(
                GOOD_PAGE.replace("[¶2]", citation),
                f"docs/actors/armenia.md:9: {message}",
                id=f"citation-{name}",
            )
            for name, citation, message in [
                ("letter-after-number", "[¶2a]", "[¶2a] is not a citation: write [¶N], [¶N, M] or [¶N-M]"),
                ("empty", "[¶2] [¶]", "[¶] is not a citation: write [¶N], [¶N, M] or [¶N-M]"),
                ("word", "[¶2] [¶five]", "[¶five] is not a citation: write [¶N], [¶N, M] or [¶N-M]"),
                ("trailing-comma", "[¶2,]", "[¶2,] is not a citation: write [¶N], [¶N, M] or [¶N-M]"),
                ("reversed-range", "[¶2] [¶3-1]", "[¶3-1] runs backwards: write [¶1-3]"),
                (
                    "huge-range",
                    "[¶2] [¶1-999999999]",
                    "[¶1-999999999] cites ¶999999999, a paragraph the source does not have",
                ),
            ]
        ),
    ],
)
def test_a_mistake_fails_the_build_naming_file_and_line(tmp_path: Path, page: str, expected: str):
    result = build_site(make_site(tmp_path, page), tmp_path / "site", cwd=tmp_path)
    assert result.returncode != 0
    assert expected in result.output, result.output


def test_citations_and_markers_inside_code_are_left_alone(tmp_path: Path):
    page = GOOD_PAGE + "\nWrite `[¶99]` to cite.\n\n```markdown\n<!-- no-such-marker -->\n[¶42]\n```\n"
    result = build_site(make_site(tmp_path, page), tmp_path / "site", cwd=tmp_path)
    assert result.returncode == 0, result.output
    html = (tmp_path / "site" / "actors" / "armenia" / "index.html").read_text(encoding="utf-8")
    assert "[¶99]" in html and "[¶42]" in html


def test_a_page_that_is_not_utf8_is_named_with_its_line(tmp_path: Path):
    config = make_site(tmp_path, GOOD_PAGE)
    page = tmp_path / "docs" / "actors" / "armenia.md"
    page.write_bytes(GOOD_PAGE.replace("turns away", "se d\u00e9tourne").encode("latin-1"))
    result = build_site(config, tmp_path / "site", cwd=tmp_path)
    assert result.returncode != 0
    assert "docs/actors/armenia.md:9: is not UTF-8 text" in result.output, result.output
    assert "Traceback" not in result.output


def test_a_page_starting_with_a_byte_order_mark_builds(tmp_path: Path):
    config = make_site(tmp_path, GOOD_PAGE)
    (tmp_path / "docs" / "actors" / "armenia.md").write_text("\ufeff" + GOOD_PAGE, encoding="utf-8")
    result = build_site(config, tmp_path / "site", cwd=tmp_path)
    assert result.returncode == 0, result.output
    html = (tmp_path / "site" / "actors" / "armenia" / "index.html").read_text(encoding="utf-8")
    assert "<title>Armenia" in html


def test_a_wrong_type_in_the_paragraph_list_is_named_with_its_line(tmp_path: Path):
    config = make_site(tmp_path, GOOD_PAGE)
    (tmp_path / "data" / "paragraphs.yml").write_text(PARAGRAPHS.replace("line: 2", "line: abc"), encoding="utf-8")
    result = build_site(config, tmp_path / "site", cwd=tmp_path)
    assert result.returncode != 0
    assert "data/paragraphs.yml:8: entry 2: `line: abc` must be a whole number" in result.output, result.output
    assert "Traceback" not in result.output


def test_the_title_is_escaped_in_the_project_templates_even_where_no_check_runs(tmp_path: Path):
    """The page heading comes from overrides/partials/content.html; a title with markup (which the
    site-model hook refuses) must still show as written if that check is off."""
    title = 'A <b>bold</b> & "quoted" <img src=x onerror=alert(1)> title'
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("---\ntitle: Home\n---\nHome.\n", encoding="utf-8")
    (tmp_path / "docs" / "page.md").write_text(f"---\ntitle: '{title}'\n---\nText.\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: Test\ntheme: {{name: material, custom_dir: {ROOT / 'overrides'}}}\n", encoding="utf-8"
    )
    result = build_site(tmp_path / "mkdocs.yml", tmp_path / "site", cwd=tmp_path)
    assert result.returncode == 0, result.output
    page = HTMLParser((tmp_path / "site" / "page" / "index.html").read_text(encoding="utf-8"))
    heading = page.css_first("article h1")
    assert heading.text() == title
    assert heading.css("b, img") == []
