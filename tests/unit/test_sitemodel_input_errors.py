"""Editors' mistakes in pages and data files: each is one message with the file and line and what to do.

Pure functions only; tests/builds/test_bad_input.py checks the same mistakes end to end.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from sitemodel.citations import CitationError, check_citations, find_citations
from sitemodel.frontmatter import FrontMatterError, read_pages, split_front_matter
from sitemodel.paragraphs import ParagraphDataError, load_paragraphs
from sitemodel.schema import check_page
from svgfigures.model import FigureDataError, load_actors

KNOWN = set(range(1, 12))
GOOD = "---\ntitle: T\ndescription: D.\ntype: theme\nsources: [1]\ntags: [Themes]\n---\nBody [¶1].\n"

# -----------------------------------------------------------------------------
# Front matter
# -----------------------------------------------------------------------------


def test_a_byte_order_mark_is_not_part_of_the_page() -> None:
    page = split_front_matter("\ufeff" + GOOD, "docs/p.md")
    assert page.meta["title"] == "T"
    assert (page.body, page.body_start_line) == ("Body [¶1].\n", 8)


@pytest.mark.parametrize(
    ("front_matter", "error"),
    [
        ("title: T\ntitle: U\n", "docs/p.md:3: `title:` is set twice in the front matter (lines 2 and 3): keep one"),
        (
            "terms:\n  - name: A\n    name: B\n",
            "docs/p.md:4: `name:` is set twice in the front matter (lines 3 and 4): keep one",
        ),
    ],
    ids=["top-level", "nested"],
)
def test_a_key_set_twice_is_an_error(front_matter: str, error: str) -> None:
    with pytest.raises(FrontMatterError) as raised:
        split_front_matter(f"---\n{front_matter}---\nBody", "docs/p.md")
    assert str(raised.value).startswith(error)


def test_a_page_that_is_not_utf8_names_the_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "p.md").write_bytes(b"---\ntitle: T\n---\n\nCaf\xe9 au lait.\n")
    with pytest.raises(FrontMatterError) as raised:
        read_pages(tmp_path, ["p.md"])
    assert str(raised.value).startswith("docs/p.md:5: is not UTF-8 text (byte 0xe9)")
    assert "save it as UTF-8" in str(raised.value)


QUOTE_IT = [
    ("int", "title: 1972", '2: `title: 1972` is read as a number: put it in quotes, `title: "1972"`'),
    ("float", "title: 1.5", '2: `title: 1.5` is read as a number: put it in quotes, `title: "1.5"`'),
    ("bool", "title: no", '2: `title: no` is read as true or false: put it in quotes, `title: "no"`'),
    ("date", "description: 2024-11-05", "3: `description: 2024-11-05` is read as a date: put it in quotes"),
    ("tag", "tags: [Themes, 2024]", "6: the tag `2024` is read as a number: put it in quotes"),
    ("tag-in-title", "title: T <b>bold</b>", "2: `title:` holds markup (<): write plain text"),
    ("entity-in-title", "title: AT&amp;T", "2: `title:` holds markup (&amp;): write plain text"),
    ("quote-in-description", "description: 'Say \"D\".'", '3: `description:` holds a straight double quote (")'),
]


@pytest.mark.parametrize(("line", "error"), [row[1:] for row in QUOTE_IT], ids=[row[0] for row in QUOTE_IT])
def test_values_the_theme_cannot_show_as_written(line: str, error: str) -> None:
    key = line.split(":", 1)[0]
    text = "".join(line + "\n" if row.startswith(f"{key}:") else row + "\n" for row in GOOD.splitlines())
    with pytest.raises(FrontMatterError) as raised:
        check_page(split_front_matter(text, "docs/p.md"), KNOWN)
    assert str(raised.value).startswith(f"docs/p.md:{error}")


@pytest.mark.parametrize("title", ["Q&A", "R & D", "“Quoted” and ‘single’", "Ends with a dot."])
def test_plain_text_with_ampersands_and_typographic_quotes_is_fine(title: str) -> None:
    check_page(split_front_matter(GOOD.replace("title: T", f"title: {title}"), "docs/p.md"), KNOWN)


# -----------------------------------------------------------------------------
# Citations
# -----------------------------------------------------------------------------

NEAR_MISSES = [
    ("letter", "A claim [¶3a].", "[¶3a]"),
    ("empty", "A claim [¶].", "[¶]"),
    ("word", "A claim [¶five].", "[¶five]"),
    ("trailing-comma", "A claim [¶3,].", "[¶3,]"),
    ("trailing-dash", "A claim [¶3-].", "[¶3-]"),
    ("two-pilcrows-one-sign", "A claim [¶¶3].", "[¶¶3]"),
]


@pytest.mark.parametrize(("markdown", "written"), [row[1:] for row in NEAR_MISSES], ids=[row[0] for row in NEAR_MISSES])
def test_a_near_miss_citation_is_an_error_not_literal_text(markdown: str, written: str) -> None:
    with pytest.raises(CitationError) as raised:
        check_citations("First line.\n\n" + markdown, KNOWN, "docs/p.md")
    assert str(raised.value) == (
        f"docs/p.md:3: {written} is not a citation: write [¶N], [¶N, M] or [¶N-M] with the article's "
        "paragraph numbers, e.g. [¶5], [¶5, 7] or [¶9-11]"
    )


@pytest.mark.parametrize(
    "markdown",
    ["Code `[¶3a]` is literal.", "A link [¶3a](x.md) or a reference [¶x][ref] is left alone.", "No [p3] or ¶ alone."],
)
def test_near_misses_in_code_and_links_are_left_alone(markdown: str) -> None:
    assert check_citations(markdown, KNOWN, "docs/p.md") == set()


def test_a_reversed_range_says_how_to_write_it() -> None:
    with pytest.raises(CitationError, match=r"^docs/p\.md:1: \[¶3-1\] runs backwards: write \[¶1-3\]$"):
        check_citations("A claim [¶3-1].", KNOWN, "docs/p.md")


def test_a_huge_range_is_checked_before_it_is_expanded() -> None:
    with pytest.raises(CitationError) as raised:
        check_citations("A claim [¶1-999999999].", KNOWN, "docs/p.md")
    assert str(raised.value).startswith(
        "docs/p.md:1: [¶1-999999999] cites ¶999999999, a paragraph the source does not have; the article has ¶1 to ¶11"
    )


def test_find_citations_does_not_expand_a_range_it_cannot_hold() -> None:
    (citation,) = find_citations("A claim [¶1-999999999].")
    assert len(citation.paragraphs) <= 2


# -----------------------------------------------------------------------------
# The paragraph list
# -----------------------------------------------------------------------------

PARAGRAPHS = (
    "- n: 1\n  part: A\n  line: 1\n  title: T\n  summary: One.\n"
    "- n: 2\n  part: A\n  line: 3\n  title: T\n  summary: Two.\n"
)


@pytest.mark.parametrize(
    ("change", "error"),
    [
        (("line: 3", "line: abc"), "data/p.yml:8: entry 2: `line: abc` must be a whole number"),
        (("line: 3", "line: 1.5"), "data/p.yml:8: entry 2: `line: 1.5` must be a whole number"),
        (("line: 3", "line: -3"), "data/p.yml:8: entry 2: `line: -3` must be a whole number"),
        (("n: 2", "n: two"), "data/p.yml:6: entry 2: `n: two` must be a whole number"),
        (("part: A\n  line: 3", "part: [A]\n  line: 3"), "data/p.yml:7: entry 2: `part:` must be text"),
        (("summary: Two.", "summary:"), "data/p.yml:10: entry 2: `summary:` must be text"),
        (("summary: Two.", "summary: Two.\n  summary: Again."), "data/p.yml:11: `summary:` is set twice"),
    ],
    ids=["line-word", "line-float", "line-negative", "n-word", "part-list", "summary-empty", "duplicate-key"],
)
def test_a_wrong_type_in_the_paragraph_list_names_the_line(change: tuple[str, str], error: str) -> None:
    with pytest.raises(ParagraphDataError) as raised:
        load_paragraphs(PARAGRAPHS.replace(*change), "data/p.yml")
    assert str(raised.value).startswith(error)


# -----------------------------------------------------------------------------
# Citations in front matter (an actor's ties and outlook)
# -----------------------------------------------------------------------------


def test_a_huge_range_in_an_outlook_is_reported_not_expanded() -> None:
    outlook = {"split": "A prospect [¶1-999999999].", "status_quo": "Continuity [¶9]."}
    meta = {"type": "actor", "title": "A", "outlook": outlook}
    page = SimpleNamespace(path="docs/actors/a.md", meta=meta, meta_text=yaml.safe_dump(meta, allow_unicode=True))
    with pytest.raises(FigureDataError, match=r"^docs/actors/a\.md:\d+: outlook\.split: ¶999999999 does not exist"):
        load_actors({"actors/a.md": page}, frozenset(KNOWN))
