"""Backlinks, mention counts, glossary entries and the report line, from linker results."""

from __future__ import annotations

from crosslinker import (
    Linker,
    PageInfo,
    Report,
    build_registry,
    collect_backlinks,
    glossary_entries,
    glossary_letters,
    mention_counts,
    unmentioned_terms,
)

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

TERMS = {
    "actors/russia.md": [{"name": "Russia", "aliases": ["the Kremlin"]}],
    "themes/sanctions.md": [
        {"name": "sanctions"},
        {"name": "secondary sanctions", "anchor": "secondary", "definition": "Own definition [¶6]."},
    ],
    "themes/unused.md": [{"name": "Zeitenwende"}],
    "actors/iran.md": [{"name": "Éire test"}],
}

PAGES = {
    "index.md": "<p>The Kremlin faces sanctions. More sanctions.</p>",
    "actors/russia.md": "<p>Russia. Secondary sanctions hurt.</p>",
    "themes/sanctions.md": "<p>Sanctions on Russia.</p>",
    "actors/iran.md": "<p>Nothing here about Eire test.</p>",
    "quiet.md": "<p>No terms.</p>",
}


def url_for(page: str, anchor: str | None) -> str:
    return page + (f"#{anchor}" if anchor else "")


def results():
    linker = Linker(build_registry(TERMS))
    return {src: linker.link(html, page=src, url_for=url_for) for src, html in PAGES.items()}


# -----------------------------------------------------------------------------
# Tests
# -----------------------------------------------------------------------------


def test_backlinks_in_navigation_order_one_per_page() -> None:
    order = ["themes/sanctions.md", "index.md", "actors/russia.md"]
    backlinks = collect_backlinks(results(), order)
    assert {target: [(b.page, b.term, b.sentence) for b in items] for target, items in backlinks.items()} == {
        "actors/russia.md": [
            ("themes/sanctions.md", "Russia", "Sanctions on Russia."),
            ("index.md", "Russia", "The Kremlin faces sanctions."),
        ],
        "themes/sanctions.md": [
            ("index.md", "sanctions", "The Kremlin faces sanctions."),
            ("actors/russia.md", "secondary sanctions", "Secondary sanctions hurt."),
        ],
    }


def test_backlinks_pages_missing_from_nav_follow_in_path_order() -> None:
    backlinks = collect_backlinks(results(), [])
    assert [b.page for b in backlinks["actors/russia.md"]] == ["index.md", "themes/sanctions.md"]


def test_mention_counts_and_unmentioned() -> None:
    counts = mention_counts(results())
    assert counts == {
        "actors/russia.md#Russia": 2,
        "themes/sanctions.md#sanctions": 1,
        "themes/sanctions.md#secondary sanctions": 1,
    }
    registry = build_registry(TERMS)
    assert [t.name for t in unmentioned_terms(registry, counts)] == ["Éire test", "Zeitenwende"]


def test_glossary_entries_a_to_z() -> None:
    registry = build_registry(TERMS)
    pages = {
        "actors/russia.md": PageInfo("Russia"),
        "themes/sanctions.md": PageInfo("Sanctions"),
        "themes/unused.md": PageInfo("Unused"),
        "actors/iran.md": PageInfo("Iran"),
    }
    entries = glossary_entries(registry, mention_counts(results()), pages, url_for)
    # Definitions come from the terms alone, never from the page's description.
    assert [(e.letter, e.name, e.mentions, e.definition, e.url, e.id) for e in entries] == [
        ("E", "Éire test", 0, "", "actors/iran.md", "term-eire-test"),
        ("R", "Russia", 2, "", "actors/russia.md", "term-russia"),
        ("S", "sanctions", 1, "", "themes/sanctions.md", "term-sanctions"),
        (
            "S",
            "secondary sanctions",
            1,
            "Own definition [¶6].",
            "themes/sanctions.md#secondary",
            "term-secondary-sanctions",
        ),
        ("Z", "Zeitenwende", 0, "", "themes/unused.md", "term-zeitenwende"),
    ]
    assert entries[1].aliases == ("the Kremlin",)
    assert entries[1].page_title == "Russia"


def test_glossary_sorts_the_under_its_noun_and_keeps_ids_unique() -> None:
    registry = build_registry(
        {
            "a.md": [{"name": "the Kremlin"}],
            "b.md": [{"name": "Kremlin?"}],
            "c.md": [{"name": "2015 deal"}],
            "d.md": [{"name": "Kremlin!"}],
        }
    )
    entries = glossary_entries(registry, {}, {}, url_for)
    assert [(e.letter, e.name, e.id) for e in entries] == [
        ("#", "2015 deal", "term-2015-deal"),
        ("K", "the Kremlin", "term-the-kremlin"),
        ("K", "Kremlin!", "term-kremlin-2"),
        ("K", "Kremlin?", "term-kremlin"),
    ]


def test_glossary_letters_in_order_once_each_with_heading_ids() -> None:
    registry = build_registry(
        {"a.md": [{"name": "the Kremlin"}, {"name": "Kazakhstan"}], "b.md": [{"name": "2015 deal"}, {"name": "BRICS"}]}
    )
    entries = glossary_entries(registry, {}, {}, url_for)
    assert glossary_letters(entries) == [("#", "glossary-digits"), ("B", "glossary-b"), ("K", "glossary-k")]
    assert glossary_letters([]) == []


def test_report_line() -> None:
    registry = build_registry(TERMS)
    report = Report(
        terms=4,
        pages=5,
        links_added=6,
        pages_without_links=2,
        unmentioned=unmentioned_terms(registry, {}),
        seconds=0.0123,
    )
    assert report.line() == (
        "crosslinks: 4 terms, 5 pages, 6 links added, 2 pages without any cross-link, 5 terms never mentioned (12 ms)"
    )
